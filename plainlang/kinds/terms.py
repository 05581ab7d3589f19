"""Specialist terms left unexplained: the first use should carry a plain explanation."""
from __future__ import annotations

from ..dictionary import load_table
from ..nlp.phrases import compile_phrase
from .base import Hit, Kind
from .lexicon import PhrasePass

EXPLAINERS = {"это", "означает", "значит", "называется", "называют", "т", "то", "например", "—", "–", "-", "("}


class ExplainTerm(PhrasePass, Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "complex-terms.tsv"}

    def setup(self):
        rows = load_table(self.options["dictionary"]).rows
        self.phrases = [compile_phrase(r["term"], r) for r in rows]

    def check(self, ctx):
        first: dict[str, tuple] = {}
        explained: set[str] = set()
        sentences = ctx.sentences
        following = {id(s): (sentences[n + 1] if n + 1 < len(sentences) else None) for n, s in enumerate(sentences)}
        for phrase, a, b, s in self.matches(ctx):
            toks = s.tokens
            nxt = following[id(s)]
            term = phrase.data["term"]
            if ctx.is_quoted(toks[a].start, toks[b].end):
                continue
            # «… из маневренного фонда. Это квартиры, которые …»: the next sentence explains it
            if _explained(toks, a, b) or (b >= len(toks) - 2 and nxt is not None and _opens_explanation(nxt)):
                explained.add(term)
            first.setdefault(term, (toks[a], toks[b], phrase.data))
        for term, (ta, tb, row) in first.items():
            if term in explained:
                continue
            fragment = ctx.document.text[ta.start:tb.end]
            yield Hit(ta.start, tb.end, (f"{fragment} ({row['explanation']})",),
                      {"explanation": row["explanation"], "term": term})


def _explained(toks, a, b) -> bool:
    after = [t.lower for t in toks[b + 1:b + 4]]
    before = toks[a - 1].text if a else ""
    if after and (after[0] in ("(", "—", "–", "-", ",") and len(after) > 1 and after[1] in EXPLAINERS | {"то", "т"}):
        return True
    if after and after[0] in ("(", "—", "–"):
        return True
    if after and after[0] in ("это", "означает", "называется"):
        return True
    if before == "(" or (a >= 2 and toks[a - 2].lower in ("называется", "называют", "называемый", "называемая")):
        return True
    return False


def _opens_explanation(sentence) -> bool:
    words = [t.lower for t in sentence.tokens[:3]]
    return bool(words) and (words[0] in ("это", "так", "то") and (words[0] != "так" or words[1:2] == ["называют"])
                            and (words[0] != "то" or words[1:2] == ["есть"]))
