"""A list typed as one text, and the items it lists.

'answer: A, C', 'sections: netzwerk, hardware', 'tags: netz, ports': YAML reads one text
where the author typed the items of a list, and the hint that writes it in brackets must
write each item, not the whole text as one ('sections: ["netzwerk, hardware"]' gives an
id with a comma and a space in it). Commas part items of any kind ('first aid, cpr' is two
tags); spaces, 'and', '&' or '/' part them only where the whole is no item and each part
is one ('netzwerk hardware', 'A and C').
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from exambank.schema_patterns import read_pattern

# What joins items written as one text: 'A, C', 'A; C', 'A & C', 'A and C', 'A, C, and D'.
_JOINS = re.compile(r"\s*(?:[,;&/+]|\band\b)\s*(?:and\s+)?|\s+", re.IGNORECASE)
_COMMAS = re.compile(r"\s*[,;]\s*")


def listed_items(text: str, fits: Callable[[str], bool]) -> list[str] | None:
    """The two or more items ``text`` lists, as written: parted at every join if ``text``
    is no item itself (by ``fits``) and each part is one ('A and C', 'netzwerk hardware');
    else at its commas and semicolons ('first aid, cpr'); None for fewer than two."""
    text = text.strip()
    if not fits(text):
        parts = _JOINS.split(text)
        if len(parts) > 1 and all(fits(part) for part in parts):
            return parts
    parts = [part for part in _COMMAS.split(text) if part]
    return parts if len(parts) > 1 else None


def bracketed(text: str, items: dict[str, Any]) -> str:
    """``text``, written where a list of ``items`` (their schema) belongs, as that list's
    items in brackets, which read the same in a block and inside a ``{...}`` mapping: each
    item listed, as written, quoted where a bracket list would read it otherwise. Text
    (markdown) of a list of texts, an exam tip, is one item, whatever its commas."""
    listed = None
    if items.get("type") == "string" and "contentMediaType" not in items:
        pattern = read_pattern(items.get("pattern", ""))
        listed = listed_items(text, lambda part: bool(pattern.search(part)))
    return ", ".join(_as_item(item) for item in listed or [text])


def _as_item(text: str) -> str:
    special = re.search(r"[,:\[\]{}#&*!|>'\"%@`]", text)
    return json.dumps(text, ensure_ascii=False) if special else text
