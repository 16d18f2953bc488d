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
DIFF3_HINT = (
    "keep one side (or both, with new ids) and delete the <<<<<<<, |||||||, ======= and "
    ">>>>>>> lines, and the base's lines between ||||||| and ======="
)
BASE_HINT = (
    "delete it and the lines below it up to where the ======= line stood: in diff3 style, "
    "the text as it was before either side changed it"
)

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


def marker(line: int, written: str, hint: str = HINT) -> tuple[int, int, str, str]:
    return line, 1, f"unresolved merge conflict marker '{written}'", hint


def test_each_conflict_is_reported_at_its_own_line_and_nothing_else(tmp_path: Path) -> None:
    assert problems(tmp_path, CONFLICTED) == [marker(5, "<<<<<<< HEAD"), marker(14, "<<<<<<< HEAD")]


def test_line_endings_do_not_move_the_report(tmp_path: Path) -> None:
    crlf = "\ufeff" + CONFLICTED.replace("\n", "\r\n")
    assert problems(tmp_path, crlf) == [marker(5, "<<<<<<< HEAD"), marker(14, "<<<<<<< HEAD")]


def test_a_diff3_conflict_is_reported_once_with_its_base_lines_to_delete(tmp_path: Path) -> None:
    """Deleting only the lines a plain conflict's hint names would leave the '|||||||'
    line and the base's old text in the file."""
    text = CONFLICTED.replace(
        "=======\n  | Port", "||||||| merged common ancestors\n  | Port |\n=======\n  | Port"
    )
    assert problems(tmp_path, text) == [
        marker(5, "<<<<<<< HEAD", DIFF3_HINT),
        marker(16, "<<<<<<< HEAD"),
    ]


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
    hint = BASE_HINT if left.startswith("|") else HINT
    assert problems(tmp_path, "\n".join(lines) + "\n") == [marker(line, left, hint)]


def test_a_long_label_is_shown_whole_to_tell_the_sides_apart(tmp_path: Path) -> None:
    """A rename conflict labels each side with its branch and path."""
    ours = "<<<<<<< HEAD:bank/aws-ai-practitioner/03-hosting.yaml"
    theirs = ">>>>>>> noah:bank/aws-ai-practitioner/03-inference.yaml"
    text = CONFLICTED.replace("<<<<<<< HEAD", ours).replace(">>>>>>> beatriz", theirs)
    assert problems(tmp_path, text)[0] == marker(5, ours)
    longer = "<<<<<<< HEAD:bank/aws-certified-machine-learning-engineer/03-hosting.yaml"
    text = CONFLICTED.replace("<<<<<<< HEAD", longer)
    assert problems(tmp_path, text)[0] == marker(5, longer[:60] + "…")


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


# Two trainers each ran `exambank new q2` on their branch: git keeps the '- id: q2' line
# both wrote outside the conflict and interleaves the two questions in two conflicts.
BOTH_ADD_Q2 = """\
id: uno
title: Uno
questions:
  - id: q1
    stem: Which port does SSH use?
    options: {A: "21", B: "22"}
    answer: B
    explanation: SSH uses port 22.
  - id: q2
<<<<<<< HEAD
    stem: Which port does HTTPS use?
=======
    stem: Which port does DNS use?
>>>>>>> dave
    options: {A: "443", B: "53"}
<<<<<<< HEAD
    answer: A
    explanation: HTTPS uses port 443.
=======
    answer: B
    explanation: DNS uses port 53.
>>>>>>> dave
"""
BOTH_QUESTIONS = (
    "keep both, each under its own '- id:' line with its own id, with the lines the sides "
    "share and its side of each conflict in the question (the <<<<<<< side in one, the "
    ">>>>>>> side in the other)"
)
BOTH_ADD = (
    "unresolved merge conflict marker '<<<<<<< HEAD': both sides add (or change) the "
    "question with id 'q2'"
)
BOTH_ADD_HINT = (
    f"two questions? {BOTH_QUESTIONS}; one question changed on both sides? keep one side, "
    "with the other side's edits; then delete the <<<<<<<, ======= and >>>>>>> lines"
)


