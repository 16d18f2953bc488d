"""``lint --fix`` on exam tips YAML read as "key: value" (``texts_as_keys``): each is
quoted whole, as typed, and the file read again, where each must read as that text."""

from __future__ import annotations

import codecs
from pathlib import Path

from exambank.rewrite import RewriteError, load
from exambank.round_trip import Loaded
from exambank.source import Position
from exambank.syntax_hints.text import quoted


def quote_texts_read_as_keys(
    path: Path, loaded: Loaded
) -> tuple[Loaded, list[tuple[Position, str]]]:
    """``loaded`` (``path`` as read) read again with each text of
    ``Source.texts_read_as_keys`` quoted, and what was fixed, where; as it was if none."""
    texts = loaded.source.texts_read_as_keys
    if not texts:
        return loaded, []
    starts = {where: loaded.source.values[where].index for where in texts}
    text = loaded.raw.decode("utf-8-sig")  # as lint read it: the marks count in it
    for where in sorted(texts, key=starts.__getitem__, reverse=True):
        start, written = starts[where], texts[where]
        text = text[:start] + quoted(written, whole=True) + text[start + len(written) :]
    bom = codecs.BOM_UTF8 if loaded.raw.startswith(codecs.BOM_UTF8) else b""
    mended = load(path, bom + text.encode("utf-8"), refuse_typed=False)
    done: list[tuple[Position, str]] = []
    for where, written in texts.items():
        place = loaded.source.where(where)
        name, index = where
        items = mended.source.data.get(name)
        if not isinstance(items, list) or not isinstance(index, int):
            items, index = [], 0
        if items[index : index + 1] != [written]:
            raise RewriteError("quoting this text would change it; please report this", *place)
        done.append((place, f"unquoted text holding ': ' -> - {quoted(written)}"))
    return mended, done
