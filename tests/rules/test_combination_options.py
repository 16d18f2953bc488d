"""combination-options: an option that combines others ("A and C")."""

import pytest

from exambank.model import Question
from exambank.shuffle import keeps_its_order
from tests.rules.item_writing import SERVICES, found_by, question

RULE = "combination-options"


@pytest.mark.parametrize(
    "text",
    [
        "A and C",
        "Both A and B",
        "I and III only",
        "A, B and C",
        "B & D",
        "(A) or (C)",
        "A and C are correct",
        "I, II, and III",
        "Both a) and b)",
        "both a) and c) are invalid",
    ],
)
def test_combined_options_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


@pytest.mark.parametrize(
    "text", ["A and B testing", "Amazon S3 and CloudFront", "AWS IAM", "Plan A", "a and c"]
)
def test_ordinary_options_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


NUMBERED = "Which statements are true?\n\n1. SageMaker trains models.\n2. Lambda trains models."


def test_statement_numbers_count_when_the_stem_numbers_its_statements(lint_questions):
    text = question(stem=NUMBERED, options={**SERVICES, "D": "1 and 2"})
    [found] = found_by(RULE, lint_questions, text)
    assert found.message == 'option D ("1 and 2") combines other options'


def test_numbers_are_values_when_the_stem_numbers_nothing(lint_questions):
    # Python quizzes (pythonexercises, MIT) print values: "7, 8, 9" is an output.
    stem = "What does this print?\n\n```python\nprint(*range(7, 10), sep=', ')\n```"
    options = {"A": "7, 8, 9", "B": "7, 8, 9, 10", "C": "8, 9", "D": "7 8 9"}
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


@pytest.mark.parametrize(
    "text", ["A и B", "A und C", "A, B y C", "I e III", "a) und b)", "I или II"]
)
def test_references_joined_by_a_word_of_any_language_are_combined(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


def test_numbers_joined_by_a_word_of_another_language_count_in_a_numbered_stem(lint_questions):
    text = question(stem=NUMBERED, options={**SERVICES, "D": "1 et 2"})
    [found] = found_by(RULE, lint_questions, text)
    assert found.message == 'option D ("1 et 2") combines other options'


@pytest.mark.parametrize("text", ["A to B", "A/B", "AB", "A, B, C and more"])
def test_letters_related_otherwise_are_no_combination(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


@pytest.mark.parametrize("text", ["1 to 1", "1 in 3", "2 x 4", "1 by 2"])
def test_ratios_odds_and_sizes_are_values_even_in_a_numbered_stem(lint_questions, text):
    options = {**SERVICES, "D": text}
    assert found_by(RULE, lint_questions, question(stem=NUMBERED, options=options)) == []


def test_a_question_with_a_combination_in_another_language_keeps_its_order():
    # `exambank build --shuffle` once relettered «A и B» until it named itself.
    def written(option_d: str) -> Question:
        options = {"A": "TCP", "B": "UDP", "C": "IP", "D": option_d}
        data = {"id": "q1", "stem": "Какие?", "options": options, "answer": "D"}
        return Question.model_validate({**data, "explanation": "TCP и UDP."})

    assert keeps_its_order(written("A и B"), "ru")
    assert not keeps_its_order(written("ARP"), "ru")


# A Spanish teacher's combined options (review ES, finding 5): Spanish wraps the letters.
@pytest.mark.parametrize(
    "text",
    [
        "A y C son correctas",
        "Las respuestas A y C son correctas",
        "Sólo A y C",
        "Solo A y C",
        "Sólo B y C",
        "Ambas A y C",
        "Tanto A como C",
        "Son correctas A y C",
        "Son correctas las A y C",
        "A y C son falsas",
        "b) y c) son correctas",
    ],
)
def test_spanish_wrappers_around_combined_letters_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


@pytest.mark.parametrize(
    "text", ["a y c", "Solo AWS", "Ambas regiones", "Tanto S3 como EC2", "Son correctas"]
)
def test_spanish_words_without_combined_letters_pass(lint_questions, text):
    """A bare "a y c" may be Spanish words ("a", "y"): only "b) y c)" counts in lower case."""
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


# English wrappers the rule missed (review 106, finding 5): FCC element 5 q192, element 6
# q322 and element 1 q86 (public domain), and probes.
@pytest.mark.parametrize(
    "text",
    [
        "Either A or B",
        "Either B or C",
        "Options A and C",
        "Choices A and B",
        "Answers A and B are both correct",
        "Answers a) and c) are both correct.",
    ],
)
def test_english_wrappers_around_combined_letters_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


# A Brazilian teacher's combined options (review 107, finding 5).
@pytest.mark.parametrize(
    "text",
    [
        "Apenas A e B",
        "Somente A e B estão corretas",
        "A e B estão corretas",
        "A e C são falsas",
        "Tanto A quanto B",
        "Apenas I e III",
        "Apenas as afirmativas I e III estão corretas",
        "Somente as alternativas A e C",
        "As alternativas B e D estão corretas",
    ],
)
def test_portuguese_wrappers_around_combined_letters_are_reported(lint_questions, text):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "D": text}))
    assert found.message == f'option D ("{text}") combines other options'


TRUTH_STEM = "Classifique em V ou F as afirmações. A sequência correta é"


@pytest.mark.parametrize(
    "options",
    [
        {"A": "V, F, V", "B": "F, V, V", "C": "V, V, F", "D": "F, F, V"},
        {
            "A": "F \u2013 V \u2013 V",
            "B": "V \u2013 F \u2013 V",
            "C": "V \u2013 V \u2013 F",
            "D": "F \u2013 F \u2013 V",
        },
        {"A": "V F V", "B": "F V F", "C": "V V F", "D": "F F V"},
        {"A": "V, F", "B": "F, V", "C": "V, V", "D": "F, F"},
        {"A": "C, E, C", "B": "E, C, C", "C": "C, C, E", "D": "E, E, C", "E": "C, E, E"},
    ],
)
def test_sequences_of_truth_values_are_no_combination(lint_questions, options):
    """Verdadeiro/falso (and Cebraspe's certo/errado) answers: "F" is no option of A-D,
    and a combination never names one option twice."""
    text = question(stem=TRUTH_STEM, options=options)
    assert found_by(RULE, lint_questions, text) == []


@pytest.mark.parametrize("text", ["A and F", "E ou F", "C e G"])
def test_a_letter_the_question_has_no_option_for_does_not_count(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []


def test_letters_of_the_questions_own_options_count_past_d(lint_questions):
    options = {**SERVICES, "E": "AWS Glue", "F": "A and F"}
    [found] = found_by(RULE, lint_questions, question(options=options))
    assert found.message == 'option F ("A and F") combines other options'


@pytest.mark.parametrize(
    "text", ["Apenas AWS", "Tanto S3 quanto EC2", "As alternativas", "Somente as opções"]
)
def test_portuguese_words_without_combined_letters_pass(lint_questions, text):
    assert found_by(RULE, lint_questions, question(options={**SERVICES, "D": text})) == []
