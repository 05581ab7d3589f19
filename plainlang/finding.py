"""Findings are immutable values; reporters only render them."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: i for i, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, order=False)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    weight: float
    message: str
    start: int | None
    end: int | None
    text: str
    suggestions: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    paragraph: int | None = None
    locator: str | None = None
    source: str = ""

    def sort_key(self):
        start = -1 if self.start is None else self.start
        return (start, self.end or 0, self.rule)

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "weight": self.weight,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "paragraph": self.paragraph,
            "source": self.source,
        }
        if self.locator is not None:
            data["locator"] = self.locator
        return data


@dataclass
class FileResult:
    """What checking one file produced: findings and score, or an error message."""
    path: str
    findings: list[Finding] = field(default_factory=list)
    score: float | None = None
    stats: dict = field(default_factory=dict)
    error: str | None = None
    document: object = None  # the Document, kept for reporters that need its text

    def to_dict(self) -> dict:
        if self.error is not None:
            return {"path": self.path, "error": self.error}
        return {
            "path": self.path,
            "score": self.score,
            "stats": self.stats,
            "findings": [f.to_dict() for f in self.findings],
        }
