"""Colours in Word: highlight names, shading patterns, theme colours, and the WCAG contrast ratio.

Colours are kept as upper-case "RRGGBB" strings; None means "automatic" or "nothing painted".
"""
from __future__ import annotations

import re

HEX = re.compile(r"^[0-9A-Fa-f]{6}$")

# w:highlight values (ST_HighlightColor) as Word paints them
HIGHLIGHT = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF",
    "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
    "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080",
    "lightGray": "C0C0C0", "black": "000000", "white": "FFFFFF",
}

# w:color/@w:themeColor names → the theme's colour slots (the default clrSchemeMapping)
THEME_SLOTS = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1", "background1": "lt1",
    "text2": "dk2", "background2": "lt2", "accent1": "accent1", "accent2": "accent2", "accent3": "accent3",
    "accent4": "accent4", "accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}


def hex_or_none(value: str | None) -> str | None:
    if value and HEX.match(value):
        return value.upper()
    return None


def mix(front: str, back: str, share: float) -> str:
    """`share` of `front` painted over `back` (shading patterns such as pct25)."""
    out = []
    for i in (0, 2, 4):
        f, b = int(front[i:i + 2], 16), int(back[i:i + 2], 16)
        out.append(round(f * share + b * (1 - share)))
    return "".join(f"{v:02X}" for v in out)


def shading_colour(val: str | None, color: str | None, fill: str | None) -> str | None:
    """The colour a w:shd paints, or None when it paints nothing visible."""
    if val in (None, "nil"):
        return None
    fill_rgb = hex_or_none(fill)
    if val == "clear":
        return fill_rgb
    front = hex_or_none(color) or "000000"
    if val == "solid":
        return front
    m = re.match(r"pct(\d+)", val)
    share = int(m.group(1)) / 100 if m else 0.5   # stripes and crosses cover about half
    return mix(front, fill_rgb or "FFFFFF", share)


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(rgb: str) -> float:
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
