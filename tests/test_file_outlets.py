"""Two outlets' dumps sharing a file name ("north/news.txt", "south/news.txt") are two outlets: the
second file's articles, naming no outlet of their own, show the name with its folder ("south/news.txt"),
not the first file's name; a file ingested again keeps the name it was given (QA17b F17)."""

from briefing.service.ingest import ingest_files, ingest_sources
from store.articles import latest_articles
from store.sources import list_sources

BRIDGE = (
    "Bridge repairs close the river crossing for a week\n\n"
    "The old river bridge will close for a week from Monday while engineers repair its bearings, the "
    "county said on Friday.\n\n"
    "Buses will take a detour through the industrial estate while the works last.\n"
)
ORCHARD = (
    "Orchard growers report the best apple harvest in a decade\n\n"
    "Growers in the southern valley picked more apples this autumn than in any year since 2016, their "
    "association said on Thursday.\n\n"
    "A warm spring and a dry summer helped the fruit ripen early.\n"
)
MARKET = (
    "Farmers market moves to the old tram depot\n\n"
    "The weekly farmers market will move to the old tram depot in January, the town council said on "
    "Monday, after traders complained about the lack of shelter on the square.\n\n"
    "The depot has room for sixty stalls and a car park.\n"
)
SCHOOL = (
    "Village school wins a reprieve from closure\n\n"
    "The education board voted on Wednesday to keep the village school open for at least three more "
    "years after parents raised money for a new roof.\n\n"
    "The school has 41 pupils, up from 30 five years ago.\n"
)


def _sources_by_title(app) -> dict[str, str]:
    return {article.title: article.source for article in latest_articles(app.db, limit=10)}


def test_two_dumps_sharing_a_file_name_are_two_outlets(app, tmp_path):
    north, south = tmp_path / "north", tmp_path / "south"
    north.mkdir()
    south.mkdir()
    (north / "news.txt").write_text(BRIDGE, encoding="utf-8")
    (south / "news.txt").write_text(ORCHARD, encoding="utf-8")
    assert ingest_files(app, [north / "news.txt", south / "news.txt"]).new == 2
    assert _sources_by_title(app) == {
        "Bridge repairs close the river crossing for a week": "news.txt",
        "Orchard growers report the best apple harvest in a decade": "south/news.txt",
    }
    assert sorted(source.name for source in list_sources(app.db, kind="file")) == [
        "news.txt",
        "south/news.txt",
    ]


async def test_a_file_ingested_again_keeps_its_name_and_a_third_of_the_name_gets_its_folder(app, tmp_path):
    for folder, text in (("north", BRIDGE), ("south", ORCHARD), ("west", MARKET)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, encoding="utf-8")
    await ingest_sources(app, [str(tmp_path / "north"), str(tmp_path / "south")])
    (tmp_path / "south" / "news.txt").write_text(SCHOOL, encoding="utf-8")
    report = await ingest_sources(
        app, [str(tmp_path / "south"), str(tmp_path / "north"), str(tmp_path / "west")]
    )
    assert report.new == 2
    sources = _sources_by_title(app)
    assert sources["Bridge repairs close the river crossing for a week"] == "news.txt"
    assert sources["Village school wins a reprieve from closure"] == "south/news.txt"
    assert sources["Farmers market moves to the old tram depot"] == "west/news.txt"


def test_a_file_of_a_name_of_its_own_shows_its_name(app, tmp_path):
    (tmp_path / "north").mkdir()
    (tmp_path / "north" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    assert ingest_files(app, [tmp_path / "north" / "bridge.txt", tmp_path / "orchard.txt"]).new == 2
    assert sorted(_sources_by_title(app).values()) == ["bridge.txt", "orchard.txt"]
