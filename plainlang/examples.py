"""Rule examples: a bad example marks the expected span inline with [[…]], as razdel's tests mark splits.

Formatting rules (.docx) take small Word documents written in YAML instead of a text: runs with their
formatting, and `mark: true` on the runs the rule must find (adjacent marked runs are one span):

    runs: [{text: "Срок "}, {text: "до 1 марта", italic: true, mark: true}]
    paragraphs: [{runs: [...], style: "Heading 1", shading: "FFFF00"}, "простой абзац"]
    normal: {font: "Times New Roman"}     # the Normal style; page: "FFFFCC" — page colour
    theme: "Cambria", theme_cyrillic: "Times New Roman"   # text takes its font from the theme
    expect: document                      # the finding concerns the whole letter (no span)

tests/docx_factory.py builds them with python-docx; here they are only turned into text for display.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int], ...]
    suggest: tuple[str, ...] | None
    display: str | None = None     # how a Word example is shown (its formatting in words)

    def marked_display(self) -> str:
        if self.display is not None:
            return self.display
        out, pos = [], 0
        for s, e in self.spans:
            out += [self.text[pos:s], "[", self.text[s:e], "]"]
            pos = e
        out.append(self.text[pos:])
        return "".join(out).replace("\n", " ⏎ ")


def parse_example(item) -> Example:
    if isinstance(item, dict) and "text" not in item:
        return parse_docx_example(item)
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


RUN_LABELS = {"italic": "курсив", "underline": "подчёркнуто", "caps": "все прописные",
              "small_caps": "малые прописные", "bold": "жирный", "highlight": "выделено цветом",
              "shading": "заливка", "link": "ссылка", "hidden": "скрытый"}


def docx_paragraphs(item: dict) -> list[dict]:
    """The example's paragraphs, each as {"runs": [...], …}; a string is one plain run."""
    paragraphs = item.get("paragraphs") or [{"runs": item.get("runs", [])}]
    out = []
    for p in paragraphs:
        if isinstance(p, str):
            p = {"runs": [{"text": p}]}
        out.append({**p, "runs": [r if isinstance(r, dict) else {"text": str(r)} for r in p.get("runs", [])]})
    return out


def _run_notes(run: dict) -> list[str]:
    notes = []
    for key, label in RUN_LABELS.items():
        if run.get(key):
            notes.append(label)
    for key, fmt in (("font", "шрифт {}"), ("size", "{} пт"), ("colour", "цвет {}"), ("style", "стиль {}")):
        if run.get(key):
            notes.append(fmt.format(run[key]))
    from .kinds.formatting import EFFECT_NAMES
    notes += [f"эффект «{EFFECT_NAMES.get(e, e)}»" for e in run.get("effects", [])]
    return notes


def parse_docx_example(item: dict) -> Example:
    text, spans, shown = [], [], []
    pos = 0
    for i, para in enumerate(docx_paragraphs(item)):
        if i:
            text.append("\n")
            shown.append(" ⏎ ")
            pos += 1
        notes = [f"абзац: стиль {para['style']}"] if para.get("style") else []
        notes += [f"абзац: заливка {para['shading']}"] if para.get("shading") else []
        shown.append("".join(f"⟨{n}⟩ " for n in notes))
        for run in para["runs"]:
            t = str(run.get("text", ""))
            if run.get("mark") and t:
                if spans and spans[-1][1] == pos:
                    spans[-1] = (spans[-1][0], pos + len(t))
                else:
                    spans.append((pos, pos + len(t)))
            shown.append(f"[{t}]" if run.get("mark") else t)
            run_notes = _run_notes(run)
            if run_notes:
                shown.append("⟨" + ", ".join(run_notes) + "⟩")
            text.append(t)
            pos += len(t)
    doc_notes = []
    if item.get("normal"):
        doc_notes.append("стиль «Обычный»: " + ", ".join(_run_notes(item["normal"])))
    if item.get("theme"):
        doc_notes.append(f"шрифт темы: {item['theme']}")
    if item.get("theme_cyrillic"):
        doc_notes.append(f"шрифт темы для кириллицы: {item['theme_cyrillic']}")
    if item.get("page"):
        doc_notes.append(f"цвет страницы {item['page']}")
    prefix = "".join(f"⟨{n}⟩ " for n in doc_notes)
    if item.get("expect") == "document":
        shown.append(" ⟨замечание ко всему письму⟩")
    suggest = tuple(item["suggest"]) if "suggest" in item else None
    return Example("".join(text), tuple(spans), suggest, display=prefix + "".join(shown))
