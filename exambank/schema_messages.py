"""Schema violations in an author's words.

jsonschema says which keyword of which subschema failed; ``explain`` says what the author
wrote, where, and what to write instead, and drops a violation a sibling one already
explains (a misspelt key also leaves a required one missing: one fix, one finding).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaViolation

from exambank.diagnostics import Diagnostic
from exambank.source import JsonPath, Position, Source

Found = tuple[Position, str, str | None]  # where, message, hint
_LETTER = re.compile(r"^[A-Z]\Z")  # not "B\n", which a block scalar gives
_LOWER = re.compile(r"^[a-z]\Z")
_FEEDBACK_HINT = "{key} belongs to an option: {letter}: {{text: ..., feedback: ...}}"
# A line break, or any other control character, as a finding (one line) shows it: escaped.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# A schema's regular expressions, read as the model reads them: pydantic's Rust regex
# decides what loads, and lint's validator explains its refusals. Python's "$" also matches
# before a final line break, which would let "B\n" (answer: |, then B) pass as a letter;
# Rust's, like ECMA 262's (the schema's, in an editor), only at the end of the text.
# Python's "\s" also takes U+001C-U+001F, which Rust's (Unicode White_Space) does not.
_WHITE_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_AS_THE_MODEL = {"$": r"\Z", r"\s": f"[{_WHITE_SPACE}]", r"\S": f"[^{_WHITE_SPACE}]"}
_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\$")  # an escape, a class, or "$"


@cache
def read_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` with each "$", "\\s" and "\\S" outside a character class meaning what
    it means to the model."""
    return re.compile(_TOKEN.sub(lambda match: _AS_THE_MODEL.get(match[0], match[0]), pattern))


def unknown_keys(instance: Any, schema: Any) -> list[str]:
    """The keys of ``instance`` that ``schema`` (an object schema) does not allow."""
    if not isinstance(instance, dict) or not isinstance(schema, dict):
        return []
    allowed = schema.get("properties", {})
    patterns = [read_pattern(pattern) for pattern in schema.get("patternProperties", {})]
    return [
        key
        for key in instance
        if key not in allowed and not any(pattern.search(key) for pattern in patterns)
    ]


def explain(source: Source, error: SchemaViolation) -> Iterator[Diagnostic]:
    """What to tell the author about one schema violation, as located diagnostics."""
    path: JsonPath = tuple(error.absolute_path)
    question = source.question_id(path)
    for position, message, hint in _findings(source, error, path):
        shown = _escaped(message), hint and _escaped(hint)
        yield Diagnostic(source.display, *position, "error", "schema", *shown, question)


def _escaped(text: str) -> str:
    """``text`` on one line: 'B\\n', not B and a line break."""
    return _UNPRINTABLE.sub(lambda match: repr(match[0])[1:-1], text)


