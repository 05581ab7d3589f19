"""Formatting rules on whole documents: clean letters stay silent, findings merge and are said once
where the issue asks for it, and Word files go through `check` like any other letter."""
import json

import docx
from click.testing import CliRunner

from docx_factory import apply_run, clean_document, save_example, set_page_background
from plainlang.cli import main
from plainlang.config import Settings
from plainlang.engine import check_path, check_text


def _check(document, tmp_path, select=("F",), name="letter.docx", **options):
    path = tmp_path / name
    document.save(str(path))
    result = check_path(str(path), Settings(select=list(select), options=options))
    assert result.error is None, result.error
    return result.findings


def _letter(document):
    document.add_paragraph("Здравствуйте, Анна Сергеевна!")
    p = document.add_paragraph("Справку можно получить в ")
    p.add_run("МФЦ")
    p.add_run(". Возьмите паспорт, ИНН и ")
    p.add_run("снилс").font.all_caps = True      # shown as СНИЛС: an abbreviation, not shouting
    p.add_run(". Срок — ")
    p.add_run("до 1 марта").bold = True
    p.add_run(".")
    document.add_paragraph("С уважением, отдел субсидий")
    return document


def test_clean_letter_gives_no_formatting_finding(tmp_path):
    found = _check(_letter(clean_document()), tmp_path, select=("F", "C901"))
    assert found == []


def test_clean_letter_in_other_sans_fonts(tmp_path):
    for font in ("PT Sans", "Calibri", "Verdana", "Liberation Sans", "Roboto"):
        assert _check(_letter(clean_document(font)), tmp_path) == [], font


def test_python_docx_default_template_has_one_serif_finding_for_the_whole_letter(tmp_path):
    found = _check(_letter(docx.Document()), tmp_path)
    assert [(f.rule, f.start, f.end, f.paragraph) for f in found] == [("F104", None, None, None)]
    assert "Cambria" in found[0].message and found[0].suggestions == ("Calibri",)


