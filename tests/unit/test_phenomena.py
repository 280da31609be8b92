"""One test per kind of failure found on pages the parser had never seen (issue 13): each page
here is our own writing, built to show one phenomenon."""

from __future__ import annotations

from datetime import date

import pytest

from articles.parsing import lost_characters, parse_text
from articles.parsing.patterns import SURNAMES, parse_lead
from articles.parsing.text import normalise_line


def test_fake_bold_doubling_of_the_final_punctuation_is_undone():
    assert normalise_line("新大桥今日通车新大桥今日通车。。") == "新大桥今日通车。"
    assert normalise_line("好消息好消息！！") == "好消息！"


def test_a_dateline_range_is_one_dateline():
    lead = parse_lead("株洲日报讯 6月2日至3日，市长深入各区调研。")
    assert lead is not None
    assert lead.dateline == "6月2日至3日"
    assert lead.rest == "市长深入各区调研。"


def test_a_dateline_range_dates_the_issue_after_its_last_day():
    page = "会议召开\n株洲日报记者 刘芳\n株洲日报讯 6月2日至3日，2023年全市工作会议召开。\n"
    assert parse_text(page).issue_date == date(2023, 6, 4)


def test_a_year_named_for_the_future_does_not_date_the_issue():
    page = (
        "企业备战明年市场\n株洲日报记者 刘芳\n"
        "株洲日报讯 11月20日，2023年全市外贸工作推进会召开。今年以来，全市外贸进出口增长12%。"
        "会议要求，各企业要提前谋划，备战2024年市场，力争2025年实现翻番。\n"
        "2023年前三季度，全市新增外贸企业80家。\n"
    )
    result = parse_text(page)
    assert result.issue_date == date(2023, 11, 21), result.date_evidence


def test_the_surname_list_is_a_list_of_surnames():
    # a signature is recognised by a common surname; a pen name's first character is not one
    assert "芷" not in SURNAMES
    assert {"王", "李", "欧", "诸", "柳"} <= SURNAMES


def test_nothing_lost_on_these_pages():
    for page in ("新大桥今日通车新大桥今日通车。。\n", "株洲日报讯 6月2日至3日，市长调研。\n"):
        assert lost_characters(parse_text(page)) == {}


LINES_PAGE = """全市上半年经济运行稳中有进
株洲日报讯 今年上半年，全市地区生产总值同比增长6.5%，规模工业增加值增长7.2%，经济运行稳中有进。
市统计局相关负责人介绍，上半年全市固定资产投资增长8.1%，社会消费品零售总额增长6.9%。（详见B3版）
株洲日报记者 王丽
通讯员 陈静
石峰区打造“15分钟生活圈”
便民服务就在家门口
社区居民在新建的便民服务中心办理业务。 石峰区融媒体中心 供图
株洲日报讯 7月5日，记者从石峰区获悉，该区今年新建改建社区便民服务中心12个，居民步行15分钟即可办理各类事务。
在响石岭街道，便民服务中心设有医保、社保、
家政服务网点，周边居民纷纷点赞。
有的居民告诉记者，以前办事要跑到区里，现在
下楼就能办好。“真方便！”居民刘阿姨说。
下一步，该区将继续完善社区服务功能，明年实现全覆盖。
"""


def test_a_teaser_pointing_to_another_page():
    teaser = parse_text(LINES_PAGE).articles[0]
    assert (teaser.kind, teaser.headline, teaser.continued_to) == ("teaser", "全市上半年经济运行稳中有进", "B3")
    assert teaser.body.endswith("增长6.9%。")


def test_a_byline_above_its_title_stack_and_a_caption_credits_the_story():
    articles = parse_text(LINES_PAGE).articles
    assert len(articles) == 2, [a.headline for a in articles]
    story = articles[1]
    title = (story.kicker or "") + story.headline + (story.subheadline or "")
    assert title == "石峰区打造“15分钟生活圈”便民服务就在家门口"
    assert (story.reporters, story.correspondents, story.photographers) == (["王丽"], ["陈静"], [])
    assert story.captions == ["社区居民在新建的便民服务中心办理业务。 石峰区融媒体中心 供图"]
    assert story.body.startswith("记者从石峰区获悉") and story.body.endswith("明年实现全覆盖。")


