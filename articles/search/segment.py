"""jieba, loaded once per process, with local place names and the people in the database."""

from __future__ import annotations

import logging
import threading
import unicodedata

from articles.search.text import fold

PLACES = (
    "株洲 醴陵 渌口 攸县 茶陵 炎陵 芦淞 荷塘 石峰 天元 株洲市 醴陵市 渌口区 攸县 茶陵县 炎陵县 芦淞区 荷塘区 石峰区 天元区 "
    "湘江 神农城 云龙 田心 株洲日报 掌上株洲 长株潭"
).split()
_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    """The process's jieba tokenizer; people's names are added by `add_words`."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                for word in PLACES:
                    tok.add_word(word, freq=20000)
                _tokenizer = tok
    return _tokenizer


def add_words(words) -> None:
    tok = tokenizer()
    for word in words:
        if word:
            tok.add_word(word, freq=20000)


def words(text: str) -> list[str]:
    """jieba words of folded text, punctuation and spaces dropped."""
    return [w for w in tokenizer().lcut(fold(text)) if _is_word(w)]


def _is_word(token: str) -> bool:
    token = token.strip()
    return bool(token) and any(unicodedata.category(ch)[0] in "LN" for ch in token)


MAX_WORD_BYTES = 2046  # PostgreSQL's limit for one tsvector lexeme


def weighted_vector(parts: list[tuple[str, str]]) -> str:
    """A tsvector literal of jieba words with positions and weights: [(text, "A"), (text, "D")].

    Lexemes are quoted (' doubled, backslash escaped) and the literal is passed as a bound
    parameter cast to tsvector: no SQL is built from the text."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for text, weight in parts:
        for word in words(text):
            pos = min(pos + 1, 16383)
            if len(word) * 4 > MAX_WORD_BYTES and len(word.encode()) > MAX_WORD_BYTES:
                continue  # PostgreSQL refuses the whole vector; the bigram index still finds the text
            entries = positions.setdefault(word, [])
            if len(entries) < 256:
                entries.append(f"{pos}{weight}")
    return " ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(p) for w, p in positions.items())
