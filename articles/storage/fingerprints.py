"""Names for paragraphs that outlive a re-parse: a hash of the text without whitespace, and
which occurrence of that text on the page it is (a repeated line such as 图片说明 keeps apart).

Whitespace is left out because extraction moves it (a wrapped line joined differently by a
newer parser is the same paragraph)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    return hashlib.sha1(SPACE.sub("", text).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def keys(texts: Iterable[str]) -> list[str]:
    """One key per text, in order: `<hash>-<n>`, n counting earlier paragraphs with the same text."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        h = text_hash(text)
        seen[h] = seen.get(h, 0) + 1
        out.append(f"{h}-{seen[h]}")
    return out
