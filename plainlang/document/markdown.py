"""Markdown through markdown-it-py: only prose is checked, never code, HTML, link targets or markup.

Each inline token of markdown-it gives one block. Its text children are located in the source one
after another; every source character that is not inside a text child (emphasis marks, list and quote
markers, code spans, link targets) is masked, so offsets stay in the source file.
"""
from __future__ import annotations

from functools import cache

from .masks import inline_masks
from .model import Block, Document

_KINDS = {"heading_open": "heading", "paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}


@cache
def _parser():
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    starts.append(len(text) + 1)
    return starts


def read_markdown(path: str, text: str) -> Document:
    tokens = _parser().parse(text)
    lines = _line_offsets(text)
    blocks: list[Block] = []
    context: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("list_item_open",):
            context.append("list-item")
        elif tok.type == "list_item_close" and context:
            context.pop()
        if tok.type != "inline" or tok.map is None:
            continue
        opener = tokens[i - 1].type if i else ""
        kind = _KINDS.get(opener, "paragraph")
        if kind == "paragraph" and context:
            kind = "list-item"
        first, last = tok.map
        span_start = lines[first]
        span_end = min(lines[last] - 1, len(text))
        code: list = []
        prose = _prose_ranges(text, span_start, span_end, tok, code)
        if not prose:
            continue
        start, end = prose[0][0], prose[-1][1]
        masked = []
        cursor = start
        for s, e in prose:
            if s > cursor:
                masked.append((cursor, s))
            cursor = e
        masked.extend(inline_masks(text, start, end))
        # a code span stays a token-like "___": «и `.docx` и» must not read as «и и»
        masked.extend((a, b, "_") for a, b in code if start <= a and b <= end)
        blocks.append(Block(kind, start, end, paragraph=len(blocks), masked=tuple(sorted(masked))))
    from ..suppress import suppression_ranges
    doc = Document(path=path, text=text, blocks=blocks, format="md")
    # top-level elements (a paragraph, a whole list, a whole table) for «ignore the next element»
    units = [(lines[t.map[0]], min(lines[t.map[1]] - 1, len(text))) for t in tokens
             if t.level == 0 and t.nesting == 1 and t.map and t.type != "html_block"]
    doc.suppressed = suppression_ranges(text, blocks, units)
    return doc


def _prose_ranges(text: str, start: int, end: int, inline, code: list) -> list[tuple[int, int]]:
    """Source ranges of the inline token's text children, found in order."""
    ranges = []
    cursor = start
    for child in inline.children or []:
        if child.type == "text" and child.content:
            at = text.find(child.content, cursor, end)
            if at < 0:
                continue  # escaped or entity-encoded text: leave it out rather than misplace it
            ranges.append((at, at + len(child.content)))
            cursor = at + len(child.content)
        elif child.type == "code_inline":
            at = text.find(child.content, cursor, end)
            if at >= 0:
                code.append((at, at + len(child.content)))
                cursor = at + len(child.content)
        elif child.type in ("link_close", "image") and child.markup != "autolink":
            # skip the target «](https://…)» so that text after the link is not looked for inside it
            at = text.find("](", cursor, end)
            if at >= 0:
                close = _closing_paren(text, at + 2, end)
                cursor = close + 1 if close >= 0 else cursor
    return ranges


def _closing_paren(text: str, start: int, end: int) -> int:
    depth = 0
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
    return -1
