import re

from hypothesis import given
from hypothesis import strategies as st

from articles.search.query import Term, parse_query
from articles.search.text import exact_by_index, fold, lexemes, search_form, tsquery_any, tsquery_for


def test_words_phrases_exclusions_or_and_fields():
    q = parse_query('株洲 "湘江 风光带" -广告 医院 OR 学校 标题:龙舟 作者:罗欣 版:a1')
    assert q.clauses == [
        [Term("株洲")],
        [Term("湘江 风光带")],
        [Term("医院"), Term("学校")],
        [Term("龙舟", "title")],
        [Term("罗欣", "person")],
        [Term("a1", "page")],
    ]
    assert q.exclusions == [Term("广告", negated=True)]
    assert q.notes == []


def test_chinese_quotes_and_full_width_colon():
    q = parse_query("“春暖花开，英雄回家” 标题：株洲")
    assert q.clauses == [[Term("春暖花开,英雄回家")], [Term("株洲", "title")]]  # NFKC folds the comma


def test_malformed_input_gets_a_reading_and_a_note():
    q = parse_query('"没有配对')
    assert q.clauses == [[Term("没有配对")]] and "引号没有配对" in q.notes[0]
    q = parse_query("-")
    assert q.empty and "后面没有文字" in q.notes[0]
    q = parse_query("-株洲")
    assert q.empty and "只有排除词" in q.notes[-1]
    q = parse_query("长" * 2000)
    assert len(q.clauses[0][0].text) == 200 and "查询太长" in q.notes[0]
    q = parse_query(" ".join(f"词{i}" for i in range(30)))
    assert len(q.clauses) == 12 and "最多使用" in q.notes[-1]
    assert parse_query("OR 株洲").clauses == [[Term("株洲")]]
    assert parse_query("\x00株\x00洲").clauses == [[Term("株洲")]]


def test_folding_and_lexemes():
    assert fold("ＡＢＣ１２３") == "abc123"
    assert lexemes("株洲日报，a1") == sorted(["株洲", "洲日", "日报", "报$", "a1", "1$"])
    assert tsquery_for("株洲日报") == "'株洲' & '洲日' & '日报'"
    assert tsquery_for("株") == "'株':*"
    assert tsquery_for("，。") is None
    assert tsquery_for("x' | '1") == "'x$' & '1':*"  # only units reach the tsquery
    # a lone unit beside a longer run is no prefix query (strpos decides the rest)
    assert tsquery_for("巡察 市") == "'巡察' & '察$'"
    assert tsquery_for("对。巡察，市") == "'对$' & '巡察' & '察$'"
    # a run the term itself closes (a mark follows it) ends a run in the text too: its end marker
    assert tsquery_for("置，。《春暖花开，英") == "'置$' & '春暖' & '暖花' & '花开' & '开$'"
    assert tsquery_for("9月9日，") == "'9月' & '月9' & '9日' & '日$'"
    # lexemes in most articles are left out while others remain
    assert tsquery_for("报记者罗欣", frozenset({"报记", "记者"})) == "'者罗' & '罗欣'"
    assert tsquery_for("记者", frozenset({"记者"})) == "'记者'"
    # variants: the lexemes they share are required outside the OR
    assert tsquery_any(("政府督查", "政府督查", "政府督査")) == ["'政府' & '府督' & ('督查' | '督査')"]
    assert tsquery_any(("株洲日报", "株洲")) == ["'株洲'"]
    assert tsquery_any(("會議", "会议")) == ["'會議'", "'会议'"]
    assert tsquery_any(("株洲", "，")) is None
    assert not exact_by_index("对。巡察")
    assert exact_by_index("株洲") and not exact_by_index("株洲日") and not exact_by_index("株，")


@given(
    st.text(alphabet=st.sampled_from("株洲日报记者罗欣，。“”《》12 3abcé\u3000-"), min_size=1, max_size=60),
    st.data(),
)
def test_every_substring_of_a_text_matches_its_tsquery(text, data):
    """Recall at the index: whatever a reader cuts from the stored text, its tsquery holds there."""
    stored = search_form(text)
    start = data.draw(st.integers(0, len(stored) - 1)) if stored else 0
    term = stored[start : start + data.draw(st.integers(1, 12))]
    have = set(lexemes(stored))
    common = frozenset(data.draw(st.sets(st.sampled_from(sorted(have)))) if have else ())
    tsq = tsquery_for(term, common)
    for part in tsq.split(" & ") if tsq else []:
        lexeme = part.strip("'").removesuffix("':*")
        if part.endswith(":*"):
            assert any(x.startswith(lexeme) for x in have), (term, part)
        else:
            assert lexeme in have, (term, part)


def _holds(tsquery: str, lexemes_: set[str]) -> bool:
    """Evaluate a tsquery of quoted lexemes, prefixes, &, | and brackets against a set of lexemes."""

    def lexeme(m: re.Match) -> str:
        word = m.group(1)
        found = any(x.startswith(word) for x in lexemes_) if m.group(2) else word in lexemes_
        return str(found)

    python = re.sub(r"'([^']*)'(:\*)?", lexeme, tsquery).replace("&", " and ").replace("|", " or ")
    return eval(python)  # noqa: S307 - only True, False, and, or and brackets are left


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("株洲日报記者记罗欣，。“12a "), min_size=1, max_size=8), min_size=1, max_size=4
    ),
    st.data(),
)
def test_any_of_several_terms_is_found_by_their_shared_tsquery(terms, data):
    """Whichever variant a text contains, one of the tsqueries holds for the text's lexemes;
    on any text one holds exactly where one of the plain per-variant tsqueries does."""
    text = data.draw(st.sampled_from(terms)) + data.draw(st.sampled_from(["", "，株洲", "罗"]))
    stored = search_form(text)
    have = set(lexemes(stored))
    folded = tuple(search_form(t) for t in terms)
    tsqs = tsquery_any(folded)
    if tsqs is None:
        assert any(tsquery_for(t) is None for t in folded)
        return
    if any(t in stored for t in folded):  # (a space beside 罗 is squeezed out of the stored text)
        assert any(_holds(tsq, have) for tsq in tsqs), (terms, tsqs)
    for other in [text, "株洲", "记者罗", "a1", "日报，"]:  # equal to the OR of the plain tsqueries on other texts too
        others = set(lexemes(search_form(other)))
        either = any(_holds(tsq, others) for tsq in tsqs)
        assert either == any(_holds(tsquery_for(t), others) for t in folded), (terms, other)
