"""An update of a page stored in several versions (a feed entry updated with new news: ``…#version-1``)
tells what its newest text says that the chat was not sent: never an old version's sentences, a toll a
later version revised least of all, and each new post of a live blog, not one "central" fact per version
(QA32c F1, F3, F4). Feed files read again, as ``bot.py ingest`` reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.service import App
from briefing.service.digests import compose_for_chat
from briefing.service.ingest import ingest_files
from store.articles import page_versions
from tests.digestkit import Clock, deliver, subscriber

DAY = datetime(2026, 11, 25, tzinfo=UTC)
LINK = "https://riverdesk.example/live/floods.html"
POSTS = [  # a live blog's posts, oldest first; the page shows the newest first
    "Heavy rain has flooded the lower town of Marnay overnight, and the river Ardel has burst its banks in "
    "three places, the prefecture said.",
    "The prefecture now says at least 6 people were killed and dozens injured in Marnay and nearby villages.",
    "Firefighters from the neighbouring department of Doubrac have been sent to Marnay with boats and pumps.",
    "The death toll has risen to 11, the prefecture said, as divers recovered more bodies from flooded "
    "cellars in the lower town.",
    "Prime Minister Claire Antonin has declared a state of natural disaster in the region and says the army "
    "will help evacuate the villages upstream.",
    "A dyke gave way at Serville in the early afternoon, sending water into the town's school and hospital; "
    "nobody was hurt.",
    "The prefecture now says 17 people have died and 2,400 have been evacuated, many spending the night in "
    "the Marnay sports hall.",
    "The European Union has offered to send pumps and rescue teams under its civil protection mechanism, "
    "the Commission said.",
]


BACKGROUND = (  # the blog's standing paragraphs, under its posts (a feed's full text: 150 words or more)
    "Marnay, a market town of about 9,000 people on the Ardel, was last flooded in 1982, when the river rose "
    "more than four metres in two days and the old bridge was swept away.",
    "Since then the department has built dykes along the lower valley and a retention basin above Serville, "
    "but engineers warned last year that several stretches of the old embankments needed repairs that the "
    "regional council had postponed for lack of money.",
    "Forecasters expect the rain to ease by the weekend, though the river is not expected to fall below its "
    "warning level for several days, and farmers downstream have moved their herds to higher pastures.",
)


def live_blog(posts: int, updated: str) -> bytes:
    """The blog's Atom feed: one entry (the same id and link), its text the newest ``posts`` first."""
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in [*reversed(POSTS[:posts]), *BACKGROUND])
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>River Desk'
        f"</title><id>urn:rd</id><updated>{updated}</updated><entry><title>Marnay floods: live updates"
        f'</title><id>urn:rd:live</id><link href="{LINK}"/><updated>{updated}</updated>'
        f'<published>2026-11-25T07:00:00Z</published><content type="html">{content}</content></entry></feed>'
    ).encode()


@pytest.fixture
def clocked(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(DAY))


def poll(app: App, path: Path, posts: int, hour: int) -> None:
    app.clock.now = DAY + timedelta(hours=hour)  # type: ignore[attr-defined]
    again = path.exists()  # the page read before: its new text is an update, counted apart from new ones
    path.write_bytes(live_blog(posts, f"2026-11-25T{hour:02d}:00:00Z"))
    report = ingest_files(app, [path])
    assert (report.new, report.updated) == ((0, 1) if again else (1, 0))


def test_a_live_blog_updated_twice_tells_its_new_posts_and_not_the_toll_its_newer_version_revised(
    clocked, tmp_path
):
    path = tmp_path / "live.atom"
    poll(clocked, path, 3, 8)
    subscriber(clocked.db, 3, "09:00")
    deliver(clocked, 3, DAY + timedelta(hours=9))
    poll(clocked, path, 5, 12)  # the toll of 11, a state of natural disaster
    poll(clocked, path, 8, 15)  # the dyke, 17 dead, the EU's offer
    assert len(page_versions(clocked.db, LINK)) == 3
    text = compose_for_chat(clocked, 3, now=DAY + timedelta(days=1, hours=9)).digest.document.text
    update = text[text.index("Update:") :]
    assert POSTS[6] in update  # the newest toll, first
    assert update.index(POSTS[6]) < min(update.index(POSTS[n]) for n in (4, 5))
    assert POSTS[4] in update and POSTS[5] in update  # every development since the last digest
    assert "has risen to 11" not in update  # a toll the newer version replaced
    assert "#version-" not in update
    assert all(POSTS[n] not in update for n in (0, 1, 2))  # told, or the page's old news


