"""Sentence metrics: length in words, and nesting of participial and subordinate clauses."""
from __future__ import annotations

from functools import lru_cache

from ..nlp import morph
from .base import Hit, Kind

SUBORDINATORS = {"который", "что", "чтобы", "если", "когда", "поскольку", "хотя", "где", "куда", "откуда",
                 "пока", "словно", "будто", "ибо", "так как", "потому что", "чем"}


def counted_words(sentence):
    return [t for t in sentence.tokens if t.is_word]


def _after_comma(sentence, token) -> bool:
    toks = sentence.tokens
    for j, t in enumerate(toks):
        if t.start == token.start:
            return j > 0 and toks[j - 1].text == ","
    return False


class SentenceLength(Kind):
    needs = frozenset({"sentences"})
    defaults = {"max_words": 25}

    def check(self, ctx):
        limit = self.options["max_words"]
        for s in ctx.sentences:
            n = len(counted_words(s))
            if n > limit:
                yield Hit(s.start, s.end, (), {"count": n, "max": limit})


def clause_markers(sentence) -> int:
    """Participles and gerunds that open a clause, and subordinating words: each starts a clause."""
    count = 0
    words = [t for t in sentence.tokens if t.is_word]
    for i, t in enumerate(words):
        low = t.lower
        role = _clause_role(low)
        if role is None:
            continue
        if low in ("что", "чтобы") and i and words[i - 1].lower in ("то", "потому", "так", "для", "того"):
            continue
        if role == "subordinator":
            count += 1
        elif role == "как":
            if _after_comma(sentence, t):
                count += 1  # «после того, как»; a comparison («так же, как») is rarer in letters
        elif role == "GRND":
            count += 1
        elif role == "PRTF" and i + 1 < len(words):
            # a participle opens a clause when it follows a comma («документы, поданные …») or has
            # words of its own after it; before its noun («поданные документы») it is an adjective
            nxt = morph.best(words[i + 1].lower)
            if _after_comma(sentence, t) or (nxt is not None and nxt.tag.POS not in ("NOUN", "ADJF", "PRTF")):
                count += 1
    return count


@lru_cache(morph.CACHE)
def _clause_role(low: str):
    """What a word form may do for clause counting; cached per form, as most words do nothing."""
    if morph.dictionary_lemma(low) in SUBORDINATORS and morph.has_pos(low, "CONJ", "ADJF", "NPRO", "ADVB"):
        return "subordinator"
    if low == "как":
        return "как"
    best = morph.best(low)
    if best is not None and best.tag.POS in ("GRND", "PRTF"):
        return str(best.tag.POS)  # a plain string: pymorphy3's own refuses comparison with "как"
    return None


class Nesting(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"max_clauses": 3, "min_words": 12, "max_words": 25}

    def check(self, ctx):
        for s in ctx.sentences:
            n = len(counted_words(s))
            if n < self.options["min_words"] or n > self.options["max_words"]:
                continue  # short sentences stay readable; long ones are S501's
            clauses = clause_markers(s)
            if clauses >= self.options["max_clauses"]:
                yield Hit(s.start, s.end, (), {"count": clauses, "words": n})


CLAUSE_RELATIONS = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "csubj:pass"}


class SyntaxNesting(Kind):
    """Clause depth from natasha's dependency parse: how many clauses stand inside one another."""
    needs = frozenset({"sentences", "syntax"})
    defaults = {"max_depth": 3, "max_clauses": 3, "min_words": 12}

    def check(self, ctx):
        from ..nlp import syntax
        chosen = [s for s in ctx.sentences if len(counted_words(s)) >= self.options["min_words"]]
        trees = syntax.parse_many([tuple(t.text for t in s.tokens) for s in chosen]) if chosen else []
        for s, tree in zip(chosen, trees):
            depth = _clause_depth(tree)
            clauses = sum(1 for _, _, rel in tree if rel in CLAUSE_RELATIONS)
            if depth >= self.options["max_depth"] or clauses >= self.options["max_clauses"]:
                yield Hit(s.start, s.end, (), {"count": clauses, "depth": depth, "words": len(counted_words(s))})


def _clause_depth(tree) -> int:
    heads = {i: (h, rel) for i, h, rel in tree}
    best = 0
    for i in heads:
        depth, node, seen = 0, i, set()
        while node in heads and node not in seen:
            seen.add(node)
            h, rel = heads[node]
            if rel in CLAUSE_RELATIONS:
                depth += 1
            node = h
        best = max(best, depth)
    return best
