"""The author's words for what a schema violation is about.

Where it is (``describe``: "question amt-q3, option B"), what was written there
(``kind_of``, ``as_written``), and what the schema wants instead (``expected_kinds``,
``one_of``, ``HOW_TO_WRITE``): the vocabulary that lint's schema messages share, so that
every one of them names a place, a value and a kind the same way. Each message is a
``Found``: where, what is wrong, and the hint.
"""

from __future__ import annotations

import re
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaViolation

from exambank.file_names import MANIFEST
from exambank.language_codes import meant_tag
from exambank.source import JsonPath, Position, Source

Found = tuple[Position, str, str | None]  # where, message, hint
OBJECT = "a set of 'key: value' lines"
_TYPE_WORDS = {"string": "text", "array": "a list", "object": OBJECT}
HOW_TO_WRITE = {
    "text": "write the text (quote it if YAML could read it otherwise)",
    "a list": "write a list, one '- item' per line under the key",
    OBJECT: "write 'key: value' lines, indented under the key",
}


# The fields whose value is the author's own text, in a section and in a manifest: there a
# number or a boolean YAML typed can only stand for the text typed ("A: 21" is the option
# "21"). ``int`` stands for any list index, ``str`` for any option letter. Not ids, answers,
# letters or language tags, where a number may mean something else (answer: 1).
_SECTION_TEXT: tuple[tuple[str | type, ...], ...] = (
    ("title",),
    ("summary",),
    ("notes",),
    ("exam_tips", int),
    ("key_terms", int, "term"),
    ("key_terms", int, "definition"),
    ("questions", int, "stem"),
    ("questions", int, "options", str),
    ("questions", int, "options", str, "text"),
    ("questions", int, "options", str, "feedback"),
    ("questions", int, "explanation"),
    ("questions", int, "tags", int),
    ("questions", int, "lint", "reason"),
)
_MANIFEST_TEXT: tuple[tuple[str | type, ...], ...] = (
    ("title",),
    ("exam",),
    ("version",),
    ("description",),
)


# An integer every YAML reader reads as written, so that quoted it is the same text: no
# sign but '-', no leading zero (YAML 1.1 reads 010 as 8), no '_' (1_000 is 1000).
_PLAIN_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


def same_text_quoted(kind: str, written: str) -> bool:
    """Whether a value YAML typed as ``kind`` (number, boolean, null, date) from ``written``
    is that text to every reader once quoted: a word YAML reads as a boolean (true, False,
    yes, off), an integer written plainly (21, 2024, -1), a date (2024-01-01). Not 3.10
    (3.1 to every reader), 4:1 (241), 010 (8 or 10) or 0x1A (26): their readers disagree
    with the text, and the author says which was meant. Not a null (null, ~): it may mean
    "nothing yet"."""
    if kind in ("boolean", "date"):
        return True
    return kind == "number" and _PLAIN_INTEGER.fullmatch(written) is not None


def quoted_by_fix(source: Source, path: JsonPath) -> bool:
    """Whether ``lint --fix`` quotes the value YAML typed at ``path`` of ``source``
    (``rewrite.quotable_as_text``): the author's text, the same text once quoted, and no
    comment one space after it, which may be more of the text (comment-in-text)."""
    kind, written = source.typed_scalars[path]
    manifest = source.path.name == MANIFEST
    return (
        same_text_quoted(kind, written)
        and holds_text(path, manifest)
        and path not in source.comments_after
    )


def holds_text(path: JsonPath, manifest: bool) -> bool:
    """Whether the value at ``path`` of a manifest (or else a section) is text the author
    writes: a title, a stem, an option, a tag; not an id or an answer."""
    return any(
        len(path) == len(field)
        and all(
            type(step) is want if isinstance(want, type) else step == want
            for step, want in zip(path, field, strict=True)
        )
        for field in (_MANIFEST_TEXT if manifest else _SECTION_TEXT)
    )


def describe(source: Source, path: JsonPath) -> str:
    """'question amt-q3, option B' style names for a JSON path."""
    if not path:
        return "the file"
    words = {
        "questions": "question",
        "key_terms": "key term",
        "exam_tips": "exam tip",
        "options": "option",
        "sections": "section",
    }
    parts: list[str] = []
    question = source.question_id(path)
    for index, step in enumerate(path):
        if index == 1 and question:
            parts[-1] = f"question {question.strip()}"  # not the line break a '|' keeps
            continue
        parent = path[index - 1] if index else None
        if isinstance(step, int):
            parts[-1] = f"{words.get(str(parent), str(parent))} {step + 1}"
        elif parent == "options":
            parts[-1] = f"option {step}"
        else:
            parts.append(str(step))
    return ", ".join(parts)


