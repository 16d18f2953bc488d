"""``lint --fix`` of ``answer: A, C`` on a multiple-answer question: YAML reads the text
"A, C", the author meant the list [A, C] (review s27-author #8). Only that line changes;
a single-answer question's "A, C" is the author's to settle (exambank/fix_answer_lists.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.diagnostics import LINT_FIX_DOES_THIS
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

MULTIPLE = QUESTION.replace("id: q1", "id: q1\ntype: multiple").replace(
    "Which AWS", "Select TWO. Which AWS"
)


def _bank(tmp_path: Path, question: str, extra: str = "") -> Path:
    text = "# Section one: the services\n" + section_yaml(question, extra=extra)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    return root / "01-main.yaml"


@pytest.mark.parametrize(
    ("typed", "letters", "after"),
    [
        ("A, C", "A, C", "[A, C]"),
        ("A, C   # the key", "A, C", "[A, C]   # the key"),
        ("A and C", "A, C", "[A, C]"),
        ("a; c", "A, C", "[A, C]"),
        ('"A, C"', "A, C", "[A, C]"),
        ("A,C", "A, C", "[A, C]"),
    ],
)
def test_letters_typed_as_one_text_become_a_list_and_nothing_else_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, letters: str, after: str
) -> None:
    path = _bank(tmp_path, MULTIPLE.replace("answer: A", f"answer: {typed}"))
    before = path.read_text(encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 0
    written = typed.split("  ")[0].strip('"')
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:13:13: fixed answer '{written}' written as one text -> [{letters}]"
    ]
    # the header comment, the note after the answer and every other byte stay
    assert path.read_text(encoding="utf-8") == before.replace(
        f"answer: {typed}", f"answer: {after}"
    )
    source, problems = read_source(path)
    assert problems == []
    assert source.data["questions"][0]["answer"] == letters.split(", ")


@pytest.mark.parametrize(
    ("typed", "after"),
    [
        ("[A; C]", "[A, C]"),
        ("[A;C]   # the key", "[A, C]   # the key"),
        ("[A and C]", "[A, C]"),
        ("[A; C, D]", "[A, C, D]"),
    ],
)
def test_letters_in_one_item_of_a_list_become_items_and_nothing_else_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, after: str
) -> None:
    """'[A; C]' is a list of one item, "A; C" (review s35-author #14): --fix makes each
    letter an item, in place, in a file laid out otherwise than fmt lays it out."""
    question = MULTIPLE.replace("answer: A", f"answer: {typed}")
    if after.count(",") == 2:  # as many as the stem asks for
        question = question.replace("Select TWO", "Select THREE")
    deeper = re.sub(r"\n  ([A-D]): ", r"\n    \1: ", question)  # options 2 spaces deeper
    path = _bank(tmp_path, deeper)
    before = path.read_text(encoding="utf-8")
    assert "\n        A: Amazon SageMaker\n" in before
    assert main(["lint", "--fix", str(path)]) == 0
    written = typed.split("  ")[0]
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:13:13: fixed answer {written}: letters not separated by commas -> "
        f"{after.split('  ')[0]}"
    ]
    assert path.read_text(encoding="utf-8") == before.replace(
        f"answer: {typed}", f"answer: {after}"
    )
    source, problems = read_source(path)
    assert problems == []
    assert source.data["questions"][0]["answer"] == after.split("]")[0][1:].split(", ")


def test_only_a_list_of_option_letters_in_a_multiple_answer_question_is_mended(
    tmp_path: Path,
) -> None:
    """'[A; C]' becomes '[A, C]' where every piece is an option letter of a question of
    type multiple: on a single-answer question the author must choose, and an 'E' that
    is no option, or a list of letters already, is left as typed."""
    mended = MULTIPLE.replace("answer: A", "answer: [A; C]")
    left = [
        QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: [A; C]"),
        MULTIPLE.replace("id: q1", "id: q3").replace("answer: A", "answer: [A; E]"),
        MULTIPLE.replace("id: q1", "id: q4").replace("answer: A", "answer: [A, C]"),
    ]
    path = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(mended, *left)})
    path /= "01-main.yaml"
    before = path.read_text(encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 1  # q2 and q3 are still wrong
    assert path.read_text(encoding="utf-8") == before.replace("[A; C]", "[A, C]", 1)


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        (QUESTION, "A, C"),  # single-answer: keep one, or make it multiple: the author's
        (QUESTION.replace("id: q1", "id: q1\ntype: single"), "A, C"),
        (MULTIPLE, "A, E"),  # E is no option
        (MULTIPLE, "A, C or D"),  # 'or' is no list
        (MULTIPLE, "A"),  # one letter: answer-count's to report
    ],
    ids=["no type", "single", "no such option", "a choice", "one letter"],
)
def test_an_answer_that_is_no_sure_list_is_left_alone(
    tmp_path: Path, question: str, typed: str
) -> None:
    path = _bank(tmp_path, question.replace("answer: A", f"answer: {typed}"))
    before = path.read_bytes()
    main(["lint", "--fix", str(path)])
    assert path.read_bytes() == before


def test_the_hint_names_lint_fix_only_where_it_makes_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    single = QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: A, C")
    path = _bank(tmp_path, MULTIPLE.replace("answer: A", "answer: A, C"))
    path.write_text(
        path.read_text(encoding="utf-8") + "  - " + single.replace("\n", "\n    ").rstrip() + "\n",
        encoding="utf-8",
    )
    assert main(["lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert (
        "hint: write the letters as a list (exambank lint --fix does this): answer: [A, C]" in out
    )
    assert (
        "hint: keep one (answer: A or answer: C), or set 'type: multiple' to keep both "
        "(answer: [A, C])"
    ) in out


# What each case's ``written`` is typed over, in the first question (field "end": the file ends
# with it).
_WRITTEN_OVER = {
    "answer": "answer: A",
    "options": "D: Amazon Bedrock",
    "id": "- id: q1",
    "explanation": "explanation: SageMaker covers the whole ML lifecycle.",
}


@pytest.mark.parametrize(
    ("question", "written", "said", "field", "meant"),
    [
        (MULTIPLE, "answer: A, C", "answer: [A, C]", "answer", ["A", "C"]),
        (MULTIPLE, "answer: [A; C]", "answer: [A, C]", "answer", ["A", "C"]),
        (QUESTION, "answer: \u2018C\u2019", "write answer: C", "answer", "C"),
        (QUESTION, "answer: c", "write answer: C", "answer", "C"),
        (QUESTION, "answer: \u0421", "in Latin letters", "answer", "C"),  # Cyrillic Es
        (QUESTION, "D: 80", 'quote it so it stays text: "80"', "options", "80"),
        (QUESTION, "\u2013 id: q1", "type an ordinary '-' in its place", "id", "q1"),
        (QUESTION, "\u2013 id: q1   # q1 note", "type an ordinary '-' in its place", "id", "q1"),
        (QUESTION, "explanation: Réponse : A", "write it quoted", "explanation", "Réponse : A"),
        (QUESTION, "\x1a", "delete the file's last character", "end", None),
    ],
    ids=[
        "letters as one text",
        "letters in one item of a list",
        "a letter in typographic quotes",
        "a small letter",
        "a Cyrillic look-alike",
        "an option read as a number",
        "an en dash for a question's '-'",
        "an en dash for a question's '-', a note after it",
        "text holding ': '",
        "a DOS end-of-file mark (Ctrl-Z)",
    ],
)
@pytest.mark.parametrize(
    ("elsewhere", "fixed"),
    [
        ("explanation: ", True),
        ("explanation: &why ", False),
        ("explanation: !!str ", False),
        ("stem: Asked twice?\nexplanation: ", False),
        ("2: Two\nexplanation: ", False),
        ("<<: {difficulty: easy}\nexplanation: ", False),
    ],
    ids=["nothing", "an anchor", "a tag", "a duplicate key", "a key YAML types", "a merge key"],
)
def test_the_hint_names_lint_fix_only_where_lint_fix_makes_the_change(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    question: str,
    written: str,
    said: str,
    field: str,
    meant: list[str] | str | None,
    elsewhere: str,
    fixed: bool,
) -> None:
    """lint --fix rewrites nothing in a file whose reading found an anchor, a tag or a
    duplicate key, or that holds a key YAML types or a merge key, even in another
    question: there no hint may promise it (reviews s28-diff #5, s29-diff #1), nor where
    YAML cannot read the file until --fix mends its lines (review s31-readme #6);
    elsewhere --fix does what the hint says."""
    other = QUESTION.replace("id: q1", "id: q2").replace("explanation: ", elsewhere)
    text = section_yaml(question, other)
    text = text + written if field == "end" else text.replace(_WRITTEN_OVER[field], written, 1)
    path = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    path /= "01-main.yaml"
    assert main(["lint", str(path)]) == 1
    [hint] = [line for line in capsys.readouterr().out.splitlines() if said in line]
    assert (LINT_FIX_DOES_THIS in hint) is fixed
    before = path.read_bytes()
    main(["lint", "--fix", str(path)])
    assert (path.read_bytes() != before) is fixed
    if fixed:
        source, problems = read_source(path)
        assert problems == []
        if field == "end":
            assert path.read_bytes() == before.removesuffix(written.encode())
        else:
            value = source.data["questions"][0][field]
            assert (value["D"] if field == "options" else value) == meant
