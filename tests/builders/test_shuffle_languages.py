"""``--shuffle`` in a bank not in English: any of a question's letters standing alone as a
word in an option, a feedback or the explanation keeps the question in order, but a letter
that is a word of the language at the start of a sentence ("A resposta", "O modelo"), a
unit ("10 A") or a name ("langage C") lets it move."""

# ruff: noqa: RUF001  # Russian sentences are the point: their letters look Latin by design
from __future__ import annotations

import pytest

from exambank.model import Question
from exambank.shuffle import keeps_its_order, shuffled
from tests.conftest import section_yaml

OPTIONS = {"A": "Le commutateur", "B": "Le routeur", "C": "Le pare-feu", "D": "Le serveur"}


def question(explanation: str = "Le routeur relie les réseaux.", **options: object) -> Question:
    return Question.model_validate(
        {
            "id": "q1",
            "stem": "Quel équipement relie deux réseaux ?",
            "options": OPTIONS | options,
            "answer": "B",
            "explanation": explanation,
        }
    )


# The French teacher's notes the build shuffled (review F, finding 2), then a letter at the
# start of a sentence before a verb, and the other languages' letters.
NOTES = [
    ("fr", "La réponse correcte est la B."),
    ("fr", "La bonne réponse est la C."),
    ("fr", "Il fallait cocher B."),
    ("fr", "La B est la seule correcte."),
    ("fr", "Seule la proposition C convient."),
    ("fr", "On élimine A et B."),
    ("fr", "contrairement à B, ce n'est pas un routeur"),
    ("fr", "voir la proposition C"),
    ("fr", "c'est la bonne réponse, pas C"),
    ("fr", "Pas « B », mais C."),
    ("fr", "A est la bonne réponse."),
    ("fr", "Seule la A convient."),  # a letter that is a word, inside a sentence
    ("fr-CA", "Il fallait cocher **D**."),
    ("pt", "A resposta certa é a B."),
    ("pt-BR", "Só a D guarda objetos."),
    ("es", "No es la C, sino la B."),
    ("es", "¿A o B? Ninguna."),
    ("it", "Non la B, ma la C."),
    ("pl", "Tylko B."),
    ("ru", "Верно только Б."),  # the second letter of the Russian alphabet
    ("ru", "Не А, а В."),  # Cyrillic twins of A and B
    ("ru", "Верно только С."),  # the Cyrillic twin of C
    ("de", "Nicht B, sondern C."),
    ("de", "A und C stimmen nicht."),
    ("xx", "Gemeint ist C."),  # any language but English
]


@pytest.mark.parametrize(("language", "note"), NOTES)
def test_a_note_naming_a_letter_keeps_the_order(language, note):
    assert keeps_its_order(question(note), language)
    feedback = {"text": "Le commutateur", "feedback": note}
    assert keeps_its_order(question(A=feedback), language)


@pytest.mark.parametrize(
    "option",
    [
        "Les réponses A et B",
        "Seulement A",
        "Les deux",
        "Les deux premières",
        "Toutes les propositions",
        "Tout ce qui précède",
        "Aucune réponse n'est correcte",
        "Aucune proposition",
    ],
)
def test_a_french_option_pointing_at_others_keeps_the_order(option):
    assert keeps_its_order(question(D=option), "fr")


# Letters that are words at the start of a sentence, units, names and letters inside words.
MOVING = [
    ("fr", "A la fin, le routeur transmet."),
    ("fr", "A partir de là, il route."),
    ("fr", "Y a-t-il un routeur ?"),
    ("fr", "C'est le routeur. D'abord, il route."),
    ("fr", "Le langage C est compilé."),
    ("fr", "Un courant de 10 A circule."),
    ("fr", "Une adresse de classe B, un enregistrement A."),
    ("fr", "Le lecteur C: est plein ; voir C:\\Windows."),
    ("fr", "Un test A/B, en C++ ou en C#."),
    ("pt", "A resposta certa guarda objetos."),
    ("pt", "O modelo certo. E o serviço também."),
    ("pt", "A Microsoft oferece isso. A 5G também."),
    ("es", "A la hora de enrutar, gana."),
    ("es", "¿A qué puerto escucha? «A la una», dice."),
    ("es", "Y el servicio también. O bien el router."),
    ("it", "E il servizio sbaglia. A volte il router fallisce."),
    ("pl", "A więc router. W systemie Linux działa. Z tego powodu działa."),
    ("ru", "В этом случае маршрутизатор."),
    ("ru", "С помощью маршрутизатора."),
    ("ru", "А также коммутатор. А это значит, что всё верно."),
    ("ru", "И поэтому он работает."),
    ("de", "Ein Netz der Klasse B hat 65.534 Hosts. Die Spannung beträgt 230 V."),
    ("de", "Vitamin C ist gesund, das Laufwerk C ist voll."),
]


@pytest.mark.parametrize(("language", "note"), MOVING)
def test_a_letter_that_names_no_option_lets_it_move(language, note):
    assert not keeps_its_order(question(note), language)
    feedback = {"text": "Le commutateur", "feedback": note}
    assert not keeps_its_order(question(A=feedback), language)


@pytest.mark.parametrize("option", ["A la maison", "Le langage C", "Les deux routeurs"])
def test_an_option_beginning_with_an_article_or_ending_with_a_name_moves(option):
    assert not keeps_its_order(question(D=option), "fr")


def test_a_letter_that_is_no_option_of_the_question_lets_it_move():
    assert not keeps_its_order(question("Voir le point E du schéma."), "fr")  # A to D


@pytest.mark.parametrize(
    "note", ["The D layer absorbs them.", "La B est la seule correcte.", "Lyndon B. Johnson"]
)
def test_an_english_bank_is_read_by_its_phrasings_only(note):
    """On 6,695 English questions of real banks, a lone letter is mostly a name ("D layer",
    "Loran C"): English notes are read by their phrasings ("answer B") alone."""
    assert not keeps_its_order(question(note), "en")
    assert not keeps_its_order(question(note), "en-GB")


def test_a_french_handout_does_not_contradict_its_key(make_bank):
    """The teacher's repro: her shuffled trainer handout put 'Réponse : C' over 'La bonne
    réponse est la B' and moved 'Les réponses B et C' to A."""
    first = (
        "id: q1\nstem: Quel équipement relie deux réseaux IP ?\n"
        "options: {A: Le commutateur, B: Le routeur, C: Le concentrateur, D: Le répéteur}\n"
        "answer: B\nexplanation: La bonne réponse est la B, le routeur.\n"
    )
    second = (
        "id: q2\nstem: Quels protocoles s'appuient sur TCP ?\noptions:\n"
        "  A:\n    text: ICMP\n    feedback: contrairement à C, il n'utilise pas TCP\n"
        "  B: ARP\n  C: HTTP\n  D: Les réponses B et C\n"
        "answer: C\nexplanation: Seule la proposition C convient.\n"
    )
    manifest = "id: test-bank\ntitle: Test\nlanguage: fr\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(first, second)}, manifest)
    written = [ref.question.options for ref in bank.questions()]
    for seed in map(str, range(20)):
        assert [ref.question.options for ref in shuffled(bank, seed).questions()] == written
