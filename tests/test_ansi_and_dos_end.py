"""Files a Windows editor saved its own way: as ANSI (Windows-1252), or with a DOS
end-of-file mark (Ctrl-Z) at the end."""

from __future__ import annotations

import codecs
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


NOT_UTF8 = "type that character again (and any other that looks wrong); keep the file UTF-8"


@pytest.mark.parametrize(
    ("raw", "place", "byte"),
    [
        # UTF-8 text elsewhere: reading the file as Windows-1252 would garble it
        ("id: main\ntitle: Introdução\n".encode() + b"stem: Qu\xe9\n", (3, 9), "e9"),
        (codecs.BOM_UTF8 + b"id: main\ntitle: Qu\xe9\n", (2, 10), "e9"),  # a UTF-8 mark
        (b"id: main\ntitle: Qu\xc0\xaf\n", (2, 10), "c0"),  # an overlong form of '/'
        (b"id: main\ntitle: Qu\xed\xa0\x80\n", (2, 10), "ed"),  # a surrogate
    ],
)
def test_a_byte_in_an_otherwise_utf8_file_is_not_taken_for_ansi(
    tmp_path: Path, raw: bytes, place: tuple[int, int], byte: str
) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes(raw)
    [found] = read_source(path)[1]
    assert (found.line, found.column) == place
    assert found.message == f"byte 0x{byte} is not UTF-8, though the rest of the file is"
    assert found.hint == NOT_UTF8


def test_a_character_cut_short_at_the_end_says_so(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes("id: main\ntitle: Introdução\ntext: x".encode() + b"\xe2\x80")
    [found] = read_source(path)[1]
    assert (found.line, found.column) == (3, 8)
    assert found.message == "byte 0xe2 is not UTF-8, though the rest of the file is"
    assert found.hint == f"the file ends in the middle of a character: {NOT_UTF8}"


def test_an_ansi_file_may_end_in_an_accented_letter(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes("id: main\ntitle: café".encode("cp1252"))
    [found] = read_source(path)[1]
    assert found.message.startswith("byte 0xe9 is 'é' in Windows-1252: the file looks saved")


def test_more_bytes_that_are_not_utf8_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_bytes("id: main\ntitle: Introdução\n".encode() + b"text: Qu\xe9 \xe0 \xe9\xe9\n")
    [found] = read_source(path)[1]
    assert found.message == (
        "byte 0xe9 is not UTF-8, though the rest of the file is (2 more such places further on)"
    )


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
    assert found.hint == "delete the file's last character (exambank lint --fix does this)"
    assert main(["lint", "--fix", str(path)]) == 0
    line = text.count("\n") + 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{line}:1: fixed DOS end-of-file mark (Ctrl-Z) removed"
    ]
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("mark", ["\x1a\r\n", "\x1a\n", "\x1a\x1a", "\x1a\x1a\n\n"])
def test_a_mark_with_line_breaks_after_it_or_twice_is_the_mark_too(
    tmp_path: Path, mark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = section_yaml(QUESTION)
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text + mark}) / "01-main.yaml"
    [found] = read_source(path)[1]
    assert found.message == "the file ends with a DOS end-of-file mark (Ctrl-Z, U+001A)"
    assert found.hint == "delete the file's last characters (exambank lint --fix does this)"
    assert main(["lint", "--fix", str(path)]) == 0
    assert "fixed DOS end-of-file mark (Ctrl-Z) removed" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


def test_the_rest_of_a_file_with_the_mark_is_read_and_its_errors_reported_too(
    tmp_path: Path,
) -> None:
    text = section_yaml(QUESTION.replace("stem: Which", 'stem: "Which'))  # an open quote
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text + "\x1a"}) / "01-main.yaml"
    mark, quote = read_source(path)[1]
    assert (mark.line, mark.message) == (
        text.count("\n") + 1,
        "the file ends with a DOS end-of-file mark (Ctrl-Z, U+001A)",
    )
    assert (quote.line, quote.column, quote.hint) == (5, 11, "close the quote that opens here")


