"""Files a Windows editor saved its own way: as ANSI (Windows-1252), or with a DOS
end-of-file mark (Ctrl-Z) at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

ANSI_HINT = (
    "save it as UTF-8: in Notepad, Save as -> Encoding: UTF-8; in VS Code, 'Reopen with "
    "Encoding' -> Western (Windows 1252), then 'Save with Encoding' -> UTF-8"
)


def test_a_file_saved_as_ansi_names_the_character_its_byte_is(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes("id: main\ntitle: Introdução\n".encode("cp1252"))
    [found] = read_source(path)[1]
    assert (found.rule, found.line, found.column) == ("encoding", 2, 15)
    assert found.message == (
        "byte 0xe7 is 'ç' in Windows-1252: the file looks saved as ANSI (Windows-1252), not UTF-8"
    )
    assert found.hint == ANSI_HINT


def test_bytes_no_windows_1252_text_holds_keep_the_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(b"id: main\ntitle: caf\xe9 \x81\n")  # 0x81 is no Windows-1252 character
    [found] = read_source(path)[1]
    assert found.message == "byte 0xe9 is not valid UTF-8"
    assert found.hint == "save the file as UTF-8 (most editors: 'Save with encoding')"


def test_a_dos_end_of_file_mark_is_named_and_fix_removes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = section_yaml(QUESTION)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text + "\x1a"})
    path = root / "01-main.yaml"
    [found] = read_source(path)[1]
    assert (found.line, found.column) == (text.count("\n") + 1, 1)
    assert found.message == "the file ends with a DOS end-of-file mark (Ctrl-Z, U+001A)"
    assert found.hint == "exambank lint --fix removes it; or delete the file's last character"
    assert main(["lint", "--fix", str(path)]) == 0
    line = text.count("\n") + 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{line}:1: fixed DOS end-of-file mark (Ctrl-Z) removed"
    ]
    assert path.read_text(encoding="utf-8") == text


def test_a_ctrl_z_inside_the_file_is_not_taken_for_the_mark(tmp_path: Path) -> None:
    text = section_yaml(QUESTION).replace("title: Main", "title: Main\x1a") + "\x1a"
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    [found] = read_source(path)[1]
    assert found.message == "the control character U+001A is not allowed in YAML"
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == text  # not fixed
