"""Embedded social posts (a tweet a page quotes, its photo link, its signature) are page furniture:
no summary or opening tells them, and their signature line is not stored."""

import pytest
from conftest import FIXTURES

from briefing.boilerplate import strip_boilerplate
from briefing.feeds import parse_feed
from briefing.furniture import Kind, classify
from briefing.openings import opening
from briefing.snippets import embedded_posts, is_prose, is_social_post, without_signature
from briefing.summary import build_document, summarize

LEAD = (
    "New Zealand singer Lorde has taken out a full-page advert in her home country's largest newspaper "
    "thanking readers for believing in female musicians after she was overlooked at the Grammys."
)
TWEET = (
    "Full-page letter from @lorde in today's @nzherald: 'Thank you, also, for believing in female "
    "musicians' pic.twitter.com/Z86VXCCpvl"
)


@pytest.mark.parametrize(
    "line",
    [
        TWEET,
        "Full-page letter from @lorde in today's @nzherald: 'Thank you, also, for believing in women'",
        "Town have completed the signing of Barry Cotter https://t.co/BAwgd5VZEY",
        "Thank you all so much for coming out tonight. — Lorde (@lorde) January 30, 2018",
        "A post shared by Lorde (@lorde) on Jan 30, 2018 at 5:02pm PST",
    ],
)
def test_an_embedded_post_is_no_prose(line):
    assert is_social_post(line) and not is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "The vote is #MeToo's test, @jack wrote, and 5 of 9 agreed.",
        "Write to jane@example.com or to the desk at news@example.org with tips.",
        "The minister - who joined in 2018 - said on January 30, 2018 that he would resign.",
    ],
)
def test_a_report_naming_one_account_stays_prose(line):
    assert not is_social_post(line) and is_prose(line)


def test_a_tweet_split_at_its_line_breaks_is_one_post():
    paragraphs = [
        "Ipswich Town signed a defender from Limerick on deadline day.",
        "Town have completed the signing of Barry Cotter from Limerick until 2021 #itfc",
        "https://t.co/BAwgd5VZEY pic.twitter.com/tCdMxZX78i",
        "The fee was not disclosed.",
    ]
    assert embedded_posts(paragraphs) == {1, 2}


def test_no_summary_sentence_comes_from_an_embedded_tweet():
    body = "\n\n".join(
        [
            LEAD,
            "Fans had criticised the awards for overlooking women in the main categories this year.",
            TWEET,
            "Huge news today. We are so proud of her.",
            "https://t.co/BAwgd5VZEY pic.twitter.com/tCdMxZX78i",
        ]
    )
    sentences = [str(s) for s in build_document(body).sentences]
    assert sentences[0] == LEAD and len(sentences) == 2
    assert not any("@" in s or "proud" in s for s in summarize(body, sentences=5))


def test_the_signature_of_an_embedded_post_is_kept_as_its_attribution():
    """The signature says whose words the post's are: dropped, a post read as the outlet's own (QA17d
    F3). It is no date line of a dump, and no summary sentence."""
    assert without_signature("— Lorde (@lorde) January 30, 2018") == ""
    assert without_signature("Thank you all. — Lorde (@lorde) January 30, 2018") == "Thank you all."
    signed = [LEAD, "Thank you all. — Lorde (@lorde) January 30, 2018"]
    assert strip_boilerplate(signed) == signed
    assert classify("— Lorde (@lorde) January 30, 2018").kind is Kind.PROSE
    assert not any("@lorde" in s for s in summarize("\n\n".join(signed), sentences=3))


def test_a_sentence_going_on_after_a_signature_like_dash_is_kept():
    line = "Thank you all — Lorde (@lorde) January 30, 2018 was the day she wrote it, her fans said."
    assert without_signature(line) == line


def test_an_opening_passes_an_embedded_post_by():
    assert opening(f"{TWEET}\n{LEAD}") == (LEAD,)


def test_the_guardians_lorde_item_is_summarized_without_its_tweet():
    entries = parse_feed((FIXTURES / "feeds" / "guardian.rss").read_bytes()).entries
    [lorde] = [e for e in entries if e.draft.title.startswith("Lorde takes out")]
    summary = summarize(lorde.draft.body, title=lorde.draft.title)
    assert summary and not any("pic.twitter.com" in s or "@lorde" in s for s in summary)
