"""Sentences and tokens from razdel, with offsets into Document.text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

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
    from razdel import sentenize
    out = []
    for sent in sentenize(prose):
        if not sent.text.strip():
            continue
        start = offset + sent.start
        tokens = [Token(start + a, start + b, text) for a, b, text in tokenize(sent.text)]
        out.append(Sentence(start, offset + sent.stop, sent.text, block_index, tokens))
    return out


_CHUNK = re.compile(r"\S+")
def _plain_atoms(atom_re, joining, text: str, a: int, b: int):
    """The atoms of a chunk when it alternates Cyrillic words and single safe punctuation marks, else None."""
    atoms = []
    previous = None
    for m in atom_re.finditer(text, a, b):
        kind = m.lastgroup
        if kind == "RU":
            if previous == "RU":
                return None
        elif kind == "PUNCT":
            if previous == "PUNCT" or text[m.start()] in joining:
                return None
        else:
            return None
        previous = kind
        atoms.append((m.start(), m.end(), m.group()))
    return atoms


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of `text` as (start, stop, text), computed faster with the same result.

    razdel splits text into atoms (a run of Cyrillic or Latin letters, a number, one punctuation mark)
    and then decides, for each pair of atoms with no space between them, whether to join them; its
    rules look at most one more atom to each side. A space-separated chunk that is a single atom
    (most words) therefore is one token whatever surrounds it, and needs no decision. Every other chunk
    goes to razdel itself, with its neighbouring chunks as context so that its rules see the same
    atoms; tests/test_tokenize.py compares the two on the corpus and on random text.

    One more chunk needs no decision: Cyrillic words with single punctuation marks between them
    («слово,», «(слово)», «вы.»). razdel joins such a pair only when the mark is a dash or an
    underscore (a hyphenated word); two marks in a row, digits, Latin and other signs go to razdel."""
    from razdel import tokenize as razdel_tokenize
    from razdel.segmenters.tokenize import ATOM
    chunk_re, joining = _chunk_pattern()
    out = []
    append = out.append
    chunks = list(chunk_re.finditer(text))
    for k, m in enumerate(chunks):
        if m.lastgroup != "complex":
            append((m.start(), m.end(), m.group()))
            continue
        a, b = m.span()
        atoms = _plain_atoms(ATOM, joining, text, a, b)
        if atoms is not None:
            out.extend(atoms)
            continue
        lo = chunks[k - 1].start() if k else a
        hi = chunks[k + 1].end() if k + 1 < len(chunks) else b
        for tok in razdel_tokenize(text[lo:hi]):
            start = lo + tok.start
            if a <= start < b:
                append((start, lo + tok.stop, tok.text))
    return out


@cache
def _chunk_pattern():
    """One pass over the text: a space-separated chunk that is exactly one of razdel's atoms (its own
    pattern, followed by a space or the end), or any other chunk. Each atom type starts with its own
    kind of character, so «one atom» here is the same as razdel's first atom covering the chunk."""
    from razdel.segmenters.punct import DASHES
    from razdel.segmenters.tokenize import ATOM
    pattern = re.compile("(?P<simple>(?>" + ATOM.pattern + r")(?!\S))|(?P<complex>\S+)", ATOM.flags)
    return pattern, DASHES + "_"  # razdel's dashes and the underscore join the words around them
