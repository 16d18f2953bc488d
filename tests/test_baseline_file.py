"""The baseline file: what is written, and what happens to a file that is no baseline."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, give_away, section_yaml, write_bank

RULES = ["--select", "answer-not-in-options,all-of-the-above"]
WARNING = QUESTION.replace("  D: Amazon Bedrock", "  D: All of the above")
ERROR = QUESTION.replace("answer: A", "answer: E")


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    questions = [ERROR.replace("q1", "q2"), WARNING.replace("q1", "q3"), WARNING]
    sections = {
        "01-main.yaml": section_yaml(*questions),
        "02-more.yaml": section_yaml(ERROR.replace("q1", "q5"), section_id="more"),
    }
    return write_bank(tmp_path / "bank", sections)


def lint(*arguments: str) -> int:
    return main(["lint", *RULES, *arguments])


def test_the_baseline_is_sorted_small_utf8_json_and_the_same_each_time(bank):
    assert lint("--write-baseline", "known.json") == 0
    written = Path("known.json").read_bytes()
    data = json.loads(written.decode("utf-8"))
    assert list(data) == ["exambank-baseline", "findings"] and data["exambank-baseline"] == 2
    entries = data["findings"]
    assert [(entry["file"], entry["rule"], entry["question"]) for entry in entries] == [
        ("bank/01-main.yaml", "all-of-the-above", "q1"),
        ("bank/01-main.yaml", "all-of-the-above", "q3"),
        ("bank/01-main.yaml", "answer-not-in-options", "q2"),
        ("bank/02-more.yaml", "answer-not-in-options", "q5"),
    ]
    assert all(list(entry) == ["file", "rule", "question", "fingerprint"] for entry in entries)
    assert all(re.fullmatch("[0-9a-f]{64}", entry["fingerprint"]) for entry in entries)
    assert len(written.splitlines()) == len(entries) + 5  # one finding a line
    assert lint("--write-baseline", "known.json") == 0
    assert Path("known.json").read_bytes() == written


def test_json_findings_carry_the_fingerprint_the_baseline_and_gitlab_use(bank, capsys):
    assert lint("--write-baseline", "known.json") == 0
    known = {
        entry["fingerprint"] for entry in json.loads(Path("known.json").read_text())["findings"]
    }
    capsys.readouterr()
    lint("--format", "json")
    listed = json.loads(capsys.readouterr().out)
    assert {item["fingerprint"] for item in listed} == known
    lint("--format", "gitlab")
    assert {issue["fingerprint"] for issue in json.loads(capsys.readouterr().out)} == known
    path = bank / "01-main.yaml"
    path.write_text("# moved\n\n" + path.read_text("utf-8"), "utf-8")
    lint("--format", "json")
    moved = json.loads(capsys.readouterr().out)
    assert [item["line"] for item in moved] != [item["line"] for item in listed]
    assert [item["fingerprint"] for item in moved] == [item["fingerprint"] for item in listed]


def bad_baselines() -> dict[str, tuple[str | None, str]]:
    """File text -> what the error says; None: no file."""
    written = '{\n  "exambank-baseline": 1,\n  "findings": [\n'
    entry = '    {"file": "bank/01-main.yaml", "rule": "all-of-the-above", "fingerprint": "%s"}'
    return {
        "missing": (None, "known.json: no such baseline; write it with exambank lint "),
        "not json": ("[[[", "known.json: not an exambank baseline: name the file that "),
        "other json": ('{"version": 1}', "known.json: not an exambank baseline"),
        "not utf-8": ("\udcff", "known.json: not an exambank baseline"),
        "cut short": (written, "known.json:4:1: not valid JSON (Expecting value); write it "),
        "newer": (written.replace("1", "3") + "]}", "version 3, and exambank"),
        "conflict": (
            written + "<<<<<<< HEAD\n" + entry % ("a" * 64) + "\n=======\n>>>>>>> b\n]}",
            "known.json:4: the baseline holds a merge conflict (<<<<<<<); after the merge",
        ),
        "bad entry": (written + entry % "xyz" + "]}", "finding 1 of the baseline is not as "),
    }


@pytest.mark.parametrize("case", list(bad_baselines()))
@pytest.mark.parametrize("format_name", ["text", "sarif"])
def test_a_baseline_at_fault_stops_the_run_with_a_clear_error(bank, capsys, case, format_name):
    text, said = bad_baselines()[case]
    if text is not None:
        Path("known.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    assert lint("--baseline", "known.json", "--format", format_name) == 2
    output = capsys.readouterr()
    assert output.out == ""  # no report a tool could take for a clean run
    assert output.err.startswith("exambank: error: ") and said in output.err
    assert "Traceback" not in output.err and len(output.err.splitlines()) == 1


def test_a_baseline_at_fault_stops_the_run_before_fix_changes_a_file(bank):
    path = bank / "01-main.yaml"
    path.write_text(path.read_text("utf-8").replace("answer: A", "answer: a", 1), "utf-8")
    before = path.read_bytes()
    assert lint("--fix", "--baseline", "missing.json") == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize("text", ["{}", '{"findings": []}', "notes\n", ""])
def test_writing_never_overwrites_a_file_that_is_no_baseline(bank, capsys, text):
    Path("notes.json").write_text(text, "utf-8")
    assert lint("--write-baseline", "notes.json") == 2
    assert (
        "notes.json: not an exambank baseline, so it is not overwritten" in capsys.readouterr().err
    )
    assert Path("notes.json").read_text("utf-8") == text


@pytest.mark.parametrize("case", ["cut short", "newer", "conflict", "bad entry"])
def test_writing_replaces_a_baseline_that_cannot_be_read(bank, case):
    text, _ = bad_baselines()[case]
    Path("known.json").write_text(text or "", "utf-8")
    assert lint("--write-baseline", "known.json") == 0
    assert len(json.loads(Path("known.json").read_text("utf-8"))["findings"]) == 4


def test_a_failed_write_leaves_the_old_baseline_whole(bank, capsys, monkeypatch):
    assert lint("--write-baseline", "known.json") == 0
    before = Path("known.json").read_bytes()
    (bank / "01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")

    def full_disk(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    assert lint("--write-baseline", "known.json") == 3
    said = capsys.readouterr().err
    assert "known.json: cannot write the baseline: No space left on device" in said
    assert Path("known.json").read_bytes() == before
    assert sorted(path.name for path in Path().iterdir()) == ["bank", "known.json"]


def test_a_baseline_in_a_folder_that_takes_no_new_file_names_the_folder(bank, capsys, monkeypatch):
    """Review s38-hostile #12: a writable baseline in a read-only folder was told a bare
    "Permission denied", as if the file could not be written; fmt names the folder."""
    Path("ci").mkdir()
    assert lint("--write-baseline", "ci/known.json") == 0
    before = Path("ci/known.json").read_bytes()
    (bank / "01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")
    open_file = os.open

    def refused(path, flags, *args, **kwargs):  # as in a read-only folder, for all but root
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return open_file(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    assert lint("--write-baseline", "ci/known.json") == 3
    assert capsys.readouterr().err.endswith(
        "ci/known.json: cannot write in its folder ci: Permission denied (exambank saves a "
        "file as a new one beside it): chmod u+w ci\n"
    )
    assert Path("ci/known.json").read_bytes() == before


@pytest.mark.parametrize("option", ["--write-baseline", "--prune-baseline"])
@pytest.mark.parametrize("mode", [0o600, 0o664])
def test_a_rewritten_baseline_keeps_its_mode_owner_and_group(bank, option, mode):
    # a shared repository's group-writable baseline stays so (review s37-safety #5)
    assert lint("--write-baseline", "known.json") == 0
    baseline = Path("known.json")
    baseline.chmod(mode)
    owner = give_away(baseline)
    before = baseline.read_bytes()
    (bank / "01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")  # findings fixed
    assert lint(option, "known.json") == 0
    assert baseline.read_bytes() != before
    status = baseline.stat()
    assert (stat.S_IMODE(status.st_mode), status.st_uid, status.st_gid) == (mode, *owner)


@pytest.mark.parametrize("option", ["--write-baseline", "--prune-baseline"])
def test_a_read_only_baseline_is_not_replaced(bank, capsys, option):
    assert lint("--write-baseline", "known.json") == 0
    baseline = Path("known.json")
    baseline.chmod(0o444)
    before = baseline.read_bytes()
    (bank / "01-main.yaml").write_text(section_yaml(QUESTION), "utf-8")
    assert lint(option, "known.json") == 3  # as fmt for a read-only bank file
    said = capsys.readouterr().err
    assert "known.json: the file is read-only, so it is not changed: make it writable" in said
    assert baseline.read_bytes() == before and stat.S_IMODE(baseline.stat().st_mode) == 0o444


def test_a_prune_that_drops_nothing_leaves_the_baseline_untouched(bank, capsys):
    assert lint("--write-baseline", "known.json") == 0
    baseline = Path("known.json")
    os.utime(baseline, ns=(10**18, 10**18))  # an mtime a rewrite would not keep
    before = baseline.read_bytes(), baseline.stat().st_ino
    capsys.readouterr()
    assert lint("--prune-baseline", "known.json") == 0
    assert "pruned known.json: no fixed entry dropped" in capsys.readouterr().err
    assert (baseline.read_bytes(), baseline.stat().st_ino) == before
    assert baseline.stat().st_mtime_ns == 10**18


def test_a_file_name_that_is_not_utf8_is_written_as_an_escape_and_read_back(bank, capsys):
    name = os.fsencode(bank / "03-x") + b"\xff.yaml"  # not listed: a manifest error
    with open(name, "w", encoding="utf-8") as file:
        file.write(section_yaml(QUESTION.replace("q1", "q7"), section_id="x"))
    main(["lint", "--select", "manifest", "--write-baseline", "known.json"])
    text = Path("known.json").read_bytes().decode("utf-8")  # strictly UTF-8
    assert "03-x\\udcff.yaml" in text
    capsys.readouterr()
    assert main(["lint", "--select", "manifest", "--baseline", "known.json"]) == 0
    assert "1 finding hidden by the baseline known.json." in capsys.readouterr().out
