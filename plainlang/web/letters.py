"""One uploaded letter → the contract JSON plus what the page needs to draw it, or the letter back as
.docx with comments. No rule logic here: the engine checks, the JSON reporter renders, annotate adds
the comments.

The readers take a path, so the upload is written into a private temporary folder (TemporaryDirectory
makes it with mode 0700) that is removed as soon as the answer is built. The file inside gets a fixed
name: the user's file name only picks the reader (by its suffix) and is shown in the report, so a name
such as `../../x.txt` never reaches the file system.
"""
from __future__ import annotations

import io
import json
import os
import threading
import unicodedata
from contextlib import contextmanager
from tempfile import TemporaryDirectory
from urllib.parse import unquote

from ..document.load import SUFFIXES, load
from ..errors import InputError

MAX_NAME = 120
# The engine's caches (morphology, lexicon indexes) and annotate's comment-id counter, which patches a
# python-docx class for the duration of one document, are not made for threads: one letter at a time.
_ENGINE = threading.Lock()


class UploadError(Exception):
    """A refusal the page shows as is: an HTTP status and a Russian message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def clean_name(header: str | None) -> str:
    """The file name as the browser sent it (URL-encoded), reduced to a plain base name."""
    name = unquote(header or "", errors="replace").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C")).strip()
    if not name:
        raise UploadError(400, "не указано имя файла. Выберите файл ещё раз.")
    stem, suffix = os.path.splitext(name)
    if len(name) > MAX_NAME:
        name = (stem[:max(1, MAX_NAME - len(suffix))] + suffix)[:MAX_NAME]
    return name


def suffix_of(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in SUFFIXES and suffix != ".doc":   # .doc gets the reader's own advice
        raise UploadError(415, "такие файлы программа не проверяет. "
                               "Выберите письмо Word (.docx) или текст (.txt, .md).")
    return suffix


@contextmanager
def opened(name: str, raw: bytes):
    """The uploaded letter as a Document, readable only while the block runs."""
    suffix = suffix_of(name)
    with TemporaryDirectory(prefix="plainlang-") as folder:
        path = os.path.join(folder, "letter" + suffix)
        with open(path, "xb") as fh:
            fh.write(raw)
        try:
            document = load(path)
        except InputError as exc:
            raise UploadError(400, str(exc)) from None
        document.path = name
        yield document


def check_upload(header: str | None, raw: bytes, settings) -> dict:
    """The contract JSON for the upload, its file entry extended with `document` and `view`."""
    from ..engine import check_document, plan_for
    from ..report.json_report import render
    name = clean_name(header)
    with opened(name, raw) as document:
        with _ENGINE:
            result = check_document(document, settings, plan_for(settings))
    # the reporter's own output, so the page reads exactly what `check --format json` prints
    data = json.loads(render([result]))
    entry = data["files"][0]
    entry["document"] = _document(document)
    entry["view"] = _view(result, document)
    return data


def _document(document) -> dict:
    from ..document.docx_annotate import place
    return {
        "format": document.format,
        "text": document.text,
        "blocks": [{"start": b.start, "end": b.end, "paragraph": b.paragraph, "locator": b.locator,
                    "kind": b.kind, "place": place(b.locator) if b.locator else None,
                    # the table, header or footer the block belongs to, to group blocks under it
                    "part": place(b.locator.split("/")[0]) if b.locator else None,
                    # Markdown markup, code and link targets: shown dimmed, as no rule reads them
                    # (addresses and phone numbers, masked with a fill, are words of the letter)
                    "markup": [[m[0], m[1]] for m in b.masked if len(m) == 2]}
                   for b in document.blocks],
    }


def _view(result, document) -> dict:
    """Words the page shows, taken from where the command line takes them, so the page keeps none."""
    from ..document.docx_annotate import CATEGORY_NAMES
    from ..engine import NESTING_CATEGORIES
    from ..report.text import SEVERITY_NAME, score_label
    return {
        "score_label": score_label(result.score),
        "category_names": {f.category: CATEGORY_NAMES.get(f.category, f.category) for f in result.findings},
        "severity_names": dict(SEVERITY_NAME),
        "wide_categories": list(NESTING_CATEGORIES),   # drawn as an underline, not as a background
        "annotate": document.format == "docx",
    }


def annotate_upload(header: str | None, raw: bytes, settings) -> tuple[str, bytes]:
    """(`<name>.checked.docx`, its bytes): the letter with every finding as a Word comment."""
    from ..document.docx_annotate import annotate_document
    from ..engine import check_document, plan_for
    name = clean_name(header)
    suffix = suffix_of(name)
    if suffix != ".docx":
        raise UploadError(415, "примечания можно добавить только в письмо Word (.docx). "
                               "Замечания к этому файлу показаны на странице.")
    with opened(name, raw) as document:
        with _ENGINE:
            result = check_document(document, settings, plan_for(settings))
            try:
                annotate_document(document, result)
            except InputError as exc:
                raise UploadError(400, str(exc)) from None
        out = io.BytesIO()
        document.native.save(out)
    return name[:-len(suffix)] + ".checked.docx", out.getvalue()
