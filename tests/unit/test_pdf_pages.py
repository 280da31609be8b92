"""PDF column text: pages of our own writing, each built to show one way the reading of a PDF
page went wrong (bench/parse_quality.py, format pdf-columns)."""

from __future__ import annotations

from articles.parsing import lost_characters, parse_text


def columns(text: str, width: int = 14) -> str:
    """A paragraph hard-wrapped at a column of `width` characters, as PDF extraction gives it."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def page(*blocks: str) -> str:
    """Blocks printed one after another, a blank line between them."""
    return "\n\n".join(blocks) + "\n"


NIGHT_MARKET = columns(
    "入夜，荷塘区的夜市人头攒动，小吃摊、文创摊一字排开，市民和游客边走边逛。"
    "夜市负责人介绍，今年以来夜市日均客流超过两万人次，摊主收入普遍增长。"
)
RICE = columns(
    "株洲日报讯 5月3日，记者从市农业农村局获悉，今年我市早稻种植面积达到120万亩，"
    "比去年增加5万亩。农技人员正分片指导农户做好田间管理。"
)
LIBRARY = columns(
    "株洲日报讯 5月3日，市图书馆新馆正式开馆，首日接待读者八千余人次。新馆藏书一百二十万册，"
    "设有少儿阅览区和数字体验区。"
)


def test_a_pdf_title_line_that_fits_nothing_below_it_stays_with_the_story_above():
    """A feature's kicker and a headline that repeats none of its words, printed after its body
    (where PDF prints titles), then a story whose own title and byline stand far below, next to
    another story's title: the headline is not given to the story below it for want of a reason
    to keep it, and the story below finds its own title and byline."""
    text = page(
        "株洲日报记者 柳青",
        NIGHT_MARKET,
        "荷塘夜市经济观察",
        "烟火人间添新彩",
        RICE,
        "株洲日报记者 吴刚",
        LIBRARY,
        "市图书馆新馆开馆迎客",
        "全市早稻种植面积达120万亩",
        "株洲日报记者 陈思",
    )
    result = parse_text(text)
    got = {a.body[:4]: ((a.kicker or "") + a.headline, a.reporters) for a in result.articles}
    assert got == {
        "入夜，荷": ("荷塘夜市经济观察烟火人间添新彩", ["柳青"]),
        "记者从市": ("全市早稻种植面积达120万亩", ["陈思"]),
        "市图书馆": ("市图书馆新馆开馆迎客", ["吴刚"]),
    }
    assert lost_characters(result) == {}


BRIDGE = columns(
    "株洲日报讯 5月3日，枫溪大桥主桥顺利合龙，标志着大桥建设进入收尾阶段。大桥全长1.8公里，建成后将连接两岸新城。"
)
BRIDGE_CAPTION = "施工人员在枫溪大桥上作业。 株洲日报记者 王晨 摄"
HEAT = columns("气象部门预计，本周我市以晴热天气为主，最高气温将达37℃，市民外出要注意防暑。")
FOOTBALL = columns("周末的傍晚，天元区社区足球联赛在泰山路球场开赛，两支社区球队激烈比拼，场边坐满了居民。")


def test_a_lone_pdf_title_after_a_photo_credit_is_the_title_of_the_story_it_closes():
    """A photo caption and its credit close a story in PDF text; a lone title line after them,
    before text that opens without byline or lead, is that story's title, not the first words of
    the text below."""
    text = page(
        "株洲日报记者 许丹",
        BRIDGE + " " + BRIDGE_CAPTION,
        "枫溪大桥主桥合龙",
        FOOTBALL,
        "社区足球联赛踢出邻里情",
    )
    result = parse_text(text)
    got = [((a.kicker or "") + a.headline, a.body[:5]) for a in result.articles]
    assert got == [("枫溪大桥主桥合龙", "枫溪大桥主"), ("社区足球联赛踢出邻里情", "周末的傍晚")]
    assert lost_characters(result) == {}


def test_text_after_a_photo_credit_that_opens_afresh_is_another_story():
    """A story closed by its caption and credit, then a teaser without byline or lead, its page
    pointer and its title: the teaser is a story of its own, and the story above finds its own
    title and byline printed far below."""
    text = page(
        BRIDGE + " " + BRIDGE_CAPTION,
        HEAT,
        "详见B3版",
        "本周我市持续晴热",
        "株洲日报记者 吴刚",
        LIBRARY,
        "市图书馆新馆开馆迎客",
        "枫溪大桥主桥合龙",
        "株洲日报记者 许丹",
    )
    result = parse_text(text)
    got = {a.body[:4]: (a.headline, a.reporters) for a in result.articles}
    assert got == {
        "枫溪大桥": ("枫溪大桥主桥合龙", ["许丹"]),
        "气象部门": ("本周我市持续晴热", []),
        "市图书馆": ("市图书馆新馆开馆迎客", ["吴刚"]),
    }
    assert lost_characters(result) == {}


def test_a_title_printed_right_under_a_byline_is_no_body_text():
    """Two far title blocks printed one after the other: the first one's byline stands right
    above the second one's title line, no blank line between. A title phrase (no punctuation)
    under a byline opens a title, not the body of the byline's story."""
    text = page(
        BRIDGE,
        RICE,
        LIBRARY,
        "市图书馆新馆开馆迎客",
        "全市早稻种植面积达120万亩",
        "株洲日报记者 陈思\n枫溪大桥主桥合龙",
        "株洲日报记者 许丹",
    )
    result = parse_text(text)
    got = {a.body[:4]: (a.headline, a.reporters) for a in result.articles}
    assert got == {
        "枫溪大桥": ("枫溪大桥主桥合龙", ["许丹"]),
        "记者从市": ("全市早稻种植面积达120万亩", ["陈思"]),
        "市图书馆": ("市图书馆新馆开馆迎客", []),
    }
    assert lost_characters(result) == {}


