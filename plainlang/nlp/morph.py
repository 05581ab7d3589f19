"""pymorphy3, loaded once per process on first use; every parse is memoized per word form."""
from __future__ import annotations

from functools import cache, lru_cache

CACHE = 200_000


@cache
def analyzer():
    import pymorphy3
    return pymorphy3.MorphAnalyzer()


@lru_cache(CACHE)
def parses(word: str) -> tuple:
    return tuple(analyzer().parse(word.lower()))


@lru_cache(CACHE)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have: a text word matches a phrase word if one of these fits."""
    return frozenset(_norm(p.normal_form) for p in parses(word))


VERBAL = ("VERB", "INFN", "GRND", "PRTS")


@lru_cache(CACHE)
def verbal_lemmas(word: str) -> frozenset[str]:
    """Lemmas of the word's verb readings only (finite, infinitive, gerund, short passive participle):
    a full participle or adjective («данный ответ», «оказанная помощь») is not a verb phrase."""
    return frozenset(_norm(p.normal_form) for p in parses(word) if p.tag.POS in VERBAL)


@lru_cache(CACHE)
def is_verb_lemma(word: str) -> bool:
    low = _norm(word.lower())
    return any(p.tag.POS == "INFN" and _norm(p.normal_form) == low for p in parses(low))


@lru_cache(CACHE)
def dictionary_lemma(word: str) -> str:
    """The lemma of a word written in a dictionary: the reading in which the word is its own normal form
    wins («данный» stays «данный», not the participle of «дать»), else the likeliest reading."""
    low = _norm(word.lower())
    options = parses(low)
    for p in options:
        if _norm(p.normal_form) == low:
            return low
    return _norm(options[0].normal_form) if options else low


@lru_cache(CACHE)
def is_known(word: str) -> bool:
    return analyzer().word_is_known(word.lower())


def best(word: str):
    found = parses(word)
    return found[0] if found else None


def _norm(s: str) -> str:
    return s.replace("ё", "е")


@lru_cache(CACHE)
def pos_tags(word: str) -> frozenset[str]:
    """Every part of speech the word may be, as plain strings (pymorphy3's tag attributes are slow
    to read, and rules ask this of every word)."""
    return frozenset(g for p in parses(word) for g in p.tag.grammemes & PARTS_OF_SPEECH)


PARTS_OF_SPEECH = frozenset({"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB",
                             "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ"})


def has_pos(word: str, *pos: str) -> bool:
    return not pos_tags(word).isdisjoint(pos)


@lru_cache(CACHE)
def inflect_like(word: str, model_word: str, model_lemmas: frozenset = frozenset(), prefer_case: str = "") -> str:
    """Put a dictionary word (an infinitive or a noun) into the form of a word found in the text:
    «проверить» like «осуществили» → «проверили». Returns the word unchanged when unsure.
    `model_lemmas` are the lemmas the dictionary phrase expects of the found word: they pick its
    reading («нашли общий язык» is «найти», not the imperative of «наслать»). `prefer_case` picks
    among readings that differ only in case («заявление» is nominative or accusative)."""
    target = next((p for p in parses(model_word) if _norm(p.normal_form) in model_lemmas), None) \
        or best(model_word)
    if prefer_case and target is not None and target.tag.case != prefer_case:
        # «Заявление» opening a sentence is more likely the subject than the object
        target = next((p for p in parses(model_word) if p.tag.case == prefer_case
                       and p.normal_form == target.normal_form and p.tag.number == target.tag.number), target)
    source = None
    for p in parses(word):
        if target is not None and _same_family(p.tag.POS, target.tag.POS):
            source = p
            break
    if source is None or target is None:
        return word
    pos = target.tag.POS
    if pos in ("VERB", "INFN", "GRND"):
        wanted = {g for g in (target.tag.tense, target.tag.person, target.tag.number, target.tag.gender,
                              target.tag.mood, target.tag.involvement) if g}
        if target.tag.tense in ("pres", "futr") and not target.tag.person and target.tag.mood == "indc":
            wanted.add("3per")  # impersonal verbs («стоит») carry no person; the third fits them
        if pos == "INFN":
            wanted = {"INFN"}
        elif pos == "GRND":
            wanted = {"GRND"} | ({target.tag.tense} if target.tag.tense else set())
        # the base verb is an infinitive; its tags carry aspect, which must not be changed
        base = source.normalized if source.tag.POS != "INFN" else source
        form = base.inflect(wanted) or (base.inflect(wanted - {"gender"}) if "gender" in wanted else None)
        if form is None and target.tag.person and target.tag.tense == "past":
            form = base.inflect(wanted - {target.tag.person})
    elif pos == "PRTF" and source.tag.POS in ("INFN", "VERB"):
        # «проживающие» → «живущие»: a verb replacement for a participle becomes a participle
        wanted = {g for g in ("PRTF", target.tag.tense, target.tag.voice, target.tag.case, target.tag.number) if g}
        if target.tag.number == "sing" and target.tag.gender:
            wanted.add(target.tag.gender)
        form = source.inflect(wanted)
    elif pos in ("NOUN", "ADJF", "PRTF", "NPRO"):
        wanted = {g for g in (target.tag.case, target.tag.number) if g}
        if source.tag.POS in ("ADJF", "PRTF") and target.tag.number == "sing" and target.tag.gender:
            wanted.add(target.tag.gender)
        if source.tag.POS in ("ADJF", "PRTF") and target.tag.case == "accs" and target.tag.animacy:
            wanted.add(target.tag.animacy)
        form = source.inflect(wanted)
    else:
        form = None
    if form is None:
        return word
    out = form.word
    return _match_case(out, model_word)


def _same_family(a, b) -> bool:
    verbs = {"VERB", "INFN", "GRND", "PRTF"}
    nouns = {"NOUN"}
    adjs = {"ADJF", "PRTF", "NPRO"}
    return any(a in f and b in f for f in (verbs, nouns, adjs))


def _match_case(word: str, model: str) -> str:
    if model[:1].isupper() and not model.isupper():
        return word[:1].upper() + word[1:]
    return word
