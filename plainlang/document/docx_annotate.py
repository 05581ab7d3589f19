"""Findings as Word comments, anchored on exactly the flagged words.

python-docx anchors a comment on whole runs, so runs are first cut at every finding's start and end:
the run is copied with its properties (`w:rPr`) and its text split, which leaves the look of the
letter unchanged. Offsets are mapped to runs by walking the XML with the reader's own `layout`, so
they mean what the rules meant. Word keeps comments only in the main text: findings in headers,
footers and notes, and findings about the whole letter, go into the score comment on the first
paragraph.
"""
from __future__ import annotations

import copy
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError
from .docx import layout
from .docx_walk import W, paragraph_pieces

AUTHOR, INITIALS = "plainlang", "PL"
MAIN_AREAS = ("body", "cell", "control")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

CATEGORY_NAMES = {
    "bureaucratese": "канцелярит", "wordiness": "лишние слова", "archaism": "устаревшие слова",
    "jargon": "жаргон", "aggression": "резкий тон", "idiom": "образные выражения",
    "complex-term": "сложные термины", "abbreviation": "сокращения", "terminology": "разные слова для одного",
    "long-sentence": "длинные предложения", "negative": "отрицания", "special-chars": "специальные символы",
    "structure": "структура", "spelling": "орфография", "grammar": "грамматика", "italic": "курсив",
    "underline": "подчёркивание", "caps": "заглавные буквы", "font": "шрифт", "decoration": "эффекты текста",
    "background": "фон", "mixed-styles": "разные типы написания",
}
PLACES = {"table": "таблица", "row": "строка", "cell": "ячейка", "p": "абзац", "header": "верхний колонтитул",
          "footer": "нижний колонтитул", "footnote": "сноска", "endnote": "концевая сноска", "sdt": "поле"}


def place(locator: str) -> str:
    """table[1]/row[2]/cell[3]/p[1] → «таблица 1, строка 2, ячейка 3, абзац 1»."""
    parts = []
    for step in locator.split("/"):
        name, _, rest = step.partition("[")
        parts.append(f"{PLACES.get(name, name)} {rest.rstrip(']')}")
    return ", ".join(parts)


def comment_text(finding) -> str:
    text = finding.message
    shown = [s for s in finding.suggestions if s and s not in text]
    if shown:
        text += " Вариант: " + ", ".join(f"«{s}»" for s in shown[:3]) + "."
    return f"{text} [{finding.rule}]"


def _split_run(r, node, k: int):
    """Cut run `r` inside `node` after `k` characters (or after the node when k is its length);
    the tail goes to a copy of the run placed right after it."""
    tail = copy.deepcopy(r)
    head_children = [c for c in r if c.tag != W + "rPr"]
    tail_children = [c for c in tail if c.tag != W + "rPr"]
    i = head_children.index(node)
    text = (node.text or "") if node.tag == W + "t" else ""
    if node.tag == W + "t" and 0 < k < len(text):
        node.text, tail_children[i].text = text[:k], text[k:]
        node.set(XML_SPACE, "preserve")
        tail_children[i].set(XML_SPACE, "preserve")
        drop_head, drop_tail = head_children[i + 1:], tail_children[:i]
    else:
        drop_head, drop_tail = head_children[i + 1:], tail_children[:i + 1]
    for c in drop_head:
        r.remove(c)
    for c in drop_tail:
        tail.remove(c)
    r.addnext(tail)


def _positions(pieces, start: int):
    out, pos = [], start
    for piece in pieces:
        out.append((pos, pos + len(piece.text), piece))
        pos += len(piece.text)
    return out


def _cut(pieces, block_start: int, cuts: set[int]):
    spans = _positions(pieces, block_start)
    for b in sorted(cuts, reverse=True):   # from the end, so earlier pieces keep their nodes
        for i, (s, e, piece) in enumerate(spans):
            if s < b < e:
                _split_run(piece.r, piece.node, b - s)
                break
            if e == b and i + 1 < len(spans) and spans[i + 1][2].r is piece.r:
                _split_run(piece.r, piece.node, len(piece.text))
                break


