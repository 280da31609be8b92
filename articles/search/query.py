"""The search box's little language, parsed by hand (never by building SQL from it).

    株洲 医院  株洲 AND 医院  株洲 & 医院     both strings must appear (each exactly as typed)
    "湘江 风光带"                           a phrase; found with or without its spaces
    战“疫”捷报  和“十三五                    quotation marks inside a string are part of it
    -广告  NOT 广告                          articles containing it are left out
    株洲 OR 湘潭  株洲 or 湘潭  株洲 | 湘潭    either; OR binds tighter than AND
    (株洲 or 湘潭) and 医院                   parentheses group
    标题:株洲  作者:罗欣  版:A1                headline (with kicker and subheadline), person, page label

The expression is parsed into a tree, then brought to the shape the engine runs: an AND of
ORs of terms, plus terms left out. What cannot take that shape, or was typed in a way the
parser reads differently (a lone bracket, a `*`, lowercase operators, traditional characters),
is said back to the reader in a note ("已按 … 检索"), never answered with a silent 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product

from articles.search.text import fold, runs, squeeze

MAX_LENGTH = 200
MAX_TERMS = 12
FIELDS = {
    "标题": "title",
    "title": "title",
    "题": "title",
    "作者": "person",
    "author": "person",
    "记者": "person",
    "版": "page",
    "版面": "page",
    "page": "page",
}
QUOTES = {'"': '"', "“": "”", "”": "“", "「": "」", "'": "'"}
SPACES = " \t\r\n\u3000\u00a0"
OR_WORDS = {"OR", "or", "Or", "|", "||", "或"}
AND_WORDS = {"AND", "and", "And", "&", "&&"}
NOT_WORDS = {"NOT", "not", "Not"}
BREAKS = SPACES + "()"


@cache
def _converters():
    import opencc  # OpenCC's own tables, phrase by phrase (头发 -> 頭髮, not 頭發)

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def simplified(text: str) -> str:
    return _converters()[0].convert(text)


def traditional(text: str) -> str:
    return _converters()[1].convert(text)


@dataclass(frozen=True)
class Term:
    text: str  # folded (NFKC, lower case) as typed; the page label is upper-cased by the engine
    field: str = "text"  # text | title | person | page
    negated: bool = False

    def __str__(self) -> str:
        prefix = {"text": "", "title": "标题:", "person": "作者:", "page": "版:"}[self.field]
        quoted = f'"{self.text}"' if any(c in BREAKS for c in self.text) else self.text
        return ("-" if self.negated else "") + prefix + quoted

    def variants(self) -> tuple[str, ...]:
        """The strings that count as this term in printed text: as typed; without its spaces
        (printed text has none); squeezed as the stored text is (no space beside a Chinese
        character: text.squeeze); in simplified and in traditional characters (OpenCC, phrase
        level), names after 作者: too. The stored text is never converted: the query is."""
        if self.field == "page":
            return (self.text,)
        out = [self.text]
        spaceless = re.sub(f"[{SPACES}]+", "", self.text)
        if spaceless and spaceless != self.text:
            out.append(spaceless)
        out.append(squeeze(self.text))
        for v in list(out):
            simple = fold(simplified(v))
            out += [simple, fold(traditional(simple))]
        return tuple(dict.fromkeys(out))


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
        return list(
            dict.fromkeys(v for t in self.positive_terms() if t.field in ("text", "title") for v in t.variants())
        )

    def __str__(self) -> str:
        def clause_text(clause: list[Term]) -> str:
            joined = " OR ".join(str(t) for t in clause)
            return f"({joined})" if len(clause) > 1 and len(self.clauses) + len(self.exclusions) > 1 else joined

        return " ".join([clause_text(c) for c in self.clauses] + [str(t) for t in self.exclusions])


def _implies(term: Term, excluded: Term) -> bool:
    """Every article matching `term` also matches `excluded` (titles are part of the text)."""
    if "page" in (term.field, excluded.field):
        return term.field == excluded.field and term.text == excluded.text
    same_field = excluded.field == term.field or (excluded.field == "text" and term.field == "title")
    return same_field and excluded.text in term.text


SELF_EXCLUDED = "排除词包含了要查找的文字，结果必然为空。"


# Tokens: "(" ")" "OR" "AND" "NOT" or a Term (not negated; "-" becomes a NOT token).
Token = str | Term
REWORDED = "reworded"  # a marker after operators and brackets: the reading is said back


EXAMPLE = {"title": "标题:株洲", "person": "作者:罗欣", "page": "版:A1"}


def _term(prefix: str, value: str, quoted: bool, notes: list[str]) -> Term | None:
    """A term from a word; `prefix` is the field name as typed with its colon (作者:, 标题：)."""
    fname = FIELDS.get(prefix.rstrip(":：").lower(), "text") if prefix else "text"
    if not quoted and value.endswith(("*", "＊")) and value.rstrip("*＊"):
        value = value.rstrip("*＊")
        notes.append("检索本来就查找包含这段文字的文章，末尾的 * 不需要，已忽略。")
    text = fold(value).strip(SPACES)
    if not text and prefix:
        notes.append(f"“{prefix}”后面没有要查找的文字（例如 {EXAMPLE[fname]}），已忽略。")
    elif not text and quoted:
        notes.append("引号里没有文字，已忽略。")
    elif not quoted and text in ("*", "＊"):
        notes.append("“*”不是检索词：检索本来就查找包含所输入文字的文章，请直接输入要查找的文字。")
    else:
        return Term(text=text, field=fname) if text else None
    return None


def _split_field(word: str) -> tuple[str, str]:
    """`标题:株洲` -> ("标题:", "株洲"); `株洲` -> ("", "株洲"). The prefix is kept as typed."""
    for sep in (":", "："):
        name, found, rest = word.partition(sep)
        if found and name.lower() in FIELDS:
            return name + sep, rest
    return "", word


def _tokens(raw: str, notes: list[str]) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch in SPACES:
            i += 1
        elif ch in "()":
            out += [ch, REWORDED]
            i += 1
        elif ch in "-－" and i + 1 < n and raw[i + 1] not in SPACES:
            out.append("NOT")  # -广告, -标题:x, -(a OR b), -"短语"
            i += 1
        elif ch in "-－":
            notes.append("“-”后面没有文字，已忽略。")
            i += 1
        else:
            i = _word(raw, i, out, notes)
    return out


def _word(raw: str, i: int, out: list[Token], notes: list[str]) -> int:
    """One word from raw[i]: an operator, a quoted phrase (with an optional field prefix), or a
    string. Quotation marks and brackets inside a string are part of it (战“疫”捷报); a `)`
    ends a string only where a group is open and the `)` ends the word."""
    n = len(raw)
    start = i
    while i < n and raw[i] not in SPACES and raw[i] not in QUOTES and raw[i] not in "()":
        i += 1
    head = raw[start:i]
    prefix = head if head.endswith((":", "：")) and head.lower().rstrip(":：") in FIELDS else ""
    if i < n and raw[i] in QUOTES and (i == start or prefix):
        close = QUOTES[raw[i]]
        end = raw.find(close, i + 1)
        if end == -1 and raw[i] in "\"'":
            notes.append("引号没有配对，已把引号后的全部文字当作一个短语。")
            end = n
        if end == -1:
            notes.append(f"引号没有配对，“{raw[i]}”已当作文字的一部分。")  # “快 cut from printed text
        elif end + 1 >= n or raw[end + 1] in SPACES or raw[end + 1] == ")":
            term = _term(prefix, raw[i + 1 : end], True, notes)
            if term:
                out.append(term)
            return end + 1
        # “十三五”规划: the marks stand inside a string, so they are part of it
    i = start
    depth = sum(1 for t in out if t == "(") - sum(1 for t in out if t == ")")
    while i < n and raw[i] not in SPACES:
        if (
            raw[i] == ")"
            and (i + 1 == n or raw[i + 1] in SPACES + ")")
            and raw.count("(", start, i) <= raw.count(")", start, i)
        ):
            if depth > 0:
                break  # closes the open group
            notes.append("括号没有配对，已忽略多余的“)”。")
            word = raw[start:i]
            prefix, value = _split_field(word)
            term = _term(prefix, value, False, notes)
            if term:
                out.append(term)
            return i + 1
        if raw[i] == "(" and i == start:
            break
        i += 1
    word = raw[start:i]
    if word in OR_WORDS | AND_WORDS | NOT_WORDS:
        out.append("OR" if word in OR_WORDS else "AND" if word in AND_WORDS else "NOT")
        if word != "OR":
            out.append(REWORDED)
    else:
        prefix, value = _split_field(word)
        term = _term(prefix, value, False, notes)
        if term:
            out.append(term)
    return i


# The tree: ("term", Term) | ("and", [nodes]) | ("or", [nodes]) | ("not", node)


class _Parser:
    """and := or (AND? or)* ; or := unary (OR unary)* ; unary := NOT unary | ( and ) | term.
    OR binds tighter than AND, as the README has always said (株洲 医院 OR 学校)."""

    def __init__(self, tokens: list[Token], notes: list[str]):
        self.tokens, self.pos, self.notes = tokens, 0, notes

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self):
        nodes = []
        while self.peek() is not None:
            if self.peek() == ")":
                self.notes.append("括号没有配对，已忽略多余的“)”。")
                self.pos += 1
                continue
            node = self.and_()
            if node:
                nodes.append(node)
        return ("and", nodes)

    def and_(self):
        nodes = []
        while self.peek() not in (None, ")"):
            if self.peek() in ("AND", "OR"):
                self.pos += 1  # a leading or doubled operator joins nothing
                continue
            node = self.or_()
            if node:
                nodes.append(node)
        return ("and", nodes) if nodes else None

    def or_(self):
        nodes = [self.unary()]
        while self.peek() == "OR":
            self.pos += 1
            if self.peek() in (None, ")", "AND", "OR"):
                break
            nodes.append(self.unary())
        nodes = [x for x in nodes if x]
        return None if not nodes else nodes[0] if len(nodes) == 1 else ("or", nodes)

    def unary(self):
        tok = self.peek()
        if tok is None or tok == ")":
            return None
        self.pos += 1
        if tok == "NOT":
            inner = self.unary()
            return ("not", inner) if inner else None
        if tok == "(":
            inner = self.and_()
            if self.peek() == ")":
                self.pos += 1
            else:
                self.notes.append("括号没有配对，已按补上“)”理解。")
            return inner
        if tok in ("AND", "OR"):
            return self.unary()
        return ("term", tok)


def _cnf(node, negate: bool = False) -> list[list[Term]]:
    """The node as an AND of ORs of (possibly negated) terms, negations pushed to the terms."""
    kind = node[0]
    if kind == "term":
        term = node[1]
        return [[Term(term.text, term.field, negate)]]
    if kind == "not":
        return _cnf(node[1], not negate)
    parts = [_cnf(child, negate) for child in node[1]]
    if (kind == "and") != negate:
        return [clause for part in parts for clause in part]
    out: list[list[Term]] = [[]]
    for part in parts:  # OR of CNFs: every choice of one clause from each
        out = [a + b for a, b in product(out, part)]
        if len(out) > 4 * MAX_TERMS:
            raise OverflowError
    return out


def _shape(clauses: list[list[Term]], query: Query) -> None:
    """Clauses into the engine's shape: positive ORs, single exclusions; the rest is dropped
    with a note."""
    dropped = []
    for clause in clauses:
        clause = list(dict.fromkeys(clause))
        positives = [t for t in clause if not t.negated]
        negatives = [t for t in clause if t.negated]
        if positives and negatives:
            dropped += negatives  # (A OR NOT B): the NOT part cannot be run; A alone is kept
            query.clauses.append(positives)
        elif positives:
            query.clauses.append(positives)
        elif len(negatives) == 1:
            query.exclusions.append(negatives[0])
        else:
            dropped += negatives
    if dropped:
        query.notes.append("无法按“或者不含”检索，已忽略：" + " ".join(str(t) for t in dropped) + "。")


def _count_terms(query: Query) -> None:
    budget = MAX_TERMS
    clauses, exclusions = [], []
    for clause in query.clauses:
        if budget < len(clause):
            break
        clauses.append(clause)
        budget -= len(clause)
    for term in query.exclusions:
        if budget < 1:
            break
        exclusions.append(term)
        budget -= 1
    if (clauses, exclusions) != (query.clauses, query.exclusions):
        query.notes.append(f"最多使用 {MAX_TERMS} 个检索词，其余已忽略。")
    query.clauses, query.exclusions = clauses, exclusions


def parse_query(raw: str) -> Query:
    query = Query()
    raw = raw.replace("\x00", "")
    if len(raw) > MAX_LENGTH:
        query.notes.append(f"查询太长，只使用了前 {MAX_LENGTH} 个字。")
        raw = raw[:MAX_LENGTH]
    tokens = _tokens(raw, query.notes)
    reworded = REWORDED in tokens
    tokens = [t for t in tokens if t != REWORDED]
    tree = _Parser(tokens, query.notes).parse()
    try:
        _shape(_cnf(tree), query)
    except OverflowError:
        query.notes.append("括号与 OR 组合太多，已只按各词同时出现检索。")
        _shape([[t] for t in tokens if isinstance(t, Term)], query)
    _count_terms(query)
    if not query.clauses and query.exclusions:
        query.notes.append("只有排除词时无法检索，请再输入要查找的文字。")
    elif not query.clauses and raw.strip(SPACES):
        query.notes += _nothing_to_search(raw, query.notes)
    if query.excludes_itself:
        query.notes.append(SELF_EXCLUDED)
    _reading_notes(query, reworded)
    query.notes = list(dict.fromkeys(query.notes))
    return query


def _nothing_to_search(raw: str, notes: list[str]) -> list[str]:
    """What is missing when something was typed but nothing is left to search (never a silent 0)."""
    words = [w for w in re.split(f"[{re.escape(BREAKS)}]+", raw) if w]
    operators = [w for w in words if w in OR_WORDS | AND_WORDS | NOT_WORDS]
    if words and len(operators) == len(words):
        typed = "”“".join(dict.fromkeys(operators))
        return [f"“{typed}”是运算符，要写在检索词之间（例如 株洲 AND 医院）；请输入要查找的文字。"]
    return [] if notes else ["没有要查找的文字，请输入检索词。"]


def _reading_notes(query: Query, reworded: bool) -> None:
    """Say how the query was read when operators, brackets or traditional characters were typed."""
    if query.empty:
        return
    if reworded or any("括号" in n or "*" in n or "无法按" in n for n in query.notes):
        query.notes.append(f"已按 {query} 检索。")
    converted = [t for t in query.positive_terms() if t.field != "page" and fold(simplified(t.text)) != t.text]
    if converted:
        pairs = "；".join(f"“{t.text}”也按“{fold(simplified(t.text))}”" for t in converted)
        query.notes.append(f"已按简体与繁体一并检索：{pairs}。")
    if any(len(t.text) == 1 and runs(t.text) for t in query.positive_terms()):
        query.notes.append("单字检索会找到含这个字的所有文章（包括它在其他词里的时候）。")
