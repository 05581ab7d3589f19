"""Document structure: walls of text, and a preamble that pushes the answer down."""
from __future__ import annotations

import re

from ..nlp.phrases import PhraseIndex, compile_phrase
from .base import Hit, Kind

BODY_KINDS = ("paragraph", "list-item")
GREETING = re.compile(r"\s*(уважаем|здравствуйте|добрый (день|вечер|утро)|дорог)", re.IGNORECASE)


class ParagraphLength(Kind):
    needs = frozenset({"sentences"})
    defaults = {"max_words": 100, "max_sentences": 6, "min_words_for_sentences": 70}

    def check(self, ctx):
        for i, block in enumerate(ctx.document.blocks):
            if block.kind not in BODY_KINDS or not block.is_body():
                continue
            sents = ctx.block_sentences(i)
            words = sum(len(s.words) for s in sents)
            many = len(sents) > self.options["max_sentences"] and words >= self.options["min_words_for_sentences"]
            if words > self.options["max_words"] or many:
                yield Hit(block.start, block.end, (), {"words": words, "sentences": len(sents)},
                          paragraph=block.paragraph)


class Preamble(Kind):
    """The first paragraph of substance only retells the request and cites documents: the reader
    has to get through it before learning the answer."""
    needs = frozenset({"sentences", "morph"})
    defaults = {"markers": [], "min_words": 30, "share": 0.5}

    def setup(self):
        self.index = PhraseIndex([compile_phrase(m) for m in self.options["markers"]])

    def check(self, ctx):
        blocks = [(i, b) for i, b in enumerate(ctx.document.blocks) if b.kind in BODY_KINDS and b.is_body()]
        # the letterhead, the addressee and the reference number come before the greeting; the
        # letter itself starts after «Уважаемый …!»
        for n, (i, b) in enumerate(blocks):
            if GREETING.match(ctx.document.text, b.start):
                blocks = blocks[n + 1:]
                break
        substantive = [(i, b) for i, b in blocks if sum(len(s.words) for s in ctx.block_sentences(i)) >= 8]
        if len(substantive) < 2:
            return
        i, block = substantive[0]
        sents = ctx.block_sentences(i)
        words = sum(len(s.words) for s in sents)
        if words < self.options["min_words"]:
            return
        marked = sum(1 for s in sents if any(True for _ in self.index.find(s.tokens, ctx)))
        if sents and marked / len(sents) >= self.options["share"]:
            yield Hit(block.start, block.end, (), {"words": words}, paragraph=block.paragraph)