def test_a_line_that_ends_mid_sentence_is_never_a_title():
    story = parse_text(LINES_PAGE).articles[-1]
    assert story.section_headings == []
    assert "以前办事要跑到区里，现在下楼就能办好。" in story.body
    assert lost_characters(parse_text(LINES_PAGE)) == {}


def test_title_roles_follow_what_each_line_says():
    from articles.parsing.titles import title_roles

    # an official and what they did, then a slogan: kicker + headline
    assert title_roles(["市长王建国调研重点项目建设时强调", "抢抓晴好天气 全力冲刺二季度"]) == (
        "市长王建国调研重点项目建设时强调",
        "抢抓晴好天气全力冲刺二季度",
        None,
    )
    # a meeting announced, then what it did: headline + subheadline
    assert title_roles(["市政府召开第十二次常务会议", "研究城市更新和防汛工作"]) == (
        None,
        "市政府召开第十二次常务会议",
        "研究城市更新和防汛工作",
    )
    # a plain fact printed under its slogan is the kicker
    assert title_roles(["稳就业 促增收", "全市新增就业岗位3.2万个"]) == (
        "全市新增就业岗位3.2万个",
        "稳就业促增收",
        None,
    )
    # kicker and headline on one line
    assert title_roles(["市委书记深入企业调研时强调 坚决筑牢安全生产防线"]) == (
        "市委书记深入企业调研时强调",
        "坚决筑牢安全生产防线",
        None,
    )
    # a dash subtitle sits right under its headline: the line above that is no headline
    assert title_roles(["走进乡村振兴一线", "古村落的“新生活”", "——醴陵市沩山村见闻"]) == (
        "走进乡村振兴一线",
        "古村落的“新生活”",
        "——醴陵市沩山村见闻",
    )
    assert title_roles(["夜市", "开张了", "——芦淞老街见闻"]) == (None, "夜市开张了", "——芦淞老街见闻")
    # a column label printed between a headline and its dash subtitle does not take the headline
    assert title_roles(["古村落的“新生活”", "乡村行", "——醴陵市沩山村见闻"])[1] == "古村落的“新生活”"
    # kicker and the first half of the headline on one line, its second half wrapped below
    assert title_roles(["市长调研农业生产时强调 抓好秋粮收储", "守好群众粮仓"]) == (
        "市长调研农业生产时强调",
        "抓好秋粮收储守好群众粮仓",
        None,
    )
    # a third line is the subheadline
    assert title_roles(["市长调研重点项目时强调", "全力冲刺二季度", "确保完成全年目标任务"]) == (
        "市长调研重点项目时强调",
        "全力冲刺二季度",
        "确保完成全年目标任务",
    )


PDF_PAGE = """株洲日报记者 李华

株洲日报讯 6月14日，城区首条
智慧公交示范线在河西正式开通。
这条线路全长18公里，沿途设站
26个，全部站台配备了电子站牌。

据介绍，示范线采用新能源车辆，
发车间隔缩短至8分钟。

城区首条智慧公交示范线开通

6月13日，在渌口区南洲镇的
稻田里，农机手驾驶插秧机来回
穿梭，一行行秧苗整齐地插进水
田。眼下正是早稻插秧的关键时
期，全区已完成插秧面积8万亩。

株洲日报记者 黄志强 通讯员 吴敏 摄

插秧机穿梭

稻田披新绿

株洲日报记者 赵丽

株洲日报讯 6月14日，第十届湘
江龙舟赛在株洲落幕，24支队伍
同场竞技。

赛前，各队进行了充分准备。

“一条心”

比赛当天，数万市民到江边观战，
为选手们加油助威。

湘江龙舟赛落幕
"""


def test_a_photo_story_between_two_stories_is_its_own_article():
    articles = parse_text(PDF_PAGE).articles
    assert [a.headline for a in articles] == ["城区首条智慧公交示范线开通", "插秧机穿梭稻田披新绿", "湘江龙舟赛落幕"]
    bus, photo, race = articles
    assert (photo.kind, photo.subheadline, photo.photographers) == ("photo", None, ["黄志强", "吴敏"])
    assert bus.photographers == [] and bus.body.endswith("缩短至8分钟。")
    assert photo.captions[0].startswith("6月13日，在渌口区南洲镇的稻田里")


