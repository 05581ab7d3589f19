"""A LanguageTool server that speaks the real HTTP protocol (/v2/languages, /v2/check) on loopback and
answers from recorded matches. It is the only LanguageTool these machines have (no registry ships one)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# word → (replacement, issue type, category id, message), as LanguageTool 6 answers them
RECORDED = {
    "Превет": ("Привет", "misspelling", "TYPOS", "Возможно, найдена орфографическая ошибка."),
    "пошол": ("пошёл", "grammar", "GRAMMAR", "Неверная форма глагола."),
    "расмотрели": ("рассмотрели", "misspelling", "TYPOS", "Возможно, найдена орфографическая ошибка."),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, data):
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self._send([{"name": "Russian", "code": "ru", "longCode": "ru-RU"}])
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form.get("text", [""])[0]
        self.server.requests.append(text)
        matches = []
        for word, (repl, issue, cat, msg) in RECORDED.items():
            at = text.find(word)
            if at >= 0:
                matches.append({
                    "message": msg, "shortMessage": "", "replacements": [{"value": repl}],
                    "offset": at, "length": len(word),
                    "context": {"text": text, "offset": at, "length": len(word)},
                    "sentence": text,
                    "rule": {"id": "FAKE_" + cat, "description": msg, "issueType": issue,
                             "category": {"id": cat, "name": cat}},
                })
        self._send({"software": {"name": "LanguageTool", "version": "6.8"}, "matches": matches})


def start():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
