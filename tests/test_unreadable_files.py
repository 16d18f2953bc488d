"""A bank file that cannot be read (a folder, a link to nothing, a loop of links, a file
the author may not read) is told by its cause, with what to do, in lint and in ``new``;
a file that cannot be saved because its folder is read-only names the folder (review s35
hostile, finding 6)."""

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
