"""LanguageTool, only when the user runs a server and names it (`languagetool: http://host:port`).

Letters carry personal data, so plainlang never sends text anywhere by default. One request per
document serves every LanguageTool rule; the answer is kept on the context.
"""
from __future__ import annotations

import sys

from .base import Hit, Kind

_WARNED = set()


class LanguageToolRule(Kind):
    needs = frozenset({"blocks"})
    defaults = {"issue_types": [], "categories": [], "exclude_categories": []}

    def check(self, ctx):
        server = getattr(ctx.settings, "languagetool", None)
        if not server:
            return
        matches = _matches(ctx, server)
        for m in matches:
            issue = (m.get("rule", {}).get("issueType") or "").lower()
            category = (m.get("rule", {}).get("category", {}).get("id") or "").upper()
            if self.options["issue_types"] and issue not in self.options["issue_types"]:
                continue
            if self.options["categories"] and category not in self.options["categories"]:
                continue
            if category in self.options["exclude_categories"]:
                continue
            start, end = m["_start"], m["_end"]
            suggestions = tuple(r["value"] for r in m.get("replacements", [])[:3])
            yield Hit(start, end, suggestions, {"lt_message": m.get("message", "")},
                      "message" if suggestions else "nosuggest")


def _matches(ctx, server):
    cached = getattr(ctx, "_languagetool", None)
    if cached is not None:
        return cached
    out = []
    try:
        tool = _client(server)
        for block in ctx.document.blocks:
            if not block.prose.strip():
                continue
            for m in tool.check(block.prose):
                data = {"message": m.message, "replacements": [{"value": r} for r in m.replacements],
                        "rule": {"id": m.rule_id, "issueType": m.rule_issue_type,
                                 "category": {"id": m.category}},
                        "_start": block.start + m.offset, "_end": block.start + m.offset + m.error_length}
                out.append(data)
    except Exception as exc:  # noqa: BLE001 - the server is the user's; any failure is reported once
        if server not in _WARNED:
            _WARNED.add(server)
            print(f"plainlang: сервер LanguageTool {server} не ответил ({type(exc).__name__}); "
                  "проверка орфографии идёт без него.", file=sys.stderr)
    ctx._languagetool = out
    return out


_CLIENTS = {}


def _client(server):
    if server not in _CLIENTS:
        import language_tool_python
        _CLIENTS[server] = language_tool_python.LanguageTool("ru-RU", remote_server=server)
    return _CLIENTS[server]
