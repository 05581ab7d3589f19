"""Phrase lists from dictionaries/*.tsv matched on lemma sequences, with inflected replacements."""
from __future__ import annotations

from ..dictionary import load_table
from ..nlp import morph
from ..nlp.phrases import PhraseIndex, compile_phrase
from .base import Hit, Kind

VERB_NOUN_FAMILY = {"VERB": "verb", "INFN": "verb", "GRND": "verb", "NOUN": "noun", "ADJF": "adj"}


class Lexicon(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"dictionary": "", "ignore_quoted": True, "inflect": True}

    def setup(self):
        table = load_table(self.options["dictionary"])
        phrases = []
        for row in table.rows:
            phrases.append(compile_phrase(row[table.columns[0]], row))
        self.index = PhraseIndex(phrases)
        self.replacement_column = "replacement" if "replacement" in table.columns else None

    def check(self, ctx):
        text = ctx.document.text
        for sentence in ctx.sentences:
            tokens = sentence.tokens
            for phrase, first, last in self.index.find(tokens, ctx):
                start, end = tokens[first].start, tokens[last].end
                if self.options["ignore_quoted"] and ctx.is_quoted(start, end):
                    continue
                matched = tokens[first:last + 1]
                suggestions = self.suggest(phrase.data, matched, ctx.is_sentence_start(tokens[first]))
                note = phrase.data.get("note", "")
                if suggestions == ("",):
                    template = "delete"
                elif suggestions:
                    template = "message"
                else:
                    template = "nosuggest"
                yield Hit(start, end, suggestions, {"note": note, "match": text[start:end]}, template)

    def suggest(self, row, matched, at_start: bool) -> tuple[str, ...]:
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
                alt = inflect_replacement(alt, matched)
            if at_start:
                alt = alt[:1].upper() + alt[1:]
            out.append(alt)
        return tuple(out)


def inflect_replacement(replacement: str, matched) -> str:
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
        tp = morph.best(tok.text)
        if tp is not None and (VERB_NOUN_FAMILY.get(tp.tag.POS) == family
                               or (family == "verb" and tp.tag.POS == "PRTF")):
            inflected = morph.inflect_like(head, tok.text)
            if tok.text[:1].isupper():
                inflected = inflected.lower()
            return " ".join([inflected, *words[1:]])
    return replacement
