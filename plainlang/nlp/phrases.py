"""Phrases matched on lemmas: one dictionary row finds every inflection of its words.

A phrase is a list of elements: a word slot (lemmas, or exact forms for `=word`), a punctuation mark,
or a gap `...` of up to GAP words. The index maps the first slot's lemmas to phrases, so a sentence is
scanned once whatever the size of the dictionary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import morph
from .vocabulary import PassingWords

GAP = 3
_PUNCT = re.compile(r"^[^\w\s]+$")
_STOPS = {".", "!", "?", ";", "…"}


@dataclass(frozen=True)
class Slot:
    lemmas: frozenset = frozenset()
    forms: frozenset = frozenset()
    verbal: bool = False   # a verb written in the dictionary matches verb readings only

    def matches(self, token, ctx) -> bool:
        if not token.is_word:
            return False
        low = token.lower
        if low in self.forms:
            return True
        if not self.lemmas:
            return False
        if self.verbal:
            return bool(self.lemmas & morph.verbal_lemmas(low))
        return bool(self.lemmas & ctx.lemmas(token))


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
                if "Fixd" in q.tag or "Abbr" in q.tag:
                    continue  # indeclinable readings («по» as a name) agree with anything
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


_PIECES = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]+")


def _chunks(phrase: str):
    # Dictionary phrases are written with spaces around punctuation, so a plain split (with a
    # regular expression for the odd «отметить,») gives razdel's tokens without paying for razdel.
    for chunk in phrase.split():
        if chunk in ("...", ">agree") or chunk.startswith("=") or "|" in chunk:
            yield chunk
        else:
            yield from _PIECES.findall(chunk)


def compile_phrase(phrase: str, data: dict | None = None) -> Phrase:
    from .. import phrase_cache
    elements = phrase_cache.get(phrase)
    if elements is None:
        elements = _compile(phrase)
        phrase_cache.put(phrase, elements)
    return Phrase(phrase, elements, data or {})


def _compile(phrase: str) -> tuple:
    elements = []
    for chunk in _chunks(phrase):
        if chunk == "...":
            elements.append(Gap())
        elif chunk == ">agree":
            elements.append(Agree())
        elif _PUNCT.match(chunk):
            elements.append(Punct(chunk))
        else:
            lemmas, forms, verbs = set(), set(), []
            for alt in chunk.split("|"):
                alt = alt.strip().lower().replace("ё", "е")
                if alt.startswith("="):
                    forms.add(alt[1:])
                elif alt:
                    lemmas.add(morph.dictionary_lemma(alt))
                    forms.add(alt)
                    verbs.append(morph.is_verb_lemma(alt))
            elements.append(Slot(frozenset(lemmas), frozenset(forms), bool(verbs) and all(verbs)))
    if any(isinstance(e, Agree) for e in elements[:-1]) or (elements and isinstance(elements[0], Agree)):
        raise ValueError(f"«>agree» ставится только в конце фразы после слова: {phrase!r}")
    if not elements or not isinstance(elements[0], Slot) or isinstance(elements[-1], Gap):
        raise ValueError(f"фраза должна начинаться и кончаться словом: {phrase!r}")
    return tuple(elements)


@lru_cache(200_000)
def _keys(lower: str) -> tuple:
    """A word's index keys: its own form and every lemma it may have."""
    return (lower, *morph.lemmas(lower))


class PhraseIndex:
    """Two-level index: the first word's keys, then the second element's keys. Most phrases start
    with a common preposition («в», «по»), so looking at the second word too saves most match attempts."""

    def __init__(self, phrases: list[Phrase]):
        self.by_key: dict[str, dict] = {}
        self._level_cache: dict[str, list] = {}
        self._pair_cache: dict[tuple, tuple] = {}
        self._starters = PassingWords(lambda tok, ctx: tok.is_word and bool(self._levels(tok.lower)))
        for ph in phrases:
            first = ph.elements[0]
            second = ph.elements[1] if len(ph.elements) > 1 else None
            if isinstance(second, Slot):
                keys2 = second.lemmas | second.forms
            elif isinstance(second, Punct):
                keys2 = {second.text}
            else:
                keys2 = {None}  # one-word phrase, gap or lookahead next: try on every token
            for key in first.lemmas | first.forms:
                level = self.by_key.setdefault(key, {})
                for k2 in keys2:
                    level.setdefault(k2, []).append(ph)

    def _levels(self, lower: str) -> list:
        found = self._level_cache.get(lower)
        if found is None:
            found = self._level_cache[lower] = [self.by_key[k] for k in _keys(lower) if k in self.by_key]
        return found

    def starting_texts(self, ctx) -> set:
        """The texts of a document's vocabulary that may start a phrase, each looked up once per run."""
        return self._starters(ctx)

    def candidates(self, tokens, i, ctx):
        """Phrases that may start at token i, judged by its keys and the next token's. The answer
        depends on the two forms only, so it is cached per pair (most pairs recur)."""
        levels = self._levels(tokens[i].lower)
        if not levels:
            return ()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        pair = (tokens[i].lower, None if nxt is None else (nxt.lower, nxt.is_word))
        found = self._pair_cache.get(pair)
        if found is None:
            keys2 = [None]
            if nxt is not None:
                keys2 += _keys(nxt.lower) if nxt.is_word else [nxt.text]
            out, seen = [], set()
            for level in levels:
                for k2 in keys2:
                    for ph in level.get(k2, ()):
                        if id(ph) not in seen:
                            seen.add(id(ph))
                            out.append(ph)
            found = tuple(out)
            if len(self._pair_cache) < 200_000:
                self._pair_cache[pair] = found
        return found

    def find(self, tokens, ctx):
        """Longest non-overlapping matches in a token list: yields (phrase, first, last) token indexes."""
        i = 0
        while i < len(tokens):
            best = None
            if tokens[i].is_word:
                for ph in self.candidates(tokens, i, ctx):
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


def match_at(elements, tokens, i, ctx):
    """Index after the last token of a match of `elements` starting at token i, or None."""
    return _match(elements, 0, tokens, i, ctx)