def test_a_title_stack_that_retells_a_storys_lead_is_its_title():
    """A meeting story whose lead repeats its title's words (the paragraphs after the lead do
    not), its title stack on one chunk, then a teaser with no byline or lead: the stack is the
    meeting story's title, judged by the whole story above, lead included."""
    text = page(
        "株洲日报记者 苏晓",
        columns("株洲日报讯 5月6日，市长刘建华主持召开市政府常务会议，研究老旧小区改造、夏季用电保障等工作。"),
        columns("会上听取了相关部门的情况汇报，要求各地倒排工期，确保年底前全部完工。"),
        columns("会议还研究了其他事项。"),
        "刘建华主持召开\n市政府常务会议\n研究老旧小区改造、夏季用电保障等工作",
        columns("今年普通高考成绩将于今日公布，考生可通过官网和短信等方式查询成绩。"),
        "详见A3版",
        "今年高考成绩今日可查",
    )
    result = parse_text(text)
    got = [((a.kicker or "") + a.headline + (a.subheadline or ""), a.body[:4]) for a in result.articles]
    assert got == [
        ("刘建华主持召开市政府常务会议研究老旧小区改造、夏季用电保障等工作", "市长刘建"),
        ("今年高考成绩今日可查", "今年普通"),
    ]
    assert lost_characters(result) == {}


