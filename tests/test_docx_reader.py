"""The .docx reader: text and offsets as contract.md §2 says, locators for the parts outside the body,
and the formatting Word really shows (styles, toggles, theme fonts, the Cyrillic font slot)."""
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from docx_factory import add_style_xml, clean_document, raw_paragraph, set_theme_fonts, theme_part
from libreoffice import libreoffice  # noqa: F401 - the session fixture
from plainlang.config import Settings
from plainlang.document.load import load
from plainlang.engine import check_path

FIXTURES = Path(__file__).parent / "fixtures" / "docx"


def _read(document, tmp_path, name="letter.docx"):
    path = tmp_path / name
    document.save(str(path))
    return load(str(path))


def _run_props(doc, fragment):
    """Properties of the run that holds `fragment` (it must sit in one run)."""
    at = doc.text.index(fragment)
    for block in doc.blocks:
        for run in block.runs:
            if run.start <= at and at + len(fragment) <= run.end:
                return run.props
    raise AssertionError(f"нет run с «{fragment}»")


# --- text, offsets, locators ---------------------------------------------------------------

def test_body_text_is_python_docx_paragraphs_joined(tmp_path):
    d = clean_document()
    d.add_paragraph("Здравствуйте, Анна Сергеевна!")
    d.add_paragraph("")
    p = d.add_paragraph("Срок — ")
    p.add_run("до 1 марта").italic = True
    p.add_run(".\tСтрока\nвторая")
    doc = _read(d, tmp_path)
    native = docx.Document(str(tmp_path / "letter.docx"))
    assert doc.text == "\n".join(p.text for p in native.paragraphs)
    assert [(b.paragraph, b.locator, b.kind) for b in doc.blocks] == [
        (0, None, "paragraph"), (1, None, "paragraph"), (2, None, "paragraph")]
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [p.text for p in native.paragraphs]
    at = doc.text.index("марта")
    assert doc.position(at) == (3, at - doc.blocks[2].start + 1)
    assert doc.native is not None and doc.format == "docx"


