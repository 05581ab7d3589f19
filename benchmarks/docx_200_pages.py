"""How long `plainlang check` takes on a 200-page Word letter, as a user would run it.

    .venv/bin/python benchmarks/docx_200_pages.py [--pages 200] [--runs 1] [--annotate] [-- options]

Builds the document with python-docx in a temporary folder from the letters in corpus/*.jsonl (real
vocabulary, so morphology caches do not make it look faster than it is): explicit page breaks, about
400 words a page, a heading a page, a table every 10 pages, some italic, underlined and serif runs. Times
the whole process `python -m plainlang check --format json --exit-zero FILE` and prints wall seconds
and the peak resident memory of the child (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Министерство рассмотрело Ваше обращение о предоставлении субсидии на оплату жилого помещения.",
    "В целях проверки сведений просим осуществить предоставление справки о доходах за последние шесть месяцев.",
    "Справку можно получить в МФЦ или на портале госуслуг, указав ИНН и СНИЛС.",
    "Срок рассмотрения заявления составляет десять рабочих дней с даты регистрации.",
    "Следует отметить, что в настоящее время приём документов осуществляется по предварительной записи.",
    "Если у Вас остались вопросы, позвоните по телефону горячей линии.",
    "Решение о назначении выплаты будет направлено Вам по почте и в личный кабинет.",
    "Данный порядок установлен постановлением правительства области и действует с первого марта.",
    "Мы проверили документы и не нашли ошибок.",
    "Выплата поступит на Ваш счёт до двадцатого числа следующего месяца.",
]


def paragraphs() -> list[str]:
    out = []
    for path in sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [p.strip() for p in json.loads(line)["text"].split("\n") if len(p.split()) > 5]
    return out or SENTENCES


def build(path: Path, pages: int, seed: int = 3, words_per_page: int = 400) -> int:
    import docx
    from docx.enum.text import WD_BREAK
    rnd = random.Random(seed)
    pool = paragraphs()
    d = docx.Document()
    words = 0
    k = 0
    for page in range(pages):
        d.add_heading(f"Раздел {page + 1}", 2)
        on_page = 0
        while on_page < words_per_page:
            p = d.add_paragraph()
            text = pool[k % len(pool)]
            k += 1
            on_page += len(text.split())
            sentences = text.split(". ")
            for i, sentence in enumerate(sentences):
                run = p.add_run(sentence + (". " if i < len(sentences) - 1 else " "))
                words += len(sentence.split())
                roll = rnd.random()
                if roll < 0.03:
                    run.italic = True
                elif roll < 0.05:
                    run.underline = True
                elif roll < 0.07:
                    run.font.name = "Times New Roman"
        if page % 10 == 9:
            table = d.add_table(rows=3, cols=3)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "Справка о доходах"
        d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    d.save(str(path))
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--annotate", action="store_true", help="also time `plainlang annotate` once")
    parser.add_argument("extra", nargs="*", help="further options for plainlang check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.docx"
        t0 = time.perf_counter()
        words = build(path, args.pages)
        built = time.perf_counter() - t0
        print(f"document: {args.pages} pages, {words} words, {path.stat().st_size / 1024:.0f} KiB "
              f"(built in {built:.1f} s)")
        cmd = [sys.executable, "-m", "plainlang", "check", "--isolated", "--format", "json", "--exit-zero",
               *args.extra, str(path)]
        for i in range(args.runs):
            t0 = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True)
            seconds = time.perf_counter() - t0
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                sys.exit(done.returncode)
            findings = len(json.loads(done.stdout)["files"][0]["findings"])
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"run {i + 1}: {seconds:.1f} s, peak RSS {peak:.0f} MiB, {findings} findings")
        if args.annotate:
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "plainlang", "annotate", "--isolated", *args.extra,
                                   str(path)], capture_output=True, text=True)
            seconds = time.perf_counter() - t0
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                sys.exit(done.returncode)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"annotate: {seconds:.1f} s, peak RSS so far {peak:.0f} MiB — {done.stdout.strip()}")


if __name__ == "__main__":
    main()
