"""A key indented more than the key above it is named where it stands, with the depth to
write, whether the value above is a plain text, a quoted text, a list in brackets or a
text a comment ends; an option moved out to the question's keys between the others is the
one named (exambank/syntax_hints/deeper_keys.py; review s35-author #1, #3, #4)."""

from __future__ import annotations

import pytest

from tests.conftest import QUESTION, section_yaml, syntax_problems

# The section every case breaks (line numbers as an editor shows them):
#  4    - id: q1
#  5      stem: Which AWS service trains, tunes and deploys ML models?
#  6      options:
#  7        A: Amazon SageMaker
#  8        B: AWS Lambda
#  9        C: Amazon EC2
# 10        D: Amazon Bedrock
# 11      answer: A
# 12      explanation: SageMaker covers the whole ML lifecycle.
SECTION = section_yaml(QUESTION)
EXPLANATION = "    explanation: SageMaker covers the whole ML lifecycle."


def broken(old, new):
    assert SECTION.count(old) == 1, old
    return SECTION.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new", "fixed", "expected"),
    [
        pytest.param(
            EXPLANATION,
            '    explanation: "SageMaker covers it all."\n     tags: [ml]',
            '    explanation: "SageMaker covers it all."\n    tags: [ml]',
            (
                13,
                6,
                "'tags' is indented 1 space more than 'explanation' on line 12",
                "indent 'tags' 4 spaces, like 'explanation'",
            ),
            id="below a quoted text: not more of the text",
        ),
        pytest.param(
            "    answer: A\n" + EXPLANATION,
            "    answer: [A]\n " + EXPLANATION,
            "    answer: [A]\n" + EXPLANATION,
            (
                12,
                6,
                "'explanation' is indented 1 space more than 'answer' on line 11",
                "indent 'explanation' 4 spaces, like 'answer'",
            ),
            id="below a list in brackets",
        ),
        pytest.param(
            "      B: AWS Lambda\n      C: Amazon EC2",
            "      B: AWS Lambda   # the serverless one\n        C: Amazon EC2",
            "      B: AWS Lambda   # the serverless one\n      C: Amazon EC2",
            (
                9,
                9,
                "'C' is indented 2 spaces more than 'B' on line 8",
                "indent 'C' 6 spaces, like 'B'",
            ),
            id="below a text a comment ends",
        ),
        pytest.param(
            "      C: Amazon EC2",
            "    C: Amazon EC2",
            "      C: Amazon EC2",
            (
                9,
                5,
                "'C' is indented 2 spaces less than 'A', 'B', 'D' around it, so YAML reads 'D' "
                "as more text of 'C'",
                "indent 'C' 6 spaces, like 'A', 'B', 'D'",
            ),
            id="an option moved out to the question's keys",
        ),
        pytest.param(
            "      A: Amazon SageMaker",
            '      A: "Amazon SageMaker"\n        feedback: it trains and deploys',
            '      A:\n        text: "Amazon SageMaker"\n        feedback: it trains and deploys',
            (
                7,
                10,
                "option A is written as text, so it cannot hold 'feedback'",
                "write 'A:' alone on its line, then under it, indented 2 more, "
                "'text: \"Amazon SageMaker\"' and 'feedback: …'",
            ),
            id="feedback under an option in quotes",
        ),
    ],
)
def test_a_key_out_of_line_is_named_and_the_hint_mends_it(tmp_path, old, new, fixed, expected):
    text = broken(old, new)
    assert syntax_problems(tmp_path, text) == [(*expected[:2], "yaml-syntax", *expected[2:])]
    assert syntax_problems(tmp_path, text.replace(new, fixed)) == []


def test_each_question_s_key_out_of_line_is_named_in_one_run(tmp_path):
    # the first after a quoted text, the second after a list in brackets
    first = QUESTION.replace("answer: A\nexplanation:", 'answer: "A"\n explanation:')
    second = QUESTION.replace("id: q1", "id: q2")
    second = second.replace("answer: A\nexplanation:", "answer: [A]\n explanation:")
    found = syntax_problems(tmp_path, section_yaml(first, second))
    assert [(line, column, message) for line, column, _, message, _ in found] == [
        (12, 6, "'explanation' is indented 1 space more than 'answer' on line 11"),
        (21, 6, "'explanation' is indented 1 space more than 'answer' on line 20"),
    ]
