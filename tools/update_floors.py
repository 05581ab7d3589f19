"""Set the quality floors of tests/test_corpus.py to the measured level minus a margin.
Run after a change that raised quality: python tools/update_floors.py; review the diff; commit."""
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARGIN, MICRO_MARGIN = 0.05, 0.03


def measure(path):
    out = subprocess.run([sys.executable, "-m", "plainlang", "eval", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def floor(x, margin):
    return max(0.0, math.floor(((x or 0) - margin) * 100) / 100)


def main():
    full, held = measure(ROOT / "corpus"), measure(ROOT / "corpus" / "heldout.jsonl")
    lines = ["# Floors for tests/test_corpus.py: the measured precision and recall minus a margin",
             f"# ({MARGIN} per category, {MICRO_MARGIN} for the averages). Made by tools/update_floors.py.",
             "categories:"]
    for cat, v in sorted(full["categories"].items()):
        lines.append(f"  {cat}: {{precision: {floor(v['precision'], MARGIN)}, recall: {floor(v['recall'], MARGIN)}}}")
    m, h = full["micro"], held["micro"]
    lines.append(f"micro: {{precision: {floor(m['precision'], MICRO_MARGIN)}, recall: {floor(m['recall'], MICRO_MARGIN)}}}")
    lines.append(f"heldout_micro: {{precision: {floor(h['precision'], MICRO_MARGIN)}, "
                 f"recall: {floor(h['recall'], MICRO_MARGIN)}}}")
    lines.append(f"pairs_improved: {floor(full['pairs']['improved_share'], MICRO_MARGIN)}")
    (ROOT / "tests" / "quality_floors.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
