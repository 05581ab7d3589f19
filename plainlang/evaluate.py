"""Precision and recall against the annotated corpus, exactly as shared/design/contract.md §3 defines them:
a finding matches a span when their categories are equal and their character ranges overlap;
per category, precision = matched findings / findings, recall = matched spans / spans."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError


@dataclass
class Tally:
    findings: int = 0
    matched_findings: int = 0
    spans: int = 0
    matched_spans: int = 0

    @property
    def precision(self):
        return self.matched_findings / self.findings if self.findings else None

    @property
    def recall(self):
        return self.matched_spans / self.spans if self.spans else None

    @property
    def f1(self):
        p, r = self.precision, self.recall
        if not p or not r:
            return 0.0 if (p is not None and r is not None) else None
        return 2 * p * r / (p + r)


@dataclass
class Report:
    tallies: dict = field(default_factory=dict)
    false_alarms: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    texts: int = 0
    pairs: list = field(default_factory=list)
    # per rule: [findings, matched findings]; shows which rules the corpus proves and which misfire
    rules: dict = field(default_factory=dict)

    def micro(self) -> Tally:
        total = Tally()
        for t in self.tallies.values():
            total.findings += t.findings
            total.matched_findings += t.matched_findings
            total.spans += t.spans
            total.matched_spans += t.matched_spans
        return total

    def pairs_improved(self):
        if not self.pairs:
            return None
        return sum(1 for p in self.pairs if p["after"] > p["before"]) / len(self.pairs)

    def to_dict(self) -> dict:
        def row(t):
            return {"findings": t.findings, "spans": t.spans, "matched_findings": t.matched_findings,
                    "matched_spans": t.matched_spans, "precision": _r(t.precision), "recall": _r(t.recall),
                    "f1": _r(t.f1)}
        return {"texts": self.texts,
                "categories": {c: row(t) for c, t in sorted(self.tallies.items())},
                "micro": row(self.micro()),
                "pairs": {"count": len(self.pairs), "improved_share": _r(self.pairs_improved()),
                          "items": self.pairs},
                "rules": {r: {"findings": n, "matched_findings": m} for r, (n, m) in sorted(self.rules.items())},
                "false_alarms": self.false_alarms, "misses": self.misses}


def _r(x):
    return None if x is None else round(x, 3)


def read_corpus(path: Path) -> list[dict]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"{path}: нет файлов .jsonl с размеченными текстами.")
    entries = []
    for f in files:
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"{f}: не удалось прочитать ({exc.strerror}).") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{f}, строка {n}: это не JSON ({exc.msg}).") from None
    return entries


def evaluate(path: str, settings=None) -> Report:
    from .engine import check_text, plan_for
    from .config import Settings
    settings = settings or Settings()
    plan = plan_for(settings)
    root = Path(path)
    report = Report()
    if not root.exists():
        raise InputError(f"{path}: нет такого файла или папки.")
    entries = read_corpus(root) if (root.is_file() or list(root.glob("*.jsonl"))) else []
    for entry in entries:
        report.texts += 1
        if entry.get("docx"):
            result = _check_docx_entry(entry, settings)
        else:
            result = check_text(entry["text"], settings, path=entry["id"])
        _score_entry(report, entry, result.findings)
    pairs_dir = root / "pairs" if root.is_dir() else None
    if pairs_dir is not None and pairs_dir.is_dir():
        from .engine import check_path
        for before in sorted(pairs_dir.glob("*.before.txt")):
            after = before.with_name(before.name.replace(".before.", ".after."))
            if not after.exists():
                continue
            b, a = check_path(str(before), settings), check_path(str(after), settings)
            report.pairs.append({"pair": before.name.split(".")[0], "before": b.score, "after": a.score})
    del plan
    return report


def _check_docx_entry(entry: dict, settings):
    """A Word letter of the corpus: build the .docx from its spec, then read and check it like any file."""
    import tempfile

    from .document.docx import read_docx
    from .document.docx_build import build_example
    from .engine import check_document
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / f"{entry['id']}.docx")
        build_example(entry["docx"]).save(path)
        document = read_docx(path)
    if document.text[:len(entry["text"])] != entry["text"]:
        raise InputError(f"{entry['id']}: текст собранного файла Word не совпадает с текстом корпуса.")
    document.path = entry["id"]
    return check_document(document, settings)


def _whole(entry: dict, f) -> tuple[int, int]:
    """A finding about the whole letter (no span) concerns all of its text."""
    if f.start is None:
        return 0, len(entry["text"])
    return f.start, f.end


def _score_entry(report: Report, entry: dict, findings):
    spans = entry.get("spans", [])
    findings = [_Located(f, *_whole(entry, f)) for f in findings]
    for cat in {s["category"] for s in spans} | {f.category for f in findings}:
        report.tallies.setdefault(cat, Tally())
    for f in findings:
        t = report.tallies[f.category]
        t.findings += 1
        per_rule = report.rules.setdefault(f.rule, [0, 0])
        per_rule[0] += 1
        if any(s["category"] == f.category and s["start"] < f.end and f.start < s["end"] for s in spans):
            t.matched_findings += 1
            per_rule[1] += 1
        else:
            report.false_alarms.append({"id": entry["id"], "category": f.category, "rule": f.rule,
                                        "fragment": f.text, "message": f.message,
                                        "context": _context(entry["text"], f.start, f.end)})
    for s in spans:
        t = report.tallies[s["category"]]
        t.spans += 1
        if any(f.category == s["category"] and s["start"] < f.end and f.start < s["end"] for f in findings):
            t.matched_spans += 1
        else:
            report.misses.append({"id": entry["id"], "category": s["category"], "fragment": s["fragment"],
                                  "context": _context(entry["text"], s["start"], s["end"])})


class _Located:
    """A finding with the range it is judged on (whole-letter findings get the whole text)."""

    def __init__(self, finding, start, end):
        self.finding, self.start, self.end = finding, start, end
        self.category, self.rule = finding.category, finding.rule
        self.message = finding.message
        self.text = finding.text


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return (("…" if a else "") + text[a:start] + "[" + text[start:end] + "]" + text[end:b]
            + ("…" if b < len(text) else "")).replace("\n", " ")


def render_table(report: Report, details: bool) -> list[str]:
    def pct(x):
        return "—" if x is None else f"{100 * x:.0f}%"
    lines = [f"Текстов: {report.texts}", "",
             f"{'категория':<15} {'находок':>7} {'разметка':>8} {'точность':>8} {'полнота':>7} {'F1':>5}"]
    for cat, t in sorted(report.tallies.items()):
        lines.append(f"{cat:<15} {t.findings:>7} {t.spans:>8} {pct(t.precision):>8} {pct(t.recall):>7} "
                     f"{pct(t.f1):>5}")
    m = report.micro()
    lines.append(f"{'всего (micro)':<15} {m.findings:>7} {m.spans:>8} {pct(m.precision):>8} {pct(m.recall):>7} "
                 f"{pct(m.f1):>5}")
    if report.pairs:
        share = report.pairs_improved()
        lines.append("")
        lines.append(f"Пары «до/после»: {len(report.pairs)}, переписанный текст оценён выше в "
                     f"{100 * share:.0f}% пар.")
        worse = [p for p in report.pairs if p["after"] <= p["before"]]
        for p in worse:
            lines.append(f"  пара {p['pair']}: до {p['before']}, после {p['after']}")
    if details:
        lines.append("")
        lines.append(f"Ложные срабатывания ({len(report.false_alarms)}):")
        for fa in report.false_alarms:
            lines.append(f"  {fa['id']} {fa['rule']} [{fa['category']}] {fa['context']}")
        lines.append("")
        lines.append(f"Пропуски ({len(report.misses)}):")
        for ms in report.misses:
            lines.append(f"  {ms['id']} [{ms['category']}] {ms['context']}")
    return lines
