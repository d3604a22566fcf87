"""A feed entry's text as a reader gets it: no links to other stories, no markup escaped twice."""

import pytest
from conftest import FIXTURES

from briefing.feeds import parse_feed
from briefing.fragments import entry_text, html_to_text, repeats_headline

FEEDS = FIXTURES / "feeds"
DANIELS = "Stormy Daniels on Jimmy Kimmel: porn actor casts doubt on denial of Trump affair"
OWN = "https://example.com/news/2018/jan/31/storm-hits-coast"


def drafts(name):
    return {e.draft.title: e.draft for e in parse_feed((FEEDS / name).read_bytes()).entries}


def test_a_guardian_related_story_link_is_no_paragraph_of_the_entry():
    guardian = drafts("guardian.rss")
    daniels = guardian[f"{DANIELS} – video"]
    assert "Porn actor Stormy Daniels casts doubt" not in daniels.body
    assert daniels.body.endswith("'I don’t know, did I?' Daniels said, refusing to answer directly.")
    moon = guardian["Super blue blood moon - in pictures"]
    assert "What is the super blue blood moon?" not in moon.body
    protest = guardian["Moments of protest during Trump's State of the Union address – video"].body
    assert "promised unity but emphasized discord" not in protest
    assert protest.endswith("in reference to Trump's 'shithole countries' comments…")
    live = guardian["Tottenham Hotspur v Manchester United: Premier League – live!"].body
    assert "Transfer deadline day – live!" not in live and "Clockwatch" not in live
    assert "Scott’s book, The Title, containing hot Chas & Dave action" in live  # a link inside text stays


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # a list item or paragraph that is one link to another page
        ("<p>Rain fell all day.</p><ul><li><a href='https://example.com/other'>Other story</a></li></ul>", 1),
        ("<p>Rain fell all day.</p><p><a href='/news/other'>Other story</a></p>", 1),
        # a link to another site or an address alone is the article's: a source, an author, a contact
        ("<p>Rain fell all day.</p><p><a href='https://en.wikipedia.org/wiki/Rain'>Rain</a></p>", 2),
        ("<p>Rain fell all day.</p><p><a href='mailto:desk@example.com'>desk@example.com</a></p>", 2),
        ("<p>Rain fell.</p><ul><li><a href='https://www.example.com/other'>Other story</a></li></ul>", 1),
        # a link to the page itself, by other words than its headline: a teaser's mark, kept
        (f"<p>Rain fell all day.</p><p><a href='{OWN}'>Continue reading...</a></p>", 2),
        ("<p>Rain fell all day.</p><p><a href='/news/2018/jan/31/storm-hits-coast/#more'>More</a></p>", 2),
        # wherever it points, "Continue reading" marks the teaser (a redirector, another query)
        ("<p>Rain fell all day.</p><p><a href='https://feeds.example.net/~r/x'>Continue reading</a></p>", 2),
        # the headline again, as a link to the page or to its video
        (f"<p>Rain fell all day.</p><p><a href='{OWN}'>Storm hits the coast</a></p>", 1),
        # a link inside a sentence, a list item with text besides its link
        ("<p>Rain fell, <a href='https://example.com/x'>the office said</a>.</p>", 1),
        ("<ul><li>Read <a href='https://example.com/book'>The Title</a>, a book on storms</li></ul>", 1),
    ],
)
def test_entry_text_drops_paragraphs_that_only_point_elsewhere(html, text):
    kept = entry_text(html, url=OWN, title="Storm hits the coast").split("\n\n")
    assert len(kept) == text
    assert all("Other story" not in k for k in kept)


def test_an_entry_without_its_own_address_drops_relative_links_to_its_sites_pages():
    html = (
        "<p>Rain fell all day.</p><p><a href='/news/other'>Other story</a></p><p><a href='#c'>Top</a></p>"
        "<p><a href='https://example.org/x'>A source</a></p><h2><a name='part-2'>Part two</a></h2>"
    )
    assert entry_text(html, url=None, title="Storm") == "Rain fell all day.\n\nTop\n\nA source\n\nPart two"


def test_a_headline_is_repeated_when_its_words_run_on_in_the_link():
    assert repeats_headline(DANIELS, f"{DANIELS} – video")
    assert not repeats_headline("Stormy Daniels", f"{DANIELS} – video")
    assert not repeats_headline("Porn actor Stormy Daniels casts doubt on denial of affair", "Daniels")


def test_reddit_descriptions_escaped_twice_are_read_as_html():
    reddit = drafts("reddit-atom.rss")
    assert not [t for t, d in reddit.items() if "<" in d.body or "SC_OFF" in d.body or "&lt;" in d.body]
    tifu = reddit["TIFU by sending my friend a fucked up meme."].body
    assert tifu.startswith("I was laying in bed this morning browsing /r/imgoingtohellforthis when I came")
    assert "\n\nI then go on Facebook" in tifu  # its paragraphs are paragraphs
    joke = reddit["What do you call 5 black people having sex?"].body
    assert joke.startswith("A threesome\n\nsubmitted by")


def test_markup_shown_in_code_or_written_once_escaped_stays_text():
    code = "<pre>&lt;div class=&quot;md&quot;&gt;x&lt;/div&gt;</pre>"
    assert html_to_text(code) == '<div class="md">x</div>'
    assert html_to_text("<p>Write &lt;b&gt; for bold.</p>") == "Write <b> for bold."
    twice = "&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two &amp;amp; three&lt;/p&gt;"
    assert html_to_text(twice) == "One\n\nTwo & three"


def test_a_blank_line_in_the_text_parts_paragraphs_as_before():
    assert html_to_text("<pre>a = 1\n\nb = 2</pre><p>Text\n\nmore</p>") == "a = 1\n\nb = 2\n\nText\n\nmore"
    assert entry_text("<p><a href='/other'>One\n\nTwo</a></p><p>Kept.</p>", url=OWN) == "Kept."
