"""PDF column text to typed paragraphs.

Text extracted from a print PDF is hard-wrapped at the column width (11–20 characters) and
broken by blank lines wherever a column ends, even inside a sentence. It is read in chunks
(runs of non-blank lines); each chunk is classified, then its lines are joined into paragraphs.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from .paragraphs import is_promotion, special_kind, split_caption, titleish
from .patterns import is_signature, parse_byline, parse_lead
from .text import bigrams, cjk_len, compact, continues_sentence, ends_sentence, pair_share
from .titles import ends_complete_clause
from .types import Para, ParaKind

Chunk = tuple[int, list[str]]  # blank lines before it, its lines


class ChunkKind(StrEnum):
    TITLE = "title"
    BODY = "body"
    START = "start"  # a byline, credit, jump line or lead: a story's printed start
    SIGNATURE = "signature"
    TABLE = "table"
    HEADING = "heading"
    FURNITURE = "furniture"


def pdf_paragraphs(lines: list[str]) -> list[Para]:
    """Paragraphs of PDF column text, from lines already normalised (text.normalise_line)."""
    chunks = _chunks(lines)
    widths = [cjk_len(ln) for _, c in chunks for ln in c if cjk_len(ln) >= 8]
    width = statistics.median(widths) if widths else 20
    tables = dict(_table_spans(chunks))
    kinds = [_chunk_kind(c, width) for _, c in chunks]
    _unmake_column_cuts(chunks, kinds)
    for start, end in tables.items():
        kinds[start : end + 1] = [ChunkKind.TABLE] * (end - start + 1)
    _confirm_titles(chunks, kinds)
    reader = _Reader()
    index = 0
    while index < len(chunks):
        gap, chunk = chunks[index]
        kind = kinds[index]
        if kind == ChunkKind.TABLE:
            end = tables[index]
            cells = [" ".join(c) for _, c in chunks[index : end + 1]]
            reader.close(Para(ParaKind.TABLE, "\n".join(cells), gap, cells))
            index = end + 1
            continue
        index += 1
        if kind == ChunkKind.SIGNATURE and reader.open_para is None:
            reader.add(Para(ParaKind.SIGNATURE, chunk[0], gap))
        elif kind == ChunkKind.TITLE:
            for n, element in enumerate(_title_elements(chunk)):
                reader.close(Para(ParaKind.TITLE, element, gap if n == 0 else 0))  # one chunk, no blank between
        elif kind == ChunkKind.FURNITURE:
            reader.close(Para(ParaKind.FURNITURE, "".join(chunk), gap))
        elif kind == ChunkKind.HEADING and index >= 2 and kinds[index - 2] == ChunkKind.HEADING:
            reader.paras[-1].text += "".join(chunk)  # a heading printed on two chunks is one
        elif kind == ChunkKind.HEADING:
            reader.close(Para(ParaKind.HEADING, "".join(chunk), gap))
        else:
            near = [cjk_len(ln) for _, c in chunks[max(0, index - 4) : index + 3] for ln in c if cjk_len(ln) >= 8]
            reader.read_chunk(gap, chunk, statistics.median(near) if near else width)
    return reader.paras


@dataclass
class _Reader:
    """Joins wrapped lines into paragraphs: a paragraph stays open until a line ends a sentence
    short of the column width (the last line of a printed paragraph)."""

    paras: list[Para] = field(default_factory=list)
    open_para: Para | None = None

    def add(self, para: Para) -> None:
        self.paras.append(para)

    def close(self, para: Para) -> None:
        self.paras.append(para)
        self.open_para = None

    def read_chunk(self, gap: int, chunk: list[str], width: float) -> None:
        for n, line in enumerate(chunk):
            line_gap = gap if n == 0 else 0
            special = special_kind(line)
            if special:
                self.close(Para(special, line, line_gap))
                continue
            text, caption = split_caption(line)
            if text:
                self._read_text(text, line_gap, more=n + 1 < len(chunk), width=width)
            if caption:
                self.close(Para(ParaKind.CAPTION, caption, 0))

    def _read_text(self, text: str, gap: int, more: bool, width: float) -> None:
        lead = parse_lead(text) is not None
        heading = self.open_para is None and more and titleish(text) and cjk_len(text) < 0.7 * width and not lead
        if heading:
            self.add(Para(ParaKind.HEADING, text, gap))
        elif self.open_para is None or lead:
            self.open_para = Para(ParaKind.BODY, text, gap)
            self.add(self.open_para)
        else:
            self.open_para.text += text
        if self.open_para is not None and ends_sentence(text) and (not more or cjk_len(text) < width - 1):
            self.open_para = None


def _chunks(lines: list[str]) -> list[Chunk]:
    """Groups of consecutive non-blank lines with the count of blank lines before each."""
    out: list[Chunk] = []
    gap, current = 0, []
    for line in lines:
        if not line:
            if current:
                out.append((gap, current))
                current, gap = [], 0
            gap += 1
            continue
        after_credit = bool(current) and special_kind(current[-1]) == ParaKind.CREDIT
        if current and (special_kind(line) or after_credit or _title_under_byline(current[-1], line)):
            # a byline or credit under text starts a chunk of its own; a photo credit ends one
            out.append((gap, current))
            current, gap = [], 0
        current.append(line)
    if current:
        out.append((gap, current))
    return out


def _title_under_byline(above: str, line: str) -> bool:
    """A title phrase (no punctuation, no lead) printed right under a byline, no blank line
    between: another story's title block follows the byline of a title block printed far from
    its body. A body under its byline opens with a lead or runs into a comma within a line."""
    return (
        special_kind(above) == ParaKind.BYLINE
        and not special_kind(line)
        and parse_lead(line) is None
        and not re.search(r"[，,。、；：:！？!?]", line)
        and titleish(line)
    )


def _chunk_kind(chunk: list[str], width: float) -> ChunkKind:
    if len(chunk) == 1 and is_signature(chunk[0]):
        return ChunkKind.SIGNATURE
    if special_kind(chunk[0]) or parse_lead(chunk[0]) is not None:
        return ChunkKind.START
    if len(chunk) <= 2 and is_promotion("".join(chunk)):
        return ChunkKind.FURNITURE
    title_lines = all((titleish(x) or _spans_columns(x, width)) and not special_kind(x) for x in chunk)
    if len(chunk) <= 4 and title_lines and not continues_sentence(chunk[0]):
        return ChunkKind.TITLE  # (a chunk that opens mid-sentence, `个、医疗点20个，…`, is body cut at a column end)
    return ChunkKind.BODY


def _unmake_column_cuts(chunks: list[Chunk], kinds: list[ChunkKind]) -> None:
    """Title chunks before text, from one that holds a line as wide as the column around it with
    a comma inside it, are a sentence cut where the column ends (`小区物业负责人介绍，小区实行`;
    loose text prints each line of it apart): a title line with a comma is most often a long
    subheadline, set wider than a column."""
    for n, end in _title_runs(kinds):
        if end < len(kinds) and kinds[end] == ChunkKind.BODY:
            cut = next((k for k in range(n, end) if _cut_at_column(chunks, k)), end)
            kinds[cut:end] = [ChunkKind.BODY] * (end - cut)


def _title_runs(kinds: list[ChunkKind]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of title chunks, left to right; the caller may change the kinds
    of a run before the next one is looked for."""
    n = 0
    while n < len(kinds):
        if kinds[n] != ChunkKind.TITLE:
            n += 1
            continue
        end = n
        while end < len(kinds) and kinds[end] == ChunkKind.TITLE:
            end += 1
        yield n, end
        n = end


