"""schemas/ is generated from the model; a stale committed schema fails here.

The schemas are read by editors too: yaml-language-server before 1.20 validates them as
draft-07, and shows a property's description (and nothing else) when the author hovers.
"""

import json
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from pydantic import BaseModel

from exambank import schema, schema_files
from exambank.export_model import ExportDocument
from exambank.markdown import short_html, to_html
from exambank.model import Manifest, Markdown, Section
from exambank.schema_files import MARKDOWN_DIALECT
from tests.conftest import REPO, SEED_BANK

SOURCE_SCHEMAS = {"manifest.schema.json": Manifest, "section.schema.json": Section}
# Draft-07's keywords, and $defs (a $ref target only, which draft-07 editors resolve as any
# JSON pointer), and the annotations editors read (VS Code's JSON and YAML language servers):
# a keyword outside these would be ignored by an older editor, or mean something else there.
DRAFT_07 = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples",
    "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "items", "additionalItems",
    "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
    "required", "properties", "patternProperties", "additionalProperties", "dependencies",
    "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "format",
    "contentMediaType", "contentEncoding", "definitions", "readOnly", "writeOnly",
}  # fmt: skip
EDITOR_ANNOTATIONS = {
    "$defs", "defaultSnippets", "enumDescriptions", "errorMessage", "patternErrorMessage",
}  # fmt: skip
# Keywords whose value is a map of names to schemas, or an instance value, not a schema.
_NAMES_TO_SCHEMAS = {"properties", "patternProperties", "$defs", "definitions", "dependencies"}
_VALUES = {"enum", "const", "default", "examples", "defaultSnippets", "required"}


def _committed(name: str) -> Any:
    return json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))


def test_committed_schemas_match_the_model():
    for name, text in schema_files.generate().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `nox -s schemas`"


def test_generating_twice_gives_the_same_text_whatever_the_hash_seed():
    """Unsorted output (properties in the model's order) must not depend on a set's order."""
    script = "import json; from exambank import schema_files as s; print(json.dumps(s.generate()))"
    texts = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=environment
        )
        assert run.returncode == 0, run.stderr
        texts.append(json.loads(run.stdout))
    assert texts[0] == texts[1] == schema_files.generate()


def test_schemas_are_valid_draft_2020_12_and_draft_07_and_strict():
    for name in schema.MODELS:
        document = _committed(name)
        Draft202012Validator.check_schema(document)
        Draft7Validator.check_schema(document)
        assert document["additionalProperties"] is False


