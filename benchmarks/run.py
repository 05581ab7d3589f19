"""Whole-process benchmarks with a baseline measured in the same run, reported as ratios.

    python benchmarks/run.py            # all: throughput, cold start, 200-page .docx; writes results.json
    BENCH_REPEAT=5 python benchmarks/run.py

Each command runs REPEAT times in a fresh process; the median wall time counts. Peak memory is the
child's maximum resident set size (getrusage). The floor (benchmarks/floor.py) imports razdel and
pymorphy3, splits sentences, tokenizes and parses every token over the same files."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
PLAINLANG = [PY, "-m", "plainlang"]
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))

MEASURE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
dt = time.perf_counter() - t
if p.returncode not in (0, 1):
    sys.stderr.write(p.stderr.decode()); sys.exit(3)
print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


# An installed plainlang has its bytecode compiled at install time; an editable checkout does not,
# and where PYTHONDONTWRITEBYTECODE is set every run would compile every module again. Measure what
# users run: allow bytecode, and warm it with one run that is not counted.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd):
    times, rss = [], []
    subprocess.run([PY, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True, env=ENV)
    for _ in range(REPEAT):
        out = subprocess.run([PY, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True, env=ENV)
        t, r = out.stdout.split()
        times.append(float(t))
        rss.append(int(r) / 1024)
    return {"seconds": round(statistics.median(times), 3), "peak_rss_mb": round(max(rss), 1)}


def model_load_seconds(profile):
    """Load time of the models a profile really needs, measured in-process: pymorphy3's dictionaries
    and wordfreq's word list always; natasha's embeddings and syntax model for strict (rule S503)."""
    code = (
        "import time\n"
        "t = time.perf_counter()\n"
        "from plainlang.nlp.morph import analyzer\n"
        "from plainlang.kinds.spelling import frequency\n"
        "analyzer(); frequency('проверка')\n"
        + ("from plainlang.nlp.syntax import _models\n_models()\n" if profile == "strict" else "")
        + "print(time.perf_counter() - t)\n")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, env=ENV)
    return float(out.stdout.strip())


def main():
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sys.path.insert(0, str(HERE))
        from make_letters import build
        letters = tmp / "letters"
        results["letter_set"] = build(letters)

        floor = measure([PY, str(HERE / "floor.py"), str(letters)])
        for profile in ("default", "strict"):
            mine = measure([*PLAINLANG, "check", "--exit-zero", "--profile", profile, str(letters)])
            results[f"throughput_{profile}"] = {
                "plainlang": mine, "floor": floor,
                "words_per_second": round(results["letter_set"]["words"] / mine["seconds"]),
                "floor_words_per_second": round(results["letter_set"]["words"] / floor["seconds"]),
                "ratio_to_floor": round(floor["seconds"] / mine["seconds"], 2)}

        one = tmp / "one.txt"
        one.write_text("Уважаемая Анна Сергеевна! Рассмотрев Ваше обращение, сообщаем, что субсидия одобрена. "
                       "Деньги придут до 15 апреля.", encoding="utf-8")
        floor1 = measure([PY, str(HERE / "floor.py"), str(one)])
        for profile in ("default", "strict"):
            mine1 = measure([*PLAINLANG, "check", "--exit-zero", "--profile", profile, str(one)])
            load = model_load_seconds(profile)
            results[f"cold_start_{profile}"] = {
                "plainlang": mine1, "floor": floor1, "model_load_seconds": round(load, 3),
                "ratio_to_floor_plus_models": round(mine1["seconds"] / (floor1["seconds"] + load), 2)}
        results["help"] = measure([*PLAINLANG, "--help"])

        from docx_200_pages import build as build_docx
        big = tmp / "letter200.docx"
        words = build_docx(big, 200)
        floor_docx = measure([PY, str(HERE / "floor.py"), str(big)])
        mine_docx = measure([*PLAINLANG, "check", "--exit-zero", "--isolated", str(big)])
        results["docx_200_pages"] = {
            "words": words, "plainlang": mine_docx, "floor": floor_docx,
            "ratio_to_floor": round(floor_docx["seconds"] / mine_docx["seconds"], 2)}
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
