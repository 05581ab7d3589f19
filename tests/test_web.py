"""`plainlang serve`: the page, the check and annotate endpoints, the refusals, and what must never
happen with a letter (a traceback in an answer, its words in the log, its file left on disk)."""
import http.client
import importlib.util
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import docx
import pytest

from docx_factory import clean_document
from plainlang.config import Settings
from plainlang.report.text import score_label
from plainlang.web import letters, server as web

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "plainlang" / "web" / "static"
CONTRACT_CHECK = ROOT.parent / "shared" / "tools" / "contract_check.py"
LETTER = ("Уважаемая Анна Сергеевна!\n\n"
          "Рассмотрев Ваше обращение, сообщаем следующее. В целях проверки просим осуществить проверку "
          "документов не позднее 1 марта. 🙂 Данное письмо направляется Вам повторно.\n")
JUNK = bytes(range(256)) * 12


@pytest.fixture(scope="module")
def served():
    srv = web.Server("127.0.0.1", 0, Settings())
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def request(srv, method, path, body=None, name=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_port, timeout=120)
    sent = dict(headers or {})
    if name is not None:
        sent["X-File-Name"] = quote(name)
    conn.request(method, path, body=body, headers=sent)
    answer = conn.getresponse()
    data = answer.read()
    conn.close()
    return answer, data


def upload(srv, path, body, name):
    return request(srv, "POST", path, body, name)


def contract_problems(data) -> list[str]:
    """The shared checker's verdict, when the checker is there; otherwise the fields the page reads."""
    if CONTRACT_CHECK.exists():
        spec = importlib.util.spec_from_file_location("contract_check", CONTRACT_CHECK)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        result = module.check(data)
        return result if isinstance(result, list) else result[0]
    entry = data["files"][0]
    return [k for k in ("path", "score", "stats", "findings") if k not in entry]


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def draft_docx() -> bytes:
    d = clean_document()
    d.add_paragraph("Здравствуйте, Анна Сергеевна!")
    p = d.add_paragraph("В целях проверки просим осуществить проверку документов до ")
    p.add_run("1 марта включительно").italic = True
    p.add_run(". Данное письмо направляется Вам повторно.")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("Представить не позднее 1 марта.")
    d.sections[0].header.paragraphs[0].add_run("Отдел субсидий").italic = True
    return docx_bytes(d)


def test_page_is_served_in_utf8_with_a_real_file_input(served):
    answer, body = request(served, "GET", "/")
    assert answer.status == 200
    assert answer.getheader("Content-Type") == "text/html; charset=utf-8"
    page = body.decode("utf-8")
    assert "Перетащите письмо сюда или выберите файл" in page
    # keyboard users reach the drop zone: a real file input inside a label
    assert re.search(r"<label[^>]*>\s*<input type=\"file\"", page)
    assert "connect-src 'self'" in answer.getheader("Content-Security-Policy")
    for name, kind in (("app.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8")):
        answer, body = request(served, "GET", f"/static/{name}")
        assert answer.status == 200 and answer.getheader("Content-Type") == kind
        assert body == (STATIC / name).read_bytes()


def test_page_loads_nothing_from_outside():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", text), path.name
        assert "@import" not in text and "url(http" not in text, path.name


def test_script_never_parses_letter_text_as_html():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


def test_check_txt_follows_the_contract_and_spans_index_the_text(served, tmp_path, monkeypatch):
    name = "ответ Петрову.txt"
    # the shared checker reads a .txt finding's text back from the file named in "path"
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(LETTER, encoding="utf-8")
    answer, body = upload(served, "/api/check", LETTER.encode("utf-8"), name)
    assert answer.status == 200, body.decode("utf-8")
    assert answer.getheader("Content-Type") == "application/json; charset=utf-8"
    assert answer.getheader("Cache-Control") == "no-store"
    data = json.loads(body)
    assert contract_problems(data) == []
    assert len(data["files"]) == 1
    entry = data["files"][0]
    assert entry["path"] == name
    text = entry["document"]["text"]
    assert text == LETTER
    rules = {f["rule"] for f in entry["findings"]}
    assert {"K101", "K104"} <= rules
    for f in entry["findings"]:
        if f["start"] is not None:
            assert text[f["start"]:f["end"]] == f["text"], f["rule"]
    blocks = entry["document"]["blocks"]
    assert [b["paragraph"] for b in blocks] == list(range(len(blocks)))
    assert all(text[b["start"]:b["end"]].strip() == text[b["start"]:b["end"]] for b in blocks)
    assert entry["view"]["score_label"] == score_label(entry["score"])
    assert entry["view"]["annotate"] is False
    assert set(entry["view"]["category_names"]) == {f["category"] for f in entry["findings"]}


