import pytest

from exambank.rules.answer_requests import hides_count, requested_count
from tests.conftest import QUESTION, rules_of, section_yaml


def multiple(stem: str, answer: str) -> str:
    return (
        QUESTION.replace("answer: A", f"answer: {answer}")
        .replace("stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {stem}")
        .replace("id: q1", "id: q1\ntype: multiple")
    )


def count_errors(found):
    return [d for d in found if d.rule == "answer-count"]


def test_single_question_with_two_answers(lint_questions):
    [error] = count_errors(lint_questions(QUESTION.replace("answer: A", "answer: [A, B]")))
    assert error.line == 11 and "2 answers" in error.message


def test_multiple_question_with_one_answer(lint_questions):
    [error] = count_errors(lint_questions(multiple("Which store features?", "[A]")))
    assert "1 answer" in error.message


def test_multiple_question_whose_count_differs_from_the_stem(lint_questions):
    found = count_errors(
        lint_questions(multiple("Which store features? (Select THREE.)", "[A, B]"))
    )
    assert len(found) == 1 and "asks for 3" in found[0].message


def test_single_question_whose_stem_asks_for_two(lint_questions):
    found = count_errors(lint_questions(QUESTION.replace("models?", "models? (Choose two.)")))
    assert len(found) == 1 and "type: multiple" in (found[0].hint or "")


def test_matching_counts_pass(lint_questions):
    found = lint_questions(
        multiple("Which store features? (Choose 2)", "[A, C]"), QUESTION.replace("q1", "q2")
    )
    assert "answer-count" not in rules_of(found)


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Select TWO.", 2),
        ("(Choose three.)", 3),
        ("Pick 4 options", 4),
        ("Which is the best choice?", None),
        ("Select the right one", None),
        ("Which TWO services store features?", 2),
        ("Which service stores 2 copies?", None),
    ],
)
def test_requested_count_reads_the_stem(stem, count):
    assert requested_count(stem) == count


def test_which_two_answered_by_one_option_naming_both(lint_questions):
    # FCC commercial pool, element 3: the options are lists, the key is one of them.
    question = (
        QUESTION.replace(
            "Which AWS service trains, tunes and deploys ML models?",
            "Which three network types match an amplifier to a transmission line?",
        )
        .replace("Amazon SageMaker", "L network, pi network and pi-L network")
        .replace("AWS Lambda", "T network, M network and Z network")
    )
    assert "answer-count" not in rules_of(lint_questions(question))


def test_which_two_with_a_single_named_key_is_still_reported(lint_questions):
    stem = "Which two services store features?"
    question = QUESTION.replace("Which AWS service trains, tunes and deploys ML models?", stem)
    [error] = count_errors(lint_questions(question))
    assert "asks for 2 answers" in error.message


def test_select_two_is_reported_even_when_the_key_names_two(lint_questions):
    question = QUESTION.replace("models?", "models? (Select TWO.)").replace(
        "Amazon SageMaker", "Amazon SageMaker and AWS Glue"
    )
    assert len(count_errors(lint_questions(question))) == 1


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Wählen Sie ZWEI Protokolle der Anwendungsschicht.", 2),
        ("Welche drei Dienste speichern Daten?", 3),
        ("Choisissez deux réponses.", 2),
        ("Quelles quatre couches ... ?", 4),
        ("¿Qué protocolo usa el puerto 53? (Elija DOS)", 2),
        ("¿Cuáles cinco ...?", 5),
        ("Выберите ДВА протокола прикладного уровня.", 2),
        ("Укажите две службы.", 2),
        ("Какие три протокола ...?", 3),
        ("Выберите 3 ответа.", 3),
        ("Какой протокол работает на транспортном уровне?", None),
        ("Le protocole est deux fois plus rapide.", None),
        # a language's count words follow its own verbs only
        ("Which DOS command lists the files in a folder?", None),
        ("Identify tres leches cake from its ingredients.", None),
        ("Welche two-phase commit?", None),
        ("Unmark two of them.", None),  # a verb inside a word
        ("Which DOS command? Select TWO.", 2),  # the first request of its own language
        ("Quais serviços armazenam dados? (Escolha DUAS.)", 2),
        ("Selecione 2 serviços.", 2),
        ("Quais protocolos são de transporte? (Escolha três.)", 3),
        ("Escolha as duas alternativas corretas.", 2),
        ("Quais dois protocolos ...?", 2),
        ("Qual protocolo usa a porta 53?", None),
        ("O protocolo é duas vezes mais rápido.", None),
        # a word Portuguese shares with Spanish is read in both
        ("Seleccione TRÊS opções.", 3),
        ("Marque duas.", 2),
        ("Elija cinco.", 5),
        ("Escolha dos ficheiros.", None),  # "dos" is Spanish's two, Portuguese's "of the"
    ],
)
def test_requested_count_reads_requests_in_other_languages(stem, count):
    assert requested_count(stem) == count


