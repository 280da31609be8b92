"""Raw text to typed paragraphs, one function per source format.

PDF column text is hard-wrapped at the column width and broken by blank lines wherever a
column ends, even inside a sentence; one-paragraph-per-line text is broken only at column
ends; Markdown marks titles with `##`. Each becomes the same list of `Para`.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .patterns import CREDIT_END, is_signature, parse_byline, parse_jump, parse_lead, split_trailing_jump
from .text import cjk_len, compact, ends_mid_sentence, ends_sentence, normalise_line, unbalanced

PDF, LINES, MARKDOWN = "pdf-columns", "paragraph-lines", "markdown"

TITLE, BODY, BYLINE, CREDIT, CAPTION, JUMP, SIGNATURE, HEADING, TABLE, FURNITURE = (
    "title",
    "body",
    "byline",
    "credit",
    "caption",
    "jump",
    "signature",
    "heading",
    "table",
    "furniture",
)
H2, H3, BULLET = "h2", "h3", "bullet"
PROMO = re.compile(r"(关注|扫码|扫描|二维码|公众号|客户端|下载)")


@dataclass
class Para:
    kind: str
    text: str
    gap: int = 1  # blank lines before it
    lines: list[str] = field(default_factory=list)
    index: int = -1  # position on the page, among its paragraphs


def detect_format(lines: list[str]) -> str:
    """Markdown by its `#` headings; PDF column text by its hard wraps: hardly any of its lines
    is longer than a column (40 characters), where a paragraph-per-line page has many."""
    if any(re.match(r"^#{1,3} \S", ln) for ln in lines):
        return MARKDOWN
    texts = [ln for ln in lines if cjk_len(ln) >= 8]
    if not texts:
        return LINES
    long_lines = sum(1 for ln in texts if cjk_len(ln) > 40) / len(texts)
    return PDF if long_lines < 0.1 else LINES


def _chunks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Groups of consecutive non-blank lines with the count of blank lines before each."""
    out: list[tuple[int, list[str]]] = []
    gap, current = 0, []
    for line in lines:
        if not line:
            if current:
                out.append((gap, current))
                current, gap = [], 0
            gap += 1
            continue
        if _special(line) and current:  # a byline or credit under text starts a chunk of its own
            out.append((gap, current))
            current, gap = [], 0
        current.append(line)
    if current:
        out.append((gap, current))
    return out


def _special(line: str) -> str | None:
    if parse_jump(line):
        return JUMP
    credits = parse_byline(line)
    if credits is not None:
        return CREDIT if credits.is_photo else BYLINE
    return None


def _titleish(line: str, limit: int = 40, whole_line: bool = False) -> bool:
    """Whether a line could be (part of) a title. A hard-wrapped line of PDF text may stop in
    the middle of a title's word; a whole printed line (`whole_line`) that stops mid-sentence
    is never a title."""
    return (
        not ends_sentence(line)
        and "。" not in line
        and not unbalanced(line)
        and cjk_len(line) <= limit
        and not line.endswith(("，", ",", "、", "：", ":"))
        and not (whole_line and ends_mid_sentence(line))
    )


def _table_spans(chunks: list[tuple[int, list[str]]]) -> list[tuple[int, int]]:
    """Runs of six or more short one- or two-line chunks, mostly tiny cells or numbers: a table."""
    spans, i = [], 0
    while i < len(chunks):
        j = i
        while (
            j < len(chunks)
            and len(chunks[j][1]) <= 2
            and all(cjk_len(x) <= 30 for x in chunks[j][1])
            and not _special(chunks[j][1][0])
        ):
            j += 1
        run = chunks[i:j]
        cells = [compact("".join(c[1])) for c in run]
        tiny = [c for c in cells if len(c) <= 5 or re.fullmatch(r"[\d\-:.()（）%]+", c)]
        if len(run) >= 6 and len(tiny) >= len(run) / 2:
            end = i
            for k in range(i, j):  # the table ends at its last cell or caption
                c = cells[k - i]
                if c in tiny or c.endswith("表") or ends_sentence(c):
                    end = k
            if end - i + 1 >= 6:
                spans.append((i, end))
                i = end + 1
                continue
        i = max(j, i + 1)
    return spans


def _chunk_kind(chunk: list[str], width: float) -> str:
    if len(chunk) == 1 and is_signature(chunk[0]):
        return SIGNATURE
    if _special(chunk[0]) or parse_lead(chunk[0]) is not None:
        return "start"
    if len(chunk) <= 4 and all(_titleish(x) and not _special(x) for x in chunk):
        return TITLE
    return BODY


