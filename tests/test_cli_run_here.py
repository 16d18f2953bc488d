"""Where the commands look without a PATH, and what a stopped build and a bad tag print."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

WRONG_KEY = QUESTION.replace("answer: A", "answer: E")
FLAWED = QUESTION.replace("id: q1", "id: q2").replace("D: Amazon Bedrock", "D: All of the above")


def test_every_command_reads_the_bank_it_is_run_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(WRONG_KEY)}))
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.startswith("01-main.yaml:11:13: error answer-not-in-options")
    assert main(["stats"]) == 0
    assert capsys.readouterr().out.startswith("Test bank (test-bank): 1 question")
    Path("01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")
    assert main(["build", "--only", "json"]) == 0
    assert Path("dist/test-bank/test-bank.json").is_file()  # --out is the working folder's
    assert main(["fmt", "--check"]) == 0


def test_a_bank_s_subfolder_is_pointed_at_the_bank_above(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (bank / "images").mkdir()
    monkeypatch.chdir(bank / "images")
    assert main(["lint"]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("bank.yaml here; a bank is above, in '..': give that as PATH")
    )


def test_outside_a_repository_a_bank_folder_above_is_named_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Outside git the commands do not look above the current folder; run from docs/ beside
    # bank/, the error named nothing to give as PATH (review s31-readme #12)
    write_bank(tmp_path / "x" / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (tmp_path / "x" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "x" / "docs")
    assert main(["lint"]) == 2
    said = capsys.readouterr().err.strip()
    assert said.endswith("bank.yaml here; banks are above, in '../bank': give that as PATH")


def test_a_folder_holding_banks_and_no_manifest_still_means_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-main.yaml": section_yaml(WRONG_KEY)})
    write_bank(Path("retired/c"), {"01-main.yaml": section_yaml(WRONG_KEY)})  # not under bank/
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.splitlines()[::2] == [
        "bank/b/01-main.yaml:11:13: error answer-not-in-options answer E names no option "
        "(options are A, B, C, D)",
        "1 error, 0 warnings.",
    ]


@pytest.mark.parametrize(
    ("make", "said", "status"),
    [
        (lambda: Path("bank.yaml").mkdir(), "the folder's bank.yaml is a folder", 1),
        (
            lambda: Path("bank.yml").write_text("id: b\n", "utf-8"),
            "rename bank.yml to bank.yaml",
            2,
        ),
        (
            lambda: Path("bank.yaml.txt").write_text("id: b\n", "utf-8"),
            "rename bank.yaml.txt to bank.yaml (Notepad adds .txt",
            2,
        ),
        (lambda: None, "no PATH given, and neither a bank/ folder nor a bank.yaml here", 2),
    ],
)
def test_a_folder_that_is_almost_a_bank_is_told_what_is_wrong(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make,
    said,
    status,
) -> None:
    monkeypatch.chdir(tmp_path)
    make()
    assert main(["lint"]) == status  # a broken manifest is a finding (1), no bank a usage error
    assert said in "".join(capsys.readouterr())


def test_a_stopped_build_prints_its_errors_and_counts_its_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flawed = [
        FLAWED.replace("id: q2", f"id: w{number}").replace("models?", f"models ({number})?")
        for number in range(3)
    ]
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(WRONG_KEY, *flawed)})
    out = ["--out", str(tmp_path / "dist")]
    assert main(["build", str(root), *out]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 3 and "error answer-not-in-options" in printed[0]
    assert printed[1].startswith("    hint: ")
    assert printed[2] == "lint: 1 error, 3 warnings ('exambank lint' lists them)"
    (root / "01-main.yaml").write_text(section_yaml(WRONG_KEY), "utf-8")
    assert main(["build", str(root), *out]) == 1
    assert capsys.readouterr().out.splitlines()[2:] == ["lint: 1 error"]
    assert not (tmp_path / "dist").exists()


def test_no_note_on_rules_that_did_not_run_when_the_language_is_no_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = "id: test-bank\ntitle: T\nlanguage: {}\nsections: [main]\n"
    sections = {"01-main.yaml": section_yaml(QUESTION)}
    root = write_bank(tmp_path / "b", sections, manifest.format("fr"))
    assert main(["lint", str(root)]) == 0  # a valid tag of another language: the note
    assert "note the bank's language is 'fr'" in capsys.readouterr().out
    (root / "bank.yaml").write_text(manifest.format("Deutsch"), "utf-8")
    assert main(["lint", str(root)]) == 1
    out = capsys.readouterr().out
    assert "language 'Deutsch' is not a language tag" in out
    assert " note " not in out
