"""A feed entry updated after it was read (a later date or a new title, same guid and link) is read again:
new figures are stored as the page's new version, which its URL then names, beside the version before;
the same text is nothing, a copy with small edits a near-duplicate. Feeds over 127.0.0.1 (QA12a F3)."""

import re
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from briefing.adapters.fetch import FetchConfig, Fetcher
from briefing.service.feed_polls import ingest_feed
from briefing.service.ingest import ingest_files, ingest_sources
from store import transaction
from store.articles import count_articles, find_by_url, get_article, near_duplicates_of, page_versions
from store.stories import get_story

FAST = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")

KENYA = (
    "Floods in Kenya's Tana River county have killed {toll} people and displaced more than {families} "
    "families, the Kenya Red Cross said. ",
    "Rescue teams used boats to reach villages cut off by the swollen river near Garsen, where water "
    "covered roads and farmland. ",
    "The county commissioner said schools in low-lying areas would stay closed until the water receded, "
    "and that camps had been opened on higher ground near Hola. ",
    "Forecasters expect more heavy rain in the coming days across the coastal region and the highlands "
    "upstream, where the river rises. ",
)
HARBOUR = (
    "The council met on Tuesday night to discuss the new harbour wall, which engineers say must be raised by "
    "a metre before the winter storms arrive. "
) * 3


def kenya(toll="12", families="1,000", typo=False):
    text = "".join(KENYA).format(toll=toll, families=families)
    return text.replace("receded", "recceded") if typo else text


def page(title, text):
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"


@dataclass
class Desk:
    """A news site whose feed and pages change between polls; it counts the requests for each path."""

    site: object
    title: str = "Kenya floods displace thousands in Tana River"
    date: str = "Mon, 20 Jan 2025 10:00:00 GMT"
    etag: str | None = '"v1"'
    text: str = field(default_factory=kenya)
    hits: dict = field(default_factory=dict)
    status: int = 200

    def serve(self):
        async def feed(request):
            self.count("feed", request)
            if self.etag and request.headers.get("If-None-Match") == self.etag:
                return web.Response(status=304, headers={"ETag": self.etag})
            items = (
                (self.title, "/news/a1", self.date),
                ("Harbour wall plans approved", "/news/a2", "Mon, 20 Jan 2025 08:00:00 GMT"),
            )
            entries = "".join(
                f"<item><title>{t}</title><link>{self.site.url(p)}</link><guid>{self.site.url(p)}</guid>"
                f"<description>A short teaser.</description><pubDate>{d}</pubDate></item>"
                for t, p, d in items
            )
            channel = f"<channel><title>Coast Desk</title>{entries}</channel>"
            body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
            headers = {"ETag": self.etag} if self.etag else {}
            return web.Response(body=body.encode(), content_type="application/rss+xml", headers=headers)

        async def a1(request):
            self.count("a1", request)
            if self.status != 200:
                return web.Response(status=self.status)
            return web.Response(body=page(self.title, self.text).encode(), content_type="text/html")

        async def a2(request):
            self.count("a2", request)
            return web.Response(
                body=page("Harbour wall plans approved", HARBOUR).encode(), content_type="text/html"
            )

        self.site.add("/rss", feed)
        self.site.add("/news/a1", a1)
        self.site.add("/news/a2", a2)

    def count(self, name, request):
        self.hits[name] = self.hits.get(name, 0) + 1

    def update(self, *, title=None, date, etag=None, **text):
        self.title = title or self.title
        self.date, self.etag = date, etag
        if text:
            self.text = kenya(**text)


@pytest.fixture
async def fetcher():
    async with Fetcher(FAST) as f:
        yield f


@pytest.fixture
def desk(site):
    d = Desk(site)
    d.serve()
    return d


async def poll(app, desk, fetcher):
    return await ingest_feed(app, desk.site.url("/rss"), fetcher=fetcher)


