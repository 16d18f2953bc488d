"""exambank schemas: a bank repository that pip-installs exambank gets the schemas its
files' '# yaml-language-server: $schema=...' lines point at."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.schema import MODELS, schema_dir
from tests.conftest import SEED_BANK

MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


def test_an_editor_finds_every_schema_a_bank_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEED_BANK, "bank/seed")
    assert main(["schemas"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote schemas/{name}" for name in MODELS]
    for path in Path("bank/seed").glob("*.yaml"):
        named = MODELINE.match(path.read_text(encoding="utf-8"))
        assert named, path
        target = path.parent / named.group(1)
        assert target.read_bytes() == (schema_dir() / target.name).read_bytes(), path


def test_a_second_run_writes_nothing_and_a_stale_copy_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "editor-schemas"
    assert main(["schemas", str(folder)]) == 0
    capsys.readouterr()
    stamps = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert main(["schemas", str(folder)]) == 0
    assert capsys.readouterr().out == f"{folder}: the schemas are up to date\n"
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == stamps
    (folder / "section.schema.json").write_text("{}", encoding="utf-8")  # an older version's
    assert main(["schemas", str(folder)]) == 0
    assert capsys.readouterr().out == f"wrote {folder / 'section.schema.json'}\n"
    assert (folder / "section.schema.json").read_bytes() == (
        schema_dir() / "section.schema.json"
    ).read_bytes()


def test_a_link_at_a_schemas_name_is_replaced_not_written_through(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "schemas", tmp_path / "notes.txt"
    folder.mkdir()
    elsewhere.write_text("mine\n", encoding="utf-8")
    os.symlink(elsewhere, folder / "manifest.schema.json")
    assert main(["schemas", str(folder)]) == 0
    assert elsewhere.read_text(encoding="utf-8") == "mine\n"
    assert not (folder / "manifest.schema.json").is_symlink()


def test_a_folder_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "schemas").write_text("a file, not a folder\n", encoding="utf-8")
    assert main(["schemas", str(tmp_path / "schemas")]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {tmp_path / 'schemas'}: not a folder; "
        "name the folder to write the schemas into\n"
    )


@pytest.mark.parametrize("leads_to", ["elsewhere", "gone"])
def test_a_link_as_the_folder_is_refused_and_not_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], leads_to: str
) -> None:
    target = tmp_path / leads_to
    if leads_to == "elsewhere":
        target.mkdir()
    link = tmp_path / "schemas"
    link.symlink_to(target)
    assert main(["schemas", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {link}: a link; name the folder it leads to, if it should be that\n"
    )
    assert not target.exists() or list(target.iterdir()) == []


def test_a_folder_below_a_file_is_named_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("a file\n", encoding="utf-8")
    folder = tmp_path / "notes.txt" / "schemas"
    assert main(["schemas", str(folder)]) == 3
    assert capsys.readouterr().err == (
        f"exambank: error: {folder}: cannot write into it: Not a directory\n"
    )
