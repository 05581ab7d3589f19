"""Word files: the text exactly as contract.md §2 defines it, and the formatting Word shows.

`Document.text` is the body paragraphs (python-docx's `Document.paragraphs`, in order) joined with
"\n"; table cells, content controls, headers, footers, footnotes and endnotes follow, each paragraph
after a "\n", as blocks with `paragraph=None` and a locator such as `table[1]/row[2]/cell[3]/p[1]`.
So every text rule runs on Word files unchanged, and a finding outside the body says where it is.

Each block carries `runs`: `Run(start, end, props)` with the effective formatting of one `w:r`:

    font, font_origin   family Word draws the run's letters with (Cyrillic → w:hAnsi), and where it
                        was set: "direct", "style:<styleId>" or "default" (Normal style, document
                        defaults, theme, or Word's own default)
    size                points
    colour              "RRGGBB", or None for automatic (black on light, white on dark)
    bold italic caps small_caps hidden            booleans, toggles resolved
    underline           Word's underline kind ("single", "double" …) or None
    hyperlink           the run is link text (w:hyperlink, a HYPERLINK field, or the Hyperlink style)
    effects             tuple: shadow, emboss, imprint, outline, glow, reflection, gradient, 3d, animation
    highlight           Word's highlight colour name or None
    shading             "RRGGBB" of the run's own shading (w:rPr/w:shd) or None
    background          "RRGGBB" the text is drawn on: highlight, run, paragraph or cell shading,
                        page colour, or white; None when a table style shades some of its cells
                        (banded rows, header rows), which is not resolved

`Block.props`: style, style_name, shading (paragraph shading), cell_shading, outline, list.
`Document.props`: page_background, default_font, default_font_origin, style_names.
"""
from __future__ import annotations

from itertools import groupby

from ..errors import InputError
from .docx_colors import HIGHLIGHT, hex_or_none
from .docx_safety import DAMAGED, check_package
from .docx_styles import StyleSheet, Theme
from .docx_walk import W, body, notes, paragraph_pieces, section_parts, story
from .masks import inline_masks
from .model import Block, Document, Run

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
AREA_KIND = {"cell": "cell", "control": "paragraph", "header": "header", "footer": "footer",
             "footnote": "footnote", "endnote": "footnote"}
EFFECTS = (("shadow", "shadow"), ("shadow14", "shadow"), ("emboss", "emboss"), ("imprint", "imprint"),
           ("outline", "outline"), ("outline14", "outline"), ("glow", "glow"), ("reflection", "reflection"),
           ("gradient", "gradient"), ("3d", "3d"), ("effect", "animation"))


def _open(path: str):
    check_package(path)
    try:
        import docx
        return docx.Document(path)
    except ValueError as exc:
        text = str(exc)
        if "macroEnabled" in text:
            raise InputError("это документ Word с макросами (.docm). Сохраните его как обычный документ "
                             "«Документ Word (.docx)» и проверьте снова.") from None
        if "template" in text:
            raise InputError("это шаблон Word (.dotx). Создайте по нему документ, сохраните его как .docx "
                             "и проверьте снова.") from None
        raise InputError(DAMAGED) from None
    except KeyError:
        raise InputError("это архив, а не документ Word: в нём нет текста документа.") from None
    except Exception:  # noqa: BLE001 - python-docx raises many kinds of errors on broken packages
        raise InputError(DAMAGED) from None


def _related(native, reltype: str):
    try:
        return native.part.part_related_by(RT + reltype)
    except KeyError:
        return None


def _root(part):
    if part is None:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml   # python-docx's parser: entities are never resolved
    return parse_xml(part.blob)


def _page_background(root, theme: Theme) -> str | None:
    bg = root.find(W + "background")
    if bg is None:
        return None
    colour = hex_or_none(bg.get(W + "color")) or theme.colour(bg.get(W + "themeColor"))
    return None if colour in (None, "FFFFFF") else colour


