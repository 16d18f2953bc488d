"""JSON Schemas: generated from the model, committed in ``schemas/``, and checked against.

Validation errors become diagnostics an author can act on: each points at the offending
value (or at the key, for unknown keys) and says what to write instead.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TypeVar

from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import core_schema

from exambank.diagnostics import Diagnostic
from exambank.export import ExportDocument
from exambank.model import BOOLEAN_KEYS, BOOLEAN_SPELLINGS, Manifest, Section
from exambank.schema_messages import OBJECT, describe, explain, kind_of
from exambank.source import JsonPath, Source

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
Model = TypeVar("Model", bound=BaseModel)
MODELS: dict[str, type[BaseModel]] = {
    "manifest.schema.json": Manifest,
    "section.schema.json": Section,
    "export.schema.json": ExportDocument,
}


class _AsWritten(GenerateJsonSchema):
    """Every key of a model is required in the document the model writes: a default makes
    a key optional in what is read (a bank.yaml), not in what is written (the export). As
    ``json_schema_serialization_defaults_required``, but for the models the export borrows
    from the source (its manifest) too."""

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        return self.mode == "serialization" or super().field_is_required(field, total)


def generate() -> dict[str, str]:
    """The text of every schema file, as ``nox -s schemas`` writes it: the source schemas
    say what may be written, the export's what is written."""
    texts = {}
    for name, model in MODELS.items():
        mode: JsonSchemaMode = "serialization" if model is ExportDocument else "validation"
        generated = model.model_json_schema(mode=mode, schema_generator=_AsWritten)
        schema = {"$schema": SCHEMA_URL, "$id": name, **generated}
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
        return model.model_validate(source.data, strict=True), _yaml11_booleans(source)
    except ValidationError as error:
        name = next(name for name, candidate in MODELS.items() if candidate is model)
        return None, check(source, name) or _from_pydantic(source, error)


def _yaml11_booleans(source: Source) -> list[Diagnostic]:
    """A boolean field written as YAML 1.1 spells one ("shuffle: no", "off", "yes"): a
    YAML 1.2 reader, which other tools are, reads the text "no" there."""
    found = []
    for path, (kind, text) in source.typed_scalars.items():
        if kind == "boolean" and path[-1] in BOOLEAN_KEYS and text.lower() not in BOOLEAN_SPELLINGS:
            meant = "true" if text.lower() in ("yes", "y", "on") else "false"
            message = (
                f"{describe(source, path)} is '{text}', a boolean to YAML 1.1 readers only "
                "(others read the text)"
            )
            found.append(_schema_error(source, path, message, f"write {meant}"))
    return found


def _from_pydantic(source: Source, error: ValidationError) -> list[Diagnostic]:
    """The rare case where the model refuses what the schema accepts: still say where."""
    found = []
    for problem in error.errors():
        path = tuple(problem["loc"])
        message = f"{describe(source, path)}: {problem['msg']}"
        found.append(_schema_error(source, path, message, None))
    return found


def _schema_error(source: Source, path: JsonPath, message: str, hint: str | None) -> Diagnostic:
    """A schema error at ``path``, with the question it is in."""
    line, column = source.where(path)
    return Diagnostic(
        source.display, line, column, "error", "schema", message, hint, source.question_id(path)
    )


def check(source: Source, schema_name: str) -> list[Diagnostic]:
    """Every schema violation in ``source``, as located diagnostics."""
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
        ]
    found: list[Diagnostic] = []
    for error in validator(schema_name).iter_errors(source.data):
        found.extend(explain(source, error))
    return found


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
