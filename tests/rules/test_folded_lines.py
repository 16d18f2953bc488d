"""folded-lines: statements or a list typed on lines of their own in a text YAML folds."""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.load import read_source
from exambank.rules import RULES
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
FOLDED = """\
stem: Which statements are true?
  I. S3 stores objects.
  II. EBS is block storage.
"""


def folded(root: Path) -> list[tuple[str, int, int, str, str | None, str | None]]:
    found = lint([root], Config()).diagnostics
    return [
        (Path(d.path).name, d.line, d.column, d.message, d.hint, d.question)
        for d in found
        if d.rule == "folded-lines"
    ]


def bank(tmp_path: Path, *questions: str, extra: str = "", manifest: str | None = None) -> Path:
    section = section_yaml(*questions, extra=extra)
    return write_bank(tmp_path / "bank", {"01-main.yaml": section}, manifest)


def with_stem(stem: str) -> str:
    return QUESTION.replace(STEM, textwrap.dedent(stem).rstrip("\n"))


@pytest.mark.parametrize("label", ["Bad", "Good"])
def test_the_documented_examples_as_typed(tmp_path: Path, label: str) -> None:
    doc = inspect.cleandoc(RULES["folded-lines"].__doc__ or "")
    block = re.search(rf"^{label}:\n((?:[ \t]+.*\n|\n)+)", doc + "\n", re.MULTILINE)
    assert block
    found = folded(bank(tmp_path, with_stem(block[1])))
    assert len(found) == (1 if label == "Bad" else 0)


def test_statements_below_a_plain_stem_are_reported_at_the_stem(tmp_path: Path) -> None:
    assert folded(bank(tmp_path, with_stem(FOLDED))) == [
        (
            "01-main.yaml",
            5,
            11,
            "3 lines of this text print as one line, 'I. S3 stores objects.' among them: "
            "YAML joins the lines of a text written without '|'",
            "write 'stem: |' and put the text's lines below it, all indented alike",
            "q1",
        )
    ]


@pytest.mark.parametrize(
    "stem",
    [
        # quoted texts fold too
        "stem: 'Which are true?\n  a) It''s one.\n  b) Another.'",
        'stem: "Which are true?\n  a) One.\n  b) Another."',
        # written on the line below its key
        "stem:\n  Consider the following.\n  (i) One.\n  (ii) Another.",
        # a list after a lead-in, and one that starts after a blank line's paragraph
        "stem: Which services store objects?\n  - Amazon S3\n  - Amazon EBS",
        "stem: A company stores files.\n\n  Which hold?\n  1. S3 does.\n  2. EBS does.",
    ],
)
def test_every_folded_form_is_reported(tmp_path: Path, stem: str) -> None:
    [(_, line, column, _, hint, _)] = folded(bank(tmp_path, with_stem(stem)))
    assert (line, column) == ((6, 7) if stem.startswith("stem:\n") else (5, 11))
    quotes = ", drop the quotes" if stem[6:7] in ("'", '"') else ""
    assert hint and hint.startswith(f"write 'stem: |'{quotes} and put")


@pytest.mark.parametrize(
    "stem",
    [
        # a block keeps its lines
        "stem: |\n  Which statements are true?\n  I. S3 stores objects.\n  II. EBS is block.",
        # a folded block is what fmt writes for long prose
        "stem: >-\n  A tool that can (1) compare models,\n  (2) explain a prediction.",
        # wrapped prose whose line happens to start like a marker
        "stem: See the derivation in equation\n  (3) for the full proof?",
        "stem: The service which stores objects\n  - unlike EBS - is which?",
        "stem: Which of these\n  I think is right?",
        # a paragraph of its own after a blank line prints apart already
        "stem: Which statements are true?\n\n  I. S3 stores objects.",
        # escapes in double quotes: its lines are not read back (a known miss)
        'stem: "Which are true?\\t\n  a) One.\n  b) Another."',
        # one line
        "stem: 'Which are true? I. S3 stores objects. II. EBS is block storage.'",
    ],
)
def test_other_texts_are_not_reported(tmp_path: Path, stem: str) -> None:
    assert folded(bank(tmp_path, with_stem(stem))) == []


