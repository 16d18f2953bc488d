"""A syntax slip in each of several questions: lint reports each one in the same run, where
it is, and a slip never spills into the questions after it (exambank/syntax_hints/later.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from exambank.load import read_source
from exambank.rules import RULES
from exambank.syntax_hints.later import LIMIT, question_errors
from tests.conftest import QUESTION, section_yaml, write_bank

# Line of each question's first line ("- id: qN") in ``_section``: 4, 13, 22, 31 ...
STEM, OPTION_B, ANSWER = 1, 4, 7  # lines below it


def _line(number: int, below: int = 0) -> int:
    return 4 + 9 * (number - 1) + below


def _section(tmp_path: Path, slips: dict[int, tuple[str, str]], count: int = 4) -> Path:
    """A section of ``count`` questions, question N with ``slips[N]`` (old, new) made."""
    questions = []
    for number in range(1, count + 1):
        question = QUESTION.replace("id: q1", f"id: q{number}")
        if number in slips:
            question = question.replace(*slips[number])
        questions.append(question)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    return root / "01-main.yaml"


def _errors(tmp_path: Path, text: str) -> list[tuple[int, int, str, str, str | None]]:
    """The errors lint reports in a bank whose one section file is ``text``."""
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    found = lint([root], Config(select=set(RULES))).diagnostics
    return [(p.line, p.column, p.rule, p.message, p.hint) for p in found if p.severity == "error"]


def _write(tmp_path: Path, text: str) -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    return root / "01-main.yaml"


def _places(path: Path) -> list[tuple[int, str]]:
    _, problems = read_source(path)
    assert {found.rule for found in problems} <= {"yaml-syntax"}
    return [(found.line, found.message) for found in problems]


NO_COLON = ("answer: A", "answer A")
TAB = ("  B: AWS Lambda", "\tB: AWS Lambda")
OPEN_QUOTE = ("stem: Which", 'stem: "Which')


def test_a_slip_in_each_of_two_questions_is_reported_in_one_run(tmp_path: Path) -> None:
    path = _section(tmp_path, {1: NO_COLON, 3: TAB})
    places = [line for line, _ in _places(path)]
    assert places == [_line(1, ANSWER), _line(3, OPTION_B)]


def test_an_unclosed_quote_is_reported_in_its_question_not_in_the_next(tmp_path: Path) -> None:
    """libyaml reads on to the next '"' (in a later question) and fails there; read on its
    own, the question with the open quote is the one that fails."""
    path = _section(tmp_path, {2: OPEN_QUOTE, 3: ("A: Amazon SageMaker", 'A: "Amazon" SageMaker')})
    [(line, message), later] = _places(path)
    assert line == _line(2, STEM) and "quote" in message and "closes it" in message
    assert later[0] == _line(3, 3)


def test_one_slip_is_one_error(tmp_path: Path) -> None:
    for slip in (NO_COLON, TAB, OPEN_QUOTE, ("  C: Amazon EC2", "  - C) Amazon EC2")):
        path = _section(tmp_path, {2: slip})
        assert len(_places(path)) == 1, slip


def test_a_question_is_reported_once_beside_its_unquoted_colons(tmp_path: Path) -> None:
    colon = ("explanation: SageMaker", "explanation: Note: SageMaker")
    path = _section(tmp_path, {1: colon, 2: colon, 4: NO_COLON})
    places = _places(path)
    assert [line for line, _ in places] == [_line(1, 8), _line(2, 8), _line(4, ANSWER)]
    assert places[2][1] == "missing ':' after 'answer'"


def test_questions_are_found_at_any_indentation_and_up_to_the_next_key() -> None:
    text = "id: s\nquestions:\n- id: a\n  stem: x\n- id: b\n  stem: y\nexam_tips:\n- 'z'\n"
    assert question_errors(text) == []
    broken = text.replace("  stem: y", "  stem y")
    [error] = question_errors(broken)
    assert (error.start, error.end, error.row) == (4, 6, 5)


def test_a_quoted_text_wrapped_to_the_left_is_still_its_questions(tmp_path: Path) -> None:
    """YAML reads a quoted stem on to its closing quote, wherever the next line starts:
    such a line neither ends the list nor leaves the quote open."""
    path = _section(tmp_path, {3: TAB})
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    wrapped = 'stem: "Which AWS\n  service trains, tunes and deploys ML models?"'  # column 2
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(stem, wrapped, 1), encoding="utf-8")
    assert [line for line, _ in _places(path)] == [_line(3, OPTION_B) + 1]


def test_a_control_character_far_into_a_broken_file_is_reported_too(tmp_path: Path) -> None:
    """libyaml checks characters a buffer at a time: one past the first 16 kB or so is met
    only when each question is read alone."""
    count = 130
    control = ("Amazon EC2", "Amazon\x07EC2")
    path = _section(tmp_path, {1: NO_COLON, count: control}, count=count)
    assert path.stat().st_size > 20_000
    places = _places(path)
    assert [line for line, _ in places] == [_line(1, ANSWER), _line(count, 5)]
    assert places[1][1] == "the control character U+0007 is not allowed in YAML"


def test_an_error_that_is_no_work_of_an_earlier_open_quote_is_kept(tmp_path: Path) -> None:
    """A quoted stem wrapped to the left onto a line that reads like a key ('service:')
    looks, read alone, like a quote left open; libyaml's error further down is still
    reported, as it stays where it is with that question left out."""
    path = _section(tmp_path, {3: TAB})
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    wrapped = 'stem: "Which AWS\n  service: trains, tunes and deploys ML models?"'
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(stem, wrapped, 1), encoding="utf-8")
    assert _line(3, OPTION_B) + 1 in [line for line, _ in _places(path)]


def test_a_questions_list_without_items_or_with_tabs_does_not_stop_lint(tmp_path: Path) -> None:
    root = write_bank(tmp_path / "b", {"01-main.yaml": 'id: main\ntitle: "T\nquestions:\n'})
    assert [d.rule for d in lint([root]).diagnostics] == ["yaml-syntax"]
    tabbed = section_yaml(QUESTION).replace("  - id: q1", "\t- id: q1") + "title: [\n"
    path = root / "01-main.yaml"
    path.write_text(tabbed, encoding="utf-8")
    assert {d.rule for d in lint([root]).diagnostics} == {"yaml-syntax"}


def test_past_the_limit_one_line_says_how_many_more_questions_fail(tmp_path: Path) -> None:
    count = LIMIT + 5
    path = _section(tmp_path, dict.fromkeys(range(1, count + 1), NO_COLON), count=count)
    places = _places(path)
    assert len(places) == LIMIT + 1
    assert places[-1] == (
        _line(LIMIT + 1),
        "5 more questions from here on do not read as YAML on their own",
    )


def _problems(path: Path, text: str) -> list[tuple[int, int, str, str | None]]:
    path.write_text(text, encoding="utf-8")
    _, problems = read_source(path)
    syntax = [found for found in problems if found.rule == "yaml-syntax"]
    return [(found.line, found.column, found.message, found.hint) for found in syntax]


@pytest.mark.parametrize("slip", [NO_COLON, TAB, OPEN_QUOTE], ids=["colon", "tab", "quote"])
@pytest.mark.parametrize("written", ["-id: q3", "id: q3"])
@pytest.mark.parametrize("at_keys_place", [False, True], ids=["indented", "at-key"])
def test_a_question_that_lost_its_dash_is_told_below_another_slip(
    tmp_path: Path, slip: tuple[str, str], written: str, at_keys_place: bool
) -> None:
    """A question written '-id: q3' or 'id: q3' where the others' dashes stand is told in
    the run that tells a slip in a question above it, as it is told when alone, and the
    questions below it are still read on their own."""
    path = _section(tmp_path, {}, count=5)
    text = path.read_text(encoding="utf-8")
    if at_keys_place:  # '- id: q1' at column 0, the section's own 'id:' after the list
        text = "\n".join(line.removeprefix("  ") for line in text.split("\n"))
        head = "id: main\ntitle: Main\n"
        text = text.replace(head, "", 1) + head
    top, q4 = text.split("id: q4")
    text = top.replace("- id: q3", written) + "id: q4" + q4
    lost = _problems(path, text)
    line = text.split("\n").index(written.rjust(len(written) + 2 * (not at_keys_place))) + 1
    assert [(at, hint) for at, _, _, hint in lost] == [
        (line, "start the question with '- ': - id: q3")
    ]
    above = _problems(path, top.replace(*slip, 1) + "id: q4" + q4)
    below = _problems(path, top + "id: q4" + q4.replace(*NO_COLON, 1))
    assert len(above) == len(below) == 1
    both = top.replace(*slip, 1).replace("- id: q3", written) + "id: q4" + q4.replace(*NO_COLON, 1)
    assert _problems(path, both) == above + lost + below


@pytest.mark.parametrize("slip", [NO_COLON, TAB, OPEN_QUOTE], ids=["colon", "tab", "quote"])
def test_a_question_run_into_the_one_above_is_told_below_another_slip(
    tmp_path: Path, slip: tuple[str, str]
) -> None:
    """'id: q3' where q2's keys stand (its '- ' deleted) reads as a second 'id' of q2, a
    repeat only the whole file's reading finds: below a slip that stops YAML, it was
    told once that slip was mended. It is told in the same run, as it is told alone."""
    text = _section(tmp_path, {}).read_text(encoding="utf-8")
    run_into = text.replace("  - id: q3", "    id: q3")

    def errors(text: str) -> list[tuple[int, int, str, str, str | None]]:
        return _errors(tmp_path, text)

    [told] = errors(run_into)
    assert told[:3] == (_line(3), 5, "duplicate-key")
    problems = errors(run_into.replace(*slip, 1))
    assert [problem[2] for problem in problems] == ["yaml-syntax", "duplicate-key"]
    assert problems[0][0] in range(_line(1), _line(2)) and problems[1] == told


def test_a_quote_open_to_the_file_s_end_is_told_so_and_the_last_slip_too(tmp_path: Path) -> None:
    """No quote in the file closes q1's: libyaml reads on to the file's end and fails
    there ("found unexpected end of stream"), which is inside the last question. That
    question's own slip is no part of the quote's and is reported as well."""
    path = _section(tmp_path, {1: OPEN_QUOTE, 4: NO_COLON})
    assert _places(path) == [
        (_line(1, STEM), "a quote opens here and nothing closes it before the file ends"),
        (_line(4, ANSWER), "missing ':' after 'answer'"),
    ]


HEAD = "id: main\ntitle: Main\nquestions:\n"


def test_an_id_inside_a_quoted_text_is_no_question_run_into_its_own(tmp_path: Path) -> None:
    # Read as lines, the stem's second line looked like a second 'id' of q2
    text = HEAD + (
        "  - id: q1\n    stem Pick A\n    answer: A\n"
        '  - id: q2\n    stem: "Which key opens a question, as in\n    id: q7, the first line?"\n'
        "    answer: A\n"
    )
    assert [(line, rule) for line, _, rule, _, _ in _errors(tmp_path, text)] == [(5, "yaml-syntax")]


def test_each_question_run_into_one_below_a_slip_is_told(tmp_path: Path) -> None:
    text = HEAD + (
        "  - id: q1\n    stem Pick A\n    answer: A\n"
        "  - id: q2\n    stem: Pick B\n    id: q3\n    stem: Pick C\n    id: q4\n"
        "    stem: Pick D\n"
    )
    assert [(line, rule) for line, _, rule, _, _ in _errors(tmp_path, text)] == [
        (5, "yaml-syntax"),
        (9, "duplicate-key"),
        (11, "duplicate-key"),
    ]


@pytest.mark.parametrize(
    "first",
    ["    id: q1\n    stem: Pick A\n", "    stem: Pick A\n    id: q1\n"],
    ids=["id first", "stem first"],
)
def test_a_slip_in_the_question_after_a_first_one_that_lost_its_dash_is_told(
    tmp_path: Path, first: str
) -> None:
    # libyaml sees the lost dash at q2's '- ', where q2's own slip was taken for the same
    # error; and a first question opened by another key found no questions below it
    text = HEAD + first + "    answer: A\n  - id: q2\n    stem Pick B\n    answer: B\n"
    assert [(line, message) for line, _, _, message, _ in _errors(tmp_path, text)] == [
        (4, f"'{first.split()[0][:-1]}' starts a new question without the '- ' that starts one"),
        (8, "missing ':' after 'stem'"),
    ]


def test_a_run_into_past_the_limit_is_counted_in_the_line_that_says_how_many_more(
    tmp_path: Path,
) -> None:
    broken = "".join(f"  - id: q{n}\n    stem Pick\n" for n in range(1, LIMIT + 3))
    run_into = "  - id: r1\n    stem: Pick\n    id: r2\n    stem: Pick\n"
    _, problems = read_source(_write(tmp_path, HEAD + broken + run_into))
    assert problems[-1].message == "3 more questions from here on do not read as YAML on their own"


def test_key_terms_are_read_one_by_one_too(tmp_path: Path) -> None:
    # A slip in a key term, and a key term run into the one above it below that slip:
    # only the first was told, the other once the slip was mended
    text = (
        "id: main\ntitle: Main\nkey_terms:\n  - term: Alpha\n    definition One\n"
        "  - term: Beta\n    definition: Two\n    term: Gamma\n    definition: Three\n"
        "questions:\n  - id: q1\n    stem Pick A\n"
    )
    assert [(line, rule) for line, _, rule, _, _ in _errors(tmp_path, text)] == [
        (5, "yaml-syntax"),
        (8, "duplicate-key"),
        (12, "yaml-syntax"),
    ]


READS_ON = "a quote opens here and nothing closes it on its line: YAML reads on to the quote on"


def test_an_option_s_open_quote_is_told_at_its_line_not_at_the_next_option(tmp_path: Path) -> None:
    """libyaml takes the next option's opening quote for the one that closes option A,
    and fails after it: the slip is A's, as is the fix, and a later slip is told too."""
    options = ("A: Amazon SageMaker\n  B: AWS Lambda", 'A: "Amazon SageMaker\n  B: "AWS Lambda"')
    path = _section(tmp_path, {2: options, 4: NO_COLON})
    assert _places(path) == [
        (_line(2, 3), f"{READS_ON} line {_line(2, OPTION_B)}"),
        (_line(4, ANSWER), "missing ':' after 'answer'"),
    ]


def test_a_slip_where_an_open_quote_above_was_read_to_is_told_too(tmp_path: Path) -> None:
    """q2's stem is read on to the quote that opens q3's option A, whose own slip (text
    after its closing quote) is on that line: both are told, each where it is."""
    path = _section(tmp_path, {2: OPEN_QUOTE, 3: ("A: Amazon SageMaker", 'A: "Amazon" SageMaker')})
    assert _places(path) == [
        (_line(2, STEM), f"{READS_ON} line {_line(3, 3)}"),
        (_line(3, 3), "text that starts with a quote must end with it"),
    ]


def test_a_byte_order_mark_in_each_of_two_questions_is_told_in_one_run(tmp_path: Path) -> None:
    """Questions pasted from files that began with a byte-order mark: each starts with one."""
    text = _section(tmp_path, {}).read_text(encoding="utf-8")
    for number in (2, 4):
        text = text.replace(f"  - id: q{number}", f"\ufeff  - id: q{number}")
    message = (
        "an invisible byte-order mark (U+FEFF) starts this line: YAML reads the line as if "
        "indented one space more"
    )
    assert _places(_write(tmp_path, text)) == [(_line(2), message), (_line(4), message)]