def test_check_docx_gives_body_spans_and_locators(served):
    answer, body = upload(served, "/api/check", draft_docx(), "черновик.docx")
    assert answer.status == 200, body.decode("utf-8")
    data = json.loads(body)
    assert contract_problems(data) == []
    entry = data["files"][0]
    text, blocks = entry["document"]["text"], entry["document"]["blocks"]
    body_findings = [f for f in entry["findings"] if f["paragraph"] is not None]
    assert {"K101", "F101"} <= {f["rule"] for f in body_findings}
    for f in body_findings:
        assert text[f["start"]:f["end"]] == f["text"], f["rule"]
    located = {b["locator"]: b for b in blocks if b["locator"]}
    assert located["table[1]/row[1]/cell[1]/p[1]"]["place"] == "таблица 1, строка 1, ячейка 1, абзац 1"
    assert located["table[1]/row[1]/cell[1]/p[1]"]["part"] == "таблица 1"
    outside = [f for f in entry["findings"] if f.get("locator")]
    assert outside and all(f["locator"] in located for f in outside)
    for f in outside:
        assert text[f["start"]:f["end"]] == f["text"], f["rule"]
    assert entry["view"]["annotate"] is True


def test_markdown_markup_is_marked_for_dimming(served):
    source = "Просим прислать **справку** по [ссылке](https://example.org) до пятницы.\n"
    answer, body = upload(served, "/api/check", source.encode("utf-8"), "шаблон.md")
    block = json.loads(body)["files"][0]["document"]["blocks"][0]
    dimmed = "".join(source[s:e] for s, e in block["markup"])
    assert "**" in dimmed and "https://example.org" in dimmed and "справку" not in dimmed


def test_annotate_returns_the_letter_with_comments(served):
    answer, body = upload(served, "/api/annotate", draft_docx(), "черновик.docx")
    assert answer.status == 200, body[:300]
    assert answer.getheader("Content-Type") == web.DOCX
    disposition = answer.getheader("Content-Disposition")
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + quote("черновик.checked.docx") in disposition
    native = docx.Document(io.BytesIO(body))
    comments = list(native.comments)
    assert comments and {c.author for c in comments} == {"plainlang"}
    assert any("[K101]" in c.text for c in comments)


@pytest.mark.parametrize("name", ["письмо.txt", "письмо.md"])
def test_annotate_refuses_text_files_in_russian(served, name):
    answer, body = upload(served, "/api/annotate", LETTER.encode("utf-8"), name)
    assert answer.status == 415
    assert "только в письмо Word (.docx)" in json.loads(body)["error"]


@pytest.mark.parametrize("name, status, words", [
    ("мусор.docx", 400, "не документ Word"),
    ("мусор.txt", 400, "двоичные данные"),
    ("скан.pdf", 415, "Выберите письмо Word"),
    ("старое.doc", 400, "старого формата"),
])
def test_bad_upload_gets_a_russian_message_and_no_traceback(served, name, status, words):
    junk = JUNK
    if name.endswith(".doc"):
        junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + junk
    answer, body = upload(served, "/api/check", junk, name)
    assert answer.status == status
    text = body.decode("utf-8")
    assert "Traceback" not in text and "File \"" not in text
    error = json.loads(text)["error"]
    assert words in error and re.search("[а-я]", error)


def test_upload_without_a_name_is_refused(served):
    answer, body = request(served, "POST", "/api/check", LETTER.encode("utf-8"))
    assert answer.status == 400
    assert "имя файла" in json.loads(body)["error"]


def test_name_with_folders_is_reduced_to_its_base_name(served):
    answer, body = upload(served, "/api/check", LETTER.encode("utf-8"), "../../etc/ответ.txt")
    assert answer.status == 200
    assert json.loads(body)["files"][0]["path"] == "ответ.txt"


def test_oversize_upload_gets_413(served):
    answer, body = upload(served, "/api/check", b"a" * (web.MAX_UPLOAD + 1), "большое.txt")
    assert answer.status == 413
    assert "мегабайт" in json.loads(body)["error"]


def test_upload_without_length_gets_411(served):
    with socket.create_connection(("127.0.0.1", served.server_port), timeout=30) as s:
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nX-File-Name: a.txt\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n")
        reply = s.makefile("rb").read().decode("utf-8")
    assert reply.startswith("HTTP/1.0 411") and "размер файла" in reply


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/nope", 404),
    ("GET", "/static/../server.py", 404),
    ("GET", "/static/%2e%2e/server.py", 404),
    ("GET", "/static/", 404),
    ("POST", "/api/other", 404),
    ("GET", "/api/check", 405),
    ("POST", "/", 405),
    ("DELETE", "/", 501),
])
def test_only_the_known_addresses_answer(served, method, path, status):
    answer, body = request(served, method, path, body=b"" if method == "POST" else None)
    assert answer.status == status
    assert re.search("[а-я]", json.loads(body)["error"])