def test_a_section_heading_inside_a_story_stays_inside():
    race = parse_text(PDF_PAGE).articles[-1]
    assert race.section_headings == ["“一条心”"]
    assert race.body.endswith("为选手们加油助威。")
    assert lost_characters(parse_text(PDF_PAGE)) == {}


FAR_TITLE_PAGE = """清晨六点，炎陵县的茶园里已是
一片忙碌。采茶工们背着竹篓，
在茶垄间穿梭，指尖翻飞。

今年，炎陵黄桃茶园新增面积
两千亩，茶农人均增收三千元。
“茶叶成了致富叶。”茶农老刘
笑着说。

在茶叶加工厂，新引进的生产线
正在满负荷运转，每天能加工鲜
叶五吨。

株洲日报记者 赵丽

株洲日报讯 6月14日，第十届湘
江龙舟赛在株洲落幕，24支队伍
同场竞技，醴陵队夺得冠军。

比赛吸引了数万市民到江边观战。

湘江龙舟赛落幕

茶香飘满致富路

炎陵茶园新增两千亩，茶农人均增收三千元

株洲日报记者 孙伟 通讯员 钟涛

株洲日报记者 李华

株洲日报讯 6月14日，城区首条
智慧公交示范线在河西正式开通。

城区首条智慧公交示范线开通
"""


def test_a_title_printed_far_from_its_body_finds_it_with_its_byline():
    articles = parse_text(FAR_TITLE_PAGE).articles
    assert [(a.headline, a.reporters) for a in articles] == [
        ("茶香飘满致富路", ["孙伟"]),
        ("湘江龙舟赛落幕", ["赵丽"]),
        ("城区首条智慧公交示范线开通", ["李华"]),
    ]
    assert articles[0].subheadline == "炎陵茶园新增两千亩，茶农人均增收三千元"
    assert articles[0].correspondents == ["钟涛"]


def test_each_article_carries_a_confidence_and_the_weakest_is_the_doubtful_one():
    articles = parse_text(LINES_PAGE + "\n有的居民告诉记者，以前\n").articles
    assert all(0.0 <= a.confidence <= 1.0 for a in articles)
    sure = parse_text(FAR_TITLE_PAGE).articles[0]
    untitled = parse_text("全市今年新建社区服务中心12个，居民步行即可办事。\n").articles[0]
    assert untitled.headline == "" and untitled.confidence < sure.confidence


TWO_CHUNK_HEADING_PAGE = """株洲日报记者 赵丽

株洲日报讯 6月14日，第十届湘
江龙舟赛在株洲落幕，24支队伍
同场竞技。

赛前，各队进行了充分准备，队员
们每天训练四个小时。

“一条心”

才能划得快

比赛当天，数万市民到江边观战，
为选手们加油助威。醴陵队的队员
说，龙舟比的是团结，大家一条心
才能划得快。

湘江龙舟赛落幕
"""


def test_a_section_heading_on_two_short_chunks_stays_inside_its_story():
    articles = parse_text(TWO_CHUNK_HEADING_PAGE).articles
    assert [a.headline for a in articles] == ["湘江龙舟赛落幕"]
    assert articles[0].section_headings == ["“一条心”才能划得快"]
    assert articles[0].body.endswith("大家一条心才能划得快。")


UNTITLED_LEAD_PAGE = """株洲日报讯 6月14日，全市防汛工作视频调度会召开。会议要求，各地要压紧压实防汛责任，确保安全度汛。
会议指出，当前我市已进入主汛期，强降雨天气频繁，各级各部门要时刻绷紧防汛这根弦。
城区首条智慧公交示范线开通
株洲日报记者 李华
株洲日报讯 6月14日，城区首条智慧公交示范线在河西正式开通。这条线路全长18公里，沿途设站26个。
据介绍，示范线采用新能源车辆，发车间隔缩短至8分钟。
"""


def test_a_lead_story_printed_without_a_title_keeps_none_of_the_next_storys():
    lead, bus = parse_text(UNTITLED_LEAD_PAGE).articles
    assert lead.headline == "" and lead.body.startswith("全市防汛工作视频调度会召开")
    assert (bus.headline, bus.reporters) == ("城区首条智慧公交示范线开通", ["李华"])