def test_every_markdown_text_is_read_and_no_other(tmp_path: Path) -> None:
    section = """\
id: main
title: Main {lines}
summary: {lines}
key_terms:
  - term: {lines}
    definition: {lines}
exam_tips:
  - {lines}
questions:
  - id: q1
    stem: Which AWS service trains, tunes and deploys ML models?
    options:
      A: {lines}
      B:
        text: Lambda
        feedback: {lines}
      C: Amazon EC2
    answer: A
    explanation: {lines}
    lint:
      ignore: [answer-run]
      reason: {lines}
""".format(lines="Which hold?\n          I. One.\n          II. Two.")
    manifest = "id: test-bank\ntitle: Test bank\nsections: [main]\ndescription: Which?\n  - A\n"
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section}, manifest)
    found = folded(root)
    assert [(name, line, (hint or "").split("'")[1]) for name, line, *_, hint, _ in found] == [
        ("01-main.yaml", 5, "summary: |"),  # not the title above it
        ("01-main.yaml", 12, "definition: |"),  # not the term
        ("01-main.yaml", 16, "- |"),
        ("01-main.yaml", 23, "A: |"),
        ("01-main.yaml", 28, "feedback: |"),
        ("01-main.yaml", 33, "explanation: |"),  # not the suppression's reason
        ("bank.yaml", 4, "description: |"),
    ]


def test_a_text_that_ends_the_file_is_read_to_its_last_line(tmp_path: Path) -> None:
    # every line but the text's own holds a key: only the last value can run on
    question = QUESTION.replace("explanation: SageMaker covers the whole ML lifecycle.\n", "")
    question += "explanation: Consider the following.\n  I. One.\n  II. Two.\n"
    [(_, line, *_)] = folded(bank(tmp_path, question))
    assert line == 12


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_lines_are_counted_as_yaml_counts_them(tmp_path: Path, ending: str) -> None:
    section = section_yaml(with_stem(FOLDED)).replace("\n", ending)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section})
    assert [(line, column) for _, line, column, *_ in folded(root)] == [(5, 11)]


def test_a_question_can_switch_it_off(tmp_path: Path) -> None:
    question = with_stem(FOLDED) + "lint: {ignore: [folded-lines], reason: printed apart}\n"
    assert folded(bank(tmp_path, question)) == []


# Three keys on one line in braces, where a text's two lines below its key hold none: a
# file with as many keys as lines (review RU, finding 6).
BRACES = "options: {A: Amazon SageMaker, B: AWS Lambda}"
OPTIONS = "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock"


@pytest.mark.parametrize("braces_first", [False, True])
@pytest.mark.parametrize("same_question", [False, True])
def test_keys_in_braces_hide_no_folded_text(
    tmp_path: Path, braces_first: bool, same_question: bool
) -> None:
    other = QUESTION.replace("id: q1", "id: q2").replace(OPTIONS, BRACES)
    if same_question:
        questions = [with_stem(FOLDED).replace(OPTIONS, BRACES), other.replace(BRACES, OPTIONS)]
    else:
        questions = [with_stem(FOLDED), other]
    if braces_first:
        questions = [question.replace("id: q", "id: p") for question in reversed(questions)]
    text = section_yaml(*questions)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    source, _ = read_source(root / "01-main.yaml")
    assert len(source.keys) == len(text.splitlines())  # as many keys as lines
    [(_, line, column, message, _, _)] = folded(root)
    assert "'I. S3 stores objects.' among them" in message
    assert column == 11
    assert text.splitlines()[line - 1].endswith("stem: Which statements are true?")


def test_fmt_refuses_a_folded_text_beside_keys_in_braces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = QUESTION.replace("id: q1", "id: q2").replace(OPTIONS, BRACES)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(with_stem(FOLDED), other)})
    path = root / "01-main.yaml"
    before = path.read_text(encoding="utf-8")
    for command in (["fmt"], ["fmt", "--check"]):
        assert main([*command, str(path)]) == 1
        err = capsys.readouterr().err
        assert f"{path}:5:11: " in err
        assert "would write this text's lines as one line (folded-lines)" in err
        assert path.read_text(encoding="utf-8") == before
