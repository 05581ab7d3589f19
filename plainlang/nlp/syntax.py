"""natasha/slovnet syntax, built once per process and only when a selected rule needs it."""
from __future__ import annotations

from functools import cache


@cache
def _models():
    from natasha import NewsEmbedding, NewsSyntaxParser
    emb = NewsEmbedding()
    return NewsSyntaxParser(emb)


_CACHE: dict[tuple[str, ...], list] = {}


def parse(words: tuple[str, ...]):
    """Dependency parse of one sentence given as its words: a list of (id, head_id, rel) per word,
    1-based ids as slovnet gives them ("0" is the root)."""
    return parse_many([words])[0]


def parse_many(sentences: list[tuple[str, ...]]) -> list[list]:
    """Parse many sentences in one call: slovnet runs them as batches, several times faster than
    one sentence at a time. Results are cached per sentence."""
    todo = [s for s in dict.fromkeys(sentences) if s not in _CACHE]
    if todo:
        parser = _models()
        for words, markup in zip(todo, parser.map([list(w) for w in todo])):
            _CACHE[words] = [(int(t.id), int(t.head_id), t.rel) for t in markup.tokens]
        if len(_CACHE) > 20_000:
            _CACHE.clear()
            return [_parse_fresh(parser, s) for s in sentences]
    return [_CACHE[s] for s in sentences]


def _parse_fresh(parser, words):
    markup = next(parser.map([list(words)]))
    return [(int(t.id), int(t.head_id), t.rel) for t in markup.tokens]
