"""`plainlang annotate`: every finding becomes a Word comment on exactly its words, the score sits on
the first paragraph, the input is never touched, and LibreOffice opens the result with every comment."""
import hashlib
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from docx_factory import clean_document
from libreoffice import libreoffice  # noqa: F401 - the session fixture
from plainlang.cli import main
from plainlang.document.load import load

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIXTURES = Path(__file__).parent / "fixtures" / "docx"


def _draft(tmp_path) -> Path:
    d = clean_document()
    d.add_paragraph("Здравствуйте, Анна Сергеевна!")
    p = d.add_paragraph("В целях проверки просим осуществить проверку документов до ")
    p.add_run("1 марта включительно").italic = True      # one run, partly flagged by another rule
    p.add_run(". ВНИМАНИЕ: приём переносится.")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Срок").underline = True
    d.sections[0].header.paragraphs[0].add_run("Отдел субсидий").italic = True
    path = tmp_path / "draft.docx"
    d.save(str(path))
    return path


def _invoke(*args):
    return CliRunner().invoke(main, ["annotate", "--isolated", *map(str, args)])


def _check_json(path):
    out = CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", "--isolated", str(path)])
    return json.loads(out.output)["files"][0]


def _anchored_texts(path) -> dict[str, str]:
    """comment id → the text between its range start and end, in document order."""
    native = docx.Document(str(path))
    texts: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in native.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            texts.setdefault(el.get(W + "id"), [])
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t":
            for cid in open_ids:
                texts[cid].append(el.text or "")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def test_each_finding_is_a_comment_on_exactly_its_words(tmp_path):
    draft = _draft(tmp_path)
    out = _invoke(draft, "-o", tmp_path / "out.docx")
    assert out.exit_code == 0, out.output
    report = _check_json(draft)
    native = docx.Document(str(tmp_path / "out.docx"))
    comments = {str(c.comment_id): c for c in native.comments}
    anchored = _anchored_texts(tmp_path / "out.docx")
    assert all(c.author == "plainlang" and c.initials == "PL" for c in comments.values())
    placed = [f for f in report["findings"] if f["start"] is not None and "locator" not in f
              or (f.get("locator") or "").startswith("table")]
    assert placed
    by_text = {}
    for cid, text in anchored.items():
        by_text.setdefault(comments[cid].text.rsplit("[", 1)[-1].rstrip("]"), []).append(text)
    for f in placed:
        assert f["text"] in by_text.get(f["rule"], []), f"{f['rule']} «{f['text']}» не отмечен: {by_text}"
    assert len(anchored) == len(placed) + 1          # and the score comment


def test_score_comment_on_the_first_paragraph_lists_what_has_no_place(tmp_path):
    draft = _draft(tmp_path)
    assert _invoke(draft, "-o", tmp_path / "out.docx").exit_code == 0
    report = _check_json(draft)
    native = docx.Document(str(tmp_path / "out.docx"))
    score = next(c for c in native.comments if c.text.startswith("Оценка письма"))
    assert f"{report['score']:.1f}".replace(".", ",") in score.text
    assert f"Замечаний: {len(report['findings'])}." in score.text
    assert "верхний колонтитул 1, абзац 1" in score.text and "[F101]" in score.text
    assert _anchored_texts(tmp_path / "out.docx")[str(score.comment_id)] == "Здравствуйте, Анна Сергеевна!"


def test_the_letter_reads_the_same_after_annotation(tmp_path):
    """Cutting runs keeps their formatting: same text, same findings."""
    draft = _draft(tmp_path)
    assert _invoke(draft, "-o", tmp_path / "out.docx").exit_code == 0
    before, after = _check_json(draft), _check_json(tmp_path / "out.docx")
    assert load(str(draft)).text == load(str(tmp_path / "out.docx")).text
    assert [(f["rule"], f["start"], f["end"]) for f in before["findings"]] == [
        (f["rule"], f["start"], f["end"]) for f in after["findings"]]


def test_input_is_never_changed_and_the_default_name_is_used(tmp_path):
    draft = _draft(tmp_path)
    digest = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = _invoke(draft)
    assert out.exit_code == 0, out.output
    assert (tmp_path / "draft.checked.docx").exists()
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.checked.docx", "draft.docx"]  # no temp left


