"""Files named one by one, as a list of changed files names them: another tool's bank.yml
is no misnamed manifest, no path that is not there is reported, and a deleted file is
told apart from a typo; the README's recipe for a pull request's changed files works on
one that also changes an image."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.file_names import is_misnamed_manifest
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

WORKFLOW = """\
# The bank repository's CI, named as the README says.
name: bank
on:
  pull_request:
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-24.04
"""
MANIFEST_KEYS = "id: b\ntitle: B\nsections: [main]\n"


def test_a_workflow_named_bank_yml_is_in_no_bank_not_a_misnamed_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-main.yaml": section_yaml(QUESTION)})
    Path(".github/workflows").mkdir(parents=True)
    Path(".github/workflows/bank.yml").write_text(WORKFLOW, "utf-8")
    assert main(["lint", "bank/b/01-main.yaml", ".github/workflows/bank.yml"]) == 1
    assert capsys.readouterr().out.splitlines()[::2] == [
        ".github/workflows/bank.yml:1:1: error manifest bank.yml is in no bank "
        "(no bank.yaml in its folder or above it)",
        "1 error, 0 warnings.",  # not its keys as a section's: it is no bank's file
    ]


@pytest.mark.parametrize(
    ("text", "manifest"),
    [
        (WORKFLOW, False),
        ("services:\n  web:\n    image: x\nversion: '3'\n", False),  # docker compose
        (MANIFEST_KEYS, True),
        ("\ufeff# yaml-language-server: $schema=x\n---\n'id': b\n", True),  # a BOM, quotes
        ("id: b\nname: also a workflow key\n", True),  # one manifest key is enough
        ("{id: b, title: B, sections: [main]}\n", True),  # flow style: no key at a line's start
        ("", True),
        ("just: [unclosed\n", False),
    ],
)
def test_a_file_named_like_a_manifest_is_one_unless_its_keys_are_another_tool_s(
    tmp_path: Path, text: str, manifest: bool
) -> None:
    path = tmp_path / "bank.yml"
    path.write_text(text, "utf-8")
    assert is_misnamed_manifest(path) is manifest
    assert is_misnamed_manifest(tmp_path / "bank.yaml") is False  # the right name, or none


def test_a_misnamed_manifest_is_reported_at_the_file_that_is_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-main.yaml": section_yaml(QUESTION)}, MANIFEST_KEYS)
    Path("b/bank.yaml").rename("b/bank.yml")
    assert main(["lint", "b/01-main.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "b/bank.yml:1:1: error manifest the folder has no bank.yaml",
        "    hint: rename bank.yml to bank.yaml: a bank's manifest is read by that name only",
    ]
    assert not any(line.startswith("b/bank.yaml:") for line in out)
    # the file is the manifest misnamed, not a section: its keys are not a section's
    manifest_lines = [line for line in out if line.startswith("b/bank.yml:")]
    assert manifest_lines == ["b/bank.yml:1:1: error manifest the folder has no bank.yaml"]


def test_a_bank_yml_of_another_tool_beside_the_banks_is_not_told_to_be_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-main.yaml": section_yaml(QUESTION)})
    Path("bank/bank.yml").write_text(WORKFLOW, "utf-8")
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert "bank/bank.yml:1:1: error manifest bank.yml is in no bank" in out
    assert "rename" not in out


def test_a_deleted_file_in_a_list_of_changed_files_names_the_git_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["lint", "bank/b/01-main.yaml", "bank/b/02-gone.yaml"]) == 2
    assert capsys.readouterr().err == (
        "exambank: error: bank/b/02-gone.yaml: no such file or folder; if it was deleted, "
        "leave it out: git diff --name-only --diff-filter=d lists the rest\n"
    )
    assert main(["lint", "bank/c"]) == 2  # a folder, or a file in no folder: a typo
    assert capsys.readouterr().err == "exambank: error: bank/c: no such file or folder\n"
    assert main(["lint", "gone/02-main.yaml"]) == 2
    assert capsys.readouterr().err.endswith("gone/02-main.yaml: no such file or folder\n")


def _changed_files_recipe() -> str:
    """The README's command that lints a pull request's changed files."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("**Changed files only.**", 1)[1].split("\n### ", 1)[0]
    recipe = re.search(r"(git diff -z --name-only[^`\n]*\| xargs -0 -r exambank lint)", paragraph)
    assert recipe, "the README has no changed-files recipe"
    return recipe[1]


def _git(folder: Path, *arguments: str) -> None:
    identity = ["-c", "user.name=exambank tests", "-c", "user.email=tests@example.invalid"]
    subprocess.run(
        ["git", *identity, "-c", "commit.gpgsign=false", *arguments],
        cwd=folder,
        env={key: value for key, value in os.environ.items() if not key.startswith("GIT_")},
        capture_output=True,
        check=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="no git")
@pytest.mark.parametrize("stem_changed", [True, False])
def test_the_readme_s_changed_files_recipe_works_when_a_pull_request_adds_an_image(
    tmp_path: Path, stem_changed: bool
) -> None:
    origin, clone = tmp_path / "origin", tmp_path / "clone"
    # a name git quotes and xargs would split, unless the recipe passes it NUL-separated
    write_bank(origin / "bank" / "b", {"01-über main.yaml": section_yaml(QUESTION)})
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "a bank")
    _git(tmp_path, "clone", "-q", str(origin), str(clone))  # origin/main, as in CI
    _git(clone, "checkout", "-q", "-b", "pull-request")
    images = clone / "bank" / "b" / "images"
    images.mkdir()
    (images / "diagram.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', "utf-8")
    (clone / "bank" / "b" / "README.md").write_text("# Notes for authors\n", "utf-8")
    if stem_changed:  # and an error in a question, which the recipe must report
        section = clone / "bank" / "b" / "01-über main.yaml"
        section.write_text(section.read_text("utf-8").replace("answer: A", "answer: E"), "utf-8")
    _git(clone, "add", "-A")
    _git(clone, "commit", "-q", "-m", "a diagram")
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # its exambank
    run = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", _changed_files_recipe()],  # as a GitHub step runs it
        cwd=clone,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "not a bank file" not in run.stderr
    if stem_changed:  # lint ran on the bank and failed it (xargs says 123 for lint's 1)
        assert run.returncode == 123, run.stderr
        assert "error answer-not-in-options" in run.stdout
    else:  # no bank file changed: nothing to lint
        assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
