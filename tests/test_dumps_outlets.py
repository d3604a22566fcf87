"""Text dumps from outlets unlike the seeds (QA17b): a local paper's and a TV station's header, a magazine's
masthead and breadcrumb, a blog's likes box and tags, a desk's shared background paragraph, hard-wrapped
newsletters, "Published ... | Updated ..." on one line, a labelled export with an empty author."""

from datetime import UTC, datetime

import pytest

from briefing.dumps import split_dump

LOCAL_PAPER = (
    "Skip to main content\n"
    "Millbrook Herald\n"
    "Subscribe | Log in | e-Edition\n"
    "Home  News  Sports  Business  Opinion  Obituaries  Classifieds\n"
    "Local News\n"
    "School board approves $12 million expansion of Millbrook High\n"
    "By Dana Whitfield, Staff Writer\n"
    "November 20, 2026\n"
    "The Millbrook school board voted 5-2 on Tuesday to approve a $12 million expansion of Millbrook High,"
    " adding 14 classrooms and a new science wing by the fall of 2028.\n"
    "Board member Carla Diaz, who voted against the plan, said the district should first repair its"
    " elementary schools. Superintendent Mark Ellis said the high school was at 130 percent of capacity.\n"
)


def test_a_local_papers_header_is_not_the_title_and_its_section_label_stays():
    (article,) = split_dump(LOCAL_PAPER, source="herald.txt")
    assert article.title == "School board approves $12 million expansion of Millbrook High"
    assert article.section == "Local News"
    assert article.author == "Dana Whitfield"  # the job after the comma is no name
    assert article.body.startswith("The Millbrook school board voted 5-2")
    assert "Millbrook Herald" not in article.body and "Obituaries" not in article.body


def test_a_masthead_over_a_section_label_is_no_byline_when_the_header_gives_one():
    text = "Millbrook Herald\nLocal News\n" + LOCAL_PAPER.split("Local News\n", 1)[1]
    (article,) = split_dump(text, source="herald.txt")
    assert article.author == "Dana Whitfield"  # the job after the comma is no name
    assert article.section == "Local News"
    assert article.title == "School board approves $12 million expansion of Millbrook High"


def test_a_name_over_its_desk_without_another_byline_is_still_the_author():
    text = (
        "Ferry strike ends after three days\n"
        "Tomos Morgan\n"
        "BBC Wales News\n"
        "Ferry crews on the Holyhead route went back to work on Friday after a three-day strike over pay,"
        " the union said.\n"
        "The operator said sailings would be back to normal by the weekend.\n"
    )
    (article,) = split_dump(text, source="bbc.txt")
    assert article.author == "Tomos Morgan"


def test_a_tv_stations_alert_banner_and_watch_live_are_not_the_title():
    text = (
        "KTVB Channel 5\n"
        "Weather Alert: Winter storm warning until 6 PM\n"
        "Watch Live\n"
        "Traffic\n"
        "Crash closes northbound lanes of Highway 9 near Elm Creek\n"
        "Posted: Monday, November 23, 2026 at 7:10 AM\n"
        "Written by Ana Ruiz\n"
        "A crash involving a tractor-trailer closed the northbound lanes of Highway 9 near Elm Creek early"
        " Monday, state police said.\n"
        "No one was seriously hurt, police said. The lanes were expected to reopen by noon.\n"
    )
    (article,) = split_dump(text, source="tv.txt")
    assert article.title == "Crash closes northbound lanes of Highway 9 near Elm Creek"
    assert article.section == "Traffic"
    assert article.author == "Ana Ruiz"
    assert article.body.startswith("A crash involving a tractor-trailer")
    assert "Weather Alert" not in article.body


