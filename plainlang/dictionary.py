"""TSV dictionaries: `#` comment lines, a header row, then rows (see dictionaries/README.md)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .resources import dictionaries_dir


@dataclass(frozen=True)
class Table:
    name: str
    comments: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[dict, ...]


def resolve(name: str | Path) -> Path:
    p = Path(name)
    if p.is_absolute() or p.exists():
        return p
    return dictionaries_dir() / name


@lru_cache(64)
def load_table(name: str) -> Table:
    path = resolve(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"словарь не найден: {name}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"не удалось прочитать словарь {name}: {exc}") from None
    comments = []
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        comments.append(lines[i])
        i += 1
    if i >= len(lines):
        raise ConfigError(f"в словаре {name} нет строки с названиями столбцов")
    columns = tuple(c.strip() for c in lines[i].split("\t"))
    rows = []
    for n, line in enumerate(lines[i + 1:], start=i + 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise ConfigError(f"{name}, строка {n}: столбцов больше, чем в заголовке")
        cells += [""] * (len(columns) - len(cells))
        row = {c: v.strip() for c, v in zip(columns, cells)}
        row["_line"] = n
        rows.append(row)
    return Table(name=str(name), comments=tuple(comments), columns=columns, rows=tuple(rows))
