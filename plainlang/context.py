"""Everything a rule may ask about a document, each layer built on first request and then shared."""
from __future__ import annotations

import re
from functools import cached_property

from .nlp.morph import lemmas as _lemmas  # the module imports pymorphy3 only on first parse

_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}
_QUOTE_CHARS = re.compile('[«»„“”"]')


class Context:
    def __init__(self, document, settings=None):
        self.document = document
        self.settings = settings or {}
        self._memo: dict = {}

    def memo(self, key, build):
        """A result computed once per document and shared by the rules that ask for it."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]

    @cached_property
    def sentences(self):
        from .nlp.text import split_block
        out = []
        for i, block in enumerate(self.document.blocks):
            out.extend(split_block(block.prose, block.start, i))
        return out

    @cached_property
    def vocabulary(self) -> dict:
        """Each distinct token text: one token that has it, and its places as (sentence, token) indexes.
        Rules that test words one by one test each distinct word once."""
        out: dict = {}
        for si, s in enumerate(self.sentences):
            for ti, t in enumerate(s.tokens):
                entry = out.get(t.text)
                if entry is None:
                    out[t.text] = (t, [(si, ti)])
                else:
                    entry[1].append((si, ti))
        return out

    @cached_property
    def vocabulary_set(self) -> frozenset:
        """The distinct token texts as a set: set operations against it run at C speed."""
        return frozenset(self.vocabulary)

    @cached_property
    def _by_block(self) -> dict[int, list]:
        out: dict[int, list] = {}
        for s in self.sentences:
            out.setdefault(s.block, []).append(s)
        return out

    def block_sentences(self, index: int):
        return self._by_block.get(index, [])

    @staticmethod
    def lemmas(token):
        return _lemmas(token.lower) if token.is_word else frozenset()

    @cached_property
    def quoted_ranges(self) -> list[tuple[int, int]]:
        """Ranges inside quotation marks: quoted law titles, contract clauses and names are not the
        writer's own words, so most rules leave them alone."""
        ranges = []
        text = self.document.text
        for block in self.document.blocks:
            stack: list[tuple[str, int]] = []
            # only the quotation marks matter: jump from one to the next
            for m in _QUOTE_CHARS.finditer(text, block.start, block.end):
                ch, i = m.group(), m.start()
                if stack and ch == stack[-1][0]:
                    _, s = stack.pop()
                    if not stack:
                        ranges.append((s, i + 1))
                elif ch in _QUOTES and (ch != '"' or not stack):
                    stack.append((_QUOTES[ch], i))
        return ranges

    def is_quoted(self, start: int, end: int) -> bool:
        # quoted ranges are sorted and do not overlap: look only at the last one starting before `start`
        import bisect
        ranges = self.quoted_ranges
        i = bisect.bisect_left(ranges, (start, -1)) - 1
        return i >= 0 and ranges[i][0] < start and end <= ranges[i][1]

    @cached_property
    def _sentence_starts(self) -> set[int]:
        return {s.words[0].start for s in self.sentences if s.words}

    def is_sentence_start(self, token) -> bool:
        return token.start in self._sentence_starts