def test_a_magazines_masthead_and_breadcrumb_are_not_the_title():
    text = (
        "THE MONTHLY LEDGER\n"
        "Arts | Music\n"
        "The cellist who learned to play again after losing two fingers\n"
        "Ten years after an accident ended her career, Ingrid Solberg is back on stage. She says the new"
        " recital is the hardest thing she has done.\n"
        "Ingrid Solberg was 26 when a ferry door closed on her left hand. Doctors told her she would never"
        " perform again.\n"
    )
    (article,) = split_dump(text, source="mag.txt")
    assert article.title == "The cellist who learned to play again after losing two fingers"
    assert article.section == "Arts | Music"
    assert "MONTHLY" not in article.body and "Ledger" not in article.body


def test_a_blogs_masthead_over_its_byline_and_headline_is_not_the_title():
    text = (
        "The Circuit Board — independent hardware news\n"
        "Menu\n"
        "Posted by Lars Eide on March 4, 2026\n"
        "Tags: Chips, Supply chain\n"
        "Chipmaker delays new factory as memory prices slump\n"
        "The chipmaker Norsilicon has delayed its new memory factory in Trondheim by a year, blaming a slump"
        " in memory prices, the company said on Wednesday.\n"
        "The factory was due to open in 2027 and employ 900 people.\n"
    )
    (article,) = split_dump(text, source="blog.txt")
    assert article.title == "Chipmaker delays new factory as memory prices slump"
    assert article.author == "Lars Eide"
    assert article.published_at == datetime(2026, 3, 4, tzinfo=UTC)
    assert article.body.startswith("The chipmaker Norsilicon")


def test_a_blogs_likes_box_and_a_tag_line_are_not_the_next_articles_title():
    text = (
        "Chipmaker delays new factory as memory prices slump\n"
        "The chipmaker Norsilicon has delayed its new memory factory in Trondheim by a year, the firm said.\n"
        "The factory was due to open in 2027 and employ 900 people.\n"
        "7 comments\n"
        "Like this: Like Loading...\n"
        "Posted by Lars Eide on March 3, 2026\n"
        "Tags: Batteries, Policy\n"
        "Regulators open inquiry into battery recycler over safety\n"
        "Norway's safety regulator has opened an inquiry into the battery recycler Returkraft after a fire at"
        " its plant in Mo i Rana, the regulator said on Tuesday.\n"
        "No one was hurt in the fire, which burned for six hours.\n"
    )
    chips, batteries = split_dump(text, source="blog.txt")
    assert batteries.title == "Regulators open inquiry into battery recycler over safety"
    assert batteries.author == "Lars Eide"
    assert batteries.published_at == datetime(2026, 3, 3, tzinfo=UTC)
    assert "Like" not in chips.body + batteries.body


def test_a_spanish_tag_line_ends_its_article_and_is_no_title():
    text = (
        "Internacional\n"
        "La UE aprueba un nuevo paquete de ayuda para Ucrania\n"
        "22 de noviembre de 2026\n"
        "Los Veintisiete aprobaron este sábado un nuevo paquete de ayuda para Ucrania de 5.000 millones de"
        " euros, según fuentes diplomáticas.\n"
        "El paquete incluye munición y sistemas de defensa antiaérea.\n"
        "Archivado en: Unión Europea · Ucrania · Guerra de Ucrania · Ayuda militar\n"
        "Economía\n"
        "El paro baja en noviembre por tercer mes consecutivo\n"
        "21 de noviembre de 2026\n"
        "El número de parados registrados bajó en 18.000 personas en noviembre, según el Ministerio.\n"
        "Es el tercer mes consecutivo de descenso del desempleo.\n"
    )
    aid, jobs = split_dump(text, source="es.txt")
    assert jobs.title == "El paro baja en noviembre por tercer mes consecutivo"
    assert jobs.section == "Economía"
    assert "Archivado" not in aid.body + jobs.body


BACKGROUND = (
    "The region was among those hit hardest by the floods of October 2024, which killed more than 200 people"
    " in the province."
)


