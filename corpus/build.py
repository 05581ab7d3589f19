"""Build the annotated corpus (contract.md §3) from its marked-up sources.

Annotators write `corpus/source/*.txt`: entries separated by header lines

    === c001 | dev | written
    Текст письма, где {{bureaucratese|в целях}} нарушение отмечено прямо в тексте.

A span is `{{category|fragment}}`; spans nest (a `long-sentence` span around a sentence that holds
other spans). The split (`dev` or `heldout`) decides the output file: `corpus/dev.jsonl` or
`corpus/heldout.jsonl`. Marking in place keeps offsets right by construction; writing offsets by
hand is where annotation errors creep in.

Run: python corpus/build.py            (rewrites the two .jsonl files)
     python corpus/build.py --check    (exit 1 if the .jsonl files are out of date)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^=== *(?P<id>[\w-]+) *\| *(?P<split>dev|heldout) *\| *(?P<source>[\w-]+) *"
                    r"(?P<rest>(?:\| *[^|]+)*)$")
SPLITS = ("dev", "heldout")


class MarkupError(ValueError):
    pass


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Turn `{{cat|text}}` markup into plain text and spans with offsets."""
    out: list[str] = []
    pos = 0          # length of plain text produced so far
    stack: list[tuple[str, int]] = []
    spans: list[dict] = []
    i = 0
    while i < len(marked):
        if marked.startswith("{{", i):
            bar = marked.find("|", i + 2)
            if bar < 0:
                raise MarkupError(f"no '|' after '{{{{' at {i}")
            category = marked[i + 2:bar].strip()
            if not re.fullmatch(r"[a-z-]+", category):
                raise MarkupError(f"bad category {category!r} at {i}")
            stack.append((category, pos))
            i = bar + 1
        elif marked.startswith("}}", i) and stack:
            category, start = stack.pop()
            spans.append({"category": category, "start": start, "end": pos})
            i += 2
        else:
            out.append(marked[i])
            pos += 1
            i += 1
    if stack:
        raise MarkupError(f"unclosed span {stack[-1][0]!r}")
    text = "".join(out)
    for span in spans:
        span["fragment"] = text[span["start"]:span["end"]]
    spans.sort(key=lambda s: (s["start"], s["end"], s["category"]))
    return text, spans


# Word letters (`source/docx_*.txt`): one line is one paragraph; `<<attrs|text>>` formats a stretch,
# `@attrs@ ` at the start of a line formats the paragraph, header fields set the document defaults.
# The entry gets a `docx` field in the schema of plainlang/examples.py, from which evaluation builds
# the .docx; `text` is its paragraphs joined with "\n", as the .docx reader gives it.
RUN_FLAGS = {"i": "italic", "u": "underline", "b": "bold", "caps": "caps", "smallcaps": "small_caps"}
EFFECTS = {"shadow", "outline", "emboss", "imprint", "glow", "reflection"}
RUN_VALUES = {"font": "font", "size": "size", "color": "colour", "highlight": "highlight", "shade": "shading",
              "link": "link"}


def parse_attrs(raw: str) -> dict:
    spec: dict = {}
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        key, _, value = part.partition("=")
        if key in RUN_FLAGS and not value:
            spec[RUN_FLAGS[key]] = True
        elif key in EFFECTS and not value:
            spec.setdefault("effects", []).append(key)
        elif key in RUN_VALUES and value:
            spec[RUN_VALUES[key]] = int(value) if key == "size" else value
        elif key == "style" and value:
            spec["style"] = value
        else:
            raise MarkupError(f"unknown format attribute {part!r}")
    return spec


def parse_docx_line(line: str) -> tuple[str, list[dict], dict, list[dict]]:
    """One paragraph: its text, its spans, paragraph attributes and its runs."""
    para: dict = {}
    m = re.match(r"^@([^@]*)@ ?", line)
    if m:
        para = parse_attrs(m.group(1))
        line = line[m.end():]
    text: list[str] = []
    runs: list[dict] = []
    spans: list[dict] = []
    stack: list[tuple] = []
    pos, i, segment = 0, 0, []

    def current() -> dict:
        merged: dict = {}
        for item in stack:
            if item[0] == "fmt":
                for k, v in item[1].items():
                    merged[k] = merged.get(k, []) + v if k == "effects" else v
        return merged

    def flush():
        if segment:
            runs.append({"text": "".join(segment), **current()})
            segment.clear()

    while i < len(line):
        if line.startswith("{{", i) or line.startswith("<<", i):
            bar = line.find("|", i + 2)
            if bar < 0:
                raise MarkupError(f"no '|' after {line[i:i + 2]!r}")
            head = line[i + 2:bar].strip()
            if line.startswith("{{", i):
                if not re.fullmatch(r"[a-z-]+", head):
                    raise MarkupError(f"bad category {head!r}")
                stack.append(("span", head, pos))
            else:
                flush()
                stack.append(("fmt", parse_attrs(head)))
            i = bar + 1
        elif line.startswith("}}", i) and stack and stack[-1][0] == "span":
            _, cat, start = stack.pop()
            spans.append({"category": cat, "start": start, "end": pos})
            i += 2
        elif line.startswith(">>", i) and stack and stack[-1][0] == "fmt":
            flush()
            stack.pop()
            i += 2
        else:
            segment.append(line[i])
            text.append(line[i])
            pos += 1
            i += 1
    flush()
    if stack:
        raise MarkupError(f"unclosed {stack[-1][0]} in {line!r}")
    return "".join(text), spans, para, runs