def _schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema in ``node`` (a schema), with its JSON pointer."""
    if not isinstance(node, dict):
        return
    yield where, node
    for keyword, value in node.items():
        if keyword in _VALUES:
            continue
        if keyword in _NAMES_TO_SCHEMAS:
            for key, sub in value.items():
                yield from _schemas(sub, f"{where}/{keyword}/{key}")
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                yield from _schemas(sub, f"{where}/{keyword}/{index}")
        else:
            yield from _schemas(value, f"{where}/{keyword}")


@pytest.mark.parametrize("name", list(schema.MODELS))
def test_schemas_use_only_keywords_a_draft_07_editor_knows(name):
    found = list(_schemas(_committed(name)))
    assert len(found) > 10
    for where, node in found:
        assert set(node) <= DRAFT_07 | EDITOR_ANNOTATIONS, (where, set(node) - DRAFT_07)
        # draft-07 ignores a $ref's siblings ({"$ref": ..., "description": ...})
        assert "$ref" not in node or set(node) == {"$ref"}, where


def test_the_keyword_check_sees_a_keyword_from_outside_draft_07():
    tuple_schema = {"type": "array", "prefixItems": [{"type": "string"}]}
    assert {"prefixItems"} <= {key for _, node in _schemas(tuple_schema) for key in node}
    assert not {"prefixItems"} <= DRAFT_07 | EDITOR_ANNOTATIONS


def test_every_bank_file_names_its_schema_for_editors():
    for path in sorted(SEED_BANK.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = "manifest" if path.name == "bank.yaml" else "section"
        assert first == f"# yaml-language-server: $schema=../../schemas/{expected}.schema.json"


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """``model`` and every model its fields hold, by name (as the schemas' $defs)."""
    found = {model.__name__: model}
    for field in model.model_fields.values():
        for held in _held(field.annotation):
            found |= _models(held)
    return found


def _held(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in typing.get_args(annotation) for model in _held(argument)]


def _holds_markdown(annotation: object) -> bool:
    return annotation == Markdown or any(map(_holds_markdown, typing.get_args(annotation)))


def _object_schemas(name: str, model: type[BaseModel]) -> Iterator[tuple[str, Any]]:
    """The model's name and its schema, and each of the models it holds."""
    document = _committed(name)
    yield model.__name__, document
    yield from document.get("$defs", {}).items()


def test_every_markdown_text_and_only_those_say_text_markdown():
    checked = 0
    for name, model in schema.MODELS.items():
        for title, node in _object_schemas(name, model):
            hints = typing.get_type_hints(_models(model)[title], include_extras=True)
            for key, property_schema in node["properties"].items():
                says = '"contentMediaType": "text/markdown"' in json.dumps(property_schema)
                assert says == _holds_markdown(hints[key]), f"{name}: {title}.{key}"
                checked += says
    assert checked == 19  # 1 field in the manifest, 9 in a section, 9 in the export


@pytest.mark.parametrize("name", list(SOURCE_SCHEMAS))
def test_every_property_an_author_writes_says_what_it_is(name):
    """An editor's hover shows the property's description, headed by a title if any (a
    title that repeats the key tells nothing; none heads it with the model's name)."""
    for where, node in _schemas(_committed(name)):
        assert "title" not in node, where
        assert node.get("default", "unset") is not None, where  # completes as "null"
    checked = 0
    for title, node in _object_schemas(name, SOURCE_SCHEMAS[name]):
        for key, property_schema in node["properties"].items():
            description = property_schema.get("description", "")
            assert 20 <= len(description) <= 200, f"{title}.{key}: {description}"
            assert "CommonMark" not in description, "the dialect is said once, at the top"
            for branch in property_schema.get("anyOf", []):  # an editor shows a branch's
                assert "description" not in branch, f"{title}.{key}"  # instead of the field's
            checked += 1
    assert checked == {"manifest.schema.json": 7, "section.schema.json": 23}[name]


def test_every_object_and_property_a_consumer_reads_says_what_it_is():
    """The export schema is a consumer's reference: every object and every key described,
    in words for a reader of the JSON, not advice for the author of the YAML."""
    checked = 0
    for title, node in _object_schemas("export.schema.json", ExportDocument):
        assert len(node.get("description", "")) >= 20, title
        for key, property_schema in node["properties"].items():
            description = property_schema.get("description", "")
            assert len(description) >= 20, f"{title}.{key}: {description}"
            for author_only in ("(optional)", "Quote", "YAML"):
                assert author_only not in description, f"{title}.{key}: {description}"
            checked += 1
    assert checked == 65


def test_the_export_describes_a_field_as_its_source_does_where_it_means_the_same():
    section = _committed("section.schema.json")["$defs"]
    export = _committed("export.schema.json")["$defs"]
    for source, exported, key in [
        ("Question", "ExportQuestion", "stem"),
        ("Question", "ExportQuestion", "explanation"),
        ("Option", "ExportOption", "text"),
        ("KeyTerm", "ExportKeyTerm", "definition"),
    ]:
        said = section[source]["properties"][key]["description"]
        assert export[exported]["properties"][key]["description"] == said
    # what the source leaves out, the export writes as null: it says so instead
    difficulty = export["ExportQuestion"]["properties"]["difficulty"]["description"]
    assert difficulty.endswith("(null where not given).")
    question_id = export["ExportQuestion"]["properties"]["id"]["description"]
    assert "unique across the whole bank" in question_id and "key to update" in question_id
    manifest = export["ExportManifest"]["properties"]
    assert manifest["title"]["description"].startswith("The bank's title as written in bank.yaml")


def test_the_values_of_type_say_what_they_mean():
    """Difficulty's are the author's own scale: exambank defines none."""
    question = _committed("section.schema.json")["$defs"]["Question"]["properties"]
    values = question["type"]
    assert len(values["enumDescriptions"]) == len(values["enum"]) >= 2


def test_properties_are_in_the_models_order_which_fmt_writes():
    for name, model in SOURCE_SCHEMAS.items():
        for title, node in _object_schemas(name, model):
            assert list(node["properties"]) == list(_models(model)[title].model_fields), title


def test_the_dialect_is_stated_once_in_each_schema_where_a_converter_reads():
    for name in schema.MODELS:
        text = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert _committed(name)["description"].endswith("\n\n" + MARKDOWN_DIALECT)
        assert text.count("CommonMark") == 1, name


def test_the_markdown_dialect_is_the_one_the_handouts_render():
    """If the renderer changes, the dialect every schema states must change with it."""
    for claim in ("CommonMark", "GFM tables", "strikethrough", "task lists", "bare web"):
        assert claim in MARKDOWN_DIALECT
    assert "<table>" in short_html("| a | b |\n|---|---|\n| 1 | 2 |")
    assert short_html("~~gone~~ - [ ] task https://example.com") == (
        "<p>~~gone~~ - [ ] task https://example.com</p>\n"
    )
    assert short_html("<b>raw</b>") == "<p>&lt;b&gt;raw&lt;/b&gt;</p>\n"
    assert short_html("# is a control character") == "<p># is a control character</p>\n"
    assert short_html("-----") == "<p>-----</p>\n"  # a row of dashes, not a rule
    assert to_html("-----") == "<hr />\n"
    assert to_html("# Notes\n\nSub\n---") == "<h3>Notes</h3>\n<h4>Sub</h4>\n"
