"""Everything a rule may ask about a document, each layer built on first request and then shared."""
from __future__ import annotations

from functools import cached_property

_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


class Context:
    def __init__(self, document, settings=None):
        self.document = document
        self.settings = settings or {}

    @cached_property
    def sentences(self):
        from .nlp.text import split_block
        out = []
        for i, block in enumerate(self.document.blocks):
            out.extend(split_block(block.prose, block.start, i))
        return out

    def block_sentences(self, index: int):
        return [s for s in self.sentences if s.block == index]

    @staticmethod
    def lemmas(token):
        from .nlp.morph import lemmas
        return lemmas(token.lower) if token.is_word else frozenset()

    @cached_property
    def quoted_ranges(self) -> list[tuple[int, int]]:
        """Ranges inside quotation marks: quoted law titles, contract clauses and names are not the
        writer's own words, so most rules leave them alone."""
        ranges = []
        text = self.document.text
        for block in self.document.blocks:
            stack: list[tuple[str, int]] = []
            for i in range(block.start, block.end):
                ch = text[i]
                if stack and ch == stack[-1][0]:
                    _, s = stack.pop()
                    if not stack:
                        ranges.append((s, i + 1))
                elif ch in _QUOTES and (ch != '"' or not stack):
                    stack.append((_QUOTES[ch], i))
        return ranges

    def is_quoted(self, start: int, end: int) -> bool:
        return any(s < start and end <= e for s, e in self.quoted_ranges)

    def is_sentence_start(self, token) -> bool:
        for s in self.sentences:
            if s.start <= token.start < s.end:
                words = s.words
                return bool(words) and words[0].start == token.start
        return False
