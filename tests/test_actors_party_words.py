"""Party words and a network's short name the tagger read as people (QA20b F6): "Republicans" (a party's
members) is a group, "The New Jersey Democrat" an epithet for a person named elsewhere, and "Fox" beside
"Fox News" the network. Passages from TPM articles of the QA archive (November 2017)."""

from briefing.actors import extract_actors
from briefing.coref import Candidate
from briefing.party_words import networks_not_people, party_groups
from briefing.sentences import split_sentences
from briefing.tokens import tokenize

BRAT = (
    "Rep. Dave Brat (R-VA) said Wednesday that Republicans up and down the ticket in his home "
    "state had failed to “nationalize” the election — but he insisted Republicans’ stunning "
    "losses across Virginia weren’t a referendum on President Donald Trump.\n\nInstead, while "
    "avoiding mentioning Trump by name, he said Republicans ought to have focused their local "
    "races on national issues."
)

MENENDEZ = (
    "Sen. Bob Menendez said Tuesday he is convinced he will be exonerated. "
    "The New Jersey Democrat is charged with accepting gifts from a wealthy friend in exchange for using his "
    "political influence."
)

FOX = (
    "Fox News star host Sean Hannity on Wednesday announced that the network has hired "
    "Sebastian Gorka, formerly deputy assistant to President Donald Trump and a "
    "counterterrorism adviser, as a national security strategist.\n\n“Joining us now is Dr. "
    "Sebastian Gorka,” Hannity said on his radio show. “I can officially announce today he is "
    "a Fox News national security strategist.”\n\n“It’s in large part, really, thanks to you, "
    "Sean,” Gorka replied. “You’ve been a great supporter, not only of myself, but of the "
    "administration and the President, and it’s great to be back as part of the superb Fox "
    "family.”\n\nA Fox spokesperson confirmed to TPM by email that the network has hired Gorka "
    "for that position."
)


def types(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract_actors(text)}


def test_a_partys_members_in_the_plural_are_a_group():
    assert types(BRAT).get("Republicans") == "organization"


def test_a_place_and_a_party_member_is_an_epithet_not_an_actor():
    found = types(MENENDEZ)
    assert "New Jersey Democrat" not in found and found.get("Bob Menendez") == "person"


def test_a_networks_first_word_beside_its_name_is_no_person():
    found = types(FOX)
    assert found.get("Fox") != "person" and found.get("Fox News") == "organization"


def _cand(text: str, type_: str) -> Candidate:
    toks = [t for s in split_sentences(text) for t in tokenize(s)]
    return Candidate(toks=toks, sentence=0, type=type_)  # type: ignore[arg-type]


def test_a_person_who_has_the_word_in_their_name_keeps_it():
    cands = [_cand("Michael J. Fox", "person"), _cand("Fox News", "organization"), _cand("Fox", "person")]
    networks_not_people(cands)
    assert cands[2].type == "person"


def test_a_singular_party_word_alone_is_left_as_typed():
    cands = [_cand("Republican", "person"), _cand("Republicans", "person")]
    party_groups(cands)
    assert [c.type for c in cands] == ["person", "organization"]


def test_one_party_member_alone_is_no_actor():
    text = (
        "Sen. Susan Collins said on Tuesday that she had doubts. The Republican senator voted against the "
        "bill, and aides said the Republican would not back a second one either."
    )
    names = {a.name: a.type for a in extract_actors(text)}
    assert names == {"Susan Collins": "person"}


def test_a_given_name_like_a_party_word_stays_the_persons():
    text = "Tory Burch said sales rose. Tory said the shops were full."
    names = {a.name: a.type for a in extract_actors(text)}
    assert names == {"Tory Burch": "person"}