def test_refuses_to_overwrite_the_input(tmp_path):
    draft = _draft(tmp_path)
    digest = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = _invoke(draft, "-o", draft)
    assert out.exit_code == 2
    assert "поверх исходного" in out.output
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("name,content,message", [
    ("letter.txt", b"text", "только в файл Word"),
    ("broken.docx", b"PK\x03\x04broken", "повреждён"),
    ("missing.docx", None, "не найден"),
])
def test_bad_inputs_exit_2_with_a_message(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = _invoke(path)
    assert out.exit_code == 2 and message in out.output
    assert "Traceback" not in out.output


def test_options_are_those_of_check(tmp_path):
    draft = _draft(tmp_path)
    assert _invoke(draft, "--select", "F101", "-o", tmp_path / "out.docx").exit_code == 0
    texts = [c.text for c in docx.Document(str(tmp_path / "out.docx")).comments]
    assert [t for t in texts if not t.startswith("Оценка")] == [t for t in texts if "[F101]" in t and
                                                                 not t.startswith("Оценка")]
    assert len(texts) == 2       # the italic in the body; the header's italic is in the score comment


def test_annotates_a_libreoffice_letter(tmp_path):
    out = _invoke(FIXTURES / "letter_formatting.docx", "-o", tmp_path / "out.docx")
    assert out.exit_code == 0, out.output
    anchored = _anchored_texts(tmp_path / "out.docx")
    assert {"до 1 марта", "оригинал паспорта", "внимание", "принято", "До 1 марта"} <= set(anchored.values())


@pytest.mark.slow
def test_libreoffice_opens_the_result_with_every_comment(libreoffice, tmp_path):  # noqa: F811
    for source in (_draft(tmp_path), FIXTURES / "letter_formatting.docx"):
        target = tmp_path / (source.stem + ".checked.docx")
        assert _invoke(source, "-o", target).exit_code == 0
        expected = [c.text for c in docx.Document(str(target)).comments]
        assert len(expected) > 3
        converted = libreoffice.convert(target, "fodt", tmp_path)
        root = etree.parse(str(converted))
        ns = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
              "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
              "dc": "http://purl.org/dc/elements/1.1/"}
        notes = root.findall(".//office:annotation", ns)
        found = ["\n".join("".join(p.itertext()) for p in n.findall("text:p", ns)) for n in notes]
        assert sorted(found) == sorted(expected)
        assert {n.findtext("dc:creator", namespaces=ns) for n in notes} == {"plainlang"}
        ends = root.findall(".//office:annotation-end", ns)
        assert len(ends) == len(notes)      # every comment kept its range, not just a point


def test_output_gets_the_usual_file_mode(tmp_path):
    import os
    import stat
    draft = _draft(tmp_path)
    old = os.umask(0o022)
    try:
        assert _invoke(draft, "-o", tmp_path / "out.docx").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.docx").stat().st_mode) == 0o644


def test_missing_libreoffice_skips_locally_and_fails_in_ci(monkeypatch):
    import libreoffice as lo
    monkeypatch.setattr(lo.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="не установлен"):
        lo.find_soffice()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="в CI нужен LibreOffice"):
        lo.find_soffice()


def test_annotate_help_imports_no_heavy_module():
    import subprocess
    import sys
    code = ("import sys\nfrom click.testing import CliRunner\nfrom plainlang.cli import main\n"
            "r = CliRunner().invoke(main, ['annotate', '--help'])\nassert r.exit_code == 0, r.output\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'lxml', 'pymorphy3', 'razdel'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_annotate_module_can_be_imported_first():
    import subprocess
    import sys
    code = ("import plainlang.annotate as a\nimport plainlang.cli as c\n"
            "assert c.main.commands['annotate'] is a.annotate_command\n"
            "print(sorted(p.name for p in a.annotate_command.params))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "select" in out.stdout and "output" in out.stdout


def test_existing_comments_are_kept_and_ids_stay_unique(tmp_path):
    from docx.oxml.comments import CT_Comments
    original = CT_Comments._next_available_comment_id
    d = clean_document()
    p = d.add_paragraph("Проверьте ")
    d.add_comment(p.add_run("ВНИМАНИЕ"), text="Комментарий автора", author="Иванова", initials="ИИ")
    d.add_paragraph("Срок ").add_run("до 1 марта").italic = True
    d.save(str(tmp_path / "draft.docx"))
    assert _invoke(tmp_path / "draft.docx", "-o", tmp_path / "out.docx").exit_code == 0
    comments = list(docx.Document(str(tmp_path / "out.docx")).comments)
    ids = [c.comment_id for c in comments]
    assert len(ids) == len(set(ids)) == 4             # the author's, C901, F101 and the score
    assert any(c.author == "Иванова" and c.text == "Комментарий автора" for c in comments)
    assert CT_Comments._next_available_comment_id is original