def _findings(source: Source, error: SchemaViolation, path: JsonPath) -> Iterator[Found]:
    """What to tell the author about one violation: nothing when a sibling violation
    already says it better (a misspelt key also makes a required one missing)."""
    name = describe(source, path)
    instance: Any = error.instance
    schema: Any = error.schema
    if error.validator == "additionalProperties":
        yield from _unknown_keys(source, error, path, name)
    elif error.validator == "required":
        missing = error.message.split("'")[1]
        unknown = unknown_keys(instance, schema)
        if any(_near_miss(key, schema) == missing for key in unknown):
            return  # the did-you-mean at the misspelt key says it
        if missing == "options" and _stray_letters(instance, schema):
            return  # reported at the letters
        yield source.where(path), f"{name} is missing '{missing}'", f"add '{missing}:'"
    elif broken := _line_breaks(error):
        for value in broken:
            at: JsonPath = tuple(value.absolute_path)
            message = f"{describe(source, at)} ends in a line break"
            yield source.where(at), message, _one_line(at, instance)
    elif error.validator == "pattern" and (path[-1:] == ("id",) or path[-2:-1] == ("sections",)):
        yield (
            source.where(path),
            f"{name} '{instance}' is not a valid id",
            "ids use lowercase letters, digits and single hyphens, e.g. 'amt-q1'",
        )
    elif error.validator == "pattern" and path == ("language",):
        yield (
            source.where(path),
            f"language '{instance}' is not a language tag",
            "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'",
        )
    elif error.validator == "pattern" and error.validator_value == r"\S":
        yield source.where(path), f"{name} is blank", "write it out"
    elif path[-1:] == ("answer",) or path[-2:-1] == ("answer",):
        yield _answer(source, path, name, instance)
    elif error.validator == "type" and error.validator_value == "boolean":
        written = _written(source, path, instance)
        quoted = isinstance(instance, str) and instance.lower() in ("true", "false")
        yield (
            source.where(path),
            f"{name} is the text {written}, not a boolean"
            if quoted
            else f"{name} is {written}, not true or false",
            f"write it without quotes: {path[-1]}: {instance.lower()}"
            if quoted
            else "write true or false",
        )
    elif error.validator == "type" and "enum" in schema:
        return  # the enum's own violation lists the choices
    elif _choices(error):
        yield source.where(path), f"{name} is {_written(source, path, instance)}", _choices(error)
    elif _reads_as_key(source, error, path):
        yield _text_with_colon(source, path, name, instance)
    elif path in source.typed_scalars and "text" in _expected(error):
        kind, text = source.typed_scalars[path]
        if text:
            yield (
                source.where(path),
                f"{name} is the {kind} {text}, not text",
                f"quote it so it stays text: '{text}'",
            )
        else:
            yield source.where(path), f"{name} is empty", _write_text(path)
    elif error.validator == "anyOf" and isinstance(instance, dict) and _inner(error):
        # Key-value lines where they may stand (an option, a suppression): explain inside.
        for sub in _inner(error):
            yield from _findings(source, sub, tuple(sub.absolute_path))
    elif path[-1:] == ("options",) and _stray_letters(_parent(source.data, path), {}):
        return  # reported at the letters, which belong here
    elif error.validator in ("type", "anyOf") and _expected(error):
        expected = _expected(error)
        message = f"{name} is {kind_of(instance)}, not {' or '.join(expected)}"
        if path[-1:] == ("options",):
            example = _first_option_text(instance)
            if isinstance(instance, list):
                message = f"{name} is a list, but options need letters"
            hint = f"write each option as a letter and its text, e.g. 'A: {example}'"
        elif path[-1:] == ("lint",):
            hint = f'write lint: {{ignore: [{", ".join(_rule_names(instance))}], reason: "..."}}'
        else:
            hint = _WRITE[expected[0]]
        yield source.where(path), message, hint
    else:
        yield source.where(path), f"{name}: {error.message}", None


def _line_breaks(error: SchemaViolation) -> list[SchemaViolation]:
    """The violations behind ``error`` of values that fit their pattern but for a final line
    break, as a block scalar ('|', '>') ends them: the pattern's own, or those in an anyOf's
    branches (answer: a letter, or a list of them); none unless that is all there is."""
    tried = _inner(error) if error.validator == "anyOf" else [error]
    broken = [sub for sub in tried if _fits_but_for_line_break(sub)]
    return broken if len(broken) == len(tried) else []


def _fits_but_for_line_break(error: SchemaViolation) -> bool:
    value: Any = error.instance
    return (
        error.validator == "pattern"
        and isinstance(value, str)
        and value.endswith("\n")
        and bool(read_pattern(str(error.validator_value)).search(value.rstrip("\n")))
    )


def _one_line(path: JsonPath, written: Any) -> str:
    """How to write a value that ends in a line break on one line: an answer's letters as
    one list, a list's entry as one, a key's value after it."""
    if isinstance(written, list):
        shown = f"{path[-2]}: [{', '.join(str(item).strip() for item in written)}]"
    elif isinstance(path[-1], int):
        shown = f"- {written.strip()}"
    else:
        shown = f"{path[-1]}: {written.strip()}"
    return f"write '{shown}' on one line ('|' and '>' keep the line break)"


