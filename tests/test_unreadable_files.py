"""A bank file that cannot be read (a folder, a link to nothing, a loop of links, a file
the author may not read) is told by its cause, with what to do, in lint and in ``new``;
a file that cannot be saved because its folder is read-only names the folder (review s35
hostile, finding 6); a file that is no text (a program, an image, NUL bytes) is told so,
not as one byte to type again, and fmt, lint --fix and new leave it (finding 7)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank import staging
from exambank.builders.base import Output
from exambank.cli import main
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

SECTION = section_yaml(QUESTION, section_id="one")


def _broken_bank(tmp_path: Path, breaks: Callable[[Path], None]) -> Path:
    """A bank of two sections whose second, 02-two.yaml, ``breaks`` puts in place."""
    bank = write_bank(tmp_path / "bank", {"01-one.yaml": SECTION})
    (bank / "bank.yaml").write_text(
        "id: test-bank\ntitle: Test bank\nsections: [one, two]\n", encoding="utf-8"
    )
    breaks(bank / "02-two.yaml")
    return bank


def _errors(bank: Path) -> list[tuple[str, str, str | None]]:
    """What lint says of 02-two.yaml."""
    return [
        (found.rule, found.message, found.hint)
        for found in lint([bank]).diagnostics
        if Path(found.path).name == "02-two.yaml"
    ]


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


@pytest.mark.parametrize(
    ("breaks", "message", "hint"),
    [
        (
            Path.mkdir,
            "a folder where a section file is expected: bank.yaml lists each section as one "
            "YAML file",
            "put the section's file at {path} instead of the folder, or rename the folder "
            "without '.yaml'",
        ),
        (
            _symlink("nowhere.yaml"),
            "the file is a link to nowhere.yaml, which does not exist",
            "put the file at {folder}/nowhere.yaml, or replace the link with the file itself",
        ),
        (
            _symlink("02-two.yaml"),
            "the file is a link to 02-two.yaml, which leads back to it: a loop of links",
            "replace the link with the file itself: rm {path}, then copy the file there",
        ),
    ],
    ids=["folder", "dangling-link", "link-loop"],
)
def test_a_section_that_is_no_file_is_told_so_with_a_fix(tmp_path, capsys, breaks, message, hint):
    bank = _broken_bank(tmp_path, breaks)
    path = bank / "02-two.yaml"
    [(rule, said, told)] = _errors(bank)
    assert (rule, told) == ("yaml-syntax", hint.format(path=path, folder=bank))
    assert said.startswith(message)
    # new names the cause too: the folder is there, so not "no such file"
    assert main(["new", "two-q9", "--section", str(path)]) == 2
    assert capsys.readouterr().err == f"exambank: error: {path}: {said}; {told}\n"


def test_a_file_that_may_not_be_read_says_so_and_what_to_run(tmp_path, capsys, monkeypatch):
    bank = _broken_bank(tmp_path, lambda path: path.write_text(SECTION, encoding="utf-8"))
    path = bank / "02-two.yaml"
    read_bytes = Path.read_bytes

    def refused(self: Path) -> bytes:  # as chmod 000 does to anyone but root
        if self.name == path.name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    said = "the file cannot be read: you have no permission to read it"
    fix = f"make it readable: chmod u+r {path}"
    assert _errors(bank) == [("yaml-syntax", said, fix)]
    assert main(["new", "two-q9", "--section", str(path)]) == 2
    assert capsys.readouterr().err == f"exambank: error: {path}:1:1: {said}; {fix}\n"


def _folder_refuses_new_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Creating a file (O_CREAT) fails as in a read-only folder, for anyone but root."""
    open_file = os.open

    def refused(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return open_file(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)


def test_a_file_in_a_read_only_folder_names_the_folder_as_not_writable(
    tmp_path, capsys, monkeypatch
):
    bank = write_bank(tmp_path / "bank", {"01-one.yaml": SECTION})
    path = bank / "01-one.yaml"
    _folder_refuses_new_files(monkeypatch)
    assert main(["new", "one-q9", "--section", str(path)]) == 3
    assert capsys.readouterr().err == (
        f"exambank: error: {path}:1:1: cannot write in its folder {bank}: Permission denied "
        f"(exambank saves a file as a new one beside it): chmod u+w {bank}\n"
    )
    assert path.read_text(encoding="utf-8") == SECTION


def test_a_build_into_a_read_only_folder_names_the_folder(tmp_path, monkeypatch):
    folder = tmp_path / "dist"
    folder.mkdir()
    _folder_refuses_new_files(monkeypatch)
    output = Output("sm.json", b"{}", ())
    with pytest.raises(staging.CannotWrite) as refused:
        staging.stage_or_explain(folder, output)
    assert str(refused.value) == (
        f"{folder}: cannot write into the folder: Permission denied (a build writes sm.json "
        f"beside its place first): chmod u+w {folder}"
    )


RESTORE = (
    "restore its text from version control (git checkout -- {path}), or move the file out "
    "of the bank"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # `head -c 3000 /bin/ls`: once "byte 0xd0 is not UTF-8, though the rest of the file
        # is", with the hint to type that character again
        (
            b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00\xd0",
            "it is a program (ELF)",
        ),
        (PNG, "it is a PNG image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "it is a PDF document"),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
            "it is a ZIP archive (as Word, Excel and OpenDocument files are)",
        ),
        (
            b"\xfe\xed\xfa\xce\x07\x00\x00\x01\x03\x00\x00\x00",
            "it holds 5 NUL bytes, as no text file does",
        ),
        (bytes(4096), "it holds nothing but NUL bytes, as no text file does"),
    ],
    ids=["elf", "png", "pdf", "zip", "nuls-not-utf8", "zeros"],
)
def test_a_file_that_is_no_text_is_told_so_and_left_as_it_is(tmp_path, capsys, content, message):
    bank = _broken_bank(tmp_path, lambda path: path.write_bytes(content))
    path = bank / "02-two.yaml"
    said = f"the file is not text: {message}"
    restore = RESTORE.format(path=path)
    [(rule, told, hint)] = _errors(bank)
    assert (rule, told, hint) == ("encoding", said, restore)
    # fmt, lint --fix and new refuse it with the same words and write nothing
    assert main(["fmt", str(bank)]) == 1
    assert f"{path}:1:1: cannot format: {said}; {restore}\n" in capsys.readouterr().err
    assert main(["lint", "--fix", str(bank)]) == 1
    assert f"{path}:1:1: not fixed: {said}; {restore}\n" in capsys.readouterr().err
    assert main(["new", "two-q9", "--section", str(path)]) == 2
    assert capsys.readouterr().err == f"exambank: error: {path}:1:1: {said}; {restore}\n"
    assert path.read_bytes() == content


def test_a_nul_in_utf8_text_is_a_character_to_delete_in_a_file_not_utf8_no_text(tmp_path):
    text = SECTION.encode() + b"\x00\n"
    utf8 = _broken_bank(tmp_path / "utf8", lambda path: path.write_bytes(text))
    [(rule, told, hint)] = _errors(utf8)
    assert (rule, told) == ("yaml-syntax", "the control character U+0000 is not allowed in YAML")
    assert hint is not None and hint.startswith("delete it")
    binary = _broken_bank(tmp_path / "binary", lambda path: path.write_bytes(text + b"\xd0"))
    assert _errors(binary) == [
        (
            "encoding",
            "the file is not text: it holds a NUL byte, as no text file does",
            RESTORE.format(path=binary / "02-two.yaml"),
        )
    ]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_as_utf16(tmp_path, encoding):
    # once "the control character U+0000 is not allowed in YAML", hint "delete it"
    bank = _broken_bank(tmp_path, lambda path: path.write_bytes(SECTION.encode(encoding)))
    assert _errors(bank) == [
        (
            "encoding",
            "the file is saved as UTF-16 (with no byte-order mark), not UTF-8",
            "save the file as UTF-8 (most editors: 'Save with encoding')",
        )
    ]
