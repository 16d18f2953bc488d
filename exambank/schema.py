"""JSON Schemas: generated from the model, committed in ``schemas/``, and checked against.

Validation errors become diagnostics an author can act on: each points at the offending
value (or at the key, for unknown keys) and says what to write instead.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaViolation
from pydantic import BaseModel, ValidationError

from exambank.diagnostics import Diagnostic
from exambank.export import ExportDocument
from exambank.load import JsonPath, Source
from exambank.model import Manifest, Section

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
Model = TypeVar("Model", bound=BaseModel)
MODELS: dict[str, type[BaseModel]] = {
    "manifest.schema.json": Manifest,
    "section.schema.json": Section,
    "export.schema.json": ExportDocument,
}


def generate() -> dict[str, str]:
    """The text of every schema file, as ``nox -s schemas`` writes it."""
    texts = {}
    for name, model in MODELS.items():
        schema = {"$schema": SCHEMA_URL, "$id": name, **model.model_json_schema()}
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return texts


def schema_dir() -> Path:
    """The schemas shipped in the wheel, or the checkout's ``schemas/``."""
    shipped = Path(__file__).parent / "schemas"
    return shipped if shipped.is_dir() else Path(__file__).parent.parent / "schemas"


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((schema_dir() / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate(source: Source, model: type[Model]) -> tuple[Model | None, list[Diagnostic]]:
    """The validated model, or None and the reasons why not.

    pydantic (strict, compiled) decides, since the schema files are generated from the same
    models; jsonschema runs only on failure, to explain every problem against the committed
    schema. Valid files, nearly all of them, never pay for jsonschema's pure-Python walk.
    """
    try:
        return model.model_validate(source.data, strict=True), []
    except ValidationError as error:
        name = next(name for name, candidate in MODELS.items() if candidate is model)
        return None, check(source, name) or _from_pydantic(source, error)


def _from_pydantic(source: Source, error: ValidationError) -> list[Diagnostic]:
    """The rare case where the model refuses what the schema accepts: still say where."""
    found: list[Diagnostic] = []
    for problem in error.errors():
        path = tuple(problem["loc"])
        line, column = source.where(path)
        found.append(
            Diagnostic(
                source.display,
                line,
                column,
                "error",
                "schema",
                f"{_describe(path, source.data)}: {problem['msg']}",
                None,
                _question_id(source.data, path),
            )
        )
    return found


def check(source: Source, schema_name: str) -> list[Diagnostic]:
    """Every schema violation in ``source``, as located diagnostics."""
    if not isinstance(source.data, dict):
        kind = _kind(source.data)
        return [
            Diagnostic(
                source.display,
                1,
                1,
                "error",
                "schema",
                f"the file holds {kind}, not a mapping of keys",
                "a bank file starts with 'id:' at the left margin",
            )
        ]
    found: list[Diagnostic] = []
    for error in validator(schema_name).iter_errors(source.data):
        found.extend(_explain(source, error))
    return found


def _explain(source: Source, error: SchemaViolation) -> Iterator[Diagnostic]:
    path: JsonPath = tuple(error.absolute_path)
    question = _question_id(source.data, path)

    def at(position: tuple[int, int], message: str, hint: str | None) -> Diagnostic:
        return Diagnostic(source.display, *position, "error", "schema", message, hint, question)

    name = _describe(path, source.data)
    subschema: Any = error.schema
    if error.validator == "additionalProperties":
        allowed = sorted(subschema.get("properties", {}))
        patterns = [re.compile(p) for p in subschema.get("patternProperties", {})]
        instance: Any = error.instance
        for key in sorted(set(instance) - set(allowed)):
            if any(pattern.search(key) for pattern in patterns):
                continue
            if patterns:  # options: a map keyed by letter
                yield at(
                    source.where_key((*path, key)),
                    f"'{key}' is not an option letter",
                    "option letters are single capital letters A-Z",
                )
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
            yield at(source.where_key((*path, key)), f"unknown key '{key}' in {name}", hint)
    elif error.validator == "required":
        missing = error.message.split("'")[1]
        yield at(source.where(path), f"{name} is missing '{missing}'", f"add '{missing}:'")
    elif error.validator == "pattern" and (path[-1:] == ("id",) or path[-2:-1] == ("sections",)):
        yield at(
            source.where(path),
            f"{name} '{error.instance}' is not a valid id",
            "ids use lowercase letters, digits and single hyphens, e.g. 'amt-q1'",
        )
    elif error.validator == "pattern" and error.validator_value == r"\S":
        yield at(source.where(path), f"{name} is blank", "write it out")
    elif path[-1:] == ("answer",) or path[-2:-1] == ("answer",):
        yield at(
            source.where(path),
            f"{name} is {_kind(error.instance)} {json.dumps(error.instance)}",
            "write one capital letter (answer: B), or a list for multiple (answer: [A, C])",
        )
    elif path in source.typed_scalars and "text" in _expected(error):
        kind, text = source.typed_scalars[path]
        yield at(
            source.where(path),
            f"{name} is the {kind} {text or '(empty)'}, not text",
            f"quote it so it stays text: '{text}'" if text else "write the text, or remove the key",
        )
    elif error.validator == "anyOf" and isinstance(error.instance, dict) and _inner(error):
        # A mapping where a mapping may stand (an option, a suppression): explain inside it.
        for sub in _inner(error):
            yield from _explain(source, sub)
    elif error.validator == "enum" or (error.validator == "anyOf" and _enum_in(error)):
        choices: Any = _enum_in(error) or error.validator_value
        yield at(
            source.where(path),
            f"{name} is '{error.instance}'",
            f"use one of: {', '.join(map(str, choices))}",
        )
    elif error.validator in ("type", "anyOf") and _expected(error):
        expected = _expected(error)
        yield at(
            source.where(path),
            f"{name} is {_kind(error.instance)}, not {' or '.join(expected)}",
            _WRITE[expected[0]],
        )
    else:
        yield at(source.where(path), f"{name}: {error.message}", None)


def _inner(error: SchemaViolation) -> list[SchemaViolation]:
    """The errors of an anyOf's branches below its own level (not 'is not a string')."""
    return [sub for sub in error.context or [] if sub.validator != "type" or sub.relative_path]


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping"}
_WRITE = {
    "text": "write the text (quote it if YAML could read it otherwise)",
    "a list": "write a list, one '- item' per line under the key",
    "a mapping": "write 'key: value' lines, indented under the key",
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


def _describe(path: JsonPath, data: Any) -> str:
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
    question = _question_id(data, path)
    for index, step in enumerate(path):
        if index == 1 and question:
            parts[-1] = f"question {question}"
            continue
        parent = path[index - 1] if index else None
        if isinstance(step, int):
            parts[-1] = f"{words.get(str(parent), str(parent))} {step + 1}"
        elif parent == "options":
            parts[-1] = f"option {step}"
        else:
            parts.append(str(step))
    return ", ".join(parts)


def _question_id(data: Any, path: JsonPath) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        if isinstance(question, dict):
            question_id = question.get("id")
            return question_id if isinstance(question_id, str) else None
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def write(directory: Path) -> list[Path]:
    """Write every generated schema into ``directory``; return the files that changed."""
    changed = []
    for name, text in generate().items():
        target = directory / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    return changed


if __name__ == "__main__":
    for path in write(Path("schemas")):
        print(f"wrote {path}")