def kind_of(value: Any) -> str:
    """What kind of value the author wrote, in words: 'a number', 'text', 'empty'."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return OBJECT
    return "text"


def as_written(source: Source, path: JsonPath, value: Any) -> str:
    """A value as the author wrote it: 'Easy', the number 3, empty."""
    if path in source.typed_scalars:
        kind, text = source.typed_scalars[path]
        return f"the {kind} {text}" if text else "empty"
    return f"'{value}'" if isinstance(value, str) else kind_of(value)


def expected_kinds(error: SchemaViolation) -> list[str]:
    """What the schema would accept at the error's place, in words ('text', 'a list')."""
    value: Any = error.validator_value
    branches: Any = value if error.validator == "anyOf" else [{"type": value}]
    words: list[str] = []
    for branch in branches if error.validator in ("type", "anyOf") else []:
        kinds = branch.get("type", "object" if "$ref" in branch else None)
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            word = _TYPE_WORDS.get(kind)
            if word and word not in words:
                words.append(word)
    return words


def one_of(error: SchemaViolation) -> str | None:
    """'use one of: ...' where the schema lists the values allowed at the error."""
    choices = allowed_values(error)
    return f"use one of: {', '.join(map(str, choices))}" if choices else None


def allowed_values(error: SchemaViolation) -> list[Any]:
    """The values the schema allows at the error, if it lists them."""
    choices: Any = _enum_in(error) or (error.validator_value if error.validator == "enum" else None)
    return list(choices or [])


def _enum_in(error: SchemaViolation) -> list[Any] | None:
    branches: Any = error.validator_value if error.validator == "anyOf" else []
    for branch in branches:
        if "enum" in branch:
            return list(branch["enum"])
    return None


def text_noun(path: JsonPath) -> str:
    """What the author calls the text at ``path``: 'tip', 'option', 'stem'."""
    last, parent = path[-1], (path[-2] if len(path) > 1 else None)
    if isinstance(last, int):
        return {"exam_tips": "tip", "tags": "tag", "sections": "section id"}.get(
            str(parent), "entry"
        )
    if parent == "options" or (last == "text" and path[-3:-2] == ("options",)):
        return "option"
    return str(last).replace("_", " ")


def clip(text: str, limit: int = 24) -> str:
    """The start of ``text``, cut at a word, for a message that stays on one line."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " ..."


def options_hint(options: Any) -> str:
    """How to write options given as a list or as text: each as its letter and text,
    with the options' own texts where text pasted from a word processor letters them
    ('a) DHCP b) DNS'), else the first one's."""
    lettered = _lettered(options) if isinstance(options, str) else []
    if lettered:
        shown = ", ".join(
            f"'{chr(ord('A') + index)}: {clip(text, 40)}'" for index, text in enumerate(lettered)
        )
        return f"write each option on its own line, as a letter and its text: {shown}"
    return f"write each option as a letter and its text, e.g. 'A: {_first_option_text(options)}'"


def _lettered(text: str) -> list[str]:
    """The texts of options written in one text, each after its letter as a word processor
    numbers them ('a) DHCP b) DNS', 'A. DHCP B. DNS', '(a) DHCP (b) DNS'): from 'a' on,
    each letter the next one, in one style; [] unless there are two or more."""
    first = re.match(r"\s*(\(?)([aA])([.)])\s+", text)
    if first is None:
        return []
    opening, letter, closing = first.groups()
    texts, start = [], first.end()
    while letter not in "zZ":
        letter = chr(ord(letter) + 1)
        marker = re.compile(rf"(?<!\S){re.escape(opening)}{letter}{re.escape(closing)}(?:\s+|$)")
        found = marker.search(text, start)
        if found is None:
            break
        texts.append(text[start : found.start()].strip())
        start = found.end()
    texts.append(text[start:].strip())
    return texts if len(texts) > 1 and all(texts) else []


def _first_option_text(options: Any) -> str:
    """The first option's own text, from options written as a list or as text."""
    first: Any = options[0] if isinstance(options, list) and options else options
    if isinstance(first, dict) and len(first) == 1:
        [first] = first.values()
    if isinstance(first, dict):
        first = first.get("text")
    if not isinstance(first, str) or not first.strip():
        return "the first option"
    return clip(re.sub(r"^\(?[A-Za-z][).:]\s+", "", first.strip()), 40)


def language_hint(language: str) -> str:
    """How to write ``language`` as a language tag, with the tag it stands for where it
    says one ('es_ES', 'de DE', 'Deutsch': ``meant_tag``)."""
    tag = meant_tag(language)
    if tag:
        return f"write its BCP 47 tag; did you mean '{tag}'?"
    return "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"
