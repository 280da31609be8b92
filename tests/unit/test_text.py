from hypothesis import given
from hypothesis import strategies as st

from articles.parsing.text import collapse_spaces, ends_sentence, normalise_line, undo_fake_bold


def test_letter_spaced_cjk_and_digits_lose_their_spaces():
    assert normalise_line("近 年 来 ，市 委 坚 持") == "近年来，市委坚持"
    assert normalise_line("3 月 26 日") == "3月26日"
    assert normalise_line("这 11名干部") == "这11名干部"
    assert normalise_line("李 斌") == "李斌"


def test_real_spaces_are_kept():
    assert normalise_line("分区分级精准施策 复工复产秩序井然") == "分区分级精准施策 复工复产秩序井然"
    assert normalise_line("Hello world") == "Hello world"
    assert normalise_line("株洲日报记者 李华 王明") == "株洲日报记者 李华 王明"
    assert normalise_line("千亿产业链“焊花飞扬” ——探访") == "千亿产业链“焊花飞扬” ——探访"


def test_fake_bold_doubling_is_undone():
    assert normalise_line("市图书馆新馆市图书馆新馆““开放开放 22 周年周年””") == "市图书馆新馆“开放2周年”"
    assert normalise_line("““白冠白冠 11 号号””") == "“白冠1号”"


def test_ordinary_repeats_are_not_fake_bold():
    assert undo_fake_bold("谢谢谢谢大家") == "谢谢谢谢大家"
    assert undo_fake_bold("11月11日") == "11月11日"


def test_sentence_ends():
    assert ends_sentence("好。")
    assert ends_sentence("他说：“好。”")
    assert not ends_sentence("城市更新有了新“平台”")
    assert not ends_sentence("以乡带村，")


@given(st.text(alphabet=st.sampled_from("株洲日报记者 罗欣，。“”12 3abc\u3000"), max_size=80))
def test_normalisation_is_idempotent(line):
    once = normalise_line(line)
    assert normalise_line(once) == once
    assert collapse_spaces(once) == once
