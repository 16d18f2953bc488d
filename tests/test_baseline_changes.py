"""Changing a baseline: ``--write-baseline`` says what it added and dropped, and
``--prune-baseline`` drops fixed entries only, never accepting a new finding; it also
resolves a baseline's merge conflict."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.test_baseline import question

RULES = ["--select", "answer-not-in-options,all-of-the-above"]
UP_TO_DATE = "known.json is up to date: 2 findings; nothing to add or drop, so it is left as it was"


def write_section(bank: Path, *questions: str) -> None:
    (bank / "01-main.yaml").write_text(section_yaml(*questions), "utf-8")


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bank with an old error (q2) and an old warning (q3), in the baseline known.json."""
    monkeypatch.chdir(tmp_path)
    root = write_bank(tmp_path / "bank" / "b", {"01-main.yaml": ""})
    write_section(root, question(1), question(2, "error"), question(3, "warning"))
    assert main(["lint", *RULES, "--write-baseline", "known.json"]) == 0
    return root


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["lint", *RULES, *arguments])
    output = capsys.readouterr()
    return status, output.out, output.err


def held() -> list[str]:
    """The questions of the entries of known.json."""
    found = json.loads(Path("known.json").read_text("utf-8"))["findings"]
    return [entry["question"] for entry in found]


def fix_one_add_one(bank: Path) -> None:
    """A branch that fixes q2's error and adds a warning (q9, its option D at line 37)."""
    write_section(bank, question(1), question(2), question(3, "warning"), question(9, "warning"))


def test_writing_over_a_baseline_says_what_it_added_and_dropped(bank, capsys):
    fix_one_add_one(bank)
    status, out, err = lint(capsys, "--write-baseline", "known.json", "--strict")
    assert status == 0 and out.endswith("2 findings hidden by the baseline known.json.\n")
    assert err.splitlines() == [
        "wrote known.json: 2 findings; against the old one: 1 added, 1 fixed entry dropped",
        "  added: bank/b/01-main.yaml:37 all-of-the-above q9",
    ]
    assert held() == ["q3", "q9"]
    _, _, err = lint(capsys, "--write-baseline", "known.json")
    assert err == UP_TO_DATE + "\n"


