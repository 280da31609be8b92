"""What one line of page text is, whatever the format: the recognisers the format readers share
(pdf.py, lines.py), and the detection of the format itself."""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import CREDIT_END, parse_byline, parse_jump
from .text import cjk_len, ends_mid_sentence, ends_sentence, unbalanced
from .types import ParaKind, SourceFormat

# A sentence opened by a connective and its comma (`下一步，…`, `与此同时，…`) is running text:
# a title does not open by linking to what came before it.
CONNECTIVE_OPENING = re.compile(
    r"^(下一步|与此同时|同时|此外|另外|目前|近年来|据介绍|据了解|其中|因此|然而|但是|而且|首先|其次|最后|"
    r"接下来|今后|如今|眼下|随后|此前|为此|对此|总之|可见)[，,]"
)
# A sentence opened by who speaks or by when, and its comma (`刘建华指出，…`, `巡河时，…`,
# `建设以来，…`): reported speech and time clauses open running text, not a title.
SPEECH_OR_TIME_OPENING = re.compile(
    r"^[^，,。\s]{0,10}(指出|表示|介绍|强调|认为|要求|说|称|提出|透露|坦言|时|以来|期间|之后|以后|之前)[，,]"
)
PROMO = re.compile(r"(关注|扫码|扫描|扫一扫|二维码|公众号|客户端|下载|看视频)")


def is_promotion(text: str) -> bool:
    """Page furniture that sends the reader to an app or an account (`扫码关注株洲日报微信公众号`)."""
    return bool(PROMO.search(text)) and cjk_len(text) <= 30 and not ends_sentence(text.rstrip("。"))


def detect_format(lines: list[str]) -> SourceFormat:
    """Markdown by its `#` headings; PDF column text by its hard wraps: hardly any of its lines
    is longer than a column (40 characters), where a paragraph-per-line page has many."""
    if any(re.match(r"^#{1,3} \S", ln) for ln in lines):
        return SourceFormat.MARKDOWN
    texts = [ln for ln in lines if cjk_len(ln) >= 8]
    if not texts:
        return SourceFormat.LINES
    long_lines = sum(1 for ln in texts if cjk_len(ln) > 40) / len(texts)
    return SourceFormat.PDF if long_lines < 0.1 else SourceFormat.LINES


@lru_cache(maxsize=8192)
def special_kind(line: str) -> ParaKind | None:
    """A jump line, a byline or a photo credit: lines that are recognised by their form alone."""
    if parse_jump(line):
        return ParaKind.JUMP
    credits = parse_byline(line)
    if credits is not None:
        return ParaKind.CREDIT if credits.is_photo else ParaKind.BYLINE
    return None


def titleish(line: str, limit: int = 40, whole_line: bool = False) -> bool:
    """Whether a line could be (part of) a title. A hard-wrapped line of PDF text may stop in
    the middle of a title's word; a whole printed line (`whole_line`) that stops mid-sentence
    is never a title. A title may end with an exclamation mark (`体育公园开园啦！`), no other stop."""
    exclaimed = line.endswith(("！", "!")) and cjk_len(line) <= 24 and not re.search(r"[。？；！!?]", line[:-1])
    return (
        (exclaimed or not ends_sentence(line))
        and "。" not in line
        and not unbalanced(line)
        and cjk_len(line) <= limit
        and not line.endswith(("，", ",", "、", "：", ":"))
        and not CONNECTIVE_OPENING.match(line)
        and not SPEECH_OR_TIME_OPENING.match(line)
        and not (whole_line and ends_mid_sentence(line))
    )


def split_caption(line: str) -> tuple[str, str]:
    """`…开放。小朋友在玩耍。通讯员 供图` -> (body part, caption with its credit): the caption is
    the last sentence before the credit."""
    if not CREDIT_END.search(line) or special_kind(line):
        return line, ""
    m = re.match(r"^(?P<text>.*[。！？])(?P<credit>[^。！？]*)$", line)
    if not m or parse_byline(m.group("credit").strip()) is None:
        return line, ""
    sentences = re.findall(r"[^。！？]*[。！？][”’」』）)]*", m.group("text"))  # a closing quote ends the body
    last = sentences[-1]
    head, space, rest = last.lstrip().partition(" ")
    if space and rest.strip() and _ends_a_body_line(head):
        # `服 家庭医生为社区老人测量血压。`: the end of the body's cut line, then the caption
        return "".join(sentences[:-1]) + head, rest.strip() + " " + m.group("credit").strip()
    caption = last.strip() + " " + m.group("credit").strip()
    return "".join(sentences[:-1]), caption


def _ends_a_body_line(head: str) -> bool:
    """Text before the first space of a caption's sentence that is the tail of a body line cut by
    the photo, not the caption's own opening (a date, a place, `图为`)."""
    if not head or re.search(r"(月|日|年|时|图为|图：|图:)$", head) or head.startswith("图"):
        return False
    return not re.search(r"\d$", head) or bool(re.search(r"[，、]", head))  # `…20个，1000` is body


def caption_credit(caption: str) -> str:
    """The credit at the end of a caption (`…奔跑。 株洲日报记者 王晨 摄` -> `株洲日报记者 王晨 摄`)."""
    m = re.search(r"[。！？]\s*(?P<credit>[^。！？]+)$", caption)
    if not m or not CREDIT_END.search(m.group("credit")):
        return ""
    return m.group("credit").strip() if parse_byline(m.group("credit").strip()) is not None else ""
