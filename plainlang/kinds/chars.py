"""Characters and character sequences found by regular expressions (special symbols, emoji)."""
from __future__ import annotations

import re

from ..errors import ConfigError
from .base import Hit, Kind


class CharPattern(Kind):
    needs = frozenset({"blocks"})
    defaults = {"pattern": "", "replacement": None, "exceptions": [], "flags": ""}

    def setup(self):
        flags = re.IGNORECASE if "i" in self.options["flags"] else 0
        try:
            self.regex = re.compile(self.options["pattern"], flags)
            self.exceptions = [re.compile(e, flags) for e in self.options["exceptions"]]
        except re.error as exc:
            raise ConfigError(f"правило {self.rule.id}: ошибка в шаблоне: {exc}") from None

    def check(self, ctx):
        for block in ctx.document.blocks:
            for m in self.regex.finditer(block.prose):
                start, end = block.start + m.start(), block.start + m.end()
                if any(_covers(e, block.prose, m.start(), m.end()) for e in self.exceptions):
                    continue
                repl = self.options["replacement"]
                suggestions = ()
                if repl is not None:
                    suggestions = (m.expand(repl),)
                yield Hit(start, end, suggestions, {"match": m.group(0)},
                          "message" if suggestions and suggestions != ("",) else
                          ("delete" if suggestions == ("",) else "nosuggest"))


def _covers(regex, text, start, end) -> bool:
    for m in regex.finditer(text, max(0, start - 20), min(len(text), end + 20)):
        if m.start() <= start and end <= m.end():
            return True
    return False
