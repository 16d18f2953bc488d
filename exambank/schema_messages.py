"""Schema violations in an author's words.

jsonschema says which keyword of which subschema failed; ``explain`` says what the author
wrote, where, and what to write instead, and drops a violation a sibling one already
explains (a misspelt key also leaves a required one missing: one fix, one finding).
Violations about keys are worded in ``schema_keys``; those about values, here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaViolation

from exambank.bank import section_id_of
from exambank.diagnostics import FIXED_BY_LINT, Diagnostic
from exambank.file_names import is_yaml
from exambank.invisible import shown_finding
from exambank.lookalikes import lookalikes_in
from exambank.model import LANGUAGE_PATTERN, REASON_PATTERN
from exambank.schema_keys import (
    explain_missing_key,
    explain_unknown_keys,
    section_file,
    stray_letters,
)
from exambank.schema_letters import explain_answer
from exambank.schema_patterns import read_pattern
from exambank.schema_tags import repeated_tags, tag_problem
from exambank.schema_values import meant_value, true_false_type
from exambank.schema_words import (
    HOW_TO_WRITE,
    Found,
    allowed_values,
    as_written,
    clip,
    describe,
    expected_kinds,
    kind_of,
    language_hint,
    one_of,
    options_hint,
    quoted_by_fix,
    text_noun,
)
from exambank.source import JsonPath, Source
from exambank.text_lists import bracketed
from exambank.yaml11 import is_yaml11_number, sexagesimal


def explain(source: Source, error: SchemaViolation) -> Iterator[Diagnostic]:
    """What to tell the author about one schema violation, as located diagnostics."""
    path: JsonPath = tuple(error.absolute_path)
    question, places = source.question_id(path), (section_file(source),)
    for position, message, hint in _findings(source, error, path):
        said = shown_finding(message, hint)
        yield Diagnostic(source.display, *position, "error", "schema", *said, question, places)


def _findings(source: Source, error: SchemaViolation, path: JsonPath) -> Iterator[Found]:
    """What to tell the author about one violation: nothing when a sibling violation
    already says it better (a misspelt key also makes a required one missing)."""
    name = describe(source, path)
    instance: Any = error.instance
    schema: Any = error.schema
    if error.validator == "additionalProperties":
        yield from explain_unknown_keys(source, error, path, name)
    elif error.validator == "required":
        yield from explain_missing_key(source, error, path, name)
    elif broken := _line_breaks(error):
        for value in broken:
            at: JsonPath = tuple(value.absolute_path)
            message = f"{describe(source, at)} ends in a line break"
            yield source.where(at), message, _one_line(at, instance)
    elif error.validator == "pattern" and (path[-1:] == ("id",) or path[-2:-1] == ("sections",)):
        lookalikes = lookalikes_in(str(instance))  # a Cyrillic letter typed for p
        why = f": {lookalikes}" if lookalikes else ""
        message = f"{name} '{instance}' is not a valid id{why}"
        yield source.where(path), message, _id_hint(path, instance)
    elif error.validator == "pattern" and path == ("language",):
        yield (
            source.where(path),
            f"language '{instance}' is not a language tag",
            language_hint(instance),
        )
    elif error.validator == "pattern" and path[-2:-1] == ("tags",):
        yield source.where(path), *tag_problem(name, str(instance))
    elif error.validator == "uniqueItems" and path[-1:] == ("tags",):
        yield from repeated_tags(source, path, instance)
    elif error.validator == "pattern" and error.validator_value == r"\S":
        yield source.where(path), f"{name} is blank", "write it out"
    elif error.validator == "minItems" and path[-2:] == ("lint", "ignore"):
        hint = (
            "name the rules it switches off, as in ignore: [answer-run], or remove the lint: entry"
        )
        yield source.where(path), f"{name} is an empty list", hint
    elif error.validator == "pattern" and error.validator_value == REASON_PATTERN:
        if not str(instance).strip():
            yield source.where(path), f"{name} is blank", "write it out"
        else:
            message = f"{name} is '{instance}', a placeholder, not a reason"
            yield source.where(path), message, "write why the rules do not apply to this question"
    elif path[-1:] == ("answer",) or path[-2:-1] == ("answer",):
        yield explain_answer(source, path, name, instance, _question_of(source.data, path))
    elif error.validator == "type" and error.validator_value == "boolean":
        written = as_written(source, path, instance)
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
    elif allowed := one_of(error):
        meant = meant_value(instance, allowed_values(error))
        hint = f"did you mean '{meant}'? {allowed}" if meant else allowed
        if path[-1:] == ("type",) and true_false_type(instance):
            hint += '; a true/false question is type: single, with options A: "True" and B: "False"'
        yield source.where(path), f"{name} is {as_written(source, path, instance)}", hint
    elif _reads_as_key(source, error, path):
        yield _text_with_colon(source, path, name, instance)
    elif path == ("language",) and not isinstance(instance, str):
        yield _language_not_text(source, path, name, instance)
    elif path in source.typed_scalars and "text" in expected_kinds(error):
        kind, text = source.typed_scalars[path]
        if text:
            # "12:30 is a number" reads as nonsense to an author who wrote a time
            base_60 = kind == "number" and ":" in text and is_yaml11_number(text)
            read_as = f" (YAML 1.1 reads it in base 60, as {sexagesimal(text)})" if base_60 else ""
            mended = quoted_by_fix(source, path) and not source.fix_refuses()
            fixed = FIXED_BY_LINT if mended else ""
            yield (
                source.where(path),
                f"{name} is the {kind} {text}{read_as}, not text",
                f'quote it so it stays text: "{text}"{fixed}',  # as lint --fix and fmt quote
            )
        elif path in source.comments_for_values:  # 'A: #1 traceroute'
            position, comment = source.comments_for_values[path]
            yield (
                position,
                f"{name} is empty: YAML reads '{clip(comment)}' after it as a comment",
                f"quote the text to keep it: {path[-1]}: {json.dumps(comment, ensure_ascii=False)}",
            )
        else:
            yield source.where(path), f"{name} is empty", _write_text(path)
    elif error.validator == "anyOf" and isinstance(instance, dict) and _inner(error):
        # Key-value lines where they may stand (an option, a suppression): explain inside.
        for sub in _inner(error):
            yield from _findings(source, sub, tuple(sub.absolute_path))
    elif path[-1:] == ("options",) and stray_letters(_parent(source.data, path), {}):
        return  # reported at the letters, which belong here
    elif error.validator in ("type", "anyOf") and expected_kinds(error):
        expected = expected_kinds(error)
        message = f"{name} is {kind_of(instance)}, not {' or '.join(expected)}"
        if path[-1:] == ("options",):
            if isinstance(instance, list):
                message = f"{name} is a list, but options need letters"
            hint = options_hint(instance)
        elif path[-1:] == ("lint",):
            hint = f'write lint: {{ignore: [{", ".join(_rule_names(instance))}], reason: "..."}}'
        elif expected[0] == "a list" and path and isinstance(path[-1], str):
            hint = f"write a list: {path[-1]}: [{_as_items(source, path, instance, error)}]"
        else:
            hint = HOW_TO_WRITE[expected[0]]
        yield source.where(path), message, hint
    else:
        yield source.where(path), f"{name}: {error.message}", None


def _language_not_text(source: Source, path: JsonPath, name: str, language: Any) -> Found:
    """A language YAML read as no text. Quoted, ``language: no`` is Norwegian's tag, but
    ``language: 5`` would be the text '5', no tag either: such a value gets the tag's
    hint at once, not advice to quote it."""
    kind, written = source.typed_scalars.get(path, ("", ""))
    if re.fullmatch(LANGUAGE_PATTERN, written):
        message, hint = (
            f"{name} is the {kind} {written}, not text",
            f'quote it so it stays text: "{written}"',
        )
    elif language is None and not written:
        message, hint = f"{name} is empty", language_hint("")
    else:
        if isinstance(language, list) and len(language) == 1 and isinstance(language[0], str):
            written = language[0]  # language: [de]
        what = f"the {kind} {written}" if kind else kind_of(language)
        message, hint = f"{name} is {what}, not a language tag", language_hint(written)
    return source.where(path), message, hint


def _id_hint(path: JsonPath, written: str) -> str:
    """How to write an id: the id ``exambank new`` would make of ``written`` ('réseau' ->
    'reseau'); of a section file's name listed as a section, the id that names it."""
    from exambank.skeleton import as_id  # only a file with a bad id needs `new`'s code

    is_file = path[-2:-1] == ("sections",) and is_yaml(Path(written))
    suggestion = as_id(section_id_of(Path(written)) if is_file else written)
    example = "amt-q1" if "questions" in path else "amt"  # a question's id, else a section's
    rule = "ids use lowercase letters, digits and single hyphens"
    return f"{rule}; did you mean '{suggestion}'?" if suggestion else f"{rule}, e.g. '{example}'"


