"""A bank that comes with its .git folder (an archive of someone's repository) brings that
repository's config, which can name programs for git to run. Building the bank reads it;
it starts none of them."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from exambank.build_date import build_date
from exambank.cli import main
from exambank.reporters.repository import changed_in_pull_request
from tests.builders.test_build_date import git, repository

# A header continues on lines that start with a space; an empty one is a lone space.
SIGNED_COMMIT = "\n".join(
    [
        "tree {tree}",
        "parent {parent}",
        "author t <t@x> 1700000000 +0000",
        "committer t <t@x> 1700000000 +0000",
        "gpgsig -----BEGIN PGP SIGNATURE-----",
        " ",
        " iQEzBAABCAAdFiEE",
        " -----END PGP SIGNATURE-----",
        "",
        "signed\n",
    ]
)


def signed_and_checked_by(root: Path, program: Path) -> None:
    """Make HEAD a commit of the bank with a signature, and the repository's own config ask
    git log to check signatures with ``program``."""
    bank_yaml = root / "bank" / "b" / "bank.yaml"
    bank_yaml.write_text(bank_yaml.read_text("utf-8") + "# signed\n", "utf-8")
    git(root, "add", ".")
    tree = _git_output(root, "write-tree")
    parent = _git_output(root, "rev-parse", "HEAD")
    text = SIGNED_COMMIT.format(tree=tree, parent=parent)
    made = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=root,
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    git(root, "update-ref", "HEAD", made.stdout.strip())
    git(root, "config", "log.showSignature", "true")
    git(root, "config", "gpg.program", str(program))


def _git_output(root: Path, *arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def marking_program(folder: Path) -> tuple[Path, Path]:
    """A program that leaves a file behind when it runs, and that file's path."""
    program, mark = folder / "sender.sh", folder / "ran.txt"
    program.write_text(f"#!/bin/sh\necho ran >> '{mark}'\nexit 1\n", "utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program, mark


def test_the_build_date_is_read_without_checking_a_signature(tmp_path: Path) -> None:
    bank = repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    signed_and_checked_by(tmp_path / "repo", program)
    dated = build_date(bank, {})
    assert str(dated.date) == "2023-11-14 22:13:20+00:00"  # the signed commit's
    assert dated.note is None
    assert not mark.exists()


def test_exambank_build_runs_no_program_the_bank_s_repository_names(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    signed_and_checked_by(tmp_path / "repo", program)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(tmp_path / "repo")
    assert main(["build", "--only", "json", "--out", str(tmp_path / "dist")]) == 0
    assert not mark.exists()


@pytest.mark.parametrize("driver", ["mark", "lfs.v2"])
def test_uncommitted_changes_are_found_without_running_a_filter(
    tmp_path: Path, driver: str
) -> None:
    """git status cleans each file whose stat changed through the filter driver its
    .gitattributes names, a program of the repository's config."""
    bank = repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    (tmp_path / "repo" / ".gitattributes").write_text(f"* filter={driver}\n", "utf-8")
    git(tmp_path / "repo", "config", f"filter.{driver}.clean", str(program))
    git(tmp_path / "repo", "config", f"filter.{driver}.required", "true")
    os.utime(bank / "bank.yaml", (0, 0))  # its stat changed, not its text
    section = bank / "01-main.yaml"
    section.write_text(section.read_text("utf-8") + "# edited\n", "utf-8")
    note = build_date(bank, {}).note
    assert not mark.exists()
    assert note is not None and f"but {section} has uncommitted changes" in note


def test_uncommitted_changes_are_found_without_saving_the_index_or_its_hook(
    tmp_path: Path,
) -> None:
    """git status saves the index it refreshed, and then runs the repository's
    post-index-change hook."""
    bank = repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    hooks = tmp_path / "repo" / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "post-index-change").symlink_to(program)
    os.utime(bank / "bank.yaml", (0, 0))  # its stat changed, not its text
    assert build_date(bank, {}).note is None
    assert not mark.exists()


def a_partial_clone_lacking(root: Path, revision: str, program: Path) -> None:
    """Make the repository a partial clone that lacks the object ``revision`` names, so
    that git fetches it from the clone's remote, through ``program`` as its ssh."""
    missing = _git_output(root, "rev-parse", revision)
    (root / ".git" / "objects" / missing[:2] / missing[2:]).unlink()
    for key, value in (
        ("core.repositoryFormatVersion", "1"),
        ("extensions.partialClone", "origin"),
        ("remote.origin.promisor", "true"),
        ("remote.origin.url", "ssh://example.invalid/bank.git"),
        ("core.sshCommand", str(program)),
    ):
        git(root, "config", key, value)


def test_the_build_date_fetches_nothing_a_partial_clone_lacks(tmp_path: Path) -> None:
    bank = repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    a_partial_clone_lacking(tmp_path / "repo", "HEAD:bank", program)
    dated = build_date(bank, {})
    assert not mark.exists()
    assert dated.date is None and dated.note is not None  # said: the build prints no date


def test_the_pull_request_s_files_are_found_without_fetching(tmp_path: Path, monkeypatch) -> None:
    repository(tmp_path / "repo")
    program, mark = marking_program(tmp_path)
    git(tmp_path / "repo", "update-ref", "refs/remotes/origin/main", "HEAD~1")
    a_partial_clone_lacking(tmp_path / "repo", "HEAD~1^{tree}", program)
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    assert changed_in_pull_request() is None  # not known: the caller keeps bank order
    assert not mark.exists()