class _Builder:
    def __init__(self, sheet: StyleSheet, page_background: str | None):
        self.sheet = sheet
        self.page_background = page_background
        self.chunks: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.cache: dict = {}

    def add(self, src, kind: str, separator: bool, pieces):
        if separator:
            self.chunks.append("\n")
            self.pos += 1
        para = self.sheet.paragraph(src.p.find(W + "pPr"), src.table_style)
        para["cell_shading"] = src.cell_shading
        start = self.pos
        runs = []
        for _, group in groupby(pieces, key=lambda pc: (id(pc.r), pc.link)):
            group = list(group)
            text = "".join(pc.text for pc in group)
            props = self.props(group[0].r, group[0].link, text, para, src)
            runs.append(Run(self.pos, self.pos + len(text), props))
            self.chunks.append(text)
            self.pos += len(text)
        self.blocks.append(Block(kind, start, self.pos, paragraph=src.paragraph, locator=src.locator,
                                 runs=tuple(runs), props=para))

    def props(self, r, link: bool, text: str, para: dict, src) -> dict:
        rpr = r.find(W + "rPr")
        wide = any(ch > "\x7f" and ch.isalpha() for ch in text)
        cyrillic = wide and any("\u0400" <= ch <= "\u04ff" for ch in text)
        key = (_xml(rpr), para["style"], src.table_style, wide, cyrillic)
        if key not in self.cache:
            self.cache[key] = self.sheet.run(rpr, para["style"], src.table_style, wide, cyrillic)
        raw = self.cache[key]
        origin = raw["font_origin"]
        highlight = raw["highlight"]
        background = HIGHLIGHT.get(highlight) or raw["shd"] or para["shading"] or src.cell_shading
        if background is None and not self.sheet.table_shades(src.table_style):
            background = self.page_background or "FFFFFF"
        char_name = (self.sheet.name(raw["char_style"]) or "").lower()
        return {
            "font": raw["font"],
            "font_origin": origin if isinstance(origin, str) else f"style:{origin[1]}",
            "size": raw["sz"],
            "colour": raw["colour"],
            "bold": raw["b"], "italic": raw["i"], "caps": raw["caps"], "small_caps": raw["smallCaps"],
            "hidden": raw["vanish"],
            "underline": raw["u"],
            "hyperlink": link or char_name in ("hyperlink", "internet link"),
            "effects": tuple(dict.fromkeys(name for key, name in EFFECTS if raw.get(key))),
            "highlight": highlight,
            "shading": raw["shd"],
            "background": background,
        }


def _xml(el) -> bytes:
    if el is None:
        return b""
    from lxml import etree
    return etree.tostring(el)


def _kind(para: dict) -> str:
    name = (para.get("style_name") or "").lower()
    if (para["outline"] is not None and para["outline"] < 9) or name.startswith(("heading", "title", "заголовок")):
        return "heading"
    return "list-item" if para["list"] else "paragraph"


def read_docx(path: str) -> Document:
    native = _open(path)
    try:
        return _read(path, native)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - a package python-docx opened but whose XML makes no sense
        raise InputError(DAMAGED) from None


def layout(native):
    """(source, pieces) for every block, in the order of Document.blocks: all body paragraphs, then
    the non-empty paragraphs of tables, content controls, headers, footers, footnotes, endnotes."""
    root = native.element
    body_el = root.find(W + "body")
    if body_el is None:
        raise InputError("в файле Word нет текста документа.")
    paragraphs, others = body(body_el)
    for src in paragraphs:
        yield src, paragraph_pieces(src.p)
    numbers = {"header": 0, "footer": 0}
    parts = section_parts(native.part, body_el)
    for area, part in [x for x in parts if x[0] == "header"] + [x for x in parts if x[0] == "footer"]:
        numbers[area] += 1
        others.extend(story(_root(part), f"{area}[{numbers[area]}]", area))
    for kind in ("footnote", "endnote"):
        note_root = _root(_related(native, kind + "s"))
        if note_root is not None:
            others.extend(notes(note_root, kind, body_el))
    for src in others:
        pieces = paragraph_pieces(src.p)
        if "".join(p.text for p in pieces).strip():
            yield src, pieces


def _read(path: str, native) -> Document:
    theme = Theme(_root(_related(native, "theme")))
    sheet = StyleSheet(_root(_related(native, "styles")), theme)
    page_background = _page_background(native.element, theme)
    builder = _Builder(sheet, page_background)
    for i, (src, pieces) in enumerate(layout(native)):
        if src.area == "body":
            kind = _kind(sheet.paragraph(src.p.find(W + "pPr")))
        else:
            kind = AREA_KIND[src.area]
        builder.add(src, kind, separator=i > 0, pieces=pieces)
    default_font, default_origin = sheet.default_font()
    props = {"page_background": page_background, "default_font": default_font,
             "default_font_origin": default_origin,
             "style_names": {sid: sheet.name(sid) for sid in sheet.styles}}
    text = "".join(builder.chunks)
    for block in builder.blocks:
        # addresses, e-mails and phones in a letter's text are not prose, as in .txt and .md
        block.masked = tuple(inline_masks(text, block.start, block.end))
    return Document(path=path, text=text, blocks=builder.blocks, format="docx", props=props, native=native)
