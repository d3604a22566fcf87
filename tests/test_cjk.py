"""Chinese and Japanese articles, written without spaces: they go in from dumps, pages and feeds, are
summarised sentence by sentence, and give no junk actors."""

from briefing.actors import extract_actors
from briefing.dumps import split_dump
from briefing.feeds import has_prose, parse_feed
from briefing.furniture import Kind, classify
from briefing.models import ArticleDraft
from briefing.pages import parse_page
from briefing.service.ingest import ingest_files
from briefing.summary import summarize
from store.articles import latest_articles

ZH_TITLE = "杭州地铁十号线今日开通运营"
ZH_BODY = [
    "杭州市地铁集团12日宣布，地铁十号线当天上午正式开通运营，全长二十六公里，共设十八座车站。",
    "市长在开通仪式上表示，新线路将大大缓解城北地区的交通压力。他说：“这是全市市民期待已久的一天。”",
    "据统计，开通首日客流量超过十二万人次，票价与其他线路保持一致。",
]
JA_TITLE = "大阪の新駅が開業　利用者は初日三万人"
JA_BODY = [
    "大阪市の新しい地下鉄駅が1日に開業し、初日の利用者は約3万人に達した。市長は「街の便利さが大きく変わる」と述べた。",
    "駅の周辺では商業施設の建設も進んでおり、来年春には全面開業する予定だ。",
]


def zh_dump() -> str:
    return ZH_TITLE + "\n\n" + "\n\n".join(ZH_BODY) + "\n"


def test_a_chinese_dump_is_one_article_not_page_furniture():
    (draft,) = split_dump(zh_dump(), source="zh.txt")
    assert draft.title == ZH_TITLE
    assert draft.body.split("\n\n") == ZH_BODY


def test_a_chinese_sentence_is_prose_and_a_chinese_headline_a_heading():
    assert classify(ZH_BODY[2]).kind is Kind.PROSE
    assert classify(ZH_TITLE).kind is Kind.HEADING


def test_a_japanese_page_is_an_article():
    paragraphs = "".join(f"<p>{p}</p>" for p in JA_BODY)
    html = f"<html><head><title>{JA_TITLE}</title></head><body><article><h1>{JA_TITLE}</h1>{paragraphs}"
    html += "</article></body></html>"
    draft = parse_page(html, "http://127.0.0.1/osaka")
    assert draft.body.split("\n\n") == JA_BODY


def test_a_feed_entry_of_chinese_prose_is_article_text_and_a_bare_headline_is_not():
    assert has_prose(ArticleDraft(title=ZH_TITLE, body=ZH_BODY[0], source="feed"))
    assert not has_prose(ArticleDraft(title="新闻", body=ZH_TITLE, source="feed"))
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>新闻</title>'
        f"<item><title>{ZH_TITLE}</title><link>http://127.0.0.1/a</link>"
        f"<description>{''.join(ZH_BODY)}</description></item></channel></rss>"
    )
    (entry,) = parse_feed(rss.encode()).entries
    assert entry.draft.title == ZH_TITLE and has_prose(entry.draft)


def test_a_chinese_summary_is_made_of_whole_sentences():
    sentences = {
        ZH_BODY[0],
        "市长在开通仪式上表示，新线路将大大缓解城北地区的交通压力。",
        "他说：“这是全市市民期待已久的一天。”",
        ZH_BODY[2],
    }
    summary = summarize("\n\n".join(ZH_BODY), title=ZH_TITLE, sentences=2)
    assert len(summary) == 2 and set(summary) <= sentences


def test_chinese_and_japanese_text_gives_no_actors_and_latin_names_in_it_stay_whole():
    assert extract_actors("\n\n".join(ZH_BODY)) == []
    assert extract_actors("\n\n".join(JA_BODY)) == []
    found = {a.name: a.type for a in extract_actors("美国总统Joe Biden周二在White House表示，NATO将开会。")}
    assert found == {"Joe Biden": "person", "White House": "organization", "NATO": "organization"}


def test_chinese_and_japanese_dumps_are_stored_with_their_summaries(app, tmp_path):
    (tmp_path / "zh.txt").write_text(zh_dump(), encoding="utf-8")
    (tmp_path / "ja.txt").write_text(JA_TITLE + "\n\n" + "\n\n".join(JA_BODY) + "\n", encoding="utf-8")
    report = ingest_files(app, [tmp_path / "zh.txt", tmp_path / "ja.txt"])
    assert report.new == 2 and not report.failed
    stored = {a.title: a for a in latest_articles(app.db)}
    assert stored[ZH_TITLE].summary and stored[ZH_TITLE].summary[0] in ZH_BODY[0]
    ja = stored[" ".join(JA_TITLE.split())]
    assert ja.summary and all(s.endswith("。") for s in ja.summary)