def pdf_paragraphs(lines: list[str]) -> list[Para]:
    """Paragraphs of PDF column text, from lines already normalised (text.normalise_line).

    Title chunks in PDF text come after their body and before the next byline or lead;
        a title-like chunk followed by body text is a body line cut off at a column end."""
    chunks = _chunks(lines)
    widths = [cjk_len(ln) for _, c in chunks for ln in c if cjk_len(ln) >= 8]
    width = statistics.median(widths) if widths else 20
    tables = dict(_table_spans(chunks))
    kinds = [_chunk_kind(c, width) for _, c in chunks]
    for start, end in tables.items():
        kinds[start : end + 1] = [TABLE] * (end - start + 1)
    _confirm_titles(chunks, kinds)
    paras: list[Para] = []
    open_para: Para | None = None
    index = 0
    while index < len(chunks):
        gap, chunk = chunks[index]
        kind = kinds[index]
        if kind == TABLE:
            end = tables[index]
            cells = [" ".join(c) for _, c in chunks[index : end + 1]]
            paras.append(Para(TABLE, "\n".join(cells), gap, cells))
            open_para, index = None, end + 1
            continue
        index += 1
        if kind == SIGNATURE and open_para is None:
            paras.append(Para(SIGNATURE, chunk[0], gap))
            continue
        if kind == TITLE:
            paras.extend(Para(TITLE, t, gap) for t in _title_elements(chunk))
            open_para = None
            continue
        if kind == HEADING:
            paras.append(Para(HEADING, "".join(chunk), gap))
            open_para = None
            continue
        local = [cjk_len(ln) for _, c in chunks[max(0, index - 4) : index + 3] for ln in c if cjk_len(ln) >= 8]
        local_width = statistics.median(local) if local else width
        for n, line in enumerate(chunk):
            special = _special(line)
            if special:
                paras.append(Para(special, line, gap if n == 0 else 0))
                open_para = None
                continue
            body, caption = _split_caption(line)
            if body:
                more = n + 1 < len(chunk)
                heading = (
                    open_para is None
                    and more
                    and _titleish(body)
                    and cjk_len(body) < 0.7 * local_width
                    and parse_lead(body) is None
                )
                if heading:
                    paras.append(Para(HEADING, body, gap if n == 0 else 0))
                elif open_para is None or parse_lead(body) is not None:
                    open_para = Para(BODY, body, gap if n == 0 else 0)
                    paras.append(open_para)
                else:
                    open_para.text += body
                last = n + 1 == len(chunk)
                if open_para is not None and ends_sentence(body) and (last or cjk_len(body) < local_width - 1):
                    open_para = None
            if caption:
                paras.append(Para(CAPTION, caption, 0))
                open_para = None
    return paras


def _confirm_titles(chunks: list[tuple[int, list[str]]], kinds: list[str]) -> None:
    """Title chunks in PDF text come after their body and before the next byline or lead. A run of
    title-like chunks followed by body text is one of three things: the title of a photo story
    whose caption and credit follow; a section heading (小标题) between two paragraphs of one
    story; or, most often, a line of body text cut off at a column end."""
    i = 0
    while i < len(kinds):
        if kinds[i] != TITLE:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == TITLE:
            j += 1
        if j < len(kinds) and kinds[j] == BODY and not _photo_caption_at(chunks, kinds, j):
            heading = _reads_as_heading(chunks, kinds, i, j)
            kinds[i:j] = [HEADING if heading else BODY] * (j - i)
        i = j


def _photo_caption_at(chunks: list[tuple[int, list[str]]], kinds: list[str], j: int) -> bool:
    """A short text (one or two chunks) closed by a photo credit that names its photographers."""
    k = j
    while k < len(kinds) and kinds[k] == BODY and k - j < 2:
        k += 1
    if k >= len(kinds) or kinds[k] != "start":
        return False
    credits = parse_byline(chunks[k][1][0])
    chars = sum(cjk_len(ln) for _, c in chunks[j:k] for ln in c)
    return credits is not None and credits.is_photo and bool(credits.photographers) and chars <= 400


def _reads_as_heading(chunks: list[tuple[int, list[str]]], kinds: list[str], i: int, j: int) -> bool:
    """One short chunk between a finished sentence and a paragraph that starts afresh (a column-end
    fragment is followed by the rest of its word and a comma within a few characters)."""
    if j - i != 1 or i == 0 or kinds[i - 1] != BODY or len(chunks[i][1]) > 2:
        return False
    if not ends_sentence(chunks[i - 1][1][-1]) or any(cjk_len(ln) > 20 for ln in chunks[i][1]):
        return False
    return not re.search(r"[，,、]", chunks[j][1][0][:4])


