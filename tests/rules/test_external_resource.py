from __future__ import annotations

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.rules.test_docstring_examples import as_yaml, example

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def external(found):
    return [(d.line, d.column, d.message) for d in found if d.rule == "external-resource"]


def with_stem(stem: str) -> str:
    return QUESTION.replace(STEM, f"stem: {stem}")


def test_file_and_http_images_are_errors_at_their_line_and_column(lint_questions):
    found = lint_questions(
        with_stem("'Leak ![x](file:///etc/passwd) and ![y](http://example.com/a.png)'")
    )
    inside = "; handouts use only files inside the bank folder"
    assert external(found) == [
        (5, 22, "image 'file:///etc/passwd' uses 'file:'" + inside),
        (5, 51, "image 'http://example.com/a.png' uses 'http:'" + inside),
    ]
    assert all(
        d.severity == "error" and d.question == "q1" for d in found if d.rule == "external-resource"
    )


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("https://example.com/x.png", "uses 'https:'"),
        ("/etc/hosts", "is an absolute path"),
        ("../other-bank/x.png", "leaves the bank folder"),
        ("images/../../x.png", "leaves the bank folder"),
        ("C:/Users/x.png", "uses 'C:'"),
        ("data:image/png;base64,AAAA", "uses 'data:'"),
        ("%2e%2e/%2e%2e/etc/passwd", "leaves the bank folder"),
        ("images/..%2f..%2fx.png", "leaves the bank folder"),
    ],
)
def test_targets_outside_the_bank_folder(lint_questions, target, problem):
    found = external(lint_questions(with_stem(f"'See ![x]({target})'")))
    assert len(found) == 1 and problem in found[0][2]


@pytest.mark.parametrize(
    "target", ["images/x.png", "./x.png", "images/sub/../x.png", "#answer-key"]
)
def test_relative_targets_inside_the_bank_pass(lint_questions, target):
    assert external(lint_questions(with_stem(f"'See ![x]({target}) and [y]({target})'"))) == []


def test_links_autolinks_and_references_are_checked_too(lint_questions):
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: |\n  See <https://aws.amazon.com>.\n\n  And [the docs][d].\n\n  [d]: /docs",
    )
    found = external(lint_questions(question))
    assert [(line, message.split("'")[1]) for line, _, message in found] == [
        (13, "https://aws.amazon.com"),
        (17, "/docs"),
    ]


def test_notes_tips_definitions_feedback_and_description_are_checked(lint_bank):
    question = QUESTION.replace(
        "  B: AWS Lambda", "  B:\n    text: AWS Lambda\n    feedback: '![f](http://x/f.png)'"
    )
    extra = (
        "notes: |\n  Intro.\n\n  ![n](http://x/n.png)\n"
        "key_terms:\n  - term: AMT\n    definition: '[d](file:///d)'\n"
        "exam_tips:\n  - '![t](//x/t.png)'\n"
    )
    manifest = (
        "id: test-bank\ntitle: Test bank\ndescription: '![m](http://x/m.png)'\nsections: [main]\n"
    )
    result = lint_bank({"01-main.yaml": section_yaml(question, extra=extra)}, manifest)
    found = sorted(
        (d.path.rsplit("/", 1)[-1], d.line, d.message.split("'")[1])
        for d in result.diagnostics
        if d.rule == "external-resource"
    )
    assert found == [
        ("01-main.yaml", 6, "http://x/n.png"),
        ("01-main.yaml", 9, "file:///d"),
        ("01-main.yaml", 11, "//x/t.png"),
        ("01-main.yaml", 19, "http://x/f.png"),
        ("bank.yaml", 3, "http://x/m.png"),
    ]


def test_exambank_lint_reports_it_and_exits_1(tmp_path, capsys):
    bank = write_bank(
        tmp_path / "bank",
        {"01-main.yaml": section_yaml(with_stem("'![x](file:///etc/passwd)'"))},
    )
    assert main(["lint", str(bank)]) == 1
    out = capsys.readouterr().out
    assert "01-main.yaml:5:17: error external-resource image 'file:///etc/passwd'" in out
    assert "hint: copy the image into the bank folder" in out


def test_documented_examples(lint_questions):
    bad = external(lint_questions(as_yaml(example("external-resource", "Bad"))))
    good = external(lint_questions(as_yaml(example("external-resource", "Good"))))
    assert len(bad) == 1 and good == []


def test_a_symlink_out_of_the_bank_is_an_error(tmp_path, lint_bank):
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "link.png").symlink_to("/etc/passwd")
    found = lint_bank({"01-main.yaml": section_yaml(with_stem("'See ![x](link.png)'"))})
    [(_, _, message)] = external(found.diagnostics)
    assert "symbolic link" in message