def _unknown_keys(
    source: Source, error: SchemaViolation, path: JsonPath, name: str
) -> Iterator[Found]:
    schema: Any = error.schema
    instance: Any = error.instance
    unknown = unknown_keys(instance, schema)
    broken = [key for key in unknown if key.endswith("\n") and _allowed(key.rstrip("\n"), schema)]
    for key in broken:  # '"B\n": ...', or a block scalar key ('? |', then B)
        noun, meant = "letter" if "patternProperties" in schema else "key", key.rstrip("\n")
        message = f"{name}: the {noun} '{meant}' ends in a line break"
        yield source.where_key((*path, key)), message, f"write '{meant}:' with no line break"
    unknown = [key for key in unknown if key not in broken]
    if "patternProperties" in schema:  # options: a map keyed by letter
        for key in sorted(unknown):
            hint = "option letters are single capital letters A-Z"
            if key in ("text", "feedback"):
                keys = list(instance)
                letters = [k for k in keys if _LETTER.match(k)] or ["A"]
                before = [k for k in keys[: keys.index(key)] if _LETTER.match(k)] or letters[:1]
                hint = _FEEDBACK_HINT.format(key=key, letter=before[-1])
            yield source.where_key((*path, key)), f"'{key}' is not an option letter", hint
        return
    letters = _stray_letters(instance, schema)
    if letters:
        yield _stray_options(source, path, instance, letters)
    for key in sorted(set(unknown) - set(letters)):
        close = _near_miss(key, schema)
        allowed = ", ".join(sorted(schema.get("properties", {})))
        hint = f"did you mean '{close}'?" if close else f"allowed: {allowed}"
        if key == "feedback" and "options" in schema.get("properties", {}):
            answer = instance.get("answer")
            letter = answer if isinstance(answer, str) and _LETTER.match(answer) else "A"
            hint = _FEEDBACK_HINT.format(key=key, letter=letter)
        elif key == "lint" and "questions" in schema.get("properties", {}):
            hint = (
                "a suppression belongs to a question (lint: under its id); for a whole "
                "file, list the rules under [tool.exambank.per-file-ignores] in pyproject.toml"
            )
        yield source.where_key((*path, key)), f"unknown key '{key}' in {name}", hint


def _allowed(key: str, schema: Any) -> bool:
    return not unknown_keys({key: None}, schema)


def _near_miss(key: str, schema: Any) -> str | None:
    close = difflib.get_close_matches(key, sorted(schema.get("properties", {})), n=1, cutoff=0.6)
    return close[0] if close else None


def _stray_letters(question: Any, schema: Any) -> list[str]:
    """Option letters written as keys of the question itself: not indented under
    'options:'. ``schema`` is the question's, or {} when the caller knows it is one."""
    if schema and "options" not in schema.get("properties", {}):
        return []
    if not isinstance(question, dict) or isinstance(question.get("options"), (list, str)):
        return []  # options written otherwise: that is the problem to report
    return [key for key in question if _LETTER.match(key)]


def _stray_options(source: Source, path: JsonPath, question: Any, letters: list[str]) -> Found:
    run = "".join(letters) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    span = f"{letters[0]}-{letters[-1]}" if run and len(letters) > 1 else ", ".join(letters)
    named = f"option {span} is" if len(letters) == 1 else f"options {span} are"
    if "options" in question:
        message = f"the {named} not indented under 'options:'"
        hint = f"indent {span} two spaces more than 'options:'"
    else:
        message = f"the {named} not under an 'options:' line"
        hint = f"add 'options:' above {letters[0]} and indent {span} under it"
    return source.where_key((*path, letters[0])), message, hint


def _answer(source: Source, path: JsonPath, name: str, answer: Any) -> Found:
    """A lower-case answer is a slip of the shift key; anything else, the whole rule."""
    letters = answer if isinstance(answer, list) else [answer]
    hint = "write one capital letter (answer: B), or a list for multiple (answer: [A, C])"
    if answer is None:
        return source.where(path), f"{name} is empty", hint
    lower = [index for index, letter in enumerate(letters) if _LOWER.match(str(letter))]
    if not lower or not all(
        isinstance(letter, str) and _LOWER.match(letter.lower()) for letter in letters
    ):
        return source.where(path), f"{name} is {kind_of(answer)} {json.dumps(answer)}", hint
    upper = [letter.upper() for letter in letters]
    written = f"[{', '.join(upper)}]" if isinstance(answer, list) else upper[0]
    was = ", ".join(f"'{letters[index]}'" for index in lower)
    now = ", ".join(f"'{upper[index]}'" for index in lower)
    where = (*path, lower[0]) if isinstance(answer, list) else path
    question = _parent(source.data, path)
    options = question.get("options") if isinstance(question, dict) else None
    fixable = isinstance(options, dict) and options and all(map(_LETTER.match, options))
    fix = " (exambank lint --fix does this)" if fixable else ""
    return (
        source.where(where),
        f"{name} letters are capitals: {was} -> {now}",
        f"write answer: {written}{fix}",
    )


def _reads_as_key(source: Source, error: SchemaViolation, path: JsonPath) -> bool:
    """Text with an unquoted ': ' that YAML read as one key and its value: a block (not
    '{...}') mapping of one entry, whose key the schema has no use for, where text belongs."""
    instance: Any = error.instance
    if not isinstance(instance, dict) or len(instance) != 1 or "text" not in _expected(error):
        return False
    [(key, value)] = instance.items()
    branches = [sub.schema for sub in error.context or [] if isinstance(sub.schema, dict)]
    known = {known_key for branch in branches for known_key in branch.get("properties", {})}
    mapping, first_key = source.values.get(path), source.keys.get((*path, key))
    return (
        key not in known
        and not isinstance(value, (dict, list))
        and mapping is not None
        and first_key is not None
        and mapping.index == first_key.index
    )