TWO_LINE_TITLE_PAGE = """株洲日报记者 赵丽

株洲日报讯 6月14日，第十届湘
江龙舟赛在株洲落幕，24支队伍
同场竞技，醴陵队夺得冠军。

湘江龙舟赛落幕

株洲日报记者 孙伟

株洲日报讯 6月14日，我市出台
轨道交通装备产业链发展方案，
打造世界级产业集群。

以产业链思维

打造世界级轨道交通装备产业集群
"""


def test_a_two_line_title_printed_on_two_chunks_stays_whole():
    race, chain = parse_text(TWO_LINE_TITLE_PAGE).articles
    assert (race.kicker, race.headline, race.subheadline) == (None, "湘江龙舟赛落幕", None)
    assert (chain.kicker or "") + chain.headline + (
        chain.subheadline or ""
    ) == "以产业链思维打造世界级轨道交通装备产业集群"
    assert chain.reporters == ["孙伟"]


def test_two_jump_lines_in_one_article_lose_nothing():
    result = parse_text("## 标题\n\n株洲日报记者 李华\n\n会议召开了。详见A4版\n\n下转A2版\n")
    assert lost_characters(result) == {}
    (article,) = result.articles
    assert (article.jump, article.continued_to) == ("详见A4版 下转A2版", "A2")
    many = parse_text("## 标题\n\n" + "会议召开了。\n\n下转A2版\n\n" * 30)
    assert lost_characters(many) == {} and len(many.articles[0].jump) <= 100


def test_an_unmarked_title_line_beside_marked_ones_keeps_its_place():
    from articles.parsing import ParaKind, ParsedParagraph, articles_from

    paragraphs = [
        ParsedParagraph(0, ParaKind.TITLE, "引题在这里", 0),
        ParsedParagraph(1, ParaKind.TITLE, "主标题", 0, role="headline"),
        ParsedParagraph(2, ParaKind.TITLE, "副题在下面", 0),
        ParsedParagraph(3, ParaKind.BODY, "正文一段。", 0),
    ]
    (article,), _ = articles_from(paragraphs, "株洲日报")
    assert (article.kicker, article.headline, article.subheadline) == ("引题在这里", "主标题", "副题在下面")


def test_years_named_for_what_is_done_or_as_a_range_are_no_targets():
    from articles.parsing.dates import present_year

    assert present_year("到2020年底，全市已建成充电桩3000个。")[0] == 2020
    assert present_year("2018年至2020年，全市累计新增就业8万人。")[0] == 2020
    assert present_year("该校被评为2021年度先进单位。")[0] == 2021
    assert present_year("今年是2021年。力争到2025年全面完成。")[0] == 2021


def test_datelines_across_the_new_year():
    page = "新年第一天\n株洲日报记者 刘芳\n株洲日报讯 1月1日，2022年全市新年音乐会举行。\n株洲日报讯 12月31日，市民迎接新年。\n"
    assert parse_text(page).issue_date == date(2022, 1, 2)


def test_leads_of_other_papers_and_sites():
    from articles.parsing.patterns import parse_lead

    cases = {
        "衡阳新闻讯 3月26日，会议召开": ("衡阳新闻", "3月26日"),
        "本报长沙3月26日讯 会议召开": ("本报", "长沙3月26日"),
        "人民网北京3月26日电 会议召开": ("人民网", "北京3月26日电"),
        "掌上株洲讯（记者 李华）会议召开": ("掌上株洲", None),
    }
    for text, (source, dateline) in cases.items():
        lead = parse_lead(text)
        assert lead is not None and (lead.source, lead.dateline, lead.rest) == (source, dateline, "会议召开"), text


def test_a_fake_bold_markdown_headline_loses_nothing():
    result = parse_text("# 湘江边的湘江边的““守水人守水人””\n\n株洲日报记者 李华\n\n正文。\n")
    assert lost_characters(result) == {}
    assert result.articles[0].headline == "湘江边的“守水人”"


