"""Merge conflict markers left in a bank file: each conflict is reported at its own
'<<<<<<<' line with a hint that resolves it, never as libyaml's words a line or two on;
fmt and lint --fix refuse the file with the same words (exambank/syntax_hints/conflicts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

HINT = "keep one side (or both, with new ids) and delete the <<<<<<<, ======= and >>>>>>> lines"

# Both sides of a merge appended to the notes table and changed an answer (the review's
# case): the markers are on lines 5 and 14.
CONFLICTED = """\
id: uno
title: Uno
notes: |
  ### Puertos
<<<<<<< HEAD
  | Puerto | Servicio |
=======
  | Port | Service |
>>>>>>> beatriz
questions:
  - id: q1
    stem: Which port does SSH use?
    options: {A: "21", B: "22"}
<<<<<<< HEAD
    answer: B
=======
    answer: A
>>>>>>> beatriz
    explanation: SSH uses port 22.
"""


def problems(tmp_path: Path, text: str) -> list[tuple[int, int, str, str | None]]:
    path = tmp_path / "01-uno.yaml"
    path.write_bytes(text.encode("utf-8"))
    _, found = read_source(path)
    return [(d.line, d.column, d.message, d.hint) for d in found if d.rule == "yaml-syntax"]


def marker(line: int, written: str) -> tuple[int, int, str, str]:
    return line, 1, f"unresolved merge conflict marker '{written}'", HINT


def test_each_conflict_is_reported_at_its_own_line_and_nothing_else(tmp_path: Path) -> None:
    assert problems(tmp_path, CONFLICTED) == [marker(5, "<<<<<<< HEAD"), marker(14, "<<<<<<< HEAD")]


def test_line_endings_do_not_move_the_report(tmp_path: Path) -> None:
    crlf = "\ufeff" + CONFLICTED.replace("\n", "\r\n")
    assert problems(tmp_path, crlf) == [marker(5, "<<<<<<< HEAD"), marker(14, "<<<<<<< HEAD")]


def test_a_diff3_conflict_is_reported_once(tmp_path: Path) -> None:
    text = CONFLICTED.replace(
        "=======\n  | Port", "||||||| merged common ancestors\n=======\n  | Port"
    )
    assert problems(tmp_path, text) == [marker(5, "<<<<<<< HEAD"), marker(15, "<<<<<<< HEAD")]


def test_markers_yaml_reads_as_text_are_reported_too(tmp_path: Path) -> None:
    """In quotes YAML reads the markers as text: the handout would print them."""
    text = (
        'id: uno\ntitle: Uno\nnotes: "Puertos\n<<<<<<< HEAD\nSSH\n=======\nTelnet\n>>>>>>> b\n"\n'
    )
    path = tmp_path / "01-uno.yaml"
    path.write_text(text, encoding="utf-8")
    source, found = read_source(path)
    assert "<<<<<<< HEAD" in source.data["notes"]  # YAML read it
    assert [(d.line, d.column, d.message, d.hint) for d in found] == [marker(4, "<<<<<<< HEAD")]


# The notes' conflict resolved by keeping both rows, with one marker left behind.
RESOLVED = ["id: uno", "title: Uno", "notes: |", "  ### Puertos", "  | Puerto | Servicio |"]
RESOLVED += ["  | Port | Service |", "questions: []"]


@pytest.mark.parametrize(
    ("left", "line"),
    [
        pytest.param(">>>>>>> beatriz", 7, id="the closing marker"),
        pytest.param("=======", 6, id="the separator"),
        pytest.param("||||||| base", 5, id="the base marker"),
        pytest.param("<<<<<<< HEAD", 5, id="the opening marker"),
    ],
)
def test_a_marker_left_over_from_a_conflict_is_reported_by_itself(
    tmp_path: Path, left: str, line: int
) -> None:
    lines = [*RESOLVED]
    lines.insert(line - 1, left)
    assert problems(tmp_path, "\n".join(lines) + "\n") == [marker(line, left)]


@pytest.mark.parametrize(
    "notes",
    [
        pytest.param("  Ports\n  =======\n  >>>>>>> SSH uses 22.\n", id="a setext heading"),
        pytest.param("  >>>>>>> a quote seven deep\n  <<<<<<< HEAD\n", id="indented text"),
    ],
)
def test_text_that_only_looks_like_a_marker_is_not_reported(tmp_path: Path, notes: str) -> None:
    text = section_yaml(QUESTION, extra=f"notes: |\n{notes}")
    assert problems(tmp_path, text) == []


def test_a_separator_outside_a_conflict_is_text(tmp_path: Path) -> None:
    """In quotes, a line of seven '=' reads as text; the conflict below is still found."""
    notes = 'id: uno\ntitle: Uno\nnotes: "Ports\n=======\nSSH uses 22."\n'
    text = notes + "questions:" + CONFLICTED.split("questions:")[1]
    assert problems(tmp_path, text) == [marker(10, "<<<<<<< HEAD")]


def test_a_conflict_that_lost_its_closing_marker_does_not_hide_the_next(tmp_path: Path) -> None:
    text = CONFLICTED.replace(">>>>>>> beatriz\nquestions", "questions")
    assert problems(tmp_path, text) == [marker(5, "<<<<<<< HEAD"), marker(13, "<<<<<<< HEAD")]


def test_fmt_and_fix_refuse_the_file_with_the_same_words_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = "id: b\ntitle: B\nlanguage: es\nsections: [uno]\n"
    root = write_bank(tmp_path / "b", {"01-uno.yaml": CONFLICTED}, manifest)
    path = root / "01-uno.yaml"
    refused = (
        f"{path}:5:1: {{}}: unresolved merge conflict marker '<<<<<<< HEAD'; {HINT} "
        "(and 1 more problem: exambank lint lists them)"
    )
    for command, verb in (["fmt"], "cannot format"), (["fmt", "--check"], "cannot format"):
        assert main([*command, str(path)]) == 1
        assert refused.format(verb) in capsys.readouterr().err.splitlines()
    assert main(["lint", "--fix", str(path)]) == 1
    assert refused.format("not fixed") in capsys.readouterr().err.splitlines()
    assert path.read_text(encoding="utf-8") == CONFLICTED