def test_writing_a_baseline_that_would_not_change_leaves_the_file_untouched(bank, capsys):
    """A hook or CI step that writes the baseline on every run must not touch it (nor
    say it wrote it) when nothing changed: its mtime would trigger rebuilds and syncs."""
    path = Path("known.json")
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before, stat = path.read_bytes(), path.stat()
    status, out, err = lint(capsys, "--write-baseline", "known.json")
    assert (status, err) == (0, UP_TO_DATE + "\n")
    assert out.splitlines()[-1] == "2 findings hidden by the baseline known.json."
    after = path.stat()
    assert path.read_bytes() == before
    assert (after.st_ino, after.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_prune_drops_fixed_entries_and_never_adds_a_new_finding(bank, capsys):
    fix_one_add_one(bank)
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert status == 1 and out.splitlines()[-1] == (
        "1 baseline entry is fixed; run lint with --prune-baseline known.json to drop it."
    )
    status, out, err = lint(capsys, "--prune-baseline", "known.json", "--strict")
    assert err == "pruned known.json: 1 fixed entry dropped, 1 finding left\n"
    assert status == 1 and ":37:10: warning all-of-the-above" in out  # still new
    assert out.splitlines()[-1] == "1 finding hidden by the baseline known.json."
    assert held() == ["q3"]
    pruned = Path("known.json").read_bytes()
    write_section(bank, question(1), question(2), question(3, "warning"))
    lint(capsys, "--write-baseline", "known.json")
    assert Path("known.json").read_bytes() == pruned  # as --write-baseline writes it
    _, _, err = lint(capsys, "--prune-baseline", "known.json")
    assert err == "pruned known.json: no fixed entry dropped, 1 finding left\n"
    assert Path("known.json").read_bytes() == pruned


def test_prune_keeps_the_entries_of_banks_and_rules_the_run_did_not_check(bank, capsys):
    write_bank(bank.parent / "c", {"01-main.yaml": section_yaml(question(5, "warning"))})
    lint(capsys, "--write-baseline", "known.json")
    write_section(bank, question(1), question(2), question(3))  # both fixed
    main(["lint", "--select", "all-of-the-above", "--prune-baseline", "known.json"])
    err = capsys.readouterr().err
    assert err == "pruned known.json: 1 fixed entry dropped, 2 findings left\n"
    _, _, err = lint(capsys, "--prune-baseline", "known.json", str(bank))
    assert err == "pruned known.json: 1 fixed entry dropped, 1 finding left\n"
    assert held() == ["q5"]


def test_prune_names_a_missing_baseline_and_takes_no_other_baseline_option(bank, capsys):
    status, out, err = lint(capsys, "--prune-baseline", "missing.json")
    assert (status, out) == (2, "")
    assert "missing.json: no such baseline; write it with exambank lint --write-baseline" in err
    with pytest.raises(SystemExit):
        lint(capsys, "--prune-baseline", "known.json", "--baseline", "known.json")


def merge_conflict(base: bytes, ours: bytes, theirs: bytes, *style: str) -> bytes:
    """What git leaves in a file both branches changed (``style``: "--diff3" shows the
    base too)."""
    for name, text in [("base", base), ("ours", ours), ("theirs", theirs)]:
        Path(name).write_bytes(text)
    merged = subprocess.run(
        ["git", "merge-file", "-p", *style, "ours", "base", "theirs"],
        capture_output=True,
        check=False,
    )
    assert merged.returncode == 1  # the number of conflicts
    return merged.stdout


def conflict_in_baseline(
    bank: Path, capsys: pytest.CaptureFixture[str], *style: str, line_end: bytes = b"\n"
) -> None:
    """known.json as a merge leaves it: from the fixture's baseline, one side added q8,
    the other then fixed q2 and added q9 (``fix_one_add_one``). ``line_end`` b"\r\n": as
    a Windows checkout (core.autocrlf) has each side, and git then ends its markers so."""

    def checked_out() -> bytes:
        return Path("known.json").read_bytes().replace(b"\n", line_end)

    base = checked_out()
    write_section(
        bank, question(1), question(2, "error"), question(3, "warning"), question(8, "warning")
    )
    lint(capsys, "--write-baseline", "known.json")
    ours = checked_out()
    fix_one_add_one(bank)
    lint(capsys, "--write-baseline", "known.json")
    theirs = checked_out()
    Path("known.json").write_bytes(merge_conflict(base, ours, theirs, *style))


@pytest.mark.skipif(shutil.which("git") is None, reason="git makes the conflict")
@pytest.mark.parametrize(
    ("style", "line_end"),
    [([], b"\n"), (["--diff3"], b"\n"), ([], b"\r\n")],
    ids=["merge", "diff3", "crlf"],
)
def test_prune_resolves_a_merge_conflict_keeping_both_sides_entries_that_remain(
    bank, capsys, style, line_end
):
    conflict_in_baseline(bank, capsys, *style, line_end=line_end)
    assert b"=======" + line_end in Path("known.json").read_bytes()
    # The merged bank: q2 fixed on one side, q8 and q9 added, and q7 new in the merge.
    write_section(
        bank,
        *[question(1), question(2), question(3, "warning"), question(7, "warning")],
        *[question(8, "warning"), question(9, "warning")],
    )
    status, _, err = lint(capsys, "--baseline", "known.json")
    assert status == 2 and "the baseline holds a merge conflict" in err
    assert "run exambank lint --prune-baseline known.json: it keeps the entries of both" in err
    status, out, err = lint(capsys, "--prune-baseline", "known.json", "--strict")
    assert err == (
        "pruned known.json (the entries of both sides of its merge conflict): "
        "1 fixed entry dropped, 3 findings left\n"
    )
    assert held() == ["q3", "q8", "q9"]
    assert status == 1 and ":37:10: warning all-of-the-above" in out  # q7: in neither side
    assert lint(capsys, "--baseline", "known.json")[0] == 0  # the conflict is gone


@pytest.mark.skipif(shutil.which("git") is None, reason="git makes the conflict")
def test_writing_over_a_merge_conflict_reports_against_both_sides(bank, capsys):
    conflict_in_baseline(bank, capsys)
    write_section(bank, question(1), question(2), question(3, "warning"), question(7, "warning"))
    _, _, err = lint(capsys, "--write-baseline", "known.json")
    assert err.splitlines() == [
        "wrote known.json: 2 findings; against the old one (both sides of its merge conflict): "
        "1 added, 3 fixed entries dropped",
        "  added: bank/b/01-main.yaml:37 all-of-the-above q7",
    ]


STALE = question(4) + 'lint: {ignore: [all-of-the-above], reason: "the guide\'s own wording"}\n'
UNUSED = ["--select", "unused-suppression"]  # beside RULES
LEFT_OUT = "a baseline keeps no stale suppression; remove each stale lint: entry as its hint says."


def test_writing_a_baseline_leaves_out_a_stale_suppression(bank, capsys):
    """Accepted, it would go unreported, and drop all-of-the-above's findings on q4 again
    if its wording came back."""
    write_section(bank, question(1), question(2, "error"), question(3, "warning"), STALE)
    status, out, err = lint(capsys, *UNUSED, "--write-baseline", "known.json")
    assert err.splitlines() == [
        UP_TO_DATE,
        f"1 unused-suppression finding not written: {LEFT_OUT}",
    ]
    assert held() == ["q3", "q2"]
    assert status == 0 and out.splitlines() == [
        "bank/b/01-main.yaml:40:21: warning unused-suppression 'all-of-the-above' reports "
        "nothing for question q4",
        "    hint: remove the lint: entry",
        "0 errors, 1 warning.",
        "2 findings hidden by the baseline known.json.",
    ]
    status, out, _ = lint(capsys, *UNUSED, "--baseline", "known.json", "--strict")
    assert status == 1 and "warning unused-suppression 'all-of-the-above' reports nothing" in out
    write_section(bank, question(1), question(2, "error"), question(3, "warning"), question(4))
    assert lint(capsys, *UNUSED, "--baseline", "known.json", "--strict")[0] == 0


def test_an_old_baseline_s_stale_suppression_is_hidden_until_prune_drops_it(bank, capsys):
    """A baseline an earlier exambank wrote holds the unused-suppression finding: CI
    stays as it was, the summary says pruning drops it, and pruning does."""
    write_section(bank, question(1), question(2, "error"), question(3, "warning"), STALE)
    _, out, _ = lint(capsys, *UNUSED, "--no-baseline", "--format", "json")
    entries = [
        {"file": found["path"], **{key: found[key] for key in ("rule", "question", "fingerprint")}}
        for found in json.loads(out)
    ]
    Path("known.json").write_text(json.dumps({"exambank-baseline": 2, "findings": entries}))
    status, out, _ = lint(capsys, *UNUSED, "--baseline", "known.json", "--strict")
    assert status == 0 and out.splitlines() == [
        "No problems found.",
        "3 findings hidden by the baseline known.json.",
        "1 of them is unused-suppression, which a baseline no longer keeps: run lint with "
        "--prune-baseline known.json to drop its entry, then remove each stale lint: entry "
        "as its hint says.",
    ]
    status, out, err = lint(capsys, *UNUSED, "--prune-baseline", "known.json", "--strict")
    assert err.splitlines() == [
        "pruned known.json: no fixed entry dropped, 2 findings left",
        f"1 unused-suppression entry dropped: {LEFT_OUT}",
    ]
    assert held() == ["q3", "q2"]
    assert status == 1 and "warning unused-suppression 'all-of-the-above' reports nothing" in out
