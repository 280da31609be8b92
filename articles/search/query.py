"""The search box's little language, parsed by hand (never by building SQL from it).

    株洲 医院            both strings must appear (each exactly as typed, jieba plays no part)
    "湘江 风光带"         an exact phrase, spaces included (“中文引号” too)
    -广告                 articles containing it are left out
    株洲 OR 湘潭          either (also `|`); OR binds tighter than the implicit AND
    标题:株洲  作者:罗欣  版:A1      headline (with kicker and subheadline), person, page label

Malformed input gets a sensible reading and a note for the reader, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.search.text import fold

MAX_LENGTH = 200
MAX_TERMS = 12
FIELDS = {
    "标题": "title", "title": "title", "题": "title",
    "作者": "person", "author": "person", "记者": "person",
    "版": "page", "版面": "page", "page": "page",
}
QUOTES = {'"': '"', "“": "”", "”": "“", "「": "」", "'": "'"}
SPACES = " \t\r\n\u3000\u00a0"


@dataclass(frozen=True)
class Term:
    text: str  # folded (NFKC, lower case); the page label is upper-cased by the engine
    field: str = "text"  # text | title | person | page
    negated: bool = False

    def __str__(self) -> str:
        prefix = {"text": "", "title": "标题:", "person": "作者:", "page": "版:"}[self.field]
        quoted = f'"{self.text}"' if any(c in SPACES for c in self.text) else self.text
        return ("-" if self.negated else "") + prefix + quoted


@dataclass
class Query:
    clauses: list[list[Term]] = field(default_factory=list)  # AND of ORs
    exclusions: list[Term] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def excludes_itself(self) -> bool:
        """Some clause can only match articles an exclusion removes (`株洲 -株洲`, `株洲市 -株洲`):
        the answer is empty, known without reading a posting list."""
        return any(all(any(_implies(t, e) for e in self.exclusions) for t in clause) for clause in self.clauses)

    def positive_terms(self) -> list[Term]:
        return [t for clause in self.clauses for t in clause]

    def highlight_terms(self) -> list[str]:
        return [t.text for t in self.positive_terms() if t.field in ("text", "title")]

    def __str__(self) -> str:
        parts = [" OR ".join(str(t) for t in clause) for clause in self.clauses]
        return " ".join(parts + [str(t) for t in self.exclusions])


def _implies(term: Term, excluded: Term) -> bool:
    """Every article matching `term` also matches `excluded` (titles are part of the text)."""
    if "page" in (term.field, excluded.field):
        return term.field == excluded.field and term.text == excluded.text
    same_field = excluded.field == term.field or (excluded.field == "text" and term.field == "title")
    return same_field and excluded.text in term.text


SELF_EXCLUDED = "排除词包含了要查找的文字，结果必然为空。"


def _tokens(raw: str, notes: list[str]) -> list[tuple[str, bool]]:
    """(text, quoted) tokens; a prefix such as `-` or `标题:` stays glued to its token."""
    tokens: list[tuple[str, bool]] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch in SPACES:
            i += 1
            continue
        start = i
        prefix = ""
        while i < n and raw[i] not in SPACES and raw[i] not in QUOTES:
            i += 1
        prefix = raw[start:i]
        if i < n and raw[i] in QUOTES and (not prefix or prefix.endswith((":", "：", "-", "－"))):
            close = QUOTES[raw[i]]
            end = raw.find(close, i + 1)
            if end == -1:
                notes.append("引号没有配对，已把引号后的全部文字当作一个短语。")
                end = n
            tokens.append((prefix + "\x00" + raw[i + 1 : end], True))
            i = end + 1
            continue
        while i < n and raw[i] not in SPACES:
            i += 1
        tokens.append((raw[start:i].replace("“", "").replace("”", "").replace('"', ""), False))
    return tokens


def parse_query(raw: str) -> Query:
    query = Query()
    raw = raw.replace("\x00", "")
    if len(raw) > MAX_LENGTH:
        query.notes.append(f"查询太长，只使用了前 {MAX_LENGTH} 个字。")
        raw = raw[:MAX_LENGTH]
    pending_or = False
    for token, quoted in _tokens(raw, query.notes):
        if not quoted and token in ("OR", "|", "或"):
            pending_or = bool(query.clauses)
            continue
        prefix, _, value = token.partition("\x00") if quoted else ("", "", token)
        if not quoted:
            prefix, value = _split_prefix(token)
        negated = prefix.startswith(("-", "－"))
        fname = FIELDS.get(prefix.lstrip("-－").rstrip(":："), "text") if prefix.rstrip("-－") else "text"
        text = fold(value).strip(SPACES) if quoted else fold(value)
        if not text:
            if negated:
                query.notes.append("“-”后面没有文字，已忽略。")
            continue
        term = Term(text=text, field=fname, negated=negated)
        if len(query.positive_terms()) + len(query.exclusions) >= MAX_TERMS:
            query.notes.append(f"最多使用 {MAX_TERMS} 个检索词，其余已忽略。")
            break
        if negated:
            query.exclusions.append(term)
        elif pending_or:
            query.clauses[-1].append(term)
        else:
            query.clauses.append([term])
        pending_or = False
    if not query.clauses and query.exclusions:
        query.notes.append("只有排除词时无法检索，请再输入要查找的文字。")
    if query.excludes_itself:
        query.notes.append(SELF_EXCLUDED)
    return query


def _split_prefix(token: str) -> tuple[str, str]:
    """`-标题:株洲` -> ("-标题:", "株洲"); `-株洲` -> ("-", "株洲"); `株洲` -> ("", "株洲")."""
    sign = ""
    if token[:1] in "-－" and len(token) > 1:
        sign, token = token[0], token[1:]
    elif token in ("-", "－"):
        return "-", ""
    for sep in (":", "："):
        name, found, rest = token.partition(sep)
        if found and name.lower() in FIELDS:
            return sign + name.lower() + ":", rest
    return sign, token
