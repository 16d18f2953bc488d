"""mojibake: UTF-8 text read as Windows-1252 and saved again ("IntroduÃ§Ã£o")."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def garbled(tmp_path: Path, text: str) -> list[Diagnostic]:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    return [d for d in lint([root], Config()).diagnostics if d.rule == "mojibake"]


def mangle(text: str) -> str:
    """What an editor that takes UTF-8 for Windows-1252 saves."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_a_garbled_file_is_reported_once_a_question_and_once_outside_them(
    tmp_path: Path,
) -> None:
    question = QUESTION.replace(STEM, "stem: Qual é a topologia “em estrela” — e por quê?")
    text = section_yaml(question).replace("title: Main", "title: Introdução às Redes")
    title, stem = garbled(tmp_path, mangle(text))
    assert (title.line, title.column, title.severity, title.question) == (2, 8, "warning", None)
    assert title.message == (
        "'IntroduÃ§Ã£o' is most likely 'Introdução' garbled: the file was read as "
        "Windows-1252 and saved again as UTF-8"
    )
    assert title.hint and title.hint.startswith("write the text again;")
    assert (stem.line, stem.column, stem.question) == (5, 16, "q1")
    assert stem.message.startswith("'Ã©' is most likely 'é' garbled: ")


def test_the_garbled_word_is_quoted_where_it_is_written_however_long_the_text(
    tmp_path: Path,
) -> None:
    stem = "Qual protocolo da camada de transporte garante a entrega e a ordenação?"
    question = QUESTION.replace(STEM, f'stem: "{stem}"').replace(
        "SageMaker covers", "A função do SageMaker covers"
    )
    [found] = garbled(tmp_path, mangle(section_yaml(question)))
    column = len('    stem: "') + stem.index("ordenação") + 1
    assert (found.line, found.column, found.question) == (5, column, "q1")
    assert found.message == (
        "'ordenaÃ§Ã£o' is most likely 'ordenação' garbled (and 1 more text in this question): "
        "the file was read as Windows-1252 and saved again as UTF-8"
    )


def test_a_question_can_switch_it_off(tmp_path: Path) -> None:
    question = QUESTION.replace(STEM, "stem: Qual é a topologia?") + (
        'lint: {ignore: [mojibake], reason: "quotes mojibake on purpose"}\n'
    )
    assert garbled(tmp_path, mangle(section_yaml(question))) == []


@pytest.mark.parametrize(
    "stem",
    [
        "Qual é a função do switch na camada de enlace? Ação, opção, três, À noite",
        "Quelle est la fonction « principale » d’un commutateur ? Où est-ce, déjà ?",  # noqa: RUF001
        "»Welche Straße« führt zum Großhändler? Äpfel, Öl, Übung, ß",
        "¿Cuál es la función del conmutador? ¡Señal! Año, niño",
        "Какая функция у коммутатора? Ответ: пересылка кадров",  # noqa: RUF001
        "Â is a letter, and so are Ã and Ð alone",
    ],
)
def test_correct_text_in_many_languages_is_not_reported(tmp_path: Path, stem: str) -> None:
    question = QUESTION.replace(STEM, f'stem: "{stem}"')
    assert garbled(tmp_path, section_yaml(question)) == []