def _cut_at_column(chunks: list[Chunk], n: int) -> bool:
    """Every line of the chunk is as wide as the column (its last may be shorter, a paragraph's
    end) and one holds a comma: column text, not a title stack of short lines."""
    width, lines = _local_width(chunks, n), chunks[n][1]
    wide = all(abs(cjk_len(ln) - width) <= 1 for ln in lines[:-1]) and cjk_len(lines[-1]) <= width + 1
    return bool(width) and wide and any(re.search(r"[，,]", ln) and abs(cjk_len(ln) - width) <= 1 for ln in lines)


def _local_width(chunks: list[Chunk], n: int) -> float:
    """The column width of the text around chunks[n]: the most common length of its body lines."""
    near = [cjk_len(ln) for _, c in chunks[max(0, n - 4) : n + 4] for ln in c if cjk_len(ln) >= 8]
    return statistics.mode(near) if near else 0


def _spans_columns(line: str, width: float) -> bool:
    """A line of several title phrases set apart by spaces, far wider than a column, with no
    sentence in it: a subheadline printed across columns (`听取…汇报 研究…要点 …`). Column text
    is wrapped at the column width, so no body line is this long."""
    parts = line.split()
    return (
        len(parts) >= 2
        and 2.5 * width <= cjk_len(line) <= 120
        and all(titleish(part) and cjk_len(part) >= 4 for part in parts)
        and not special_kind(line)
    )