def test_font_set_in_a_style_is_one_finding_at_its_first_text(tmp_path):
    d = clean_document()
    quote = d.styles.add_style("Выписка", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    quote.base_style = d.styles["Normal"]
    quote.font.name = "Georgia"
    quote.element.rPr.rFonts.set(docx.oxml.ns.qn("w:hAnsi"), "Georgia")
    d.add_paragraph("Обычный абзац.")
    for text in ("Первая выписка.", "Вторая выписка.", "Третья выписка."):
        d.add_paragraph(text, style="Выписка")
    found = _check(d, tmp_path)
    assert [(f.rule, f.text, f.paragraph) for f in found] == [("F104", "Первая выписка.", 1)]
    assert "«Выписка»" in found[0].message


def test_adjacent_runs_merge_and_punctuation_separates(tmp_path):
    d = clean_document()
    p = d.add_paragraph("Приходите ")
    for text, italic in (("в", True), (" ", False), ("среду", True), (", ", False), ("утром", True), (".", False)):
        p.add_run(text).italic = italic
    found = _check(d, tmp_path, select=("F101",))
    assert [f.text for f in found] == ["в среду", "утром"]


def test_link_underline_is_silent_other_underline_is_not(tmp_path):
    d = clean_document()
    p = d.add_paragraph("Форма — на сайте ")
    apply_run(d, p, p.add_run("gosuslugi.ru"), {"link": "https://www.gosuslugi.ru"})
    p.add_run(", подпись ")
    p.add_run("обязательна").underline = True
    found = _check(d, tmp_path, select=("F102",))
    assert [f.text for f in found] == ["обязательна"]


def test_hidden_text_is_not_judged_by_its_look(tmp_path):
    d = clean_document()
    p = d.add_paragraph("Срок ")
    run = p.add_run("служебная пометка")
    run.font.hidden, run.italic = True, True
    assert _check(d, tmp_path) == []


def test_caps_property_never_flags_abbreviations_or_non_words(tmp_path):
    d = clean_document()
    p = d.add_paragraph()
    for text in ("мфц", " ", "гост", " ", "рф", " ", "абв-12", " ", "ооо", " ", "срочно"):
        p.add_run(text).font.all_caps = True
    found = _check(d, tmp_path, select=("F103",))
    assert [(f.text, f.message.split("»")[0]) for f in found] == [("срочно", "«СРОЧНО")]


def test_unknown_font_is_said_once(tmp_path):
    d = clean_document()
    for text in ("Первый абзац.", "Второй абзац."):
        apply_run(d, d.add_paragraph(), d.paragraphs[-1].add_run(text), {"font": "Bookerly Cyr"})
    found = _check(d, tmp_path)
    assert [(f.rule, f.severity, f.text) for f in found] == [("F106", "info", "Первый абзац.")]


def test_findings_outside_the_body_carry_locators(tmp_path):
    d = clean_document()
    d.add_paragraph("Основной текст.")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("в таблице").italic = True
    d.sections[0].footer.paragraphs[0].add_run("в колонтитуле").italic = True
    found = _check(d, tmp_path, select=("F101",))
    assert [(f.text, f.paragraph, f.locator) for f in found] == [
        ("в таблице", None, "table[1]/row[1]/cell[1]/p[1]"), ("в колонтитуле", None, "footer[1]/p[1]")]


def test_mixed_styles_thresholds_are_options(tmp_path):
    item = {"runs": [{"text": "Срок ", "font": "Arial"}, {"text": "до 1 марта", "font": "Verdana"},
                     {"text": ". Ждём Вас.", "font": "Tahoma"}]}
    path = save_example(item, tmp_path / "mixed.docx")
    assert [f.rule for f in check_path(path, Settings(select=["F111"])).findings] == ["F111"]
    relaxed = Settings(select=["F111"], options={"F111": {"max_fonts": 3}})
    assert check_path(path, relaxed).findings == []


def test_page_background_is_one_finding(tmp_path):
    d = _letter(clean_document())
    set_page_background(d, "CCE8CF")
    found = _check(d, tmp_path, select=("F109",))
    assert [(f.start, f.paragraph) for f in found] == [(None, None)]


def test_formatting_rules_are_silent_on_text_files():
    result = check_text("ВНИМАНИЕ: срок до 1 марта.", Settings(select=["F"]))
    assert result.findings == []


def test_text_rules_run_on_word_text_unchanged(tmp_path):
    d = clean_document()
    d.add_paragraph("Здравствуйте!")
    d.add_paragraph("ВНИМАНИЕ: в целях проверки просим осуществить проверку документов.")
    path = tmp_path / "letter.docx"
    d.save(str(path))
    result = check_path(str(path), Settings())
    doc_text = "Здравствуйте!\nВНИМАНИЕ: в целях проверки просим осуществить проверку документов."
    assert {f.rule for f in result.findings} >= {"C901", "K101"}
    for f in result.findings:
        if f.start is not None:
            assert doc_text[f.start:f.end] == f.text
            assert f.paragraph == 1 and f.line == 2


def test_check_json_on_word_files_follows_the_contract(tmp_path):
    d = _letter(clean_document())
    d.paragraphs[1].runs[0].italic = True
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("в таблице").underline = True
    d.save(str(tmp_path / "a.docx"))
    out = CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", "--isolated",
                                    str(tmp_path / "a.docx")])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    findings = data["files"][0]["findings"]
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["F101"]["paragraph"] == 1 and by_rule["F101"]["text"] == "Справку можно получить в "[:-1]
    assert by_rule["F101"]["line"] == 2 and "locator" not in by_rule["F101"]
    assert by_rule["F102"]["paragraph"] is None
    assert by_rule["F102"]["locator"] == "table[1]/row[1]/cell[1]/p[1]"
    for f in findings:
        assert {"rule", "name", "category", "severity", "message", "start", "end", "text", "paragraph"} <= set(f)


def test_no_contrast_guess_where_a_table_style_paints_cells(tmp_path):
    """Word's banded table styles paint header rows dark and letter them white; plainlang does not
    resolve those conditional colours, so it stays silent rather than see white on white."""
    d = clean_document()
    table = d.add_table(rows=2, cols=1)
    table.style = "Medium Shading 1 Accent 1"
    run = table.cell(0, 0).paragraphs[0].add_run("Документ")
    run.font.color.rgb = docx.shared.RGBColor(0xFF, 0xFF, 0xFF)
    plain = d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("Срок")
    plain.font.color.rgb = docx.shared.RGBColor(0xFF, 0xFF, 0xFF)     # white on a white page
    found = _check(d, tmp_path, select=("F110",))
    assert [(f.text, f.locator) for f in found] == [("Срок", "table[2]/row[1]/cell[1]/p[1]")]


def test_white_highlight_is_no_background(tmp_path):
    d = clean_document()
    p = d.add_paragraph("Срок ")
    for name in ("white", "yellow"):
        run = p.add_run(f"{name} ")
        run._r.get_or_add_rPr().append(docx.oxml.parse_xml(
            f'<w:highlight xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="{name}"/>'))
    found = _check(d, tmp_path, select=("F108",))
    assert [f.text for f in found] == ["yellow"]
