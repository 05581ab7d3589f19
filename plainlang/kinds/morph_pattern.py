"""Token patterns with morphological conditions, for rules a phrase list cannot express:
a missing comma before «что», double negation, chains of verbal nouns in the genitive.

A pattern is a list of elements; each element tests one token and may repeat (`min`, `max`):
    lower: [что, чтобы]        the token's lower-case form is one of these
    lemma: [мочь]              one of its lemmas is one of these
    lemma_re: '^не.+ние$'      one of its lemmas matches
    text_re: "^[0-9]+$"        the token itself matches
    pos: [NOUN], gram: [gent]  one reading has this part of speech and all these grammemes
    not_lower / not_lemma / not_pos   the opposite tests
    word: true | punct: [","]  a word / one of these punctuation marks
    same_as: 0                 the same word (lower case) as element 0
`mark: [i, j]` chooses the elements the finding covers; `suggestion` is a template over the marked
elements' texts: "{0}, {1}".
"""
from __future__ import annotations

import re

from ..errors import ConfigError
from ..nlp import morph
from ..nlp.vocabulary import PassingWords
from .base import Hit, Kind

KEYS = {"text_re", "lower", "lemma", "lemma_re", "pos", "gram", "not_lower", "not_lemma", "not_pos", "word", "punct",
        "same_as", "min", "max", "first_upper", "not_first_upper"}


class Element:
    def __init__(self, spec: dict, rule_id: str):
        unknown = set(spec) - KEYS
        if unknown:
            raise ConfigError(f"правило {rule_id}: в шаблоне неизвестные ключи {sorted(unknown)}")
        self.spec = spec
        self.min = spec.get("min", 1)
        self.max = spec.get("max", 1)
        self.lemma_re = re.compile(spec["lemma_re"]) if "lemma_re" in spec else None
        self.text_re = re.compile(spec["text_re"]) if "text_re" in spec else None
        # every test but same_as depends on the token's text alone: remember the answers
        self._cache: dict[str, bool] | None = None if "same_as" in spec else {}
        self._passing = None
        # an element that only lists word forms is a set lookup
        only = set(spec) - {"min", "max"}
        self.lower_only = frozenset(w.replace("ё", "е") for w in spec["lower"]) if only == {"lower"} else None

    def passing(self, ctx) -> set:
        """The texts of a document's vocabulary that pass this element, each text tested once per run."""
        if self._cache is None:
            return {text for text, (tok, _) in ctx.vocabulary.items() if self._test(tok, ctx, None)}
        if self._passing is None:
            if self.lower_only is not None:
                words = self.lower_only
                self._passing = PassingWords(lambda tok, ctx: tok.lower in words)
            else:
                self._passing = PassingWords(lambda tok, ctx: self.test(tok, ctx, None))
        return self._passing(ctx)

    def test(self, tok, ctx, groups) -> bool:
        if self._cache is None:
            return self._test(tok, ctx, groups)
        known = self._cache.get(tok.text)
        if known is None:
            known = self._cache[tok.text] = self._test(tok, ctx, groups)
        return known

    def _test(self, tok, ctx, groups) -> bool:
        s = self.spec
        low = tok.lower
        if "punct" in s:
            return tok.text in s["punct"]
        if self.text_re is not None and not self.text_re.search(tok.text):
            return False
        if s.get("word") is not None and tok.is_word != s["word"]:
            return False
        if ("lower" in s or "lemma" in s or "lemma_re" in s or "pos" in s or "gram" in s
                or "same_as" in s) and not tok.is_word:
            return False
        if "lower" in s and low not in s["lower"]:
            return False
        if "not_lower" in s and low in s["not_lower"]:
            return False
        if s.get("first_upper") and not tok.text[:1].isupper():
            return False
        if s.get("not_first_upper") and tok.text[:1].isupper():
            return False
        lemmas = ctx.lemmas(tok) if tok.is_word else frozenset()
        if "lemma" in s and not (lemmas & set(s["lemma"])):
            return False
        if "not_lemma" in s and lemmas & set(s["not_lemma"]):
            return False
        if self.lemma_re is not None and not any(self.lemma_re.search(x) for x in lemmas):
            return False
        if "pos" in s or "gram" in s:
            want = set(s.get("gram", []))
            pos = set(s.get("pos", []))
            # indeclinable readings («и», «по» as abbreviations or names) would fit any case: skip them
            readings = [p for p in morph.parses(low) if "Fixd" not in p.tag] or morph.parses(low)
            # a tag's grammemes are one cached frozenset; the part of speech is one of them
            if not any((not pos or not pos.isdisjoint(g)) and want <= g for g in (p.tag.grammemes for p in readings)):
                return False
        if "not_pos" in s and tok.is_word:
            best = morph.best(low)
            if best is not None and best.tag.POS in s["not_pos"]:
                return False
        if "same_as" in s:
            ref = groups[s["same_as"]]
            if not ref or ref[0].lower != low:
                return False
        return True


