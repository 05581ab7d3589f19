"""Word documents built from a small spec: the formatting rules' YAML examples and the Word letters of
the evaluation corpus are both written this way (schema: plainlang/examples.py, `docx_paragraphs`).

python-docx's own template draws body text in the theme's minor font, Cambria, which has serifs.
`clean_document()` gives Arial to the Normal style (every script slot) and to the theme, so a
document built on it has no formatting finding until the spec adds one.
"""
from __future__ import annotations

import re

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree

from ..examples import docx_paragraphs

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
# schema order of the children that follow w:highlight and w:shd (Word rejects files out of order)
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
             "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
             "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
             "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
             "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _after(seq, tag):
    return seq[seq.index(tag) + 1:]


def set_fonts(rpr, name: str, slots=SLOTS):
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn("w:" + attr), None)
    for slot in slots:
        fonts.set(qn("w:" + slot), name)


def theme_part(document):
    return document.part.part_related_by(RT.THEME)


def set_theme_fonts(document, latin: str, cyrillic: str | None = None):
    """Both theme fonts (major and minor) become `latin`; `cyrillic` adds a script="Cyrl" entry."""
    part = theme_part(document)
    xml = part.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\g<1>{latin}"', xml)
    if cyrillic:
        xml = re.sub(r"(<a:(?:major|minor)Font>\s*<a:latin [^>]*/>\s*<a:ea [^>]*/>\s*<a:cs [^>]*/>)",
                     rf'\1<a:font script="Cyrl" typeface="{cyrillic}"/>', xml)
    part._blob = xml.encode("utf-8")


def clean_document(font: str = "Arial"):
    document = docx.Document()
    set_fonts(document.styles["Normal"].element.get_or_add_rPr(), font)
    set_theme_fonts(document, font)
    return document


def add_shading(owner, colour: str, seq):
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): colour})
    owner.insert_element_before(shd, *_after(seq, "w:shd"))


def add_highlight(rpr, name: str):
    el = OxmlElement("w:highlight", {qn("w:val"): name})
    rpr.insert_element_before(el, *_after(RPR_ORDER, "w:highlight"))


def add_w14(rpr, effect: str):
    """Word 2010 text effects, the way Word writes them."""
    el = etree.SubElement(rpr, f"{{{W14}}}{effect}")
    if effect == "glow":
        el.set(f"{{{W14}}}rad", "63500")
        clr = etree.SubElement(el, f"{{{W14}}}srgbClr", {f"{{{W14}}}val": "FFC000"})
        etree.SubElement(clr, f"{{{W14}}}alpha", {f"{{{W14}}}val": "60000"})
    elif effect == "reflection":
        for key, value in (("blurRad", "6350"), ("stA", "55000"), ("endPos", "50000"), ("dist", "0"),
                           ("dir", "5400000"), ("sy", "-100000"), ("algn", "bl")):
            el.set(f"{{{W14}}}{key}", value)
    elif effect == "textFill":
        grad = etree.SubElement(el, f"{{{W14}}}gradFill")
        lst = etree.SubElement(grad, f"{{{W14}}}gsLst")
        for pos, colour in (("0", "FF0000"), ("100000", "0000FF")):
            gs = etree.SubElement(lst, f"{{{W14}}}gs", {f"{{{W14}}}pos": pos})
            etree.SubElement(gs, f"{{{W14}}}srgbClr", {f"{{{W14}}}val": colour})
    return el


def hyperlink_style(document):
    if "Hyperlink" not in [s.name for s in document.styles]:
        style = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.font.underline = True
        style.font.color.rgb = RGBColor.from_string("0563C1")
    return "Hyperlink"


def wrap_in_hyperlink(paragraph, run, url: str):
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", {qn("r:id"): rid})
    run._r.addprevious(link)
    link.append(run._r)


def apply_run(document, paragraph, run, spec: dict):
    font = run.font
    for key, attr in (("italic", "italic"), ("bold", "bold"), ("caps", "all_caps"), ("small_caps", "small_caps"),
                      ("hidden", "hidden")):
        if spec.get(key):
            setattr(font, attr, True)
    if spec.get("underline"):
        font.underline = True
    if spec.get("style"):
        run.style = spec["style"]
    if spec.get("font"):
        set_fonts(run._r.get_or_add_rPr(), spec["font"])
    if spec.get("size"):
        font.size = Pt(spec["size"])
    if spec.get("colour"):
        font.color.rgb = RGBColor.from_string(spec["colour"])
    rpr = run._r.get_or_add_rPr()
    if spec.get("highlight"):
        add_highlight(rpr, spec["highlight"])
    if spec.get("shading"):
        add_shading(rpr, spec["shading"], RPR_ORDER)
    legacy = ("shadow", "emboss", "imprint", "outline")
    for effect in spec.get("effects", []):
        if effect in legacy:
            setattr(font, effect, True)
    for effect in spec.get("effects", []):
        if effect not in legacy:   # w14 elements come after every w: element of rPr
            add_w14(rpr, {"gradient": "textFill"}.get(effect, effect))
    if spec.get("link"):
        run.style = hyperlink_style(document)
        wrap_in_hyperlink(paragraph, run, spec["link"])


def set_page_background(document, colour: str):
    background = OxmlElement("w:background", {qn("w:color"): colour})
    document.element.insert(0, background)
    settings = document.settings.element
    early = {qn("w:" + t) for t in ("writeProtection", "view", "zoom", "removePersonalInformation",
                                    "removeDateAndTime", "doNotDisplayPageBoundaries")}
    flag = OxmlElement("w:displayBackgroundShape")
    later = [c for c in settings if c.tag not in early]
    if later:
        later[0].addprevious(flag)
    else:
        settings.append(flag)


def apply_normal(document, spec: dict):
    style = document.styles["Normal"]
    if spec.get("font"):
        set_fonts(style.element.get_or_add_rPr(), spec["font"])
    if spec.get("size"):
        style.font.size = Pt(spec["size"])
    if spec.get("colour"):
        style.font.color.rgb = RGBColor.from_string(spec["colour"])


def build_example(item: dict):
    """A python-docx Document for one YAML example of a formatting rule."""
    document = clean_document()
    if item.get("theme"):
        # the Normal style leaves the font to the theme, as in Word's own templates
        document.styles["Normal"].element.get_or_add_rPr().remove_all("w:rFonts")
        set_theme_fonts(document, item["theme"], item.get("theme_cyrillic"))
    if item.get("normal"):
        apply_normal(document, item["normal"])
    if item.get("page"):
        set_page_background(document, item["page"])
    for para in docx_paragraphs(item):
        paragraph = document.add_paragraph(style=para.get("style"))
        if para.get("shading"):
            add_shading(paragraph._p.get_or_add_pPr(), para["shading"], PPR_ORDER)
        for spec in para["runs"]:
            run = paragraph.add_run(str(spec.get("text", "")))
            apply_run(document, paragraph, run, spec)
    return document


