"""Build the benchmark letter set: about 50,000 words of real letter prose with thousands of distinct
words. Sources: the corpus texts (both splits), the before/after pairs and the regulation itself,
cut into letter-sized files and repeated only as far as needed to reach the size."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_15698d9fdfabe943.txt"


def texts():
    for name in ("dev.jsonl", "heldout.jsonl"):
        for line in (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines():
            yield json.loads(line)["text"]
    for f in sorted((ROOT / "corpus" / "pairs").glob("*.txt")):
        yield f.read_text(encoding="utf-8")
    if SEED.exists():
        paras = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for i in range(0, len(paras), 6):
            yield "\n\n".join(paras[i:i + 6])


LETTER_WORDS = 250  # a reply to a citizen is one to two pages: about 150–400 words


def build(folder: Path, target_words: int = 50_000) -> dict:
    """Letters of realistic length: corpus texts (1–8 sentences each) are joined as paragraphs
    until a letter has about LETTER_WORDS words."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = list(texts())
    words, n, vocab = 0, 0, set()
    letter, letter_words = [], 0
    while words < target_words:
        for t in pool:
            if words >= target_words:
                break
            found = re.findall(r"[А-Яа-яЁё]+", t)
            words += len(found)
            vocab.update(w.lower() for w in found)
            letter.append(t)
            letter_words += len(found)
            if letter_words >= LETTER_WORDS:
                (folder / f"letter{n:04d}.txt").write_text("\n\n".join(letter), encoding="utf-8")
                n += 1
                letter, letter_words = [], 0
    if letter:
        (folder / f"letter{n:04d}.txt").write_text("\n\n".join(letter), encoding="utf-8")
        n += 1
    return {"files": n, "words": words, "distinct_words": len(vocab)}


if __name__ == "__main__":
    import sys
    print(build(Path(sys.argv[1])))
