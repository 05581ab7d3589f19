"""Whole words typed in capitals for emphasis («ВНИМАНИЕ», «СРОЧНО»), never abbreviations."""
from __future__ import annotations

from .abbreviations import _load, is_abbreviation_token
from .base import Hit, Kind


class CapsWords(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "abbreviations.tsv", "everyday": "abbreviations-everyday.tsv", "min_letters": 2,
                "letterhead_words": []}

    def setup(self):
        rare, common = _load(self.options["dictionary"], self.options["everyday"])
        self.abbreviations = set(rare) | common

    def is_caps_word(self, text: str, settings=None) -> bool:
        if not is_abbreviation_token(text) or text in self.abbreviations:
            return False
        if settings is not None and text in (getattr(settings, "allow_abbreviations", None) or []):
            return False
        from .abbreviations import is_caps_word_text
        return is_caps_word_text(text)

    def check(self, ctx):
        text = ctx.document.text
        # most letters have no word in capitals: look at each distinct word once, and stop early
        caps = {w for w in ctx.vocabulary_set if w[:2].isupper() and self.is_caps_word(w, ctx.settings)}
        if not caps:
            return
        for s in ctx.sentences:
            run = []
            for t in s.tokens:
                if t.text in caps and t.is_word:
                    run.append(t)
                    continue
                if run and len(t.text) == 1 and t.text.isupper():
                    run.append(t)  # «НАУКИ И НОВЫХ»: a one-letter word inside capitals continues the run
                    continue
                if t.is_word or t.text not in (",", "-", "—", "–", ":"):
                    yield from self._emit(run, ctx, text)
                    run = []
            yield from self._emit(run, ctx, text)

    def _emit(self, run, ctx, text):
        while run and (not run[-1].is_word or len(run[-1].text) == 1):
            run.pop()
        if not run or max(sum(c.isalpha() for c in t.text) for t in run) < self.options["min_letters"]:
            return
        # a letterhead («МИНИСТЕРСТВО ПРОМЫШЛЕННОСТИ …») is the office's name set by its rules of
        # paperwork, not emphasis in the letter's text
        heads = set(self.options["letterhead_words"])
        if heads and any(ctx.lemmas(t) & heads for t in run):
            return
        start, end = run[0].start, run[-1].end
        fragment = text[start:end]
        fixed = fragment.lower()
        if ctx.is_sentence_start(run[0]):
            fixed = fixed[:1].upper() + fixed[1:]
        yield Hit(start, end, (fixed,), {"match": fragment})
