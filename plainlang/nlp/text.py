"""Sentences and tokens from razdel, with offsets into Document.text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD = re.compile(r"[^\W_]", re.UNICODE)
MAX_WORD = 60
_CYR = re.compile(r"^[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*$")


class Token:
    """A razdel token with offsets into Document.text; `lower` and `is_word` are computed once,
    because every rule asks for them."""
    __slots__ = ("start", "end", "text", "lower", "is_word", "is_cyrillic")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text
        known = _FACTS.get(text)
        if known is None:
            known = _facts(text)
        self.lower, self.is_word, self.is_cyrillic = known

    def __repr__(self):
        return f"Token({self.start}, {self.end}, {self.text!r})"


_FACTS: dict[str, tuple] = {}


def _facts(text: str) -> tuple:
    lower = text.lower().replace("ё", "е")
    # a "word" of hundreds of letters (a pasted hash, a broken file) is not language: no rule reads it
    is_word = len(text) <= MAX_WORD and _WORD.search(text) is not None
    out = (lower, is_word, is_word and _CYR.match(text) is not None)
    if len(_FACTS) < 500_000:  # the same few thousand forms recur; a bound keeps odd input from growing it
        _FACTS[text] = out
    return out


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    block: int                      # index into Document.blocks
    tokens: list[Token] = field(default_factory=list)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]


def split_block(prose: str, offset: int, block_index: int) -> list[Sentence]:
    from razdel import sentenize, tokenize
    out = []
    for sent in sentenize(prose):
        if not sent.text.strip():
            continue
        start = offset + sent.start
        tokens = [Token(start + t.start, start + t.stop, t.text) for t in tokenize(sent.text)]
        out.append(Sentence(start, offset + sent.stop, sent.text, block_index, tokens))
    return out