def _title_elements(chunk: list[str]) -> list[str]:
    """Lines of one title chunk: a wrapped line joins the one before, a new part stands alone."""
    elements = [chunk[0]]
    for line in chunk[1:]:
        prev = elements[-1]
        new_part = (
            line.startswith("——")
            or re.search(r"[，,\s]", line)
            or (cjk_len(prev) >= 10 and cjk_len(line) > 1.4 * cjk_len(prev))
        )
        if new_part:
            elements.append(line)
        else:
            elements[-1] = prev + line
    return elements


def _split_caption(line: str) -> tuple[str, str]:
    """`…开放。小朋友在玩耍。通讯员 供图` -> (body part, caption with its credit): the caption is
    the last sentence before the credit."""
    if not CREDIT_END.search(line) or _special(line):
        return line, ""
    m = re.match(r"^(?P<text>.*[。！？])(?P<credit>[^。！？]*)$", line)
    if not m or parse_byline(m.group("credit").strip()) is None:
        return line, ""
    sentences = re.findall(r"[^。！？]*[。！？]", m.group("text"))
    caption = sentences[-1] + " " + m.group("credit").strip()
    return "".join(sentences[:-1]), caption


def line_paragraphs(lines: list[str], markdown: bool = False) -> list[Para]:
    """Paragraphs of one-paragraph-per-line text or Markdown, from normalised lines.

    A line may carry a photo caption with its credit at its end, or a pointer to another page
    (`（详见B3版）`): those stand as paragraphs of their own after the text before them."""
    items = _nonblank(lines)
    paras: list[Para] = []
    open_para: Para | None = None
    for i, (gap, line) in enumerate(items):
        nxt = items[i + 1][1] if i + 1 < len(items) else ""
        marked = _markdown_para(line, gap) if markdown else None
        if marked is not None:
            paras.append(marked)
            open_para = None
            continue
        kind = _special(line)
        if kind:
            paras.append(Para(kind, line, gap))
            open_para = None
            continue
        text, jump = split_trailing_jump(line)
        text, caption = _split_caption(text)
        if text:
            open_para = _line_text(text, gap, nxt, open_para, paras)
        if caption:  # a caption set inside a sentence leaves the sentence open
            paras.append(Para(CAPTION, caption, 0 if text else gap))
        if jump:
            paras.append(Para(JUMP, jump, 0))
            open_para = None
    return paras


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
        return Para(H2 if len(m.group(1)) <= 2 else H3, normalise_line(m.group(2)), gap)
    if re.match(r"^[-*+]\s+", line):
        return Para(BULLET, re.sub(r"^[-*+]\s+", "", line), gap)
    return None


def _line_text(line: str, gap: int, nxt: str, open_para: Para | None, paras: list[Para]) -> Para | None:
    """Append one line of text as the paragraph it starts or continues; the paragraph left open."""
    lead = parse_lead(line)
    if lead is not None and lead.credits is not None and lead.credits.is_photo and not lead.rest:
        paras.append(Para(CREDIT, line, gap))
        return None
    if lead is not None:
        para = Para(BODY, line, gap)
        paras.append(para)
        return None if ends_sentence(line) else para
    if open_para is not None:
        if gap >= 2 and ends_sentence(line) and nxt and not _special(nxt):
            paras.append(Para(CAPTION, line, gap))  # a photo caption set inside a sentence
            return open_para
        open_para.text += line
        return None if ends_sentence(line) else open_para
    if gap >= 2 and PROMO.search(line) and cjk_len(line) <= 60:
        paras.append(Para(FURNITURE, line, gap))
        return None
    body_like = cjk_len(line) >= 30 and re.search(r"[，,]", line) and not _special(nxt)
    body_like = body_like or len(re.findall(r"[，,]", line)) >= 2
    body_like = body_like and parse_lead(nxt) is None
    if _titleish(line, limit=80, whole_line=True) and not body_like:
        paras.append(Para(TITLE, line, gap))
        return None
    para = Para(BODY, line, gap)
    paras.append(para)
    if not ends_sentence(line) and (cjk_len(line) >= 20 or ends_mid_sentence(line) or re.search(r"[，,、]", line)):
        return para
    return None
