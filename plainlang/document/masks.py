"""Ranges inside prose that no rule should read: web addresses, e-mail addresses, phone numbers."""
from __future__ import annotations

import re

_PATTERNS = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]+[^\s<>«»\".,;:!?)]"          # web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                                  # e-mail
    r"|\b[\w-]+\.(?:ru|рф|su|com|org|net|gov\.ru)\b(?:/[^\s]*)?"      # bare domain: mfc.ru
    r"|(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}",      # phone number
    re.IGNORECASE)


def inline_masks(text: str, start: int, end: int):
    for m in _PATTERNS.finditer(text, start, end):
        yield m.start(), m.end(), "_"
