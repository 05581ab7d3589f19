"""The one document model shared by all readers.

`Document.text` is the text that offsets index into (contract.md §2): the decoded file for .txt/.md,
the body paragraphs joined with "\n" for .docx. A `Block` is a paragraph, heading, list item or table
cell: a range of that text plus the ranges inside it that are not prose (Markdown markup, code, links)
and must not be checked. Rules see `Block.prose`: the block text with those ranges blanked out, so
offsets stay exact while markup stays invisible.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of a Word paragraph with one effective formatting (filled by the .docx reader)."""
    start: int
    end: int
    props: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Block:
    kind: str                      # paragraph | heading | list-item | cell | header | footer | footnote
    start: int
    end: int
    paragraph: int | None = None   # 0-based paragraph index (body paragraphs for .docx)
    locator: str | None = None     # where a non-body block sits, e.g. table[1]/row[2]/cell[3]/p[1]
    masked: tuple[tuple, ...] = ()   # absolute (start, end[, fill]) ranges that are not prose
    runs: tuple[Run, ...] = ()
    props: dict = field(default_factory=dict)  # paragraph-level formatting (.docx)
    prose: str = ""

    def is_body(self) -> bool:
        return self.locator is None


@dataclass
class Document:
    path: str
    text: str
    blocks: list[Block]
    format: str = "txt"            # txt | md | docx
    props: dict = field(default_factory=dict)  # document-level formatting (.docx)
    suppressed: list = field(default_factory=list)  # (start, end, codes) from inline directives
    native: object = None          # the reader's own object (python-docx Document), for annotate
    _line_starts: list[int] | None = None
    _block_starts: list[int] | None = None

    def __post_init__(self):
        for block in self.blocks:
            block.prose = self._prose(block)

    def _prose(self, block: Block) -> str:
        chars = list(self.text[block.start:block.end])
        for mask in block.masked:
            s, e = mask[0], mask[1]
            # markup vanishes (spaces); an address or phone stays a token-like "___" so razdel still
            # ends a sentence after it, while no rule reads it as a word
            fill = mask[2] if len(mask) > 2 else " "
            for i in range(max(s, block.start), min(e, block.end)):
                if chars[i - block.start] != "\n":
                    chars[i - block.start] = fill
        return "".join(chars)

    def block_at(self, offset: int) -> Block | None:
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0:
            block = self.blocks[i]
            if block.start <= offset < block.end or block.start == block.end == offset:
                return block
        return None

    def position(self, offset: int) -> tuple[int | None, int]:
        """1-based line and column of an offset: source lines for text files, body paragraphs for .docx.
        Tables, headers and footers of a .docx have no paragraph number: line is None, the locator says where."""
        if self.format == "docx":
            block = self.block_at(offset) or (self.blocks[-1] if self.blocks else None)
            if block is None:
                return 1, offset + 1
            line = block.paragraph + 1 if block.paragraph is not None else None
            return line, offset - block.start + 1
        if self._line_starts is None:
            starts = [0]
            for i, ch in enumerate(self.text):
                if ch == "\n":
                    starts.append(i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1
