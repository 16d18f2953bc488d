"""Why the handouts print no build date, or none every clone agrees on, said as a note."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from exambank.bank import Bank
from exambank.build import build, no_date_because, source_date
from exambank.builders import Builder, Output, Settings
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
    assert no_date_because(bank, source_date(bank, {}), {}) is None
    assert str(source_date(bank, {})).startswith("2025-03-04")


def test_a_shallow_clone_prints_no_date_and_says_why(tmp_path: Path) -> None:
    repository(tmp_path / "repo")
    url = (tmp_path / "repo").as_uri()
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", url, str(tmp_path / "shallow")], check=True
    )
    bank = tmp_path / "shallow" / "bank" / "b"
    assert str(source_date(bank, {})).startswith("2026-06-30")  # what git says: HEAD's date
    because = no_date_because(bank, source_date(bank, {}), {})
    assert because is not None and because.startswith("no build date: a shallow clone")


def test_a_bank_never_committed_is_told_to_commit(tmp_path: Path) -> None:
    # A new author's first build, before the first commit: say what to do in git's words,
    # not only the variable a packager would set.
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    git(tmp_path, "init", "-q")
    because = no_date_because(bank, source_date(bank, {}), {})
    assert because is not None and because.startswith("no build date: git has no commit")
    assert "commit the bank (git add, then git commit)" in because


def test_outside_git_and_with_source_date_epoch(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    because = no_date_because(bank, source_date(bank, {}), {})
    assert because is not None and "not a git repository" in because
    assert because.endswith("set SOURCE_DATE_EPOCH to print one")
    assert no_date_because(bank, None, {"SOURCE_DATE_EPOCH": "1767225600"}) is None


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
