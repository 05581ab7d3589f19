"""The reply templates in examples/templates are the start of the knowledge base the regulation asks
for; a templates repository runs plainlang as a pre-commit hook, so every template must pass it."""
from pathlib import Path

import pytest

from plainlang.config import Settings
from plainlang.engine import check_path

TEMPLATES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples" / "templates").glob("*.md")
                   if p.name != "README.md")


def test_there_are_templates():
    assert len(TEMPLATES) >= 8


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_template_passes_the_hook(path):
    result = check_path(str(path), Settings())
    assert result.error is None
    serious = [f"{f.rule} {f.text}" for f in result.findings if f.severity in ("warning", "error")]
    assert not serious, serious
    assert result.score >= 9.0, result.score
