"""schemas/ is generated from the model; a stale committed schema fails here."""

import json

from jsonschema import Draft202012Validator

from exambank import schema
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
