"""plainlang's tokenizer is a fast path around razdel: it must give exactly razdel's tokens."""
import random
from pathlib import Path

import pytest
from razdel import tokenize as razdel_tokenize

from plainlang.nlp.text import tokenize

ROOT = Path(__file__).resolve().parent.parent


def razdel_tokens(text):
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def corpus_texts():
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix in (".txt", ".jsonl"):
            yield from path.read_text(encoding="utf-8").splitlines()


def test_same_tokens_as_razdel_on_the_corpus():
    lines = [line for line in corpus_texts() if line.strip()]
    assert len(lines) > 300
    for line in lines:
        assert tokenize(line) == razdel_tokens(line), line


@pytest.mark.parametrize("text", [
    "что-то", "слово -то", "5, 6", "1.5 и 2,5", "3/4", "т.е. так", "т. е.", "и т.д.", "...", "?!", "Что?!",
    "--", "***", ":-)", "yahoo!", "Δσ mβж", "ΔP", "a_b", "e-mail", "№ 12-П", "«кавычки»", "(скобки)",
    "ул. Ленина, д. 5/1", "10:30–12:00", "+7 (900) 123-45-67", "http://example.ru/a-b?c=d", "",
    "   ", "слово", "А.А. Иванов", "2024-2025 гг.", "из-за", "по-моему,", "- тире", "— тире —",
    "слово− дело", "слово−", "да_ нет", "(слово)", "«слово»,", "вы.", "т.к.", "слово,5", "5,слово",
])
def test_same_tokens_as_razdel_on_edge_cases(text):
    assert tokenize(text) == razdel_tokens(text)


def test_same_tokens_as_razdel_on_random_text():
    rng = random.Random(11)
    alphabets = [
        "абвгдеёжзийАБВГЯabcXYZ0123456789 .,;:!?-–—−‑_/\\()«»\"'*№%…ΔσβΩ😀\t\n",
        "ааааббб   ,.-−–—_!?()«»",  # mostly Cyrillic words with marks: the fast path's own ground
        "слово yahoo ! 5 , 6 . - ",
    ]
    for alphabet in alphabets:
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            assert tokenize(text) == razdel_tokens(text), repr(text)
