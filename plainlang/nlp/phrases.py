"""Phrases matched on lemmas: one dictionary row finds every inflection of its words.

A phrase is a list of elements: a word slot (lemmas, or exact forms for `=word`), a punctuation mark,
or a gap `...` of up to GAP words. The index maps the first slot's lemmas to phrases, so a sentence is
scanned once whatever the size of the dictionary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import morph

GAP = 3
_PUNCT = re.compile(r"^[^\w\s]+$")
_STOPS = {".", "!", "?", ";", "…"}


@dataclass(frozen=True)
class Slot:
    lemmas: frozenset = frozenset()
    forms: frozenset = frozenset()

    def matches(self, token, ctx) -> bool:
        if not token.is_word:
            return False
        low = token.lower
        return low in self.forms or bool(self.lemmas and (self.lemmas & ctx.lemmas(token)))


@dataclass(frozen=True)
class Punct:
    text: str

    def matches(self, token, ctx) -> bool:
        return token.text == self.text


@dataclass(frozen=True)
class Agree:
    """`>agree` after an adjective-like word: the next word must agree with it in case and number
    («данного вопроса»), so the noun «данные» («данные о заявке») does not match «данный»."""

    def matches(self, prev, token, ctx) -> bool:
        if token is None or not token.is_word:
            return False
        for p in morph.parses(prev.lower):
            if p.tag.POS not in ("ADJF", "PRTF"):
                continue
            for q in morph.parses(token.lower):
                if q.tag.POS in ("NOUN", "ADJF", "PRTF") and q.tag.case == p.tag.case and q.tag.number == p.tag.number:
                    if p.tag.number == "sing" and q.tag.gender and p.tag.gender and q.tag.gender != p.tag.gender:
                        continue
                    return True
        return False


@dataclass(frozen=True)
class Gap:
    size: int = GAP


@dataclass
class Phrase:
    source: str
    elements: tuple
    data: dict = field(default_factory=dict)


def _chunks(phrase: str):
    from razdel import tokenize
    for chunk in phrase.split():
        if chunk == "..." or chunk.startswith("=") or "|" in chunk:
            yield chunk
        else:
            for tok in tokenize(chunk):
                yield tok.text


def compile_phrase(phrase: str, data: dict | None = None) -> Phrase:
    elements = []
    for chunk in _chunks(phrase):
        if chunk == "...":
            elements.append(Gap())
        elif chunk == ">agree":
            elements.append(Agree())
        elif _PUNCT.match(chunk):
            elements.append(Punct(chunk))
        else:
            lemmas, forms = set(), set()
            for alt in chunk.split("|"):
                alt = alt.strip().lower().replace("ё", "е")
                if alt.startswith("="):
                    forms.add(alt[1:])
                elif alt:
                    lemmas.add(morph.dictionary_lemma(alt))
                    forms.add(alt)
            elements.append(Slot(frozenset(lemmas), frozenset(forms)))
    if any(isinstance(e, Agree) for e in elements[:-1]) or (elements and isinstance(elements[0], Agree)):
        raise ValueError(f"«>agree» ставится только в конце фразы после слова: {phrase!r}")
    if not elements or not isinstance(elements[0], Slot) or isinstance(elements[-1], Gap):
        raise ValueError(f"фраза должна начинаться и кончаться словом: {phrase!r}")
    return Phrase(phrase, tuple(elements), data or {})


class PhraseIndex:
    def __init__(self, phrases: list[Phrase]):
        self.by_key: dict[str, list[Phrase]] = {}
        for ph in phrases:
            first = ph.elements[0]
            for key in first.lemmas | first.forms:
                self.by_key.setdefault(key, []).append(ph)

    def candidates(self, token, ctx):
        seen = set()
        for key in (token.lower, *ctx.lemmas(token)):
            for ph in self.by_key.get(key, ()):
                if id(ph) not in seen:
                    seen.add(id(ph))
                    yield ph

    def find(self, tokens, ctx):
        """Longest non-overlapping matches in a token list: yields (phrase, first, last) token indexes."""
        i = 0
        while i < len(tokens):
            best = None
            if tokens[i].is_word:
                for ph in self.candidates(tokens[i], ctx):
                    end = _match(ph.elements, 0, tokens, i, ctx)
                    if end is not None and (best is None or end > best[1]):
                        best = (ph, end)
            if best:
                yield best[0], i, best[1] - 1
                i = best[1]
            else:
                i += 1


def _match(elements, e, tokens, t, ctx):
    """Index after the last matched token, or None. Gaps take as few words as they can."""
    if e == len(elements):
        return t
    el = elements[e]
    if isinstance(el, Agree):
        nxt = tokens[t] if t < len(tokens) else None
        return t if t and el.matches(tokens[t - 1], nxt, ctx) else None
    if isinstance(el, Gap):
        for skip in range(0, el.size + 1):
            if skip and (t + skip - 1 >= len(tokens) or tokens[t + skip - 1].text in _STOPS):
                break
            found = _match(elements, e + 1, tokens, t + skip, ctx)
            if found is not None:
                return found
        return None
    if t >= len(tokens) or not el.matches(tokens[t], ctx):
        return None
    return _match(elements, e + 1, tokens, t + 1, ctx)
