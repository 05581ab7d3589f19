"""Whole words typed in capitals for emphasis («ВНИМАНИЕ», «СРОЧНО»), never abbreviations."""
from __future__ import annotations

from .abbreviations import _load, is_abbreviation_token
from .base import Hit, Kind


class CapsWords(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "abbreviations.tsv", "everyday": "abbreviations-everyday.tsv", "min_letters": 2}

    def setup(self):
        rare, common = _load(self.options["dictionary"], self.options["everyday"])
        self.abbreviations = set(rare) | common

    def is_caps_word(self, text: str, settings=None) -> bool:
        if not is_abbreviation_token(text) or text in self.abbreviations:
            return False
        if settings is not None and text in (getattr(settings, "allow_abbreviations", None) or []):
            return False
        from .abbreviations import _is_caps_word
        return _is_caps_word(text)

    def check(self, ctx):
        text = ctx.document.text
        for s in ctx.sentences:
            run = []
            for t in s.tokens:
                if t.is_word and self.is_caps_word(t.text, ctx.settings):
                    run.append(t)
                    continue
                if t.is_word or t.text not in (",", "-", "—", "–", ":"):
                    yield from self._emit(run, ctx, text)
                    run = []
            yield from self._emit(run, ctx, text)

    def _emit(self, run, ctx, text):
        while run and not run[-1].is_word:
            run.pop()
        if not run or max(sum(c.isalpha() for c in t.text) for t in run) < self.options["min_letters"]:
            return
        start, end = run[0].start, run[-1].end
        fragment = text[start:end]
        fixed = fragment.lower()
        if ctx.is_sentence_start(run[0]):
            fixed = fixed[:1].upper() + fixed[1:]
        yield Hit(start, end, (fixed,), {"match": fragment})
