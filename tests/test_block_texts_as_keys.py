"""Text under '|' or '>' written at its key's place, holding ': ', reads as a key of the
mapping around it ('Mars looks red: rust.') and leaves the block empty: lint tells it once,
at its first line, in the words it uses where the same slip breaks the YAML, and says
neither "unknown key" nor "is blank" (exambank/block_texts_as_keys.py)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import QUESTION, section_yaml
from tests.test_syntax_hints_block_texts import assert_said_alike

# q1 on lines 4-12, as in test_syntax_hints_block_texts: 'stem' on line 5, options A-D on
# 7-10, 'answer: A' on 11, 'explanation' on 12.
EXPLANATION = "    explanation: SageMaker covers the whole ML lifecycle."
ONE = section_yaml(QUESTION)
TWO = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"))
TIPS = section_yaml(QUESTION, extra="exam_tips:\n  - Read each question twice.\n")


def _explained(indicator: str, key: str, line: int) -> str:
    return f"the text under '{key}: {indicator}' (line {line}) must be indented more than '{key}'"


def findings(lint_bank, text: str) -> list[tuple[int, int, str, str, str | None]]:
    result = lint_bank({"01-main.yaml": text})
    return [(d.line, d.column, d.rule, d.message, d.hint) for d in result.diagnostics]


CASES = [
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >\n    SageMaker covers the whole ML lifecycle: build, train, deploy.",
        (13, 5, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
        id="at the key's column",
    ),
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >\nSageMaker covers: the whole ML lifecycle.",
        (13, 1, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers:…'",
        id="at column 1",
    ),
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: |\n    SageMaker covers: the whole lifecycle.\n"
        "    It builds: trains, deploys.",
        (13, 5, _explained("|", "explanation", 12)),
        "indent lines 13-14 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers:…', '      It builds: trains,…'",
        id="two lines, each read as a key",
    ),
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >-\n    SageMaker covers: the whole ML lifecycle.",
        (13, 5, _explained(">-", "explanation", 12)),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers:…'",
        id="'>-'",
    ),
    pytest.param(
        ONE,
        EXPLANATION,
        "    explanation: >\n      SageMaker covers\n    the whole ML lifecycle: build, train.",
        (14, 5, _explained(">", "explanation", 12)),
        "indent the line 6 spaces, like line 13 (shortened here): write '      the whole ML…'",
        id="a later line of the text",
    ),
    pytest.param(
        ONE,
        "    stem: Which AWS service trains, tunes and deploys ML models?",
        "    stem: >\n    Which AWS service: trains, tunes and deploys ML models?",
        (6, 5, _explained(">", "stem", 5)),
        "indent the line 6 spaces, 2 more than 'stem' (shortened here): "
        "write '      Which AWS service:…'",
        id="a stem",
    ),
    pytest.param(
        TWO,
        "      C: Amazon EC2",
        "      C: >\n      Amazon EC2: virtual servers",
        (10, 7, _explained(">", "C", 9)),
        "indent the line 8 spaces, 2 more than 'C' (shortened here): "
        "write '        Amazon EC2: virtual…'",
        id="an option's text",
    ),
    pytest.param(
        TIPS,
        "exam_tips:\n  - Read each question twice.",
        "exam_tips:\n- >\nRead each question: twice.",
        (5, 1, "the text under '- >' (line 4) must be indented more than its '-'"),
        "indent the line 2 spaces, 2 more than its '-' (shortened here): "
        "write '  Read each question:…'",
        id="a list item's text",
    ),
    pytest.param(
        ONE,
        "title: Main",
        "title: |\nMain services: SageMaker",
        (3, 1, _explained("|", "title", 2)),
        "indent the line 2 spaces, 2 more than 'title' (shortened here): write '  Main services:…'",
        id="a key at the top",
    ),
]


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_text_read_as_a_key_is_told_once_as_not_indented(lint_bank, text, old, new, expected, hint):
    # no "unknown key 'SageMaker covers'", no "explanation is blank"
    assert findings(lint_bank, text.replace(old, new, 1)) == [
        (*expected[:2], "yaml-syntax", expected[2], hint)
    ]


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_the_lines_indented_as_the_hint_says_lint_clean(lint_bank, text, old, new, expected, hint):
    broken = text.replace(old, new, 1)
    [(line, _, _, _, said)] = findings(lint_bank, broken)
    told = re.match(r"indent (?:the line|lines \d+-(\d+)) (\d+) spaces", said or "")
    assert told is not None, said
    lines = broken.split("\n")
    for row in range(line - 1, int(told[1] or line)):
        lines[row] = " " * int(told[2]) + lines[row].lstrip()
    assert lint_bank({"01-main.yaml": "\n".join(lines)}).errors == 0


def test_told_in_the_same_words_where_the_slip_breaks_the_yaml(lint_bank):
    # below q1's text, q2's '- id' breaks the YAML; with q1 alone, YAML reads a key
    slip = "    explanation: >\nSageMaker covers: the whole ML lifecycle."
    [read] = findings(lint_bank, ONE.replace(EXPLANATION, slip, 1))
    assert findings(lint_bank, TWO.replace(EXPLANATION, slip, 1))[0] == read


def test_fmt_fix_and_new_refuse_the_file_in_lints_words(tmp_path, capsys):
    # fmt wrote 'explanation: ""' here, where indenting the line no longer mends the file
    text = ONE.replace(
        EXPLANATION, "    explanation: >\n    SageMaker covers the whole ML lifecycle: all of it."
    )
    assert_said_alike(
        tmp_path,
        capsys,
        text,
        (13, 5),
        _explained(">", "explanation", 12),
        "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
        "write '      SageMaker covers the…'",
    )


def test_a_key_meant_as_a_key_or_not_below_a_block_text_is_told_as_before(lint_bank):
    stem = "Which AWS service trains, tunes and deploys ML models?"
    text = section_yaml(
        QUESTION,
        QUESTION.replace("id: q1", "id: q2").replace(stem, "Which service runs code on demand?"),
        QUESTION.replace("id: q1", "id: q3").replace(stem, "Where do notebooks keep their data?"),
    )
    text = text.replace(EXPLANATION, "    explanation: >\n    SageMaker covers: training.", 1)
    text = text.replace(EXPLANATION, "    explanation: >\n    correct answer: A", 1)
    text = text.replace(EXPLANATION, f"{EXPLANATION}\n    SageMaker covers: training.", 1)
    allowed = (
        "allowed: answer, difficulty, explanation, id, lint, options, shuffle, stem, tags, type"
    )
    assert findings(lint_bank, text) == [
        (
            13,
            5,
            "yaml-syntax",
            _explained(">", "explanation", 12),
            "indent the line 6 spaces, 2 more than 'explanation' (shortened here): "
            "write '      SageMaker covers:…'",
        ),
        (22, 18, "empty-text", "explanation is blank", "write the text"),
        (23, 5, "schema", "unknown key 'correct answer' in question q2", "did you mean 'answer'?"),
        (33, 5, "schema", "unknown key 'SageMaker covers' in question q3", allowed),
    ]
