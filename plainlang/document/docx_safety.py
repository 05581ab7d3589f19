"""Refuse a .docx before any XML parser sees it: wrong format, damaged, encrypted, a zip bomb, or XML
that declares a DTD or entities.

A .docx is a zip of XML parts, so the dangers are those of archives (huge or countless entries) and of
XML (entity expansion, external entities). python-docx reads every part it knows into memory and its
parser is not meant for hostile input, so the package is inspected here first, using only `zipfile`:
declared sizes are checked before anything is decompressed, and each XML part is streamed through a
byte scanner, never parsed.
"""
from __future__ import annotations

import zipfile

from ..errors import InputError

MAX_UNCOMPRESSED = 200 * 1024 * 1024   # a 500-page letter with pictures stays far below this
MAX_ENTRIES = 2000                     # Word writes 10-40 parts; thousands mean a generated archive
MAX_RATIO = 100                        # deflate of real XML gives 5-30; bombs give ~1000
RATIO_FROM = 20 * 1024 * 1024          # small parts may be very repetitive: judge the ratio only above this
CHUNK = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

DAMAGED = ("файл Word повреждён или скачан не полностью. Откройте его в Word, сохраните заново "
           "и проверьте снова.")
DANGEROUS = ("в файле есть служебные вставки, которых Word не создаёт. Такой файл может быть опасен, "
             "поэтому plainlang его не открывает. Откройте документ в Word, сохраните заново и проверьте снова.")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole_message(path: str) -> str:
    # Encrypted .docx files and old .doc files are both OLE compound files; their stream names
    # (UTF-16 in the directory) tell them apart without an OLE library.
    with open(path, "rb") as fh:
        data = fh.read(MAX_UNCOMPRESSED)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return ("файл защищён паролем. Снимите пароль в Word: меню «Файл», затем «Сведения» и «Защита "
                "документа». Потом проверьте файл снова.")
    if _utf16("WordDocument") in data:
        return ("это файл старого формата Word (.doc), хотя у него расширение .docx. Откройте его "
                "в Word и сохраните как «Документ Word (.docx)».")
    return ("это файл старого формата Microsoft Office, а не документ Word .docx. Откройте его "
            "и сохраните как «Документ Word (.docx)».")


def _not_zip_message(head: bytes) -> str:
    start = head.lstrip()[:16].lower()
    if start.startswith(b"{\\rtf"):
        return "это файл RTF, а не .docx. Откройте его в Word и сохраните как «Документ Word (.docx)»."
    if start.startswith(b"%pdf"):
        return "это файл PDF, а не документ Word. plainlang проверяет .docx, .txt и .md."
    if start.startswith((b"<?xml", b"<html", b"<!doctype", b"\xef\xbb\xbf<")):
        return ("это документ в формате XML или HTML, а не .docx. Откройте его в Word и сохраните как "
                "«Документ Word (.docx)».")
    if not head:
        return "файл пуст: проверять нечего."
    return ("это не документ Word, хотя у файла расширение .docx. Проверьте, тот ли это файл, "
            "или сохраните его в Word как «Документ Word (.docx)».")


def _wrong_package_message(names: set[str]) -> str | None:
    lower = {n.lower() for n in names}
    if "word/document.xml" in lower or any(n.startswith("word/") for n in lower):
        return None
    if "xl/workbook.xml" in lower:
        return "это таблица Excel, а не документ Word. plainlang проверяет письма в формате .docx."
    if "ppt/presentation.xml" in lower:
        return "это презентация PowerPoint, а не документ Word. plainlang проверяет письма в формате .docx."
    if "content.xml" in lower and "mimetype" in lower:
        return ("это документ OpenDocument (.odt), а не .docx. Сохраните его как «Документ Word (.docx)» "
                "и проверьте снова.")
    return "это архив, а не документ Word: в нём нет текста документа."


def _is_xml_part(name: str) -> bool:
    low = name.lower()
    return low.endswith((".xml", ".rels", ".vml")) or low == "[content_types].xml"


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True if the part declares a DTD or an entity. Streams the bytes; nothing is parsed."""
    with zf.open(info) as fh:
        head = fh.read(4)
        wide = head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" or head[:1] == b"\x00"
        if wide:
            # UTF-16 parts are rare and small; decode them whole to scan the same markers
            data = head + fh.read(info.file_size)
            text = data.decode("utf-16", errors="ignore").upper()
            return "<!DOCTYPE" in text or "<!ENTITY" in text
        tail = head
        while True:
            chunk = fh.read(CHUNK)
            window = (tail + chunk).upper()
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            if not chunk:
                return False
            tail = window[-16:]


def check_package(path: str) -> None:
    """Raise InputError with a plain Russian reason if `path` must not be opened as a .docx."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise InputError(f"не удалось прочитать файл: {exc.strerror or exc}.") from None
    if head.startswith(OLE_MAGIC):
        raise InputError(_ole_message(path))
    if not head.startswith(ZIP_MAGIC):
        raise InputError(_not_zip_message(head))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise InputError(f"в файле слишком много частей (больше {MAX_ENTRIES}). Документы Word "
                                 "так не устроены, а такой файл может быть опасен: plainlang его не открывает.")
            message = _wrong_package_message({i.filename for i in infos})
            if message:
                raise InputError(message)
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise InputError(_too_big())
            for info in infos:
                if info.flag_bits & 0x1:
                    raise InputError("файл зашифрован. Сохраните его в Word без пароля и проверьте снова.")
                if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise InputError("части файла сжаты необычно сильно: так бывает у вредоносных файлов, "
                                     "а не у писем. Такой файл может быть опасен, plainlang его не открывает.")
            for info in infos:
                if _is_xml_part(info.filename) and _scan_xml(zf, info):
                    raise InputError(DANGEROUS)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError,
            OSError, RuntimeError):
        raise InputError(DAMAGED) from None


def _too_big() -> str:
    return (f"файл занимает в распакованном виде больше {MAX_UNCOMPRESSED // (1024 * 1024)} мегабайт. "
            "Обычные письма намного меньше, а такой файл может быть опасен: plainlang его не открывает.")
