"""One thing, one word: the first name a letter uses for a thing is the one to keep."""
from __future__ import annotations

from ..dictionary import load_table
from ..nlp import morph
from ..nlp.phrases import PhraseIndex, compile_phrase
from .base import Hit, Kind


COORDINATORS = {"и", "или", "либо", ",", "а", "также", "/"}


class Consistency(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "terminology.tsv"}

    def setup(self):
        self.phrases = []
        for row in load_table(self.options["dictionary"]).rows:
            self.phrases.append(compile_phrase(row["variant"], {"group": row["group"], "variant": row["variant"],
                                                               "preferred": None}))
        self._index = None
        self._glossary_key = None

    def index(self, settings):
        path = getattr(settings, "glossary", None)
        if self._index is None or path != self._glossary_key:
            phrases = list(self.phrases)
            if path:
                for row in load_table(path).rows:
                    cols = list(row)
                    preferred = row[cols[0]]
                    variants = [v.strip() for v in row[cols[1]].split(";") if v.strip()] if len(cols) > 2 else []
                    group = "glossary:" + preferred
                    for v in [preferred, *variants]:
                        phrases.append(compile_phrase(v, {"group": group, "variant": v, "preferred": preferred}))
            self._index = PhraseIndex(phrases)
            self._glossary_key = path
        return self._index

    def check(self, ctx):
        index = self.index(ctx.settings)
        chosen: dict[str, str] = {}
        chosen_text: dict[str, str] = {}
        found = []
        distinct: set[str] = set()
        for s in ctx.sentences:
            toks = s.tokens
            previous = None
            for phrase, first, last in index.find(toks, ctx):
                found.append((phrase, first, last, toks))
                # «обращения и запросы»: two variants joined by a conjunction are two different things
                # for this writer, so the group says nothing about consistency in this letter
                if previous is not None and previous[0].data["group"] == phrase.data["group"] \
                        and previous[0].data["variant"] != phrase.data["variant"] \
                        and 1 <= first - previous[2] - 1 <= 2 \
                        and all(t.lower in COORDINATORS for t in toks[previous[2] + 1:first]):
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
            suggestion = _like(chosen[group], toks[first:last + 1])
            yield Hit(start, end, (suggestion,),
                      {"first": chosen_text[group], "match": ctx.document.text[start:end]})


def _like(term: str, matched) -> str:
    """Put a one-word term into the case and number of the matched word."""
    words = term.split()
    if len(words) == 1 and matched:
        head = next((t for t in matched if t.is_word), None)
        if head is not None:
            out = morph.inflect_like(term, head.text)
            return out if not head.text[:1].isupper() else out[:1].upper() + out[1:]
    return term