def test_fix_removes_the_mark_and_quotes_a_colon_in_the_same_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = QUESTION.replace("explanation: SageMaker", "explanation: Resposta: SageMaker")
    text = section_yaml(question)
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text + "\x1a"}) / "01-main.yaml"
    assert [found.rule for found in read_source(path)[1]] == ["yaml-syntax", "yaml-syntax"]
    assert main(["lint", "--fix", str(path)]) == 0
    colon, mark = capsys.readouterr().err.splitlines()
    row = text.split("\n").index(
        "    explanation: Resposta: SageMaker covers the whole ML lifecycle."
    )
    assert colon.startswith(f"{path}:{row + 1}:18: fixed unquoted text holding ': ' -> ")
    assert (
        mark == f"{path}:{text.count(chr(10)) + 1}:1: fixed DOS end-of-file mark (Ctrl-Z) removed"
    )
    assert path.read_text(encoding="utf-8") == text.replace(
        "explanation: Resposta: SageMaker covers the whole ML lifecycle.",
        'explanation: "Resposta: SageMaker covers the whole ML lifecycle."',
    )


def test_fix_says_what_to_mend_before_the_mark_can_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = section_yaml(QUESTION.replace("stem: Which", 'stem: "Which')) + "\x1a"
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    assert main(["lint", "--fix", str(path)]) == 1
    [said] = capsys.readouterr().err.splitlines()
    assert said.startswith(
        f"{path}:5:11: not fixed: the DOS end-of-file mark (Ctrl-Z) is removed only once the "
        "rest of the file reads: mend this first ("
    )
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("text", ["\x1a", "\n\x1a", "\x1a\r\n"])
def test_a_file_holding_only_the_mark_says_so(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    [found] = read_source(path)[1]
    message = "the file is empty: it holds only a DOS end-of-file mark (Ctrl-Z, U+001A)"
    assert (found.rule, found.message) == ("schema", message)
    assert main(["lint", "--fix", str(path)]) == 1
    assert f"not fixed: {message}" in capsys.readouterr().err


def test_a_ctrl_z_inside_the_file_is_not_taken_for_the_mark(tmp_path: Path) -> None:
    text = section_yaml(QUESTION).replace("title: Main", "title: Main\x1a") + "\x1a"
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    end, inside = read_source(path)[1]
    assert (inside.line, inside.message) == (
        2,
        "the control character U+001A is not allowed in YAML",
    )
    assert end.message == "the file ends with a DOS end-of-file mark (Ctrl-Z, U+001A)"
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == text  # not fixed


@pytest.mark.parametrize(
    ("old", "new", "removed"),
    [
        ("explanation: SageMaker", "explanation: Resposta: SageMaker", True),  # --fix quotes it
        ("stem: Which", 'stem: "Which', False),  # an open quote: the author's to close
        ("title: Main", "title: Main\x1a", False),  # a control character inside
        ("id: main\n", "", False),  # no 'id:': no bank file --fix rewrites
    ],
    ids=["text to quote", "an open quote", "a ctrl-z inside", "no id"],
)
def test_the_mark_is_said_to_go_with_lint_fix_only_where_lint_fix_removes_it(
    tmp_path: Path, old: str, new: str, removed: bool
) -> None:
    """lint --fix removes the mark only once the rest of the file reads (with the lines
    it mends mended) and is a file it rewrites: only there may the hint promise it."""
    text = section_yaml(QUESTION).replace(old, new, 1) + "\x1a"
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"
    problems = read_source(path)[1]
    [mark] = [found for found in problems if "DOS end-of-file mark" in found.message]
    hint = "delete the file's last character"
    assert mark.hint == (f"{hint} (exambank lint --fix does this)" if removed else hint)
    main(["lint", "--fix", str(path)])
    assert path.read_text(encoding="utf-8").endswith("\x1a") is not removed