async def test_an_updated_entry_with_a_new_toll_is_read_again_and_stored_as_the_pages_new_version(
    app, desk, fetcher
):
    first = await poll(app, desk, fetcher)
    assert (first.new, desk.hits) == (2, {"feed": 1, "a1": 1, "a2": 1})
    url = desk.site.url("/news/a1")
    old = find_by_url(app.db, url)
    assert await poll(app, desk, fetcher) == type(first)(not_modified=1)  # a conditional GET, as before
    desk.update(title="Kenya floods: toll rises to 41 in Tana River", date="Tue, 21 Jan 2025 09:00:00 GMT",
                etag='"v2"', toll="41", families="9,000")  # fmt: skip
    second = await poll(app, desk, fetcher)
    # told as an update, apart from news (qa32c F8); its id among the new ones, for alerts
    assert (second.new, second.updated, second.duplicate, second.near_duplicate) == (0, 1, 1, 0)
    assert second.failed == () and len(second.new_ids) == 1
    assert desk.hits == {"feed": 3, "a1": 2, "a2": 1}  # the unchanged entry's page is not fetched again
    new = find_by_url(app.db, url)  # the URL names the page as it is now
    assert new.id == second.new_ids[0] and "killed 41 people" in new.body
    assert new.title == "Kenya floods: toll rises to 41 in Tana River"
    # the version before keeps its row, under the URL with a fragment: a link that still opens the page
    before, now = page_versions(app.db, url)
    assert (before.id, now.id) == (old.id, new.id)
    assert before.url == f"{url}#version-1" and "killed 12 people" in before.body
    assert get_article(app.db, old.id).story_id == new.story_id
    story = get_story(app.db, new.story_id)
    assert any("41 people" in s for s in story.summary)
    assert not any("12 people" in s for s in story.summary)
    # the feed unchanged since: a 304, and no page fetched
    assert (await poll(app, desk, fetcher)).not_modified == 1
    assert desk.hits["a1"] == 2


async def test_a_re_dated_entry_whose_page_did_not_change_is_nothing_new_and_is_not_read_twice(
    app, desk, fetcher
):
    await poll(app, desk, fetcher)
    desk.update(date="Mon, 20 Jan 2025 18:00:00 GMT", etag=None)  # no validators: every poll is a full GET
    again = await poll(app, desk, fetcher)
    assert (again.new, again.duplicate, again.near_duplicate) == (0, 2, 0)
    assert desk.hits["a1"] == 2 and count_articles(app.db) == 2
    # remembered as read with its new date: the next full read of the feed fetches no page
    third = await poll(app, desk, fetcher)
    assert (third.new, third.duplicate) == (0, 2) and desk.hits["a1"] == 2


async def test_an_updated_entry_whose_page_only_fixed_a_typo_is_a_near_duplicate(app, desk, fetcher):
    first = await poll(app, desk, fetcher)
    desk.update(date="Mon, 20 Jan 2025 12:00:00 GMT", etag='"v2"', typo=True)
    again = await poll(app, desk, fetcher)
    assert (again.new, again.near_duplicate, again.duplicate) == (0, 1, 1)
    url = desk.site.url("/news/a1")
    [original] = page_versions(app.db, url)
    assert original.id in first.new_ids and "recceded" not in original.body
    assert [n.url for n in near_duplicates_of(app.db, original.id)] == [url]


async def test_a_retitled_entry_a_day_later_with_the_same_figures_stays_one_article(app, desk, fetcher):
    await poll(app, desk, fetcher)
    desk.update(title="Tana River floods cut off villages", date="Tue, 21 Jan 2025 07:00:00 GMT", etag='"v2"')
    again = await poll(app, desk, fetcher)
    assert desk.hits["a1"] == 2  # read again: the feed retitled it
    assert (again.new, again.near_duplicate + again.duplicate) == (0, 2)
    assert len(page_versions(app.db, desk.site.url("/news/a1"))) == 1


