"""Sentences no summary tells: code, citation lists, bare addresses; and the prose around them that it may."""

import pytest

from briefing.snippets import is_bare_url, is_citation, is_code, is_prose


@pytest.mark.parametrize(
    "line",
    [
        "uint64_t t = dispatch_benchmark(iterations, ^{ @autoreleasepool { NSMutableArray *mutableArray = "
        "[NSMutableArray array]; for (size_t i = 0; i < count; i++) { [mutableArray addObject:x]; } } });",
        'const char *filePath = [fileURL fileSystemRepresentation]; const char *name = "com.Example.Etag";',
        'curl -X GET "https://api.example.com/v1/items" -H "Accept: application/json"',
        "pod 'X', '~> 1.1'",
        "setxattr(filePath, name, value, strlen(value), 0, 0);",
        "$ git cl upload",
        "if (name.isEmpty()) { ... }",
        "extern CFArrayRef DCSCopyDictionaries(); extern CFStringRef DCSDictionaryGetName(DCSDictRef d);",
    ],
)
def test_code_is_no_prose(line):
    assert is_code(line) and not is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "(0:27) Source: “Schedule 13G/A for Square Inc.” Securities and Exchange Commission, February 2017.",
        "Visual Capitalist, August 2017. http://bit.ly/2hoewDI “What Happens in an Internet Minute in 2016?”",
        "Proof: http://imgur.com/WeH7kPW, http://imgur.com/dVefdsk",
        "(05:05) Warum klingt der Podcast wie Erkältung mit Blattgold?",
    ],
)
def test_citations_are_no_prose(line):
    assert is_citation(line) and not is_prose(line)


@pytest.mark.parametrize("line", ["http://example.com/a", "... http://www.narro.co/faq…", "Via www.x.org"])
def test_a_bare_address_is_no_prose(line):
    assert is_bare_url(line) and not is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "You can watch the trailer here: http://trailers.apple.com/trailers/independent/4thmanout/.",
        "Source: I'm a landscaper, and I actually enjoy working for people when they take a minute to chat.",
        "Through a disciplined application of science and statistics, a developer can reason about code.",
        "The firm (NYSE: ABC) said revenue rose 12% to $4.5bn in Q3 2017, up from £3.2bn.",
        "Scores: 3-1, 2-0 and 1-1 (a.e.t.) in the U.S. on 12/03/2017 at 10:30.",
        "He earned £50,000-a-year [and more] - “a lot” - said Mr O’Neill; the end.",
        "Writing tests in Go is easy, whereas in C++ it can be hard (it isn’t ingrained in C++ culture).",
        "For Lease:Large Studio Apt,Full size Kitchen,Walk-in Closet,2-Room Bath Area.",
        "Ihre Reaktion hört ihr im Podcast (7:00) und sie ist legendär.",
        "The vote is #MeToo's test, @jack wrote — and 5 of 9 agreed.",
    ],
)
def test_prose_stays_prose(line):
    assert is_prose(line)
