"""News copy that names no one: a day's possessive ("after Saturday's 4-0 loss"), a live blog's request to
write in ("Email Nick with any tip-offs"), and a work's title set off by commas after its noun ("his book,
The Title, containing ...")."""

from briefing.actors import extract_actors


def names(text: str) -> set[str]:
    return {a.name for a in extract_actors(text)}


def test_a_days_possessive_is_no_actor():
    assert "Saturday's" not in names("Rovers sacked the manager after Saturday's 4-0 home loss to Kettering.")


def test_a_request_to_write_in_is_no_persons_name():
    assert "Email Nick" not in names("Email Nick with any tip-offs or tweet: @NickAmes82")


def test_a_title_set_off_after_its_work_noun_is_no_actor():
    found = names("Scott's book, The Title, containing the whole story, is out in May.")
    assert "The Title" not in found and "Title" not in found
