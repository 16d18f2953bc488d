"""Schema messages for a Brazilian teacher (review 107): the author's accented words shown as
written, not as \\u escapes (finding 10), and the Portuguese names of the answer and the
explanation given a did-you-mean (finding 11).

The questions are ``QUESTION`` in a section: ``id`` on line 4, stem 5, options 6, A-D 7-10,
answer 11, explanation 12.
"""

from __future__ import annotations

import pytest

from tests.conftest import QUESTION
from tests.test_schema_hints import question_errors

ANSWER_HINT = (
    "write one capital letter (answer: <letter>), or a list for multiple "
    "(answer: [<letter>, <letter>])"
)


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        ("Não", 'text "Não"'),
        ("B \u2013 Switch", 'text "B \u2013 Switch"'),
        ("Alternativa “B”", 'text "Alternativa “B”"'),
        ("[Sim, Não]", 'a list ["Sim", "Não"]'),
        # a control character is still shown escaped, on the finding's one line
        ('"Não\\u0085"', 'text "Não\\x85"'),
        ('"Não\\ttem"', 'text "Não\\ttem"'),
    ],
)
def test_an_answer_in_words_is_quoted_as_written(tmp_path, answer, shown):
    question = QUESTION.replace("answer: A", f"answer: {answer}")
    assert question_errors(tmp_path, question) == [
        (11, 13, f"question q1, answer is {shown}", ANSWER_HINT)
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("correta", "answer"),
        ("Correta", "answer"),
        ("gabarito", "answer"),
        ("Gabarito", "answer"),
        ("resposta correta", "answer"),
        ("Resposta Correta", "answer"),
        ("resposta_correta", "answer"),
        ("alternativa_correta", "answer"),
        ("alternativa correta", "answer"),
        ("alternativa-correta", "answer"),
        ("correcta", "answer"),  # Spanish
        ("justificativa", "explanation"),
        ("comentário", "explanation"),
        ("comentario", "explanation"),
        ("Comentário", "explanation"),
        ("resolução", "explanation"),
        ("resolucao", "explanation"),
    ],
)
def test_a_portuguese_name_of_a_required_key_is_one_did_you_mean(tmp_path, written, meant):
    question = QUESTION.replace(f"{meant}:", f"{written}:")
    assert question_errors(tmp_path, question) == [
        (
            {"answer": 11, "explanation": 12}[meant],
            5,
            f"unknown key '{written}' in question q1",
            f"did you mean '{meant}'?",
        )
    ]


def test_a_question_with_neither_key_gets_both_did_you_means(tmp_path):
    question = QUESTION.replace("answer:", "gabarito:").replace("explanation:", "comentário:")
    assert question_errors(tmp_path, question) == [
        (11, 5, "unknown key 'gabarito' in question q1", "did you mean 'answer'?"),
        (12, 5, "unknown key 'comentário' in question q1", "did you mean 'explanation'?"),
    ]


def test_the_key_among_the_options_is_told_to_move_out(tmp_path):
    question = "\n".join(line for line in QUESTION.splitlines() if "answer:" not in line)
    question = question.replace("  D: Amazon Bedrock", "  D: Amazon Bedrock\n  Gabarito: B")
    assert question_errors(tmp_path, question) == [
        (
            11,
            7,
            "'Gabarito' is not an option letter",
            "move it out of 'options': write 'answer: B' indented like 'options:'",
        )
    ]
