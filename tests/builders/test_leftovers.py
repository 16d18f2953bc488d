"""A build killed with SIGKILL (a CI job's hard timeout, the out-of-memory killer) leaves
the files it was writing under their temporary names: a later build removes them from the
folders it writes, and says so, but those that may be a build's still running."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import pytest

from exambank.builders import Settings
from exambank.builders import render as render_module
from exambank.cli import main
from exambank.leftovers import LEFTOVER_AGE, Leftovers, remove_leftovers
from tests.builders.test_json_images import image_bank
from tests.conftest import QUESTION, section_yaml, write_bank


def _plant(folder: Path, kind: str = "partial", age: float = LEFTOVER_AGE + 60) -> Path:
    """A file of the name a build gives one of kind ``kind`` on its way, ``age`` seconds
    old, in ``folder``."""
    path = folder / f".exambank-{secrets.token_hex(8)}.{kind}"
    path.write_bytes(b"%PDF-1.7 half a handout")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_a_later_build_removes_what_a_killed_build_left_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s37-safety, finding 7: such files piled up with each kill, and went out with
    a dist/ artifact."""
    bank = image_bank(tmp_path / "bank")
    out = tmp_path / "dist"
    command = ["build", str(bank), "--out", str(out), "--only", "json"]
    assert main(command) == 0
    folder = out / "test-bank"
    left = [_plant(folder), _plant(folder / "images")]
    recent = _plant(folder, age=60)  # perhaps a build's still running
    others = [
        _plant(folder, "tmp"),  # fmt's and new's kind, not a build's
        _plant(folder, "previous"),  # may be the only copy of an earlier build's file
        folder / ".exambank-notes.partial",
        folder / "notes.partial",
    ]
    for path in others[2:]:
        path.write_text("a user's", encoding="utf-8")
    capsys.readouterr()
    assert main(command) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if ".partial" in line]
    assert said == [
        f"removed 1 unfinished file (.exambank-*.partial) that a killed build left in {folder}",
        f"note: {folder} holds 1 unfinished file (.exambank-*.partial) of another build, less "
        f"than {LEFTOVER_AGE // 60} minutes old: left unchanged, as that build may still be "
        f"running (a build removes it once it is {LEFTOVER_AGE // 60} minutes old; if none is "
        "running, remove it)",
        f"removed 1 unfinished file (.exambank-*.partial) that a killed build left in "
        f"{folder / 'images'}",
    ]
    assert not any(path.exists() for path in left)
    assert all(path.exists() for path in [recent, *others])


def test_a_build_running_beside_keeps_its_files_fresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build holds its files under such names until its last one is made (minutes on a
    large bank, the first files all the while): another build into the folder must not
    take them for a killed build's."""
    folder = tmp_path / "dist" / "test-bank"
    layouts: list[str] = []
    found: list[Leftovers | None] = []

    def render_pdf(
        html: str, root: Path, settings: Settings, pages: object = None, footer: object = None
    ) -> tuple[bytes, tuple[str, ...]]:
        layouts.append(html)
        if len(layouts) == 1:  # the student edition took longer than LEFTOVER_AGE
            then = time.time() - LEFTOVER_AGE - 60
            for path in folder.glob(".exambank-*.partial"):  # the JSON's and the CSV's
                os.utime(path, (then, then))
        else:  # as a build beside this one does, while the trainer edition is laid out
            found.append(remove_leftovers(folder))
        return b"%PDF-1.7 fake", ()

    monkeypatch.setattr(render_module, "render_pdf", render_pdf)
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", str(bank), "--out", str(tmp_path / "dist")]) == 0
    assert len(found) == 1 and found[0] is not None
    assert len(found[0].recent) == 3 and found[0].removed == ()  # JSON, CSV, student's
    assert "Built 4 files" in capsys.readouterr().out
