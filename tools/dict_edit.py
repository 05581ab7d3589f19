"""Add or remove rows of a dictionary and keep it sorted: python tools/dict_edit.py FILE add|remove ROW...
A ROW is tab-separated cells (write \\t for a tab). Keeps the header comments and the column line."""
import sys
from pathlib import Path


def main(argv):
    path, action, rows = Path(argv[0]), argv[1], [r.replace("\\t", "\t") for r in argv[2:]]
    lines = path.read_text(encoding="utf-8").splitlines()
    head = []
    while lines and lines[0].startswith("#"):
        head.append(lines.pop(0))
    columns = lines.pop(0)
    # terminology.tsv repeats its group key on every variant row: there the key is group + variant
    width = 2 if columns.startswith("group\t") else 1

    def key_of(line):
        return tuple(line.split("\t")[:width])

    body = {key_of(line): line for line in lines if line.strip()}
    for row in rows:
        key = key_of(row)
        if action == "add":
            body[key] = row
        elif action == "remove":
            if body.pop(key, None) is None:
                print(f"нет строки: {key}", file=sys.stderr)
        else:
            raise SystemExit("add или remove")
    out = head + [columns] + [body[k] for k in sorted(body)]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
