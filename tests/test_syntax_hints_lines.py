"""A text written over several lines at its key's place, without '|' (statements I, II,
III under a stem): the hint proposes a '|' block, never a ':' after "I" nor an indent
that YAML would fold into one line (exambank/syntax_hints/indents.py, mends.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from exambank.markdown import short_html
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
# The stem is on line 5 of the section: 'stem' at column 5, its text at column 11.
STATEMENTS = ["I. TCP é confiável.", "II. UDP é confiável.", "Qual está correta?"]


def problems_of(tmp_path: Path, question: str) -> list[tuple[int, int, str, str | None]]:
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(question), encoding="utf-8")
    return [(p.line, p.column, p.message, p.hint) for p in read_source(path)[1]]


def several_lines(first: str, lines: list[str]) -> str:
    """The question with a stem of ``first``, then ``lines`` at the stem's place."""
    return QUESTION.replace(STEM, "\n".join([f"stem: {first}", *lines]))


def block_hint(lines: list[str], cut: str = "") -> str:
    shown = ", ".join(f"'{line}'" for line in lines)
    return (
        "text on several lines: write 'stem: |' and indent its lines under it "
        f"(6 spaces{cut}): {shown}"
    )


@pytest.mark.parametrize(
    ("first", "lines"),
    [
        ('"Analise as afirmações:"', STATEMENTS),  # quoted, as the ': ' hint said
        ("Analise as afirmações:", STATEMENTS),  # its ': ' no longer the first thing said
        ("Analise as afirmações", ["I – TCP é confiável", "II – UDP é confiável"]),  # noqa: RUF001
        ("Consider the statements:", ["a) TCP is reliable.", "b) UDP is reliable."]),
        ("Consider", ["Statement I. TCP is reliable.", "Statement II. UDP is too."]),
        ("Which AWS service trains,", ["tunes and deploys ML models?"]),  # wrapped prose
    ],
)
def test_a_text_on_several_lines_is_told_to_be_a_block(
    tmp_path: Path, first: str, lines: list[str]
) -> None:
    [(line, column, message, hint)] = problems_of(tmp_path, several_lines(first, lines))
    assert (line, column) == (5, 11)  # where the '|' goes
    last = f"{6}-{5 + len(lines)}" if len(lines) > 1 else "6"
    plural = "s" if len(lines) > 1 else ""
    assert message == (
        f"the text of 'stem' goes on at its key's place, where YAML expects a key "
        f"(line{plural} {last})"
    )
    assert hint == block_hint([first.strip('"'), *lines])


def test_no_colon_is_proposed_after_a_statement_s_numeral(tmp_path: Path) -> None:
    [(*_, message, hint)] = problems_of(tmp_path, several_lines('"Analise:"', STATEMENTS))
    assert "'I'" not in message and "I:" not in str(hint)


def test_a_long_text_shows_its_first_lines(tmp_path: Path) -> None:
    lines = [f"{numeral}. Statement number {numeral}." for numeral in ("I", "II", "III", "IV")]
    [(*_, hint)] = problems_of(tmp_path, several_lines("Consider:", lines))
    # the lines left out said, lest the '…' be typed as one (review s35-author #12)
    assert hint == block_hint(["Consider:", *lines[:3], "…"], "; shortened here")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "answer: A\nexplanation: SageMaker covers the whole ML lifecycle.",
            "explanation: SageMaker covers the whole ML lifecycle.\nanswer A",
            ("missing ':' after 'answer'", "write 'answer: A'"),
        ),
        ("B: AWS Lambda", "B AWS Lambda", ("missing ':' after 'B'", "write 'B: AWS Lambda'")),
    ],
)
def test_a_key_without_its_colon_below_a_text_is_still_a_key(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str]
) -> None:
    assert old in QUESTION
    [(*_, message, hint)] = problems_of(tmp_path, QUESTION.replace(old, new))
    assert (message, hint) == expected


def test_the_block_the_hint_proposes_reads_and_prints_line_by_line(tmp_path: Path) -> None:
    block = "\n".join(
        ["stem: |", *(f"  {line}" for line in ["Analise as afirmações:", *STATEMENTS])]
    )
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(QUESTION.replace(STEM, block)), encoding="utf-8")
    source, problems = read_source(path)
    assert problems == []
    stem = source.data["questions"][0]["stem"]
    assert stem == "\n".join(["Analise as afirmações:", *STATEMENTS, ""])
    assert short_html(stem).count("<br />") == 3


def test_fix_does_not_quote_a_text_that_goes_on_below(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # quoting 'Analise as afirmações:' would leave the lines under it broken as before
    path = tmp_path / "01-main.yaml"
    written = section_yaml(several_lines("Analise as afirmações:", STATEMENTS))
    path.write_text(written, encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 1
    said = capsys.readouterr().err
    assert "not fixed: the text of 'stem' goes on at its key's place" in said
    assert "write 'stem: |'" in said
    assert path.read_text(encoding="utf-8") == written


def test_each_question_with_such_a_text_is_told(tmp_path: Path) -> None:
    second = several_lines('"Consider:"', ["a) TCP.", "b) UDP."]).replace("id: q1", "id: q2")
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(several_lines("Analise:", STATEMENTS), second), encoding="utf-8")
    found = read_source(path)[1]
    assert [(p.line, p.column) for p in found] == [(5, 11), (17, 11)]
    assert all(str(p.hint).startswith("text on several lines") for p in found)


@pytest.mark.parametrize("first", ['"Which \\t one?"', '"Which one?" # a note'])
def test_a_statement_below_a_text_the_block_hint_cannot_show_is_never_a_key(tmp_path, first):
    """Review 115: a quoted stem with an escape, or a note after it, left the statements to
    the colon hint, which said "write 'I: . first'"."""
    [(line, column, message, hint)] = problems_of(
        tmp_path, several_lines(first, ["I. first", "II. second"])
    )
    assert (line, column) == (6, 5)
    assert message == "'I. first' is read as a key here, but it goes on the text above"
    assert hint is not None and "'|' block" in hint and "I:" not in hint


@pytest.mark.parametrize("first", ["Amazon S3", '"Amazon\\tS3"', '"Amazon S3" # a note'])
def test_an_option_letter_with_a_bracket_is_the_next_option(tmp_path, first):
    """Review 122: "B) AWS Lambda" copied from a printed exam, below option A, was told it
    goes on A's text (or, after a plain A, to join it in a '|' block)."""
    question = QUESTION.replace("A: Amazon SageMaker", f"A: {first}").replace(
        "B: AWS Lambda", "B) AWS Lambda"
    )
    [(line, column, message, hint)] = problems_of(tmp_path, question)
    assert (line, column, message, hint) == (8, 7, "missing ':' after 'B'", "write 'B: AWS Lambda'")


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_text_quoted_on_its_first_line_only_is_told_to_close_the_quote_at_its_end(
    tmp_path, quote
):
    """Review 115: 'stem: "Which one"' then 'is it?' indented under it got libyaml's
    words and no hint."""
    question = QUESTION.replace(STEM, f"stem: {quote}Which one{quote}\n  is it?")
    [(line, column, message, hint)] = problems_of(tmp_path, question)
    assert (line, column) == (5, 11)
    assert message == "the text of 'stem' goes on after its closing quote (line 6)"
    assert hint == 'put the closing quote at the end of the text: stem: "Which one is it?"'