def test_both_sides_adding_a_question_under_one_id_say_how_to_keep_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'keep one side (or both, with new ids)' cannot be done by deleting markers: the
    sides hold no '- id:' line. Each conflict in the question says so."""
    assert problems(tmp_path, BOTH_ADD_Q2) == [
        (10, 1, BOTH_ADD, BOTH_ADD_HINT),
        (16, 1, BOTH_ADD, BOTH_ADD_HINT),
    ]
    root = write_bank(tmp_path / "b", {"01-uno.yaml": BOTH_ADD_Q2})
    assert main(["lint", "--no-baseline", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    at = out.index(f"{root / '01-uno.yaml'}:10:1: error yaml-syntax {BOTH_ADD}")
    assert out[at + 1] == f"    hint: {BOTH_ADD_HINT}"
    # Each side with its own '- id:' line: keeping both keeps two questions, as it says.
    between = BOTH_ADD_Q2.replace("  - id: q2\n<<<<<<< HEAD\n", "<<<<<<< HEAD\n  - id: q2\n")
    between = between.replace(
        "=======\n    stem: Which port does DNS",
        "=======\n  - id: q3\n    stem: Which port does DNS",
    )
    assert problems(tmp_path, between)[0] == marker(9, "<<<<<<< HEAD")


def test_a_zdiff3_base_tells_two_new_questions_from_one_changed_twice(tmp_path: Path) -> None:
    added = BOTH_ADD_Q2.replace("=======\n", "||||||| 1a2b3c4\n=======\n")
    diff3 = "<<<<<<<, |||||||, ======= and >>>>>>> lines, and the base's lines between"
    said = "unresolved merge conflict marker '<<<<<<< HEAD': both sides"
    assert problems(tmp_path, added)[0] == (
        10,
        1,
        f"{said} add a question with id 'q2'",
        f"{BOTH_QUESTIONS}; then delete the {diff3} ||||||| and =======",
    )
    changed = added.replace("||||||| 1a2b3c4\n", "||||||| 1a2b3c4\n    stem: Which port?\n", 1)
    assert problems(tmp_path, changed)[0] == (
        10,
        1,
        f"{said} change the question with id 'q2'",
        f"keep one side, with the other side's edits; then delete the {diff3} ||||||| and =======",
    )


def test_both_sides_kept_say_the_repeated_stem_may_be_a_second_question(tmp_path: Path) -> None:
    """Accepting both sides makes one question of the two; "keep one of them" for its
    repeated keys would lose one trainer's question without a word."""
    kept = "".join(line for line in BOTH_ADD_Q2.splitlines(keepends=True) if line[0] not in "<=>")
    path = tmp_path / "01-uno.yaml"
    path.write_text(kept, encoding="utf-8")
    _, found = read_source(path)
    later = (
        "if that stem starts a second question, this '{}' may be that question's: "
        "move it there; else keep one of them"
    )
    assert [(d.rule, d.line, d.column, d.message, d.hint) for d in found] == [
        (
            "duplicate-key",
            11,
            5,
            "key 'stem' repeats in one question (first at line 10): it may start a second "
            "question whose '- id:' line is missing",
            "two questions (both sides of a merge kept)? start the second with its own "
            "'- id:' line and a new id, and give it its own options, answer and explanation; "
            "else keep one 'stem': YAML readers silently drop one",
        ),
        (
            "duplicate-key",
            15,
            5,
            "key 'answer' repeats (first at line 13), in the question whose 'stem' repeats "
            "at line 11",
            later.format("answer"),
        ),
        (
            "duplicate-key",
            16,
            5,
            "key 'explanation' repeats (first at line 14), in the question whose 'stem' "
            "repeats at line 11",
            later.format("explanation"),
        ),
    ]
