"""User configuration: `.plainlang.yaml` or `[tool.plainlang]` in pyproject.toml, then the command line.

Later layers win: profile → config file → command line. Keys use dashes, as in the file:

    profile: default            # or strict, or a path to your own profile YAML
    select: [K, S501]           # rules by code, code prefix, name or category
    ignore: [jargon]
    fail-on: warning            # info | warning | error
    options: {S501: {max_words: 20}}
    glossary: glossary.tsv      # preferred term ⇥ variants separated by «;»
    abbreviations: abbr.tsv     # your abbreviations: abbr ⇥ expansion
    allow-abbreviations: [ЦУР]
    allow-words: [техприсоединение]
    languagetool: http://localhost:8081   # only if you run a LanguageTool server yourself
    per-file-ignores: {"templates/*.md": [S501]}
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .finding import SEVERITIES

CONFIG_FILES = (".plainlang.yaml", "plainlang.yaml", "pyproject.toml")
KEYS = {"profile", "select", "ignore", "extend-select", "fail-on", "options", "severity", "glossary",
        "abbreviations", "allow-abbreviations", "allow-words", "languagetool", "per-file-ignores"}


@dataclass
class Settings:
    profile: str = "default"
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    options: dict = field(default_factory=dict)
    severity: dict = field(default_factory=dict)
    glossary: str | None = None
    abbreviations: str | None = None
    allow_abbreviations: list[str] = field(default_factory=list)
    allow_words: list[str] = field(default_factory=list)
    languagetool: str | None = None
    per_file_ignores: dict = field(default_factory=dict)
    base_dir: Path = field(default_factory=Path.cwd)
    source: str | None = None

    def apply(self, data: dict, base_dir: Path, source: str):
        unknown = set(data) - KEYS
        if unknown:
            raise ConfigError(f"{source}: неизвестные ключи: {', '.join(sorted(unknown))}")
        for key, value in data.items():
            attr = key.replace("-", "_")
            if key in ("glossary", "abbreviations") and value:
                value = str((base_dir / value).resolve())
            if key == "options":
                for rid, opts in (value or {}).items():
                    self.options.setdefault(str(rid), {}).update(opts or {})
                continue
            if key in ("select", "ignore", "extend-select", "allow-abbreviations", "allow-words"):
                value = _as_list(value, source, key)
            setattr(self, attr, value)
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"{source}: fail-on должен быть одним из: {', '.join(SEVERITIES)}")
        self.source = source

    def ignored_for(self, path: str) -> list[str]:
        out = []
        for pattern, codes in (self.per_file_ignores or {}).items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                out.extend(_as_list(codes, "per-file-ignores", pattern))
        return out


def _as_list(value, source, key) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise ConfigError(f"{source}: {key} должен быть списком")


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "[tool.plainlang]" not in candidate.read_text(
                        encoding="utf-8", errors="replace"):
                    continue
                return candidate
    return None


def read_config(path: Path) -> dict:
    try:
        if path.name == "pyproject.toml" or path.suffix == ".toml":
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
            return data.get("tool", {}).get("plainlang", {}) if path.name == "pyproject.toml" else data
        import yaml
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
    except FileNotFoundError:
        raise ConfigError(f"файл настроек не найден: {path}") from None
    except Exception as exc:  # noqa: BLE001 - any parser error becomes one clear message
        raise ConfigError(f"не удалось прочитать настройки {path}: {exc}") from None


def load_settings(config_path: str | None = None, isolated: bool = False, start: Path | None = None) -> Settings:
    settings = Settings()
    if isolated:
        return settings
    path = Path(config_path) if config_path else find_config((start or Path.cwd()).resolve())
    if path is not None:
        data = read_config(path)
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: настройки должны быть словарём ключ: значение")
        settings.apply(data, path.resolve().parent, str(path))
    return settings
