"""Word documents for tests. The builder itself lives in plainlang.document.docx_build (evaluation
uses it too); this module adds what only tests need: raw WordprocessingML and saved examples."""
from __future__ import annotations

from plainlang.document.docx_build import (  # noqa: F401 - re-exported for the tests
    PPR_ORDER, RPR_ORDER, SLOTS, W14, add_highlight, add_shading, add_w14, apply_normal, apply_run,
    build_example, clean_document, hyperlink_style, set_fonts, set_page_background, set_theme_fonts,
    theme_part, wrap_in_hyperlink)

def save_example(item: dict, path) -> str:
    build_example(item).save(str(path))
    return str(path)


def raw_paragraph(document, inner: str):
    """A body paragraph whose content is written as WordprocessingML (w: and r: prefixes)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    p = document.add_paragraph()._p
    wrapper = parse_xml(f'<w:p {nsdecls("w", "r")} xmlns:w14="{W14}">{inner}</w:p>')
    for child in list(wrapper):
        p.append(child)
    return p


def add_style_xml(document, xml: str):
    """A style written as WordprocessingML, added to styles.xml."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    document.styles.element.append(parse_xml(xml.replace("<w:style ", f"<w:style {nsdecls('w')} ", 1)))
