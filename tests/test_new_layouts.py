"""``exambank new`` in every layout an author may write a section in: the new question's
lines are added, indented as the questions above them, and every other byte stays where
it was. What it writes must lint as before, plus the new question's empty parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.lint import lint
from exambank.load import read_source
from tests.conftest import write_bank

UNINDENTED = """\
id: main
title: Main
questions:
- id: q1
  stem: Which service trains ML models?
  options:
    A: SageMaker
    B: Lambda
  answer: A
  explanation: SageMaker trains them.
"""
UNINDENTED_NEW = """\
- id: q9
  stem: ""
  options:
    A: ""
    B: ""
    C: ""
    D: ""
  answer: []
  explanation: ""
"""
FOUR_SPACES = """\
id: main
title: Main
questions:
    - id: q1
      stem: Which service trains ML models?
      options:
          A: SageMaker
          B: Lambda
      answer: A
      explanation: SageMaker trains them.
    - id: q2
      stem: Which service runs code without servers?
      options:
          A: SageMaker
          B: Lambda
      answer: B
      explanation: Lambda runs it.
"""
FOUR_SPACES_NEW = """\
    - id: q9
      stem: ""
      options:
          A: ""
          B: ""
          C: ""
          D: ""
      answer: []
      explanation: ""
"""
COMMENTED = """\
id: main
title: Main
questions:
# the first question
- id: q1  # from the 2023 exam
  stem: Which service trains ML models?
  options: {A: SageMaker, B: Lambda}
  answer: A
  explanation: |
    SageMaker trains them.
  # a note on q1, indented as its keys: it stays with q1

# the end of the questions
tags: [ml]
"""
COMMENTED_NEW = """\
- id: q9
  type: multiple
  stem: ""
  options: {A: "", B: "", C: "", D: ""}
  answer: []
  explanation: ""
