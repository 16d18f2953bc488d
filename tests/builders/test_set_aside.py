"""A build killed outright (SIGKILL) while its files land leaves the file each replaced set
aside (``.exambank-<hex>.previous``): a later build puts it back where its place is empty,
removes it where it is an earlier build's file that was replaced, and names any other,
which may be the only copy of a file a user had."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

# A build of JSON and CSV lands the record, then test-bank.json and test-bank-questions.csv,
# each by setting aside the file there (an odd call of os.replace) and renaming its own in
# (an even one); then removes those set aside. The child dies at the call named, as a
# SIGKILL would have it: nothing cleaned up, nothing put back.
CHILD = """\
import os, pathlib, sys
from exambank import staging

calls = 0

def counted():
    global calls
    calls += 1
    if calls == {kill_at}:
        os._exit(137)

class KilledAtOneCall:
    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def replace(source, target):
        counted()
        os.replace(source, target)

unlink = pathlib.Path.unlink

def killed_unlink(path, missing_ok=False):
    if path.name.endswith(".previous"):
        counted()
    unlink(path, missing_ok=missing_ok)

staging.os = KilledAtOneCall()
pathlib.Path.unlink = killed_unlink
from exambank.cli import main
sys.exit(main(["build", {bank!r}, "--out", {out!r}, "--only", "json,csv"]))
"""
KILLED = "a build killed while putting its files in place"


def _bank(root: Path, explanation: str) -> Path:
    question = QUESTION.replace("the whole ML lifecycle", explanation)
    return write_bank(root, {"01-main.yaml": section_yaml(question)})


def _set_aside(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.suffix == ".previous")


@pytest.mark.parametrize(
    ("kill_at", "said"),
    [
        # the record set aside, its place empty: put back, the earlier build's
        (2, [f"put back {{folder}}/.exambank-build, which {KILLED} had set aside"]),
        # the record landed, the JSON set aside, its place empty: the JSON put back, and
        # the earlier record, which the one landed replaced, removed
        (4, [f"put back {{folder}}/test-bank.json, which {KILLED} had set aside", "removed 1"]),
        # all landed, the first set aside (the earlier record) removed: the other two, the
        # earlier build's files the record landed lists, removed
        (8, ["removed 2"]),
    ],
)
def test_a_later_build_puts_back_or_removes_what_a_killed_build_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kill_at: int, said: list[str]
) -> None:
    """Review s37-readme, 4: nothing removed or named these, and one may be the only copy
    of an earlier build's file, its place empty."""
    bank = _bank(tmp_path / "bank", "the whole ML lifecycle")
    out = tmp_path / "dist"
    folder = out / "test-bank"
    assert main(["build", str(bank), "--out", str(out), "--only", "json,csv"]) == 0
    earlier = (folder / "test-bank.json").read_bytes()
    _bank(tmp_path / "bank", "training, tuning and hosting")
    child = CHILD.format(kill_at=kill_at, bank=str(bank), out=str(out))
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    killed = subprocess.run([sys.executable, "-c", child], env=environment, check=False)
    assert killed.returncode == 137 and _set_aside(folder)
    capsys.readouterr()
    assert main(["build", str(bank), "--out", str(out), "--only", "csv"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if ".previous" in line]
    expected = [line.format(folder=folder) for line in said]
    assert [line[: len(start)] for line, start in zip(lines, expected, strict=True)] == expected
    assert _set_aside(folder) == []
    json = (folder / "test-bank.json").read_bytes()
    if kill_at < 8:  # the killed build's JSON never landed
        assert json == earlier
    else:
        assert b"training, tuning and hosting" in json


def test_a_set_aside_file_no_record_tells_is_left_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key a trainer saved notes into, which a killed build was replacing: its bytes
    are no build's, so it may be the only copy; a copy of a file beside it is removed."""
    bank = _bank(tmp_path / "bank", "the whole ML lifecycle")
    out = tmp_path / "dist"
    folder = out / "test-bank"
    assert main(["build", str(bank), "--out", str(out), "--only", "json"]) == 0
    annotated = folder / ".exambank-0123456789abcdef.previous"
    annotated.write_bytes(b"%PDF-1.7 a key with a trainer's notes")
    copy = folder / ".exambank-fedcba9876543210.previous"
    copy.write_bytes((folder / "test-bank.json").read_bytes())
    capsys.readouterr()
    assert main(["build", str(bank), "--out", str(out), "--only", "json"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if ".previous" in line]
    assert lines == [
        f"removed 1 file (.exambank-*.previous) that {KILLED} had set aside in {folder}: an "
        "earlier build's, which it replaced, or copies of files there",
        f"note: {annotated} is a file of {folder} as it was before {KILLED} replaced it; left "
        "unchanged, as it may be the only copy of it: if a file there is missing, rename "
        "this one to it, else remove it",
    ]
    assert annotated.exists() and not copy.exists()