async def test_an_update_whose_page_fails_for_now_is_read_at_the_next_poll(app, desk, fetcher):
    await poll(app, desk, fetcher)
    desk.update(date="Tue, 21 Jan 2025 09:00:00 GMT", etag='"v2"', toll="41", families="9,000")
    desk.status = 503
    down = await ingest_sources(app, [desk.site.url("/rss")], fetcher=fetcher, poll=True)
    assert down.new == 0 and [u for u, _ in down.failed] == [desk.site.url("/news/a1")]
    desk.status = 200
    # not remembered as read, and the feed's validators forgotten: the next poll reads the feed whole
    later = await poll(app, desk, fetcher)
    assert later.updated == 1 and "killed 41" in find_by_url(app.db, desk.site.url("/news/a1")).body


async def test_an_update_whose_page_is_gone_keeps_the_stored_version_not_the_feeds_teaser(app, desk, fetcher):
    first = await poll(app, desk, fetcher)
    desk.update(date="Tue, 21 Jan 2025 09:00:00 GMT", etag='"v2"', toll="41", families="9,000")
    desk.status = 404
    gone = await ingest_sources(app, [desk.site.url("/rss")], fetcher=fetcher)  # not polled: no later try
    url = desk.site.url("/news/a1")
    assert gone.new == 0 and [u for u, _ in gone.failed] == [url]
    assert [v.id for v in page_versions(app.db, url)] == [first.new_ids[0]]
    assert "killed 12 people" in find_by_url(app.db, url).body
    # not remembered as read: the next full read of the feed (here, once it changed again) tries it again
    desk.status, desk.etag = 200, '"v3"'
    assert (await ingest_sources(app, [desk.site.url("/rss")], fetcher=fetcher)).updated == 1


async def test_an_entry_read_before_entries_were_remembered_is_compared_with_its_article(app, desk, fetcher):
    await poll(app, desk, fetcher)
    with transaction(app.db):
        app.db.execute("DELETE FROM feed_entries")  # as a database from before m0017
    desk.etag = '"v2"'
    same = await poll(app, desk, fetcher)  # the same dates as stored: nothing read again, now remembered
    assert (same.new, same.duplicate, desk.hits["a1"]) == (0, 2, 1)
    assert app.db.execute("SELECT count(*) FROM feed_entries").fetchone()[0] == 2
    with transaction(app.db):
        app.db.execute("DELETE FROM feed_entries")
    desk.update(date="Tue, 21 Jan 2025 09:00:00 GMT", etag='"v3"', toll="41", families="9,000")
    later = await poll(app, desk, fetcher)  # a later pubDate than the article's date
    assert later.updated == 1 and desk.hits["a1"] == 2


def atom(updated, title, toll):
    paragraphs = [
        f"A magnitude 7.1 earthquake struck central Chile on Tuesday, and officials said {toll} people had "
        "been killed and hundreds injured in the regions of Maule and Biobio.",
        "Interior minister Carolina Toha said rescue teams were searching collapsed buildings in Talca, and "
        "that the death toll could rise as communications were restored to remote villages in the Andes "
        "foothills, where roads had been blocked by landslides and fallen bridges.",
        "The national emergency office Senapred said power had been cut to 300,000 homes, and that "
        "aftershocks of up to magnitude 5.8 had been felt as far away as Santiago, the capital, where "
        "office workers poured into the streets and the metro was briefly halted for inspections.",
        "President Gabriel Boric declared a state of catastrophe in both regions and said the armed forces "
        "would help distribute water and food to families whose homes were destroyed by the quake, while "
        "hospitals in Talca and Concepcion called in extra staff to treat the injured.",
        "Chile sits on the Pacific Ring of Fire and is one of the most seismically active countries in the "
        "world; a magnitude 8.8 earthquake and tsunami in 2010 killed more than 500 people in the same "
        "regions, and building codes were tightened after it.",
    ]
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quake Desk'
        f"</title><id>urn:qd</id><updated>{updated}</updated><entry><title>{title}</title><id>urn:qd:1</id>"
        '<link href="https://quakedesk.example/quake.html"/>'
        f"<updated>{updated}</updated><published>2025-01-21T08:00:00Z</published>"
        f'<content type="html">{content}</content></entry></feed>'
    ).encode()


