"""One-paragraph-per-line text and Markdown to typed paragraphs.

Such text is broken only where a paragraph or a column ends, so a line is a paragraph, a title
line, or the piece of a sentence cut at a column end (it then ends mid-sentence). A line may
also carry a photo caption with its credit at its end, or a pointer to another page
(`（详见B3版）`): those stand as paragraphs of their own after the text before them.
"""

from __future__ import annotations

import re

from .paragraphs import caption_credit, is_promotion, special_kind, split_caption, titleish
from .patterns import is_signature, parse_lead, split_trailing_jump
from .text import cjk_len, continues_sentence, ends_mid_sentence, ends_sentence, normalise_line
from .types import Para, ParaKind


def line_paragraphs(lines: list[str], markdown: bool = False) -> list[Para]:
    """Paragraphs of one-paragraph-per-line text or Markdown, from normalised lines."""
    items = _nonblank(lines)
    paras: list[Para] = []
    open_para: Para | None = None
    for i, (gap, line) in enumerate(items):
        nxt = items[i + 1][1] if i + 1 < len(items) else ""
        marked = _markdown_para(line, gap) if markdown else None
        kind = special_kind(line)
        if kind == ParaKind.CREDIT and paras and paras[-1].kind == ParaKind.CAPTION and not _credited(paras[-1]):
            paras[-1].text += " " + line  # a caption's credit on the line under it; the sentence goes on
            continue
        if marked is not None or kind:
            paras.append(marked or Para(kind, line, gap))
            open_para = None
            continue
        text, jump = split_trailing_jump(line)
        text, caption = split_caption(text)
        if text:
            open_para = _line_text(text, gap, nxt, open_para, paras)
        if caption:  # a caption set inside a sentence leaves the sentence open
            paras.append(Para(ParaKind.CAPTION, caption, 0 if text else gap))
        if jump:
            paras.append(Para(ParaKind.JUMP, jump, 0))
            open_para = None
    return _subheadlines_above_bylines(_rejoin_around_captions(paras))


def _subheadlines_above_bylines(paras: list[Para]) -> list[Para]:
    """`8日启用新运行图,…需要 开行列车…,首末班车…` between a title line and the story's byline or
    lead: too long and comma-bearing to look like a title, but a paragraph of text ends a
    sentence (or, cut at a column end, goes on in the next line, not in a byline). A line that
    ends none and stands there is a long subheadline."""
    for i in range(1, len(paras) - 1):
        p, above, below = paras[i], paras[i - 1], paras[i + 1]
        starts = below.kind == ParaKind.BYLINE or (below.kind == ParaKind.BODY and parse_lead(below.text) is not None)
        if p.kind == ParaKind.BODY and above.kind == ParaKind.TITLE and starts and _ends_no_sentence(p.text):
            p.kind = ParaKind.TITLE
    return paras


def _ends_no_sentence(text: str) -> bool:
    return (
        parse_lead(text) is None
        and not re.search(r"[。！？!?；;]", text)
        and not ends_mid_sentence(text)
        and not continues_sentence(text)
    )


def _rejoin_around_captions(paras: list[Para]) -> list[Para]:
    """A sentence cut by a photo set inside it: `…2013年以来累` / caption / credit / `计新造…`.
    The half before the caption, read alone, looks like a title; when it reads as a cut sentence
    (`_cut_before`) and the text after the caption is no new story, it is that sentence's first half."""
    out: list[Para] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        caption, after = _caption_after(paras, i + 1)
        if p.kind == ParaKind.TITLE and caption is not None and after < len(paras):
            rest = paras[after]
            if rest.kind == ParaKind.BODY and parse_lead(rest.text) is None and _cut_before(p.text, rest.text):
                out += [Para(ParaKind.BODY, p.text + rest.text, p.gap), caption]
                i = after + 1
                continue
        out.append(p)
        i += 1
    return out


def _cut_before(head: str, rest: str) -> bool:
    """Whether a title-like line and the text after a photo read as one sentence: the line holds
    a comma (titles set a space there), or it lists with `、` and the text goes on with a first
    sentence too short to open a story (`…仰泳三` / `个组别。`)."""
    if re.search(r"[，,]", head):
        return True
    first = re.split(r"[。！？；，]", rest, maxsplit=1)[0]
    return "、" in head and len(first) <= SHORT_TAIL


SHORT_TAIL = 5  # `个组别` / `三个项目`: the tail of a cut sentence, not a story's first words