def test_temporary_folder_is_gone_after_each_request(served, monkeypatch):
    made, held = [], []

    class Recording(letters.TemporaryDirectory):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append((self.name, os.stat(self.name).st_mode & 0o777))

        def cleanup(self):
            held.extend(os.listdir(self.name))
            super().cleanup()

    monkeypatch.setattr(letters, "TemporaryDirectory", Recording)
    upload(served, "/api/check", LETTER.encode("utf-8"), "ответ.txt")
    upload(served, "/api/annotate", draft_docx(), "черновик.docx")
    upload(served, "/api/check", JUNK, "мусор.docx")
    assert len(made) == 3
    assert {mode for _, mode in made} == {0o700}       # no other user can read the letter meanwhile
    assert held == ["letter.txt", "letter.docx", "letter.docx"]
    assert not [name for name, _ in made if os.path.exists(name)]


def test_log_holds_no_word_of_the_letter_and_no_file_name(served, capsys):
    secret = "Кузнецова-Перепелицына"
    upload(served, "/api/check", f"Уважаемая {secret}! Просим прийти.".encode("utf-8"), f"{secret}.txt")
    request(served, "GET", f"/nope?name={quote(secret)}")
    log = capsys.readouterr().err
    assert "POST /api/check 200" in log
    assert "Кузнецова" not in log and quote("Кузнецова") not in log


def test_two_letters_at_once_are_both_checked(served):
    results = []

    def send(name):
        results.append(upload(served, "/api/check", LETTER.encode("utf-8"), name))

    threads = [threading.Thread(target=send, args=(f"ответ{i}.txt",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status for a, _ in results] == [200, 200, 200]
    findings = {json.dumps(json.loads(body)["files"][0]["findings"]) for _, body in results}
    assert len(findings) == 1


def test_script_limit_matches_the_server():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    m = re.search(r"const MAX_BYTES = (\d+) \* 1024 \* 1024;", script)
    assert m and int(m.group(1)) * 1024 * 1024 == web.MAX_UPLOAD


def test_script_parses():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    out = subprocess.run([node, "--check", str(STATIC / "app.js")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


class _Visible(HTMLParser):
    """The words a reader sees on the page, one paragraph per block element."""
    BLOCKS = {"title", "h1", "h2", "h3", "p", "label", "button", "noscript", "li"}

    def __init__(self):
        super().__init__()
        self.raw, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")
        if tag in self.BLOCKS:
            self.raw.append("\x00")

    def handle_data(self, data):
        if not self.hidden:
            self.raw.append(data)

    def text(self) -> str:
        return "\n\n".join(" ".join(c.split()) for c in "".join(self.raw).split("\x00") if c.strip())


def test_page_text_follows_the_rules_it_checks():
    from plainlang.engine import check_text
    parser = _Visible()
    parser.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    text = parser.text()
    assert "Перетащите письмо сюда" in text
    result = check_text(text, Settings())
    assert [(f.rule, f.text) for f in result.findings] == []


def test_page_uses_no_italics_capitals_or_serif_fonts():
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    assert "text-transform" not in css
    assert not re.search(r"font-style:\s*(?:italic|oblique)", css)
    families = re.findall(r"font-family:([^;]+);", css)
    assert families and all(f.strip().endswith("sans-serif") for f in families)


def test_serve_listens_on_this_computer_only_by_default():
    from plainlang.cli import main
    params = {p.name: p for p in main.commands["serve"].params}
    assert params["host"].default == "127.0.0.1"
    assert params["port"].default == 8765
    assert {"profile", "select", "ignore", "options", "config", "isolated"} <= set(params)


def test_serve_command_starts_a_working_page(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "plainlang", "serve", "--port", "0", "--isolated"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line + proc.stderr.read()
        conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=30)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_reports_a_busy_port_in_russian(served):
    from click.testing import CliRunner
    from plainlang.cli import main
    out = CliRunner().invoke(main, ["serve", "--isolated", "--port", str(served.server_port)])
    assert out.exit_code == 2
    assert "порт занят" in out.output


@pytest.mark.slow
def test_wheel_ships_the_page(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, text=True)
    names = zipfile.ZipFile(next(tmp_path.glob("plainlang-*.whl"))).namelist()
    for name in ("index.html", "app.js", "style.css"):
        assert f"plainlang/web/static/{name}" in names


def test_serve_help_imports_no_model():
    from test_startup import HEAVY, _modules_after
    loaded = _modules_after(["serve", "--help"])
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]
    assert "plainlang.web.server" not in loaded
