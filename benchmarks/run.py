"""Whole-process benchmarks with a baseline measured in the same run, reported as ratios.

    python benchmarks/run.py            # all: throughput, cold start, 200-page .docx; writes results.json
    BENCH_REPEAT=5 python benchmarks/run.py

Each command runs REPEAT times in a fresh process, alternating with its baseline; the median of the
per-pair ratios counts (and the median wall time of each side is shown). Peak memory is the
child's maximum resident set size (getrusage). The floor (benchmarks/floor.py) imports razdel and
pymorphy3, splits sentences, tokenizes and parses every token over the same files."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
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


def _once(cmd):
    out = subprocess.run([PY, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True, env=ENV)
    t, r = out.stdout.split()
    return float(t), int(r) / 1024


def measure(cmd):
    times, rss = [], []
    _once(cmd)  # warm the disk cache and the bytecode; not counted
    for _ in range(REPEAT):
        t, r = _once(cmd)
        times.append(t)
        rss.append(r)
    return {"seconds": round(statistics.median(times), 3), "peak_rss_mb": round(max(rss), 1)}


def measure_pair(baseline, cmd):
    """Run the baseline and plainlang alternately, REPEAT times each. This machine's speed drifts by
    tens of per cent over seconds; a pair run back to back sees the same machine, so the ratio is taken
    per pair and the median of those ratios is reported, next to each side's median time."""
    _once(baseline)
    _once(cmd)
    base_t, mine_t, mine_rss, base_rss, ratios = [], [], [], [], []
    for _ in range(REPEAT):
        bt, br = _once(baseline)
        mt, mr = _once(cmd)
        base_t.append(bt)
        mine_t.append(mt)
        base_rss.append(br)
        mine_rss.append(mr)
        ratios.append(bt / mt)
    base = {"seconds": round(statistics.median(base_t), 3), "peak_rss_mb": round(max(base_rss), 1)}
    mine = {"seconds": round(statistics.median(mine_t), 3), "peak_rss_mb": round(max(mine_rss), 1)}
    return base, mine, ratios


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

        for profile in ("default", "strict"):
            floor, mine, ratios = measure_pair([PY, str(HERE / "floor.py"), str(letters)],
                                               [*PLAINLANG, "check", "--exit-zero", "--profile", profile, str(letters)])
            results[f"throughput_{profile}"] = {
                "plainlang": mine, "floor": floor,
                "words_per_second": round(results["letter_set"]["words"] / mine["seconds"]),
                "floor_words_per_second": round(results["letter_set"]["words"] / floor["seconds"]),
                "ratio_to_floor": round(statistics.median(ratios), 2),
                "ratio_range": [round(min(ratios), 2), round(max(ratios), 2)]}

        one = tmp / "one.txt"
        one.write_text("Уважаемая Анна Сергеевна! Рассмотрев Ваше обращение, сообщаем, что субсидия одобрена. "
                       "Деньги придут до 15 апреля.", encoding="utf-8")
        for profile in ("default", "strict"):
            floor1, mine1, _ = measure_pair([PY, str(HERE / "floor.py"), str(one)],
                                            [*PLAINLANG, "check", "--exit-zero", "--profile", profile, str(one)])
            load = model_load_seconds(profile)
            results[f"cold_start_{profile}"] = {
                "plainlang": mine1, "floor": floor1, "model_load_seconds": round(load, 3),
                "ratio_to_floor_plus_models": round(mine1["seconds"] / (floor1["seconds"] + load), 2)}
        results["help"] = measure([*PLAINLANG, "--help"])

        from docx_200_pages import build as build_docx
        big = tmp / "letter200.docx"
        words = build_docx(big, 200)
        floor_docx, mine_docx, ratios = measure_pair([PY, str(HERE / "floor.py"), str(big)],
                                                     [*PLAINLANG, "check", "--exit-zero", "--isolated", str(big)])
        results["docx_200_pages"] = {
            "words": words, "plainlang": mine_docx, "floor": floor_docx,
            "ratio_to_floor": round(statistics.median(ratios), 2),
            "ratio_range": [round(min(ratios), 2), round(max(ratios), 2)]}
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
