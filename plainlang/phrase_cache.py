"""Compiled dictionary phrases kept between runs, as ruff keeps its cache: compiling 3,000 rows means
3,000 pymorphy3 look-ups, a fifth of a second on every start of `plainlang check`.

The cache holds only what the dictionaries themselves say (phrase → lemmas), never a letter. It lives in
$XDG_CACHE_HOME/plainlang (or ~/.cache/plainlang), one file per plainlang and pymorphy3 dictionary
version; PLAINLANG_NO_CACHE=1 turns it off. Any problem reading or writing it is silently ignored:
the cache only saves time.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

_store: dict | None = None
_dirty = False


def _path() -> Path | None:
    if os.environ.get("PLAINLANG_NO_CACHE"):
        return None
    from . import __version__
    try:
        import pymorphy3_dicts_ru  # a data package: importing it loads nothing (importlib.metadata costs 25 ms)
        dicts = pymorphy3_dicts_ru.__version__
    except Exception:  # noqa: BLE001 - no dictionary version: no cache
        return None
    # the code that compiles phrases is part of the key: a changed matcher never reads old entries
    import hashlib
    here = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for name in ("nlp/phrases.py", "nlp/morph.py"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plainlang" / f"phrases-{__version__}-{dicts}-{digest.hexdigest()[:12]}.pickle"


def _load() -> dict:
    global _store
    if _store is None:
        _store = {}
        path = _path()
        if path is not None and path.is_file():
            try:
                with open(path, "rb") as fh:
                    data = pickle.load(fh)
                if isinstance(data, dict):
                    _store = data
            except Exception:  # noqa: BLE001 - a broken cache is rebuilt
                _store = {}
    return _store


def get(phrase: str):
    return _load().get(phrase)


def put(phrase: str, elements) -> None:
    global _dirty
    _load()[phrase] = elements
    _dirty = True


def save() -> None:
    """Write the cache if this run compiled new phrases (atomically: a parallel run never sees half a file)."""
    global _dirty
    path = _path()
    if not _dirty or path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".phrases-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(_store, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _dirty = False
    except OSError:
        pass
