"""Rule examples: a bad example marks the expected span inline with [[…]], as razdel's tests mark splits."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int], ...]
    suggest: tuple[str, ...] | None

    def marked_display(self) -> str:
        out, pos = [], 0
        for s, e in self.spans:
            out += [self.text[pos:s], "[", self.text[s:e], "]"]
            pos = e
        out.append(self.text[pos:])
        return "".join(out).replace("\n", " ⏎ ")


def parse_example(item) -> Example:
    if isinstance(item, dict):
        raw = item["text"]
        suggest = tuple(item["suggest"]) if "suggest" in item else None
    else:
        raw, suggest = str(item), None
    text, spans, pos = [], [], 0
    i = 0
    while i < len(raw):
        if raw.startswith("[[", i):
            end = raw.index("]]", i)
            inner = raw[i + 2:end]
            spans.append((pos, pos + len(inner)))
            text.append(inner)
            pos += len(inner)
            i = end + 2
        else:
            text.append(raw[i])
            pos += 1
            i += 1
    return Example("".join(text), tuple(spans), suggest)