def _text_with_colon(source: Source, path: JsonPath, name: str, mapping: Any) -> Found:
    [(key, value)] = mapping.items()
    typed = source.typed_scalars.get((*path, key))
    after = typed[1] if typed else str(value)
    if after:
        message = f"{name} reads as '{key}' -> '{_clip(after)}' because of the ': '"
    else:
        message = f"{name} reads as the key '{key}' because of the ':' after it"
    text = _clip(f"{key}: {after}".rstrip())
    quoted = f"single quotes: '{text}'" if '"' in text else f'double quotes: "{text}"'
    return source.where(path), message, f"put the whole {_noun(path)} in {quoted}"


def _clip(text: str, limit: int = 24) -> str:
    """The start of ``text``, cut at a word, for a message that stays on one line."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " ..."


def _noun(path: JsonPath) -> str:
    """What the author calls the text at ``path``: 'tip', 'option', 'stem'."""
    last, parent = path[-1], (path[-2] if len(path) > 1 else None)
    if isinstance(last, int):
        return {"exam_tips": "tip", "tags": "tag", "sections": "section id"}.get(
            str(parent), "entry"
        )
    if parent == "options" or (last == "text" and path[-3:-2] == ("options",)):
        return "option"
    return str(last).replace("_", " ")


def _write_text(path: JsonPath) -> str:
    """How to fill an empty text: a required field must be written; a list entry or an
    option may instead go (an option's removal leaves a gap in the letters)."""
    if path[-2:-1] == ("options",):
        return "write the text (or remove the option and reletter the rest)"
    if isinstance(path[-1], int):
        return "write the text, or remove the entry"
    return "write the text"


def _choices(error: SchemaViolation) -> str | None:
    """'use one of: ...' where the schema lists the values allowed at the error."""
    choices: Any = _enum_in(error) or (error.validator_value if error.validator == "enum" else None)
    return f"use one of: {', '.join(map(str, choices))}" if choices else None


def _written(source: Source, path: JsonPath, value: Any) -> str:
    """A value as the author wrote it: 'Easy', the number 3, empty."""
    if path in source.typed_scalars:
        kind, text = source.typed_scalars[path]
        return f"the {kind} {text}" if text else "empty"
    return f"'{value}'" if isinstance(value, str) else kind_of(value)


def _parent(data: Any, path: JsonPath) -> Any:
    """The value holding the one at ``path`` (the question, for its answer)."""
    for step in path[:-1]:
        data = data[step]
    return data


def _first_option_text(options: Any) -> str:
    """The first option's own text, from options written as a list or as text."""
    first: Any = options[0] if isinstance(options, list) and options else options
    if isinstance(first, dict) and len(first) == 1:
        [first] = first.values()
    if isinstance(first, dict):
        first = first.get("text")
    if not isinstance(first, str) or not first.strip():
        return "the first option"
    return _clip(re.sub(r"^\(?[A-Za-z][).:]\s+", "", first.strip()), 40)


def _rule_names(suppression: Any) -> list[str]:
    """The rule names in a suppression written as text or a list, for the hint's example."""
    if isinstance(suppression, str):
        words = re.split(r"[\s,]+", re.sub(r"^\s*ignore\b:?", "", suppression))
    else:
        words = (
            [item for item in suppression if isinstance(item, str)]
            if isinstance(suppression, list)
            else []
        )
    return [word for word in words if re.fullmatch(r"[\w-]+", word)] or ["RULE"]


def _inner(error: SchemaViolation) -> list[SchemaViolation]:
    """The errors of an anyOf's branches below its own level (not 'is not a string')."""
    return [sub for sub in error.context or [] if sub.validator != "type" or sub.relative_path]


OBJECT = "a set of 'key: value' lines"
_TYPE_WORDS = {"string": "text", "array": "a list", "object": OBJECT}
_WRITE = {
    "text": "write the text (quote it if YAML could read it otherwise)",
    "a list": "write a list, one '- item' per line under the key",
    OBJECT: "write 'key: value' lines, indented under the key",
}


def _expected(error: SchemaViolation) -> list[str]:
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


def _enum_in(error: SchemaViolation) -> list[Any] | None:
    branches: Any = error.validator_value if error.validator == "anyOf" else []
    for branch in branches:
        if "enum" in branch:
            return list(branch["enum"])
    return None


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