def test_a_papers_byline_above_agency_copy_credits_the_title_above_it():
    """PDF text: a title printed far after its body with its byline under it, and agency copy
    (`新华社…电`, no byline of ours) right below: the byline is the title's, not the agency's."""
    page = (
        "株洲日报讯 10月8日，全市秋季植树活动在\n神农公园举行，1200多名志愿者参加。\n\n"
        "活动现场，志愿者们挖坑、培土、浇水，\n忙得热火朝天。\n\n"
        "城区新添绿树三千株\n\n"
        "株洲日报记者 柳青 通讯员/谢晓婷\n\n"
        "新华社北京10月8日电 记者从国家铁路集团获悉，\n国庆假期全国铁路发送旅客一亿人次。\n\n"
        "铁路部门加开旅客列车，优化候车服务，\n运输安全平稳有序。\n\n"
        "国庆假期铁路发送旅客一亿人次\n"
    )
    articles = {a.headline: a for a in parse_text(page).articles}
    assert articles["城区新添绿树三千株"].reporters == ["柳青"]
    assert articles["城区新添绿树三千株"].body.startswith("全市秋季植树活动")
    assert articles["国庆假期铁路发送旅客一亿人次"].reporters == []
    assert articles["国庆假期铁路发送旅客一亿人次"].source == "新华社"


def test_a_pdf_title_line_that_says_who_did_what_does_not_run_on_into_the_next():
    """PDF text: a kicker ending `…时强调` printed right above its headline, no blank line between,
    is the kicker; a headline wrapped mid-phrase (`…主持召开` / `市政府常务会议`) stays one line."""
    body = "株洲日报讯 10月8日，副市长刘建华来到\n茶陵县调研种业发展。他强调，要\n加快培育优良品种。\n\n"
    page = body + "刘建华调研种业发展时强调\n打好种业翻身仗端牢群众饭碗\n"
    article = parse_text(page).articles[0]
    assert (article.kicker, article.headline) == ("刘建华调研种业发展时强调", "打好种业翻身仗端牢群众饭碗")
    wrapped = body.replace("调研种业发展", "主持召开常务会议") + "刘建华主持召开\n市政府常务会议\n"
    assert parse_text(wrapped).articles[0].headline == "刘建华主持召开市政府常务会议"


def test_a_pdf_subheadline_of_phrases_across_the_columns_is_a_title():
    """PDF text: a subheadline listing several phrases set apart by spaces, printed across the
    columns on one line (far wider than the column text), is the title's, not a paragraph of
    body text; under a wrapped headline and alone at the foot of the page alike."""
    body = (
        "株洲日报讯 11月3日，市政府召开常务会\n议，听取全市冬季安全生产工作汇\n报，研究部署"
        "城区道路改造和供\n水管网更新工作。\n\n"
        "会议要求，各地各部门要压实责\n任，加强燃气、消防和道路交通\n安全隐患排查，做好低温雨雪冰\n"
        "冻天气应对准备，保障城区供水\n供气平稳，确保群众温暖过冬。\n\n"
    )
    subheadline = (
        "听取全市冬季安全生产工作情况汇报 研究城区主次干道提质改造工作 部署城区供水管网更新改造工作 审议有关文件"
    )
    wrapped = (
        "株洲日报记者 苏晓\n\n" + body + "市政府召开常务会议部署冬季\n安全生产和城区道路改造\n" + subheadline + "\n"
    )
    article = parse_text(wrapped).articles[0]
    title = (article.kicker or "") + article.headline  # where the wrapped headline breaks is not the point here
    assert (title, article.subheadline) == ("市政府召开常务会议部署冬季安全生产和城区道路改造", subheadline)
    at_foot = "株洲日报记者 苏晓\n\n" + body + "市政府召开常务会议\n\n" + subheadline + "\n"
    result = parse_text(at_foot)
    article = result.articles[0]
    assert (article.headline, article.subheadline) == ("市政府召开常务会议", subheadline)
    assert article.body.endswith("群众温暖过冬。")
    assert lost_characters(result) == {}


