"""Human output: one line per finding, `path:line:col: CODE [category] message → suggestion`,
then a summary line per file with its score."""
from __future__ import annotations

import click

SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
SEVERITY_NAME = {"error": "ошибка", "warning": "предупреждение", "info": "совет"}


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def finding_line(path: str, f, colour: bool) -> str:
    if f.line is None and f.locator:
        where = f"{path}:{f.locator}:{f.column or 1}:"   # a table cell, header or footer of a .docx
    elif f.line is None:
        where = f"{path}:"                                 # the whole document (page colour, mixed styles)
    else:
        where = f"{path}:{f.line}:{f.column or 1}:"
    code = click.style(f.rule, fg=SEVERITY_COLOUR[f.severity], bold=True) if colour else f.rule
    line = f"{where} {code} [{f.category}] {f.message}"
    if f.suggestions:
        shown = ", ".join(f"«{s}»" if s else "(убрать)" for s in f.suggestions[:3])
        arrow = click.style("→", fg="green") if colour else "→"
        line += f" {arrow} {shown}"
    return line


def score_label(score: float) -> str:
    if score >= 8:
        return "письмо простое"
    if score >= 6:
        return "есть что упростить"
    if score >= 4:
        return "много канцелярита"
    return "письмо трудно читать"


def summary_line(result, colour: bool) -> str:
    n = len(result.findings)
    by = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = [f"{SEVERITY_NAME[s]}: {by[s]}" for s in ("error", "warning", "info") if by[s]]
    score = f"{result.score:.1f}".replace(".", ",")
    colour_name = "green" if result.score >= 8 else "yellow" if result.score >= 5 else "red"
    score_text = click.style(f"{score} из 10", fg=colour_name, bold=True) if colour else f"{score} из 10"
    words = result.stats.get("words", 0)
    notes = f"{n} {_plural(n, 'замечание', 'замечания', 'замечаний')}"
    if parts:
        notes += " (" + ", ".join(parts) + ")"
    return (f"{result.path}: оценка {score_text} — {score_label(result.score)}; {notes}; "
            f"{words} {_plural(words, 'слово', 'слова', 'слов')}")


def render(results, colour: bool) -> list[str]:
    lines = []
    for r in results:
        if r.error is not None:
            continue
        for f in r.findings:
            lines.append(finding_line(r.path, f, colour))
        lines.append(summary_line(r, colour))
        if len(results) > 1:
            lines.append("")
    return lines
