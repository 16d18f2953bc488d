"""The schema files in ``schemas/``, generated from the model: what an editor completes,
shows on hover and flags as the author types, and what lint validates against. ``nox -s
schemas`` (``python -m exambank.schema_files``) writes them; a test fails while they are
stale."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.config import JsonDict
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue, NoDefault
from pydantic_core import core_schema

from exambank.config import switchable
from exambank.export import ExportDocument
from exambank.model import Section, editor_only
from exambank.rules import RULES
from exambank.rules.suppression import ABOUT_SUPPRESSIONS
from exambank.schema import MODELS, for_lint

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
# What every Markdown text may hold, said once per schema (its top-level description, where
# a converter looks), not on every field, where an editor's hover would show nothing else.
MARKDOWN_DIALECT = (
    "Markdown: CommonMark with GFM tables and no other extension (no strikethrough, task "
    'lists or bare web addresses as links), as markdown-it-py\'s "commonmark" preset with '
    '"table" reads it. Raw HTML is shown as text, never as markup. Headings (a line starting '
    "with #, or underlined) and horizontal rules (a row of ---, *** or ___) only in notes, a "
    "section summary and the bank description; elsewhere such a line is text. A list of one "
    "item of one paragraph is text where it is all a question's text, a definition or a tip "
    'holds ("2. Normalform", "+"), and where it continues a paragraph whose line ends no '
    'sentence ("... verlangt die" / "1. Normalform"). A question below a list, at the list\'s '
    "indentation, starting with a capital after a last item that ends a sentence, starts a "
    "paragraph after the list. Link and image targets are paths relative to the bank folder, "
    "inside it; the JSON export ships every image beside the JSON file under the "
    "same path, so an image's path leads to it from there too."
)


class _AsWritten(GenerateJsonSchema):
    """Every key of a model is required in the document the model writes: a default makes
    a key optional in what is read (a bank.yaml), not in what is written (the export). As
    ``json_schema_serialization_defaults_required``, but for the models the export borrows
    from the source (its manifest) too.

    No title repeats a field's name (an editor shows it as the heading of the field's
    description), and no ``default: null`` (an editor would complete the text null)."""

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        return self.mode == "serialization" or super().field_is_required(field, total)

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def sort(self, value: JsonSchemaValue, parent_key: str | None = None) -> JsonSchemaValue:
        return value  # as generated: a snippet's keys in the order fmt writes them

    def get_default_value(self, schema: core_schema.WithDefaultSchema) -> Any:
        default = super().get_default_value(schema)
        return NoDefault if default is None else default

    def handle_ref_overrides(self, json_schema: JsonSchemaValue) -> JsonSchemaValue:
        """A described field that holds one model: its $ref in an allOf, beside the
        description, which a draft-07 reader would ignore beside a $ref."""
        json_schema = super().handle_ref_overrides(json_schema)
        if "$ref" in json_schema and len(json_schema) > 1:
            json_schema = dict(json_schema)
            return {"allOf": [{"$ref": json_schema.pop("$ref")}], **json_schema}
        return json_schema


def generate() -> dict[str, str]:
    """The text of every schema file, as ``nox -s schemas`` writes it: the source schemas
    say what may be written, the export's what is written. Properties stay in the model's
    order, the order ``exambank fmt`` writes keys in, so an editor completes them so too."""
    texts = {}
    for name, model in MODELS.items():
        mode: JsonSchemaMode = "serialization" if model is ExportDocument else "validation"
        generated = model.model_json_schema(mode=mode, schema_generator=_AsWritten)
        for node in (generated, *generated.get("$defs", {}).values()):
            if "description" in node:  # a model's docstring, unwrapped
                node["description"] = " ".join(node["description"].split())
        generated["description"] += f"\n\n{MARKDOWN_DIALECT}"
        if mode == "validation":  # an editor would head every field's hover with its model
            for node in (generated, *generated.get("$defs", {}).values()):
                del node["title"]
        if model is Section:
            _offer_rule_names(generated["$defs"]["Suppression"]["properties"]["ignore"])
        schema = {"$schema": SCHEMA_URL, "$id": name, **generated}
        if model is ExportDocument:  # what the export writes, not what an author types
            schema = for_lint(schema)
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def _offer_rule_names(ignore: JsonSchemaValue) -> None:
    """The rules a suppression may name, for an editor to complete (with what each checks)
    and to flag a misspelt one, as lint's unused-suppression does."""
    summaries = {
        name: rule.summary()
        for name, rule in sorted(RULES.items())
        if switchable(name) and name not in ABOUT_SUPPRESSIONS
    }
    keywords: JsonDict = {
        "enum": [*summaries],
        "enumDescriptions": [*summaries.values()],
        "errorMessage": "Not a rule a suppression can switch off: exambank rules lists "
        "them (lint: unused-suppression).",
    }
    ignore["items"].update(editor_only(keywords))


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
