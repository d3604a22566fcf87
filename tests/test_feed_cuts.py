"""A feed that cuts its entries' text at one length without a mark: the cut texts end with "…"."""

from briefing.feeds import CUT_ENTRIES, parse_feed
from briefing.openings import opening


def rss(*texts: str) -> bytes:
    items = "".join(
        f"<item><title>Episode {n}</title><link>https://example.com/e{n}</link>"
        f"<description>{text}</description></item>"
        for n, text in enumerate(texts)
    )
    channel = f"<channel><title>Pod</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


LONG = [
    "Fresh from Japan, our guests are here to talk about Monster Hunter and Destiny, the state of games in "
    "Japan, the whereabouts of Koji Igarashi and more.",
    "Bellies full with deep-fried candy bars, we dig into the Nintendo PlayStation, weird Minecraft news, "
    "hot pepper facts, and much more besides.",
    "The crew returns from a long week of travel to discuss the latest releases, a stack of your emails, "
    "and a strange new arcade cabinet that nobody in the office can explain.",
    "We talk about the new console, the old console, the console that never was, and what the cat did to "
    "the microphone during the recording of this week's show.",
]
FINISHED = "A short episode about nothing much at all."
CUT = LONG[0].index("Koji Ig") + len("Koji Ig")  # the feed's cut, in characters


def test_texts_cut_at_the_feeds_length_end_with_an_ellipsis():
    feed = parse_feed(rss(*(text[:CUT] for text in LONG), FINISHED))
    bodies = [e.draft.body for e in feed.entries]
    assert bodies[0] == LONG[0][:CUT] + "…" and bodies[0].endswith("the whereabouts of Koji Ig…")
    assert all(body.endswith("…") for body in bodies[:4])
    assert bodies[4] == FINISHED and all(e.teaser for e in feed.entries)
    assert opening(bodies[0])[-1].endswith("Koji Ig…")


def test_a_text_that_ends_a_sentence_at_the_cut_is_left_alone():
    ends = LONG[0][: CUT - 1].rstrip() + "."
    texts = [ends, *(text[:CUT].rstrip() for text in LONG[1:])]
    bodies = [e.draft.body for e in parse_feed(rss(*texts)).entries]
    assert bodies[0] == ends and all(b.endswith("…") for b in bodies[1:])


def test_too_few_unfinished_texts_at_one_length_are_no_cut():
    texts = [*(text[:CUT] for text in LONG[: CUT_ENTRIES - 1]), LONG[2] + " " + LONG[3]]
    bodies = [e.draft.body for e in parse_feed(rss(*texts)).entries]
    assert not any(body.endswith("…") for body in bodies)


def test_standfirsts_without_a_stop_of_many_lengths_are_no_cut():
    texts = [text[: CUT - 10 * n].rstrip() for n, text in enumerate(LONG)]
    bodies = [e.draft.body for e in parse_feed(rss(*texts)).entries]
    assert bodies == texts