def test_the_wrapped_second_half_of_a_headline_is_no_column_label():
    """One paragraph per line: kicker and the first half of the headline on one line, the second
    half under it, then the byline: the short last line completes the headline (a column label
    would not pair with the half above it), and nothing stays unassigned."""
    story = (
        "株洲日报讯 9月20日，市长刘建华深入渌口区调研秋粮收购工作。他强调，要抓好秋粮收储，"
        "切实保护种粮农民利益。\n\n在渌口区粮食储备库，刘建华察看了仓储设施和粮食烘干设备。\n"
    )
    page = "刘建华调研秋粮收购时强调 抓好秋粮收储\n\n守好群众粮仓\n\n株洲日报记者 苏晓\n\n" + story
    result = parse_text(page)
    article = result.articles[0]
    assert (article.kicker, article.headline) == ("刘建华调研秋粮收购时强调", "抓好秋粮收储守好群众粮仓")
    assert result.unassigned == []


def test_a_lone_pdf_title_that_retells_the_story_above_is_its_title():
    """PDF text: a story closed by a photo caption and its credit, its one-line title, then a
    teaser with no byline and its own title: the lone line is the title of the story above (it
    retells it and shares nothing with the teaser), not a section heading run into the teaser."""
    page = (
        "株洲日报记者 苏晓\n\n株洲日报讯 10月8日，随着最后\n一座人行天桥完成吊装，建设路\n"
        "改造工程全线完工。这条道路北\n起火车站，南至天台山庄，全长\n4.2公里，沿线新增停车位600个。\n\n"
        "据市城管局介绍，建设路改造\n工程全线完工后，主城区早晚高\n峰通行时间将缩短约十分钟。 "
        "市民走过新建的人行天桥。 通讯员 供图\n\n"
        "建设路改造工程全线完工\n\n"
        "气象部门预计，下周我市将迎\n来一次明显降温过程，气温最\n低降至5℃，请市民注意添衣保暖。\n\n"
        "详见A4版\n\n"
        "下周我市明显降温\n最低气温降至5℃\n"
    )
    result = parse_text(page)
    titles = {a.body[:6]: (a.kicker or "") + a.headline for a in result.articles}
    assert titles["随着最后一座"] == "建设路改造工程全线完工"
    assert titles["气象部门预计"] == "下周我市明显降温最低气温降至5℃"
    assert lost_characters(result) == {}


def test_a_headline_wrapped_before_its_exclamation_is_one_headline():
    """One paragraph per line: `城东新建的口袋公园` / `开放啦！` with no blank line between, after a
    finished story: one headline of the story below (a short line an exclamation ends goes on
    nowhere), not the first half left at the end of the story above."""
    before = "株洲日报讯 5月6日，市政府召开常务会议，研究城市更新工作。\n\n会议还研究了其他事项。\n\n"
    story = "株洲日报讯 5月7日，荷塘区城东新建的口袋公园正式对市民开放，公园内建有儿童游乐区和健身步道。\n"
    result = parse_text("市政府召开常务会议\n\n" + before + "城东新建的口袋公园\n开放啦！\n\n" + story)
    assert [a.headline for a in result.articles] == ["市政府召开常务会议", "城东新建的口袋公园开放啦！"]
    assert result.articles[0].body.endswith("会议还研究了其他事项。")


def test_a_headline_wrapped_mid_phrase_opens_the_title_not_a_paragraph():
    """One paragraph per line: after a finished story, `城南老街的` / `“慢生活” ——荷塘区…见闻`:
    a few characters stopping mid-phrase above a line that reads as a title are its first line."""
    before = (
        "株洲日报讯 5月6日，市政府召开常务会议，研究城市更新、老旧小区改造和城区道路提质等工作。\n\n"
        "会议要求，各地各部门要压实责任，加快项目建设进度，确保年底前全部完工并交付使用。\n\n"
    )
    story = (
        "株洲日报讯 5月7日，走进荷塘区城南老街，青石板路两旁的老字号店铺陆续开门迎客，茶香飘满街巷。\n\n"
        "街坊们说，老街改造没有大拆大建，保留了原有的街巷肌理，日子还是熟悉的味道。\n"
    )
    page = "市政府召开常务会议\n\n" + before + "城南老街的\n\n“慢生活” ——荷塘区城南老街见闻\n\n" + story
    result = parse_text(page)
    assert [(a.headline, a.subheadline) for a in result.articles] == [
        ("市政府召开常务会议", None),
        ("城南老街的“慢生活”", "——荷塘区城南老街见闻"),
    ]
    assert result.articles[0].body.endswith("确保年底前全部完工并交付使用。")


