"""What the commands check without a PATH: here, a folder of banks, or, inside a git
repository, the nearest bank or bank/ above, up to the repository's root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.paths import default_banks
from tests.conftest import QUESTION, section_yaml, write_bank

WRONG_KEY = QUESTION.replace("answer: A", "answer: E")


def repository(root: Path) -> Path:
    """``root`` as a repository's checkout: its ``.git``, its banks under bank/, docs/."""
    (root / ".git").mkdir(parents=True)
    write_bank(root / "bank" / "b", {"01-main.yaml": section_yaml(WRONG_KEY)})
    (root / "docs").mkdir()
    return root


def test_a_folder_of_banks_is_checked_as_if_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(WRONG_KEY)})
    monkeypatch.chdir(tmp_path / "bank")  # no repository: nothing above is looked at
    assert main(["lint"]) == 1
    named = capsys.readouterr()
    assert named.out.startswith("b/01-main.yaml:11:13: error answer-not-in-options")
    assert named.err == ""  # what is checked is here: nothing to say
    assert main(["lint", "."]) == 1
    assert capsys.readouterr().out == named.out


def test_hidden_and_tool_folders_do_not_make_a_folder_of_banks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for vendored in (".cache/b", "node_modules/b"):
        write_bank(tmp_path / vendored, {"01-main.yaml": section_yaml(QUESTION)})
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    assert "no PATH given, and neither a bank/ folder nor a bank.yaml here" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("start", ["docs", "bank/b/images", ".github/workflows"])
def test_inside_a_repository_the_bank_above_is_checked_and_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    start: str,
) -> None:
    root = repository(tmp_path / "repo")
    (root / start).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(root / start)
    assert main(["lint"]) == 1
    printed = capsys.readouterr()
    expected = {"docs": "../bank", "bank/b/images": "..", ".github/workflows": "../../bank"}
    assert printed.err == (
        f"exambank: no PATH given; checking {expected[start]}, above this folder\n"
    )
    # as the checked folder is named: short, and a terminal opens it (review DE)
    file = {"docs": "../bank/b", "bank/b/images": "..", ".github/workflows": "../../bank/b"}
    assert printed.out.startswith(f"{file[start]}/01-main.yaml:11:13: error answer-not-in")


def test_paths_above_in_the_repository_are_relative_and_outside_it_absolute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path / "repo")
    outside = write_bank(tmp_path / "other", {"01-main.yaml": section_yaml(WRONG_KEY)})
    monkeypatch.chdir(root / "docs")
    assert main(["lint", "--format", "json", "../bank", str(outside)]) == 1
    paths = [found["path"] for found in json.loads(capsys.readouterr().out)]
    assert paths == ["../bank/b/01-main.yaml", f"{outside}/01-main.yaml"]
    assert main(["lint", "--format", "github"]) == 1
    assert "::error file=../bank/b/01-main.yaml,line=11," in capsys.readouterr().out
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))  # annotations name the repository's
    assert main(["lint", "--format", "github"]) == 1
    assert "::error file=bank/b/01-main.yaml,line=11," in capsys.readouterr().out


def test_build_stats_and_fmt_share_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path / "repo")
    (root / "bank/b/01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")
    monkeypatch.chdir(root / "docs")
    assert main(["stats"]) == 0
    assert "Test bank (test-bank): 1 question" in capsys.readouterr().out
    assert main(["fmt", "--check"]) == 0
    assert main(["build", "--only", "json"]) == 0
    assert Path("dist/test-bank/test-bank.json").is_file()  # --out stays the working folder's
    assert capsys.readouterr().err.count("checking ../bank, above this folder") == 2


def test_the_search_stops_at_the_repository_s_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bank/ beside the checkout (or in the home folder) is nobody's to check."""
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    assert default_banks(Path()) is None
    assert main(["lint"]) == 2
    assert capsys.readouterr().err == (
        "exambank: error: no PATH given, and neither a bank/ folder nor a bank.yaml here or "
        "above it, up to the repository's root\n"
    )


def test_the_nearest_bank_above_wins_over_the_repository_s_bank_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path / "repo")
    (root / ".git").rmdir()
    (root / ".git").write_text("gitdir: ../main/.git/worktrees/repo\n", "utf-8")  # a worktree
    (root / "bank/b/images/large").mkdir(parents=True)
    monkeypatch.chdir(root / "bank/b/images/large")
    assert default_banks(Path()) == Path("../..")
    monkeypatch.chdir(root)
    assert default_banks(Path()) == Path("bank")
