"""A build killed outright (SIGKILL) at any rename or removal of a file, while its files
land or while it removes a stale key: the next build still removes the key an earlier
build wrote that no longer goes with its student edition, keeps the sheet a trainer wrote
on, and blames neither the record nor the trainer for the key."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.builders import Settings
from exambank.builders import render as render_module
from exambank.cli import main
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

# Run once, in a process of its own, so exambank is imported once: a build of
# ``ARGUMENTS`` into a copy of TEMPLATE, forked, that runs through and tells the renames
# and removals it makes (each as its function and file name), then one build into a copy
# of its own for each of them, forked and SIGKILLed at that call. Each build's PDFs are
# made in no time, each of its own bytes (as _fake_render). Prints the calls, as JSON.
KILLER = """\
import hashlib, json, os, shutil, signal, sys
from exambank.builders import render
from exambank.cli import main

template, out, arguments = sys.argv[1], sys.argv[2], sys.argv[3:]
render.render_pdf = lambda html, *rest, **keywords: (
    b"%PDF-1.7 " + hashlib.sha256(html.encode()).hexdigest().encode(), ()
)

def build(folder, kill_at, calls):
    shutil.copytree(template, folder)
    child = os.fork()
    if child:
        return os.waitpid(child, 0)[1]
    def counted(function):
        def call(path, *rest, **keywords):
            calls.append([function.__name__, os.path.basename(path)])
            if len(calls) == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return function(path, *rest, **keywords)
        return call
    os.replace, os.unlink = counted(os.replace), counted(os.unlink)
    sys.stdout = open(os.devnull, "w")
    status = main(["build", *arguments, "--out", folder])
    with open(os.path.join(out, "calls.json"), "w") as stream:
        json.dump(calls, stream)
    os._exit(status)

assert build(os.path.join(out, "0"), 0, []) == 0
with open(os.path.join(out, "calls.json")) as stream:
    calls = json.load(stream)
for kill_at in range(1, len(calls) + 1):
    status = build(os.path.join(out, str(kill_at)), kill_at, [])
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, kill_at
print(json.dumps(calls))
"""
KEY, SHEET = "test-bank-answer-key.pdf", "test-bank-answer-sheet.pdf"


def _fake_render(
    html: str, root: Path, settings: Settings, pages: object = None, footer: object = None
) -> tuple[bytes, tuple[str, ...]]:
    return b"%PDF-1.7 " + hashlib.sha256(html.encode()).hexdigest().encode(), ()


def _bank(root: Path, explanation: str) -> Path:
    question = QUESTION.replace("the whole ML lifecycle", explanation)
    return write_bank(root, {"01-main.yaml": section_yaml(question)})


def _killed_builds(template: Path, out: Path, *arguments: str) -> list[list[str]]:
    """Each rename or removal ``exambank build ARGUMENTS`` makes into a copy of
    ``template``; a build of them killed at each, into ``out/<its number, from 1>``."""
    out.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1767225600"}
    killer = [sys.executable, "-c", KILLER, str(template), str(out), *arguments]
    run = subprocess.run(killer, env=environment, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    calls: list[list[str]] = json.loads(run.stdout)
    return calls


@pytest.mark.parametrize(
    "killed_options",
    [
        [],  # the key stale: killed before or while it is removed
        ["--student-key", "separate"],  # a new key landing: killed before the record is
    ],
    ids=["key-stale", "key-rebuilt"],
)
def test_after_a_kill_anywhere_the_next_build_removes_the_key_but_not_a_trainer_s_sheet(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    killed_options: list[str],
) -> None:
    """Review s38-hostile #2: killed after the new record landed and before the stale key
    went, or after a new key landed and before the record did, the key stayed for good,
    each later build saying "it is not among the files .exambank-build records a build
    wrote" or "it has been changed since exambank made it", though no one had touched it."""
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    bank = _bank(tmp_path / "bank", "the whole ML lifecycle")
    template = tmp_path / "template"
    first = ["--only", "pdf", "--student-key", "separate", "--answer-sheet"]
    assert main(["build", str(bank), "--out", str(template), *first]) == 0
    sheet = template / "test-bank" / SHEET
    sheet.write_bytes(sheet.read_bytes() + b"\n% a trainer's marks\n")
    marked = sheet.read_bytes()
    _bank(tmp_path / "bank", "training, tuning and hosting")
    out = tmp_path / "killed"
    calls = _killed_builds(template, out, str(bank), "--only", "pdf", *killed_options)
    assert ["unlink", KEY] in calls or ["replace", KEY] in calls
    for kill_at, call in enumerate(calls, start=1):
        capsys.readouterr()
        folder = out / str(kill_at) / "test-bank"
        assert main(["build", str(bank), "--out", str(folder.parent), "--only", "pdf"]) == 0
        said = capsys.readouterr().out.splitlines()
        where = f"killed at {call} (call {kill_at})"
        assert not (folder / KEY).exists(), where
        assert [line for line in said if KEY in line and "left unchanged" in line] == [], where
        assert (folder / SHEET).read_bytes() == marked, where
        assert [line for line in said if SHEET in line] == [
            f"note: {folder / SHEET} is not this build's: this build makes no answer sheet "
            "(--answer-sheet); left unchanged: it has been changed since exambank made it "
            "(remove it if it is an old key or sheet)"
        ], where


def test_after_a_kill_anywhere_the_next_build_replaces_what_it_left_as_exambank_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file a killed build left half landed (the earlier build's, or its own) or set
    aside is exambank's, never a trainer's change: the next build making the same files
    is not stopped as if one had been changed (the record that lands first lists both
    digests), and leaves the folder as a build into an empty one does (but the unfinished
    files, which the build removes once they are 30 minutes old)."""
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    bank = _bank(tmp_path / "bank", "the whole ML lifecycle")
    template = tmp_path / "template"
    options = ["--student-key", "separate"]
    assert main(["build", str(bank), "--out", str(template), *options]) == 0
    _bank(tmp_path / "bank", "training, tuning and hosting")
    calls = _killed_builds(template, tmp_path / "killed", str(bank), *options)
    assert main(["build", str(bank), "--out", str(tmp_path / "fresh"), *options]) == 0
    fresh = tmp_path / "fresh" / "test-bank"
    for kill_at, call in enumerate(calls, start=1):
        folder = tmp_path / "killed" / str(kill_at) / "test-bank"
        capsys.readouterr()
        status = main(["build", str(bank), "--out", str(folder.parent), *options])
        where = f"killed at {call} (call {kill_at}): {capsys.readouterr().err}"
        assert status == 0, where
        unfinished = [path for path in folder.iterdir() if path.suffix == ".partial"]
        assert _files(folder, but=unfinished) == _files(fresh), where  # those kept 30 minutes


def _files(folder: Path, but: list[Path] | None = None) -> dict[str, bytes]:
    """Every file in ``folder``, hidden ones too, by name, but those ``but`` names."""
    return {path.name: path.read_bytes() for path in folder.iterdir() if path not in (but or [])}
