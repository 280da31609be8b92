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


def tsquery_for(folded_term: str) -> str | None:
    """A tsquery (input syntax; lexemes are units only, so no quoting can break) that every
    article containing the term matches. None when the term holds no unit at all.

    A one-unit run becomes a prefix (`'对':*`), which GIN answers by reading the posting list
    of every bigram starting with that unit: for a common character, hundreds of lists (a
    phrase `对。巡察…` took 0.4 s to count at a million articles). Beside a longer run it adds
    nothing the strpos recheck does not decide, so it is left out there."""
    found = runs(folded_term)
    if any(len(run) > 1 for run in found):
        found = [run for run in found if len(run) > 1]
    parts: list[str] = []
    for run in found:
        if len(run) == 1:
            parts.append(f"'{run}':*")
        else:
            parts.extend(f"'{run[i : i + 2]}'" for i in range(len(run) - 1))
    if not parts:
        return None
    return " & ".join(dict.fromkeys(parts))


def exact_by_index(folded_term: str) -> bool:
    """Whether the index alone decides the term: a single run of exactly two units (or one)."""
    found = runs(folded_term)
    return len(found) == 1 and found[0] == folded_term and len(folded_term) <= 2
