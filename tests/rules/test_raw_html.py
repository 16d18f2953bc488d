"""raw-html: tags in Markdown text are errors; a lone '<' and autolinks are not HTML."""

import pytest

from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def html_findings(found):
    return [(d.line, d.message) for d in found if d.rule == "raw-html"]


@pytest.mark.parametrize(
    "stem", ["'Which <b>one</b>?'", "'Which one?<br/>Pick it.'", "'Which <!-- x --> one?'"]
)
def test_tags_in_a_stem_are_errors_at_its_line(lint_questions, stem):
    found = lint_questions(QUESTION.replace(STEM, f"stem: {stem}"))
    [(line, message)] = html_findings(found)
    assert line == 5 and message.startswith("raw HTML in the text: <")


def test_html_block_in_an_explanation(lint_questions):
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: |\n  <div>SageMaker</div>\n",
    )
    assert html_findings(lint_questions(question)) == [
        (13, "raw HTML in the text: <div>SageMaker</div>")  # the tag's line, in the block
    ]


def test_a_tag_deep_in_the_notes_is_reported_where_it_is(lint_bank):
    notes = "notes: >-\n  First line.\n\n  Second, with a <br/> in it.\n"
    found = lint_bank({"01-main.yaml": section_yaml(QUESTION, extra=notes)}).diagnostics
    assert [(d.line, d.column) for d in found if d.rule == "raw-html"] == [(6, 18)]


def test_a_stem_tag_is_pointed_at_to_the_column(lint_questions):
    found = lint_questions(QUESTION.replace(STEM, "stem: 'Which <b>one</b>?'"))
    assert [(d.line, d.column) for d in found if d.rule == "raw-html"] == [(5, 18)]


@pytest.mark.parametrize(
    "stem",
    [
        "'Payloads <= 6 MB: which one?'",
        "'See <https://aws.amazon.com>: which?'",
        "'Which `<b>` tag bolds?'",
    ],
)
def test_lone_angle_brackets_autolinks_and_code_are_not_html(lint_questions, stem):
    assert html_findings(lint_questions(QUESTION.replace(STEM, f"stem: {stem}"))) == []


def test_a_tag_is_placed_in_a_file_with_carriage_return_line_ends(lint_bank):
    notes = "notes: >-\n  First.\n\n  A <br/> here.\n"
    text = section_yaml(QUESTION, extra=notes).replace("\n", "\r").encode()
    found = lint_bank({"01-main.yaml": text}).diagnostics
    assert [(d.line, d.column) for d in found if d.rule == "raw-html"] == [(6, 5)]