def test_single_question_whose_russian_stem_asks_for_two(lint_questions):
    question = QUESTION.replace(
        "Which AWS service trains, tunes and deploys ML models?",
        "Выберите ДВА протокола прикладного уровня.",
    )
    [error] = count_errors(lint_questions(question))
    assert "asks for 2 answers" in error.message


def test_which_two_in_russian_answered_by_one_option_naming_both(lint_questions):
    question = QUESTION.replace(
        "Which AWS service trains, tunes and deploys ML models?",
        "Какие две страны окружают Эверест?",
    ).replace("Amazon SageMaker", "Непал и Китай")
    assert "answer-count" not in rules_of(lint_questions(question))


def test_single_question_whose_portuguese_stem_asks_for_two(lint_questions):
    question = QUESTION.replace(
        "Which AWS service trains, tunes and deploys ML models?",
        "Quais serviços treinam modelos? (Selecione DUAS.)",
    )
    [error] = count_errors(lint_questions(question))
    assert "asks for 2 answers" in error.message


@pytest.mark.parametrize(
    ("stem", "key", "reported"),
    [
        ("Quais dois países fazem fronteira com o Everest?", "Nepal e China", False),
        ("Which two services store features?", "Amazon S3 (e.g. Glacier)", True),
        ("Which two services send mail?", "Amazon SES e-mail", True),
    ],
)
def test_which_two_answered_by_one_option_joined_by_e(lint_questions, stem, key, reported):
    """Portuguese joins the two things by "e"; the "e" of "e.g." and "e-mail" joins none."""
    question = QUESTION.replace(
        "Which AWS service trains, tunes and deploys ML models?", stem
    ).replace("Amazon SageMaker", key)
    assert ("answer-count" in rules_of(lint_questions(question))) == reported


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Quels protocoles utilisent TCP ? (2 réponses)", 2),
        ("Quels protocoles utilisent TCP ? (2 bonnes réponses)", 2),
        ("Welche Protokolle nutzen TCP? (2 Antworten)", 2),
        ("Which services store data? (3 answers)", 3),
        ("Which services store data? (THREE correct answers)", 3),
        ("Какие протоколы используют TCP? (2 ответа)", 2),
        ("Quelles sont les deux protocoles qui utilisent TCP ?", 2),
        ("Quels sont les trois protocoles ?", 3),
        ("¿Cuáles son los dos protocolos?", 2),
        ("Quais são os dois protocolos?", 2),
        ("Which are the two services that store data?", 2),
        ("Wählen Sie die zwei richtigen Antworten.", 2),
        ("Which option is right? (multiple options)", None),
        ("Which service stores data? (see 2 examples)", None),
        ("Quelle commande (dig) affiche 2 réponses DNS (A) ?", None),  # outside brackets
        ("Quels protocoles utilisent TCP ? Cochez la ou les bonnes réponses.", None),
        ("Quelles sont les couches du modèle OSI ?", None),
    ],
)
def test_requested_count_reads_a_count_in_brackets_or_after_are_the(stem, count):
    assert requested_count(stem) == count


