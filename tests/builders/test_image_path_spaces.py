"""An image whose file name has a space ("mein bild.png"), written as lint's hint says, is
printed in the PDF and shipped with the JSON; written bare, lint stops it."""

from __future__ import annotations

import json

import pytest

from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from exambank.lint import lint
from tests.builders.test_pdf import images
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def bank_showing(make_bank, image: str):
    from PIL import Image

    question = QUESTION.replace(STEM, f"stem: 'Was zeigt das Bild? {image}'")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / "bilder").mkdir()
    Image.new("RGB", (40, 20), "red").save(bank.root / "bilder" / "mein bild.png")
    return bank


@pytest.mark.parametrize(
    "image",
    ["![Ein rotes Rechteck](<bilder/mein bild.png>)", "![Ein Rechteck](bilder/mein%20bild.png)"],
)
def test_a_path_with_a_space_written_as_the_hint_says_prints_and_ships(make_bank, image):
    bank = bank_showing(make_bank, image)
    assert [d for d in lint([bank.root]).diagnostics if d.severity == "error"] == []
    student = PdfBuilder().build(bank, Settings())[0]
    assert (student.notes, images(student.data)) == ((), 1)
    document = JsonBuilder().build(bank, Settings())[0]
    assert [item["path"] for item in json.loads(document.data)["resources"]] == [
        "bilder/mein bild.png"
    ]


def test_a_bare_path_with_a_space_stops_the_build_at_lint(make_bank):
    bank = bank_showing(make_bank, "![Ein rotes Rechteck](bilder/mein bild.png)")
    rules = {d.rule for d in lint([bank.root]).diagnostics if d.severity == "error"}
    assert rules == {"unread-image"}
    assert json.loads(JsonBuilder().build(bank, Settings())[0].data)["resources"] == []
