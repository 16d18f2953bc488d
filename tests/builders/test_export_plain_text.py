"""Each text of the exports as plain text, for a reader or an importer that takes no markup:
the JSON's ``_text`` beside every ``_html``, and the CSV's texts with ``--csv-text plain``
(Kahoot, Google Forms and plain Anki show ``**`` and backticks as they are)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.cli import main
from exambank.lint import lint
from exambank.plain_text import short_text, to_text
from tests.builders.test_csv_columns import unguarded
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
# Every kind of Markdown a stem may hold, and what a reader of the plain text gets.
STEM_MARKDOWN = (
    "Which **two** lines print `2`? See [the docs](https://docs.python.org/3/) or "
    "<https://python.org>, [https://pypi.org](https://pypi.org) and [notes](notes.md).\n"
    "It costs 5 &euro; -> *fast* \\*really\\*, <b>raw</b>.\n\n"
    "```python\nx = 1  # one\n\n  print(x + 1)\n```\n\n"
    "- first `a`\n- second\n  1. nested\n  2. again\n\n"
    "| Service | Use |\n|---|---|\n| S3 | **objects** |\n\n"
    "![A bar chart](images/chart.png) and ![Logo](https://example.com/logo.png)"
)
STEM_TEXT = (
    "Which two lines print 2? See the docs (https://docs.python.org/3/) or "
    "https://python.org, https://pypi.org and notes. "
    "It costs 5 \u20ac \u2192 fast *really*, <b>raw</b>.\n\n"
    "x = 1  # one\n\n  print(x + 1)\n\n"
    "\u2022 first a\n\u2022 second\n  1. nested\n  2. again\n\n"
    "Service | Use\nS3 | objects\n\n"
    "A bar chart and Logo"
)


def _bank(tmp_path: Path, question: str = QUESTION, extra: str = "", manifest: str | None = None):
    root = write_bank(
        tmp_path / "bank", {"01-main.yaml": section_yaml(question, extra=extra)}, manifest
    )
    (root / "images").mkdir()
    (root / "images" / "chart.png").write_bytes(blank_png(4, 4))
    return lint([root]).banks[0]


def _question(stem: str) -> str:
    return QUESTION.replace(STEM, f"stem: {json.dumps(stem)}").replace(
        "  B: AWS Lambda", "  B: {text: '`lambda x: x`', feedback: 'Runs **code**, not ML.'}"
    )


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_stem_as_plain_text_keeps_code_drops_marks_and_prints_links_and_images(tmp_path):
    bank = _bank(tmp_path, _question(STEM_MARKDOWN))
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    (question,) = document["sections"][0]["questions"]
    assert question["stem_text"] == STEM_TEXT
    option_a, option_b, *_ = question["options"]
    assert (option_a["text_text"], option_a["feedback_text"]) == ("Amazon SageMaker", None)
    assert (option_b["text_text"], option_b["feedback_text"]) == (
        "lambda x: x",
        "Runs code, not ML.",
    )
    assert question["explanation_text"] == "SageMaker covers the whole ML lifecycle."
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_every_text_with_html_has_its_plain_text_beside_it(tmp_path):
    extra = """\
summary: "# Storage\\n\\nS3 **stores** objects."
notes: "## Buckets\\n\\nA bucket holds *objects*.\\n\\n1. Create\\n2. Fill"
key_terms:
  - {term: S3, definition: "# of buckets: **many**"}