@pytest.mark.parametrize(
    ("stem", "hidden"),
    [
        ("Quels protocoles utilisent TCP ? Cochez la ou les bonnes réponses.", True),
        ("Quels protocoles ? Une ou plusieurs réponses.", True),
        ("Quels protocoles ? Un ou plusieurs choix.", True),
        ("Quels protocoles utilisent TCP ? Plusieurs réponses possibles.", True),
        ("Quels protocoles ? Plusieurs réponses sont possibles.", True),
        ("Which services store data? Select all that apply.", True),
        ("Which services store data? Choose one or more.", True),
        ("Welche Protokolle? Eine oder mehrere Antworten.", True),
        ("Welche Protokolle? Mehrere Antworten sind möglich.", True),
        ("¿Qué protocolos? Elija una o más.", True),
        ("Quais protocolos? Marque uma ou mais.", True),
        ("Quali protocolli? Una o più risposte.", True),
        ("Какие протоколы? Выберите один или несколько.", True),
        ("Które protokoły? Zaznacz jedną lub więcej.", True),
        ("Welke protocollen? Een of meer antwoorden.", True),
        ("Quels protocoles utilisent TCP ? Cochez deux réponses.", False),
        ("Which one stores more data?", False),
        ("Quelle est la couche la plus basse ?", False),
    ],
)
def test_hides_count_reads_a_count_left_open_on_purpose(stem, hidden):
    assert hides_count(stem) == hidden


@pytest.mark.parametrize("answer", ["[A, C]", "[A, B, C]"])
def test_a_stem_that_leaves_the_count_open_is_not_reported(lint_questions, answer):
    stem = "Quels services stockent des données ? Cochez la ou les bonnes réponses."
    assert count_errors(lint_questions(multiple(stem, answer))) == []


def test_a_count_in_brackets_is_checked_against_the_key(lint_questions):
    [error] = count_errors(lint_questions(multiple("Quels services ? (3 réponses)", "[A, C]")))
    assert "asks for 3 answers but 2 are given" in error.message
    question = QUESTION.replace("models?", "models? (2 réponses)")
    [error] = count_errors(lint_questions(question))
    assert "single-answer" in error.message


# A Spanish teacher's requests (review ES, finding 2): usted's and tú's forms of each verb,
# "¿Qué dos ...?", a count in brackets before "opciones" and "Hay dos respuestas correctas".
@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("¿Qué protocolos son de transporte? Señale dos.", 2),
        ("¿Qué protocolos son de transporte? Indique dos.", 2),
        ("¿Qué protocolos son de transporte? Escoge dos.", 2),
        ("¿Qué protocolos son de transporte? Marca dos.", 2),
        ("¿Qué protocolos son de transporte? Señala dos.", 2),
        ("¿Qué protocolos son de transporte? Indica dos.", 2),
        ("¿Qué protocolos son de transporte? Selecciona tres.", 3),
        ("¿Qué protocolos son de transporte? (Elige 2)", 2),
        ("¿Qué protocolos son de transporte? (2 opciones)", 2),
        ("¿Qué protocolos son de transporte? Señale las dos respuestas correctas.", 2),
        ("¿Qué protocolos son de transporte? Hay dos respuestas correctas.", 2),
        ("¿Qué protocolos son de transporte? Hay 3 opciones correctas.", 3),
        ("¿Qué dos protocolos son de transporte?", 2),
        ("¿Cuáles dos protocolos son de transporte?", 2),
        # a tú command that is also the third person, inside a sentence, asks for nothing
        ("El LED indica dos estados: ¿cuál es el de error?", None),
        ("El planificador elige dos procesos. ¿Cuál se ejecuta?", None),
        ("¿Qué marca tres veces el reloj?", None),
        # "qué" before other words defines; an unaccented "que" is "that"
        ("¿Qué son dos procesos concurrentes?", None),
        ("Se sabe que dos equipos fallan. ¿Por qué?", None),
        ("Hay dos tipos de memoria. ¿Cuál es volátil?", None),
        # "qué" and "cuáles" ask where a question opens (review 17, finding 3), perhaps after
        # a preposition or a request, but not after "por", "para" or "a"
        ("¿Qué 2 protocolos son de transporte?", 2),
        ("¿En qué dos capas trabaja un router?", 2),
        ("Indique qué dos protocolos son de transporte.", 2),
        ("Responda: ¿cuáles tres puertos usa FTP?", 3),
        ("¿Por qué dos procesos que se esperan el uno al otro quedan bloqueados?", None),
        ("¿Por qué 2 equipos de la misma VLAN no se ven?", None),
        ("Explica por qué dos hilos no deben escribir a la vez.", None),
        ("¿Para qué dos cosas sirve un router?", None),
        ("¿A qué 2 elevado a 10 equivale un kibibyte?", None),
        ("Hay cuatro puertos, de los cuales dos son de entrada. ¿Cuál falla?", None),
        ("El LED indica qué dos estados tiene el enlace.", None),
        # after "qué", a number of the things named next, not a number going on
        ("¿Qué 802.11 opera solo en la banda de 5 GHz?", None),
        ("¿Qué 2 GHz usa el canal?", None),
        ("¿Qué 2 elevado a 10 es un kibibyte?", None),
        ("¿Qué 2 de los siguientes son protocolos?", 2),
    ],
)
def test_requested_count_reads_spanish_requests(stem, count):
    assert requested_count(stem) == count


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("Which 3 services store data?", 3),
        ("Which 802.11 standard works only at 5 GHz?", None),
        ("Which 2.4 GHz channels do not overlap?", None),
        ("Which 2 squared is 4?", None),
        ("Which 1500 bytes does an Ethernet frame carry?", None),  # no count of answers
        ("Welche 802.11-Norm nutzt 5 GHz?", None),
        ("Какие 2 протокола работают на транспортном уровне?", 2),
    ],
)
def test_a_number_after_which_counts_things_not_a_standard(stem, count):
    assert requested_count(stem) == count


