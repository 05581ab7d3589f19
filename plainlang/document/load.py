"""Open a path (or standard input) as a Document, with a plain Russian error for anything unreadable."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
SUFFIXES = (*TEXT_SUFFIXES, ".docx")
MAX_TEXT_BYTES = 20 * 1024 * 1024


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or cp1251, detected; anything else is refused with a reason."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("файл в кодировке UTF-16. Сохраните его в UTF-8 и проверьте снова.")
    if raw.startswith(b"PK\x03\x04"):
        raise InputError("это архив или файл Word, а не текст. Файлы Word должны иметь расширение .docx.")
    if b"\x00" in raw[:8192]:
        raise InputError("это не текстовый файл: в нём есть двоичные данные.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError:
            raise InputError("не удалось определить кодировку. Сохраните файл в UTF-8.") from None
        if not _looks_russian(text):
            raise InputError("не удалось определить кодировку: текст не похож на UTF-8 или Windows-1251. "
                             "Сохраните файл в UTF-8.")
    if _control_share(text) > 0.01:
        raise InputError("это не текстовый файл: в нём много служебных символов.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_russian(text: str) -> bool:
    # KOI8-R or Mac text read as cp1251 turns into mostly capital Cyrillic letters; real text is mostly lower case
    cyr = [c for c in text if "а" <= c.lower() <= "я" or c in "ёЁ"]
    if not cyr:
        return True  # pure ASCII would have decoded as UTF-8; the odd bytes are symbols
    lower = sum(1 for c in cyr if c.islower())
    return lower / len(cyr) > 0.6


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) / len(sample)


def load_text(path: str, raw: bytes, fmt: str):
    if not raw.strip():
        raise InputError("файл пуст: проверять нечего.")
    text = decode(raw)
    if not text.strip():
        raise InputError("файл пуст: проверять нечего.")
    if fmt == "md":
        from .markdown import read_markdown
        return read_markdown(path, text)
    from .plain import read_plain
    return read_plain(path, text)


def load(path: str):
    """Read one file (or '-' for standard input) into a Document."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        return load_text("-", raw, "txt")
    p = Path(path)
    if not p.exists():
        raise InputError("файл не найден.")
    if p.is_dir():
        raise InputError("это папка, а не файл.")
    suffix = p.suffix.lower()
    if suffix == ".doc":
        raise InputError("это файл старого формата Word (.doc). Откройте его в Word и сохраните как .docx.")
    try:
        size = p.stat().st_size
        if suffix == ".docx":
            from .docx import read_docx
            document = read_docx(path)
            if not document.text.strip():
                raise InputError("в документе Word нет текста: проверять нечего.")
            return document
        if size > MAX_TEXT_BYTES:
            raise InputError(f"файл слишком большой ({size // (1024 * 1024)} МБ). "
                             f"plainlang проверяет тексты до {MAX_TEXT_BYTES // (1024 * 1024)} МБ.")
        raw = p.read_bytes()
    except PermissionError:
        raise InputError("нет прав на чтение файла.") from None
    except IsADirectoryError:
        raise InputError("это папка, а не файл.") from None
    except OSError as exc:
        raise InputError(f"не удалось прочитать файл: {exc.strerror or exc}.") from None
    return load_text(path, raw, TEXT_SUFFIXES.get(suffix, "txt"))


def expand_paths(paths: list[str]) -> list[tuple[str, str | None]]:
    """Files to check, in order: (path, error). Folders recurse over .txt, .md and .docx."""
    out: list[tuple[str, str | None]] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.startswith("~$"))
            if not found:
                out.append((path, "в папке нет файлов .txt, .md или .docx."))
            out.extend((f, None) for f in found)
        else:
            out.append((path, None))
    return out


def display_path(path: str) -> str:
    return path if path == "-" else os.path.normpath(path)
