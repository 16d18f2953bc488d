"""A '|' or '>' text whose lines are not indented under its key is told at its first such
line, naming the block's line, with the line indented as the hint shows it, and so is the
text of a key left empty ('explanation:') on the lines below it; and lint, fmt, lint --fix
and new say so in the same words (exambank/syntax_hints/block_texts.py; review
s35-hostile #5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

# q1 on lines 4-12: '  - id: q1' on line 4, 'stem' on 5, options A-D on 6-10, 'answer: A'
# on 11, 'explanation' on 12; q2 the same on lines 13-21.
EXPLANATION = "    explanation: SageMaker covers the whole ML lifecycle."
ONE = section_yaml(QUESTION)
TWO = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"))
TIPS = section_yaml(QUESTION, extra="exam_tips:\n  - Read each question twice.\n")


def problems_of(tmp_path: Path, text: str) -> list[tuple[int, int, str, str, str | None]]:
    path = tmp_path / "01-main.yaml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.column, p.rule, p.message, p.hint) for p in read_source(path)[1]]


def _explained(indicator: str, key: str, line: int) -> str:
    return f"the text under '{key}: {indicator}' (line {line}) must be indented more than '{key}'"


CASES = [
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >\nSageMaker covers the whole ML lifecycle.",
        (13, 1, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
        id="at column 1, the file's last line",
    ),
    pytest.param(
        TWO,
        EXPLANATION,
        "    explanation: |-\nSageMaker covers the whole ML lifecycle.",
        (13, 1, _explained("|-", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
        id="at column 1, above the next question",
    ),
    pytest.param(
        TWO,
        EXPLANATION,
        "    explanation: >+\n  SageMaker covers\n  the whole ML lifecycle.",
        (13, 3, _explained(">+", "explanation", 12)),
        "indent lines 13-14 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers', '      the whole ML…'",
        id="two lines left of the key",
    ),
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >\n    SageMaker covers the whole ML lifecycle.",
        (13, 5, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
        id="at the key's column",
    ),
    pytest.param(
        TWO,
        EXPLANATION,
        "    explanation: >\n      SageMaker covers\nthe whole ML lifecycle.",
        (14, 1, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, like line 13 (shortened here): write '      the whole ML…'",
        id="a later line of the text",
    ),
    pytest.param(
        TWO,
        "      C: Amazon EC2",
        "      C: >\nAmazon EC2",
        (10, 1, _explained(">", "C", 9)),
        "indent the line 8 spaces, 2 more than 'C': write '        Amazon EC2'",
        id="an option's text",
    ),
    pytest.param(
        ONE,
        "      C: Amazon EC2",
        "      C: >\nAmazon EC2: virtual servers",
        (10, 1, _explained(">", "C", 9)),
        "indent the line 8 spaces, 2 more than 'C' (shortened here): "
        "write '        Amazon EC2: virtual…'",
        id="text holding ': '",
    ),
    pytest.param(
        ONE,
        "      B: AWS Lambda",
        "      B: >\n      A service that runs code",
        (9, 7, _explained(">", "B", 8)),
        "indent the line 8 spaces, 2 more than 'B' (shortened here): "
        "write '        A service that runs…'",
        id="text starting with a letter that is no next option",
    ),
    pytest.param(
        TIPS,
        "  - Read each question twice.",
        "  - >\n  Read each question twice.",
        (5, 3, "the text under '- >' (line 4) must be indented more than its '-'"),
        "indent the line 4 spaces, 2 more than its '-' (shortened here): "
        "write '    Read each question…'",
        id="a list item's text",
    ),
    pytest.param(
        ONE,
        "title: Main",
        "title: |\nMain",
        (3, 1, _explained("|", "title", 2)),
        "indent the line 2 spaces, 2 more than 'title': write '  Main'",
        id="a key at the top",
    ),
    pytest.param(
        TWO,
        EXPLANATION,
        "    explanation:\n    SageMaker covers the whole ML lifecycle.",
        (13, 5, "the text under 'explanation:' (line 12) must be indented more than 'explanation'"),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
        id="a key left empty, its text on the line below",
    ),
    pytest.param(
        TWO,
        "    stem: Which AWS service trains, tunes and deploys ML models?",
        "    stem:\n  Which AWS service trains,\n  tunes and deploys ML models?",
        (6, 3, "the text under 'stem:' (line 5) must be indented more than 'stem'"),
        "indent lines 6-7 6 spaces, 2 more than 'stem' (shortened here): "
        "write '      Which AWS service…', '      tunes and deploys ML…'",
        id="a key left empty, two lines of text left of it",
    ),
    pytest.param(
        ONE,
        "      C: Amazon EC2",
        "      C:\n      Amazon EC2",
        (10, 7, "the text under 'C:' (line 9) must be indented more than 'C'"),
        "indent the line 8 spaces, 2 more than 'C': write '        Amazon EC2'",
        id="an option left empty, its text below it",
    ),
]


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_text_not_indented_under_its_block_key_is_told_at_its_line(
    tmp_path, text, old, new, expected, hint
):
    # in the first question (where q2 repeats it): q2 reads as written
    assert problems_of(tmp_path, text.replace(old, new, 1)) == [
        (*expected[:2], "yaml-syntax", expected[2], hint)
    ]


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_the_lines_indented_as_the_hint_says_make_the_file_read(
    tmp_path, text, old, new, expected, hint
):
    broken = text.replace(old, new, 1)
    [(line, _, _, _, said)] = problems_of(tmp_path, broken)
    told = re.match(r"indent (?:the line|lines \d+-(\d+)) (\d+) spaces", said or "")
    assert told is not None, said
    lines = broken.split("\n")
    for row in range(line - 1, int(told[1] or line)):
        lines[row] = " " * int(told[2]) + lines[row].lstrip()
        assert f"'{lines[row][:12]}" in said  # shown as written, its start at least
    assert problems_of(tmp_path, "\n".join(lines)) == []


def test_a_key_without_its_colon_below_the_text_is_no_text(tmp_path):
    text = ONE.replace(
        EXPLANATION,
        "    explanation: >\n      SageMaker covers the whole ML lifecycle.\n    answer B",
    )
    assert problems_of(tmp_path, text)[0] == (
        14,
        5,
        "yaml-syntax",
        "missing ':' after 'answer'",
        "write 'answer: B'",
    )


def said_by_each_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> list[str]:
    """What lint (on stdout), fmt, lint --fix and new (on stderr) say of the one broken
    section ``text``, each checked to fail with its exit code and leave the file as it is."""
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    before = path.read_bytes()
    capsys.readouterr()
    said = []
    for command, code in (
        (["lint", str(path)], 1),
        (["fmt", str(path)], 1),
        (["lint", "--fix", str(path)], 1),
        (["new", "q9", "--section", str(path)], 2),
    ):
        assert main(command) == code, command
        out, err = capsys.readouterr()
        said.append(out if command[0] == "lint" and len(command) == 2 else err)
        assert path.read_bytes() == before, command
    return said


def assert_said_alike(tmp_path, capsys, text, where, message, hint):
    """lint reports ``message`` with ``hint`` at ``where`` (line, column), and fmt, lint
    --fix and new refuse the file in those words."""
    path = tmp_path / "bank" / "01-main.yaml"
    linted, formatted, fixed, new = said_by_each_command(tmp_path, capsys, text)
    at = f"{path}:{where[0]}:{where[1]}"
    assert linted.splitlines()[:2] == [f"{at}: error yaml-syntax {message}", f"    hint: {hint}"]
    assert formatted.splitlines()[0] == f"{at}: cannot format: {message}; {hint}"
    assert fixed.splitlines()[0] == f"{at}: not fixed: {message}; {hint}"
    assert new == f"exambank: error: {at}: {message}; {hint}\n"


def test_fmt_fix_and_new_refuse_the_file_in_lints_words(tmp_path, capsys):
    text = TWO.replace(
        EXPLANATION, "    explanation: >\nSageMaker covers the whole ML lifecycle.", 1
    )
    assert_said_alike(
        tmp_path,
        capsys,
        text,
        (13, 1),
        _explained(">", "explanation", 12),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
    )


# A text pasted with extra spaces on its first line: YAML takes the text's indentation
# from that line and ends the text at the next, less indented one (review s37 #11).
DEEPER_FIRST = EXPLANATION.replace(
    "explanation: SageMaker covers the whole ML lifecycle.",
    "explanation: |\n        SageMaker covers\n      the whole ML lifecycle.\n"
    "      Train and deploy.",
)


def test_a_text_whose_first_line_is_deeper_than_the_rest_is_told_at_the_next(tmp_path):
    text = TWO.replace(EXPLANATION, DEEPER_FIRST, 1)
    found = problems_of(tmp_path, text)
    assert found[0] == (
        14,
        7,
        "yaml-syntax",
        "line 14 is indented less than line 13, the first line of the text under "
        "'explanation: |' (line 12): the text ends above it",
        "YAML takes a block text's indentation from its first line: indent lines 14-15 "
        "8 spaces, like line 13, or take the 2 extra spaces off line 13; to keep them as "
        "text, write 'explanation: |2'",
    )
    assert len(found) == 1  # q2 reads on its own
    # each mend the hint names makes the file read
    rest = [("      the whole", "        the whole"), ("      Train", "        Train")]
    first = [("        SageMaker", "      SageMaker")]
    indicator = [("explanation: |", "explanation: |2")]
    for mends in (rest, first, indicator):
        mended = text
        for old, new in mends:
            assert mended.count(old) == 1, old
            mended = mended.replace(old, new)
        assert problems_of(tmp_path, mended) == []