def test_tables_headers_footers_follow_the_body_with_locators(tmp_path):
    d = clean_document()
    d.add_paragraph("Первый абзац.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Документ"
    table.cell(1, 1).text = "До 1 марта"
    inner = table.cell(1, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Вложенная"
    d.add_paragraph("Последний абзац.")
    section = d.sections[0]
    section.header.paragraphs[0].text = "Отдел субсидий"
    section.footer.paragraphs[0].text = "Телефон для справок"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Бланк министерства"
    doc = _read(d, tmp_path)
    body_text = "Первый абзац.\nПоследний абзац."
    assert doc.text.startswith(body_text + "\n")
    others = [(b.locator, doc.text[b.start:b.end], b.paragraph, b.kind) for b in doc.blocks[2:]]
    assert others == [
        ("table[1]/row[1]/cell[1]/p[1]", "Документ", None, "cell"),
        ("table[1]/row[2]/cell[1]/table[1]/row[1]/cell[1]/p[1]", "Вложенная", None, "cell"),
        ("table[1]/row[2]/cell[2]/p[1]", "До 1 марта", None, "cell"),
        ("header[1]/p[1]", "Отдел субсидий", None, "header"),
        ("header[2]/p[1]", "Бланк министерства", None, "header"),
        ("footer[1]/p[1]", "Телефон для справок", None, "footer"),
    ]
    assert doc.text == body_text + "".join("\n" + t for _, t, _, _ in others)


def test_hyperlinks_insertions_fields_are_read_and_deletions_skipped(tmp_path):
    d = clean_document()
    raw_paragraph(d, '<w:r><w:t xml:space="preserve">Мы </w:t></w:r>'
                     '<w:del w:id="1" w:author="А"><w:r><w:delText xml:space="preserve">не </w:delText></w:r></w:del>'
                     '<w:ins w:id="2" w:author="А"><w:r><w:t xml:space="preserve">уже </w:t></w:r></w:ins>'
                     '<w:r><w:t xml:space="preserve">ответили, см. </w:t></w:r>'
                     '<w:hyperlink r:id="rId999"><w:r><w:t>сайт</w:t></w:r></w:hyperlink>'
                     '<w:r><w:t xml:space="preserve"> и </w:t></w:r>'
                     '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://gosuslugi.ru" </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                     '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>портал</w:t></w:r>'
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                     '<w:fldSimple w:instr=" PAGE "><w:r><w:t>, стр. 2</w:t></w:r></w:fldSimple>')
    doc = _read(d, tmp_path)
    assert doc.text == "Мы уже ответили, см. сайт и портал, стр. 2"
    assert _run_props(doc, "сайт")["hyperlink"] and _run_props(doc, "портал")["hyperlink"]
    assert not _run_props(doc, "уже")["hyperlink"]


def test_empty_document_reads(tmp_path):
    # the reader returns an empty Document; load() then refuses it with a message (tests/test_cli.py)
    from plainlang.document.docx import read_docx
    path = tmp_path / "empty.docx"
    clean_document().save(str(path))
    doc = read_docx(str(path))
    assert doc.text == "" and doc.blocks == []


def test_heading_and_list_kinds(tmp_path):
    d = clean_document()
    d.add_heading("Ответ на обращение", 1)
    d.add_paragraph("Первый пункт", style="List Bullet")
    d.add_paragraph("Обычный абзац")
    doc = _read(d, tmp_path)
    assert [b.kind for b in doc.blocks] == ["heading", "list-item", "paragraph"]


# --- effective formatting ------------------------------------------------------------------

def test_cyrillic_letters_use_the_hansi_font(tmp_path):
    d = clean_document()
    raw_paragraph(d, '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Times New Roman"/></w:rPr>'
                     '<w:t xml:space="preserve">Срок </w:t></w:r>'
                     '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Times New Roman"/></w:rPr><w:t>2024</w:t></w:r>')
    doc = _read(d, tmp_path)
    assert docx.Document(str(tmp_path / "letter.docx")).paragraphs[0].runs[0].font.name == "Arial"
    assert _run_props(doc, "Срок")["font"] == "Times New Roman"
    assert _run_props(doc, "2024")["font"] == "Arial"


def test_theme_fonts_with_the_cyrillic_script_entry(tmp_path):
    d = docx.Document()      # its docDefaults point at the theme's minor font
    set_theme_fonts(d, "Calibri", cyrillic="PT Serif")
    d.add_paragraph("Срок подачи")
    d.add_paragraph("Deadline")
    doc = _read(d, tmp_path)
    assert _run_props(doc, "Срок подачи")["font"] == "PT Serif"
    assert _run_props(doc, "Deadline")["font"] == "Calibri"
    assert _run_props(doc, "Срок подачи")["font_origin"] == "default"
    assert doc.props["default_font"] == "PT Serif"


def test_python_docx_default_template_is_cambria(tmp_path):
    d = docx.Document()
    d.add_paragraph("Срок подачи")
    assert b"Cambria" in theme_part(d).blob
    doc = _read(d, tmp_path)
    assert _run_props(doc, "Срок подачи")["font"] == "Cambria"


def test_theme_attribute_wins_over_the_name_beside_it(tmp_path):
    d = docx.Document()
    raw_paragraph(d, '<w:r><w:rPr><w:rFonts w:hAnsi="Arial" w:hAnsiTheme="minorHAnsi"/></w:rPr><w:t>Срок</w:t></w:r>')
    assert _run_props(_read(d, tmp_path), "Срок")["font"] == "Cambria"


def test_word_draws_times_new_roman_when_no_font_is_given(tmp_path):
    d = docx.Document()
    defaults = d.styles.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    d.styles.element.remove(defaults)
    d.add_paragraph("Срок")
    props = _run_props(_read(d, tmp_path), "Срок")
    assert (props["font"], props["font_origin"], props["size"]) == ("Times New Roman", "default", 10.0)


def test_style_chains_and_where_the_font_comes_from(tmp_path):
    d = clean_document()
    add_style_xml(d, '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
                     '<w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style>')
    add_style_xml(d, '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/>'
                     '<w:basedOn w:val="Base"/><w:rPr><w:sz w:val="30"/></w:rPr></w:style>')
    add_style_xml(d, '<w:style w:type="character" w:styleId="Sans"><w:name w:val="Sans"/>'
                     '<w:rPr><w:rFonts w:hAnsi="Verdana"/></w:rPr></w:style>')
    p = d.add_paragraph("Основной ", style="Derived")
    p.add_run("выделенный").style = "Sans"
    direct = p.add_run(" прямой")
    direct.font.name = "Tahoma"
    direct._r.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hAnsi", "Tahoma")
    d.add_paragraph("Обычный")
    doc = _read(d, tmp_path)
    base = _run_props(doc, "Основной")
    assert (base["font"], base["size"], base["font_origin"]) == ("Georgia", 15.0, "style:Base")
    assert (_run_props(doc, "выделенный")["font"], _run_props(doc, "выделенный")["font_origin"]) == (
        "Verdana", "style:Sans")
    assert (_run_props(doc, "прямой")["font"], _run_props(doc, "прямой")["font_origin"]) == ("Tahoma", "direct")
    assert (_run_props(doc, "Обычный")["font"], _run_props(doc, "Обычный")["font_origin"]) == ("Arial", "default")


def test_toggle_properties_of_styles_cancel_each_other(tmp_path):
    d = clean_document()
    p = d.add_paragraph("Цитата ", style="Intense Quote")        # italic paragraph style
    p.add_run("выделение").style = "Emphasis"                     # italic character style: upright
    forced = p.add_run(" прямой")
    forced.style = "Emphasis"
    forced.italic = True                                           # direct formatting sets, never toggles
    q = d.add_paragraph("")
    q.add_run("курсив").style = "Emphasis"
    doc = _read(d, tmp_path)
    assert _run_props(doc, "Цитата")["italic"] is True
    assert _run_props(doc, "выделение")["italic"] is False
    assert _run_props(doc, "прямой")["italic"] is True
    assert _run_props(doc, "курсив")["italic"] is True


def test_colours_shading_and_what_the_text_is_drawn_on(tmp_path):
    d = clean_document()
    d.element.insert(0, docx.oxml.parse_xml(
        '<w:background xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:color="FFFFCC"/>'))
    raw_paragraph(d, '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:pPr>'
                     '<w:r><w:t xml:space="preserve">абзац </w:t></w:r>'
                     '<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="00FF00"/></w:rPr><w:t xml:space="preserve">заливка </w:t></w:r>'
                     '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">маркер </w:t></w:r>'
                     '<w:r><w:rPr><w:shd w:val="pct50" w:color="000000" w:fill="FFFFFF"/></w:rPr><w:t>узор</w:t></w:r>')
    d.add_paragraph("страница").runs[0].font.color.rgb = docx.shared.RGBColor(0x11, 0x22, 0x33)
    raw_paragraph(d, '<w:r><w:rPr><w:color w:themeColor="accent1"/></w:rPr><w:t>тема</w:t></w:r>')
    doc = _read(d, tmp_path)
    assert doc.props["page_background"] == "FFFFCC"
    assert doc.blocks[0].props["shading"] == "D9E2F3"
    assert _run_props(doc, "абзац")["background"] == "D9E2F3"
    assert (_run_props(doc, "заливка")["shading"], _run_props(doc, "заливка")["background"]) == ("00FF00", "00FF00")
    assert (_run_props(doc, "маркер")["highlight"], _run_props(doc, "маркер")["background"]) == ("yellow", "FFFF00")
    assert _run_props(doc, "узор")["shading"] == "808080"
    assert (_run_props(doc, "страница")["colour"], _run_props(doc, "страница")["background"]) == ("112233", "FFFFCC")
    assert _run_props(doc, "тема")["colour"] == "4F81BD"   # accent1 of python-docx's theme


def test_text_effects(tmp_path):
    d = clean_document()
    raw_paragraph(d, '<w:r><w:rPr><w:shadow/><w:emboss/></w:rPr><w:t xml:space="preserve">тень </w:t></w:r>'
                     '<w:r><w:rPr><w:imprint/><w:outline/></w:rPr><w:t xml:space="preserve">гравировка </w:t></w:r>'
                     '<w:r><w:rPr><w:effect w:val="shimmer"/><w14:glow w14:rad="63500"/><w14:reflection/></w:rPr>'
                     '<w:t xml:space="preserve">свечение </w:t></w:r>'
                     '<w:r><w:rPr><w14:textOutline w14:w="0"><w14:noFill/></w14:textOutline></w:rPr>'
                     '<w:t xml:space="preserve">простой </w:t></w:r>'
                     '<w:r><w:rPr><w14:textFill><w14:gradFill/></w14:textFill><w14:props3d/></w:rPr><w:t>объём</w:t></w:r>')
    doc = _read(d, tmp_path)
    assert _run_props(doc, "тень")["effects"] == ("shadow", "emboss")
    assert _run_props(doc, "гравировка")["effects"] == ("imprint", "outline")
    assert _run_props(doc, "свечение")["effects"] == ("glow", "reflection", "animation")
    assert _run_props(doc, "простой")["effects"] == ()
    assert _run_props(doc, "объём")["effects"] == ("gradient", "3d")


def test_size_bold_caps_hidden(tmp_path):
    d = clean_document()
    p = d.add_paragraph()
    r = p.add_run("крупно")
    r.font.size, r.bold, r.font.all_caps = Pt(18), True, True
    p.add_run("скрыто").font.hidden = True
    doc = _read(d, tmp_path)
    big = _run_props(doc, "крупно")
    assert (big["size"], big["bold"], big["caps"]) == (18.0, True, True)
    assert _run_props(doc, "скрыто")["hidden"] is True


# --- files written by LibreOffice ----------------------------------------------------------

def _findings(path, select="F,C901"):
    result = check_path(str(path), Settings(select=select.split(",")))
    assert result.error is None, result.error
    return [(f.rule, f.paragraph, f.locator, f.text) for f in result.findings]


FORMATTING_EXPECTED = [
    ("F109", None, None, ""),
    ("F101", 1, None, "до 1 марта"),
    ("F102", 1, None, "оригинал паспорта"),
    ("F103", 2, None, "внимание"),
    ("F103", 2, None, "переносится"),
    ("F107", 3, None, "принято"),
    ("F107", 3, None, "одобрена"),
    ("F107", 3, None, "назначена"),
    ("F108", 4, None, "12 500 рублей"),
    ("F104", 4, None, "выплата"),
    ("F110", 4, None, "по средам"),
    ("F108", 5, None, "Приём переносится на среду."),
    ("F104", 6, None, "Выписка из решения комиссии."),
    ("F102", None, "table[1]/row[2]/cell[2]/p[1]", "До 1 марта"),
    ("F101", None, "header[1]/p[1]", "субсидий"),
    ("F101", None, "footnote[1]/p[1]", "субсидиях"),
]


def test_libreoffice_letter_text_and_locators():
    doc = load(str(FIXTURES / "letter_formatting.docx"))
    native_paragraphs = [p.text for p in doc.native.paragraphs]
    body = [doc.text[b.start:b.end] for b in doc.blocks if b.is_body()]
    assert len(body) == len(native_paragraphs) == 10
    # the tracked insertion «уже» is read (python-docx skips it), the deletion is not
    assert body[8] == "Мы уже назначили выплату." and native_paragraphs[8] == "Мы назначили выплату."
    assert [b.locator for b in doc.blocks if not b.is_body()] == [
        "table[1]/row[1]/cell[1]/p[1]", "table[1]/row[1]/cell[2]/p[1]", "table[1]/row[2]/cell[1]/p[1]",
        "table[1]/row[2]/cell[2]/p[1]", "header[1]/p[1]", "footer[1]/p[1]", "footnote[1]/p[1]"]
    assert doc.text.endswith("\nПо закону о субсидиях.")
    # LibreOffice's Normal style is not flagged as the default one, yet it is
    assert (doc.props["default_font"], doc.props["default_font_origin"]) == ("Arial", "default")


def test_libreoffice_letter_every_formatting_finding_in_place():
    found = _findings(FIXTURES / "letter_formatting.docx")
    assert sorted(found, key=str) == sorted(FORMATTING_EXPECTED, key=str)


def test_libreoffice_clean_letter_has_no_formatting_finding():
    assert _findings(FIXTURES / "letter_clean.docx") == []


@pytest.mark.slow
def test_fixtures_match_their_sources(libreoffice, tmp_path):  # noqa: F811 - pytest fixture
    """The committed .docx files are what LibreOffice makes of their .fodt sources today."""
    for source in sorted(FIXTURES.glob("*.fodt")):
        fresh = libreoffice.convert(source, "docx", tmp_path)
        kept = FIXTURES / fresh.name
        assert load(str(fresh)).text == load(str(kept)).text
        assert _findings(fresh, "ALL") == _findings(kept, "ALL")


def test_addresses_in_word_text_are_not_prose(tmp_path):
    from plainlang.config import Settings
    from plainlang.engine import check_path
    document = clean_document()
    document.add_paragraph("Пишите на minprom@e-mordovia.ru или звоните 8 (8342) 47-23-21.")
    path = tmp_path / "a.docx"
    document.save(str(path))
    found = check_path(str(path), Settings(select=["P701", "O101"])).findings
    assert found == []
