"""A file lint could not read whole: the baseline keeps what the run could not judge.

A merge that leaves conflict markers in one section file must not make that file's
entries, or the entries of rules that read the whole bank, "fixed": following the hint
would drop them, and they would come back as new once the conflict is resolved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.baseline import Compared
from exambank.baseline_scope import Unread
from exambank.baseline_summaries import summary
from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.test_baseline import question

# near-duplicate reads the whole bank: its message names the rest of the group.
RULES = ["--select", "answer-not-in-options,all-of-the-above,near-duplicate"]
HIDDEN = "{} findings hidden by the baseline known.json."


MAIN = section_yaml(question(1), question(2, "error"), question(3, "warning"))
MORE = section_yaml(
    question(5).replace("AWS Lambda", "AWS Glue"),
    question(6, "warning").replace("trains, tunes", "stores, trains"),
    section_id="more",
)


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bank of two files, with a baseline of its 8 findings: q2's error, the warnings of
    q3 and q6, and a near-duplicate of each of its 5 questions (one group)."""
    monkeypatch.chdir(tmp_path)
    root = write_bank(tmp_path / "bank" / "b", {"01-main.yaml": MAIN, "02-more.yaml": MORE})
    assert main(["lint", *RULES, "--write-baseline", "known.json"]) == 0
    return root


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str], str]:
    status = main(["lint", *RULES, *arguments])
    output = capsys.readouterr()
    return status, output.out.splitlines(), output.err


def entries() -> list[tuple[str, str, str]]:
    found = json.loads(Path("known.json").read_text("utf-8"))["findings"]
    return [(entry["file"].rsplit("/", 1)[1], entry["rule"], entry["question"]) for entry in found]


