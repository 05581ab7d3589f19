"""Ranges inside prose that no rule should read: web addresses, e-mail addresses, phone numbers."""
from __future__ import annotations

import re

# Repetitions are bounded (a name part is at most 64 characters, as in DNS and e-mail): an unbounded
# «[\w-]+\.» tried at every letter of a long word takes quadratic time.
_PATTERNS = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]{1,2000}[^\s<>«»\".,;:!?)]"      # web address
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,64}(?:\.[\w-]{1,64}){1,8}"   # e-mail
    r"|(?<![\w-])[\w-]{1,64}\.(?:ru|рф|su|com|org|net|gov\.ru)\b(?:/[^\s]{0,2000}[^\s.,;:!?)])?"  # bare domain
    r"|(?:\+7|8)[\s(-]*\d{3,5}[\s)-]*\d{1,3}[\s-]*\d{2}[\s-]*\d{2}",   # phone: +7 (8342) 47-23-21
    re.IGNORECASE)


def inline_masks(text: str, start: int, end: int):
    for m in _PATTERNS.finditer(text, start, end):
        yield m.start(), m.end(), "_"