def test_the_reviewers_single_answer_questions_are_not_reported(lint_bank):
    # review 17's repro: an error here stopped `exambank build`
    stems = [
        "¿Por qué dos procesos que se esperan el uno al otro quedan bloqueados para siempre?",
        "¿Qué 802.11 opera solo en la banda de 5 GHz?",
    ]
    questions = [
        QUESTION.replace("id: q1", f"id: q{n}").replace(
            "Which AWS service trains, tunes and deploys ML models?", stem
        )
        for n, stem in enumerate(stems)
    ]
    manifest = "id: t\ntitle: T\nlanguage: es\nsections: [main]\n"
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest=manifest)
    assert count_errors(result.diagnostics) == []


@pytest.mark.parametrize(
    "stem",
    [
        "¿Qué protocolos son de transporte? Marque todas las correctas.",
        "¿Qué protocolos son de transporte? Seleccione todas las que correspondan.",
        "¿Qué protocolos son de transporte? Marca todas las que sean correctas.",
        "¿Qué protocolos son de transporte? Puede haber varias respuestas correctas.",
        "¿Qué protocolos son de transporte? (respuesta múltiple)",
        "¿Qué protocolos son de transporte? Puede haber más de una.",
    ],
)
def test_hides_count_reads_spanish_open_counts(stem):
    assert hides_count(stem)


def test_hides_count_is_not_spanish_for_any_multiple_choice_question():
    assert not hides_count("Pregunta de opción múltiple: ¿qué protocolo usa el puerto 53?")


@pytest.mark.parametrize("request_", ["Marca dos.", "¿Qué dos protocolos son de transporte?"])
def test_a_spanish_request_is_checked_against_the_key(lint_questions, request_):
    stem = f"¿Qué protocolos son de transporte? {request_}"
    [error] = count_errors(lint_questions(multiple(f'"{stem}"', "[A, C, D]")))
    assert "asks for 2 answers but 3 are given" in error.message


def test_which_two_in_spanish_answered_by_one_option_naming_both(lint_questions):
    question = QUESTION.replace(
        "Which AWS service trains, tunes and deploys ML models?",
        "¿Qué dos países limitan con el Everest?",
    ).replace("Amazon SageMaker", "Nepal y China")
    assert "answer-count" not in rules_of(lint_questions(question))


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        pytest.param(
            QUESTION.replace("answer: A", "answer: []"),
            "write the correct option's letter: answer: <letter>",
            id="single",
        ),
        pytest.param(
            multiple("Which store features? (Select TWO.)", "[]"),
            "write the correct options' letters: answer: [<letter>, <letter>]",
            id="multiple",
        ),
    ],
)
def test_an_answer_left_empty_is_reported_as_not_set_yet(lint_questions, question, hint):
    """'answer: []', as exambank new writes it: one finding, saying what to write, not
    "0 answers" beside "the stem asks for 2"."""
    [error] = count_errors(lint_questions(question))
    assert (error.message, error.hint) == ("answer is not set yet", hint)