BROKEN = {  # how 02-more.yaml is broken -> what the summary says of it
    "merge conflict": ("append", b"<<<<<<< HEAD\n=======\n>>>>>>> other\n", "could not be read"),
    "not utf-8": ("append", b"# caf\xe9\n", "could not be read"),
    "yaml syntax": ("append", b"  - id: 'q7\n", "could not be read"),
    "schema, no question read": (
        "replace",
        b"id: more\ntitle: More\nquestions: 3\n",
        "could not be read whole",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_entries_of_a_file_that_cannot_be_read_are_kept_not_fixed(bank, capsys, case):
    how, text, why = BROKEN[case]
    path = bank / "02-more.yaml"
    path.write_bytes(path.read_bytes() + text if how == "append" else text)
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1  # the file's own error
    # 02-more.yaml's 3 entries, and the near-duplicates of 01-main.yaml: the group lost
    # two questions, so their messages changed; they are listed as new, beside the error.
    assert out[-2:] == [HIDDEN.format(2), f"6 baseline entries kept: bank/b/02-more.yaml {why}."]
    before = entries()
    status, _, err = lint(capsys, "--write-baseline", "known.json")
    assert err.splitlines()[0] == (
        f"known.json is up to date: 8 findings, 6 kept as they were: bank/b/02-more.yaml "
        f"{why}; nothing to add or drop, so it is left as it was"
    )
    assert entries() == before  # the old near-duplicates, not the run's: its group is cut
    path.write_text(MORE, "utf-8")  # the conflict resolved
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert (status, out) == (0, ["No problems found.", HIDDEN.format(8)])


def test_a_file_read_in_part_keeps_the_entries_of_questions_the_rules_did_not_check(bank, capsys):
    """q3 fails the schema: its entries are kept; q2's fixed error is fixed all the same."""
    path = bank / "01-main.yaml"
    text = path.read_text("utf-8").replace("answer: E", "answer: A")
    path.write_text(text.replace("id: q3", "id: q3\n    difficulty: 9\n    answer: [1]"), "utf-8")
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1
    # q3's all-of-the-above, and the 5 near-duplicates of a group that lost q3
    assert out[-3:] == [
        "1 finding hidden by the baseline known.json.",
        "6 baseline entries kept: bank/b/01-main.yaml could not be read whole.",
        "1 baseline entry is fixed; run lint with --prune-baseline known.json to drop it.",
    ]
    assert lint(capsys, "--prune-baseline", "known.json")[2].startswith(
        "pruned known.json: 1 fixed entry dropped, 7 findings left"
    )
    assert ("01-main.yaml", "answer-not-in-options", "q2") not in entries()
    assert len(entries()) == 7


def test_every_entry_of_a_bank_whose_manifest_cannot_be_read_is_kept(bank, capsys):
    path = bank / "01-main.yaml"
    path.write_text(path.read_text("utf-8").replace("answer: E", "answer: A"), "utf-8")
    (bank / "bank.yaml").write_text("id: test-bank\ntitle: 'Test bank\nsections: [main, more]\n")
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1 and not any("fixed" in line for line in out)
    # without the bank's id no finding of the bank can be matched (its fingerprints name
    # the bank by id): all 8 entries are kept, none counted fixed
    assert out[-1] == "8 baseline entries kept: bank/b/bank.yaml could not be read."


MANIFEST = "id: test-bank\ntitle: Test bank\nsections:\n  - main\n  - more\n"
# Two branches that each start a section (exambank new) both list it last in sections;
# the id is outside the conflict, or the same on both sides of it (a conflict over the
# whole file, as when one side was saved with CRLF line ends).
MANIFEST_CONFLICTS = {
    "in sections": MANIFEST + "<<<<<<< HEAD\n  - alpha\n=======\n  - beta\n>>>>>>> other\n",
    # a CRLF file (a Windows checkout): git ends its markers with CRLF too
    "in sections, CRLF": (
        MANIFEST + "<<<<<<< HEAD\n  - alpha\n=======\n  - beta\n>>>>>>> other\n"
    ).replace("\n", "\r\n"),
    "whole file, diff3": (
        f"<<<<<<< HEAD\n{MANIFEST}  - alpha\n||||||| base\n{MANIFEST}=======\n"
        + MANIFEST.replace("\n", "\r\n")
        + "  - beta\r\n>>>>>>> other\n"
    ),
}
TWO_IDS = (
    "<<<<<<< HEAD\nid: test-bank\n=======\nid: other-bank\n>>>>>>> other\n"
    + MANIFEST.removeprefix("id: test-bank\n")
)


@pytest.mark.parametrize("case", list(MANIFEST_CONFLICTS))
def test_a_conflict_in_the_manifest_that_leaves_its_id_alone_keeps_the_baseline(bank, capsys, case):
    """The bank's id, which the fingerprints name, is the same whichever side is kept:
    the accepted findings stay hidden, and the conflict is the one finding, and fails."""
    (bank / "bank.yaml").write_text(MANIFEST_CONFLICTS[case], "utf-8", newline="")
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1
    assert out[0].startswith("bank/b/bank.yaml:") and "error yaml-syntax" in out[0]
    assert out[-2:] == ["1 error, 0 warnings.", HIDDEN.format(8)]
    status, out, err = lint(capsys, "--baseline", "known.json", "--format", "github")
    assert status == 1 and [line.split(" ", 1)[0] for line in out] == ["::error"]
    assert err == HIDDEN.format(8) + "\n"
    # Two ids: which one the bank keeps is not known, so neither is any fingerprint.
    (bank / "bank.yaml").write_text(TWO_IDS, "utf-8")
    status, out, _ = lint(capsys, "--baseline", "known.json")
    assert status == 1
    assert out[-2:] == [
        HIDDEN.format(0),
        "8 baseline entries kept: bank/b/bank.yaml could not be read.",
    ]


def test_entries_a_run_could_not_judge_are_kept_by_prune_and_write_too(bank, capsys):
    """Following the tool's advice while the conflict is there loses nothing."""
    path = bank / "02-more.yaml"
    path.write_bytes(path.read_bytes() + BROKEN["merge conflict"][1])
    before = Path("known.json").read_bytes()
    _, _, err = lint(capsys, "--prune-baseline", "known.json")
    assert err == "pruned known.json: no fixed entry dropped, 8 findings left\n"
    assert Path("known.json").read_bytes() == before
    path.write_text(MORE, "utf-8")
    assert lint(capsys, "--baseline", "known.json", "--strict")[0] == 0


def test_the_summary_names_a_few_files_not_read_and_counts_the_rest():
    def unread(*names: str, in_part: bool = False) -> list[Unread]:
        return [Unread(f"bank/b/{name}.yaml", frozenset(), in_part) for name in names]

    def kept(*files: Unread) -> str:
        return summary(Compared([], [], 0, 9, files), Path("known.json"))[1]

    assert kept(*unread("01", "02", "03")) == (
        "9 baseline entries kept: bank/b/01.yaml, bank/b/02.yaml and bank/b/03.yaml could not "
        "be read."
    )
    assert kept(*unread("01", "02", "03", "04"), *unread("05", in_part=True)) == (
        "9 baseline entries kept: bank/b/01.yaml, bank/b/02.yaml and 2 more files could not "
        "be read; bank/b/05.yaml could not be read whole."
    )
