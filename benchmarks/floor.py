"""The speed floor plainlang is measured against: the least any Russian checker on this stack must do.
Import razdel and pymorphy3, split sentences, tokenize, parse every token (memoized per form).
For a .docx, python-docx reads the body paragraphs first.
Usage: python benchmarks/floor.py FILE_OR_FOLDER..."""
import sys
from functools import lru_cache
from pathlib import Path

import pymorphy3
from razdel import sentenize, tokenize


def main(paths):
    morph = pymorphy3.MorphAnalyzer()
    parse = lru_cache(200_000)(morph.parse)
    files = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    words = 0
    for f in files:
        if f.suffix == ".docx":
            # a Word file: python-docx reads the body paragraphs, as any checker of Word files must
            import docx
            text = "\n".join(par.text for par in docx.Document(str(f)).paragraphs)
        else:
            text = f.read_text(encoding="utf-8")
        for sent in sentenize(text):
            for tok in tokenize(sent.text):
                parse(tok.text.lower())
                words += 1
    print(f"floor: {len(files)} files, {words} tokens")


if __name__ == "__main__":
    main(sys.argv[1:])