def test_a_markdown_kicker_printed_right_above_its_headline_is_the_kicker():
    """A plain line with no blank line before the `##` under it is that headline's kicker, at the
    top of the page and between two stories alike; nothing of it stays outside the articles."""
    story = "株洲日报讯 10月8日，全市秋季植树活动在神农公园举行，1200多名志愿者参加。\n\n"
    page = "全市新增绿地三百亩\n## 城区新添绿树三千株\n\n" + story + "本周天气晴好\n## 市民踊跃参加义务植树\n\n" + story
    result = parse_text(page)
    titles = [(a.kicker, a.headline) for a in result.articles]
    assert titles == [("全市新增绿地三百亩", "城区新添绿树三千株"), ("本周天气晴好", "市民踊跃参加义务植树")]
    assert all(a.body.endswith("志愿者参加。") for a in result.articles)
    assert lost_characters(result) == {}


def test_a_kicker_over_a_headline_printed_in_two_short_halves():
    """One paragraph per line: a line, then a headline printed as two short even halves, then the
    story: the halves are one headline, the line above them its kicker."""
    body = (
        "株洲日报讯 入夏以来，芦淞区老街夜市人气火爆，每晚客流量超过两万人次，小吃摊位、文创市集和街头演艺吸引了众多市民。\n"
        "夜市管理方介绍，今年新增摊位两百个，并统一规划了垃圾分类点和停车区域，让市民逛得舒心、吃得放心。\n"
    )
    page = "城市夜经济观察\n夜色里的烟火气\n点亮消费新场景\n株洲日报记者 柳青\n" + body
    article = parse_text(page).articles[0]
    assert (article.kicker, article.headline, article.subheadline) == (
        "城市夜经济观察",
        "夜色里的烟火气点亮消费新场景",
        None,
    )


LOOSE_PAGES = {
    # `…补给站12` / `个、医疗点20个，…`: a number cut from its measure word
    "cut at a number": (
        "株洲日报记者 凌霄\n\n株洲日报讯 6月2日早上，湘江半程马拉松在神农城\n鸣枪开跑，8000名跑者参赛。\n\n"
        "赛事期间，沿线设置补给站12\n\n个、医疗点20个，1000余名志愿者\n\n提供服务。这是我市连续举办的\n\n"
        "第五届半程马拉松。\n\n湘江半程马拉松鸣枪开跑\n",
        "湘江半程马拉松鸣枪开跑",
        "补给站12个、医疗点20个",
    ),
    # `科室主任刘平` / `介绍，去年…`: the second piece opens with the rest of a word and a comma
    "cut before a speaker's verb": (
        "株洲日报记者 凌霄\n\n株洲日报讯 7月2日，市中心医院卒中\n\n中心通过国家级认证，成为全市\n\n"
        "首家获此认证的医院。\n\n科室主任刘平\n\n介绍，去年医院共救治\n\n急性卒中患者800余例。\n\n"
        "市中心医院卒中中心通过国家级认证\n",
        "市中心医院卒中中心通过国家级认证",
        "科室主任刘平介绍，去年医院共救治",
    ),
    # `下一步，该区将建设冷链` / `物流园，…`: a sentence opened by a connective and its comma
    "opened by a connective": (
        "株洲日报记者 凌霄\n\n株洲日报讯 7月2日，渌口区冷链物流\n\n中心项目开工，总投资3.5亿元，\n\n"
        "建成后年吞吐量可达20万吨。\n\n下一步，该区将建设冷链\n\n物流园，力争两年内引进\n\n"
        "企业30家以上。\n\n渌口区冷链物流中心项目开工\n",
        "渌口区冷链物流中心项目开工",
        "下一步，该区将建设冷链物流园，力争两年内引进企业30家以上。",
    ),
}


@pytest.mark.parametrize("case", sorted(LOOSE_PAGES))
def test_loose_pdf_lines_cut_at_column_ends_are_body_not_titles(case):
    """Loose PDF text (a blank line after every line): one sentence cut at column ends is no
    title stack between two stories; the story keeps its words and its title."""
    page, headline, words = LOOSE_PAGES[case]
    articles = parse_text(page).articles
    assert [a.headline for a in articles] == [headline]
    assert words in articles[0].body
