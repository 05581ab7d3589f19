"""The command line: exit codes, output format, JSON contract, bad inputs without tracebacks."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainlang.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CONTRACT = ROOT.parent / "shared" / "tools" / "contract_check.py"
BAD = "Рассмотрев Ваше обращение, сообщаем следующее. В целях проверки осуществлена проверка документов.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def bad_letter(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text(BAD, encoding="utf-8")
    return p


def test_clean_letter_exit_zero():
    r = run("check", str(FIXTURES / "clean_letter.txt"))
    assert r.exit_code == 0, r.output
    assert "оценка 10,0 из 10" in r.output


def test_findings_exit_one_and_line_format(bad_letter):
    r = run("check", "--no-color", str(bad_letter))
    assert r.exit_code == 1
    first = r.output.splitlines()[0]
    assert first.startswith(f"{bad_letter}:1:1: K104 [bureaucratese] ")
    assert "→" in r.output


def test_exit_zero_and_fail_on(bad_letter):
    assert run("check", "--exit-zero", str(bad_letter)).exit_code == 0
    assert run("check", "--fail-on", "error", str(bad_letter)).exit_code == 0
    assert run("check", "--select", "K104", "--fail-on", "warning", str(bad_letter)).exit_code == 1


def test_select_ignore_and_options(bad_letter):
    r = run("check", "--format", "json", "--select", "bureaucratese", "--ignore", "K104", str(bad_letter))
    rules = {f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert rules and all(x.startswith("K") for x in rules) and "K104" not in rules
    r = run("check", "--format", "json", "--select", "S501", "--option", "S501.max_words=4", str(bad_letter))
    assert [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]] == ["S501", "S501"]


@pytest.mark.parametrize("args,needle", [
    (["--select", "Z999"], "нет правила"),
    (["--option", "S501.max_wordz=3"], "неизвестные параметры"),
    (["--option", "S501"], "ПРАВИЛО.параметр"),
    (["--profile", "nope"], "профиль не найден"),
])
def test_usage_errors_exit_two(bad_letter, args, needle):
    r = run("check", *args, str(bad_letter))
    assert r.exit_code == 2
    assert needle in r.output
    assert "Traceback" not in r.output


def test_json_contract(bad_letter, tmp_path):
    r = run("check", "--format", "json", "--exit-zero", str(bad_letter), str(FIXTURES / "clean_letter.txt"))
    data = json.loads(r.stdout)
    assert data["plainlang"] and len(data["files"]) == 2
    f = data["files"][0]
    assert 0 <= f["score"] <= 10 and f["stats"]["words"] > 0
    text = bad_letter.read_text(encoding="utf-8")
    for x in f["findings"]:
        assert text[x["start"]:x["end"]] == x["text"]
        assert x["paragraph"] == 0 and x["line"] == 1
    if CONTRACT.exists():
        out = subprocess.run([sys.executable, str(CONTRACT)], input=r.stdout, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout


def test_bad_inputs_do_not_stop_other_files(tmp_path, bad_letter):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    win = tmp_path / "w.txt"
    win.write_bytes(BAD.encode("cp1251"))
    folder = tmp_path / "empty_dir"
    folder.mkdir()
    r = run("check", "--format", "json", str(tmp_path / "missing.txt"), str(binary), str(empty), str(folder),
            str(win), str(bad_letter))
    assert r.exit_code == 2
    files = json.loads(r.stdout)["files"]
    errors = {Path(f["path"]).name: f.get("error") for f in files}
    assert "не найден" in errors["missing.txt"]
    assert "не текстовый" in errors["b.txt"]
    assert "пуст" in errors["e.txt"]
    assert "нет файлов" in errors["empty_dir"]
    assert errors["w.txt"] is None and errors["bad.txt"] is None
    assert "Traceback" not in r.output


def test_text_errors_go_to_stderr(tmp_path):
    out = subprocess.run([sys.executable, "-m", "plainlang", "check", str(tmp_path / "nope.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "файл не найден" in out.stderr and "Traceback" not in out.stderr


def test_folder_recursion(tmp_path, bad_letter):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.md").write_text("# Ответ\n\nВ целях проверки пишем.\n", encoding="utf-8")
    (sub / "skip.json").write_text("{}", encoding="utf-8")
    r = run("check", "--format", "json", "--exit-zero", str(tmp_path))
    names = sorted(Path(f["path"]).name for f in json.loads(r.stdout)["files"])
    assert names == ["bad.txt", "x.md"]


def test_stdin():
    r = run("check", "--format", "json", "--exit-zero", "-", input=BAD)
    f = json.loads(r.stdout)["files"][0]
    assert f["path"] == "-" and f["findings"]


def test_big_text_gives_a_result(tmp_path):
    para = ("Сообщаем, что в целях реализации программы министерство осуществляет проверку заявок. "
            "Ответ придёт в течение десяти рабочих дней.\n\n")
    p = tmp_path / "big.txt"
    p.write_text(para * (5_000_000 // len(para.encode("utf-8")) + 1), encoding="utf-8")
    assert p.stat().st_size >= 5_000_000
    r = run("check", "--format", "json", "--exit-zero", "--select", "K102,S501,P701", str(p))
    assert r.exit_code == 0
    assert json.loads(r.stdout)["files"][0]["stats"]["words"] > 300_000


def test_rules_and_explain():
    r = run("rules")
    assert r.exit_code == 0 and "K101" in r.output and "split-predicate" in r.output
    r = run("explain", "K101")
    assert r.exit_code == 0 and "Порядок" in r.output and "осуществили проверку" in r.output
    r = run("explain", "--score")
    assert "e^(" in r.output
    assert run("explain", "Z000").exit_code == 2


def test_config_file(tmp_path, bad_letter, monkeypatch):
    (tmp_path / ".plainlang.yaml").write_text("ignore: [bureaucratese]\nfail-on: error\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", "--format", "json", str(bad_letter))
    assert r.exit_code == 0
    assert not [f for f in json.loads(r.stdout)["files"][0]["findings"] if f["category"] == "bureaucratese"]
    r = run("check", "--isolated", "--format", "json", str(bad_letter))
    assert r.exit_code == 1
    (tmp_path / ".plainlang.yaml").write_text("ignor: [x]\n", encoding="utf-8")
    r = run("check", str(bad_letter))
    assert r.exit_code == 2 and "неизвестные ключи" in r.output


def test_input_file_is_never_changed(bad_letter):
    before = bad_letter.read_bytes(), os.stat(bad_letter).st_mtime_ns
    run("check", str(bad_letter))
    assert (bad_letter.read_bytes(), os.stat(bad_letter).st_mtime_ns) == before


def test_pathological_texts_finish(tmp_path):
    """One «word» of 300,000 letters, random letters, a line of punctuation: a result, quickly, no crash."""
    import random
    rnd = random.Random(7)
    (tmp_path / "long.txt").write_text("а" * 300_000, encoding="utf-8")
    (tmp_path / "random.txt").write_text("".join(chr(rnd.randint(0x430, 0x44f)) if rnd.random() < 0.85 else " "
                                                 for _ in range(30_000)), encoding="utf-8")
    (tmp_path / "punct.txt").write_text("!!! ??? ... --- ;;; ,,,\n", encoding="utf-8")
    r = run("check", "--format", "json", "--exit-zero", str(tmp_path))
    assert r.exit_code == 0
    files = json.loads(r.stdout)["files"]
    assert len(files) == 3 and all("error" not in f for f in files)


def test_empty_word_file(tmp_path):
    import docx
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    r = run("check", str(path))
    assert r.exit_code == 2 and "нет текста" in r.output


def test_parallel_check_gives_the_same_results(tmp_path):
    from plainlang.config import Settings
    from plainlang.engine import check_paths
    letters = []
    for i in range(10):
        p = tmp_path / f"l{i}.txt"
        p.write_text(BAD if i % 2 else "Мы одобрили заявку. Деньги придут в апреле.\n", encoding="utf-8")
        letters.append(str(p))
    serial = [(r.path, [f.rule for f in r.findings]) for r in check_paths(letters, Settings(), 1)]
    parallel = [(r.path, [f.rule for f in r.findings]) for r in check_paths(letters, Settings(), 2)]
    assert serial == parallel and any(rules for _, rules in serial)


def test_batch_check_gives_the_garbage_collector_back(tmp_path):
    # check_paths tunes the cycle collector for speed; a program that goes on running gets it back
    import gc

    from plainlang.config import Settings
    from plainlang.engine import check_paths
    p = tmp_path / "a.txt"
    p.write_text("Мы одобрили заявку.\n", encoding="utf-8")
    before = gc.get_threshold()
    assert [r.path for r in check_paths([str(p)], Settings(), 1)]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
