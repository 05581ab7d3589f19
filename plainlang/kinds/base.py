"""What every kind shares: options merged over defaults, and the Hit a check yields."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ConfigError


@dataclass
class Hit:
    start: int | None
    end: int | None
    suggestions: tuple[str, ...] = ()
    values: dict = field(default_factory=dict)   # fills the message template: {match}, {count} …
    template: str = "message"
    paragraph: int | None = None                 # set for findings without a span
    locator: str | None = None


class Kind:
    needs: frozenset = frozenset({"sentences"})
    defaults: dict = {}

    def __init__(self, rule, options: dict):
        unknown = set(options) - set(self.defaults)
        if unknown:
            raise ConfigError(f"правило {rule.id}: неизвестные параметры: {', '.join(sorted(unknown))}")
        merged = dict(self.defaults)
        for key, value in options.items():
            default = self.defaults[key]
            if default is not None and not isinstance(value, type(default)) and not (
                    isinstance(default, float) and isinstance(value, int)):
                raise ConfigError(f"правило {rule.id}: параметр {key} должен быть "
                                  f"{type(default).__name__}, а не {value!r}")
            merged[key] = value
        self.rule = rule
        self.options = merged
        self.setup()

    def setup(self):
        """Build what the rule needs from its options (dictionaries, patterns). Runs once."""

    def check(self, ctx):
        raise NotImplementedError
