"""Loads rule definitions and profiles from rulesets/, validates them, and selects rules.

Nothing here imports a model: `plainlang rules` and `explain` run on this module alone.
"""
from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

from .errors import ConfigError
from .finding import SEVERITIES
from .resources import rulesets_dir
from .rule import CATEGORIES, DEFAULT_WEIGHT, Rule

REQUIRED = ("id", "name", "kind", "category", "severity", "message", "source", "examples")
ID = re.compile(r"^[A-Z]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def _yaml(path: Path):
    import yaml
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise ConfigError(f"файл не найден: {path}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"ошибка в YAML-файле {path}: {exc}") from None


@cache
def all_rules() -> tuple[Rule, ...]:
    from .kinds import KINDS
    rules: list[Rule] = []
    for path in sorted((rulesets_dir() / "rules").glob("*.yaml")):
        data = _yaml(path) or []
        if not isinstance(data, list):
            raise ConfigError(f"{path.name}: ожидается список правил")
        for item in data:
            rules.append(_rule(item, path.name, KINDS))
    ids, names = set(), set()
    for r in rules:
        if r.id in ids or r.name in names:
            raise ConfigError(f"правило {r.id} ({r.name}) объявлено дважды")
        ids.add(r.id)
        names.add(r.name)
    return tuple(sorted(rules, key=lambda r: r.id))


def _rule(item: dict, origin: str, kinds) -> Rule:
    where = f"{origin}: {item.get('id', '?')}"
    missing = [k for k in REQUIRED if k not in item]
    if missing:
        raise ConfigError(f"{where}: нет полей {', '.join(missing)}")
    if not ID.match(str(item["id"])) or not NAME.match(str(item["name"])):
        raise ConfigError(f"{where}: код вида K101 и имя вида split-predicate обязательны")
    if item["kind"] not in kinds:
        raise ConfigError(f"{where}: неизвестный вид правила {item['kind']!r}")
    if item["category"] not in CATEGORIES:
        raise ConfigError(f"{where}: неизвестная категория {item['category']!r}")
    if item["severity"] not in SEVERITIES:
        raise ConfigError(f"{where}: неизвестная важность {item['severity']!r}")
    examples = item["examples"] or {}
    if not examples.get("bad") or not examples.get("good"):
        raise ConfigError(f"{where}: у правила должны быть плохие и хорошие примеры")
    return Rule(
        id=item["id"], name=item["name"], kind=item["kind"], category=item["category"],
        severity=item["severity"], message=item["message"].strip(), source=item["source"],
        description=(item.get("description") or "").strip(),
        weight=float(item.get("weight", DEFAULT_WEIGHT[item["severity"]])),
        messages={k[len("message_"):]: v.strip() for k, v in item.items()
                  if k.startswith("message_") and isinstance(v, str)},
        options=item.get("options") or {}, examples=examples, origin=origin)


def rule_by_code(code: str) -> Rule | None:
    for r in all_rules():
        if r.id == code.upper() or r.name == code:
            return r
    return None


@cache
def load_profile(name: str) -> dict:
    """A profile merged with the profiles it extends: {select, ignore, severity, options}."""
    path = Path(name)
    if not path.suffix:
        path = rulesets_dir() / f"{name}.yaml"
    if not path.exists():
        raise ConfigError(f"профиль не найден: {name}. Есть профили: default, strict.")
    data = _yaml(path) or {}
    base = {"select": ["ALL"], "ignore": [], "severity": {}, "options": {}}
    if data.get("extends"):
        base = load_profile(str(data["extends"]) if "/" not in str(data["extends"])
                            else str(path.parent / data["extends"]))
        base = copy.deepcopy(base)  # the parent is cached: never change it in place
    if "select" in data:
        base["select"] = list(data["select"])
    base["select"] = base["select"] + list(data.get("extend-select") or [])
    if "ignore" in data:
        base["ignore"] = list(data["ignore"] or [])
    base["ignore"] = base["ignore"] + list(data.get("extend-ignore") or [])
    base["severity"].update(data.get("severity") or {})
    for rid, opts in (data.get("options") or {}).items():
        base["options"].setdefault(rid, {}).update(opts)
    return base


def specificity(selector: str, rule: Rule) -> int:
    """How precisely a selector names a rule (0: not at all). A more precise choice wins, as in flake8."""
    s = selector.strip()
    if s == "ALL":
        return 1
    if s.upper() == rule.id or s == rule.name:
        return 100
    if s == rule.category:
        return 50
    if s and rule.id.startswith(s.upper()) and re.fullmatch(r"[A-Za-z]\d*", s):
        return 1 + len(s)
    return 0


def known_selector(selector: str) -> bool:
    return selector == "ALL" or any(specificity(selector, r) for r in all_rules())


def select(rules, selectors: list[str], ignores: list[str]) -> list[Rule]:
    out = []
    for rule in rules:
        sel = max((specificity(s, rule) for s in selectors), default=0)
        ign = max((specificity(s, rule) for s in ignores), default=0)
        if sel and sel > ign:
            out.append(rule)
    return out