def _table_spans(chunks: list[Chunk]) -> list[tuple[int, int]]:
    """Runs of six or more short one- or two-line chunks, mostly tiny cells or numbers: a table."""
    spans, i = [], 0
    while i < len(chunks):
        j = i
        while j < len(chunks) and _cell_like(chunks[j][1]):
            j += 1
        cells = [compact("".join(c[1])) for c in chunks[i:j]]
        tiny = [c for c in cells if len(c) <= 5 or re.fullmatch(r"[\d\-:.()（）%]+", c)]
        if j - i >= 6 and len(tiny) >= (j - i) / 2:
            # the table ends at its last cell or caption
            end = max(
                k
                for k in range(i, j)
                if k == i or cells[k - i] in tiny or cells[k - i].endswith("表") or ends_sentence(cells[k - i])
            )
            if end - i + 1 >= 6:
                spans.append((i, end))
                i = end + 1
                continue
        i = max(j, i + 1)
    return spans


def _cell_like(chunk: list[str]) -> bool:
    return len(chunk) <= 2 and all(cjk_len(x) <= 30 for x in chunk) and not special_kind(chunk[0])


def _confirm_titles(chunks: list[Chunk], kinds: list[ChunkKind]) -> None:
    """Title chunks in PDF text come after their body and before the next byline or lead. A run of
    title-like chunks followed by body text is one of three things: the title of a photo story
    whose caption and credit follow; a section heading (小标题) between two paragraphs of one
    story; or, most often, a line of body text cut off at a column end."""
    for i, j in _title_runs(kinds):
        if j < len(kinds) and _continued_below(chunks[j]):
            kinds[i:j] = [ChunkKind.BODY] * (j - i)  # text cut off before `下转A2版` is no title
        elif j < len(kinds) and kinds[j] == ChunkKind.BODY and not _photo_caption_at(chunks, kinds, j):
            if not _title_stack_between_stories(chunks, kinds, i, j):
                heading = _reads_as_heading(chunks, kinds, i, j)
                kinds[i:j] = [ChunkKind.HEADING if heading else ChunkKind.BODY] * (j - i)


