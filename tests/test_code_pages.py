"""The encoding diagnostic names the code page a file that is not UTF-8 was most likely
saved in: Windows-1252, Windows-1251 (Cyrillic), Windows-1250 (Central European) or KOI8-R.

The Russian, Ukrainian, Bulgarian, Polish and Czech texts here are constructed for the
tests; the project has no real bank in those languages but one Russian quiz.
"""

# ruff: noqa: RUF001, RUF003  # the Cyrillic letters are the point

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.code_pages import likely_code_page
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

RUSSIAN = """\
id: main
title: Файл в кодировке Windows-1251
questions:
  - id: q1
    stem: Какой порт слушает PostgreSQL?
    options:
      A: "5432"
      B: "1433"
    answer: A
    explanation: Порт 5432.
"""
CYRILLIC_HINT = (
    "save it as UTF-8: in VS Code, 'Reopen with Encoding' -> Cyrillic (Windows 1251), then "
    "'Save with Encoding' -> UTF-8 (Notepad reads it right only where Windows is set to a "
    "Cyrillic language)"
)


def test_a_russian_file_saved_as_windows_1251_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    [found] = read_source(path)[1]
    assert (found.rule, found.line, found.column) == ("encoding", 2, 8)
    assert found.message == (
        "byte 0xd4 is 'Ф' in Windows-1251: the file looks saved as ANSI (Windows-1251, "
        "Cyrillic), not UTF-8"
    )
    assert found.hint == CYRILLIC_HINT


def test_a_russian_file_saved_as_koi8_r_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(RUSSIAN.encode("koi8_r"))
    [found] = read_source(path)[1]
    assert (found.line, found.column) == (2, 8)
    assert found.message == (
        "byte 0xe6 is 'Ф' in KOI8-R: the file looks saved as KOI8-R (Cyrillic), not UTF-8"
    )
    assert found.hint == (
        "save it as UTF-8: in VS Code, 'Reopen with Encoding' -> Cyrillic (KOI8-R), then "
        "'Save with Encoding' -> UTF-8 (Notepad cannot read it)"
    )


def test_a_polish_file_saved_as_windows_1250_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(
        "id: main\ntitle: Sieci komputerowe\nstem: Który węzeł? Żółta łódź\n".encode("cp1250")
    )
    [found] = read_source(path)[1]
    assert (found.line, found.column) == (3, 9)
    assert found.message == (
        "byte 0xf3 is 'ó' in Windows-1250: the file looks saved as ANSI (Windows-1250, "
        "Central European), not UTF-8"
    )
    assert found.hint is not None
    assert "'Reopen with Encoding' -> Central European (Windows 1250)" in found.hint


def test_bytes_that_happen_to_be_a_utf8_character_do_not_make_the_file_utf8(
    tmp_path: Path,
) -> None:
    # "«1С»" ends in 0xD1 0xBB, which UTF-8 reads as one character, 'ѻ'
    path = tmp_path / "01-main.yaml"
    path.write_bytes(RUSSIAN.replace("PostgreSQL?", "«1С»?").encode("cp1251"))
    [found] = read_source(path)[1]
    assert found.message.startswith("byte 0xd4 is 'Ф' in Windows-1251: ")


