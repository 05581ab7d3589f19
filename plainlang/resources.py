"""Where rulesets/ and dictionaries/ live: inside the installed wheel, or beside the package in a checkout.

The wheel build copies the top-level folders into the package (see pyproject.toml), so an installed
plainlang finds them next to its modules; a checkout (editable install, tests) finds them one level up.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    for candidate in (PACKAGE / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"не найдена папка {name}: пакет plainlang установлен не полностью")


def rulesets_dir() -> Path:
    return data_dir("rulesets")


def dictionaries_dir() -> Path:
    return data_dir("dictionaries")
