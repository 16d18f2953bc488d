"""comment-in-text: a ' #' in unquoted prose starts a YAML comment that cuts the text."""

from __future__ import annotations

import json
from pathlib import Path

from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank


def cut(root: Path) -> list[tuple[str, int, int, str, str | None]]:
    found = lint([root], Config()).diagnostics
    return [
        (Path(d.path).name, d.line, d.column, d.message.split(":")[0], d.question)
        for d in found
        if d.rule == "comment-in-text"
    ]


def test_prose_cut_by_a_comment_is_reported_at_the_hash(tmp_path):
    question = QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?",
        "stem: Which AWS service is best? #1 choice",
    ).replace("  B: AWS Lambda", "  B: AWS Lambda # serverless")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert cut(root) == [
        ("01-main.yaml", 5, 38, "the text stops before '#1 choice'", "q1"),
        ("01-main.yaml", 8, 21, "the text stops before '# serverless'", "q1"),
    ]
    [first, _] = [d for d in lint([root], Config()).diagnostics if d.rule == "comment-in-text"]
    assert first.severity == "warning"
    assert first.hint and first.hint.startswith("put the whole text in double quotes")


def test_every_kind_of_prose_counts_and_nothing_else_does(tmp_path):
    question = (
        QUESTION.replace(
            "  A: Amazon SageMaker", "  A:\n    text: Amazon SageMaker\n    feedback: Yes #1"
        )
        .replace("answer: A", "answer: A  # checked by Ann")
        .replace("explanation: SageMaker", "explanation: SageMaker #ml")
        .replace("id: q1", "id: q1  # from the 2024 exam")
        + "tags:\n  - aws  # the main tag\ndifficulty: easy # guess\n"
    )
    extra = (
        "summary: Short #1\nkey_terms:\n  - term: AMT # tuning\n    definition: Tuning #auto\n"
        "exam_tips:\n  - Read twice #tip\n"
    )
    manifest = "id: test-bank  # slug\ntitle: Test bank # draft\nsections: [main]\n"
    section = section_yaml(question, extra=extra).replace("title: Main", "title: Main # part 1")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section}, manifest)
    found = cut(root)
    assert [(name, line) for name, line, *_ in found] == [
        ("01-main.yaml", 2),  # the section's title
        ("01-main.yaml", 3),  # summary
        ("01-main.yaml", 5),  # key term
        ("01-main.yaml", 6),  # its definition
        ("01-main.yaml", 8),  # exam tip
        ("01-main.yaml", 15),  # an option's feedback
        ("01-main.yaml", 20),  # explanation
        ("bank.yaml", 2),  # the bank's title
    ], found
    assert [question for *_, question in found] == [None] * 5 + ["q1", "q1", None]


def test_quoted_and_block_text_keeps_its_hash_and_own_line_comments_are_fine(tmp_path):
    question = (
        QUESTION.replace(
            "stem: Which AWS service trains, tunes and deploys ML models?",
            'stem: "Which service is #1?"  # a note beside quoted text is a comment only',
        )
        .replace("  B: AWS Lambda", "  # a comment on its own line\n  B: Issue C#2 and x#y")
        .replace(
            "explanation: SageMaker covers the whole ML lifecycle.", "explanation: >-\n  See #3"
        )
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert cut(root) == []


def test_a_note_set_two_spaces_off_is_taken_as_meant(tmp_path):
    question = QUESTION.replace("  B: AWS Lambda", "  B: AWS Lambda  # serverless").replace(
        "  C: Amazon EC2", "  C: Amazon EC2\t\t# virtual machines"
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert cut(root) == []


def test_a_comment_after_a_zero_false_or_null_is_reported_as_after_other_text(tmp_path):
    question = QUESTION.replace(
        "  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2",
        "  A: 0 #1\n  B: false #2 pick\n  C: ~ #3",
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert cut(root) == [
        ("01-main.yaml", 7, 12, "the text stops before '#1'", "q1"),
        ("01-main.yaml", 8, 16, "the text stops before '#2 pick'", "q1"),
        ("01-main.yaml", 9, 12, "the text stops before '#3'", "q1"),
    ]


def test_a_comment_after_a_multi_line_text_is_found_on_its_last_line(tmp_path):
    question = QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?",
        "stem: Which AWS service trains,\n  tunes and deploys ML models? #ml",
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert cut(root) == [("01-main.yaml", 6, 36, "the text stops before '#ml'", "q1")]


def test_the_json_export_holds_the_cut_text_the_warning_is_about(tmp_path, capsys):
    question = QUESTION.replace("  B: AWS Lambda", "  B: AWS Lambda # serverless")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert main(["build", str(root), "--only", "json", "--out", str(tmp_path / "out")]) == 0
    [exported] = (tmp_path / "out").rglob("*.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    options = data["sections"][0]["questions"][0]["options"]
    assert options[1]["text"] == "AWS Lambda"  # what the warning says would print


def test_a_suppression_in_the_question_silences_it(tmp_path):
    question = QUESTION.replace("  B: AWS Lambda", "  B: AWS Lambda # serverless")
    suppression = "lint: {ignore: [comment-in-text], reason: the note is for reviewers}\n"
    for text, expected in ((question, 1), (question + suppression, 0)):
        root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(text)})
        assert len(cut(root)) == expected


def test_a_file_the_manifest_does_not_list_is_left_to_the_manifest_rule(tmp_path):
    question = QUESTION.replace("  B: AWS Lambda", "  B: AWS Lambda # serverless")
    sections = {"01-main.yaml": section_yaml(QUESTION), "02-extra.yaml": section_yaml(question)}
    manifest = "id: test-bank\ntitle: Test bank\nsections: [main]\n"
    assert cut(write_bank(tmp_path / "bank", sections, manifest)) == []


def test_line_ends_of_every_kind_end_the_comment(tmp_path):
    question = QUESTION.replace("  B: AWS Lambda", "  B: AWS Lambda # serverless")
    for ending in ("\r\n", "\r"):
        text = section_yaml(question).replace("\n", ending).encode()
        root = write_bank(tmp_path / ending.encode().hex(), {"01-main.yaml": text})
        assert cut(root) == [("01-main.yaml", 8, 21, "the text stops before '# serverless'", "q1")]