def _caption_after(paras: list[Para], i: int) -> tuple[Para | None, int]:
    """The caption standing at paras[i] (as a caption, or as one short sentence with a photo credit
    under it) and the position after it."""
    if i >= len(paras):
        return None, i
    p = paras[i]
    if p.kind == ParaKind.CAPTION:
        return p, i + 1
    credit = paras[i + 1] if i + 1 < len(paras) else None
    one_sentence = (
        p.kind == ParaKind.BODY and ends_sentence(p.text) and cjk_len(p.text) <= 60 and p.text.count("。") == 1
    )
    if one_sentence and credit is not None and credit.kind == ParaKind.CREDIT:
        return Para(ParaKind.CAPTION, p.text + " " + credit.text, p.gap), i + 2
    return None, i


def _credited(caption: Para) -> bool:
    return caption_credit(caption.text) != ""


def _nonblank(lines: list[str]) -> list[tuple[int, str]]:
    """Non-blank lines with the count of blank lines before each."""
    items: list[tuple[int, str]] = []
    gap = 0
    for line in lines:
        if not line:
            gap += 1
            continue
        items.append((gap, line))
        gap = 0
    return items


def _markdown_para(line: str, gap: int) -> Para | None:
    m = re.match(r"^(#{1,6})\s*(.*)$", line)
    if m:
        return Para(ParaKind.H2 if len(m.group(1)) <= 2 else ParaKind.H3, normalise_line(m.group(2)), gap)
    if re.match(r"^[-*+]\s+", line):
        return Para(ParaKind.BULLET, re.sub(r"^[-*+]\s+", "", line), gap)
    return None


def _line_text(line: str, gap: int, nxt: str, open_para: Para | None, paras: list[Para]) -> Para | None:
    """Append one line of text as the paragraph it starts or continues; the paragraph left open."""
    lead = parse_lead(line)
    if lead is not None and lead.credits is not None and lead.credits.is_photo and not lead.rest:
        paras.append(Para(ParaKind.CREDIT, line, gap))
        return None
    if lead is not None:
        para = Para(ParaKind.BODY, line, gap)
        paras.append(para)
        return None if ends_sentence(line) else para
    if open_para is not None:
        if gap >= 2 and ends_sentence(line) and nxt and special_kind(nxt) in (None, ParaKind.CREDIT):
            paras.append(Para(ParaKind.CAPTION, line, gap))  # a photo caption set inside a sentence
            return open_para
        open_para.text += line
        return None if ends_sentence(line) else open_para
    if gap >= 2 and is_promotion(line):
        paras.append(Para(ParaKind.FURNITURE, line, gap))
        return None
    if is_signature(line) and nxt and not special_kind(nxt):
        paras.append(Para(ParaKind.SIGNATURE, line, gap))  # a commentary's author, above its text
        return None
    if titleish(line, limit=80, whole_line=True) and not _reads_as_body(line, nxt) and not continues_sentence(nxt):
        paras.append(Para(ParaKind.TITLE, line, gap))
        return None
    if _title_wrapped_mid_phrase(line, nxt):
        paras.append(Para(ParaKind.TITLE, line, gap))
        return None
    para = Para(ParaKind.BODY, line, gap)
    paras.append(para)
    if not ends_sentence(line) and (cjk_len(line) >= 20 or ends_mid_sentence(line) or re.search(r"[，,、]", line)):
        return para
    return None


def _reads_as_body(line: str, nxt: str) -> bool:
    """A long line with a comma, or a line with two commas, is a sentence unless a byline, a lead
    or another short title line follows it (then it is a long subheadline)."""
    commas = len(re.findall(r"[，,]", line))
    sentence = (cjk_len(line) >= 30 and commas >= 1 and not special_kind(nxt)) or commas >= 2
    title_below = (
        bool(nxt)
        and not nxt.startswith(("#", "-"))
        and not special_kind(nxt)
        and titleish(nxt, limit=30, whole_line=True)
        and not continues_sentence(nxt)
    )
    return sentence and parse_lead(nxt) is None and not title_below


def _title_wrapped_mid_phrase(line: str, nxt: str) -> bool:
    """`老工业区的` / `“绿色蝶变” ——探访…`: a few characters that stop mid-phrase, with no
    punctuation, opening afresh above a line that reads as a title, are the first line of a
    wrapped title. A paragraph cut at a column end goes on in a line that ends its sentence."""
    return (
        cjk_len(line) <= 12
        and not re.search(r"[，,。、；：:！？!?“”]", line)
        and ends_mid_sentence(line)
        and bool(nxt)
        and special_kind(nxt) is None
        and titleish(nxt, limit=80, whole_line=True)
        and not ends_sentence(nxt)
    )
