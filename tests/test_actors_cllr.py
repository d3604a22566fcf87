"""UK council news writes "Cllr" before a councillor's name: a title, no part of the name; the office
before it ("Council leader Cllr ...") is the role, else the title spelt out."""

import pytest

from briefing.actors import extract_actors


def people(text: str) -> dict[str, str | None]:
    return {a.name: a.role for a in extract_actors(text) if a.type == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Council leader Cllr Margaret O'Neill said the gap was £6m.", "Margaret O'Neill", "Council leader"),
        ("Opposition leader Cllr David Singh called it a tax.", "David Singh", "Opposition leader"),
        ("Cllr Tom Hart said no.", "Tom Hart", "Councillor"),
    ],
)
def test_cllr_is_a_title_and_the_office_before_it_the_role(text, name, role):
    assert people(text) == {name: role}
