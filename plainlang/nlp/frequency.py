"""How common a Russian word form is: the Zipf scale of wordfreq's "small" list (log10 of uses per
billion words; 0 for a form the list lacks).

Importing wordfreq pulls in ftfy, langcodes and regex for text clean-up plainlang does not need, and
costs 0.14 s in every process. So plainlang reads the list wordfreq ships, in the cBpack format its
documentation describes (gzipped msgpack: a header, then one list of words per centibel of frequency),
and falls back to wordfreq's own API whenever the file or its header is not as expected.
"""
from __future__ import annotations

import math
from functools import cache


@cache
def zipf_table() -> dict[str, float]:
    try:
        return _read_shipped_list()
    except Exception:  # noqa: BLE001 - any surprise: let wordfreq read its own data
        from wordfreq import get_frequency_dict
        return {w: round(math.log10(f) + 9, 2) for w, f in get_frequency_dict("ru", wordlist="small").items()}


def _read_shipped_list() -> dict[str, float]:
    import gzip
    import importlib.util
    from pathlib import Path

    import msgpack
    spec = importlib.util.find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with gzip.open(folder / "data" / "small_ru.msgpack.gz", "rb") as fh:
        pack = msgpack.load(fh, raw=False)
    header = pack[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError("unexpected wordfreq data format")
    table: dict[str, float] = {}
    for index, bucket in enumerate(pack[1:]):
        zipf = round(9 - index / 100, 2)  # bucket i holds words of frequency 10 ** (-i / 100)
        for word in bucket:
            table.setdefault(word, zipf)
    return table


def zipf(word: str) -> float:
    return zipf_table().get(word, 0.0)
