"""Every example of every formatting rule is a test, as test_rule_examples.py does for text rules:
the example becomes a real .docx (python-docx), goes through the reader and the engine, and a bad
example yields exactly its marked spans (or one whole-letter finding), a good one nothing."""
import pytest

from docx_factory import save_example
from plainlang.config import Settings
from plainlang.engine import check_path
from plainlang.examples import parse_example
from plainlang.kinds import kind_class
from plainlang.registry import all_rules

FORMAT_RULES = [r for r in all_rules() if "formatting" in kind_class(r.kind).needs]
BAD = [(r, i, ex) for r in FORMAT_RULES for i, ex in enumerate(r.examples["bad"])]
GOOD = [(r, i, ex) for r in FORMAT_RULES for i, ex in enumerate(r.examples["good"])]


def _run(rule, item, tmp_path):
    path = save_example(item, tmp_path / "example.docx")
    result = check_path(path, Settings(select=[rule.id]))
    assert result.error is None, result.error
    return [f for f in result.findings if f.rule == rule.id]


def test_there_are_formatting_rules_for_every_category():
    assert {r.category for r in FORMAT_RULES} >= {"italic", "underline", "caps", "font", "decoration",
                                                   "background", "mixed-styles"}


@pytest.mark.parametrize("rule,i,raw", BAD, ids=[f"{r.id}:bad:{i}" for r, i, _ in BAD])
def test_bad_example(rule, i, raw, tmp_path):
    ex = parse_example(raw)
    found = _run(rule, raw, tmp_path)
    if raw.get("expect") == "document":
        assert not ex.spans, f"{rule.id}: у замечания ко всему письму не бывает отметки mark"
        assert [(f.start, f.end) for f in found] == [(None, None)], (
            f"{rule.id}: ждали одно замечание ко всему письму, нашли {[(f.start, f.end) for f in found]}")
    else:
        assert ex.spans, f"{rule.id}: в плохом примере нет отметки mark"
        assert [(f.start, f.end) for f in found] == list(ex.spans), (
            f"{rule.id}: ждали {[ex.text[s:e] for s, e in ex.spans]}, нашли {[f.text for f in found]}")
        assert all(f.paragraph is not None for f in found)
    if ex.suggest is not None:
        assert list(found[0].suggestions) == list(ex.suggest)
    for f in found:
        assert "{" not in f.message and "}" not in f.message, f.message


@pytest.mark.parametrize("rule,i,raw", GOOD, ids=[f"{r.id}:good:{i}" for r, i, _ in GOOD])
def test_good_example(rule, i, raw, tmp_path):
    found = _run(rule, raw, tmp_path)
    assert not found, f"{rule.id}: ложное срабатывание на «{found[0].text}»: {found[0].message}"


def test_examples_read_back_as_their_text(tmp_path):
    """The builder and parse_example agree on the text, so marked offsets mean the same in both."""
    from plainlang.document.load import load
    for rule, i, raw in BAD + GOOD:
        path = save_example(raw, tmp_path / f"{rule.id}-{i}.docx")
        assert load(path).text == parse_example(raw).text, f"{rule.id}:{i}"


@pytest.mark.parametrize("rule", FORMAT_RULES, ids=lambda r: r.id)
def test_messages_follow_the_rules_they_enforce(rule):
    """A linter for plain language must speak plainly: its own messages pass its text rules."""
    import re

    from plainlang.engine import check_text
    texts = [rule.message, *rule.messages.values(), rule.description]
    for text in filter(None, texts):
        sample = re.sub(r"\{[a-z_]+\}", "срок", text)
        found = check_text(sample, Settings()).findings
        assert not found, f"{rule.id}: «{found[0].text}» — {found[0].message}"


def test_explain_shows_word_examples_in_words():
    from click.testing import CliRunner

    from plainlang.cli import main
    out = CliRunner().invoke(main, ["explain", "F101"])
    assert out.exit_code == 0, out.output
    assert "Срок подачи — [до 1 марта]⟨курсив⟩." in out.output
    assert "Срок подачи — до 1 марта." in out.output.split("Так хорошо:")[1]
    assert "{'runs'" not in out.output and "'text'" not in out.output
