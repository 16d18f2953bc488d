"""What a baseline knows a finding by: its bank's and question's ids, not its file's path,
and not the parts of its message that change while it stays (an answer run's ends)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.test_baseline import HIDDEN, lint, question
from tests.test_baseline_changes import merge_conflict

MANIFEST = "id: {}\ntitle: Test bank\nsections: [main, more]\n"
RUN = ["--select", "answer-run"]


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bank ``test-bank`` in bank/b: an error (q2) and a warning (q3) in 01-main.yaml, a
    warning (q5) in 02-more.yaml."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    sections = {
        "01-main.yaml": section_yaml(question(1), question(2, "error"), question(3, "warning")),
        "02-more.yaml": section_yaml(question(5, "warning"), section_id="more"),
    }
    return write_bank(Path("bank/b"), sections, MANIFEST.format("test-bank"))


def renumber(bank: Path) -> Path:
    (bank / "01-main.yaml").rename(bank / "13-main.yaml")  # the number only orders files
    return bank


def rename_folder(bank: Path) -> Path:
    """The bank's folder renamed, and another bank (its copy, of another id) in its place:
    its findings at the old paths are not the known ones."""
    renamed = bank.rename(bank.parent / "renamed")
    shutil.copytree(renamed, bank)
    (bank / "bank.yaml").write_text(MANIFEST.format("other-bank"), "utf-8")
    return renamed


def move_question(bank: Path) -> Path:
    """q3 moved from 01-main.yaml to 02-more.yaml."""
    main_file, more_file = bank / "01-main.yaml", bank / "02-more.yaml"
    main_file.write_text(section_yaml(question(1), question(2, "error")), "utf-8")
    more = section_yaml(question(5, "warning"), question(3, "warning"), section_id="more")
    more_file.write_text(more, "utf-8")
    return bank


@pytest.mark.parametrize("change", [renumber, rename_folder, move_question])
def test_a_finding_on_a_question_stays_known_wherever_its_file_or_folder_goes(bank, capsys, change):
    lint(capsys, "--write-baseline", "known.json")
    moved = change(bank)
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict", str(moved))
    assert (status, out.splitlines()) == (0, ["No problems found.", HIDDEN.format(3, "known.json")])
    if change is rename_folder:  # the same questions in a bank of another id are new
        status, out, _ = lint(capsys, "--baseline", "known.json", str(bank))
        assert status == 1 and "1 error, 2 warnings." in out


def test_a_new_message_on_a_known_question_is_new(bank, capsys):
    lint(capsys, "--write-baseline", "known.json")
    path = renumber(bank) / "13-main.yaml"
    path.write_text(path.read_text("utf-8").replace("answer: E", "answer: F"), "utf-8")  # q2
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1
    assert "error answer-not-in-options answer F names no option" in out
    assert out.splitlines()[-3:] == [
        "1 error, 0 warnings.",
        HIDDEN.format(2, "known.json"),
        "1 baseline entry is fixed; run lint with --prune-baseline known.json to drop it.",
    ]


NAMES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def keys(*letters: str) -> str:
    """A section whose questions q-one, q-two ... have these key letters (a message that
    names them in words does not lose them with its numbers)."""
    return section_yaml(
        *(
            question(1).replace("id: q1", f"id: q-{name}").replace("answer: A", f"answer: {key}")
            for name, key in zip(NAMES, letters, strict=True)
        )
    )


def test_fixing_one_question_of_an_answer_run_keeps_the_rest_of_the_run_known(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    bank = write_bank(Path("bank/b"), {"01-main.yaml": keys(*"BBBBBBBBB")})
    main(["lint", *RUN, "--write-baseline", "known.json"])
    (bank / "01-main.yaml").write_text(keys(*"BBBBCBBBB"), "utf-8")  # two runs of four now
    capsys.readouterr()
    assert main(["lint", *RUN, "--baseline", "known.json", "--strict"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "No problems found.",
        HIDDEN.format(8, "known.json"),
        "1 baseline entry is fixed; run lint with --prune-baseline known.json to drop it.",
    ]
    (bank / "01-main.yaml").write_text(keys(*"DDDDCBBBB"), "utf-8")  # a run of another key
    assert main(["lint", *RUN, "--baseline", "known.json"]) == 0
    assert "0 errors, 4 warnings." in capsys.readouterr().out


# Written by exambank at f66cf41 (baseline version 1) for the fixture's bank/b/01-main.yaml.
VERSION_1 = """\
{
  "exambank-baseline": 1,
  "findings": [
    {"file": "bank/b/01-main.yaml", "rule": "all-of-the-above", "question": "q3", "fingerprint": "3b4131ba0febaf99391a4221ad39e017b2ac1dd2eb27157da9f091b9f214703e"},
    {"file": "bank/b/01-main.yaml", "rule": "answer-not-in-options", "question": "q2", "fingerprint": "f083a5edd010814e012ed25b61fefdc9af44794ef6af17f530802fd94f5615a0"}
  ]
}
"""  # noqa: E501


def test_a_baseline_of_version_1_still_hides_its_findings_until_written_as_version_2(bank, capsys):
    (bank / "02-more.yaml").unlink()
    (bank / "bank.yaml").write_text(MANIFEST.format("test-bank").replace(", more", ""), "utf-8")
    Path("known.json").write_text(VERSION_1, "utf-8")
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert (status, out.splitlines()) == (0, ["No problems found.", HIDDEN.format(2, "known.json")])
    lint(capsys, "--write-baseline", "known.json")
    written = json.loads(Path("known.json").read_text("utf-8"))
    assert written["exambank-baseline"] == 2
    assert [entry["question"] for entry in written["findings"]] == ["q3", "q2"]
    renumber(bank)
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert (status, out.splitlines()) == (0, ["No problems found.", HIDDEN.format(2, "known.json")])


def test_pruning_a_version_1_baseline_writes_this_version_s_fingerprints(bank, capsys):
    """The hint after an upgrade says --prune-baseline: what it writes must survive a
    renumbered file, as a baseline written afresh does (review s22 diff #1)."""
    (bank / "02-more.yaml").unlink()
    (bank / "bank.yaml").write_text(MANIFEST.format("test-bank").replace(", more", ""), "utf-8")
    Path("known.json").write_text(VERSION_1, "utf-8")
    lint(capsys, "--prune-baseline", "known.json")
    pruned = Path("known.json").read_bytes()
    lint(capsys, "--write-baseline", "known.json")
    assert pruned == Path("known.json").read_bytes()  # version 2 all through
    renumber(bank)
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert (status, out.splitlines()) == (0, ["No problems found.", HIDDEN.format(2, "known.json")])


@pytest.mark.skipif(shutil.which("git") is None, reason="git makes the conflict")
def test_a_finding_both_sides_of_an_upgrade_s_merge_hold_is_held_once(bank, capsys):
    """One branch kept the version-1 baseline, the other wrote version 2: pruning the
    merge keeps each finding once, so a second copy of a flaw is still new."""
    (bank / "02-more.yaml").unlink()
    (bank / "bank.yaml").write_text(MANIFEST.format("test-bank").replace(", more", ""), "utf-8")
    lint(capsys, "--write-baseline", "known.json")
    written = Path("known.json").read_bytes()
    # the base held a third finding, which the version-1 branch fixed
    fixed = '\n    {"file": "bank/b/01-main.yaml", "rule": "x", "fingerprint": "%s"},' % ("0" * 64)
    base = VERSION_1.replace('"findings": [', '"findings": [' + fixed).encode()
    Path("known.json").write_bytes(merge_conflict(base, VERSION_1.encode(), written))
    _, _, err = lint(capsys, "--prune-baseline", "known.json")
    assert "2 findings left" in err
    assert Path("known.json").read_bytes() == written


def test_a_bank_whose_manifest_lint_refused_is_known_alike_to_the_baseline_and_the_reports(
    bank, capsys
):
    """A bank.yaml over max-file-bytes is not read, so lint knows no id for its bank: the
    baseline must not read it for one either (it held a 2 GB manifest in memory, and its
    fingerprints then differed from those of the SARIF and GitLab reports)."""
    manifest = bank / "bank.yaml"
    manifest.write_text("# " + "x" * 3000 + "\n" + manifest.read_text("utf-8"), "utf-8")
    Path("pyproject.toml").write_text("[tool.exambank]\nmax-file-bytes = 2000\n", "utf-8")
    lint(capsys, "--write-baseline", "known.json")
    held = {
        entry["fingerprint"] for entry in json.loads(Path("known.json").read_text())["findings"]
    }
    status, report, _ = lint(capsys, "--format", "sarif")
    assert status == 1
    results = json.loads(report)["runs"][0]["results"]
    reported = {result["partialFingerprints"]["exambank/v2"] for result in results}
    assert len(held) == 3 and held <= reported, (held, reported)
