"""Text items of a list that YAML read as "key: value": ``- Réponse : toujours lire`` is the
mapping {Réponse: toujours lire} to YAML, where the author typed one text holding a colon,
as French writes it (a space before it). Found while the file's text is at hand
(``load``), the text as typed serves the schema error's hint, and ``lint --fix``, which
quotes it (``quote_texts``).
"""

from __future__ import annotations

import re
from typing import Any

from exambank.source import JsonPath, Mark, Source

TEXT_LISTS = ("exam_tips",)  # the lists whose items are texts, as the model has them
_BETWEEN = re.compile(r"[ \t]*:[ \t]+")  # what stands between such a key and its value
_CUT = re.compile(r"[ \t]#")  # a comment one space on: the text may go on after it


def texts_read_as_keys(source: Source, text: str) -> dict[JsonPath, str]:
    """Each item of ``TEXT_LISTS`` in ``source`` (read from ``text``) that YAML read as a
    one-entry mapping because of an unquoted ': ', by path: the text as typed, where
    quoting it reads as exactly that text. Not an item whose value goes on over lines or
    is quoted, nor one a comment follows one space on ('- Note : B #1')."""
    found: dict[JsonPath, str] = {}
    data = source.data
    for name in TEXT_LISTS if isinstance(data, dict) else ():
        items = data.get(name)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and len(item) == 1:
                written = _as_typed(source, text, (name, index), item)
                if written is not None:
                    found[(name, index)] = written
    return found


def _as_typed(source: Source, text: str, path: JsonPath, item: dict[Any, Any]) -> str | None:
    """The text of the one-entry mapping ``item`` at ``path`` as typed on its line: a
    plain key at the mapping's start, blanks and a ':', then a plain value on that line."""
    [(key, value)] = item.items()
    if not isinstance(key, str) or value is None or isinstance(value, (dict, list)):
        return None
    mapping: Mark | None = source.values.get(path)
    key_mark: Mark | None = source.keys.get((*path, key))
    value_mark: Mark | None = source.values.get((*path, key))
    if mapping is None or key_mark is None or value_mark is None:
        return None
    typed = source.typed_scalars.get((*path, key))
    value_text = typed[1] if typed else str(value)
    start, value_start = key_mark.index, value_mark.index
    end = value_start + len(value_text)
    if (
        mapping.index != start  # '{Réponse: B}'
        or text[start : start + len(key)] != key  # a quoted key
        or not _BETWEEN.fullmatch(text, start + len(key), value_start)
        or text[value_start:end] != value_text  # quoted, or over lines
        or _CUT.match(text, end)
    ):
        return None
    return text[start:end]
