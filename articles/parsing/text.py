"""Character classes and line normalisation: extraction spaces, fake-bold doubling, punctuation."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7\u300a-\u300f"
SENTENCE_END = "。！？!?；;…"
CLOSERS = "”’」』）)》】"
OPENERS = "“‘「『（(《【"

CREDIT_END = re.compile(r"(?:摄影?|供图|制图)\s*[）)]?$")  # a photo credit ends a caption

_CJK_CHAR = re.compile(f"[{CJK}]")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR.match(ch))


def _is_tight(ch: str) -> bool:
    """Characters that never take a space beside them in Chinese typesetting."""
    return bool(re.match(f"[{CJK_PUNCT}]", ch))


def collapse_spaces(line: str) -> str:
    """Remove spaces that text extraction put between CJK characters, digits and punctuation.

    Kept: spaces between Latin words, and single spaces that separate two runs of two or more
    CJK characters (title parts such as `分区分级精准施策 复工复产秩序井然`, names in a byline).
    Letter-spaced runs (`近 年 来`, `李 斌`) lose all their spaces.
    """
    line = _SPACES.sub(" ", line.strip())
    head, caption = _caption_cut(line)
    if caption:
        return _collapse(head) + " " + _collapse(caption)
    return _collapse(line)


# A line's last sentence with no space inside, after a space, then the photo credit at its end.
_CAPTION_TAIL = re.compile(r"^(?P<head>.*[^。！？\s]) (?P<caption>[^ 。！？]{4,}[。！？] ?[^。！？]+)$")


def _caption_cut(line: str) -> tuple[str, str]:
    """`服 家庭医生为社区老人测量血压。 荷塘区卫健局 供图`: a photo's caption set inside a cut body
    line. The space before the caption's sentence is the only mark of where the body line ends,
    so it is kept even after one character or a number (`服`, `1000`), where extraction spaces
    are otherwise dropped."""
    m = _CAPTION_TAIL.match(line) if CREDIT_END.search(line) else None
    return (m.group("head"), m.group("caption")) if m else (line, "")


def _collapse(line: str) -> str:
    if " " not in line:
        return line
    tokens = line.split(" ")
    out = tokens[0]
    for i in range(1, len(tokens)):
        left, right = tokens[i - 1], tokens[i]
        if _drop_space(left, right, tokens, i):
            out += right
        else:
            out += " " + right
    return out


def _drop_space(left: str, right: str, tokens: list[str], i: int) -> bool:
    a, b = left[-1], right[0]
    if right.startswith("——"):
        return False  # `主题 ——副题`: the gap before a dash subtitle is printed
    if _is_tight(a) or _is_tight(b):
        return True
    if (a.isdigit() and (is_cjk(b) or b.isdigit())) or (b.isdigit() and is_cjk(a)):
        return True
    if is_cjk(a) and is_cjk(b):
        single_left = len(left) == 1 or (i >= 2 and len(tokens[i - 2]) == 1 and len(left) <= 2)
        return single_left or len(right) == 1
    return False


def undo_fake_bold(line: str) -> str:
    """`市图书馆新馆市图书馆新馆““开放开放 22 周年周年””` -> `市图书馆新馆“开放2周年”`.

    Only a line that splits entirely into doubled chunks is changed (`稻谷飘香稻谷飘香`,
    `大桥通车大桥通车。。`), and only when the doubling is more than a repeated character or
    pair, so ordinary text that happens to repeat (`谢谢谢谢`, `11`) is left alone.
    """
    compact = line.replace(" ", "")
    if len(compact) < 6 or len(compact) > 400:
        return line
    if any(n % 2 for n in Counter(compact).values()):
        return line  # a fully doubled line holds every character an even number of times
    chunks = _doubled_chunks(compact)
    if chunks is None or not (len(chunks) >= 3 or max(len(c) for c in chunks) >= 3):
        return line
    return "".join(chunks)


def _doubled_chunks(s: str) -> list[str] | None:
    @cache
    def solve(i: int) -> tuple[str, ...] | None:
        if i == len(s):
            return ()
        for size in range(1, (len(s) - i) // 2 + 1):
            if s[i : i + size] == s[i + size : i + 2 * size]:
                rest = solve(i + 2 * size)
                if rest is not None:
                    return (s[i : i + size], *rest)
        return None

    found = solve(0)
    return list(found) if found is not None else None


MARKER = re.compile(r"^\s*(#{1,6}\s*|[-*+]\s+)")


def normalise_line(line: str) -> str:
    """Extraction spaces and fake bold undone; a Markdown marker (`## `, `- `) is kept apart, so
    the text after it is normalised like any other line."""
    m = MARKER.match(line)
    if m:
        return m.group(1).strip() + " " + normalise_line(line[m.end() :])
    return collapse_spaces(undo_fake_bold(collapse_spaces(line)))


def ends_sentence(text: str) -> bool:
    """Whether text ends a sentence: `。`, `！`, `？`…, also inside a closing quote or bracket (`。”`)."""
    text = text.rstrip()
    while text and text[-1] in CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


# Characters a Chinese title never ends on: they need the words that follow them.
DANGLING = set("的在和与及把被对从向将是就都也还而并但让使由给比跟这那其该各每之于以或且")


def ends_mid_sentence(text: str) -> bool:
    """Whether the sentence goes on after this line: it ends with a comma or colon, an open
    quote or bracket, or a word that needs the next one (`……现在` / `下楼就能办好`)."""
    text = text.rstrip()
    if not text:
        return False
    cut_number = text[-1].isdigit() and cjk_len(text) >= 8  # `村里组建了一支30` / `人的护河志愿队`
    return text[-1] in "，,、：:" or text[-1] in OPENERS or unbalanced(text) or text[-1] in DANGLING or cut_number


def continues_sentence(text: str) -> bool:
    """Whether a line starts in the middle of a sentence: with a particle that never opens one
    (`的山区线路上运行`), or with the tail of a cut word and a stop or comma (`十年。为了…`, `上，两支…`)."""
    text = text.lstrip()
    if not text:
        return False
    return text[0] in "的了着地得们" or bool(
        re.match(r"^([^，。；！？“”《》]{1,3}([。；]|[！？].)|[^，。；！？“”《》\d][，,、])", text)
    )  # (a short line that an exclamation ends, `开园啦！`, is the end of a title: it goes on nowhere)


def unbalanced(text: str) -> bool:
    """An opening quote or bracket with no closer: the sentence goes on in the next line."""
    pairs = {"“": "”", "（": "）", "(": ")", "《": "》", "「": "」", "‘": "’"}
    return any(text.count(o) > text.count(c) for o, c in pairs.items())


def compact(text: str) -> str:
    return "".join(text.split())


def cjk_len(text: str) -> int:
    """Length without whitespace."""
    return len(text) - sum(1 for ch in text if ch.isspace()) if " " in text or "\t" in text else len(text)


def pair_share(title: str, pairs: frozenset[str]) -> float:
    """How much of a title's wording a text repeats: the share of the title's character pairs
    found among the text's (`pairs`, its bigrams computed once by the caller)."""
    grams = bigrams(title)
    return len(grams & pairs) / len(grams) if grams else 0.0


def bigrams(text: str) -> frozenset[str]:
    """Character pairs of a text without punctuation or spaces. Short texts (title lines, compared
    with many bodies) are cached; long ones are computed once by their callers."""
    return _short_bigrams(text) if len(text) <= 200 else _bigrams(text)


@lru_cache(maxsize=8192)
def _short_bigrams(text: str) -> frozenset[str]:
    return _bigrams(text)


def _bigrams(text: str) -> frozenset[str]:
    t = compact(re.sub(f"[{CJK_PUNCT}，。、；：？！,.;:?!\\-—]", "", text))
    return frozenset(t[i : i + 2] for i in range(len(t) - 1))
