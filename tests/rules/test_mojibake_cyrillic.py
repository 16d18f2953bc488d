"""mojibake on Cyrillic text: UTF-8 read as Windows-1251 and saved again ("РљР°РєРѕР№"),
and, in a bank written in Cyrillic, Windows-1251 read as Windows-1252 ("Êàêîé").

The Russian and Ukrainian texts are constructed for the tests.
"""

# ruff: noqa: RUF001  # the Cyrillic letters are the point

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
EXPLANATION = "explanation: SageMaker covers the whole ML lifecycle."
RUSSIAN = QUESTION.replace(
    STEM, "stem: Какой порт слушает PostgreSQL? Олег шёл «домой» — №5"
).replace(EXPLANATION, "explanation: Порт 5432.")


def garbled(tmp_path: Path, text: str, language: str | None = "ru") -> list[Diagnostic]:
    manifest = "id: test-bank\ntitle: Test bank\nsections: [main]\n"
    if language:
        manifest += f"language: {language}\n"
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text}, manifest)
    return [d for d in lint([root], Config()).diagnostics if d.rule == "mojibake"]


def read_as_windows_1251(text: str) -> str:
    """What an editor that takes UTF-8 for Windows-1251 saves."""
    return text.encode("utf-8").decode("cp1251")


@pytest.mark.parametrize("language", ["ru", None])
def test_utf8_read_as_windows_1251_is_reported_in_any_bank(
    tmp_path: Path, language: str | None
) -> None:
    text = read_as_windows_1251(section_yaml(RUSSIAN))
    [found] = garbled(tmp_path, text, language)
    assert (found.line, found.column, found.severity, found.question) == (5, 11, "warning", "q1")
    assert found.message == (
        "'РљР°РєРѕР№' is most likely 'Какой' garbled (and 1 more text in this question): the "
        "file was read as Windows-1251 and saved again as UTF-8"
    )
    assert found.hint == (
        "write the text again; if every Cyrillic letter of the file is garbled, undo it at "
        "once: in VS Code, 'Save with Encoding' -> Cyrillic (Windows 1251), then 'Reopen "
        "with Encoding' -> UTF-8"
    )
    assert text.encode("cp1251").decode() == section_yaml(RUSSIAN)  # the hint's undo is right


def test_a_garbled_one_letter_word_is_quoted_where_it_is(tmp_path: Path) -> None:
    question = RUSSIAN.replace("stem: Какой", "stem: и какой")
    [found] = garbled(tmp_path, read_as_windows_1251(section_yaml(question)))
    assert (found.line, found.column) == (5, 11)
    assert found.message.startswith("'Рё' is most likely 'и' garbled")


def test_garbled_ukrainian_is_reported(tmp_path: Path) -> None:
    question = QUESTION.replace(STEM, "stem: Яка служба слухає порт? Її ім'я — postgres.")
    [found] = garbled(tmp_path, read_as_windows_1251(section_yaml(question)), "uk")
    assert found.message.startswith("'РЇРєР°' is most likely 'Яка' garbled: ")


@pytest.mark.parametrize(
    "stem",
    [
        "Какой порт слушает PostgreSQL? Ответ: 5432",
        "Сёма открыл «1С» и «ПОРТ» — ТІ, СЁ, Т», Рё",  # one pair each, as written
        "Всё ещё «СУБД»: Ёлка, ёж, Щука, Ъ, № 5, 25 °C, ±3",
    ],
)
def test_correct_cyrillic_text_is_not_reported(tmp_path: Path, stem: str) -> None:
    question = QUESTION.replace(STEM, f'stem: "{stem}"')
    assert garbled(tmp_path, section_yaml(question)) == []


def test_windows_1251_read_as_windows_1252_is_reported_in_a_cyrillic_bank(
    tmp_path: Path,
) -> None:
    written = section_yaml(RUSSIAN).replace("title: Main", "title: Файл")
    text = written.encode("cp1251").decode("cp1252")  # "Ôàéë"
    title, stem = garbled(tmp_path, text)
    assert (title.line, title.column, title.question) == (2, 8, None)
    assert title.message == (
        "'Ôàéë' is most likely 'Файл' garbled: the file was saved as Windows-1251, read as "
        "Windows-1252 and saved again as UTF-8"
    )
    assert title.hint == (
        "write the text again; if every Cyrillic letter of the file is garbled, undo it at "
        "once: in VS Code, 'Save with Encoding' -> Western (Windows 1252), then 'Reopen with "
        "Encoding' -> Cyrillic (Windows 1251), then 'Save with Encoding' -> UTF-8"
    )
    assert (stem.line, stem.column, stem.question) == (5, 11, "q1")
    assert stem.message.startswith(
        "'Êàêîé' is most likely 'Какой' garbled (and 1 more text in this question): "
    )
    assert text.encode("cp1252").decode("cp1251") == written  # the hint's undo is right


def test_windows_1251_read_as_windows_1252_is_not_looked_for_in_a_latin_bank(
    tmp_path: Path,
) -> None:
    text = section_yaml(RUSSIAN).encode("cp1251").decode("cp1252")
    assert garbled(tmp_path, text, "en") == []
    assert garbled(tmp_path, text, None) == []


@pytest.mark.parametrize(
    "stem",
    [
        "Что такое Citroën, été и Ångström?",
        "Площадь 5 m², цена 10 €, à la carte, café",
    ],
)
def test_latin_words_in_a_cyrillic_bank_are_not_taken_for_garbled(
    tmp_path: Path, stem: str
) -> None:
    question = QUESTION.replace(STEM, f'stem: "{stem}"')
    assert garbled(tmp_path, section_yaml(question)) == []
