"""One thing, one word: the first name a letter uses for a thing is the one to keep."""
from __future__ import annotations

from ..dictionary import load_table
from ..nlp import morph
from ..nlp.phrases import PhraseIndex, compile_phrase
from .base import Hit, Kind
from .lexicon import PhrasePass


COORDINATORS = {"и", "или", "либо", ",", "а", "также", "/"}
DASHES = {"—", "–", "-"}


def _defines(between: list[str]) -> bool:
    """Words between two names of one thing that make the second explain the first:
    «— это», «то есть», «(», «или» after a comma, «иначе говоря»."""
    text = " ".join(between)
    return (any(d in between for d in DASHES) and "это" in between) or "то есть" in text or "(" in between \
        or "иначе говоря" in text or "называемый" in text


class Consistency(PhrasePass, Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "terminology.tsv"}

    def setup(self):
        self.phrases = []
        for row in load_table(self.options["dictionary"]).rows:
            self.phrases.append(compile_phrase(row["variant"], {"group": row["group"], "variant": row["variant"],
                                                               "preferred": None}))
        self._index = None
        self._all = None
        self._glossary_key = None

    def phrase_list(self) -> list:
        """The dictionary's groups plus the user's glossary (settings are known once the plan is built)."""
        path = getattr(getattr(self, "settings", None), "glossary", None)
        if path != self._glossary_key or self._all is None:
            phrases = list(self.phrases)
            if path:
                for row in load_table(path).rows:
                    cols = [c for c in row if c != "_line"]
                    preferred = row[cols[0]]
                    variants = [v.strip() for v in row[cols[1]].split(";") if v.strip()] if len(cols) > 1 else []
                    group = "glossary:" + preferred
                    for v in [preferred, *variants]:
                        phrases.append(compile_phrase(v, {"group": group, "variant": v, "preferred": preferred}))
            self._all, self._index, self._glossary_key = phrases, None, path
        return self._all

    def own_index(self):
        phrases = self.phrase_list()
        if self._index is None:
            self._index = PhraseIndex(phrases)
        return self._index

    def check(self, ctx):
        chosen: dict[str, str] = {}
        chosen_text: dict[str, str] = {}
        found = []
        distinct: set[str] = set()
        previous, previous_sentence = None, None
        for phrase, first, last, sentence in self.matches(ctx):
            toks = sentence.tokens
            if sentence is not previous_sentence:
                previous, previous_sentence = None, sentence
            found.append((phrase, first, last, toks))
            # «обращения и запросы»: two variants joined by a conjunction are two different things
            # for this writer, so the group says nothing about consistency in this letter
            if previous is not None and previous[0].data["group"] == phrase.data["group"] \
                    and previous[0].data["variant"] != phrase.data["variant"]:
                between = [t.lower for t in toks[previous[2] + 1:first]]
                if 1 <= len(between) <= 2 and all(t in COORDINATORS for t in between):
                    distinct.add(phrase.data["group"])
                # «Придомовая территория — это двор»: one word explains the other, as the rules ask
                elif _defines(between):
                    distinct.add(phrase.data["group"])
            previous = (phrase, first, last)
        for phrase, first, last, toks in found:
            if phrase.data["group"] in distinct:
                continue
            start, end = toks[first].start, toks[last].end
            if ctx.is_quoted(start, end):
                continue
            group, variant = phrase.data["group"], phrase.data["variant"]
            preferred = phrase.data["preferred"]
            if group not in chosen:
                chosen[group] = preferred or variant
                chosen_text[group] = preferred or ctx.document.text[start:end]
                if preferred is None or variant == preferred:
                    continue
            if variant == chosen[group]:
                continue
            suggestion = _like(chosen[group], toks[first:last + 1], first == 0 or ctx.is_sentence_start(toks[first]))
            yield Hit(start, end, (suggestion,),
                      {"first": chosen_text[group], "match": ctx.document.text[start:end]})


def _like(term: str, matched, opens_sentence: bool = False) -> str:
    """Put a one-word term into the case and number of the matched word (a word opening a sentence
    is taken as the subject when its form could also be the object)."""
    words = term.split()
    if len(words) == 1 and matched:
        head = next((t for t in matched if t.is_word), None)
        if head is not None:
            out = morph.inflect_like(term, head.text, prefer_case="nomn" if opens_sentence else "")
            return out if not head.text[:1].isupper() else out[:1].upper() + out[1:]
    return term
