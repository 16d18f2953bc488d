"""Each Markdown text of the JSON export has its HTML beside it, rendered as the handouts
render it, so a converter to an LMS need not reimplement the project's Markdown."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from exambank import schema_files
from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
STATEMENTS = "Consider the statements:\nI. TCP is reliable.\nII. UDP is not.\nWhich are correct?"
SECTION = """\
summary: "# Storage\\n\\nS3 <b>stores</b> objects."
notes: |
  ## Buckets

  A bucket holds [objects](https://aws.amazon.com/s3/) -> see [the notes](notes.md).
key_terms:
  - {term: S3, definition: "# of buckets: **many**"}
exam_tips: ["Read `s3://` paths", "# is a comment"]
"""


def exported(make_bank, *questions: str, manifest: str | None = None, extra: str = ""):
    bank = make_bank({"01-main.yaml": section_yaml(*questions, extra=extra)}, manifest)
    (output,) = JsonBuilder().build(bank, Settings())
    return json.loads(output.data)


def test_question_texts_are_rendered_as_the_handouts_render_them(make_bank):
    question = QUESTION.replace(STEM, f"stem: {json.dumps(STATEMENTS)}").replace(
        "  B: AWS Lambda", "  B: {text: '# AWS Lambda', feedback: 'Runs *code*, <i>no</i> ML.'}"
    )
    document = exported(make_bank, question)
    (row,) = document["sections"][0]["questions"]
    # statements keep their lines, where CommonMark alone would join them into one
    assert row["stem_html"] == (
        "<p>Consider the statements:<br />\nI. TCP is reliable.<br />\nII. UDP is not.<br />\n"
        "Which are correct?</p>\n"
    )
    assert row["explanation_html"] == "<p>SageMaker covers the whole ML lifecycle.</p>\n"
    option_a, option_b, *_ = row["options"]
    assert (option_a["text_html"], option_a["feedback_html"]) == ("<p>Amazon SageMaker</p>\n", None)
    assert option_b["text_html"] == "<p># AWS Lambda</p>\n"  # a short text has no heading
    assert option_b["feedback_html"] == "<p>Runs <em>code</em>, &lt;i&gt;no&lt;/i&gt; ML.</p>\n"


def test_section_texts_keep_headings_where_the_handouts_do(make_bank):
    document = exported(make_bank, QUESTION, extra=SECTION)
    section = document["sections"][0]
    assert (
        section["summary_html"]
        == "<h3>Storage</h3>\n<p>S3 &lt;b&gt;stores&lt;/b&gt; objects.</p>\n"
    )
    # a link prints as its words, a web address after them, as on paper; "->" as an arrow
    assert section["notes_html"] == (
        "<h3>Buckets</h3>\n"
        "<p>A bucket holds objects (https://aws.amazon.com/s3/) \u2192 see the notes.</p>\n"
    )
    assert section["key_terms"] == [
        {
            "term": "S3",
            "definition": "# of buckets: **many**",
            "definition_html": "<p># of buckets: <strong>many</strong></p>\n",
            "definition_text": "# of buckets: many",
        }
    ]
    assert section["exam_tips_html"] == [
        "<p>Read <code>s3://</code> paths</p>\n",
        "<p># is a comment</p>\n",
    ]


def test_a_section_without_summary_or_notes_has_no_html_for_them(make_bank):
    section = exported(make_bank, QUESTION)["sections"][0]
    assert section["summary"] is section["summary_html"] is None
    assert section["notes"] is section["notes_html"] is None
    assert section["exam_tips_html"] == [] and section["images"] == []


def test_numbers_are_grouped_as_the_banks_language_groups_them(make_bank):
    stem = "stem: 'Il coûte 1 000 € ?'"
    french = "id: test-bank\ntitle: Test bank\nlanguage: fr\nsections: [main]\n"
    english = "id: test-bank\ntitle: Test bank\nsections: [main]\n"
    html = {
        language: exported(make_bank, QUESTION.replace(STEM, stem), manifest=manifest)["sections"][
            0
        ]["questions"][0]["stem_html"]
        for language, manifest in (("fr", french), ("en", english))
    }
    assert html == {
        "fr": "<p>Il coûte 1\u202f000\u00a0€ ?</p>\n",
        "en": "<p>Il coûte 1 000\u00a0€ ?</p>\n",
    }


def test_the_document_validates_against_the_generated_schema(make_bank):
    document = exported(make_bank, QUESTION, extra=SECTION)
    schema = json.loads(schema_files.generate()["export.schema.json"])
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(document)) == []
    document["sections"][0]["questions"][0]["options"][0]["text_html"] = None
    (error,) = validator.iter_errors(document)
    assert error.message == "None is not of type 'string'"
    question = schema["$defs"]["ExportQuestion"]["properties"]
    assert question["stem_html"]["contentMediaType"] == "text/html"
