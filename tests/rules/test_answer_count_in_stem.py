"""``answer-count``'s ``count_in_stem``: a multiple-answer stem that does not say how many
to choose (review s24, finding 8), and the open counts the handouts leave unlabelled."""

from pathlib import Path

import pytest

from exambank import pyproject
from exambank.builders.answer_instruction import answer_instruction
from exambank.builders.labels import labels_for
from exambank.config import Config
from exambank.model import Question
from exambank.rule_docs import rule_page
from exambank.rules.answer_requests import hides_count
from tests.conftest import QUESTION, section_yaml

ON = Config(rule_options={"answer-count": {"count_in_stem": True}})
NO_COUNT = "Which AWS services store data?"
# A bank in ``language``, the language whose requests the stems are read in.
_MANIFEST = "id: t\ntitle: T\nlanguage: {language}\nsections: [main]\n"


def multiple(number: int, stem: str, answer: str = "[A, B]") -> str:
    return (
        QUESTION.replace("id: q1", f"id: q{number}\ntype: multiple")
        .replace("Which AWS service trains, tunes and deploys ML models?", f'"{stem}"')
        .replace("answer: A", f"answer: {answer}")
    )


def reported_stems(lint_bank, stems, language="en", config=ON):
    """The ids of the questions whose stem ``count_in_stem`` reports, each stem a
    two-answer ``multiple`` question (three where it asks for three)."""
    questions = [
        multiple(number, stem, "[A, B, C]" if "thre" in stem.casefold() else "[A, B]")
        for number, stem in enumerate(stems)
    ]
    manifest = _MANIFEST.format(language=language)
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest=manifest, config=config)
    return [
        found.question
        for found in result.diagnostics
        if found.rule == "answer-count" and "how many" in found.message
    ]


@pytest.mark.parametrize(
    ("language", "stem"),
    [
        ("en", "Which are storage services?"),
        ("de", "Welche Dienste speichern Daten?"),
        ("es", "¿Qué servicios almacenan datos?"),
        ("fr", "Quels services stockent des données ?"),
        ("pt", "Quais serviços armazenam dados?"),
        ("ru", "Какие сервисы хранят данные?"),
    ],
)
def test_a_multiple_stem_without_a_count_is_reported(lint_bank, language, stem):
    assert reported_stems(lint_bank, [stem], language) == ["q0"]


def test_the_finding_points_at_the_stem_and_names_the_count(lint_questions):
    [found] = [
        d for d in lint_questions(multiple(1, NO_COUNT), config=ON) if d.rule == "answer-count"
    ]
    assert found.message == "the stem does not say how many answers to choose"
    # on the stem's line; a warning, as the build's handouts state the count themselves
    assert found.line == 6 and found.severity == "warning"
    assert '"(Select 2.)"' in (found.hint or "") and "Select all that apply" in (found.hint or "")


@pytest.mark.parametrize(
    ("language", "stem"),
    [
        ("en", "Which services store data? Select all that apply."),
        ("en", "Which services store data? (Choose two.)"),
        ("en", "Which TWO services store data?"),
        ("en", "Select two of the following that store data."),
        ("en", "Which three services store data? (Choose three.)"),
        ("en", "Which services store data? (2 answers)"),
        ("en", "Which services store data? More than one answer may be correct."),
        ("de", "Welche Dienste speichern Daten? Wählen Sie zwei."),
        ("de", "Welche beiden Dienste speichern Daten?"),
        ("de", "Welche Dienste speichern Daten? Eine oder mehrere Antworten."),
        ("es", "¿Qué servicios almacenan datos? Elija dos."),
        ("es", "¿Qué dos servicios almacenan datos?"),
        ("es", "¿Qué servicios almacenan datos? Marque todas las correctas."),
        ("fr", "Quels services stockent des données ? Choisissez deux réponses."),
        ("fr", "Quelles sont les deux offres de stockage ?"),
        ("fr", "Quels services stockent des données ? Cochez la ou les bonnes réponses."),
        ("ru", "Какие сервисы хранят данные? Выберите два."),
        ("ru", "Выберите все варианты, в которых сервис хранит данные."),
    ],
)
def test_a_stem_that_states_the_count_or_leaves_it_open_is_not(lint_bank, language, stem):
    # beside a stem that is reported, so the option is seen to be on
    assert reported_stems(lint_bank, [stem, NO_COUNT], language) == ["q1"]


def test_off_by_default_as_the_handouts_print_the_count(lint_bank):
    assert reported_stems(lint_bank, [NO_COUNT], config=Config()) == []
    assert reported_stems(lint_bank, [NO_COUNT]) == ["q0"]
    question = Question.model_validate(
        {**_fields(NO_COUNT), "type": "multiple", "answer": ["A", "B"]}
    )
    assert answer_instruction(question, labels_for("en")) == "Choose 2 answers."


def test_a_bank_in_a_language_whose_requests_are_not_read_is_left_alone(lint_bank):
    # "Scegli DUE" is a count the rule cannot read: no finding rather than a wrong one
    stems = ["Quali servizi memorizzano dati? Scegli DUE.", "Quali servizi memorizzano dati?"]
    assert reported_stems(lint_bank, stems, "it") == []
    assert reported_stems(lint_bank, [NO_COUNT], "en") == ["q0"]


def test_count_in_stem_is_set_in_pyproject_and_shown_on_the_rule_page(tmp_path: Path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.exambank.rules.answer-count]\ncount_in_stem = true\n", encoding="utf-8")
    assert pyproject.read(path).options_for("answer-count")["count_in_stem"] is True
    assert "    count_in_stem = false" in rule_page("answer-count")


@pytest.mark.parametrize(
    ("open_count", "near_miss"),
    [
        (
            "Select all of the options below which name a continent:",
            "Which SQL clause selects all of the rows below a threshold?",
        ),
        ("Choose all the statements that are true.", "Choose all-in-one storage."),
        (
            "Выберите все варианты, в которых result равна 25.",
            "Выберите вариант, в котором result равна 25.",
        ),
        ("Укажите все верные утверждения.", "Укажите верное утверждение."),
        ("Отметьте все протоколы транспортного уровня.", "Отметьте протокол."),
    ],
)
def test_select_all_of_the_options_leaves_the_count_open(open_count, near_miss):
    # review s24 #8's real banks: "Выберите все значения строки line, при которых ..."
    # printed "Choose 7 answers." under it, giving the number the stem keeps open away
    assert hides_count(open_count) and not hides_count(near_miss)
    question = Question.model_validate(
        {**_fields(open_count), "type": "multiple", "answer": ["A", "B"]}
    )
    assert answer_instruction(question, labels_for("ru")) is None


def _fields(stem: str) -> dict[str, object]:
    return {
        "id": "q1",
        "stem": stem,
        "options": {"A": "Amazon S3", "B": "Amazon EBS", "C": "AWS Lambda"},
        "explanation": "S3 and EBS store data.",
    }
