import pytest

from articles.parsing.patterns import is_signature, parse_byline, parse_jump, parse_lead


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents", "photographers"),
    [
        ("株洲日报记者 罗欣", ["罗欣"], [], []),
        ("通讯员/芷榕", [], ["芷榕"], []),
        ("记者/陈正明 刘毅", ["陈正明", "刘毅"], [], []),
        ("株洲日报记者 李华 王明", ["李华", "王明"], [], []),
        ("新华社记者 阳建", ["阳建"], [], []),
        ("全媒体记者 赵丽", ["赵丽"], [], []),
        ("株洲日报社新媒体记者 罗春娇", ["罗春娇"], [], []),
        ("株洲日报·掌上株洲记者/胡文浩", ["胡文浩"], [], []),
        ("株洲日报记者 谭浩瀚 通讯员/旷小龙 摄", [], [], ["谭浩瀚", "旷小龙"]),
        ("通讯员 供图", [], [], []),
        ("受访企业 供图", [], [], []),
        ("株洲千金药业公司 供图", [], [], []),
        ("记者 彭亮通讯员 龚晓玲", ["彭亮"], ["龚晓玲"], []),  # wrapped lines joined
        ("记者肖蓉通讯员 姚春燕", ["肖蓉"], ["姚春燕"], []),
        ("通讯员 市文旅广体局 供图", [], [], []),
        ("中车株洲所 供图", [], [], []),
        ("记者 刘芳 张伟 摄", [], [], ["刘芳", "张伟"]),
    ],
)
def test_byline_forms(line, reporters, correspondents, photographers):
    credits = parse_byline(line)
    assert credits is not None
    assert (credits.reporters, credits.correspondents, credits.photographers) == (
        reporters,
        correspondents,
        photographers,
    )


@pytest.mark.parametrize(
    "line",
    [
        "市委常委会召开会议",
        "顿酒店的新媒体记者纷纷拿起相机、摄影机记",
        "今天天气很好。",
        "截至记者发稿时，全市已预置",  # a body line cut at the column: the words around 记者 are no names
        "截至记者发稿时，全市",
        "据记者了解，目前",
        "通讯员 尹红）近日，记者",  # the second line of a lead's bracketed byline, its text after it
    ],
)
def test_text_is_not_a_byline(line):
    assert parse_byline(line) is None


def test_leads():
    lead = parse_lead("株洲日报讯 3月26日，市委召开会议")
    assert (lead.source, lead.dateline, lead.rest) == ("株洲日报", "3月26日", "市委召开会议")
    lead = parse_lead("据新华社北京3月26日电 国家主席")
    assert (lead.source, lead.dateline, lead.rest) == ("新华社", "北京3月26日电", "国家主席")
    lead = parse_lead("株洲日报·掌上株洲讯(记者/李军 通讯员/江先国) 5月7日,记者从")
    assert (lead.source, lead.dateline, lead.rest) == ("株洲日报", "5月7日", "记者从")
    assert lead.credits.reporters == ["李军"] and lead.credits.correspondents == ["江先国"]
    lead = parse_lead("株洲日报讯 伴随着春暖花开，3月26日")
    assert lead.dateline is None and lead.rest.startswith("伴随着")
    assert parse_lead("会议强调，要切实增强责任感") is None


def test_jumps_and_signatures():
    assert parse_jump("下转 A2 版") == "A2"
    assert parse_jump("详见B1版") == "B1"
    assert parse_jump("转第3版") == "3"
    assert parse_jump("下转A2版，这里还有正文。") is None
    assert is_signature("朱理平")
    assert not is_signature("央媒看株洲")


@pytest.mark.parametrize("line", ["时评", "党建", "安全", "全市", "阳光", "□时评", "刘琦摄", "王力供图"])
def test_column_labels_and_common_words_are_not_signatures(line):
    assert not is_signature(line)


@pytest.mark.parametrize("line", ["朱理平", "□何劲松", "任远", "阳建"])
def test_signatures(line):
    assert is_signature(line)
