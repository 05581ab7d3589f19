"""Agreement of an adjective (or participle, or possessive) with the noun right after it:
«по Вашему обращения», «недостающий сведения». pymorphy3 gives every reading of both words; the
pair is wrong only when no reading of one agrees with any reading of the other in case and number
(and gender in the singular). Prefer silence: unknown words, indeclinable words, and adjectives
after «два», «три», «четыре» (which take the genitive plural: «два больших дома») are left alone."""
from __future__ import annotations

from functools import lru_cache

from ..nlp import morph
from .base import Hit, Kind

# A participle may govern the noun after it («утверждённого постановлением», «подтверждающих факт»):
# such pairs are skipped below by the noun's case and the participle's transitivity.
ADJ = ("ADJF", "PRTF")
RELATIVE = {"который", "какой", "чей", "каковой", "коей"}
NUMERAL_GOVERNORS = {"два", "две", "три", "четыре", "оба", "обе", "полтора", "полторы"}


SAME_CASE = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "voct": "nomn"}


def _case(tag):
    return SAME_CASE.get(tag.case, tag.case)


def _agree(p, q) -> bool:
    if _case(p.tag) != _case(q.tag):
        # accusative of inanimate masculine/plural looks like the nominative, of animate like the genitive
        return False
    if p.tag.number != q.tag.number:
        return False
    if p.tag.number == "sing" and q.tag.gender and p.tag.gender and q.tag.gender != p.tag.gender \
            and "ms-f" not in q.tag and "GNdr" not in q.tag:
        return False
    return True


@lru_cache(morph.CACHE)
def _adjective_readings(word: str):
    """The readings of a word that cannot be anything but an adjective or participle, or None.
    Cached per form: most words are not adjectives, and the loop below asks about every token."""
    if morph.pos_tags(word).isdisjoint(ADJ) or not morph.is_known(word):
        return None
    readings = tuple(p for p in morph.parses(word) if "Fixd" not in p.tag)
    if not readings or any(p.tag.POS not in ADJ for p in readings):
        return None
    if any(p.normal_form in RELATIVE for p in readings):
        return None  # «которую город …»: a relative word starts a clause of its own
    return readings


@lru_cache(morph.CACHE)
def _noun_readings(word: str):
    """The readings of a word that cannot be anything but a noun, or None."""
    if "NOUN" not in morph.pos_tags(word) or not morph.is_known(word):
        return None
    readings = tuple(p for p in morph.parses(word) if "Fixd" not in p.tag)
    if not readings or any(p.tag.POS != "NOUN" for p in readings):
        return None
    return readings


# adjectives and participles that stand for a noun after a preposition («в связи с вышеизложенным»,
# «к сказанному»); determiners such as «Вашему» do not («по Вашему обращения» is the error to find)
SUBSTANTIVE = {"вышеизложенный", "изложенный", "сказанный", "вышесказанный", "указанный", "вышеуказанный",
               "перечисленный", "вышеперечисленный", "упомянутый", "вышеупомянутый", "приведенный",
               "вышеприведенный", "следующий", "прочий", "остальной", "данный", "должный", "известный"}


@lru_cache(morph.CACHE)
def _is_preposition(word: str) -> bool:
    best = morph.best(word)
    return best is not None and best.tag.POS == "PREP"


POSSESSIVE_VASH = frozenset({"ваш", "вашему", "вашего", "вашей", "ваше", "вашу", "вашим", "вашем", "ваши",
                             "ваших", "вашими"})


@lru_cache(morph.CACHE)
def _fix_pair(adj: str, noun: str, after_preposition: bool = False):
    """The adjective's form that agrees with the noun, or None when the pair is fine or unclear.
    Depends on the two forms (and on a preposition before them) only, so it is cached."""
    pa, nouns = _adjective_readings(adj), _noun_readings(noun)
    noun_cases = {_case(q.tag) for q in nouns}
    adj_cases = {_case(p.tag) for p in pa}
    if after_preposition and not noun_cases & adj_cases and any(p.normal_form in SUBSTANTIVE for p in pa):
        return None  # «в связи с вышеизложенным | основания …»: the adjective is a noun closing the phrase
    if noun_cases & {"datv", "ablt"}:
        return None  # «необходимых клиенту», «богатый ресурсами»: the noun depends on the adjective
    if "accs" in noun_cases and any(p.tag.POS == "PRTF" and "tran" in p.tag for p in pa):
        return None  # «содержащий сведения»: the noun is the participle's object
    if not any(p.tag.POS == "ADJF" for p in pa) and noun_cases & {"gent", "accs"}:
        return None  # a pure participle before a genitive or accusative: an object, not a pair
    if noun_cases == {"nomn"} and not adj_cases & {"nomn", "accs"}:
        return None  # «в связи с вышеизложенным выплата …»: a new clause starts at the noun
    if any(_agree(p, q) for p in pa for q in nouns):
        return None
    # fix the adjective towards the noun reading that shares its case, if there is one
    target = next((q for q in nouns if _case(q.tag) in adj_cases), nouns[0])
    source = next((p for p in pa if p.tag.POS == "ADJF"), pa[0])
    return _inflect_to(source, target)


class Agreement(Kind):
    needs = frozenset({"sentences", "morph"})
    defaults = {}

    def check(self, ctx):
        sentences = ctx.sentences
        # only words that cannot be anything but an adjective start a pair: found once per distinct word
        for first, places in ctx.vocabulary.values():
            if not first.is_cyrillic or _adjective_readings(first.lower) is None:
                continue
            for si, i in places:
                toks = sentences[si].tokens
                if i + 1 >= len(toks):
                    continue
                a, b = toks[i], toks[i + 1]
                if not b.is_cyrillic or b.text[:1].isupper():
                    continue  # «Уважаемая Нелли»: names decline in their own ways
                if _noun_readings(b.lower) is None:
                    continue  # only words that cannot be anything but a noun
                if a.text[:1].isupper() and not ctx.is_sentence_start(a) and a.lower not in POSSESSIVE_VASH:
                    continue  # «Восточный департамент»: part of a name
                if i and (toks[i - 1].lower in NUMERAL_GOVERNORS or toks[i - 1].text[-1:].isdigit()):
                    continue
                if i >= 2 and toks[i - 1].lower in ("и", "или", ",") and morph.has_pos(toks[i - 2].lower, "ADJF"):
                    continue  # «с внешним и внутренним клиентами»: each adjective names one of several
                fixed = _fix_pair(a.lower, b.lower, i > 0 and _is_preposition(toks[i - 1].lower))
                if fixed is None:
                    continue
                fixed = fixed if not a.text[:1].isupper() else fixed[:1].upper() + fixed[1:]
                yield Hit(a.start, b.end, (f"{fixed} {b.text}",), {"match": ctx.document.text[a.start:b.end]})


def _inflect_to(adj, noun):
    wanted = {g for g in (noun.tag.case, noun.tag.number) if g}
    if noun.tag.number == "sing" and noun.tag.gender in ("masc", "femn", "neut"):
        wanted.add(noun.tag.gender)
    if noun.tag.case == "accs" and noun.tag.animacy and (noun.tag.number == "plur" or noun.tag.gender == "masc"):
        wanted.add(noun.tag.animacy)
    form = adj.inflect(wanted)
    return form.word if form is not None else None
