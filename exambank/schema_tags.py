"""Tags in an author's words: one the CSV cannot carry (a ';', a line break), one with
spaces around it, and one listed twice, which the exports would keep as written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exambank.schema_words import Found, describe
from exambank.source import JsonPath, Source

_TAG_HINT = (
    "write each tag as a list item of one line, e.g. tags: [amt, tuning]: the CSV export "
    "joins a question's tags with ';'"
)


def tag_problem(name: str, tag: str) -> tuple[str, str]:
    """What is wrong with a tag ``TAG_PATTERN`` refuses, and how to write it."""
    if ";" in tag:
        return f"{name} holds a ';'", _TAG_HINT
    if not tag or any(map(tag.__contains__, "\r\n\u2028\u2029")):
        return f"{name} is empty or holds a line break", _TAG_HINT
    kept = tag.strip()
    if not kept:
        return f"{name} is blank", _TAG_HINT
    sides = [side for side, at in (("before", 0), ("after", -1)) if tag[at].isspace()]
    blank = "a space" if tag.strip(" ") == kept else "white space"
    return (
        f"{name} '{tag}' has {blank} {' and '.join(sides)} it",
        f"write it as '{kept}': the exports keep a tag as written, so an importer reads "
        f"'{tag}' and '{kept}' as two tags",
    )


def repeated_tags(source: Source, path: JsonPath, tags: list[Any]) -> Iterator[Found]:
    """Each tag listed again after its first place, at its own place."""
    first: dict[str, int] = {}
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            continue  # the schema tells it is no tag
        if tag not in first:
            first[tag] = index
            continue
        at = (*path, index)
        yield (
            source.where(at),
            f"{describe(source, at)} '{tag}' repeats tags {first[tag] + 1}",
            "delete it: the exports would carry the tag twice, and an importer link the "
            "question to it twice",
        )
