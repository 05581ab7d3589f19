"""Offline spelling: a word unknown to pymorphy3's dictionary, not a known compound, not in the
allow-lists and not common on the web (wordfreq) is likely a typo. Suggestions are the known words
one edit away, most frequent first. Measured (shared/research/dependencies.md): pymorphy3 alone
catches typos well but flags new words (цифровизация, самозанятый); the allow-list and the
frequency gate take those out."""
from __future__ import annotations

from functools import cache, lru_cache

from ..dictionary import load_table
from ..nlp import morph
from ..nlp.frequency import zipf, zipf_table
from .base import Hit, Kind

ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
PREFIXES = ("гос", "тех", "мед", "соц", "эко", "авто", "электро", "мини", "микро", "макро", "агро", "био",
            "гидро", "теле", "радио", "видео", "фото", "кибер", "нано", "спец", "пром", "строй", "жил", "мун",
            "обл", "гор", "рай", "фин", "энерго", "газо", "нефте", "водо", "тепло", "само", "полу", "много",
            "обще", "сверх", "сельхоз", "лесо", "медиа", "интернет", "онлайн", "офлайн", "веб", "пресс",
            "евро", "гипер", "супер", "контр", "псевдо", "квази", "инфо", "нейро", "цифро", "ультра",
            # «неподписание», «неснимаемый»: the negative prefix joins any word
            "не", "без", "бес",
            # «девятиэтажный», «двухкомнатный»: numeral compounds
            "одно", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти", "десяти",
            "двенадцати", "двадцати", "сорока", "ста", "тысяче", "мало", "разно", "все",
            # verb and noun prefixes that build new words freely («проактивный», «переформулировать»)
            "про", "пере", "пред", "пост", "анти", "недо", "экс", "суб", "меж", "транс", "интер", "мульти",
            "поли", "моно", "ре", "де", "со", "дис")


@cache
def _allowed(name: str) -> frozenset:
    table = load_table(name)
    return frozenset(r[table.columns[0]].lower().replace("ё", "е") for r in table.rows)


@lru_cache(8)
def _allowed_with(name: str, extra: tuple) -> frozenset:
    # one frozenset object per list: `plausible` is cached on it, and equal but distinct sets would be
    # compared item by item on every lookup
    return _allowed(name) | frozenset(w.lower().replace("ё", "е") for w in extra)


def frequency(word: str) -> float:
    """Zipf frequency (log10 of uses per billion words) of a word form; 0 when the list lacks it."""
    return zipf(word)


@lru_cache(50_000)
def plausible(word: str, allowed: frozenset) -> bool:
    """True when the word is probably spelled right."""
    if morph.is_known(word) or word in allowed:
        return True
    if "-" in word:
        return all(plausible(part, allowed) for part in word.split("-") if part)
    for p in PREFIXES:
        rest = word[len(p):]
        if word.startswith(p) and len(rest) >= (5 if len(p) <= 3 else 4) and (morph.is_known(rest) or rest in allowed):
            return True
    if morph.lemmas(word) & allowed:
        return True
    # pymorphy3 guesses lemmas of unknown words badly («правоустанавливающих» → «правоустанавливать»),
    # so an inflected form of an allowed word is also accepted by a shared stem
    if len(word) >= 6 and any(len(a) >= 6 and word[:len(a) - 2] == a[:-2] for a in _by_prefix(allowed, word[:4])):
        return True
    return frequency(word) >= 2.0


@lru_cache(8)
def _prefix_index(allowed: frozenset) -> dict:
    index: dict[str, list[str]] = {}
    for a in allowed:
        index.setdefault(a[:4], []).append(a)
    return index


def _by_prefix(allowed: frozenset, prefix: str):
    return _prefix_index(allowed).get(prefix, ())


