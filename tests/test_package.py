"""The shipped package works: build the wheel, install it into a fresh virtual environment outside the
checkout, and check a letter with it. rulesets/ and dictionaries/ must come from inside the wheel."""
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_checks_a_letter(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheel = next(dist.glob("plainlang-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "plainlang/rulesets/default.yaml" in names
    assert "plainlang/rulesets/rules/bureaucratese.yaml" in names
    assert "plainlang/dictionaries/bureaucratese-split-predicates.tsv" in names
    assert not [n for n in names if n.startswith(("tests/", "corpus/"))]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True, text=True)

    work = tmp_path / "work"
    work.mkdir()
    letter = work / "letter.txt"
    letter.write_text((ROOT / "examples" / "letter.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = subprocess.run([str(venv / "bin" / "plainlang"), "check", "--format", "json", str(letter)],
                         cwd=work, capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    categories = {f["category"] for f in data["files"][0]["findings"]}
    assert {"bureaucratese", "abbreviation", "negative", "long-sentence"} <= categories

    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "from plainlang.resources import rulesets_dir; print(rulesets_dir())"],
                           cwd=work, capture_output=True, text=True, check=True).stdout.strip()
    assert str(venv) in where and str(ROOT) not in where
