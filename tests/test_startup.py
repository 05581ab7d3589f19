"""`--help`, `rules` and `explain` must not pay for a model: no pymorphy3, razdel, natasha or docx import."""
import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("pymorphy3", "razdel", "natasha", "slovnet", "navec", "docx", "wordfreq", "msgpack", "language_tool_python",
         "markdown_it", "numpy")


def _modules_after(args):
    code = (
        "import sys, json\n"
        "from click.testing import CliRunner\n"
        "from plainlang.cli import main\n"
        f"r = CliRunner().invoke(main, {args!r})\n"
        "assert r.exit_code == 0, r.output\n"
        "print(json.dumps(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_imports_no_model():
    loaded = _modules_after(["--help"])
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]


def test_rules_and_explain_import_no_model():
    for args in (["rules"], ["explain", "K101"], ["explain", "--score"], ["check", "--help"]):
        loaded = _modules_after(args)
        heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
        assert not heavy, f"{args}: {heavy[:5]}"


def test_char_rules_alone_load_no_morphology(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Заявка #12 принята & передана.", encoding="utf-8")
    code = (
        "import sys, json\n"
        "from plainlang.config import Settings\n"
        "from plainlang.engine import check_path\n"
        f"r = check_path({str(f)!r}, Settings(select=['P701', 'P702']))\n"
        "print(json.dumps([sorted(sys.modules), [x.rule for x in r.findings]]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules, rules = json.loads(out.stdout)
    assert rules == ["P701", "P702"]
    assert not [m for m in modules if m.split(".")[0] in ("pymorphy3", "natasha", "slovnet", "wordfreq")]


def test_phrase_cache_gives_the_same_findings(tmp_path):
    """A warm cache must change the speed only: same findings with and without it."""
    import os
    letter = Path(__file__).resolve().parents[1] / "examples" / "letter.txt"
    runs = []
    for env in ({"PLAINLANG_NO_CACHE": "1"}, {}, {}):
        e = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), **env}
        if not env:
            e.pop("PLAINLANG_NO_CACHE", None)
        out = subprocess.run([sys.executable, "-m", "plainlang", "check", "--format", "json", "--exit-zero",
                              str(letter)], capture_output=True, text=True, env=e, check=True)
        runs.append([(f["rule"], f["start"], f["suggestions"]) for f in json.loads(out.stdout)["files"][0]["findings"]])
    assert runs[0] == runs[1] == runs[2]
    assert list((tmp_path / "plainlang").glob("phrases-*.pickle"))


def test_frequency_list_matches_wordfreq():
    """plainlang reads wordfreq's shipped list itself (to skip a slow import): it must agree with wordfreq."""
    from wordfreq import zipf_frequency

    from plainlang.nlp.frequency import zipf
    for word in ("проверка", "рассмотрели", "заявление", "и", "ёлка", "самозанятый", "расмотрели"):
        assert zipf(word) == zipf_frequency(word, "ru", wordlist="small"), word