def _as_items(source: Source, path: JsonPath, value: Any, error: SchemaViolation) -> str:
    """``value`` as the items of a list in brackets (``bracketed``): as written; "..." for
    what is no single value."""
    text = source.typed_scalars[path][1] if path in source.typed_scalars else value
    if not isinstance(text, str) or not text.strip() or "\n" in text:
        return "..."
    branches: Any = error.validator_value if error.validator == "anyOf" else [error.schema]
    lists = [branch for branch in branches if branch.get("type") == "array"]  # anyOf's
    return bracketed(text, lists[0].get("items", {}) if lists else {})


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


def _reads_as_key(source: Source, error: SchemaViolation, path: JsonPath) -> bool:
    """Text with an unquoted ': ' that YAML read as one key and its value: a block (not
    '{...}') mapping of one entry, whose key the schema has no use for, where text belongs."""
    instance: Any = error.instance
    if not isinstance(instance, dict) or len(instance) != 1 or "text" not in expected_kinds(error):
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
        message = f"{name} reads as '{key}' -> '{clip(after)}' because of the ': '"
    else:
        message = f"{name} reads as the key '{key}' because of the ':' after it"
    written = source.texts_read_as_keys.get(path)
    if written is not None:  # as typed, ' : ' and all; lint --fix quotes it
        from exambank.syntax_hints.text import write_quoted  # only such a tip needs it

        hint = write_quoted("- ", written, fixed=not source.fix_refuses())
        return source.where(path), message, hint
    whole = f"{key}: {after}".rstrip()
    text = clip(whole)
    quotes = f"single quotes: '{text}'" if '"' in text else f'double quotes: "{text}"'
    if text != whole:  # its ' ...' is not to be typed
        quotes = quotes.replace(" quotes:", " quotes (shortened here):", 1)
    return source.where(path), message, f"put the whole {text_noun(path)} in {quotes}"


def _write_text(path: JsonPath) -> str:
    """How to fill an empty text: a required field must be written; a list entry or an
    option may instead go (an option's removal leaves a gap in the letters)."""
    if path[-2:-1] == ("options",):
        return "write the text (or remove the option and reletter the rest)"
    if isinstance(path[-1], int):
        return "write the text, or remove the entry"
    return "write the text"


def _question_of(data: Any, path: JsonPath) -> Any:
    """The question an answer (or one of its letters) at ``path`` belongs to."""
    return _parent(data, path[: path.index("answer") + 1])


def _parent(data: Any, path: JsonPath) -> Any:
    """The value holding the one at ``path`` (the question, for its answer)."""
    for step in path[:-1]:
        data = data[step]
    return data


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