exam_tips: ["Read `s3://` paths", "Statements:\\nI. one.\\nII. two."]
"""
    manifest = (
        "id: test-bank\ntitle: Test bank\n"
        'description: "About **S3**.\\n\\n# Scope\\n\\n- buckets"\nsections: [main]\n'
    )
    bank = _bank(tmp_path, extra=extra, manifest=manifest)
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    assert document["manifest"]["description_text"] == "About S3.\n\nScope\n\n\u2022 buckets"
    (section,) = document["sections"]
    assert section["summary_text"] == "Storage\n\nS3 stores objects."  # a heading: a paragraph
    assert section["notes_text"] == "Buckets\n\nA bucket holds objects.\n\n1. Create\n2. Fill"
    assert section["key_terms"][0]["definition_text"] == "# of buckets: many"  # no heading
    # the statements keep their lines, as the HTML keeps them with a br
    assert section["exam_tips_text"] == ["Read s3:// paths", "Statements:\nI. one.\nII. two."]
    keys = [key for key in _keys(document) if key.endswith("_html")]
    assert keys and all(key.removesuffix("_html") + "_text" in _keys(document) for key in keys)


def _keys(node: object) -> set[str]:
    """Every key of every object in ``node``, however deep."""
    if isinstance(node, dict):
        return set(node).union(*map(_keys, node.values()))
    if isinstance(node, list):
        return set().union(*map(_keys, node))
    return set()


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("`` `code` ``", "`code`"),  # a code span holding backticks keeps them
        ("3. third\n4. fourth", "3. third\n4. fourth"),  # numbered from where it starts
        ("2. Normalform", "2. Normalform"),  # a lone item is text, as in the handouts
        ("Tom &amp; Jerry &lt;3 &#8212; \\# not", "Tom & Jerry <3 \u2014 # not"),
        ("![](images/x.png)", ""),  # no description: nothing, as the HTML prints it
        ("line one\nline two", "line one line two"),  # a soft break shows as a space
        ("line one  \nline two", "line one\nline two"),  # a hard break stays
        ("> **Note:** quoted", "Note: quoted"),
        # print's no-break space and word joiner would defeat a search typed with a space
        ("at 100 Mbit/s -- fast", "at 100 Mbit/s \u2013 fast"),
        ("See ![](x.png)", "See"),  # no line ends in the space before nothing
        # nor is a space left twice where nothing stood, or at a line's start
        ("Images ![](x.png) and ![](y.png) ![](z.png) semi", "Images and semi"),
        ("![](x.png) Images\nand ![](y.png)\nmore", "Images and more"),
        ("line one  \n![](x.png) line two", "line one\nline two"),
        ("| a ![](x.png) b |\n|---|\n| ![](y.png) c |", "a b\nc"),
        ("`a ` ![](x.png) ` b`", "a   b"),  # a code span keeps its spaces
    ],
)
def test_plain_text_of_short_texts(markdown, text):
    assert short_text(markdown) == text


def test_an_image_with_no_description_leaves_one_space_in_the_json_and_the_csv(tmp_path):
    """A search for "Images and" finds the text, in the JSON's _text and the plain CSV."""
    bank = _bank(tmp_path, _question("Images ![](images/chart.png) and `x  y` here"))
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    (question,) = document["sections"][0]["questions"]
    assert question["stem_text"] == "Images and x  y here"
    assert '<img src="images/chart.png" />' in question["stem_html"]  # the HTML shows it
    (row,) = _rows(CsvBuilder().build(bank, Settings(csv_text="plain"))[0].data)
    assert row["stem"] == "Images and x  y here"


def test_a_block_text_keeps_its_headings_as_paragraphs():
    assert to_text("# Title\n\nBody\n\n---\n\n## Sub") == "Title\n\nBody\n\nSub"


def test_the_csv_gives_plain_text_when_asked_and_markdown_by_default(tmp_path):
    question = _question("Which **two** lines print `2`?\n\n```\n=1+1\n```")
    bank = _bank(tmp_path, question)
    (written,) = _rows(CsvBuilder().build(bank, Settings())[0].data)
    (plain,) = _rows(CsvBuilder().build(bank, Settings(csv_text="plain"))[0].data)
    assert written["stem"] == "Which **two** lines print `2`?\n\n```\n=1+1\n```"
    assert (written["option_b"], written["feedback_b"]) == (
        "`lambda x: x`",
        "Runs **code**, not ML.",
    )
    # the formula guard holds for the plain text too, and un-guarding gives the JSON's _text
    assert plain["stem"] == "Which two lines print 2?\n\n=1+1"
    assert (plain["option_b"], plain["feedback_b"]) == ("lambda x: x", "Runs code, not ML.")
    assert list(plain) == list(written)  # the same columns, in the same places
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    (exported,) = document["sections"][0]["questions"]
    back = unguarded(plain)
    assert back["stem"] == exported["stem_text"]
    assert back["explanation"] == exported["explanation_text"]
    assert [back[f"option_{o['letter'].lower()}"] for o in exported["options"]] == [
        o["text_text"] for o in exported["options"]
    ]


def test_build_takes_csv_text_from_the_command_line(tmp_path, capsys):
    bank = _bank(tmp_path, _question("Which **two** lines print `2`?"))
    out = tmp_path / "dist"
    assert main(["build", str(bank.root), "--only", "csv", "--out", str(out)]) == 0
    (row,) = _rows((out / "test-bank" / "test-bank-questions.csv").read_bytes())
    assert row["stem"] == "Which **two** lines print `2`?"
    arguments = ["build", str(bank.root), "--only", "csv", "--csv-text", "plain", "--out"]
    assert main([*arguments, str(out)]) == 0
    (row,) = _rows((out / "test-bank" / "test-bank-questions.csv").read_bytes())
    assert row["stem"] == "Which two lines print 2?"
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["build", str(bank.root), "--csv-text", "html"])
    assert "invalid choice: 'html'" in capsys.readouterr().err
