"""Phrase lists from dictionaries/*.tsv matched on lemma sequences, with inflected replacements."""
from __future__ import annotations

import re

from ..dictionary import load_table
from ..nlp import morph
from ..nlp.phrases import Gap, Phrase, PhraseIndex, Slot, compile_phrase, match_at
from .base import Hit, Kind

VERB_NOUN_FAMILY = {"VERB": "verb", "INFN": "verb", "GRND": "verb", "NOUN": "noun", "ADJF": "adj"}


class PhrasePass:
    """For kinds that match dictionary phrases: the engine merges all of them into one pass over the
    tokens (SharedLexicon); alone, a kind scans with its own index."""
    shares_phrase_pass = True
    shared = None

    def phrase_list(self) -> list:
        return self.phrases

    def own_index(self):
        # built only when the kind scans alone: in a plan, the shared pass has one index for all
        index = self.__dict__.get("_own_index")
        if index is None:
            index = self._own_index = PhraseIndex(self.phrase_list())
        return index

    def matches(self, ctx):
        """(phrase, first token, last token, sentence) in text order."""
        if self.shared is not None:
            yield from ctx.memo(self.shared, self.shared.run).get(self, ())
            return
        index = self.own_index()
        for sentence in ctx.sentences:
            for phrase, first, last in index.find(sentence.tokens, ctx):
                yield phrase, first, last, sentence


class Lexicon(PhrasePass, Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "", "ignore_quoted": True, "inflect": True, "gap_after_verb": 0}

    def setup(self):
        table = load_table(self.options["dictionary"])
        self.phrases = [compile_phrase(row[table.columns[0]], row) for row in table.rows]
        if self.options["gap_after_verb"]:
            # «осуществить в установленный срок проверку»: a split predicate is often split by a
            # circumstance; the dictionary keeps writing «осуществить проверку» once
            self.phrases += [p for p in map(self._gapped, self.phrases) if p is not None]
        self.replacement_column = "replacement" if "replacement" in table.columns else None

    def _gapped(self, phrase):
        els = phrase.elements
        if len(els) < 2 or not isinstance(els[0], Slot) or not els[0].verbal or any(isinstance(e, Gap) for e in els):
            return None
        return Phrase(phrase.source, (els[0], Gap(self.options["gap_after_verb"]), *els[1:]),
                      {**phrase.data, "_gap_after": 1})

    def check(self, ctx):
        text = ctx.document.text
        for phrase, first, last, sentence in self.matches(ctx):
            tokens = sentence.tokens
            start, end = tokens[first].start, tokens[last].end
            if self.options["ignore_quoted"] and ctx.is_quoted(start, end):
                continue
            matched = tokens[first:last + 1]
            suggestions = self.suggest(phrase.data, matched, ctx.is_sentence_start(tokens[first]),
                                       _phrase_lemmas(phrase))
            if phrase.data.get("_gap_after"):
                words_after_gap = len(phrase.elements) - 2
                gap_end = last - words_after_gap
                if tokens[gap_end].is_word and morph.has_pos(tokens[gap_end].lower, "ADJF", "PRTF", "NPRO"):
                    continue  # «приняла это решение»: the gap is the noun's own modifier, not a split
            if phrase.data.get("_gap_after") and suggestions:
                # keep the words that stood between the verb and its noun: «проверить в установленный срок»
                between = text[tokens[first + 1].start:tokens[gap_end].end]
                if between.strip():
                    suggestions = tuple(f"{sug} {between}" if sug else between for sug in suggestions)
            note = phrase.data.get("note", "")
            hint = ""
            if suggestions == ("",):
                template = "delete"
            elif suggestions:
                template = "message"
            else:
                # a row with no one-word fix says in its note how to rewrite: show that advice
                hint = advice(note)
                template = "hint" if hint and "hint" in self.rule.messages else "nosuggest"
            yield Hit(start, end, suggestions, {"note": note, "hint": hint, "match": text[start:end]}, template)

    def suggest(self, row, matched, at_start: bool, lemmas: frozenset = frozenset()) -> tuple[str, ...]:
        raw = row.get(self.replacement_column, "") if self.replacement_column else None
        if raw is None or raw.strip() == "?":
            return ()  # «?»: the phrase has no one-word fix; the message says what to do instead
        if not raw.strip():
            return ("",)
        out = []
        for alt in raw.split(";"):
            alt = alt.strip()
            if not alt:
                continue
            if alt.startswith("="):
                alt = alt[1:]
            elif self.options["inflect"]:
                alt = inflect_replacement(alt, matched, lemmas)
            if at_start:
                alt = alt[:1].upper() + alt[1:]
            out.append(alt)
        return tuple(out)


