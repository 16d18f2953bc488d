"""Validation against the JSON Schemas in ``schemas/`` (generated from the model by
``exambank.schema_files``).

Validation errors become diagnostics an author can act on: each points at the offending
value (or at the key, for unknown keys) and says what to write instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError as SchemaViolation
from jsonschema.protocols import Validator
from pydantic import BaseModel, ValidationError

from exambank.diagnostics import FIXED_BY_LINT, Diagnostic
from exambank.export import ExportDocument
from exambank.invisible import shown_finding
from exambank.model import BOOLEAN_KEYS, BOOLEAN_SPELLINGS, EDITOR_ONLY, Manifest, Section
from exambank.schema_messages import explain
from exambank.schema_patterns import read_pattern, unknown_keys
from exambank.schema_words import OBJECT, describe, kind_of, quoted_by_fix
from exambank.source import JsonPath, Source

Model = TypeVar("Model", bound=BaseModel)
MODELS: dict[str, type[BaseModel]] = {
    "manifest.schema.json": Manifest,
    "section.schema.json": Section,
    "export.schema.json": ExportDocument,
}


def for_lint(schema: Any) -> Any:
    """``schema`` without the keywords marked for editors only (``EDITOR_ONLY``): lint
    reports those mistakes by its own rules, and its validator must agree with the model."""
    if isinstance(schema, list):
        return [for_lint(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kept = {key: for_lint(value) for key, value in schema.items()}
    if "allOf" in kept:
        kept["allOf"] = [
            entry
            for entry in kept["allOf"]
            if not (isinstance(entry, dict) and entry.get("$comment") == EDITOR_ONLY)
        ]
        if not kept["allOf"]:
            del kept["allOf"]
    return kept


def schema_dir() -> Path:
    """The schemas shipped in the wheel, or the checkout's ``schemas/``."""
    shipped = Path(__file__).parent / "schemas"
    return shipped if shipped.is_dir() else Path(__file__).parent.parent / "schemas"


