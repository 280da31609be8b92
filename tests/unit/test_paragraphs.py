"""The parse in its most basic form: each paragraph of the page with its role and its article.
The articles are built from that list, so a list staff corrected builds their articles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from articles.parsing import ParaKind, articles_from, parse_text
from tests.conftest import fixture_files, seed_files
from tests.layout.compose import FORMATS, random_page


def pages() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in fixture_files() + seed_files()]
    return texts + [random_page(seed, FORMATS[seed % 3]).text for seed in range(30)]


@pytest.mark.parametrize("text", pages())
def test_the_articles_are_built_from_the_paragraphs(text):
    result = parse_text(text)
    articles, unassigned = articles_from(result.paragraphs, "株洲日报")
    assert [a.to_dict() for a in articles] == [a.to_dict() for a in result.articles]
    assert sorted(unassigned) == sorted(result.unassigned)
    assert [p.index for p in result.paragraphs] == list(range(len(result.paragraphs)))
    assert {p.article for p in result.paragraphs} - {None} == set(range(len(result.articles)))


def test_a_corrected_assignment_builds_the_corrected_articles():
    page = (
        "城区首条智慧公交示范线开通\n株洲日报记者 李华\n"
        "株洲日报讯 6月14日，城区首条智慧公交示范线在河西正式开通，沿途设站26个，全部站台配备了电子站牌。\n"
        "湘江龙舟赛落幕\n"
        "第十届湘江龙舟赛在株洲落幕，24支队伍同场竞技，醴陵队夺得直道竞速冠军，数万市民到江边观战。\n"
    )
    result = parse_text(page)
    # the parser reads the second title as a section heading of the first story
    assert len(result.articles) == 1
    heading = next(p for p in result.paragraphs if "龙舟赛落幕" in p.text)
    corrected = [
        replace(p, article=1, kind=ParaKind.TITLE)
        if p.index == heading.index
        else replace(p, article=1)
        if p.index > heading.index
        else p
        for p in result.paragraphs
    ]
    articles, _ = articles_from(corrected, "株洲日报")
    assert [a.headline for a in articles] == ["城区首条智慧公交示范线开通", "湘江龙舟赛落幕"]
    assert articles[1].body.startswith("第十届湘江龙舟赛在株洲落幕")
    assert articles[0].body.endswith("全部站台配备了电子站牌。")


def test_a_caption_set_inside_a_cut_body_line_leaves_the_lines_tail_to_the_body():
    """PDF text: `服 家庭医生为…。 荷塘区卫健局 供图`: the body's cut line ends (`服`), then the photo's
    caption and credit; a caption opening with its date keeps it."""
    from articles.parsing.paragraphs import split_caption

    assert split_caption("服 家庭医生为社区老人测量血压。 荷塘区卫健局 供图") == (
        "服",
        "家庭医生为社区老人测量血压。 荷塘区卫健局 供图",
    )
    assert split_caption("点20个，1000 选手们在江边奔跑。 株洲日报记者 王晨 摄")[0] == "点20个，1000"
    assert split_caption("6月11日 车辆在大桥上有序通行。 株洲日报记者 王晨 摄")[0] == ""
    assert split_caption("开放。小朋友在玩耍。通讯员 供图") == ("开放。", "小朋友在玩耍。 通讯员 供图")


def test_a_caption_after_a_jump_line_stays_with_the_story_that_jumps():
    """Paragraph lines: a story cut by its jump line, then its photo's caption with the credit,
    then the next story's title: the caption is the jumping story's, no article of its own."""
    text = (
        "枫溪大桥主桥合龙\n\n株洲日报记者 许丹\n\n"
        "株洲日报讯 5月3日，枫溪大桥主桥顺利合龙，标志着大桥建设进入收尾阶段。大桥全长1.8公里，建成后将\n\n"
        "下转A3版\n\n施工人员在枫溪大桥上作业。 通讯员 供图\n\n"
        "社区足球联赛踢出邻里情\n\n株洲日报记者 王晨\n\n"
        "周末的傍晚，天元区社区足球联赛在泰山路球场开赛，两支社区球队激烈比拼，场边坐满了居民。\n"
    )
    result = parse_text(text)
    got = [(a.headline, a.captions) for a in result.articles]
    assert got == [
        ("枫溪大桥主桥合龙", ["施工人员在枫溪大桥上作业。 通讯员 供图"]),
        ("社区足球联赛踢出邻里情", []),
    ]


def test_a_sentence_cut_by_a_photo_rejoins_when_its_first_half_lists_with_a_pause_mark():
    """Paragraph lines: `…设有自由泳、蛙泳和仰泳三` / caption / credit / `个组别。…`: the first half
    reads like a title (no comma), but it lists with `、` and the text after the photo opens with
    a sentence too short to open a story: the two halves are one sentence."""
    text = (
        "全市青少年游泳比赛开赛\n\n株洲日报记者 许丹\n\n"
        "株洲日报讯 7月8日，全市青少年游泳比赛在市体育中心开赛，来自各区县的300名选手参赛。\n\n"
        "本次比赛设有自由泳、蛙泳和仰泳三\n\n\n\n"
        "选手们在泳池中奋力前游。\n\n株洲日报记者 王晨 摄\n\n"
        "个组别。比赛将持续三天，决出各组别前八名。\n"
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["全市青少年游泳比赛开赛"]
    assert "仰泳三个组别。" in result.articles[0].body
    assert result.articles[0].captions == ["选手们在泳池中奋力前游。 株洲日报记者 王晨摄"]


def test_a_caption_set_inside_a_body_line_keeps_its_boundary_through_normalisation():
    """PDF text: `服 家庭医生为…。 供图` and `点 20 个， 1000 选手们…。 摄`: the space before the
    caption's sentence is where the cut body line ends, even after one character or a number;
    a closing quote after the body's last stop stays with the body."""
    from articles.parsing.paragraphs import split_caption
    from articles.parsing.text import normalise_line

    line = normalise_line("服 家庭医生为社区老人测量血压。 荷塘区卫健局 供图")
    assert split_caption(line)[0] == "服"
    line = normalise_line("点 20 个， 1000 选手们在江边奔跑。 株洲日报记者 王晨 摄")
    assert split_caption(line)[0] == "点20个，1000"
    assert split_caption("心情也好了。” 市民在江边骑行。 通讯员 供图") == (
        "心情也好了。”",
        "市民在江边骑行。 通讯员 供图",
    )
    assert normalise_line("近 年 来 ， 李 斌 说") == "近年来，李斌说"


