"""JSON output exactly as shared/design/contract.md §2 describes it."""
from __future__ import annotations

import json

from .. import __version__


def render(results) -> str:
    return json.dumps({"plainlang": __version__, "files": [r.to_dict() for r in results]},
                      ensure_ascii=False, indent=2)