class Annotator:
    def __init__(self, document, result):
        self.document = document
        self.result = result
        self.native = document.native
        self.sources = list(layout(self.native))
        if len(self.sources) != len(document.blocks):
            raise InputError("не удалось сопоставить текст документа с его разметкой.")
        self.index = {id(b): i for i, b in enumerate(document.blocks)}

    def _block_index(self, offset: int) -> int | None:
        block = self.document.block_at(offset)
        return None if block is None else self.index[id(block)]

    def placeable(self, f) -> tuple[int, int] | None:
        """Indexes of the first and last block of a finding that Word can carry a comment for."""
        if f.start is None or f.end is None or f.end <= f.start:
            return None
        first, last = self._block_index(f.start), self._block_index(f.end - 1)
        if first is None or last is None:
            return None
        if any(self.sources[i][0].area not in MAIN_AREAS for i in (first, last)):
            return None
        return first, last

    def run(self):
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run
        placed, listed = [], []
        for f in self.result.findings:
            (placed if self.placeable(f) else listed).append(f)
        cuts: dict[int, set[int]] = {}
        for f in placed:
            first, last = self.placeable(f)
            cuts.setdefault(first, set()).add(f.start)
            cuts.setdefault(last, set()).add(f.end)
        for i, offsets in cuts.items():
            src, pieces = self.sources[i]
            _cut(pieces, self.document.blocks[i].start, offsets)
        body = self.native._body

        def run_at(i: int, offset: int, first: bool):
            src, _ = self.sources[i]
            for s, e, piece in _positions(paragraph_pieces(src.p), self.document.blocks[i].start):
                if (first and s >= offset) or (not first and e == offset):
                    return Run(piece.r, Paragraph(src.p, body))
            return None

        for f in placed:
            first, last = self.placeable(f)
            a, b = run_at(first, f.start, True), run_at(last, f.end, False)
            if a is None or b is None:
                listed.append(f)
                continue
            self.native.add_comment([a, b], text=comment_text(f), author=AUTHOR, initials=INITIALS)
        self._score_comment(listed)

    def _score_comment(self, listed):
        r = self.result
        counts: dict[str, int] = {}
        for f in r.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        score = f"{r.score:.1f}".replace(".", ",")
        lines = [f"Оценка письма: {score} из 10. Замечаний: {len(r.findings)}."]
        if counts:
            lines.append("По видам: " + ", ".join(f"{CATEGORY_NAMES.get(c, c)} — {n}"
                                                    for c, n in sorted(counts.items(), key=lambda x: -x[1])) + ".")
        for f in sorted(listed, key=lambda f: (f.locator or "", f.start or -1)):
            where = f"{place(f.locator)}: " if f.locator else ""
            lines.append(f"— {where}{comment_text(f)}")
        paragraphs = self.native.paragraphs or [self.native.add_paragraph()]
        target = next((p for p in paragraphs if p.runs), paragraphs[0])
        runs = target.runs or [target.add_run("")]
        self.native.add_comment([runs[0], runs[-1]], text="\n".join(lines), author=AUTHOR, initials=INITIALS)


@contextmanager
def _counted_comment_ids(native):
    """python-docx 1.2 finds the next comment id by reading every existing id (an XPath per comment),
    which makes thousands of comments quadratic: 50 s for a 200-page letter. Within this block ids
    come from a counter that starts where the document's own comments end."""
    from docx.oxml.comments import CT_Comments
    original = getattr(CT_Comments, "_next_available_comment_id", None)
    if original is None:
        yield
        return
    start = original(native.comments._comments_elm)
    counter = iter(range(start, 2**31 - 1))
    CT_Comments._next_available_comment_id = lambda self: next(counter)
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = original


def annotate_document(document, result) -> None:
    """Add the comments to `document.native` (the python-docx Document) in memory."""
    with _counted_comment_ids(document.native):
        Annotator(document, result).run()


def save_atomically(native, output: Path) -> None:
    """Write to a temporary file beside the output, then rename: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(prefix="." + output.name + ".", suffix=".tmp", dir=str(output.parent))
    os.close(fd)
    try:
        native.save(tmp)
        # mkstemp makes the file private (0600); give it the mode any new file of the user gets
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