def test_a_background_paragraph_two_articles_share_stays_in_both():
    text = (
        "Spain\n"
        "Storm brings new flooding to Valencia region\n"
        "By Staff Reporter\n"
        "Nov 23, 2026\n"
        "Heavy rain flooded streets in several towns south of Valencia on Sunday, emergency services said.\n"
        f"{BACKGROUND}\n"
        "Spain\n"
        "Valencia schools closed as rain warning extended\n"
        "By Staff Reporter\n"
        "Nov 24, 2026\n"
        "Schools in 12 towns of the Valencia region stayed closed on Monday as the weather agency extended"
        " its red warning for rain.\n"
        f"{BACKGROUND}\n"
    )
    flooding, schools = split_dump(text, source="wire.txt")
    assert flooding.body.endswith(BACKGROUND)
    assert schools.body.endswith(BACKGROUND)


def test_an_article_printed_twice_in_a_dump_is_read_twice_so_the_copy_counts_as_a_duplicate():
    article = (
        "Spain\n"
        "Storm brings new flooding to Valencia region\n"
        "By Staff Reporter\n"
        "Nov 23, 2026\n"
        "Heavy rain flooded streets in several towns south of Valencia on Sunday, emergency services said.\n"
        f"{BACKGROUND}\n"
    )
    first, second = split_dump(article + article, source="wire.txt")
    assert first == second


def test_a_caption_printed_again_later_in_the_same_article_still_goes():
    caption = "Rescue workers search the rubble of a collapsed building in the old town"
    text = (
        "Quake hits eastern Turkey\n"
        "By Staff Reporter\n"
        "Nov 23, 2026\n"
        "A strong earthquake struck eastern Turkey on Sunday, killing at least 14 people, officials said.\n"
        f"{caption}\n"
        "Rescue teams worked through the night in the town of Malatya, where several buildings fell.\n"
        f"{caption}\n"
        "The disaster agency said more than 60 people were injured.\n"
    )
    (article,) = split_dump(text, source="wire.txt")
    assert article.body.count(caption) == 1  # the later copy goes, as before


WRAPPED = (
    "Harbour fines shipping firm over fuel spill\n"
    "By Nina Vik\n"
    "22 November 2026\n"
    "\n"
    "The harbour authority in Tromsø has fined the shipping company Polar\n"
    "Bulk 1.8 million kroner for a fuel spill that fouled a kilometre of\n"
    "shoreline in October, the authority said on Saturday.\n"
    "\n"
    "About 3,000 litres of diesel leaked from the bulk carrier Arctic\n"
    "Tern while it was taking on fuel at quay 7, according to the report.\n"
    "Clean-up crews worked for nine days.\n"
)


def test_a_hard_wrapped_line_continues_even_when_the_next_starts_with_a_capital():
    (article,) = split_dump(WRAPPED, source="newsletter.txt")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == (
        "The harbour authority in Tromsø has fined the shipping company Polar Bulk 1.8 million kroner for a"
        " fuel spill that fouled a kilometre of shoreline in October, the authority said on Saturday."
    )
    assert paragraphs[1].startswith("About 3,000 litres of diesel leaked from the bulk carrier Arctic Tern")
    assert article.title == "Harbour fines shipping firm over fuel spill"
    assert article.author == "Nina Vik"


def test_a_hard_wrapped_dump_without_blank_lines_keeps_its_title_and_byline_apart():
    (article,) = split_dump(WRAPPED.replace("\n\n", "\n"), source="newsletter.txt")
    assert article.title == "Harbour fines shipping firm over fuel spill"
    assert article.author == "Nina Vik"
    assert "Polar Bulk 1.8 million kroner" in article.body


def test_lines_a_writer_ended_are_not_joined_in_a_dump_of_long_lines():
    text = (
        "Markets at a glance\n"
        "Oil rose on Monday as traders weighed new output cuts by producers in the Gulf and Russia ahead of\n"
        "Winter demand is expected to lift prices further, analysts said in notes to clients on Monday.\n"
    )
    (article,) = split_dump(text, source="x.txt")
    assert "ahead of Winter" not in article.title + article.body  # a 100-odd-column line is no wrap


