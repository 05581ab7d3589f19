"""Dictionaries are data and get linted like code (codespell's discipline): a header naming sources,
a column header, sorted rows, no duplicates, every phrase word known to pymorphy3."""

import pytest

from plainlang.dictionary import load_table
from plainlang.nlp import morph
from plainlang.nlp.phrases import compile_phrase
from plainlang.resources import dictionaries_dir
from plainlang.registry import all_rules

FILES = sorted(p.name for p in dictionaries_dir().glob("*.tsv"))
PHRASE_FILES = [f for f in FILES if load_table(f).columns[:2] == ("phrase", "replacement")]
# terminology.tsv lists one row per variant, so its key column repeats; the variant column is unique
UNIQUE_COLUMN = {"terminology.tsv": "variant"}
MINIMUM_ROWS = {"abbreviations.tsv": 200}


@pytest.mark.parametrize("name", FILES)
def test_header_sorted_unique(name):
    table = load_table(name)
    assert table.comments, f"{name}: нет заголовка с описанием и источниками"
    assert any("сточник" in c or "source" in c.lower() for c in table.comments), f"{name}: не названы источники"
    first = [r[table.columns[0]] for r in table.rows]
    assert first == sorted(first), f"{name}: строки не отсортированы"
    key = UNIQUE_COLUMN.get(name, table.columns[0])
    values = [r[key] for r in table.rows]
    dupes = {v for v in values if values.count(v) > 1}
    assert not dupes, f"{name}: повторы {sorted(dupes)[:5]}"
    assert all(v.strip() for v in values), f"{name}: пустой ключ"


@pytest.mark.parametrize("name", FILES)
def test_clean_text(name):
    raw = (dictionaries_dir() / name).read_text(encoding="utf-8")
    import unicodedata
    assert raw == unicodedata.normalize("NFC", raw), f"{name}: текст не в форме NFC"
    for n, line in enumerate(raw.splitlines(), 1):
        assert line == line.rstrip(), f"{name}:{n}: пробелы в конце строки"


@pytest.mark.parametrize("name", PHRASE_FILES)
def test_phrases_compile_and_lemmatize(name):
    for row in load_table(name).rows:
        phrase = compile_phrase(row["phrase"])
        for el in phrase.elements:
            for form in getattr(el, "lemmas", ()):
                assert morph.is_known(form) or morph.parses(form), f"{name}: «{form}» не разбирается"
        for word in row["phrase"].replace("|", " ").split():
            w = word.lstrip("=").lower()
            if w.isalpha() and not word.startswith("="):
                assert morph.is_known(w), f"{name}, строка {row['_line']}: pymorphy3 не знает слова «{w}»"


def test_phrase_dictionaries_sizes():
    bureaucratese = sum(len(load_table(f).rows) for f in FILES if f.startswith("bureaucratese"))
    assert bureaucratese >= 300
    for name, minimum in MINIMUM_ROWS.items():
        assert len(load_table(name).rows) >= minimum


def test_every_dictionary_is_used_by_a_rule():
    used = {r.options.get(k) for r in all_rules() for k in ("dictionary", "allow", "everyday")}
    used |= {"abbreviations.tsv", "abbreviations-everyday.tsv", "fonts.tsv"}
    assert set(FILES) <= used, f"словари без правила: {sorted(set(FILES) - used)}"


def test_abbreviation_lists_do_not_overlap():
    rare = {r["abbr"] for r in load_table("abbreviations.tsv").rows}
    common = {r["abbr"] for r in load_table("abbreviations-everyday.tsv").rows}
    assert not rare & common


def test_readme_documents_every_file():
    readme = (dictionaries_dir() / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        if name not in PHRASE_FILES:
            assert name in readme, f"{name} не описан в dictionaries/README.md"
