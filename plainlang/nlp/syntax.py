"""natasha/slovnet syntax, built once per process and only when a selected rule needs it."""
from __future__ import annotations

from functools import cache, lru_cache


@cache
def _models():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsSyntaxParser, Segmenter  # noqa: F401
    emb = NewsEmbedding()
    return NewsSyntaxParser(emb)


@lru_cache(4096)
def parse(words: tuple[str, ...]):
    """Dependency parse of one sentence given as its words: a list of (id, head_id, rel) per word,
    1-based ids as slovnet gives them ("0" is the root)."""
    parser = _models()
    markup = next(parser.map([list(words)]))
    return [(int(t.id), int(t.head_id), t.rel) for t in markup.tokens]