def test_a_long_subheadline_with_commas_between_a_title_and_a_byline_is_a_title_line():
    """Paragraph lines: `…开通,沿线设站12座 日均运送乘客预计达3万人次` under a headline and above
    the byline: too long and comma-bearing for a title by its look, but it ends no sentence and
    the story's byline follows it: a subheadline, not the story's first paragraph."""
    text = (
        "暑期安全一刻也不能放松\n\n何劲松\n\n孩子的安全，关系千家万户的幸福。让我们共同守护。\n\n"
        "城区首条智慧公交示范线开通\n\n"
        "今日起试运行,沿线设智慧站台12座 日均运送乘客预计达3万人次,高峰时段发车间隔缩短至5分钟\n\n"
        "株洲日报记者 许丹\n\n"
        "株洲日报讯 5月3日，城区首条智慧公交示范线开通，全部站台配备了电子站牌。\n"
    )
    result = parse_text(text)
    got = [(a.headline, a.subheadline, a.reporters) for a in result.articles]
    assert got == [
        ("暑期安全一刻也不能放松", None, []),
        (
            "城区首条智慧公交示范线开通",
            "今日起试运行,沿线设智慧站台12座 日均运送乘客预计达3万人次,高峰时段发车间隔缩短至5分钟",
            ["许丹"],
        ),
    ]


def test_a_markdown_line_cut_by_a_photo_before_a_jump_stays_in_the_body():
    """Markdown: the body's last line cut before the photo and the jump line (`…本届活动设置`)
    looks like a title line when read alone, but it stands inside an article's text under no
    `##`: it is body text, not a stray title that no article holds."""
    text = (
        "## 全市青少年游泳比赛开赛\n\n株洲日报记者 许丹\n\n"
        "株洲日报讯 7月8日，全市青少年游泳比赛在市体育中心开赛，来自各区县的300名选手参赛。\n\n"
        "市青少年体育发展服务中心负责人介绍，本届比赛设置\n\n"
        "选手们在泳池中奋力前游。 株洲日报记者 王晨 摄\n\n（下转A2版）\n\n"
        "## 社区足球联赛踢出邻里情\n\n"
        "周末的傍晚，天元区社区足球联赛在泰山路球场开赛，两支社区球队激烈比拼，场边坐满了居民。\n"
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["全市青少年游泳比赛开赛", "社区足球联赛踢出邻里情"]
    assert result.articles[0].body.endswith("本届比赛设置")
    assert result.unassigned == []
