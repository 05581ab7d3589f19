"""Words shown in capitals by the «Все прописные» or «Малые прописные» font setting, although typed in
ordinary letters. Words typed in capitals are C901's; abbreviations are never flagged: the decision
is C901's own (`CapsWords.is_caps_word`) applied to the word as Word shows it, so «мфц» shown as МФЦ
stays silent exactly as a typed МФЦ does.
"""
from __future__ import annotations

import re

from .base import Hit
from .caps import CapsWords
from .formatting import docx_blocks

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
JOINERS = set(" \t\u00a0,-—–:")


class CapsFormat(CapsWords):
    needs = frozenset({"formatting", "morph"})

    def check(self, ctx):
        text = ctx.document.text
        for block in docx_blocks(ctx):
            # per character: "caps", "small" (small capitals) or None
            shown_caps: list[str | None] = [None] * (block.end - block.start)
            for run in block.runs:
                p = run.props
                if (p.get("caps") or p.get("small_caps")) and not p.get("hidden"):
                    for i in range(run.start - block.start, run.end - block.start):
                        shown_caps[i] = "caps" if p.get("caps") else "small"
            if not any(shown_caps):
                continue
            group: list[re.Match] = []
            for m in WORD.finditer(text, block.start, block.end):
                word = m.group()
                if (all(shown_caps[m.start() - block.start:m.end() - block.start])
                        and any(c.islower() for c in word)
                        and self.is_caps_word(word.upper(), ctx.settings)):
                    if group and set(text[group[-1].end():m.start()]) - JOINERS:
                        yield from self._emit(group, text, block, shown_caps)
                        group = []
                    group.append(m)
                else:
                    yield from self._emit(group, text, block, shown_caps)
                    group = []
            yield from self._emit(group, text, block, shown_caps)

    def _emit(self, group, text, block, shown_caps):
        if not group or max(sum(c.isalpha() for c in m.group()) for m in group) < self.options["min_letters"]:
            return
        start, end = group[0].start(), group[-1].end()
        typed = text[start:end]
        small = "caps" not in shown_caps[start - block.start:end - block.start]
        yield Hit(start, end, (typed,), {"match": typed.upper()}, template="small" if small else "message")
