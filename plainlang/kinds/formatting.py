"""Word formatting the regulation asks to avoid (п. 11): italics, underlining, special effects,
coloured backgrounds and text that is hard to see against its background.

Kinds read `Block.runs` (see plainlang/document/docx.py for the properties). Adjacent runs with the
same finding are one finding: Word splits text into runs for reasons the reader never sees (spell
check marks, revision ids), and a space between two italic words is often left upright.
"""
from __future__ import annotations

import math

from ..document.docx_colors import HIGHLIGHT, contrast
from .base import Hit, Kind

FORMATTING = frozenset({"formatting"})
EFFECT_NAMES = {"shadow": "тень", "emboss": "рельеф", "imprint": "гравировка", "outline": "контур",
                "glow": "свечение", "reflection": "отражение", "gradient": "градиентная заливка",
                "3d": "объём", "animation": "анимация"}


def docx_blocks(ctx):
    doc = ctx.document
    return doc.blocks if doc.format == "docx" else []


def groups(ctx, key, wanted=str.isalnum):
    """(start, end, key, block) for each stretch of runs whose `key(props, block)` is the same and not
    None, trimmed of surrounding spaces. A run without a `wanted` character (a space, a dash) neither
    starts a stretch nor, when it is blank or shares the key, ends one."""
    text = ctx.document.text
    for block in docx_blocks(ctx):
        current = None
        for run in block.runs:
            fragment = text[run.start:run.end]
            k = None if run.props.get("hidden") else key(run.props, block)
            if not any(wanted(c) for c in fragment):
                if not fragment.strip() or (current is not None and k == current[2]):
                    continue
                k = None
            if k is None:
                if current is not None:
                    yield tuple(current)
                current = None
                continue
            start = run.start + len(fragment) - len(fragment.lstrip())
            end = run.end - (len(fragment) - len(fragment.rstrip()))
            if current is not None and current[2] == k:
                current[1] = end
            else:
                if current is not None:
                    yield tuple(current)
                current = [start, end, k, block]
        if current is not None:
            yield tuple(current)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class RunFormatting(Kind):
    """A property of runs: one finding per stretch of runs that has it."""
    needs = FORMATTING
    defaults: dict = {}

    def key(self, props, block):
        raise NotImplementedError

    def hit(self, start, end, key, block) -> Hit:
        return Hit(start, end)

    def check(self, ctx):
        for start, end, key, block in groups(ctx, self.key):
            yield self.hit(start, end, key, block)


class Italic(RunFormatting):
    def key(self, props, block):
        return props.get("italic") or None


class Underline(RunFormatting):
    """Underlined text, except links: readers expect a link to be underlined."""

    def key(self, props, block):
        return props.get("underline") if not props.get("hyperlink") else None


class Effects(RunFormatting):
    def key(self, props, block):
        return props.get("effects") or None

    def hit(self, start, end, key, block):
        return Hit(start, end, (), {"effects": ", ".join(EFFECT_NAMES.get(e, e) for e in key)})


class Shading(Kind):
    """Highlighting, and run or paragraph shading that differs from the page."""
    needs = FORMATTING
    defaults: dict = {}

    def check(self, ctx):
        text = ctx.document.text
        page = ctx.document.props.get("page_background") or "FFFFFF"
        shaded_blocks = set()
        for block in docx_blocks(ctx):
            colour = block.props.get("shading")
            start, end = trimmed(text, block.start, block.end)
            if colour not in (None, "FFFFFF", page) and any(c.isalnum() for c in text[start:end]):
                shaded_blocks.add(id(block))
                yield Hit(start, end, template="paragraph")

        def key(props, block):
            if HIGHLIGHT.get(props.get("highlight")) not in (None, "FFFFFF", page):
                return ("highlight", props["highlight"])
            colour = props.get("shading")
            if colour in (None, "FFFFFF", page) or colour == block.props.get("shading"):
                return None
            return ("shading", colour)

        for start, end, k, block in groups(ctx, key):
            yield Hit(start, end, template="message" if k[0] == "highlight" else "shading")


class PageBackground(Kind):
    needs = FORMATTING
    defaults: dict = {}

    def check(self, ctx):
        if ctx.document.format == "docx" and ctx.document.props.get("page_background"):
            yield Hit(None, None)


class Contrast(RunFormatting):
    """Text whose colour is too close to its background: WCAG 2 asks for 4.5 : 1, and 3 : 1 for
    large text (18 pt, or 14 pt bold). Automatic colour always contrasts, so only set colours count;
    where the background is unknown (a table style shades some cells) nothing is said."""
    defaults = {"min_ratio": 4.5, "min_ratio_large": 3.0}

    def key(self, props, block):
        colour, background = props.get("colour"), props.get("background")
        if colour is None or background is None:
            return None
        size = props.get("size") or 0
        large = size >= 18 or (props.get("bold") and size >= 14)
        need = self.options["min_ratio_large"] if large else self.options["min_ratio"]
        ratio = contrast(colour, background)
        return (colour, background, need) if ratio < need else None

    def hit(self, start, end, key, block):
        colour, background, need = key
        # rounded down, so 4.47 is not shown as the 4,5 it fails to reach
        ratio = math.floor(contrast(colour, background) * 10) / 10
        return Hit(start, end, (), {"ratio": decimal(ratio), "need": decimal(need)})
