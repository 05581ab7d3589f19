"""Where the text of a .docx is: its paragraphs with locators, and the pieces of text in a paragraph.

The reader and `annotate` both walk the XML through these functions, so an offset found by a rule
points at the same `w:t` element when the comment is placed.
"""
from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

RUN_CHARS = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}
# Wrappers whose runs are shown as ordinary text: tracked insertions and moves, smart tags,
# content controls, custom XML, bidi overrides. Deletions (w:del, w:moveFrom) are not shown.
PASS_THROUGH = {W + "ins", W + "moveTo", W + "smartTag", W + "customXml", W + "bdo", W + "dir"}


@dataclass
class Piece:
    text: str
    r: object          # the w:r element the text belongs to
    node: object       # the element that holds it: w:t, w:tab, w:br …
    link: bool         # inside a hyperlink (w:hyperlink or a HYPERLINK field)


@dataclass
class Source:
    """One paragraph of the document and where it sits."""
    p: object
    area: str                      # body | cell | control | header | footer | footnote | endnote
    paragraph: int | None = None   # index in python-docx's Document.paragraphs (body only)
    locator: str | None = None
    table_style: str | None = None
    cell_shading: str | None = None


def _is_link(instr: str | None) -> bool:
    return bool(instr) and instr.strip().upper().startswith("HYPERLINK")


def paragraph_pieces(p) -> list[Piece]:
    """The visible text of a paragraph in order, each piece with the run it came from."""
    out: list[Piece] = []
    fields: list[list] = []   # open complex fields: [instruction, showing result]

    def run(r, link):
        for child in r:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    fields.append(["", False])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if tag == W + "instrText":
                if fields:
                    fields[-1][0] += child.text or ""
                continue
            if any(not shown for _, shown in fields):
                continue  # the field's code, which Word does not show
            if tag == W + "t":
                text = child.text or ""
            elif tag == W + "br":
                text = "\n" if child.get(W + "type") in (None, "textWrapping") else ""
            else:
                text = RUN_CHARS.get(tag, "")
            if text:
                out.append(Piece(text, r, child, link or any(_is_link(i) for i, _ in fields)))

    def visit(el, link):
        for child in el:
            tag = child.tag
            if tag == W + "r":
                run(child, link)
            elif tag == W + "hyperlink":
                visit(child, True)
            elif tag == W + "fldSimple":
                visit(child, link or _is_link(child.get(W + "instr")))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    visit(content, link)
            elif tag in PASS_THROUGH:
                visit(child, link)

    visit(p, False)
    return out


def _cell_shading(tc):
    from .docx_colors import shading_colour
    shd = tc.find(f"{W}tcPr/{W}shd")
    if shd is None:
        return None
    return shading_colour(shd.get(W + "val"), shd.get(W + "color"), shd.get(W + "fill"))


def _table_style(tbl):
    el = tbl.find(f"{W}tblPr/{W}tblStyle")
    return el.get(W + "val") if el is not None else None


def story(container, prefix: str, area: str, table_style=None, cell_shading=None):
    """Paragraphs of a header, footer, note or table cell, tables included, as `prefix/p[n]`."""
    paragraphs = tables = 0
    for child in _flatten(container):
        if child.tag == W + "p":
            paragraphs += 1
            yield Source(child, area, None, f"{prefix}/p[{paragraphs}]", table_style, cell_shading)
        elif child.tag == W + "tbl":
            tables += 1
            yield from table(child, f"{prefix}/table[{tables}]")


def _flatten(container):
    # block-level content controls and custom XML only wrap paragraphs and tables
    for child in container:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _flatten(content)
        elif child.tag == W + "customXml":
            yield from _flatten(child)
        else:
            yield child


def table(tbl, prefix: str):
    style = _table_style(tbl)
    for ri, tr in enumerate(tbl.findall(W + "tr"), start=1):
        for ci, tc in enumerate(tr.findall(W + "tc"), start=1):
            yield from story(tc, f"{prefix}/row[{ri}]/cell[{ci}]", "cell", style, _cell_shading(tc))


def body(body_el):
    """(body paragraphs, everything else in the body). Only direct w:p children of w:body are
    python-docx's Document.paragraphs; tables and content controls get locators."""
    paragraphs: list[Source] = []
    others: list[Source] = []
    tables = controls = 0
    for child in body_el:
        if child.tag == W + "p":
            paragraphs.append(Source(child, "body", len(paragraphs)))
        elif child.tag == W + "tbl":
            tables += 1
            others.extend(table(child, f"table[{tables}]"))
        elif child.tag in (W + "sdt", W + "customXml"):
            controls += 1
            others.extend(story([child], f"sdt[{controls}]", "control"))
    return paragraphs, others


def section_parts(document_part, body_el):
    """Header and footer parts in the order sections refer to them, each once."""
    seen, out = set(), []
    for sect in body_el.iter(W + "sectPr"):
        for ref in sect:
            if ref.tag not in (W + "headerReference", W + "footerReference"):
                continue
            rid = ref.get(R + "id")
            part = document_part.related_parts.get(rid) if rid else None
            if part is None or id(part) in seen:
                continue
            seen.add(id(part))
            out.append(("header" if ref.tag == W + "headerReference" else "footer", part))
    return out


def notes(root, kind: str, body_el):
    """Footnotes or endnotes numbered as the reader sees them: in the order the text refers to them."""
    tag = W + kind
    by_id = {n.get(W + "id"): n for n in root.findall(tag)
             if n.get(W + "type") in (None, "normal")}
    order = []
    for ref in body_el.iter(W + kind + "Reference"):
        nid = ref.get(W + "id")
        if nid in by_id and nid not in order:
            order.append(nid)
    order += [nid for nid in by_id if nid not in order]
    for number, nid in enumerate(order, start=1):
        yield from story(by_id[nid], f"{kind}[{number}]", kind)
