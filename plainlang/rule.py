"""The rule record: data from rulesets/rules/*.yaml, bound to a kind (a Python class)."""
from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "bureaucratese", "wordiness", "archaism", "jargon", "aggression", "idiom", "complex-term",
    "abbreviation", "terminology", "long-sentence", "negative", "special-chars", "structure",
    "spelling", "grammar", "italic", "underline", "caps", "font", "decoration", "background",
    "mixed-styles",
)
DEFAULT_WEIGHT = {"info": 0.3, "warning": 1.0, "error": 1.5}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    source: str
    description: str = ""
    weight: float = 1.0
    messages: dict = field(default_factory=dict, hash=False, compare=False)   # alternative templates
    options: dict = field(default_factory=dict, hash=False, compare=False)
    examples: dict = field(default_factory=dict, hash=False, compare=False)
    origin: str = ""          # the YAML file it came from

    def template(self, key: str) -> str:
        if key == "message":
            return self.message
        return self.messages.get(key, self.message)
