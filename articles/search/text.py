"""Search normalisation and character-bigram lexemes, shared by indexing and querying."""

from __future__ import annotations

import re
import unicodedata

# A unit is one CJK character, one digit or one Latin letter: runs of units make the bigrams.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNIT_RUN = re.compile(f"[0-9a-z{HAN}\u00c0-\u024f]+")
END = "$"  # marks the last unit of a run, so every unit starts some lexeme (one-character queries)
# Spaces and tabs beside a Chinese character (after NFKC the ideographic space is a space too).
# Line breaks are kept: they separate printed fields and paragraphs.
HAN_SPACE = re.compile(f"(?<=[{HAN}])[ \t]+|[ \t]+(?=[{HAN}])")


def fold(text: str) -> str:
    """NFKC (full-width digits and letters to half-width) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def squeeze(folded: str) -> str:
    """Folded text without the spaces beside Chinese characters: printed text puts them where
    readers do not type them (株洲日报记者 罗欣) and leaves them out where readers type them
    (湘江 风光带). Stored text and typed terms are squeezed alike, so either way matches; a
    string that occurs in the text still occurs once both are squeezed (its inner spaces have
    the same neighbours in both), so nothing is lost."""
    return HAN_SPACE.sub("", folded)


def search_form(text: str) -> str:
    """What search compares: the text folded and squeezed (the stored search columns)."""
    return squeeze(fold(text))


def runs(folded: str) -> list[str]:
    return UNIT_RUN.findall(folded)


def lexemes(folded: str) -> list[str]:
    """Distinct bigrams of every run, plus `X$` for the last unit of each run."""
    out: set[str] = set()
    for run in runs(folded):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
        out.add(run[-1] + END)
    return sorted(out)


def tsquery_for(folded_term: str, common: frozenset[str] = frozenset()) -> str | None:
    """A tsquery (input syntax; lexemes are units only, so no quoting can break) that every
    article containing the term matches. None when the term holds no unit at all."""
    parts = tsquery_parts(folded_term, common)
    return " & ".join(parts) if parts else None


def tsquery_any(folded_terms: tuple[str, ...], common: frozenset[str] = frozenset()) -> list[str] | None:
    """Tsqueries, to be ORed each as its own index scan, that every article containing any of
    the terms (a term's variants) matches. The lexemes the terms share are taken out of the OR
    (`'政府' & … & ('作条' | '作條')`); terms that share none get a tsquery each. GIN skips
    through the posting lists of lexemes every match needs, but reads whole any list inside an
    OR: 26 ms against 15 for 政府督查工作条 with its traditional variant, 45-65 against 32-51
    for 区分级精准复 (no lexeme shared) at a million articles. None when a term holds no unit
    (strpos alone decides)."""
    alternatives = list(dict.fromkeys(tuple(tsquery_parts(t, common)) for t in folded_terms))
    if not all(alternatives):
        return None
    shared = [p for p in alternatives[0] if all(p in other for other in alternatives[1:])]
    rests = [[p for p in parts if p not in shared] for parts in alternatives]
    if not all(rests):  # one alternative is the shared lexemes alone: the others add nothing
        return [" & ".join(shared)]
    if not shared:
        return [" & ".join(parts) for parts in alternatives]
    either = " | ".join(f"({' & '.join(r)})" if len(r) > 1 else r[0] for r in rests)
    return [f"{' & '.join(shared)} & ({either})"]


def tsquery_parts(folded_term: str, common: frozenset[str] = frozenset()) -> list[str]:
    """The lexemes (tsquery input syntax) every article containing the term has, all required;
    none when the term holds no unit.

    A run the term itself closes (a mark or space follows it inside the term) ends a run in
    the text wherever the term occurs, so its end marker (`开$`) is required too: the only
    index evidence of the punctuation in `置，。《春暖花开，英`, which cut its candidates from
    46 623 articles to 2 195 at a million.

    A one-unit run left open becomes a prefix (`'对':*`), which GIN answers by reading the
    posting list of every bigram starting with that unit: for a common character, hundreds
    of lists (a phrase `对。巡察…` took 0.4 s to count at a million articles). Beside a longer
    run it adds nothing the strpos recheck does not decide, so it is left out there.

    Lexemes in `common` (in half the articles or more: statistics.common_lexemes) are left out
    when others remain: GIN reads their whole posting lists (a million entries for 记者) to
    narrow the candidates by half at best, and strpos decides anyway. A term of one lexeme
    keeps it."""
    found = list(UNIT_RUN.finditer(folded_term))
    beside_longer = any(len(m.group()) > 1 for m in found)
    parts: list[str] = []
    for m in found:
        run = m.group()
        closed = m.end() < len(folded_term)
        if len(run) > 1:
            parts.extend(f"'{run[i : i + 2]}'" for i in range(len(run) - 1))
        elif not closed and not beside_longer:
            parts.append(f"'{run}':*")
        if closed:
            parts.append(f"'{run[-1]}{END}'")
    rare = [p for p in parts if p.strip("'") not in common]
    return list(dict.fromkeys(rare or parts))


def exact_by_index(folded_term: str) -> bool:
    """Whether the index alone decides the term: a single run of exactly two units (or one)."""
    found = runs(folded_term)
    return len(found) == 1 and found[0] == folded_term and len(folded_term) <= 2
