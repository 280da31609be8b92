from articles.search.query import Term, parse_query
from articles.search.text import exact_by_index, fold, lexemes, tsquery_for


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
    assert tsquery_for("x' | '1") == "'x':* & '1':*"  # only units reach the tsquery
    # a lone unit beside a longer run is no prefix query (strpos decides the rest)
    assert tsquery_for("对。巡察，市") == "'巡察'"
    assert not exact_by_index("对。巡察")
    assert exact_by_index("株洲") and not exact_by_index("株洲日") and not exact_by_index("株，")
