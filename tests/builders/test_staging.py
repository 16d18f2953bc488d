"""A build's files land together or not at all: one that cannot be put in place takes the
others back out, and the files of the previous build are where they were."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exambank.build import build
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.cli import main
from exambank.errors import CannotWrite
from tests.conftest import QUESTION, section_yaml, write_bank

CHANGED = QUESTION.replace("the whole ML", "the entire ML")


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, hidden ones too, by its path there."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _refused_at(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Renaming a file into the place ``name`` fails as a folder there makes it fail: one
    made while the build ran (one there before is refused before anything is made)."""
    replace = os.replace

    def refuse(source, target):
        if Path(target).name == name:
            raise IsADirectoryError(21, "Is a directory", str(target))
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)


def test_a_file_that_cannot_land_puts_back_the_previous_build(make_bank, tmp_path, monkeypatch):
    """The JSON was renamed into place before the CSV, whose place a folder held, failed:
    the new JSON stood beside the old CSV's place, a mix of two builds."""
    out = tmp_path / "dist"
    list(build([make_bank({"01-main.yaml": section_yaml(QUESTION)})], [JsonBuilder()], out))
    before = _files(out)
    _refused_at(monkeypatch, "test-bank-questions.csv")
    changed = make_bank({"01-main.yaml": section_yaml(CHANGED)})
    with pytest.raises(CannotWrite, match=r"test-bank-questions\.csv: cannot write"):
        list(build([changed], [JsonBuilder(), CsvBuilder()], out))
    assert _files(out) == before  # the previous JSON, byte for byte, and nothing hidden


def test_a_new_file_landed_before_the_failure_is_taken_out(make_bank, tmp_path, monkeypatch):
    out = tmp_path / "dist"
    _refused_at(monkeypatch, "test-bank.json")
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    with pytest.raises(CannotWrite, match=r"test-bank\.json: cannot write"):
        list(build([bank], [CsvBuilder(), JsonBuilder()], out))  # the CSV lands first
    assert _files(out) == {}


def test_a_file_held_open_elsewhere_stops_the_build_with_every_file_as_it_was(
    make_bank, tmp_path, monkeypatch
):
    """As Windows refuses to rename a PDF a viewer holds open: here the CSV's."""
    out = tmp_path / "dist"
    builders = [JsonBuilder(), CsvBuilder()]
    list(build([make_bank({"01-main.yaml": section_yaml(QUESTION)})], builders, out))
    before = _files(out)
    replace = os.replace

    def held(source, target):
        if Path(source).name == "test-bank-questions.csv":
            raise PermissionError(13, "Permission denied", str(source))
        replace(source, target)

    monkeypatch.setattr(os, "replace", held)
    changed = make_bank({"01-main.yaml": section_yaml(CHANGED)})
    with pytest.raises(CannotWrite, match=r"test-bank-questions\.csv: cannot write: Permission"):
        list(build([changed], builders, out))
    assert _files(out) == before


def test_exambank_build_says_that_nothing_it_made_was_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", "bank", "--only", "json"]) == 0
    before = _files(Path("dist"))
    _refused_at(monkeypatch, "test-bank-questions.csv")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(CHANGED)})
    capsys.readouterr()
    assert main(["build", "bank", "--only", "json,csv"]) == 3
    shown = capsys.readouterr()
    assert "wrote" not in shown.out
    assert shown.err.splitlines() == [
        f"exambank: error: {Path('dist/test-bank/test-bank-questions.csv')}: cannot write: "
        "Is a directory",
        "exambank: error: nothing of this build was put in place: the files it would replace "
        "are as they were",
    ]
    assert _files(Path("dist")) == before
