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
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank

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
    older = '{"$id": "section.schema.json", "description": "an earlier version"}\n'
    (folder / "section.schema.json").write_text(older, encoding="utf-8")
    assert main(["schemas", str(folder)]) == 0
    assert capsys.readouterr().out == f"wrote {folder / 'section.schema.json'}\n"
    assert (folder / "section.schema.json").read_bytes() == (
        schema_dir() / "section.schema.json"
    ).read_bytes()


def test_a_link_at_a_schemas_name_is_replaced_not_written_through(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "schemas", tmp_path / "old-manifest.schema.json"
    folder.mkdir()
    older = '{"$id": "manifest.schema.json"}\n'  # an earlier version's, kept elsewhere
    elsewhere.write_text(older, encoding="utf-8")
    os.symlink(elsewhere, folder / "manifest.schema.json")
    assert main(["schemas", str(folder)]) == 0
    assert elsewhere.read_text(encoding="utf-8") == older
    assert not (folder / "manifest.schema.json").is_symlink()


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ('{"$id": "https://example.org/app/manifest.schema.json"}', ' (its "$id" is "https:/'),
        ('{"title": "our manifest"}', ", so"),
        ("not JSON\n", ", so"),
    ],
)
def test_another_tools_file_of_a_schemas_name_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, told: str
) -> None:
    # a web app's own schemas/manifest.schema.json (review s37-safety #4)
    folder = tmp_path / "schemas"
    folder.mkdir()
    theirs = folder / "manifest.schema.json"
    theirs.write_text(text, encoding="utf-8")
    os.symlink(tmp_path / "notes.txt", folder / "export.schema.json")  # leads nowhere
    assert main(["schemas", str(folder)]) == 2  # as --write-baseline onto a file of its own
    err = capsys.readouterr().err
    how = "so it is not overwritten: name another folder (exambank schemas DIR), or remove"
    assert f"{theirs}: not one of exambank's schemas{told}" in err and how in err
    assert f"{folder / 'export.schema.json'}: not one of exambank's schemas, {how}" in err
    assert theirs.read_text(encoding="utf-8") == text
    assert sorted(path.name for path in folder.iterdir()) == [
        "export.schema.json",
        "manifest.schema.json",
    ]  # none written: every file at fault named in one run


def test_a_banks_folder_is_not_written_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # build --out and stats --out refuse it too: a bank's folder holds the author's files
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    for folder in ("bank/b", "bank/b/schemas"):
        assert main(["schemas", folder]) == 2
        assert capsys.readouterr().err == (
            f"exambank: error: {folder}: the schemas would be in a bank's folder, so they are "
            "not written: name a folder outside the banks (exambank schemas DIR), such as "
            "schemas\n"
        )
    assert sorted(path.name for path in Path("bank/b").iterdir()) == ["01-main.yaml", "bank.yaml"]


def test_a_banks_folder_named_through_a_folder_not_there_is_not_written_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The system reads 'nothere/../bank/b' as bank/b, once it has made nothere/
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["schemas", "nothere/../bank/b"]) == 2
    assert capsys.readouterr().err.startswith(
        "exambank: error: bank/b: the schemas would be in a bank's folder, so they are not written"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bank"]  # no nothere/
    assert sorted(path.name for path in Path("bank/b").iterdir()) == ["01-main.yaml", "bank.yaml"]


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
