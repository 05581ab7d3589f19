"""plainlang: a plain-language linter for Russian official letters.

Public API (imports nothing heavy until called):
    check_path(path, config=None) -> FileResult
    check_text(text, config=None) -> FileResult
"""
__version__ = "0.1.0"

__all__ = ["__version__", "check_path", "check_text"]


def check_path(path, config=None):
    from .engine import check_path as _check_path
    return _check_path(path, config)


def check_text(text, config=None, path="<text>"):
    from .engine import check_text as _check_text
    return _check_text(text, config, path=path)