"""
INLINE_LIST = """\
id: main
title: Main
questions: [
  {id: q1, stem: Which one, options: {A: SageMaker, B: Lambda}, answer: A, explanation: It.}
]
"""
KEPT_BLANK = UNINDENTED.replace("explanation: SageMaker trains them.", "explanation: |+\n    It.\n")
BOM = "\ufeff"
INDENTED_NEW = re.sub("(?m)^(?=.)", "  ", UNINDENTED_NEW)  # fmt's layout, for a first question
NOTES = "id: main\ntitle: Main\nnotes: |\n  First line.\n  Last line."  # no final line end
EXPLAINED = UNINDENTED.replace("explanation: SageMaker trains them.\n", "explanation: |\n    It.")


def _bank(tmp_path: Path, text: str) -> Path:
    return write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"


def _doubled(text: str) -> str:
    """``text`` indented by 4 where it was by 2, its keys after '-   '."""
    return re.sub("(?m)^( +)", r"\1\1", text).replace("- id:", "-   id:")


def _layout_cases() -> list[tuple[str, str, list[str], str]]:
    """(name, file, options for new, the file new must write)."""
    new_multiple = ["--type", "multiple"]
    return [
        ("unindented", UNINDENTED, [], UNINDENTED + "\n" + UNINDENTED_NEW),
        ("four spaces, no blank lines", FOUR_SPACES, [], FOUR_SPACES + FOUR_SPACES_NEW),
        (
            "a dash and three spaces",
            _doubled(UNINDENTED),
            [],
            _doubled(UNINDENTED) + "\n" + _doubled(UNINDENTED_NEW),
        ),
        (
            "comments, inline options",
            COMMENTED + "# last line",
            new_multiple,
            COMMENTED.replace("\n\n# the end", "\n\n" + COMMENTED_NEW + "\n# the end")
            + "# last line",
        ),
        ("no final line end", UNINDENTED.rstrip("\n"), [], UNINDENTED + "\n" + UNINDENTED_NEW),
        (
            "CRLF and a byte-order mark",
            BOM + UNINDENTED.replace("\n", "\r\n"),
            [],
            BOM + (UNINDENTED + "\n" + UNINDENTED_NEW).replace("\n", "\r\n"),
        ),
        ("a text that keeps its blank line", KEPT_BLANK, [], KEPT_BLANK + UNINDENTED_NEW),
        (
            "questions: [] under an unindented list",
            "id: main\ntitle: Main\nexam_tips:\n- Read twice.\nquestions: []  # none yet\n",
            [],
            "id: main\ntitle: Main\nexam_tips:\n- Read twice.\nquestions:  # none yet\n"
            + UNINDENTED_NEW,
        ),
        (
            "questions: and nothing",
            "id: main\ntitle: Main\nquestions:\n# to do\n",
            [],
            "id: main\ntitle: Main\nquestions:\n" + INDENTED_NEW + "# to do\n",
        ),
        (
            "no questions yet, no final line end",
            "id: main\ntitle: Main",
            [],
            "id: main\ntitle: Main\nquestions:\n" + INDENTED_NEW,
        ),
        (
            "no questions yet, a '|' text last, no final line end",
            NOTES,
            [],
            NOTES.replace("|", "|-") + "\nquestions:\n" + INDENTED_NEW,  # the text reads as before
        ),
        (
            "a '>' text last, CRLF, no final line end",
            NOTES.replace("|", ">").replace("\n", "\r\n"),
            [],
            (NOTES.replace("|", ">-") + "\nquestions:\n" + INDENTED_NEW).replace("\n", "\r\n"),
        ),
        (
            "a '|2+' text last, no final line end",
            NOTES.replace("|\n  First", "|2+\n    First"),
            [],
            NOTES.replace("|\n  First", "|2-\n    First") + "\nquestions:\n" + INDENTED_NEW,
        ),
        (
            "a '|+' text's blank line, then spaces and no final line end",
            NOTES.replace("|", "|+").replace("Last line.", "\n  "),
            [],
            NOTES.replace("|", "|+").replace("Last line.", "\nquestions:\n" + INDENTED_NEW + "  "),
        ),
        (
            "the last question's '|' text, no final line end",
            EXPLAINED,
            [],
            EXPLAINED.replace("|", "|-") + "\n\n" + UNINDENTED_NEW,
        ),
        (
            "two byte-order marks and a comment",
            BOM + BOM + "# yaml-language-server: $schema=x.json\n" + UNINDENTED,
            [],
            BOM + "# yaml-language-server: $schema=x.json\n" + UNINDENTED + "\n" + UNINDENTED_NEW,
        ),
        (
            "three byte-order marks before a comment",
            BOM * 3 + "# a note\n" + UNINDENTED,
            [],
            BOM + "# a note\n" + UNINDENTED + "\n" + UNINDENTED_NEW,
        ),
        (
            "an inline list, CRLF",
            INLINE_LIST.replace("\n", "\r\n"),
            [],
            INLINE_LIST.replace(
                "It.}\n",
                'It.},\n  {id: q9, stem: "", options: {A: "", B: "", C: "", D: ""}, answer: [], '
                'explanation: ""}\n',
            ).replace("\n", "\r\n"),
        ),
    ]


def _findings(bank: Path) -> list[tuple[str, str, str | None]]:
    return sorted((d.rule, d.message, d.question) for d in lint([bank]).diagnostics)


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [case[1:] for case in _layout_cases()],
    ids=[case[0] for case in _layout_cases()],
)
def test_the_new_question_is_indented_as_its_neighbours_and_nothing_else_changes(
    tmp_path: Path, text: str, options: list[str], expected: str
) -> None:
    path = _bank(tmp_path, text)
    before = _findings(path.parent)
    assert main(["new", "q9", "--section", str(path), *options]) == 0
    assert path.read_bytes().decode("utf-8") == expected
    after = _findings(path.parent)
    new_findings = [finding for finding in after if finding[2] == "q9"]
    lacked = ("schema", "questions is empty, not a list", None)  # what one question cures
    assert [finding for finding in after if finding[2] != "q9"] == [
        finding for finding in before if finding != lacked
    ]
    assert {(rule, message) for rule, message, _ in new_findings} == {
        ("empty-text", "stem is blank"),
        ("empty-text", "explanation is blank"),
        *(("empty-text", f"option {letter} is blank") for letter in "ABCD"),
        ("answer-count", "answer is not set yet"),  # no placeholder letter passes unset
    }


def test_an_id_yaml_would_read_as_something_else_is_quoted(tmp_path: Path) -> None:
    path = _bank(tmp_path, UNINDENTED)
    assert main(["new", "no", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        UNINDENTED + "\n" + UNINDENTED_NEW.replace("id: q9", 'id: "no"')
    )
    assert [q["id"] for q in read_source(path)[0].data["questions"]] == ["q1", "no"]


def test_a_section_written_as_one_inline_mapping_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, "{id: main, title: Main, questions: []}\n")
    assert main(["new", "q9", "--section", str(path)]) == 2
    assert f"{path}:1:1: new adds questions to a section written one key per line" in (
        capsys.readouterr().err
    )


def test_a_value_yaml_types_is_left_as_written(tmp_path: Path) -> None:
    # fmt refuses to rewrite such a file (its dumper would respell the value); new only adds
    text = UNINDENTED.replace("B: Lambda", "B: no")
    path = _bank(tmp_path, text)
    assert main(["new", "q9", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == text + "\n" + UNINDENTED_NEW
