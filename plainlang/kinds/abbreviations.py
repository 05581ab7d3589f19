"""Abbreviations: rare ones and those used before they are expanded.

An occurrence expands the abbreviation when it stands in brackets right after the full name
(«единый портал госуслуг (ЕПГУ)») or is followed by the full name in brackets or after a dash
(«ЕПГУ (единый портал госуслуг)»). Everyday abbreviations (РФ, ИНН, МФЦ) need no expansion.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dictionary import load_table
from ..nlp import morph
from .base import Hit, Kind

ABBR = re.compile(r"^[А-ЯЁ][А-ЯЁ0-9]*(?:-[А-ЯЁ0-9]+)?$")
DASHES = ("—", "–", "-")


@lru_cache(8)
def _load(dictionary: str, everyday: str):
    rare = {r["abbr"]: r["expansion"] for r in load_table(dictionary).rows}
    common = {r["abbr"] for r in load_table(everyday).rows}
    return rare, common


def user_abbreviations(settings) -> dict:
    path = getattr(settings, "abbreviations", None)
    if not path:
        return {}
    table = load_table(path)
    return {r[table.columns[0]]: r[table.columns[1]] if len(table.columns) > 1 else "" for r in table.rows}


def is_abbreviation_token(text: str) -> bool:
    if len(text) < 2 or not text[:2].isupper():
        return False  # most tokens: a cheap test before the regular expression
    letters = sum(1 for c in text if c.isalpha())
    return letters >= 2 and bool(ABBR.match(text))


class DefineFirst(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "abbreviations.tsv", "everyday": "abbreviations-everyday.tsv",
                "unknown": True}

    def setup(self):
        self.rare, self.common = _load(self.options["dictionary"], self.options["everyday"])

    def check(self, ctx):
        rare = {**self.rare, **user_abbreviations(ctx.settings)}
        allowed = self.common | set(getattr(ctx.settings, "allow_abbreviations", []) or [])
        first_use: dict[str, tuple] = {}
        defined_at: dict[str, int] = {}
        if not any(is_abbreviation_token(w) and w not in allowed for w in ctx.vocabulary_set):
            return  # no abbreviation in the letter: nothing to look at token by token
        for s in ctx.sentences:
            toks = s.tokens
            text = ctx.document.text
            for i, t in enumerate(toks):
                if not is_abbreviation_token(t.text) or t.text in allowed:
                    continue
                if (t.start and text[t.start - 1].isalnum()) or (t.end < len(text) and text[t.end].isalnum()):
                    continue  # letters inside a code or number («72РПО0001234») are not an abbreviation
                key = t.text
                if key not in rare:
                    if not self.options["unknown"] or is_caps_word_text(key):
                        continue
                if _expands_here(toks, i):
                    defined_at.setdefault(key, t.start)
                if key not in first_use:
                    first_use[key] = (t, _expands_here(toks, i))
        for key, (tok, expanded) in first_use.items():
            if expanded:
                continue
            expansion = rare.get(key, "")
            suggestions = (f"{expansion} ({key})",) if expansion else ()
            if key in defined_at:
                template = "late"
            elif expansion:
                template = "message"
            else:
                template = "nosuggest"
            yield Hit(tok.start, tok.end, suggestions, {"abbr": key, "expansion": expansion}, template)


FUNCTION_POS = ("PREP", "CONJ", "PRCL", "NPRO", "ADVB", "PRED")


def is_caps_word_text(text: str) -> bool:
    """A word typed in capitals for emphasis (ВНИМАНИЕ, НЕ, ДО) is the caps rule's business, not an
    abbreviation. Two-letter capitals count as words only when they are particles or prepositions."""
    low = text.lower()
    if len(text) >= 3:
        return morph.is_known(low)
    best = morph.best(low)
    return best is not None and best.tag.POS in FUNCTION_POS and morph.is_known(low)


def _expands_here(toks, i) -> bool:
    before = toks[i - 1].text if i else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    if before == "(" and after == ")":
        # «полное название (АББР)»: at least two words precede the bracket
        return i >= 3 and toks[i - 2].is_word
    if after == "(" and i + 2 < len(toks) and toks[i + 2].is_word and toks[i + 2].text[:1].islower():
        return True
    if after in DASHES and i + 2 < len(toks) and toks[i + 2].is_word and not toks[i + 2].text.isupper():
        return True
    return False
