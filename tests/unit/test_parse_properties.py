"""parse never raises, whatever the text, and keeps every character it was given."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parsing import lost_characters, parse_text

PIECES = st.sampled_from(
    [
        "株洲日报记者 罗欣",
        "通讯员/芷榕",
        "株洲日报讯 3月26日，",
        "据新华社北京3月26日电",
        "下转 A2 版",
        "## 标题",
        "### 小标题",
        "- 要点",
        "朱理平",
        "市委召开会议。",
        "近 年 来 ，市 委",
        "“引号",
        "（括号",
        "通讯员 供图",
        "株洲日报记者 谭浩瀚 摄",
        "\n",
        "\n\n",
        "\n\n\n",
        " ",
        "2020年",
        "我市11名干部获提拔重用",
        "Latin words here",
        "\t",
        "\u3000",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=60).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_parse_never_raises_and_loses_nothing(text):
    result = parse_text(text)
    assert lost_characters(result) == {}
    for article in result.articles:
        assert isinstance(article.headline, str) and isinstance(article.body, str)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=2000))
def test_any_unicode_never_raises(text):
    result = parse_text(text)
    assert lost_characters(result) == {}


def test_one_huge_line_and_two_megabytes():
    huge = "近年来，市委坚持把政治标准放在首位" * 20000
    assert lost_characters(parse_text(huge)) == {}
    # bench/parse.py's long page: 4 000 stories, every other one without a title (the shape
    # that once cost quadratic time in the far-title search), 2.4 MB
    lines = []
    for n in range(4000):
        lines += [f"全市第{n}项重点工程建设顺利推进"] if n % 2 == 0 else []
        lines.append(
            f"株洲日报讯 3月26日，全市第{n}项重点工程建设顺利推进，" + "各级各部门主动作为，确保项目按时完工。" * 9
        )
    page = "\n".join(lines)
    assert len(page.encode()) > 2_000_000
    result = parse_text(page)
    assert len(result.articles) > 1000 and lost_characters(result) == {}
