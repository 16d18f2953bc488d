"""exambank as a pre-commit hook: `git commit` is refused for a bad bank, not for a good one.

The test sets a bank repository up as the README says (a `.pre-commit-config.yaml` naming
the hook's repository and a tag, then `pre-commit install`) and commits. The hook's
repository is a copy of this checkout (every file git would track, committed or not),
committed and tagged in a repository of its own: the same works in a dirty working tree
and in CI's fresh clone. pre-commit builds the hook's virtualenv once, at the first
commit, in a cache of the test's own (`PRE_COMMIT_HOME`); the later commits reuse it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from exambank.cli import main
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

HOOK_ID = "exambank-lint"
GIT_IDENTITY = ["-c", "user.name=exambank tests", "-c", "user.email=tests@example.invalid"]


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", *GIT_IDENTITY, "-c", "commit.gpgsign=false", *arguments],
        cwd=folder,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _clean_env() -> dict[str, str]:
    """No GIT_* variables of an outer git (as when tests run from a hook)."""
    return {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}


def hook_repository(target: Path) -> Path:
    """This checkout's files, committed in a repository of their own."""
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "exambank under test")
    return target


def commit(bank_repository: Path, cache: Path, message: str) -> subprocess.CompletedProcess[str]:
    """``git commit`` in ``bank_repository``, its pre-commit hook building in ``cache``."""
    return subprocess.run(
        ["git", *GIT_IDENTITY, "-c", "commit.gpgsign=false", "commit", "-q", "-m", message],
        cwd=bank_repository,
        env={**_clean_env(), "PRE_COMMIT_HOME": str(cache)},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_hook_manifest() -> None:
    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")}
    lint, fmt = hooks[HOOK_ID], hooks["exambank-fmt"]
    assert (lint["entry"], lint["language"]) == ("exambank lint", "python")
    # every bank on every commit, as CI lints them: not only the files staged
    assert lint["pass_filenames"] is False and lint["always_run"] is True
    # fmt rewrites the staged bank files only (pre-commit passes their names)
    assert (fmt["entry"], fmt["language"]) == ("exambank fmt", "python")
    assert fmt.get("pass_filenames", True) and re.match(fmt["files"], "bank/demo/01-main.yml")
    assert not re.match(fmt["files"], ".github/workflows/bank.yml")
    assert re.match(fmt["files"], "bank/demo/01-amt.YAML")  # a section file like any other


def test_the_hook_refuses_a_commit_of_a_bad_bank_and_lets_a_good_one_through(
    tmp_path: Path,
) -> None:
    hook_repo = hook_repository(tmp_path / "exambank")
    git(hook_repo, "tag", "v0.0.0-test")
    banks = tmp_path / "banks"
    section = banks / "bank" / "demo" / "01-main.yaml"
    write_bank(
        section.parent, {section.name: section_yaml(QUESTION.replace("answer: A", "answer: E"))}
    )
    (banks / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: v0.0.0-test\n    hooks:\n      - id: {HOOK_ID}\n",
        encoding="utf-8",
    )
    git(banks, "init", "-q")
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=banks,
        env=_clean_env(),
        capture_output=True,
        check=True,
    )
    git(banks, "add", "-A")
    cache = tmp_path / "pre-commit-cache"

    blocked = commit(banks, cache, "a bad bank")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert re.search(r"exambank lint\.+Failed", output), output
    assert "bank/demo/01-main.yaml:11:13: error answer-not-in-options" in output, output
    assert git(banks, "rev-list", "--all") == "", "the bad bank was committed"

    section.write_text(section_yaml(QUESTION), encoding="utf-8")
    git(banks, "add", "-A")
    passed = commit(banks, cache, "a good bank")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"exambank lint\.+Passed", passed.stdout + passed.stderr), passed.stdout

    git(banks, "rm", "-q", str(section.relative_to(banks)))  # a deletion stages no file
    deleted = commit(banks, cache, "the section deleted")
    output = deleted.stdout + deleted.stderr
    assert deleted.returncode == 1, output
    assert "error manifest" in output, output


def test_fmt_rewrites_only_the_files_it_is_given_as_the_fmt_hook_passes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messy = section_yaml(QUESTION).replace("stem: ", "stem:    ")
    root = write_bank(tmp_path / "bank" / "demo", {"01-a.yaml": messy, "02-b.yaml": messy})
    monkeypatch.chdir(tmp_path)
    assert main(["fmt", "bank/demo/01-a.yaml"]) == 0
    assert "stem:    " not in (root / "01-a.yaml").read_text(encoding="utf-8")
    assert (root / "02-b.yaml").read_text(encoding="utf-8") == messy
