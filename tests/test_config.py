"""User settings: own glossary, own abbreviations, allow-lists, per-file ignores, profiles."""

from plainlang.config import Settings, load_settings
from plainlang.engine import check_text


def rules_found(text, settings):
    return [(f.rule, f.text, f.suggestions) for f in check_text(text, settings).findings]


def test_glossary_preferred_term(tmp_path):
    g = tmp_path / "glossary.tsv"
    g.write_text("# Наш словарь. Источник: отдел писем.\npreferred\tvariants\tnote\n"
                 "личный кабинет\tкабинет заявителя; профиль\tтак называем на сайте\n", encoding="utf-8")
    s = Settings(select=["T803"], glossary=str(g))
    found = rules_found("Войдите в кабинет заявителя. Потом откройте профиль.", s)
    assert [x[1] for x in found] == ["кабинет заявителя", "профиль"]
    assert found[0][2] == ("личный кабинет",)


def test_own_abbreviations_and_allow_list(tmp_path):
    a = tmp_path / "abbr.tsv"
    a.write_text("# Наши сокращения. Источник: отдел писем.\nabbr\texpansion\tnote\n"
                 "ЦПП\tцентр поддержки предпринимателей\t\n", encoding="utf-8")
    s = Settings(select=["T801"], abbreviations=str(a))
    found = rules_found("Приходите в ЦПП во вторник.", s)
    assert found == [("T801", "ЦПП", ("центр поддержки предпринимателей (ЦПП)",))]
    s = Settings(select=["T801"], allow_abbreviations=["ЦПП"])
    assert rules_found("Приходите в ЦПП во вторник.", s) == []


def test_allow_words():
    text = "Нам нужен подрятчик."  # a typo to the checker, a word of the user's own trade to the user
    assert rules_found(text, Settings(select=["O101"]))
    assert not rules_found(text, Settings(select=["O101"], allow_words=["подрятчик"]))


def test_per_file_ignores():
    s = Settings(select=["K102"], per_file_ignores={"templates/*.txt": ["K102"]})
    from plainlang.document.plain import read_plain
    from plainlang.engine import check_document
    doc = read_plain("templates/a.txt", "В целях проверки пишем.")
    assert check_document(doc, s).findings == []
    doc = read_plain("letters/a.txt", "В целях проверки пишем.")
    assert [f.rule for f in check_document(doc, s).findings] == ["K102"]


def test_pyproject_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainlang]\nignore = ["jargon"]\nfail-on = "error"\n'
                                           '[tool.plainlang.options.S501]\nmax_words = 12\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    s = load_settings(start=sub)
    assert s.ignore == ["jargon"] and s.fail_on == "error" and s.options["S501"]["max_words"] == 12


def test_strict_profile_is_stricter():
    text = ("Заявки на участие в конкурсе для малых предприятий района мы принимаем тридцать календарных дней "
            "со дня, когда извещение о конкурсе появилось на нашем сайте.")
    assert not [r for r in rules_found(text, Settings()) if r[0] == "S501"]
    assert [r for r in rules_found(text, Settings(profile="strict")) if r[0] == "S501"]