def parse_docx_entry(lines: list[str], header_rest: str) -> tuple[str, list[dict], dict]:
    item: dict = {"paragraphs": []}
    for field in (f.strip() for f in header_rest.split("|")):
        if not field:
            continue
        key, _, value = field.partition("=")
        if key == "page":
            item["page"] = value
        elif key in ("font", "size"):
            item.setdefault("normal", {})[key] = int(value) if key == "size" else value
        else:
            raise MarkupError(f"unknown header field {field!r}")
    texts, spans, offset = [], [], 0
    for line in (ln for ln in lines if ln.strip()):
        text, para_spans, para, runs = parse_docx_line(line.strip())
        run_defaults = {k: v for k, v in para.items() if k not in ("shading", "style")}
        paragraph = {k: v for k, v in para.items() if k in ("shading", "style")}
        paragraph["runs"] = [{**run_defaults, **r} for r in runs]
        item["paragraphs"].append(paragraph)
        for sp in para_spans:
            spans.append({**sp, "start": sp["start"] + offset, "end": sp["end"] + offset})
        texts.append(text)
        offset += len(text) + 1
    full = "\n".join(texts)
    for sp in spans:
        sp["fragment"] = full[sp["start"]:sp["end"]]
    spans.sort(key=lambda sp: (sp["start"], sp["end"], sp["category"]))
    return full, spans, item


def read_sources(folder: Path = HERE / "source") -> dict[str, list[dict]]:
    entries: dict[str, list[dict]] = {s: [] for s in SPLITS}
    seen: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        current = None
        body: list[str] = []

        def flush():
            if current is None:
                return
            try:
                if path.name.startswith("docx_"):
                    text, spans, item = parse_docx_entry(body, current["rest"] or "")
                    extra = {"docx": item}
                else:
                    text, spans = parse_markup("\n".join(body).strip("\n"))
                    extra = {}
            except MarkupError as exc:
                raise MarkupError(f"{path.name} {current['id']}: {exc}") from None
            entries[current["split"]].append(
                {"id": current["id"], "source": current["source"], "text": text, "spans": spans, **extra})

        for line in path.read_text(encoding="utf-8").splitlines():
            m = HEADER.match(line)
            if m:
                flush()
                current = m.groupdict()
                if current["id"] in seen:
                    raise MarkupError(f"{path.name}: duplicate id {current['id']}")
                seen.add(current["id"])
                body = []
            elif current is not None:
                body.append(line)
        flush()
    return entries


def render(entries: list[dict]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)


README_START = "<!-- counts:start -->"
README_END = "<!-- counts:end -->"


def counts_table(entries: dict[str, list[dict]]) -> str:
    """The per-category counts that corpus/README.md shows (a test keeps them current)."""
    cats: dict[str, dict[str, int]] = {}
    for split in SPLITS:
        for e in entries[split]:
            for sp in e["spans"]:
                cats.setdefault(sp["category"], {s: 0 for s in SPLITS})[split] += 1
    texts = {s: len(entries[s]) for s in SPLITS}
    clean = {s: sum(1 for e in entries[s] if not e["spans"]) for s in SPLITS}
    pairs = len(list((HERE / "pairs").glob("*.before.txt")))
    lines = [README_START,
             f"Текстов: {texts['dev'] + texts['heldout']} (dev {texts['dev']}, heldout {texts['heldout']}); "
             f"без нарушений: {clean['dev'] + clean['heldout']}; пар писем «до» и «после» правки: {pairs}.",
             "", "| категория | dev | heldout | всего |", "|---|---|---|---|"]
    for cat in sorted(cats):
        c = cats[cat]
        lines.append(f"| `{cat}` | {c['dev']} | {c['heldout']} | {c['dev'] + c['heldout']} |")
    lines.append(README_END)
    return "\n".join(lines)


def update_readme(entries) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    a, b = text.index(README_START), text.index(README_END) + len(README_END)
    readme.write_text(text[:a] + counts_table(entries) + text[b:], encoding="utf-8")


def main(argv: list[str]) -> int:
    entries = read_sources()
    stale = []
    for split in SPLITS:
        target = HERE / f"{split}.jsonl"
        data = render(entries[split])
        if "--check" in argv:
            if not target.exists() or target.read_text(encoding="utf-8") != data:
                stale.append(target.name)
        else:
            target.write_text(data, encoding="utf-8")
    if "--check" not in argv and (HERE / "README.md").exists():
        update_readme(entries)
    if stale:
        print("устарели: " + ", ".join(stale) + " — запустите python corpus/build.py")
        return 1
    counts = {s: len(entries[s]) for s in SPLITS}
    print(f"dev: {counts['dev']} текстов, heldout: {counts['heldout']} текстов")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
