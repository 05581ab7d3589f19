"""Word files that must not be opened: each gets a plain Russian reason and exit code 2, no traceback,
and the other files of the same run are still checked."""
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docx_factory import clean_document
from libreoffice import libreoffice  # noqa: F401 - the session fixture
from ole_factory import encrypted_docx, word97_doc
from plainlang.cli import main
from plainlang.config import Settings
from plainlang.document import docx_safety

GOOD_TEXT = "В целях проверки просим прислать справку.\n"


def _docx_bytes() -> bytes:
    d = clean_document()
    d.add_paragraph("Срок подачи — до 1 марта.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rezip(replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None, drop=(),
           compresslevel=6) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def _with_doctype(part: str, doctype: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as z:
        xml = z.read(part).decode("utf-8")
    head, _, rest = xml.partition("?>")
    return _rezip({part: (head + "?>" + doctype + rest).encode("utf-8")})


def _bomb() -> bytes:
    # 201 MiB of zeros deflate to about 200 KB: over the uncompressed limit, harmless on disk
    out = io.BytesIO(_rezip())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("word/media/image1.png", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(201):
                fh.write(chunk)
    return out.getvalue()


def _dense_part() -> bytes:
    # one part of 25 MiB that deflate shrinks more than a hundredfold: not a Word document
    return _rezip(add={"word/media/big.bin": b"\0" * (25 * 1024 * 1024)}, compresslevel=1)


def _many_entries() -> bytes:
    return _rezip(add={f"customXml/extra{i}.xml": b"<a/>" for i in range(docx_safety.MAX_ENTRIES)})


def _macro() -> bytes:
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as z:
        types = z.read("[Content_Types].xml").decode("utf-8")
    types = types.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
    types = types.replace("application/vnd.openxmlformats-officedocument.ms-word", "application/vnd.ms-word")
    return _rezip({"[Content_Types].xml": types.encode("utf-8")})


def _xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "заметки")
    return out.getvalue()


BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
EXTERNAL = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

CASES = {
    "old-doc": (word97_doc, "старого формата Word (.doc)"),
    "encrypted": (encrypted_docx, "защищён паролем"),
    "truncated": (lambda: _docx_bytes()[: len(_docx_bytes()) // 2], "повреждён или скачан не полностью"),
    "bomb-size": (_bomb, "больше 200 мегабайт"),
    "bomb-ratio": (_dense_part, "сжаты необычно сильно"),
    "many-entries": (_many_entries, "слишком много частей"),
    "dtd-entities": (lambda: _with_doctype("word/document.xml", BILLION_LAUGHS), "служебные вставки"),
    "external-entity": (lambda: _with_doctype("word/styles.xml", EXTERNAL), "служебные вставки"),
    "doctype-in-rels": (lambda: _with_doctype("_rels/.rels", "<!DOCTYPE Relationships>"), "служебные вставки"),
    "text-named-docx": (lambda: "Просто текст, а не Word.".encode("utf-8"), "не документ Word"),
    "pdf-named-docx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "файл PDF"),
    "excel-named-docx": (_xlsx, "таблица Excel"),
    "zip-without-word": (_plain_zip, "архив, а не документ Word"),
    "zip-without-document": (lambda: _rezip(drop=("word/document.xml",)), "нет текста документа"),
    "macro": (_macro, "с макросами"),
    "empty": (lambda: b"", "пуст"),
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    paths = {}
    for name, (make, _) in CASES.items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(make())
    good = folder / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    return paths, good


@pytest.mark.parametrize("name", CASES)
def test_refused_with_a_reason_and_the_other_file_checked(bad_files, name):
    paths, good = bad_files
    out = CliRunner().invoke(main, ["check", "--isolated", "--select", "K102", str(paths[name]), str(good)])
    message = CASES[name][1]
    assert out.exit_code == 2, out.output
    assert message in out.output, out.output
    assert "K102" in out.output and "good.txt" in out.output     # the good file was still checked
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_one_run_over_all_bad_files_as_a_real_process(bad_files):
    paths, good = bad_files
    files = [str(p) for p in paths.values()] + [str(good)]
    done = subprocess.run([sys.executable, "-m", "plainlang", "check", "--isolated", "--format", "json", *files],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    report = {os.path.basename(f["path"]): f for f in json.loads(done.stdout)["files"]}
    for name, (_, message) in CASES.items():
        assert message in report[f"{name}.docx"]["error"]
        assert message in done.stderr
    assert report["good.txt"]["findings"]
    # the reasons are read by people who got a broken file: plain words, by the tool's own rules
    from plainlang.engine import check_text
    for name in CASES:
        found = check_text(report[f"{name}.docx"]["error"], Settings()).findings
        assert not found, f"{name}: «{found[0].text}» — {found[0].message}"


def test_entities_are_never_resolved_even_by_the_scanner(tmp_path, monkeypatch):
    """The refusal comes from a byte scan: no XML parser sees the part first."""
    import lxml.etree
    path = tmp_path / "x.docx"
    path.write_bytes(_with_doctype("word/document.xml", EXTERNAL))
    calls = []
    monkeypatch.setattr(lxml.etree, "fromstring", lambda *a, **k: calls.append(a))
    with pytest.raises(Exception) as info:
        docx_safety.check_package(str(path))
    assert "служебные вставки" in str(info.value) and not calls


@pytest.mark.slow
def test_real_doc_from_libreoffice(libreoffice, tmp_path):  # noqa: F811
    source = tmp_path / "letter.fodt"
    source.write_bytes((Path(__file__).parent / "fixtures" / "docx" / "letter_clean.fodt").read_bytes())
    doc = libreoffice.convert(source, "doc", tmp_path)
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(doc.read_bytes())
    out = CliRunner().invoke(main, ["check", "--isolated", str(doc), str(renamed)])
    assert out.exit_code == 2
    assert "старого формата Word (.doc). Откройте" in out.output
    assert "хотя у него расширение .docx" in out.output

