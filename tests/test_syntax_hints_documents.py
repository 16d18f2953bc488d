"""A '...' or '%YAML' line left in the middle of a bank file, right above a list item:
told at the marker's own line, with the hint to delete it, as above a key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

SECOND = QUESTION.replace("id: q1", "id: q2").replace("trains, tunes", "trains")
SECTION = section_yaml(QUESTION, SECOND)  # q2 starts at line 13: '  - id: q2'
HINT = "delete the line: a bank file holds one document (a comment '# ...' can mark a break)"
DIRECTIVE = "is a YAML directive, which only the top of a file may hold"


@pytest.mark.parametrize(
    ("markers", "message"),
    [
        (["%YAML 1.2"], f"'%YAML' {DIRECTIVE}"),
        (["%TAG ! tag:example.com,2026:"], f"'%TAG' {DIRECTIVE}"),
        (["...", "%YAML 1.2"], f"'%YAML' {DIRECTIVE}"),  # the nearer first; then the '...'
    ],
)
@pytest.mark.parametrize("item", ["  - id: q2", "- id: q2"])
def test_a_marker_right_above_a_list_item_is_told_at_its_own_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    markers: list[str],
    message: str,
    item: str,
) -> None:
    """libyaml says 'block sequence entries are not allowed in this context' at the dash
    below, with no hint; the slip is the marker line, and deleting it mends the file."""
    monkeypatch.chdir(tmp_path)
    head, questions = SECTION.split("questions:\n")
    if item.startswith("-"):  # the questions' dashes at column 1, as YAML allows
        questions = textwrap.dedent(questions)
    text = f"{head}questions:\n{questions}".replace(item, "\n".join([*markers, item]), 1)
    write_bank(Path("b"), {"01-main.yaml": text})
    line = 12 + len(markers)  # the marker right above the item
    assert main(["lint", "b"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"b/01-main.yaml:{line}:1: error yaml-syntax {message}",
        f"    hint: {HINT}",
        "1 error, 0 warnings.",
    ]
    deleted = text.replace("".join(f"{marker}\n" for marker in markers), "")
    Path("b/01-main.yaml").write_text(deleted, encoding="utf-8")
    assert main(["lint", "b"]) == 0
