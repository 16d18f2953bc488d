"""An image the exports do not ship (a web address, a path out of the bank folder, a
``data:`` URI, a file the folder lacks) is no img in the JSON's HTML, where a question
switches off the rules that refuse it: it prints as its description, as the handouts print
it, so every img leads to a file in ``resources`` and a page made of the HTML fetches
nothing from elsewhere. The build's note quotes such a target as written."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.lint import lint
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
WEB = "https://evil.example/track.png?u=1"
SHOWING = (
    QUESTION.replace(
        STEM,
        f"stem: 'Which logo? ![AWS logo]({WEB}), ![the chart](images/ok.png), "
        "![y](../outside.png), ![](https://x.example/blank.png) and "
        "![dot](data:image/png;base64,AAAA)'",
    )
    .replace(
        "  B: AWS Lambda",
        "  B:\n    text: '![A Lambda diagram](gone.png)'\n"
        "    feedback: 'See ![a & b](<//evil.example/f.png> \"T\")'",
    )
    .replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: '![An anchor](#answer) ![the chart](./images/ok.png)'",
    )
    .replace(
        "answer: A",
        "answer: A\nlint:\n  ignore: [external-resource, missing-resource, image-alt]\n"
        "  reason: a test",
    )
)
SECTION_TEXTS = f"""\
summary: "![Summary]({WEB})"
notes: "# Notes\\n\\n![Notes](../outside.png)"
key_terms:
  - term: Logo
    definition: "![A logo]({WEB})"
exam_tips: ["![A tip](https://evil.example/tip.png)"]
"""


def bank_with_unshipped_images(root: Path) -> Bank:
    """``SHOWING`` and ``SECTION_TEXTS``, with images/ok.png, a file outside the bank, and
    one inside it where the web address's path, normalised, would lead."""
    write_bank(root, {"01-main.yaml": section_yaml(SHOWING, extra=SECTION_TEXTS)})
    for name in ("images/ok.png", "https:/evil.example/track.png", "../outside.png"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(blank_png(4, 4))
    return lint([root]).banks[0]


def html_texts(value: Any) -> Iterator[str]:
    """Every ``*_html`` text of the export document, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_html") and isinstance(item, str):
                yield item
            elif key.endswith("_html") and isinstance(item, list):
                yield from item
            else:
                yield from html_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from html_texts(item)


def test_every_img_of_the_json_leads_to_a_shipped_file(tmp_path):
    document, *files = JsonBuilder().build(bank_with_unshipped_images(tmp_path), Settings())
    exported = json.loads(document.data)
    assert [file.name for file in files] == ["images/ok.png"]
    assert [resource["path"] for resource in exported["resources"]] == ["images/ok.png"]
    texts = list(html_texts(exported))
    sources = [src for text in texts for src in re.findall(r'<img src="([^"]*)"', text)]
    # The README's mapping: cut at "?" and "#", percent-decode, and it is in resources
    assert sources == ["images/ok.png", "./images/ok.png"]
    assert not any("evil.example" in text or "outside" in text for text in texts)
    section = exported["sections"][0]
    question = section["questions"][0]
    assert question["stem_html"] == (
        '<p>Which logo? AWS logo, <img src="images/ok.png" alt="the chart" />, y,  and dot</p>\n'
    )
    assert question["options"][1]["text_html"] == "<p>A Lambda diagram</p>\n"
    assert question["options"][1]["feedback_html"] == "<p>See a &amp; b</p>\n"
    assert question["explanation_html"] == (
        '<p>An anchor <img src="./images/ok.png" alt="the chart" /></p>\n'
    )
    assert section["summary_html"] == "<p>Summary</p>\n"
    assert section["notes_html"] == "<h3>Notes</h3>\n<p>Notes</p>\n"
    assert section["key_terms"][0]["definition_html"] == "<p>A logo</p>\n"
    assert section["exam_tips_html"] == ["<p>A tip</p>\n"]
    assert question["images"] == ["images/ok.png"]
    assert [use["field"] for use in question["image_uses"]] == ["/stem", "/explanation"]
    assert section["images"] == [] and section["image_uses"] == []
    assert question["stem"].count(WEB) == 1  # the Markdown keeps what the author wrote


def test_the_csv_lists_only_the_shipped_image(tmp_path):
    table, *files = CsvBuilder().build(bank_with_unshipped_images(tmp_path), Settings())
    (row,) = csv.DictReader(io.StringIO(table.data.decode("utf-8-sig"), newline=""))
    assert (row["images"], row["image_alts"]) == ("images/ok.png", "the chart")
    assert [file.name for file in files] == ["images/ok.png"]


def test_the_note_quotes_a_web_address_as_written(tmp_path):
    document, *_ = JsonBuilder().build(bank_with_unshipped_images(tmp_path), Settings())
    at = f"{tmp_path / '01-main.yaml'}:"  # then where each is first written
    assert document.notes == (
        f"{at}3:22: not shipped: the image {WEB} (it uses 'https:', not a path inside the "
        "bank folder)",
        f"{at}4:29: not shipped: the image ../outside.png (it leaves the bank folder as written)",
        f"{at}8:23: not shipped: the image https://evil.example/tip.png (it uses 'https:', "
        "not a path inside the bank folder)",
        f"{at}11:128: not shipped: the image https://x.example/blank.png (it uses 'https:', "
        "not a path inside the bank folder)",
        f"{at}11:168: not shipped: the image data:image/png;base64,AAAA (it uses 'data:', not "
        "a path inside the bank folder)",
        f"{at}15:36: not shipped: the image gone.png (no file inside the bank folder)",
        f"{at}16:34: not shipped: the image //evil.example/f.png (it is an absolute path)",
    )
