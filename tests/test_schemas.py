"""schemas/ is generated from the model; a stale committed schema fails here."""

import json
import typing

from jsonschema import Draft202012Validator
from pydantic import BaseModel

from exambank import schema
from exambank.markdown import short_html, to_html
from exambank.model import Markdown
from tests.conftest import REPO, SEED_BANK


def test_committed_schemas_match_the_model():
    for name, text in schema.generate().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `nox -s schemas`"


def test_schemas_are_valid_draft_2020_12_and_strict():
    for name in schema.MODELS:
        document = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(document)
        assert document["additionalProperties"] is False


def test_every_bank_file_names_its_schema_for_editors():
    for path in sorted(SEED_BANK.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = "manifest" if path.name == "bank.yaml" else "section"
        assert first == f"# yaml-language-server: $schema=../../schemas/{expected}.schema.json"


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """``model`` and every model its fields hold, by name (as the schemas' titles)."""
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


def test_every_markdown_text_and_only_those_say_text_markdown():
    checked = 0
    for name, model in schema.MODELS.items():
        document = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        for title, node in [(document["title"], document), *document.get("$defs", {}).items()]:
            hints = typing.get_type_hints(_models(model)[title], include_extras=True)
            for key, property_schema in node["properties"].items():
                says = '"contentMediaType": "text/markdown"' in json.dumps(property_schema)
                assert says == _holds_markdown(hints[key]), f"{name}: {title}.{key}"
                checked += says
    assert checked == 19  # 1 field in the manifest, 9 in a section, 9 in the export


def test_the_markdown_description_states_the_dialect_the_handouts_render():
    """If the renderer changes, the description every schema carries must change with it."""
    (described,) = {info.description for info in typing.get_args(Markdown)[1:]}
    assert described is not None
    for claim in ("CommonMark", "GFM tables", "strikethrough", "task lists", "bare web"):
        assert claim in described
    assert "<table>" in short_html("| a | b |\n|---|---|\n| 1 | 2 |")
    assert short_html("~~gone~~ - [ ] task https://example.com") == (
        "<p>~~gone~~ - [ ] task https://example.com</p>\n"
    )
    assert short_html("<b>raw</b>") == "<p>&lt;b&gt;raw&lt;/b&gt;</p>\n"
    assert short_html("# is a control character") == "<p># is a control character</p>\n"
    assert to_html("# Notes\n\nSub\n---") == "<h3>Notes</h3>\n<h4>Sub</h4>\n"
