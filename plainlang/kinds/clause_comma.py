"""A missing comma between a leading subordinate clause and the main clause: «Если заявку одобрят
стройка начнётся летом». Prefer silence: only sentences that open with a subordinating word, have no
comma, dash, colon or semicolon at all, and hold two predicates (finite verbs, or an infinitive after
«чтобы») are looked at; the comma is put before the second predicate's subject when a noun or pronoun
in the nominative stands right before it, else before the predicate itself."""
from __future__ import annotations

from functools import lru_cache

from ..nlp import morph
from .base import Hit, Kind

PERSONAL = {"я", "мы", "вы", "он", "она", "оно", "они", "мне", "нам", "вам", "ему", "ей", "им", "меня", "нас",
            "вас", "его", "ее", "их", "мной", "нами", "вами"}
COORDINATORS = {"и", "или", "либо", "а", "но", "да"}
BREAKS = {",", "—", "–", "-", ":", ";", "(", ")"}


@lru_cache(morph.CACHE)
def _predicate(word: str) -> bool:
    """A finite verb (or short participle) in its likeliest reading («ведут», though pymorphy3 also
    offers a rare noun reading)."""
    best = morph.best(word)
    return best is not None and str(best.tag.POS) in ("VERB", "PRTS") and morph.is_known(word)


@lru_cache(morph.CACHE)
def _subject(word: str) -> bool:
    best = morph.best(word)
    return best is not None and str(best.tag.POS) in ("NOUN", "NPRO") and best.tag.case == "nomn"


class ClauseComma(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"openers": [], "min_words": 5}

    def setup(self):
        self.openers = [tuple(o.lower().split()) for o in self.options["openers"]]

    def check(self, ctx):
        for s in ctx.sentences:
            words = [t for t in s.tokens if t.is_word]
            if len(words) < self.options["min_words"]:
                continue
            if any(t.text in BREAKS for t in s.tokens):
                continue
            lows = [t.lower for t in words]
            if not any(tuple(lows[:len(o)]) == o for o in self.openers):
                continue
            if ctx.is_quoted(s.start, s.end):
                continue
            predicates = [i for i, t in enumerate(words) if t.is_cyrillic and _predicate(t.lower)]
            if lows[0] == "чтобы":
                # «Чтобы получить субсидию подайте заявление»: the first predicate is the infinitive
                first = next((i for i, t in enumerate(words) if morph.has_pos(t.lower, "INFN")), None)
                predicates = sorted({first, *predicates} - {None})
            if len(predicates) < 2 or predicates[0] == 0:
                continue
            # «Если Вы придёте и принесёте документы …»: a predicate after «и» shares the clause
            second = next((i for i in predicates[1:] if lows[i - 1] not in COORDINATORS), None)
            if second is None:
                continue
            # the main clause opens with its subject and the pronouns before the predicate:
            # «…из банка | мы Вам позвоним», «…одобрят | стройка начнётся»
            at = second
            while at - 1 > predicates[0] and words[at - 1].lower in PERSONAL:
                at -= 1
            if at == second and at - 1 > predicates[0] and _subject(words[at - 1].lower):
                at -= 1
                while at - 1 > predicates[0] and words[at - 1].lower in PERSONAL:
                    at -= 1
            left, right = words[at - 1], words[at]
            if any(t.start > left.start and t.start < right.start for t in s.tokens if not t.is_word):
                continue
            text = ctx.document.text
            yield Hit(left.start, right.end, (f"{left.text}, {right.text}",),
                      {"match": text[left.start:right.end]})
