"""Each question and section of the JSON, and each CSV row, names the images its texts show
by their path in ``resources``, so a converter attaches to each question its own files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.cli import main
from exambank.link_targets import target_path
from exambank.lint import lint
from tests.builders.conftest import RECORD
from tests.builders.test_image_limits import blank_png
from tests.builders.test_json_images import (
    EXTRA,
    FILES,
    MANIFEST,
    SHOWING,
    STEM,
    image_bank,
    write_files,
)
from tests.conftest import QUESTION, section_yaml, write_bank

QUESTION_IMAGES = ["diagram.webp", "images/Red Bar.PNG"]
SECTION_IMAGES = ["images/chart.png", "plots/p.gif"]  # the bank's logo is the manifest's


def test_questions_and_sections_list_the_images_their_own_texts_show(tmp_path):
    bank = lint([image_bank(tmp_path / "bank")]).banks[0]
    document, *_ = JsonBuilder().build(bank, Settings())
    (section,) = json.loads(document.data)["sections"]
    assert section["images"] == SECTION_IMAGES
    assert [question["images"] for question in section["questions"]] == [QUESTION_IMAGES]
    paths = {resource["path"] for resource in json.loads(document.data)["resources"]}
    assert set(QUESTION_IMAGES + SECTION_IMAGES) < paths


def test_an_img_src_leads_to_its_listed_image_as_the_schema_says(tmp_path):
    """A src is percent-encoded (a space, Cyrillic letters); cut at "?" and "#" and
    decoded, it is a path of ``images``."""
    bank = tmp_path / "bank"
    stem = "stem: 'Which? ![A scheme](<images/схема 1.png?v=2>)'"
    write_bank(bank, {"01-main.yaml": section_yaml(QUESTION.replace(STEM, stem))})
    (bank / "images").mkdir()
    (bank / "images" / "схема 1.png").write_bytes(blank_png(4, 4))
    document, image = JsonBuilder().build(lint([bank]).banks[0], Settings())
    (question,) = json.loads(document.data)["sections"][0]["questions"]
    assert question["images"] == [image.name] == ["images/схема 1.png"]
    assert 'src="images/%D1%81%D1%85%D0%B5%D0%BC%D0%B0%201.png?v=2"' in question["stem_html"]
    src = question["stem_html"].split('src="')[1].split('"')[0]
    assert target_path(src) == image.name  # cut at ? and #, then percent-decoded


def test_an_image_that_is_not_shipped_is_not_listed(make_bank):
    question = QUESTION.replace(STEM, "stem: 'Which? ![Gone](gone.png)'").replace(
        "answer: A", "answer: A\nlint: {ignore: [missing-resource], reason: a test}"
    )
    document, *images = JsonBuilder().build(
        make_bank({"01-main.yaml": section_yaml(question)}), Settings()
    )
    assert images == []
    assert json.loads(document.data)["sections"][0]["questions"][0]["images"] == []
    (note,) = document.notes
    assert note.endswith(": not shipped: the image gone.png (no file inside the bank folder)")


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_csv_row_names_its_images_one_a_line_and_ships_them(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(SHOWING, extra=EXTRA)}, MANIFEST)
    write_files(bank.root)
    table, *images = CsvBuilder().build(bank, Settings())
    (row,) = rows(table.data)
    assert row["images"].split("\n") == QUESTION_IMAGES
    assert [(image.name, image.data) for image in images] == [
        (path, FILES[path]) for path in QUESTION_IMAGES
    ]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != RECORD  # what the build ships, not its record
    }


def test_json_and_csv_built_together_write_each_image_once_and_the_same_twice(tmp_path, capsys):
    bank = image_bank(tmp_path / "bank")
    builds = []
    for out in ("one", "two"):
        arguments = ["build", str(bank), "--out", str(tmp_path / out), "--only", "json,csv"]
        assert main(arguments) == 0
        builds.append(tree(tmp_path / out / "test-bank"))
    assert builds[0] == builds[1]  # byte-identical
    assert sorted(builds[0]) == sorted(
        [*FILES.keys() - {"notes.txt"}, "test-bank.json", "test-bank-questions.csv"]
    )
    printed = capsys.readouterr().out
    assert printed.count("wrote ") == 2 * 7 and printed.count("Red Bar.PNG") == 2


def test_target_path_is_still_where_earlier_readmes_told_scripts_to_import_it():
    from exambank import link_targets, markdown

    assert markdown.target_path is link_targets.target_path