def test_published_and_updated_on_one_line_date_the_article_by_the_publication():
    for line, published in (
        (
            "Published 6:45 a.m. CT Nov. 21, 2026 | Updated 9:12 a.m. CT Nov. 21, 2026",
            datetime(2026, 11, 21, 12, 45, tzinfo=UTC),
        ),
        (
            "PUBLISHED: 09:14 GMT, 22 November 2026 | UPDATED: 11:02 GMT, 22 November 2026",
            datetime(2026, 11, 22, 9, 14, tzinfo=UTC),
        ),
    ):
        text = (
            "Lottery winner shares prize with neighbours\n"
            f"{line}\n"
            "A lottery winner in a small Welsh village has shared a £3m prize with her neighbours.\n"
            "Each of the 40 households received a cheque on Saturday.\n"
        )
        (article,) = split_dump(text, source="tabloid.txt")
        assert article.published_at is not None
        assert article.published_at.astimezone(UTC) == published
        assert "Updated" not in article.body and "UPDATED" not in article.body


def test_a_labelled_exports_empty_author_and_its_section_are_not_text():
    text = (
        "Title: Dockers in Ghent strike over port automation\n"
        "URL: https://www.example.be/news/2026/11/22/dockers\n"
        "Date: 2026-11-22 08:15\n"
        "Author:\n"
        "Section: Economy\n"
        "Dockers at the port of Ghent walked out on Sunday over plans to automate a container terminal.\n"
        "The unions said the plans would cost about 600 jobs.\n"
        "----------\n"
        "Title: Fog grounds flights at Brussels Airport\n"
        "URL: https://www.example.be/news/2026/11/23/fog\n"
        "Date: 23/11/2026\n"
        "Author:\n"
        "Jan Peeters\n"
        "Category: Belgium\n"
        "Brussels Airport cancelled 60 flights on Monday as thick fog covered the country.\n"
        "Visibility was below 100 metres for most of the morning.\n"
    )
    dockers, fog = split_dump(text, source="export.txt")
    assert dockers.section == "Economy"
    assert dockers.author is None
    assert dockers.body.startswith("Dockers at the port of Ghent")
    assert "Author" not in dockers.body and "Section" not in dockers.body
    assert fog.author == "Jan Peeters"
    assert fog.section == "Belgium"
    assert fog.body.startswith("Brussels Airport cancelled")


@pytest.mark.parametrize("label", ["Autora:", "Autore:", "Autorin:", "Autor:"])
def test_an_empty_author_label_in_any_language_is_no_author_and_no_text(label):
    # the labels a byline is read after ("Autora: María López") are the labels an empty field is read as
    text = (
        "Title: Los pescadores de Vigo protestan por las cuotas\n"
        f"{label}\n"
        "Los pescadores de Vigo bloquearon el puerto el lunes contra las nuevas cuotas de pesca.\n"
        "La cofradía dijo que las cuotas reducirán las capturas a la mitad.\n"
    )
    (article,) = split_dump(text, source="export.txt")
    assert article.author is None
    assert label.rstrip(":") not in article.body
    assert article.body.startswith("Los pescadores de Vigo bloquearon")


@pytest.mark.parametrize("label", ["Autora:", "Autore:"])
def test_an_author_label_over_the_name_gives_the_author(label):
    text = (
        "Title: Los pescadores de Vigo protestan por las cuotas\n"
        f"{label}\n"
        "Lucía Ferreiro\n"
        "Los pescadores de Vigo bloquearon el puerto el lunes contra las nuevas cuotas de pesca.\n"
        "La cofradía dijo que las cuotas reducirán las capturas a la mitad.\n"
    )
    (article,) = split_dump(text, source="export.txt")
    assert article.author == "Lucía Ferreiro"