class MorphPattern(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"pattern": [], "mark": None, "suggestion": None, "ignore_quoted": True}

    def setup(self):
        if not self.options["pattern"]:
            raise ConfigError(f"правило {self.rule.id}: пустой шаблон")
        self.elements = [Element(e, self.rule.id) for e in self.options["pattern"]]
        self._anchor_cache = _anchor_of(self.elements)

    def _anchor(self):
        return self._anchor_cache

    def _starts(self, ctx, anchor, offsets, repeat):
        """Sentences with the positions where a match may start."""
        if repeat:
            # «в в»: only a word equal to the next one can start a match
            for s in ctx.sentences:
                toks = s.tokens
                starts = [i for i in range(len(toks) - 1) if toks[i].lower == toks[i + 1].lower]
                if starts:
                    yield s, starts
        elif anchor is not None:
            # most positions fail the pattern's most selective element: test it once per distinct token
            # of the document, then look only at the places of the tokens that pass
            hits: dict[int, list[int]] = {}
            vocab = ctx.vocabulary
            for text in anchor.passing(ctx):
                for si, ti in vocab[text][1]:
                    hits.setdefault(si, []).append(ti)
            sentences = ctx.sentences
            for si in sorted(hits):
                yield sentences[si], sorted({h - o for h in hits[si] for o in offsets if h - o >= 0})
        else:
            for s in ctx.sentences:
                yield s, range(len(s.tokens))

    def check(self, ctx):
        n = len(self.elements)
        mark = self.options["mark"] or [0, n - 1]
        anchor, offsets = self._anchor()
        repeat = len(self.elements) > 1 and self.elements[1].spec.get("same_as") == 0 and self.elements[0].max == 1
        for s, starts in self._starts(ctx, anchor, offsets, repeat):
            toks = s.tokens
            free = 0  # matches do not overlap: the first token after the last match
            for i in starts:
                if i < free:
                    continue
                groups = _match(self.elements, 0, toks, i, ctx, [[] for _ in range(n)])
                if groups is None:
                    continue
                marked = [t for g in groups[mark[0]:mark[1] + 1] for t in g]
                if not marked:
                    continue
                start, end = marked[0].start, marked[-1].end
                if self.options["ignore_quoted"] and ctx.is_quoted(start, end):
                    continue
                suggestions = ()
                if self.options["suggestion"] is not None:
                    texts = [_text(ctx, g) for g in groups[mark[0]:mark[1] + 1]]
                    suggestions = (" ".join(self.options["suggestion"].format(*texts).split()),)
                yield Hit(start, end, suggestions, {},
                          "message" if suggestions else "nosuggest")
                last = max((g[-1].end for g in groups if g), default=end)
                free = i
                while free < len(toks) and toks[free].start < last:
                    free += 1


SELECTIVE = ("lower", "lemma", "lemma_re", "text_re", "punct")


def _anchor_of(elements):
    """The most selective required element and the offsets it may stand at from a match start:
    a word list or lemma test first, else a part-of-speech test, else the first element."""
    for keys in (SELECTIVE, ("pos", "gram")):
        lo = hi = 0
        for el in elements:
            if el.min >= 1 and any(k in el.spec for k in keys) and "same_as" not in el.spec and hi - lo <= 2:
                return el, range(lo, hi + 1)
            lo += el.min
            hi += el.max
    first = elements[0]
    return (first, range(0, 1)) if first.min >= 1 and "same_as" not in first.spec else (None, range(0))


def _text(ctx, group) -> str:
    if not group:
        return ""
    return ctx.document.text[group[0].start:group[-1].end]


def _match(elements, e, toks, t, ctx, groups):
    if e == len(elements):
        return groups
    el = elements[e]
    # greedy: take as many tokens as allowed, then give back
    taken = []
    pos = t
    while len(taken) < el.max and pos < len(toks) and el.test(toks[pos], ctx, groups):
        taken.append(toks[pos])
        pos += 1
    while len(taken) >= el.min:
        groups[e] = list(taken)
        found = _match(elements, e + 1, toks, t + len(taken), ctx, groups)
        if found is not None:
            return found
        if not taken:
            break
        taken.pop()
    groups[e] = []
    return None
