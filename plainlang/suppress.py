"""Inline suppression in Markdown, as in Vale and flake8: a directive names the rules it silences.

    <!-- plainlang: ignore K101, S501 -->       the next paragraph, heading, whole list or table
    <!-- plainlang: ignore-file T801 -->        the whole file

Codes, code prefixes, rule names and categories are accepted, as in --ignore. A directive without
codes silences nothing: suppressions must say what they suppress.
"""
from __future__ import annotations

import re

DIRECTIVE = re.compile(r"<!--\s*plainlang:\s*(ignore|ignore-file)\s+([^>]*?)\s*-->", re.IGNORECASE)


def directives(text: str):
    """(kind, codes, start, end) for every directive in the text."""
    for m in DIRECTIVE.finditer(text):
        codes = [c for c in re.split(r"[\s,]+", m.group(2)) if c]
        if codes:
            yield m.group(1).lower(), codes, m.start(), m.end()


def suppression_ranges(text: str, blocks, units=()) -> list[tuple[int, int, list[str]]]:
    """Ranges of the document text in which the named rules stay silent. `units` are the ranges of
    the top-level Markdown elements: a directive before a table or a list covers all of it."""
    out = []
    for kind, codes, start, end in directives(text):
        if kind == "ignore-file":
            out.append((0, len(text), codes))
            continue
        unit = next(((a, b) for a, b in units if a >= end), None)
        following = next((b for b in blocks if b.start >= end), None)
        if unit is not None and (following is None or unit[0] <= following.start):
            out.append((unit[0], unit[1], codes))
        elif following is not None:
            out.append((following.start, following.end, codes))
    return out


def is_suppressed(finding, ranges, rule) -> bool:
    from .registry import specificity
    if finding.start is None:
        return any(s == 0 and any(specificity(c, rule) for c in codes) for s, e, codes in ranges)
    return any(s <= finding.start and finding.end <= e and any(specificity(c, rule) for c in codes)
               for s, e, codes in ranges)
