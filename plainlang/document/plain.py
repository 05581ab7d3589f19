"""Plain text: paragraphs are separated by empty lines, or by a line break after a finished sentence.

Letters saved as .txt come two ways: one paragraph per line (copied from Word) or hard-wrapped lines
(e-mail). A line break counts as a paragraph break only after sentence-final punctuation, so wrapped
lines stay one paragraph and one-line paragraphs stay apart.
"""
from __future__ import annotations

import re

from .model import Block, Document
from .masks import inline_masks

_BLANK = re.compile(r"\n[ \t]*\n")
_FINAL = ("." , "!", "?", "…", ":", ";", "»", ")")


def _line_paragraphs(text: str, start: int, end: int):
    """Split text[start:end] (no blank lines inside) into paragraphs at sentence-final line breaks."""
    para_start = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        before = text[pos:nl].rstrip()
        after = text[nl + 1:end].lstrip(" \t")
        short = len(before) < 60  # greetings, signatures, list lines
        if before.endswith(_FINAL) or short or after[:1] in "-–—•*" or after[:1].isdigit():
            yield para_start, nl
            para_start = nl + 1
        pos = nl + 1
    yield para_start, end


def read_plain(path: str, text: str) -> Document:
    blocks: list[Block] = []
    pos = 0
    chunks = []
    for m in _BLANK.finditer(text):
        chunks.append((pos, m.start()))
        pos = m.end()
    chunks.append((pos, len(text)))
    for cs, ce in chunks:
        for s, e in _line_paragraphs(text, cs, ce):
            # trim surrounding whitespace so blocks start and end on text
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                blocks.append(Block("paragraph", s, e, paragraph=len(blocks),
                                    masked=tuple(inline_masks(text, s, e))))
    return Document(path=path, text=text, blocks=blocks, format="txt")