def test_a_lone_title_line_before_a_story_with_its_own_title_closes_the_story_above():
    """A finished story, a lone title line that repeats few of its words, then a teaser with no
    byline or lead, its page pointer and a title that retells it: the text below is a story of
    its own, so the lone line is the title of the story above, not a section heading."""
    text = page(
        "株洲日报记者 许丹",
        columns("株洲日报讯 5月3日上午，芦淞区文明交通志愿服务站的志愿者身穿红色马甲走上街头，劝导行人遵守交通规则。"),
        columns("近年来，全区已组建志愿服务队伍30支，累计服务2万余小时。"),
        "“红马甲”守护路口平安",
        columns("记者从市住房公积金管理中心获悉，我市调整住房公积金贷款政策，首套房贷款最高额度提高到80万元。"),
        "详见A2版",
        "住房公积金贷款新政出台\n首套房贷款额度最高提至80万元",
    )
    result = parse_text(text)
    got = [((a.kicker or "") + a.headline + (a.subheadline or ""), a.body[:4]) for a in result.articles]
    assert got == [
        ("“红马甲”守护路口平安", "上午，芦"),
        ("住房公积金贷款新政出台首套房贷款额度最高提至80万元", "记者从市"),
    ]
    assert lost_characters(result) == {}


def test_a_line_cut_at_the_column_end_with_a_comma_inside_is_no_title():
    """Loose text (a blank line after every line): a line as wide as its column with a comma
    inside it, and the line after it, are a sentence cut at column ends, however much they read
    like a title stack; the story keeps them and its title."""
    text = page(
        "株洲日报记者 阮清",
        columns("株洲日报讯 日前，记者从高新区获悉，今年上半年，园区规模工业增加值增长9.1%。"),
        "园区负责人介绍，今年下半年园",
        "区将聚焦新能源、新材料",
        "两大产业，全力冲刺全年目标。",
        "高新区上半年经济“成绩单”出炉",
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["高新区上半年经济“成绩单”出炉"]
    assert "今年下半年园区将聚焦新能源、新材料两大产业" in result.articles[0].body
    assert lost_characters(result) == {}


def test_a_byline_above_a_lead_that_names_its_own_reporters_is_another_storys():
    """A byline printed right above a lead that carries its own bracketed byline belongs to the
    story whose title stands above it (a story prints its byline once), here a story printed
    before that title with its title far from it."""
    text = page(
        FOOTBALL,
        "今年新增公办学位1.2万个\n让孩子在家门口上好学",
        "社区足球联赛踢出邻里情",
        "株洲日报记者 蒋卓",
        columns(
            "株洲日报讯（记者 肖蓉 通讯员 姚春燕）5月3日，记者从市教育局获悉，今年我市新建、改扩建中小学23所，"
            "新增公办学位1.2万个。"
        ),
    )
    result = parse_text(text)
    got = {a.body[:4]: ((a.kicker or "") + a.headline, a.reporters) for a in result.articles}
    assert got == {
        "周末的傍": ("社区足球联赛踢出邻里情", ["蒋卓"]),
        "记者从市": ("今年新增公办学位1.2万个让孩子在家门口上好学", ["肖蓉"]),
    }
    assert lost_characters(result) == {}


def test_a_far_title_stack_moves_whole_to_its_story():
    """A title stack printed far from its story, right above a commentary's signature (the
    commentary's own title follows its text): its first line retells the far story, the lines
    under it say little of either; they move with it rather than stay over the signature."""
    text = page(
        columns(
            "株洲日报讯 5月3日，第三届山乡美食文化节在茶陵县开幕，来自全省的200余家餐饮企业参展，"
            "游客可品尝各地特色美食。"
        ),
        "下转A4版",
        "株洲日报记者 吴刚",
        LIBRARY,
        "市图书馆新馆开馆迎客",
        "第三届山乡美食文化节开幕",
        "舌尖乡愁引客来",
        "推出8条美食线路，发放消费券200万元",
        "周立新",
        columns("城市的温度，藏在一座座图书馆里。把图书馆建在市民身边，读书才能成为一种生活方式。"),
        "让阅读成为城市的日常",
    )
    result = parse_text(text)
    got = {a.body[:4]: ((a.kicker or "") + a.headline + (a.subheadline or "")) for a in result.articles}
    assert got == {
        "第三届山": "第三届山乡美食文化节开幕舌尖乡愁引客来推出8条美食线路，发放消费券200万元",
        "市图书馆": "市图书馆新馆开馆迎客",
        "城市的温": "让阅读成为城市的日常",
    }
    assert lost_characters(result) == {}


def test_a_line_that_opens_with_reported_speech_or_a_time_clause_is_no_title():
    """`谢文涛指出，老旧小区改造` / `巡河时，刘国庆…`: a line opened by who said it, or by when,
    and its comma, opens a sentence; cut at a column end and standing alone, it is body text
    even when the paragraph below it reads as new."""
    text = page(
        "株洲日报记者 苏晓",
        columns("株洲日报讯 5月3日下午，市长刘建华深入荷塘区调研城镇老旧小区改造工作。"),
        columns("在月塘街道，刘建华察看了雨污分流改造和加装电梯情况。"),
        "刘建华指出，老旧小区改造",
        columns("是重大民生工程，要问需于民，让群众住得更舒心。"),
        columns("副市长罗明参加调研。"),
        "刘建华调研老旧小区改造工作",
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["刘建华调研老旧小区改造工作"]
    assert "刘建华指出，老旧小区改造是重大" in result.articles[0].body.replace("\n", "")
    assert lost_characters(result) == {}


def test_bylines_above_a_photo_story_belong_to_the_title_above_them():
    """A far title and its bylines printed right above a photo story (one caption paragraph and
    the credit of its photographers): a photo story credits its photographers, so the reporters
    above it are the far title's story's."""
    text = page(
        RICE,
        "株洲日报记者 吴刚",
        LIBRARY,
        "市图书馆新馆开馆迎客",
        "全市早稻种植面积达120万亩",
        "株洲日报记者 陈思\n通讯员 周宁",
        columns("5月3日，在醴陵市孙家湾镇，农民驾驶收割机抢收早稻，确保颗粒归仓。"),
        "株洲日报记者 黄睿 通讯员/聂勇 摄",
        "稻谷飘香收割忙",
    )
    result = parse_text(text)
    got = {a.headline: (a.reporters, a.correspondents, a.photographers) for a in result.articles}
    assert got == {
        "全市早稻种植面积达120万亩": (["陈思"], ["周宁"], []),
        "市图书馆新馆开馆迎客": (["吴刚"], [], []),
        "稻谷飘香收割忙": ([], [], ["黄睿", "聂勇"]),
    }
    assert lost_characters(result) == {}


def test_a_title_chunk_with_a_comma_line_as_wide_as_the_column_stays_a_title():
    """A title chunk whose subheadline happens to be as wide as the column, a comma inside it:
    its other lines are short, so it is no sentence cut at a column end."""
    text = page(
        "株洲日报记者 吴刚",
        columns("株洲日报讯 5月3日，第三届山乡美食文化节在茶陵县开幕，推出8条线路，发放美食消费券。"),
        "第三届山乡美食文化节开幕\n舌尖乡愁引客来\n推出8条线路，发放美食消费券",
        HEAT,
        "详见A2版",
        "本周我市持续晴热",
    )
    result = parse_text(text)
    got = [((a.kicker or "") + a.headline + (a.subheadline or ""), a.body[:4]) for a in result.articles]
    assert got == [
        ("第三届山乡美食文化节开幕舌尖乡愁引客来推出8条线路，发放美食消费券", "第三届山"),
        ("本周我市持续晴热", "气象部门"),
    ]
    assert lost_characters(result) == {}


def test_a_byline_under_a_far_title_goes_with_it_past_a_title_printed_before_its_body():
    """A teaser's title printed before its text, then a far story's title and byline, then the
    teaser's text: the byline stands under the far title, so it credits the far story, not the
    teaser whose title stands above both."""
    text = page(
        FOOTBALL,
        "本周我市持续晴热",
        "社区足球联赛踢出邻里情",
        "株洲日报记者 蒋卓",
        HEAT,
        "详见A2版",
        "株洲日报记者 吴刚",
        LIBRARY,
        "市图书馆新馆开馆迎客",
    )
    result = parse_text(text)
    got = {a.body[:4]: (a.headline, a.reporters) for a in result.articles}
    assert got == {
        "周末的傍": ("社区足球联赛踢出邻里情", ["蒋卓"]),
        "气象部门": ("本周我市持续晴热", []),
        "市图书馆": ("市图书馆新馆开馆迎客", ["吴刚"]),
    }
    assert lost_characters(result) == {}


def test_a_photo_story_after_a_commentary_is_its_own_article():
    """A commentary (title, signature, text) followed by a photo story printed text first: a
    paragraph of a few sentences closed by its photographers' credit, then its title. The photo
    story is an article of its own, not the commentary's last paragraph."""
    text = page(
        "让阅读成为城市的日常",
        "周立新",
        columns("城市的温度，藏在一座座图书馆里。把图书馆建在市民身边，读书才能成为一种生活方式。"),
        columns("夜幕下，枫溪大桥灯光璀璨，宛如一道彩虹横跨江面。大桥亮化工程日前完工，成为市民观景的新去处。"),
        "株洲日报记者 王晨 摄",
        "江上“彩虹”映夜空",
    )
    result = parse_text(text)
    got = [(a.headline, a.body[:4], a.authors, a.photographers) for a in result.articles]
    assert got == [
        ("让阅读成为城市的日常", "城市的温", ["周立新"], []),
        ("江上“彩虹”映夜空", "夜幕下，", [], ["王晨"]),
    ]
    assert lost_characters(result) == {}


def test_a_section_heading_that_sums_up_the_text_above_it_stays_inside_its_story():
    """A feature's section heading that sums up the paragraph above it rather than the one below,
    then the rest of the feature and its title, which retells the opening: the heading is no
    title of a story above, since the text below runs into a title that is not its own."""
    text = page(
        "株洲日报记者 许丹",
        columns("清晨六点，渌口区的护林员老周就背起水壶上了山。守护这片山林，是他坚持了十年的功课。"),
        columns("十年来，他走坏了三十双胶鞋，记下巡山日志八本。"),
        "十年走坏三十双胶鞋",
        columns("“山绿了，鸟多了，野猪也回来了。”老周笑着说，去年冬天，他还拍到了白鹇在林间觅食。"),
        "大山里的护林人",
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["大山里的护林人"]
    assert result.articles[0].section_headings == ["十年走坏三十双胶鞋"]
    assert lost_characters(result) == {}


def test_a_photo_printed_after_a_jump_line_stays_with_the_story_that_jumps():
    """A story cut by its jump line (`下转A3版`), then its photo's caption and credit, then the
    next story's title and text (PDF prints titles after their bodies): the caption is the
    jumping story's, not an untitled photo story that takes the title below."""
    text = page(
        "株洲日报记者 许丹",
        columns("株洲日报讯 5月3日，枫溪大桥主桥顺利合龙，标志着大桥建设进入收尾阶段。大桥全长1.8公里，建成后将"),
        "下转A3版",
        "施工人员在枫溪大桥上作业。\n通讯员 供图",
        "枫溪大桥主桥合龙",
        "株洲日报记者 王晨",
        FOOTBALL,
        "社区足球联赛踢出邻里情",
    )
    result = parse_text(text)
    got = [(a.headline, a.body[:4], a.captions) for a in result.articles]
    assert got == [
        ("枫溪大桥主桥合龙", "枫溪大桥", ["施工人员在枫溪大桥上作业。"]),
        ("社区足球联赛踢出邻里情", "周末的傍", []),
    ]
    assert lost_characters(result) == {}


def test_a_far_title_block_moves_without_the_last_line_of_the_block_printed_above_it():
    """Two title blocks printed together after a story that jumps, each block one chunk (no blank
    line inside it): the story's headline with a wide subheadline, then the kicker and headline of
    a story printed earlier without its title. The far block moves to its story alone; the
    subheadline, printed in the block above it, stays with its own headline."""
    text = page(
        columns(
            "株洲日报讯 5月3日，市委常委、副市长李明调度全市重点项目建设情况。他要求，要倒排工期、挂图作战，确保重点项目按节点推进。"
        ),
        "株洲日报记者 柳青",
        NIGHT_MARKET,
        "荷塘夜市人气旺",
        "株洲日报记者 吴刚",
        columns(
            "株洲日报讯 5月3日，受持续降雨影响，枫溪水位快速上涨。市防指决定启动防汛四级应急响应，各地加强巡查值守，必要时及时转移"
        ),
        "下转A4版",
        "我市启动防汛四级应急响应\n全市预置抢险队伍50支，转移群众300余人",
        "李明调度重点项目时要求\n倒排工期加快项目建设",
        "株洲日报记者 陈思",
    )
    result = parse_text(text)
    got = [(a.kicker, a.headline, a.subheadline, a.reporters) for a in result.articles]
    assert got == [
        ("李明调度重点项目时要求", "倒排工期加快项目建设", None, ["陈思"]),
        (None, "荷塘夜市人气旺", None, ["柳青"]),
        (None, "我市启动防汛四级应急响应", "全市预置抢险队伍50支，转移群众300余人", ["吴刚"]),
    ]
    assert lost_characters(result) == {}


def test_a_title_stack_before_a_teaser_is_the_title_of_the_story_above():
    """A story, its three-line title stack that only half retells it, then a teaser's text and its
    own title, then a commentary's title: the teaser's text runs into a title that retells it,
    so the stack above it is the story's title, not a line of text cut at a column end."""
    text = page(
        columns(
            "株洲日报讯（记者 许丹）记者从市医保局获悉，我市门诊慢特病病种已增至58种，高血压、糖尿病等常见病种实现“线上申请、当日办结”。"
        ),
        columns("市民李女士说：“以前要跑好几趟，现在手机上点几下就办好了。”"),
        "门诊慢特病病种增至58种\n看病报销\n从“来回跑”到“指尖办”",
        columns("气象部门预计，本周我市以晴热天气为主，最高气温将达37℃。市民外出要注意防暑降温。详见A4版"),
        "本周我市持续晴热\n最高气温将达37℃",
        "让阅读成为城市的日常",
        "周立新",
        columns("城市的温度，藏在一座座图书馆里。把图书馆建在市民身边，读书才能成为一种生活方式。"),
    )
    result = parse_text(text)
    got = [((a.kicker or "") + a.headline + (a.subheadline or ""), a.body[:4]) for a in result.articles]
    assert got == [
        ("门诊慢特病病种增至58种看病报销从“来回跑”到“指尖办”", "记者从市"),
        ("本周我市持续晴热最高气温将达37℃", "气象部门"),
        ("让阅读成为城市的日常", "城市的温"),
    ]
    assert lost_characters(result) == {}


def test_a_lone_line_with_a_comma_before_text_titled_below_stays_a_column_cut():
    """`记者从市城管局获悉，全市垃圾分类` on a line of its own between two paragraphs, the text
    below running into a title that retells it: the line is the start of a sentence cut at a
    column end, not the title of the text above."""
    text = page(
        "株洲日报记者 许丹",
        columns("株洲日报讯 5月3日，记者来到天元区一个小区，居民们正把厨余垃圾和其他垃圾分别投进不同颜色的桶里。"),
        "记者从市城管局获悉，全市垃圾分类",
        columns("示范小区已增至320个。今年，我市还将新建厨余垃圾处理设施2座。"),
        "垃圾分类示范小区增至320个",
    )
    result = parse_text(text)
    assert [a.headline for a in result.articles] == ["垃圾分类示范小区增至320个"]
    assert "获悉，全市垃圾分类示范小区" in result.articles[0].body
    assert lost_characters(result) == {}
