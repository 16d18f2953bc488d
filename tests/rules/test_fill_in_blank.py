"""fill-in-blank: a blank anywhere but the end of the stem."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "fill-in-blank"


@pytest.mark.parametrize(
    "stem",
    [
        "___ is the service that trains ML models.",
        "The service ____ trains ML models.",
        r"The service \_\_\_ trains ML models.",
        "SageMaker stores [...] in S3.",
    ],
)
def test_a_blank_before_the_end_is_reported(lint_questions, stem):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert found.message.startswith("the stem has a blank before its end")


@pytest.mark.parametrize(
    "stem",
    [
        "The service that trains ML models is ___.",
        "The service that trains ML models is ___ (Choose TWO)",
        "SageMaker stores models in [...]",
        "Which service trains ML models?",
        "Which snake_case name does the SDK use?",
    ],
)
def test_a_final_blank_or_none_passes(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        # FCC commercial pools: the blank is a slot of the quoted text the options name.
        'What Q-signal would be used to ask "Have you news of ____ (call sign)?"',
        "What Q-signal asks \u201cShall I search in the vicinity of ____ latitude?\u201d",
        'The radiotelegraph abbreviation for "Word after ___" is:',
        # The blank ends its sentence; a note follows.
        "Signals grew in proportion to the degree of ____.  Made on the 11 year cycle:",
    ],
)
def test_a_quoted_slot_or_a_blank_ending_its_sentence_passes(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


def test_an_answer_blank_after_a_quoted_slot_is_reported(lint_questions):
    stem = 'The abbreviation for "Word after ___" is ____ in radiotelegraph traffic.'
    assert len(found_by(RULE, lint_questions, question(stem=stem))) == 1


# A German worksheet's blank is dots (review DE, finding 9).
@pytest.mark.parametrize(
    "stem",
    [
        "Das Protokoll … löst IP-Adressen in MAC-Adressen auf.",
        "Das Protokoll ... löst IP-Adressen in MAC-Adressen auf.",
        "Das Protokoll ........ löst IP-Adressen in MAC-Adressen auf.",
        "Das Protokoll ………… löst IP-Adressen in MAC-Adressen auf.",
        "Das Protokoll (...) löst IP-Adressen in MAC-Adressen auf.",
        "........ löst IP-Adressen in MAC-Adressen auf.",
        "IP-Adressen werden durch … in MAC-Adressen aufgelöst. Welches Protokoll ist gemeint?",
    ],
)
def test_a_blank_of_dots_before_the_end_is_reported(lint_questions, stem):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert found.message.startswith("the stem has a blank before its end")


@pytest.mark.parametrize(
    "stem",
    [
        "IP-Adressen in MAC-Adressen löst das Protokoll …",
        "IP-Adressen in MAC-Adressen löst das Protokoll ........ .",
        "A trivia block only triggers a question when...",
        "On 'Married... with Children,' what is Al Bundy's occupation?",
        # dots that are no blank: Morse code, dots named, a sequence, a call
        "If a radiotelegraph station transmits 1 - .... - 2, the receiving operator would copy:",
        "What is the effect of having five periods (e.g. .....) in the text of a TELEX?",
        "Which number follows in 2, 4, ..., 16, 32?",
        "What does print(...) return in Python?",
        # an omission in a quotation
        'Which law says "all men are created equal ... with certain rights"?',
        "Wer sagte „Ich bin ... ein Berliner“?",
    ],
)
def test_dots_ending_the_stem_or_standing_for_no_word_pass(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []
