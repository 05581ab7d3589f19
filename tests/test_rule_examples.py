"""Every example of every rule is a test (LanguageTool's discipline): a bad example yields exactly its
marked span and stated suggestion, and applying the suggestion silences the rule; a good example
yields nothing."""
import pytest

from plainlang.config import Settings
from plainlang.engine import check_text
from plainlang.examples import parse_example
from plainlang.registry import all_rules

from plainlang.kinds import kind_class

# Formatting rules take small Word documents as examples; tests/test_formatting_examples.py runs them.
TEXT_RULES = [r for r in all_rules() if "formatting" not in kind_class(r.kind).needs]
BAD = [(r, i, ex) for r in TEXT_RULES for i, ex in enumerate(r.examples["bad"])]
GOOD = [(r, i, ex) for r in TEXT_RULES for i, ex in enumerate(r.examples["good"])]


def _run(rule, text, lt_url):
    settings = Settings(select=[rule.id])
    if rule.kind == "languagetool":
        settings.languagetool = lt_url
    result = check_text(text, settings, path="example.txt")
    return [f for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule,i,raw", BAD, ids=[f"{r.id}:bad:{i}" for r, i, _ in BAD])
def test_bad_example(rule, i, raw, languagetool_url):
    ex = parse_example(raw)
    assert ex.spans, f"{rule.id}: в плохом примере нет отметки [[…]]"
    found = _run(rule, ex.text, languagetool_url)
    assert [(f.start, f.end) for f in found] == list(ex.spans), (
        f"{rule.id}: ждали {[ex.text[s:e] for s, e in ex.spans]}, нашли {[f.text for f in found]}")
    if ex.suggest is not None:
        assert list(found[0].suggestions) == list(ex.suggest)
    if found and found[0].suggestions and len(ex.spans) == 1:
        s, e = ex.spans[0]
        fixed = ex.text[:s] + found[0].suggestions[0] + ex.text[e:]
        again = _run(rule, fixed, languagetool_url)
        assert not again, f"{rule.id}: после замены на «{found[0].suggestions[0]}» правило всё ещё срабатывает: {fixed}"


@pytest.mark.parametrize("rule,i,text", GOOD, ids=[f"{r.id}:good:{i}" for r, i, _ in GOOD])
def test_good_example(rule, i, text, languagetool_url):
    found = _run(rule, text, languagetool_url)
    assert not found, f"{rule.id}: ложное срабатывание на «{found[0].text}» в «{text}»"


def test_every_message_renders_without_placeholders(languagetool_url):
    for rule, i, raw in BAD:
        ex = parse_example(raw)
        for f in _run(rule, ex.text, languagetool_url):
            assert "{" not in f.message and "}" not in f.message, f.message
