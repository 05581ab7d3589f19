"""Rule definitions: schema, unique ids and names, known kinds, options accepted by their kind."""
import pytest

from plainlang.errors import ConfigError
from plainlang.kinds import KINDS, kind_class
from plainlang.registry import all_rules, load_profile, select, specificity
from plainlang.rule import CATEGORIES


def test_rules_load_with_unique_ids():
    rules = all_rules()
    assert len(rules) >= 30
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_complete(rule):
    assert rule.kind in KINDS
    assert rule.category in CATEGORIES
    assert rule.source.startswith("Порядок"), "правило должно ссылаться на пункт Порядка"
    assert rule.examples["bad"] and rule.examples["good"]
    kind_class(rule.kind)(rule, rule.options)  # options are valid for the kind


def test_issue_categories_are_covered():
    have = {r.category for r in all_rules()}
    for cat in ("bureaucratese", "wordiness", "archaism", "jargon", "aggression", "idiom", "long-sentence",
                "negative", "special-chars", "abbreviation", "terminology", "complex-term", "structure",
                "spelling", "grammar", "caps"):
        assert cat in have


def test_unknown_option_is_a_config_error():
    rule = next(r for r in all_rules() if r.id == "S501")
    with pytest.raises(ConfigError, match="S501"):
        kind_class(rule.kind)(rule, {"max_wordz": 3})
    with pytest.raises(ConfigError, match="S501"):
        kind_class(rule.kind)(rule, {"max_words": "много"})


def test_profiles():
    default = load_profile("default")
    strict = load_profile("strict")
    rules = all_rules()
    d = {r.id for r in select(rules, default["select"], default["ignore"])}
    s = {r.id for r in select(rules, strict["select"], strict["ignore"])}
    assert "S503" not in d and "S503" in s
    assert strict["options"]["S501"]["max_words"] < default["options"]["S501"]["max_words"]


def test_selector_specificity():
    rule = next(r for r in all_rules() if r.id == "K101")
    assert specificity("K101", rule) > specificity("bureaucratese", rule) > specificity("K1", rule) > \
        specificity("K", rule) > specificity("ALL", rule) > specificity("S", rule) == 0
    assert specificity("split-predicate", rule) == 100
    rules = all_rules()
    chosen = {r.id for r in select(rules, ["K"], ["K101"])}
    assert "K101" not in chosen and "K102" in chosen
    chosen = {r.id for r in select(rules, ["K101"], ["K"])}
    assert chosen == {"K101"}


def test_advice_from_a_dictionary_note():
    from plainlang.kinds.lexicon import advice
    assert advice("безличный канцелярский глагол: скажите, кто и что делает") == "Скажите, кто и что делает"
    assert advice("скажите прямо, кто отвечает: «этим занимается …»") == "Скажите прямо, кто отвечает: «этим занимается …»"
    assert advice("«вопрос, касающийся аренды» → «вопрос об аренде»") == \
        "Например, «вопрос об аренде» вместо «вопрос, касающийся аренды»"
    assert advice("канцелярский штамп") == ""  # a label only: the rule's own message says what to do


def test_every_message_follows_the_rules_it_teaches():
    # messages and advice are Russian for the user: no arrows or other signs the rules flag
    from plainlang.kinds.lexicon import advice
    from plainlang.dictionary import load_table
    from plainlang.resources import dictionaries_dir
    for path in dictionaries_dir().glob("*.tsv"):
        table = load_table(path.name)
        if "note" not in table.columns:
            continue
        for row in table.rows:
            assert "→" not in advice(row["note"]), (path.name, row["note"])
    for rule in all_rules():
        for text in (rule.message, *rule.messages.values()):
            assert "→" not in text, rule.id
