"""Fonts: serif and decorative ones (п. 11: «шрифты без засечек»), fonts we cannot classify, and a
letter that mixes too many fonts, sizes or colours («разные типы написания»).

A font set in a style is one decision of the writer, however many paragraphs use it, so it is one
finding: at the first text in that style, or for the whole letter when it is the default font
(the Normal style, the document defaults or the theme).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dictionary import load_table
from .base import Hit, Kind
from .formatting import FORMATTING, docx_blocks, groups

# Word shows built-in styles under Russian names; styles.xml keeps the English ones
STYLE_NAMES_RU = {
    "normal": "Обычный", "title": "Заголовок", "subtitle": "Подзаголовок", "body text": "Основной текст",
    "header": "Верхний колонтитул", "footer": "Нижний колонтитул", "list paragraph": "Абзац списка",
    "hyperlink": "Гиперссылка", "emphasis": "Выделение", "strong": "Строгий", "quote": "Цитата 2",
    "footnote text": "Текст сноски", "table grid": "Сетка таблицы",
    "default paragraph font": "Шрифт абзаца по умолчанию",
}


@lru_cache(8)
def font_classes(dictionary: str) -> dict[str, str]:
    return {row["font"].lower(): row["class"] for row in load_table(dictionary).rows}


def style_label(document, origin: str) -> str:
    sid = origin.partition(":")[2]
    name = (document.props.get("style_names") or {}).get(sid) or sid
    low = name.lower()
    heading = re.fullmatch(r"heading (\d)", low)
    if heading:
        return f"Заголовок {heading.group(1)}"
    return STYLE_NAMES_RU.get(low, name)


class FontClass(Kind):
    """Text in a font of the listed classes (fonts.tsv), or in one of the listed fonts."""
    needs = FORMATTING
    # a font set directly on text in more than `max_places` paragraphs was pasted or applied to the
    # whole letter at once: one finding at its first place says it, twenty would only be noise
    defaults = {"dictionary": "fonts.tsv", "classes": ["serif"], "fonts": [], "suggest": "Arial", "pairs": {},
                "max_places": 3}

    def setup(self):
        self.table = font_classes(self.options["dictionary"])
        self.extra = {f.lower() for f in self.options["fonts"]}
        self.pairs = {k.lower(): v for k, v in self.options["pairs"].items()}

    def flagged(self, font: str) -> bool:
        low = font.lower()
        return self.table.get(low) in self.options["classes"] or low in self.extra

    def check(self, ctx):
        def key(props, block):
            font = props.get("font")
            return (font, props.get("font_origin") or "direct") if font and self.flagged(font) else None

        defaults: list[str] = []
        styles_seen = set()
        direct: dict[str, list] = {}
        for start, end, (font, origin), block in groups(ctx, key, wanted=str.isalpha):
            if origin == "default":
                if font not in defaults:
                    defaults.append(font)
            elif origin.startswith("style:"):
                if (font, origin) not in styles_seen:
                    styles_seen.add((font, origin))
                    yield Hit(start, end, self.suggest(font),
                              {"font": font, "style": style_label(ctx.document, origin)}, template="style")
            else:
                direct.setdefault(font, []).append((start, end, id(block)))
        for font, places in direct.items():
            paragraphs = len({b for _, _, b in places})
            if paragraphs > self.options["max_places"]:
                start, end, _ = places[0]
                yield Hit(start, end, self.suggest(font), {"font": font, "count": paragraphs}, template="many")
            else:
                for start, end, _ in places:
                    yield Hit(start, end, self.suggest(font), {"font": font})
        for font in defaults:
            yield Hit(None, None, self.suggest(font), {"font": font}, template="default")

    def suggest(self, font: str) -> tuple[str]:
        return (self.pairs.get(font.lower(), self.options["suggest"]),)


class UnknownFont(Kind):
    """A font that fonts.tsv does not know: said once per font, at its first text, as information."""
    needs = FORMATTING
    defaults = {"dictionary": "fonts.tsv", "ignore": []}

    def check(self, ctx):
        table = font_classes(self.options["dictionary"])
        ignored = {f.lower() for f in self.options["ignore"]}

        def key(props, block):
            font = props.get("font")
            return font if font and font.lower() not in table and font.lower() not in ignored else None

        seen = set()
        for start, end, font, block in groups(ctx, key, wanted=str.isalpha):
            if font.lower() not in seen:
                seen.add(font.lower())
                yield Hit(start, end, (), {"font": font})


class MixedStyles(Kind):
    """Too many fonts, sizes or colours in the body of the letter. Fonts count in every body
    paragraph; sizes and colours only in ordinary paragraphs, since headings are meant to differ;
    link colour is not counted. Each overrun is said once, for the whole letter."""
    needs = FORMATTING
    defaults = {"max_fonts": 2, "max_sizes": 3, "max_colours": 2}

    def check(self, ctx):
        text = ctx.document.text
        fonts: dict[str, int] = {}
        sizes: dict[float, int] = {}
        colours: dict[str, int] = {}
        for block in docx_blocks(ctx):
            if not block.is_body():
                continue
            for run in block.runs:
                letters = sum(c.isalpha() for c in text[run.start:run.end])
                if not letters or run.props.get("hidden"):
                    continue
                p = run.props
                fonts[p["font"]] = fonts.get(p["font"], 0) + letters
                if block.kind == "heading":
                    continue
                sizes[p["size"]] = sizes.get(p["size"], 0) + letters
                if not p.get("hyperlink"):
                    colour = p.get("colour") or "000000"
                    colours[colour] = colours.get(colour, 0) + letters
        if len(fonts) > self.options["max_fonts"]:
            names = sorted(fonts, key=lambda f: -fonts[f])
            yield Hit(None, None, (names[0],), {"count": len(fonts), "fonts": ", ".join(names)}, template="message")
        if len(sizes) > self.options["max_sizes"]:
            shown = ", ".join(f"{s:g}".replace(".", ",") for s in sorted(sizes))
            yield Hit(None, None, (), {"count": len(sizes), "sizes": shown}, template="sizes")
        if len(colours) > self.options["max_colours"]:
            yield Hit(None, None, (), {"count": len(colours)}, template="colours")