async def test_an_atom_entry_updated_with_its_full_text_in_the_feed_is_read_again(app, site, fetcher):
    versions = iter(
        [
            atom("2025-01-21T08:00:00Z", "Chile earthquake kills 12", "12"),
            atom("2025-01-21T12:00:00Z", "Chile earthquake death toll rises to 41", "41"),
            atom("2025-01-21T13:00:00Z", "Chile earthquake death toll rises to 41", "41"),
        ]
    )

    async def feed(request):
        return web.Response(body=next(versions), content_type="application/atom+xml")

    site.add("/quake.atom", feed)
    reports = [await ingest_sources(app, [site.url("/quake.atom")], fetcher=fetcher) for _ in range(3)]
    assert [(r.new, r.updated, r.duplicate, r.near_duplicate) for r in reports] == [
        (1, 0, 0, 0),
        (0, 1, 0, 0),
        (0, 0, 1, 0),
    ]
    current = find_by_url(app.db, "https://quakedesk.example/quake.html")
    assert current.title == "Chile earthquake death toll rises to 41" and "41 people" in current.body
    assert [v.title for v in page_versions(app.db, current.url)] == [
        "Chile earthquake kills 12",
        "Chile earthquake death toll rises to 41",
    ]


async def test_an_update_told_in_a_teaser_whose_page_is_gone_as_its_first_version_was(app, site, fetcher):
    """The first version was the feed's summary (its page gone): the updated summary stands in as well."""
    short = [atom(u, t, n) for u, t, n in (
        ("2025-01-21T08:00:00Z", "Chile earthquake kills 12", "12"),
        ("2025-01-21T12:00:00Z", "Chile earthquake death toll rises to 41", "41"),
    )]  # fmt: skip
    # the last three paragraphs go: a teaser's length, whose page is fetched (and is missing)
    short = [re.sub(rb"(&lt;p&gt;(?:(?!&lt;p&gt;).)*){3}</content>", b"</content>", x) for x in short]
    link = site.url("/quake.html")
    short = [x.replace(b"https://quakedesk.example/quake.html", link.encode()) for x in short]
    versions = iter(short)

    async def feed(request):
        return web.Response(body=next(versions), content_type="application/atom+xml")

    site.add("/short.atom", feed)
    first = await ingest_sources(app, [site.url("/short.atom")], fetcher=fetcher)
    assert first.new == 1 and "kept the feed's summary" in first.notes[0][1]
    second = await ingest_sources(app, [site.url("/short.atom")], fetcher=fetcher)
    assert (second.updated, second.failed) == (1, ())
    assert "41 people" in find_by_url(app.db, link).body and len(page_versions(app.db, link)) == 2


def test_a_feed_file_read_again_offline_tells_its_updated_entry_too(app, tmp_path):
    path = tmp_path / "quake.atom"
    path.write_bytes(atom("2025-01-21T08:00:00Z", "Chile earthquake kills 12", "12"))
    assert ingest_files(app, [path]).new == 1
    path.write_bytes(atom("2025-01-21T12:00:00Z", "Chile earthquake death toll rises to 41", "41"))
    assert ingest_files(app, [path]).updated == 1
    assert ingest_files(app, [path]).duplicate == 1
    versions = page_versions(app.db, "https://quakedesk.example/quake.html")
    assert [("41 people" in v.body, v.published_at.isoformat()) for v in versions] == [
        (False, "2025-01-21T08:00:00+00:00"),
        (True, "2025-01-21T08:00:00+00:00"),
    ]