ADVICE_VERBS = ("скажите", "напишите", "назовите", "укажите", "объясните", "уберите", "пишите", "опишите",
                "ответьте", "поясните", "сошлитесь", "начните")


def advice(note: str) -> str:
    """The instruction in a dictionary note («безличный глагол: скажите, кто и что делает» → «Скажите,
    кто и что делает»), or "" when the note only names the kind of problem. An example written as
    «было» → «стало» is told in words: the messages follow the rules they teach."""
    note = note.strip()
    if not note.lower().startswith(ADVICE_VERBS):
        for sep in (":", ";"):
            head, found, tail = note.partition(sep)
            if found and tail.strip() and ("«" in tail or tail.strip().lower().startswith(ADVICE_VERBS)):
                note = tail.strip()
                break
    note = _ARROW.sub(lambda m: f"например, «{m.group(2)}» вместо «{m.group(1)}»", note)
    if not (note.lower().startswith(ADVICE_VERBS) or note.startswith(("«", "например"))):
        return ""
    return note[:1].upper() + note[1:].rstrip(".")


_ARROW = re.compile(r"«([^»]+)»\s*→\s*«([^»]+)»")


def _phrase_lemmas(phrase) -> frozenset:
    return frozenset(lemma for el in phrase.elements for lemma in getattr(el, "lemmas", ()))


def inflect_replacement(replacement: str, matched, lemmas: frozenset = frozenset()) -> str:
    """Inflect the first word of a replacement like the matched word of the same family:
    «проверить» for «осуществили проверку» → «проверили»; «помощь» for «оказания помощи» → «помощи»."""
    words = replacement.split(" ")
    head = words[0]
    families = [VERB_NOUN_FAMILY.get(p.tag.POS) for p in morph.parses(head)]
    # «мочь» is first read as a noun by pymorphy3: a word that can be an infinitive is taken as a verb
    family = "verb" if "verb" in families and morph.is_verb_lemma(head) else (families[0] if families else None)
    if family is None or (family != "verb" and len(words) > 1):
        # a verb heads its phrase («обратиться в МФЦ»); in a noun phrase («главная мысль») the words agree
        # with each other and inflecting only the first would break it
        return replacement
    for tok in matched:
        if not tok.is_word:
            continue
        if not morph.is_known(tok.text):
            continue  # a guessed parse of slang («инфа») would inflect the replacement wrongly
        # the reading the phrase meant: «нашли» in «нашли общий язык» is «найти»
        tp = next((p for p in morph.parses(tok.text) if p.normal_form.replace("ё", "е") in lemmas), None) \
            or morph.best(tok.text)
        if tp is not None and (VERB_NOUN_FAMILY.get(tp.tag.POS) == family
                               or (family == "verb" and tp.tag.POS == "PRTF")):
            inflected = morph.inflect_like(head, tok.text, lemmas)
            if tok.text[:1].isupper():
                inflected = inflected.lower()
            return " ".join([inflected, *words[1:]])
    return replacement


def share_phrase_pass(kinds) -> None:
    """Give every phrase-matching kind of a plan the same single pass over the tokens."""
    sharing = [k for k in kinds if getattr(k, "shares_phrase_pass", False)]
    if sharing:
        shared = SharedLexicon(sharing)
        for k in sharing:
            k.shared = shared


class SharedLexicon:
    """One pass over the tokens for every phrase rule, with the same answers as one pass per rule:
    per rule, the longest match at each position, and no overlapping matches."""

    def __init__(self, kinds):
        phrases = []
        for k in kinds:
            for ph in k.phrase_list():
                phrases.append(Phrase(ph.source, ph.elements, {"row": ph.data, "owner": k}))
        self.index = PhraseIndex(phrases)

    def run(self, ctx) -> dict:
        out: dict = {}
        vocab = ctx.vocabulary
        # only tokens that may start a phrase are tried: found once per distinct text of the document
        places: dict[int, list[int]] = {}
        for text in self.index.starting_texts(ctx):
            for si, ti in vocab[text][1]:
                places.setdefault(si, []).append(ti)
        sentences = ctx.sentences
        for si in sorted(places):
            s = sentences[si]
            toks = s.tokens
            free_from: dict = {}
            for i in sorted(places[si]):
                best: dict = {}
                for ph in self.index.candidates(toks, i, ctx):
                    owner = ph.data["owner"]
                    if free_from.get(owner, 0) > i:
                        continue
                    end = match_at(ph.elements, toks, i, ctx)
                    if end is not None and (owner not in best or end > best[owner][1]):
                        best[owner] = (ph, end)
                for owner, (ph, end) in best.items():
                    out.setdefault(owner, []).append((Phrase(ph.source, ph.elements, ph.data["row"]), i, end - 1, s))
                    free_from[owner] = end
        return out
