"""Why the handouts print no build date, or none every clone agrees on, or that the date
is the last commit's though the bank has changed since, said as a note; and which value of
SOURCE_DATE_EPOCH a build reads."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from exambank.bank import Bank
from exambank.build import build
from exambank.build_date import build_date, source_date
from exambank.builders import Builder, Output, Settings
from exambank.builders import render as render_module
from exambank.cli import main
from tests.builders.test_stale_outputs import OURS
from tests.conftest import QUESTION, section_yaml, write_bank


def git(folder: Path, *arguments: str, date: str = "2025-03-04T05:06:07Z") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for role in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{role}_NAME": "t", f"GIT_{role}_EMAIL": "t@x"})
    subprocess.run(["git", *arguments], cwd=folder, env=env, check=True, capture_output=True)


def repository(root: Path) -> Path:
    """A repository whose bank changed in its first commit, then only its README."""
    bank = write_bank(root / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "bank")
    (root / "README.md").write_text("later\n", "utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "readme", date="2026-06-30T00:00:00Z")
    return bank


def test_a_full_clone_has_its_date_and_no_note(tmp_path: Path) -> None:
    bank = repository(tmp_path / "repo")
    assert build_date(bank, {}).note is None
    assert str(build_date(bank, {}).date).startswith("2025-03-04")


def test_a_shallow_clone_prints_no_date_and_says_why(tmp_path: Path) -> None:
    repository(tmp_path / "repo")
    url = (tmp_path / "repo").as_uri()
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", url, str(tmp_path / "shallow")], check=True
    )
    bank = tmp_path / "shallow" / "bank" / "b"
    assert str(source_date(bank, {})).startswith("2026-06-30")  # what git says: HEAD's date
    because = build_date(bank, {}).note
    assert because is not None and because.startswith("no build date: a shallow clone")


def test_a_bank_never_committed_is_told_to_commit(tmp_path: Path) -> None:
    # A new author's first build, before the first commit: say what to do in git's words,
    # not only the variable a packager would set.
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    git(tmp_path, "init", "-q")
    because = build_date(bank, {}).note
    assert because is not None and because.startswith("no build date: git has no commit")
    assert "commit the bank (git add, then git commit)" in because


NO_REPOSITORY = (
    "note: no build date: the bank is not in a git repository, and the handouts print the "
    "date of its last commit; commit the bank (git init, then git add and git commit) to "
    "print that date, or set SOURCE_DATE_EPOCH to print one"
)


def test_outside_git_and_with_source_date_epoch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # review s34 (helper-241), finding 9: in exambank's words, not git's "fatal: not a git
    # repository (or any of the parent directories): .git"
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    assert _built(bank, capsys) == [NO_REPOSITORY]  # once, under the first PDF
    assert build_date(bank, {"SOURCE_DATE_EPOCH": "1767225600"}).note is None


def test_a_repository_git_cannot_read_is_told_apart_from_none(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (tmp_path / ".git").write_text(f"gitdir: {tmp_path / 'moved'}\n", "utf-8")  # a lost worktree
    because = build_date(bank, {}).note
    assert because is not None
    assert because.startswith("no build date: git cannot read the repository the bank is in (")
    assert because.endswith(
        "), so the date of its last commit is unknown; fix that, or set SOURCE_DATE_EPOCH to "
        "print one"
    )


class Dated(Builder):
    name, description, prints_date = "dated", "prints the date", True

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        return [Output(f"{bank.id}.txt", str(settings.build_date).encode())]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}.txt",)


class Undated(Dated):
    name, prints_date = "undated", False

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}-data.txt",)

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        return [Output(f"{bank.id}-data.txt", b"data")]


def test_the_note_goes_with_the_files_that_print_a_date(tmp_path: Path, monkeypatch) -> None:
    repository(tmp_path / "repo")
    url = (tmp_path / "repo").as_uri()
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", url, str(tmp_path / "shallow")], check=True
    )
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from exambank.lint import lint

    [bank] = lint([tmp_path / "shallow" / "bank" / "b"]).banks
    dated, undated = build([bank], [Dated(), Undated()], tmp_path / "dist")
    assert dated.path.read_text() == "None"  # no date rather than HEAD's
    assert len(dated.notes) == 1 and "shallow clone" in dated.notes[0]
    assert undated.notes == ()


def _fake_render(*arguments: object, **options: object) -> tuple[bytes, tuple[str, ...]]:
    return OURS, ()


def _built(bank: Path, capsys: pytest.CaptureFixture[str], *only: str) -> list[str]:
    """What ``exambank build`` of ``bank`` says under its files, with no SOURCE_DATE_EPOCH."""
    capsys.readouterr()
    out = bank.parent / "dist"
    assert main(["build", str(bank), "--only", ",".join(only or ["pdf"]), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    return [line.strip() for line in lines if line.startswith("    note:")]


CHANGED = (
    "note: the build date 2025-03-04 is the last commit's, but {which} uncommitted changes: "
    "commit them, or set SOURCE_DATE_EPOCH to choose the date"
)


def test_a_bank_changed_since_its_last_commit_is_said_so_once_under_its_pdfs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # review s33 (helper-235), finding 1: a trainer editing before committing printed two
    # stacks of the same date, and nothing said so
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    bank = repository(tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    bank = bank.relative_to(tmp_path / "repo")
    assert _built(bank, capsys) == []  # as committed
    section = bank / "01-main.yaml"
    section.write_text(section.read_text("utf-8").replace("Which AWS", "Which"), "utf-8")
    said = CHANGED.format(which=f"{section} has")
    assert _built(bank, capsys) == [said]  # under the student edition, not again
    git(tmp_path / "repo", "add", ".")  # staged is not committed either
    assert _built(bank, capsys) == [said]
    (bank / "images").mkdir()  # a new folder: one more
    (bank / "images" / "chart.png").write_bytes(b"png")
    assert _built(bank, capsys)[0] == CHANGED.format(which=f"{section} and 1 more have")
    assert _built(bank, capsys, "json", "csv") == []  # they print no date


def test_the_date_stays_the_last_commit_s_and_source_date_epoch_silences_the_note(
    tmp_path: Path,
) -> None:
    bank = repository(tmp_path / "repo")
    (tmp_path / "repo" / "README.md").write_text("edited\n", "utf-8")
    assert build_date(bank, {}).note is None  # not a file of the bank folder
    (bank / "notes.md").write_text("to do\n", "utf-8")  # new files count too
    dated = build_date(bank, {})
    assert str(dated.date) == "2025-03-04 05:06:07+00:00"  # the same in every build of it
    assert dated.note is not None and f"{bank / 'notes.md'} has uncommitted" in dated.note
    epoch = build_date(bank, {"SOURCE_DATE_EPOCH": "1767225600"})
    assert (str(epoch.date), epoch.note) == ("2026-01-01 00:00:00+00:00", None)


def test_an_empty_source_date_epoch_is_read_as_unset(tmp_path: Path) -> None:
    # review s33 (helper-235), finding 2: a CI job's variable it lacks is set, but empty
    bank = repository(tmp_path / "repo")
    empty = {"SOURCE_DATE_EPOCH": ""}
    assert str(source_date(bank, empty)) == "2025-03-04 05:06:07+00:00"  # the last commit's
    assert build_date(bank, empty) == build_date(bank, {})


def test_a_bad_source_date_epoch_stops_no_export_that_prints_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    out = str(tmp_path / "dist")
    assert main(["build", str(bank), "--only", "json,csv", "--out", out]) == 0
    assert capsys.readouterr().err == ""
    assert main(["build", str(bank), "--only", "pdf", "--out", out]) == 2
    assert capsys.readouterr().err.startswith("exambank: error: SOURCE_DATE_EPOCH is 'yesterday'")