@lru_cache(10_000)
def candidates(word: str) -> tuple[str, ...]:
    if len(word) > 30:
        return ()  # edits grow with the square of the length; no real word is this long
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = set()
    for a, b in splits:
        if b:
            edits.add(a + b[1:])
        if len(b) > 1:
            edits.add(a + b[1] + b[0] + b[2:])
        for c in ALPHABET:
            if b:
                edits.add(a + c + b[1:])
            edits.add(a + c + b)
    edits.discard(word)
    table = zipf_table()
    # two words written together: «сразуже», «незнаю», «вцелом»
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if (a in JOINED_FIRST or b in JOINED_SECOND) and morph.is_known(a) and morph.is_known(b) \
                and a in table and b in table and len(a if b in JOINED_SECOND else b) >= 3:
            return (f"{a} {b}",)
    # a correction is almost always a common word: look the ~70·n edits up in the frequency list
    # first (a dict), and ask pymorphy3 only about those found there
    known = [w for w in edits if w in table and morph.is_known(w)]
    known.sort(key=lambda w: (-frequency(w), w))
    if known:
        # a much rarer candidate is noise next to a common one («рассмотрели» vs «насмотрели»)
        top = frequency(known[0])
        known = [w for w in known if frequency(w) >= top - 1.5]
        return tuple(known[:3])
    # the frequency list holds common words only. For a rarer word, try the spelling mistakes people
    # make (a vowel heard wrong, ь for ъ, a doubled letter) rather than every slip of a key: pymorphy3
    # knows many rare words, and «токеном» is not a misspelt «тореном»
    if len(word) <= 20:
        known = sorted(w for w in _orthographic_edits(word) if morph.is_known(w))
        if 1 <= len(known) <= 2:
            return tuple(known)
    return ()


CONFUSED = {"а": "о", "о": "а", "е": "ия", "и": "еы", "я": "е", "ы": "и", "ь": "ъ", "ъ": "ь"}


def _orthographic_edits(word: str) -> set[str]:
    out = set()
    for i, c in enumerate(word):
        for r in CONFUSED.get(c, ""):
            out.add(word[:i] + r + word[i + 1:])
        if i and word[i - 1] == c:
            out.add(word[:i] + word[i + 1:])  # «одобренна» → «одобрена»
        elif c in "нсл":
            out.add(word[:i] + c + word[i:])  # «расрочку» → «рассрочку»
    out.discard(word)
    return out


JOINED_FIRST = frozenset({"в", "на", "по", "с", "из", "за", "не", "без", "до", "от", "во", "со", "ни"})
JOINED_SECOND = frozenset({"же", "бы", "ли", "то", "ка", "нибудь", "либо"})


class Spelling(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {"allow": "spelling-allow.tsv", "min_letters": 3}

    def check(self, ctx):
        allowed = _allowed_with(self.options["allow"], tuple(getattr(ctx.settings, "allow_words", None) or ()))
        min_letters = self.options["min_letters"]
        sentences = ctx.sentences
        text = ctx.document.text
        # each distinct word once: most are known, and only the unknown ones are looked at in place
        for word, (first, places) in ctx.vocabulary.items():
            if not first.is_cyrillic or len(word) < min_letters or plausible(first.lower, allowed):
                continue
            spots = []
            for si, ti in places:
                t = sentences[si].tokens[ti]
                # capitalised words are names, unless they open the sentence («Извените, …»)
                if not word[:1].islower() and not (ctx.is_sentence_start(t) and not word.isupper()):
                    continue
                if ctx.is_quoted(t.start, t.end):
                    continue
                if len(word) <= 5 and t.end < len(text) and text[t.end] == ".":
                    continue  # «Исх.», «исп.», «тел.»: a shortened word with its full stop
                spots.append(t)
            found = candidates(first.lower) if spots else ()
            if not found:
                # an unknown word with no likely correction is mostly a term, a new word or slang
                # («ковенанты», «актуализируется», «залогиниться»), seldom a typo: stay silent
                continue
            if word[:1].isupper():
                found = tuple(w[:1].upper() + w[1:] for w in found)
            for t in spots:
                yield Hit(t.start, t.end, found, {"match": word}, "message")