async def test_update_alerts_for_a_growing_live_blog_tell_each_versions_news(
    clocked, tmp_path, botapi, botapi_bot
):
    """QA32c F4: the state of natural disaster came with the toll of 11; the alert told the toll alone."""
    from briefing.service.ingest import queue_new_alerts
    from store.subscribers import follow
    from tests.digestkit import send_alerts

    follow(clocked.db, 7, "topic", "Marnay", now=DAY)
    path = tmp_path / "live.atom"
    for posts, hour in ((3, 8), (5, 12), (8, 15)):
        clocked.clock.now = DAY + timedelta(hours=hour)  # type: ignore[attr-defined]
        path.write_bytes(live_blog(posts, f"2026-11-25T{hour:02d}:00:00Z"))
        queue_new_alerts(clocked, list(ingest_files(clocked, [path]).new_ids))
        await send_alerts(clocked, botapi_bot, f"2026-11-25T{hour:02d}:00:30")
    first, second, third = (m.text for m in botapi.sent_messages(7))
    assert first.startswith("New about Marnay")
    assert second.startswith("Update on Marnay") and POSTS[3] in second and POSTS[4] in second
    assert third.startswith("Update on Marnay") and all(POSTS[n] in third for n in (5, 6, 7))
    assert POSTS[3] not in third and POSTS[4] not in third  # told in the alert before


ARTICLE = [
    "A magnitude 6.1 earthquake struck the hill district of Kasar early on Tuesday, killing at least {toll} "
    "people and injuring dozens more, the district emergency office said.",
    "The quake hit at 03:40 local time about 20 kilometres east of the district capital Relan, collapsing "
    "several older houses in the village of Tamsi.",
    "Rescue teams from the neighbouring district of Odra were sent to Tamsi with sniffer dogs and cranes, "
    "the district governor told reporters.",
    "Aftershocks continued through the morning, and residents were urged to stay out of damaged buildings "
    "until engineers had inspected them.",
    "The national seismology institute said the quake was the strongest to hit the district since 1994, "
    "when a tremor destroyed the old mosque in Relan.",
    "Schools across the district will stay closed for the rest of the week, the education office said, and "
    "several roads into the hills remain blocked by landslides that crews are working to clear.",
]
LATE = (
    "By the afternoon the death toll had risen to 23, with 120 people injured and 2,500 displaced, the "
    "emergency office said."
)


def quake_feed(updated: str, toll: str, *more: str) -> bytes:
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in [*(x.format(toll=toll) for x in ARTICLE), *more])
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Desk'
        f"</title><id>urn:hd</id><updated>{updated}</updated><entry><title>Earthquake kills {toll} in Kasar"
        f'</title><id>urn:hd:1</id><link href="https://hilldesk.example/quake.html"/><updated>{updated}'
        f'</updated><published>2026-11-25T06:00:00Z</published><content type="html">{content}</content>'
        "</entry></feed>"
    ).encode()


def test_an_updated_article_tells_its_new_toll_and_the_new_figures_beside_it(clocked, tmp_path):
    """QA32c F3: the new paragraph shares the new toll with the lead; its injured and displaced are news."""
    path = tmp_path / "quake.atom"
    clocked.clock.now = DAY + timedelta(hours=7)  # type: ignore[attr-defined]
    path.write_bytes(quake_feed("2026-11-25T06:00:00Z", "9"))
    assert ingest_files(clocked, [path]).new == 1
    subscriber(clocked.db, 3, "09:00")
    deliver(clocked, 3, DAY + timedelta(hours=9))
    clocked.clock.now = DAY + timedelta(hours=14)  # type: ignore[attr-defined]
    path.write_bytes(quake_feed("2026-11-25T14:00:00Z", "23", LATE))
    assert ingest_files(clocked, [path]).updated == 1
    text = compose_for_chat(clocked, 3, now=DAY + timedelta(days=1, hours=9)).digest.document.text
    update = text[text.index("Update:") :]
    assert ARTICLE[0].format(toll="23") in update and LATE in update


async def test_a_page_stored_in_three_versions_counts_and_lists_once_as_its_newest(clocked, tmp_path):
    """QA32c F7: /brief said "3 articles" for one live blog, /sources counted it thrice, and /latest and
    /search listed it three times, the old tolls with it. An old version stays as the page's history."""
    from briefing.render import to_plain
    from briefing.service.commands import Asker, answer, load_all
    from store import transaction
    from store.articles import get_article
    from store.sources import upsert_source
    from store.stats import feeds

    load_all()
    path = tmp_path / "live.atom"
    for posts, hour in ((3, 8), (5, 12), (8, 15)):
        poll(clocked, path, posts, hour)
    clocked.clock.now = DAY + timedelta(hours=16)  # type: ignore[attr-defined]
    versions = page_versions(clocked.db, LINK)
    assert [v.url for v in versions] == [f"{LINK}#version-1", f"{LINK}#version-2", LINK]
    assert get_article(clocked.db, versions[0].id).body  # kept, as history

    async def ask(text: str) -> str:
        return to_plain((await answer(clocked, text, Asker(chat_id=1, user_id=1))).document)

    brief = await ask("/brief")
    assert "1 article," in brief and "#version-" not in brief
    assert "River Desk — 1 article" in await ask("/sources")
    # read from a polled feed, its versions count once too
    with transaction(clocked.db):
        rss = "https://riverdesk.example/rss"
        feed = upsert_source(clocked.db, kind="feed", location=rss, name="River Desk", now=DAY)
        clocked.db.execute("UPDATE articles SET source_id = ?", [feed.id])
    assert [f.articles for f in feeds(clocked.db)] == [1]
    for listing in (await ask("/latest"), await ask("/search Marnay")):
        assert listing.count("Marnay floods: live updates") == 1
        assert "#version-" not in listing and "has risen to 11" not in listing