def test_a_utf8_file_with_a_stray_byte_is_still_utf8(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(RUSSIAN.encode() + "      C: Порт".encode("cp1251") + b"\n")
    [found] = read_source(path)[1]
    assert (found.line, found.column) == (11, 10)
    assert found.message == "byte 0xcf is not UTF-8, though the rest of the file is"


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        ("stem: Какой порт слушает сервер?", "cp1251", "cp1251"),
        ("A: порт 5432\nB: служба не запущена\nC: ещё не известно", "cp1251", "cp1251"),
        ("A: порт 5432\nB: служба не запущена\nC: ещё не известно", "koi8_r", "koi8_r"),
        ("answer: Да\nB: Нет", "cp1251", "cp1251"),
        (
            "stem: Яка служба слухає порт? Її ім'я — postgres, і це єдиний процес.",
            "cp1251",
            "cp1251",
        ),
        ("stem: Коя услуга слуша на порт 5432 по подразбиране?", "cp1251", "cp1251"),
        ("stem: Który port nasłuchuje serwer? Zażółć gęślą jaźń.", "cp1250", "cp1250"),
        ("stem: Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250", "cp1250"),
        (
            "stem: Quelle est la fonction d’un commutateur ? Où est-ce, déjà à l’été ?",
            "cp1252",
            "cp1252",
        ),
        ("stem: »Welche Straße« führt zum Großhändler? ÄÖÜ, Öl", "cp1252", "cp1252"),
        ("stem: Qual é a topologia? Introdução às redes, ações e opções", "cp1252", "cp1252"),
        ("stem: ¿Cuál es la función del conmutador? ¡Señal! Año", "cp1252", "cp1252"),
        ("stem: Hvilken port lytter serveren på? Rødgrød med fløde", "cp1252", "cp1252"),
        ("stem: De 1 à 3", "cp1252", "cp1252"),
    ],
)
def test_the_code_page_whose_reading_makes_words_is_named(
    text: str, codec: str, named: str
) -> None:
    found = likely_code_page(text.encode(codec))
    assert found is not None
    assert (found[0].codec, found[1]) == (named, text)


def test_bytes_no_code_page_makes_words_of_are_named_by_none() -> None:
    assert likely_code_page(b"title: caf\xe9 \x81") is None


def test_fix_and_fmt_leave_a_windows_1251_file_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = RUSSIAN.encode("cp1251")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": raw})  # type: ignore[dict-item]
    assert main(["lint", "--fix", str(root)]) == 1
    assert main(["fmt", str(root)]) == 1
    assert CYRILLIC_HINT in capsys.readouterr().err
    assert (root / "01-main.yaml").read_bytes() == raw


def test_a_western_file_keeps_its_message(tmp_path: Path) -> None:
    text = section_yaml(QUESTION.replace("lifecycle.", "lifecycle, ação e opção."))
    path = tmp_path / "01-main.yaml"
    path.write_bytes(text.encode("cp1252"))
    [found] = read_source(path)[1]
    assert found.message == (
        "byte 0xe7 is 'ç' in Windows-1252: the file looks saved as ANSI (Windows-1252), not UTF-8"
    )


# C1 control characters, each with the Windows-1252 character of its byte, which a tool
# that read a Windows-1252 text as Latin-1 left it for; 0x81, 0x8D, 0x8F, 0x90 and 0x9D
# are no character in Windows-1252.
LATIN1_READINGS = [("\x93", "“"), ("\x94", "”"), ("\x92", "’"), ("\x96", "–"), ("\x80", "€")]


def test_a_windows_1252_character_read_as_latin1_is_named_as_it_was(tmp_path: Path) -> None:
    """Review s37-safety #3: a tool that reads a Windows-1252 text as Latin-1 leaves a C1
    control character for each curly quote, dash or euro sign; lint said only 'the control
    character U+0093 is not allowed in YAML', and to delete it, losing the quote."""
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    said = []
    for typed, _ in [*LATIN1_READINGS, ("\x9d", None)]:
        question = QUESTION.replace(stem, f'stem: "Which {typed}managed{typed} service?"')
        root = write_bank(tmp_path / f"{ord(typed):x}", {"01-main.yaml": section_yaml(question)})
        _, [problem] = read_source(root / "01-main.yaml")
        said.append((problem.line, problem.column, problem.message, problem.hint))
    allowed = "is not allowed in YAML"
    assert said == [
        *(
            (
                5,
                18,
                f"the control character U+{ord(typed):04X} {allowed} (most likely a "
                f"Windows-1252 '{meant}' read as Latin-1)",
                f"type '{meant}' in its place, or delete it",
            )
            for typed, meant in LATIN1_READINGS
        ),
        (
            5,
            18,
            f"the control character U+009D {allowed}",
            "delete it (most editors do not show it): no handout or export can hold it",
        ),
    ]
