"""all-of-the-above and none-of-the-above on Spanish, Portuguese and French banks (review
s23-i18n #1): the whole option points back at the others, or it is a claim of its own."""

import pytest

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import question

RULES = Config(select={"all-of-the-above", "none-of-the-above"})


def _found(lint_bank, language, option, others=("TCP", "UDP", "IP")):
    options = dict(zip("ABC", others, strict=True)) | {"D": option}
    manifest = f"id: redes\ntitle: Redes\nlanguage: {language}\nsections: [main]\n"
    sections = {"01-main.yaml": section_yaml(question("q1", "¿Qué protocolo?", options, "A"))}
    result = lint_bank(sections, manifest, RULES)
    assert not result.notes  # both rules ran
    return [d.rule for d in result.diagnostics]


@pytest.mark.parametrize(
    ("language", "option"),
    [
        ("es", "Todas las anteriores"),
        ("es", "Todas las opciones anteriores"),
        ("es", "Todas son correctas"),
        ("es", "Todas ellas"),
        ("es-MX", "Todo lo anterior"),
        ("es", "Ambas son correctas"),
        ("pt", "Todas as alternativas acima"),
        ("pt-BR", "Todas estão corretas"),
        ("fr", "Toutes les réponses ci-dessus"),
        ("fr", "Toutes ces réponses"),
        ("fr", "Tout ce qui précède"),
    ],
)
def test_all_of_the_above(lint_bank, language, option):
    assert _found(lint_bank, language, option) == ["all-of-the-above"]


@pytest.mark.parametrize(
    ("language", "option"),
    [
        ("es", "Ninguna de las anteriores"),
        ("es", "Ninguna de ellas"),
        ("es", "Ninguna opción es correcta"),
        ("es", "Ninguna"),
        ("es", "Todas son incorrectas"),  # none is right
        ("pt", "Nenhuma das alternativas acima"),
        ("pt", "Nenhuma delas"),
        ("pt-BR", "N.D.A."),
        ("fr", "Aucune de ces réponses"),
        ("fr", "Aucune n'est correcte"),
        ("fr", "Aucune"),
    ],
)
def test_none_of_the_above(lint_bank, language, option):
    assert _found(lint_bank, language, option) == ["none-of-the-above"]


@pytest.mark.parametrize(
    ("language", "option"),
    [
        ("es", "Todas las instancias se reinician"),
        ("es", "Todos los puertos"),
        ("es", "Ambas"),  # "Both" alone: as in English, a combination at most
        ("es", "Ningún servidor responde"),
        ("es", "Todas las respuestas del servidor se almacenan"),
        ("pt", "Nenhum pacote é perdido"),
        ("fr", "Aucune idée"),
        ("fr", "Toutes les 5 minutes"),
        ("fr", "Les deux"),
    ],
)
def test_a_claim_of_its_own_is_left_alone(lint_bank, language, option):
    assert _found(lint_bank, language, option) == []


def test_none_beside_numbers_is_a_value(lint_bank):
    # "¿Cuántos ...? 1, 2, 3, Ninguno": the quantity zero, as "None" is beside numbers
    assert _found(lint_bank, "es", "Ninguno", others=("1", "2", "3")) == []
