"""``--format json``: a list of objects, one per diagnostic, keys as Diagnostic.as_dict."""

from __future__ import annotations

import json
from collections.abc import Sequence

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context


def json_list(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    return (
        json.dumps([found.as_dict() for found in diagnostics], indent=2, ensure_ascii=False) + "\n"
    )