def _title_stack_between_stories(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> bool:
    """Two or more title chunks after a finished story, before text that starts afresh: the title
    of the story before (printed after it) and a story without byline or lead after it (a teaser,
    agency copy). A line cut at a column end is followed by the rest of its sentence; a section
    heading, even on two chunks, speaks of the text below it rather than of the story above."""
    if i > 0 and kinds[i - 1] == ChunkKind.BODY and not _finished(chunks[i - 1][1][-1]):
        return False
    starts = [chunks[k][1][0] for k in range(i + 1, j + 1)]  # a column cut would go on in the next chunk
    if any(continues_sentence(start) or re.match(r"^[^，。、；]{1,2}[，、]", start) for start in starts):
        return False
    above, below = _fits_around(chunks, kinds, i, j)
    if j - i < 2:  # one chunk: a section heading, unless it retells or closes the story above, not the text below
        says = above >= SAYS_ABOVE and not _rest_of_story_above(chunks, kinds, i, j)
        titled = _titled_below(chunks, kinds, i, j) and not _holds_comma(chunks[i])
        closes = says or _closed_by_photo(chunks, kinds, i) or titled
        return closes and below < 0.3
    return above > 0 or below < 0.5


def _holds_comma(chunk: Chunk) -> bool:
    """A lone chunk with a comma inside (`记者从市城管局获悉，全市垃圾分类`) reads as a sentence cut at a
    column end more often than as a title: the text below being a story of its own is too weak a
    reason to take it for the title of the story above."""
    return any(re.search(r"[，,]", line) for line in chunk[1])


SAYS_ABOVE = 0.6  # share of a lone title chunk's character pairs that the story above repeats


def _titled_below(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> bool:
    """The text from chunks[j] on is a story of its own: it runs (past a jump line) into title
    chunks that retell it rather than the text above chunks[i], as PDF prints a title after its
    body. A section heading's text goes on to its story's title, which retells the story's
    opening above the heading. The title is the first of those chunks, or the first few (a stack
    printed loose): the chunks after them may be the next story's title, which retells neither."""
    above, below, titles = _texts_around(chunks, kinds, i, j)
    above_pairs, below_pairs = bigrams(above), bigrams(below)
    for k in range(1, len(titles) + 1):
        title = "".join(titles[:k])
        fit_below, fit_above = pair_share(title, below_pairs), pair_share(title, above_pairs)
        if fit_below >= TITLE_OF_BELOW and fit_below > 2 * fit_above:
            return True
    return False


def _rest_of_story_above(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> bool:
    """The text from chunks[j] on runs into title chunks none of which retells it, the first
    retelling the text above chunks[i] at least as well: that title is the story's above, and
    the text below is the rest of it (chunks[i] a section heading that sums up what came before)."""
    above, below, titles = _texts_around(chunks, kinds, i, j)
    if not titles:
        return False
    above_pairs, below_pairs = bigrams(above), bigrams(below)
    unfit = all(pair_share(t, below_pairs) < LOOSE_TITLE_FIT for t in titles)
    return unfit and pair_share(titles[0], above_pairs) >= pair_share(titles[0], below_pairs)


LOOSE_TITLE_FIT = 0.3  # a title chunk sharing fewer of its character pairs with a text is not its title


def _texts_around(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> tuple[str, str, list[str]]:
    """The text above chunks[i] (back to the previous title, its start included), the text from
    chunks[j] on (past a jump line, to the next title or start), and the title chunks after it."""
    k = i
    while k > 0 and kinds[k - 1] in (ChunkKind.BODY, ChunkKind.HEADING, ChunkKind.START) and i - k < 40:
        k -= 1
    m = j
    while m < len(kinds) and kinds[m] in (ChunkKind.BODY, ChunkKind.HEADING) and m - j < 40:
        m += 1
    below_end = m
    while m < len(kinds) and kinds[m] == ChunkKind.START and special_kind(chunks[m][1][0]) == ParaKind.JUMP:
        m += 1
    n = m
    while n < len(kinds) and kinds[n] == ChunkKind.TITLE:
        n += 1
    titles = ["".join(c) for _, c in chunks[m:n]]
    return _text(chunks, kinds, k, i)[:3000], _text(chunks, kinds, j, below_end)[:3000], titles


def _text(chunks: list[Chunk], kinds: list[ChunkKind], start: int, end: int) -> str:
    """The lines of chunks[start:end] but jump lines."""
    return "".join(ln for _, c in chunks[start:end] for ln in c if special_kind(ln) != ParaKind.JUMP)


TITLE_OF_BELOW = 0.5  # share of a title's character pairs that the text above it repeats


def _closed_by_photo(chunks: list[Chunk], kinds: list[ChunkKind], i: int) -> bool:
    """The chunk above chunks[i] ends with a photo credit (a caption's, or a credit line): in PDF
    text a story's photo is printed at its end, so a title line after it follows a closed story."""
    if i == 0:
        return False
    last = chunks[i - 1][1][-1]
    credit = kinds[i - 1] == ChunkKind.START and special_kind(last) == ParaKind.CREDIT
    return credit or bool(split_caption(last)[1])


def _finished(line: str) -> bool:
    """A story's last line: it ends a sentence, or a photo caption with its credit."""
    return ends_sentence(line) or bool(split_caption(line)[1])


def _fits_around(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> tuple[float, float]:
    """How much of the wording of chunks[i:j] the text above them repeats (back to the previous
    title, its start included: a lead repeats its headline's words most) and the text below them
    (on to the next title or start)."""
    title = "".join(ln for _, c in chunks[i:j] for ln in c)
    text = (ChunkKind.BODY, ChunkKind.HEADING)
    k = i
    while k > 0 and kinds[k - 1] in text and i - k < 40:
        k -= 1
    while k > 0 and kinds[k - 1] == ChunkKind.START and i - k < 40:
        k -= 1
    m = j
    while m < len(kinds) and kinds[m] in text and m - j < 40:
        m += 1
    above = bigrams("".join(ln for _, c in chunks[k:i] for ln in c)[-3000:])
    below = bigrams("".join(ln for _, c in chunks[j:m] for ln in c)[:3000])
    return pair_share(title, above), pair_share(title, below)


def _continued_below(chunk: Chunk) -> bool:
    return bool(re.match(r"^[（(]?\s*(下转|转)", chunk[1][0])) and special_kind(chunk[1][0]) == ParaKind.JUMP


def _photo_caption_at(chunks: list[Chunk], kinds: list[ChunkKind], j: int) -> bool:
    """A short text (one or two chunks) closed by a photo credit that names its photographers."""
    k = j
    while k < len(kinds) and kinds[k] == ChunkKind.BODY and k - j < 2:
        k += 1
    if k >= len(kinds) or kinds[k] != ChunkKind.START:
        return False
    credits = parse_byline(chunks[k][1][0])
    chars = sum(cjk_len(ln) for _, c in chunks[j:k] for ln in c)
    return credits is not None and credits.is_photo and bool(credits.photographers) and chars <= 400


def _reads_as_heading(chunks: list[Chunk], kinds: list[ChunkKind], i: int, j: int) -> bool:
    """One short chunk (or two of a line each) between a finished sentence and a paragraph that
    starts afresh (a column-end fragment is followed by the rest of its word and a comma within a
    few characters)."""
    one = j - i == 1 and len(chunks[i][1]) <= 2
    two = j - i == 2 and all(len(chunks[k][1]) == 1 for k in (i, i + 1))
    if not (one or two) or i == 0 or kinds[i - 1] != ChunkKind.BODY:
        return False
    if not ends_sentence(chunks[i - 1][1][-1]) or any(cjk_len(ln) > 20 for _, c in chunks[i:j] for ln in c):
        return False
    return not re.search(r"[，,、]", chunks[j][1][0][:4])


def _title_elements(chunk: list[str]) -> list[str]:
    """Lines of one title chunk: a wrapped line joins the one before, a new part stands alone."""
    elements = [chunk[0]]
    for line in chunk[1:]:
        prev = elements[-1]
        new_part = (
            line.startswith("——")
            or ends_complete_clause(prev)
            or re.search(r"[，,\s]", line)
            or (cjk_len(prev) >= 10 and cjk_len(line) > 1.4 * cjk_len(prev))
        )
        if new_part:
            elements.append(line)
        else:
            elements[-1] = prev + line
    return elements
