"""The HTTP side of `plainlang serve`, standard library only (ThreadingHTTPServer, no framework).

    GET  /                 the page
    GET  /static/<file>    its script and styles
    POST /api/check        body: the file's bytes, its name URL-encoded in X-File-Name → JSON
    POST /api/annotate     the same upload → the .docx with comments, as an attachment

Anything else gets 404 (405 for a wrong method on a known address), every refusal a Russian message
in JSON. Letters carry personal data, so the server listens on 127.0.0.1 unless told otherwise, no
answer is cached, the log names only the method, the address and the status, and an internal error
sends a short message, never a traceback.
"""
from __future__ import annotations

import json
import socket
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..document.load import MAX_TEXT_BYTES
from ..errors import PlainlangError
from .letters import UploadError, annotate_upload, check_upload

MAX_UPLOAD = MAX_TEXT_BYTES          # 20 MB, the same limit as for a text file on the command line
# A refused upload is still read (up to this much) and thrown away: a browser that is cut off in the
# middle of sending shows a network error instead of our message.
DRAIN_LIMIT = 5 * MAX_UPLOAD
STATIC = Path(__file__).with_name("static")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}
API = ("/api/check", "/api/annotate")
PAGES = ("/", "/index.html")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The page loads nothing from outside and sends nothing anywhere but here.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
MESSAGES = {
    400: "запрос не понят. Обновите страницу и выберите файл ещё раз.",
    404: "по этому адресу ничего нет.",
    405: "этот адрес так не работает.",
    411: "не указан размер файла. Выберите файл ещё раз.",
    413: f"файл больше {MAX_UPLOAD // (1024 * 1024)} мегабайт. Такой файл проверить нельзя.",
    500: "внутренняя ошибка. Сообщите о ней разработчикам.",
    501: "такой запрос не поддерживается.",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Handler(BaseHTTPRequestHandler):
    server_version = "plainlang"
    sys_version = ""
    timeout = 60   # a client that stops sending does not hold a thread for ever

    def do_GET(self):
        path = urlsplit(self.path).path
        if path in PAGES:
            return self._static("index.html")
        if path.startswith("/static/"):
            return self._static(path[len("/static/"):])
        if path in API:
            return self._refuse(405, allow="POST")
        return self._refuse(404)

    def do_POST(self):
        path = urlsplit(self.path).path
        if path not in API:
            return self._refuse(405, allow="GET") if path in PAGES else self._refuse(404)
        raw = self._body()
        if raw is None:
            return
        try:
            if path == "/api/check":
                data = check_upload(self.headers.get("X-File-Name"), raw, self.server.settings)
                return self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                                  "application/json; charset=utf-8")
            name, blob = annotate_upload(self.headers.get("X-File-Name"), raw, self.server.settings)
            return self._send(200, blob, DOCX, {"Content-Disposition": attachment(name)})
        except UploadError as exc:
            return self._send_json(exc.status, {"error": exc.message})
        except Exception as exc:  # noqa: BLE001 - the page gets a message, the log a place to look
            where = traceback.extract_tb(exc.__traceback__)[-1]
            # the type and the line only: an exception's text may quote the letter
            self.log_message("внутренняя ошибка %s в %s:%s", type(exc).__name__, where.filename, where.lineno)
            return self._refuse(500)

    def _body(self) -> bytes | None:
        """The uploaded bytes, or None once a refusal has been sent."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            self._refuse(411)
            return None
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._refuse(411)
            return None
        if length > MAX_UPLOAD:
            self.close_connection = True
            if length <= DRAIN_LIMIT:
                self._discard(length)
            self._refuse(413)
            return None
        raw = self.rfile.read(length)
        if len(raw) < length:
            self.close_connection = True
            self._send_json(400, {"error": "файл пришёл не целиком. Попробуйте ещё раз."})
            return None
        return raw

    def _discard(self, length: int):
        try:
            while length > 0:
                chunk = self.rfile.read(min(length, 1024 * 1024))
                if not chunk:
                    break
                length -= len(chunk)
        except OSError:
            pass

    def _static(self, name: str):
        path = self.server.static.get(name)
        if path is None:
            return self._refuse(404)
        return self._send(200, path.read_bytes(), TYPES[path.suffix])

    def _refuse(self, status: int, allow: str | None = None):
        self._send_json(status, {"error": MESSAGES[status]}, {"Allow": allow} if allow else None)

    def send_error(self, code, message=None, explain=None):
        # http.server's own refusals (a broken request line, an unknown method) get the same JSON
        self.close_connection = True
        self._send_json(code, {"error": MESSAGES.get(code, MESSAGES[400])})

    def _send_json(self, status: int, data: dict, headers: dict | None = None):
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8",
                   headers)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CSP)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        # the address only: never a query string, a file name or a word of the letter
        path = urlsplit(getattr(self, "path", "")).path
        self.log_message("%s %s %s", getattr(self, "command", "-"), path, getattr(code, "value", code))


def attachment(name: str) -> str:
    """Content-Disposition for a Russian file name: an ASCII fallback plus the UTF-8 name (RFC 6266)."""
    fallback = name if name.isascii() else "letter.checked.docx"
    fallback = "".join(c for c in fallback if c not in '"\\')
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, settings):
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.settings = settings
        # only the files that ship with the page can be asked for: no path ever comes from the request
        self.static = {p.name: p for p in STATIC.iterdir() if p.is_file() and p.suffix in TYPES}
        super().__init__((host, port), Handler)


def serve(host: str, port: int, settings) -> None:
    """Run until Ctrl+C. Rules and dictionaries are loaded first, so the first letter is quick too."""
    try:
        server = Server(host, port, settings)
    except OSError as exc:
        raise PlainlangError(f"не удалось открыть адрес {host}:{port} ({exc.strerror or exc}). "
                             f"Возможно, порт занят: укажите другой, например --port {port + 1}.") from None
    print("Загружаем правила и словари…", file=sys.stderr, flush=True)
    from ..engine import check_text
    check_text("Проверка.", settings)
    shown = f"[{host}]" if ":" in host else host
    print(f"Откройте в браузере: http://{shown}:{server.server_port}/", flush=True)
    if host not in LOOPBACK:
        print("Страница открыта для других компьютеров сети: письма с личными данными пойдут по сети.",
              file=sys.stderr, flush=True)
    print("Чтобы остановить, нажмите Ctrl+C.", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Остановлено.", file=sys.stderr)
    finally:
        server.server_close()