# Every keyword that reads a regular expression reads it as the model does (read_pattern):
# "pattern" (and "propertyNames", through it), "patternProperties", "additionalProperties".
# No schema has "unevaluatedProperties", the other one, which still reads them as Python.
def _pattern(
    validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[SchemaViolation]:
    if validator.is_type(instance, "string") and not read_pattern(pattern).search(instance):
        yield SchemaViolation(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Validator, patterns: dict[str, Any], instance: Any, schema: dict[str, Any]
) -> Iterator[SchemaViolation]:
    if validator.is_type(instance, "object"):
        for pattern, subschema in patterns.items():
            for key, value in instance.items():
                if read_pattern(pattern).search(key):
                    yield from validator.descend(  # type: ignore[attr-defined]  # not in the protocol
                        value, subschema, path=key, schema_path=pattern
                    )


def _additional_properties(
    validator: Validator, additional: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[SchemaViolation]:
    """The stock keyword, shown only the keys "properties" and "patternProperties" leave."""
    if validator.is_type(instance, "object"):
        extra = {key: instance[key] for key in unknown_keys(instance, schema)}
        stock = Draft202012Validator.VALIDATORS["additionalProperties"]
        yield from stock(validator, additional, extra, {})


_Validator: type[Validator] = validators.extend(  # type: ignore[no-untyped-call]  # no stub
    Draft202012Validator,
    {
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
    },
)


@cache
def validator(name: str) -> Validator:
    """Lint's validator for the schema file ``name``: as an editor's, less the keywords
    for editors only, and with its regular expressions read as the model reads them."""
    schema = json.loads((schema_dir() / name).read_text(encoding="utf-8"))
    return _Validator(for_lint(schema))


def validate(source: Source, model: type[Model]) -> tuple[Model | None, list[Diagnostic]]:
    """The validated model, or None and the reasons why not.

    pydantic (strict, compiled) decides, since the schema files are generated from the same
    models; jsonschema runs only on failure, to explain every problem against the committed
    schema. Valid files, nearly all of them, never pay for jsonschema's pure-Python walk.
    """
    try:
        return model.model_validate(source.data, strict=True), _yaml11_readings(source, set())
    except ValidationError as error:
        name = next(name for name, candidate in MODELS.items() if candidate is model)
        found, named = check(source, name)
        if not found:
            named = {tuple(problem["loc"]) for problem in error.errors()}
            found = _from_pydantic(source, error)
        # every problem in one run: a 'shuffle: no' too, unless a finding already names it
        return None, found + _yaml11_readings(source, named)


def _yaml11_readings(source: Source, named: set[JsonPath]) -> list[Diagnostic]:
    """Values that YAML 1.2 readers and YAML 1.1 readers read differently, where the
    schema is content either way: a boolean field written as YAML 1.1 spells one
    ("shuffle: no", "off", "yes"), text to a YAML 1.2 reader, which other tools are; text
    written as a date ("explanation: 2024-01-01"), a date to YAML 1.1 readers (PyYAML's
    safe_load), which fail on one that is no day ("2024-02-30"). Not at or under a path
    in ``named``, which a schema finding already tells (an unknown key 'shuffle')."""
    found = []
    for path, (kind, text) in source.typed_scalars.items():
        if kind == "boolean" and path[-1] in BOOLEAN_KEYS and text.lower() not in BOOLEAN_SPELLINGS:
            hint = f"write {'true' if text.lower() in ('yes', 'y', 'on') else 'false'}"
        elif kind == "date":
            mended = quoted_by_fix(source, path) and not source.fix_refuses()
            hint = f'quote it so it stays text: "{text}"{FIXED_BY_LINT if mended else ""}'
        else:
            continue
        if any(path[: len(value)] == value for value in named):
            continue
        message = (
            f"{describe(source, path)} is '{text}', a {kind} to YAML 1.1 readers only "
            "(others read the text)"
        )
        found.append(_schema_error(source, path, message, hint))
    return found


def _from_pydantic(source: Source, error: ValidationError) -> list[Diagnostic]:
    """The rare case where the model refuses what the schema accepts: still say where."""
    found = []
    for problem in error.errors():
        path = tuple(problem["loc"])
        if _under_alias(source, path) or _block_text_key(source, path):
            continue
        message = f"{describe(source, path)}: {problem['msg']}"
        found.append(_schema_error(source, path, message, None))
    return found


def _schema_error(source: Source, path: JsonPath, message: str, hint: str | None) -> Diagnostic:
    """A schema error at ``path``, with the question it is in."""
    line, column = source.where(path)
    said = shown_finding(message, hint)
    return Diagnostic(
        source.display, line, column, "error", "schema", *said, source.question_id(path)
    )


def check(source: Source, schema_name: str) -> tuple[list[Diagnostic], set[JsonPath]]:
    """Every schema violation in ``source``, as located diagnostics, and the paths of the
    values they are about: an unknown key's own path, not its object's; none for a
    missing key, whose object's other values are not in question."""
    if not isinstance(source.data, dict):
        kind = kind_of(source.data)
        return [
            Diagnostic(
                source.display,
                1,
                1,
                "error",
                "schema",
                f"the file holds {kind}, not {OBJECT}",
                "a bank file starts with 'id:' at the left margin",
            )
        ], {()}
    found: list[Diagnostic] = []
    named: set[JsonPath] = set()
    for error in validator(schema_name).iter_errors(source.data):
        path: JsonPath = tuple(error.absolute_path)
        if _under_alias(source, path):
            continue
        found.extend(explain(source, error))
        if error.validator == "additionalProperties":
            named.update((*path, key) for key in unknown_keys(error.instance, error.schema))
        elif error.validator != "required":
            named.add(path)
    return found, named


def _under_alias(source: Source, path: JsonPath) -> bool:
    """Whether ``path`` is at or under a value written as an alias ('options: *hosts'):
    read as nothing, it is no empty value to report; the alias error says what is wrong."""
    return bool(source.aliases) and any(path[: len(alias)] == alias for alias in source.aliases)


def _block_text_key(source: Source, path: JsonPath) -> bool:
    """Whether ``path`` is at or under a key YAML read from a line of a block text: the
    slip is told where the file was read (``block_texts_as_keys``)."""
    keys = source.block_text_keys
    return bool(keys) and any(path[:end] in keys for end in range(1, len(path) + 1))
