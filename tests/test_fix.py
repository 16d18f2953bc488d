"""``exambank lint --fix``: only changes that cannot alter meaning, each one reported."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from exambank import fixes
from exambank.cli import main
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank


def _bank(tmp_path: Path, *questions: str) -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    return root / "01-main.yaml"


def test_lowercase_answer_is_upper_cased_and_its_schema_error_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION.replace("answer: A", "answer: a"))
    assert main(["lint", str(path)]) == 1
    assert "error schema" in capsys.readouterr().out
    assert main(["lint", "--fix", str(path)]) == 0
    output = capsys.readouterr()
    assert output.err.splitlines() == [f"{path}:11:13: fixed answer letter 'a' -> 'A'"]
    assert "No problems found." in output.out
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION)


def test_a_tab_after_a_value_does_not_stop_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION.replace("answer: A", "answer: a").replace("EC2", "EC2\t"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [f"{path}:11:13: fixed answer letter 'a' -> 'A'"]
    # the tab stays: only the fixed value's bytes change
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION.replace("EC2", "EC2\t"))


def test_lowercase_letters_in_an_answer_list(tmp_path: Path) -> None:
    question = QUESTION.replace("answer: A", "type: multiple\nanswer: [a, 'c']")
    path = _bank(tmp_path, question.replace("Which AWS", "Select TWO. Which AWS"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert "answer: [A, 'C']" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("written", "how", "kept"),
    [
        ("\u2018A\u2019", "in typographic quotes (\u2018 \u2019)", "answer: A\n"),
        (
            '"\u201cA\u201d"  # from Word',
            "in typographic quotes (\u201c \u201d)",
            'answer: "A"  # from Word\n',
        ),
        ("A\u00a0", "with a no-break space (U+00A0)", "answer: A\n"),
        ("\u200ba", "with a zero width space (U+200B)", "answer: A\n"),
    ],
)
def test_a_letter_in_typographic_quotes_or_with_an_invisible_character_is_that_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, how: str, kept: str
) -> None:
    """Nothing but the letter was typed: it is certain (review s27-author #8). Only the
    answer's bytes change, in the style it was written in."""
    path = _bank(tmp_path, QUESTION.replace("answer: A", f"answer: {written}"))
    assert main(["lint", "--fix", str(path)]) == 0
    output = capsys.readouterr()
    assert output.err.splitlines() == [f"{path}:11:13: fixed answer letter A written {how} -> 'A'"]
    assert "No problems found." in output.out
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION).replace("answer: A\n", kept)


@pytest.mark.parametrize(
    "written",
    [
        "\u2018E\u2019",  # no option E
        "\u2018A, C\u2019",  # more than one letter
        "[\u2018A\u2019]",  # an item of a list: the schema says which
    ],
)
def test_a_marked_answer_that_is_no_one_option_letter_is_left_alone(
    tmp_path: Path, written: str
) -> None:
    path = _bank(tmp_path, QUESTION.replace("answer: A", f"answer: {written}"))
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before


def test_lowercase_options_are_not_relettered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = QUESTION.replace("answer: A", "answer: a")
    for letter in "ABCD":
        question = question.replace(f"  {letter}: ", f"  {letter.lower()}: ")
    path = _bank(tmp_path, question)
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    output = capsys.readouterr()
    assert "fixed" not in output.err and "not an option letter" in output.out


def test_trailing_whitespace_is_removed_but_markdown_line_breaks_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        'explanation: "Line one  \\nline two \\n\\nParagraph. "',
    ).replace("  B: AWS Lambda", '  B: "AWS Lambda   "')
    path = _bank(tmp_path, question)
    assert main(["lint", "--fix", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert 'explanation: "Line one  \\nline two\\n\\nParagraph."' in text
    assert '  B: "AWS Lambda"' in text
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:8:10: fixed trailing whitespace in B",
        f"{path}:12:18: fixed trailing whitespace in explanation",
    ]


@pytest.mark.parametrize("blank", ["\\t", "\\ ", "\\x20", "\\u0009"])
def test_a_blank_written_as_an_escape_in_double_quotes_is_kept(
    tmp_path: Path, blank: str, capsys: pytest.CaptureFixture[str]
) -> None:
    explanation = f'explanation: "Columns:\\nname{blank}\\nage{blank}"'
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.", explanation
    )
    path = _bank(tmp_path, question)
    before = path.read_text(encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == before
    assert capsys.readouterr().err == ""


def test_crlf_and_byte_order_mark_are_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION)
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:1:1: fixed line endings: CRLF -> LF",
        f"{path}:1:1: fixed byte-order mark removed",
    ]


def test_lone_carriage_returns_are_said_to_be_cr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION)
    assert capsys.readouterr().err.splitlines() == [f"{path}:1:1: fixed line endings: CR -> LF"]


def test_a_fix_changes_only_its_own_line_of_a_seed_file(tmp_path: Path) -> None:
    bank = tmp_path / "seed"
    shutil.copytree(SEED_BANK, bank)
    path = bank / "02-amt.yaml"
    original = path.read_text(encoding="utf-8")
    broken = original.replace("    answer: C\n", "    answer: c\n", 1)
    path.write_text(broken, encoding="utf-8")
    assert main(["lint", "--fix", str(bank)]) == 0
    assert path.read_text(encoding="utf-8") == original


def test_clean_files_are_not_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bank(tmp_path, QUESTION)
    path.write_text(path.read_text(encoding="utf-8").replace("title: Main", "title: 'Main'"))
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert main(["lint", "--fix", str(path.parent)]) == 0
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    assert capsys.readouterr().err == ""


def test_fixes_go_to_stderr_so_a_json_report_stays_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION.replace("answer: A", "answer: a"))
    assert main(["lint", "--fix", "--format", "json", str(path)]) == 0
    output = capsys.readouterr()
    assert [item["severity"] for item in json.loads(output.out)] == []
    assert "fixed answer letter" in output.err


def test_a_file_with_a_syntax_error_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, QUESTION)
    broken = path.read_text(encoding="utf-8") + "oops: [\n"
    path.write_text(broken, encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == broken
    output = capsys.readouterr()
    assert f"{path}:" in output.err and "not fixed" in output.err
    assert "yaml-syntax" in output.out


def test_values_lint_reads_as_numbers_or_booleans_are_left_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The writer would write '+1' as 1 and 'True' as true: they are written back as they
    # were, for lint to report, and the fixes that do not touch them are made.
    question = QUESTION.replace("answer: A", "answer: b")
    question = question.replace("  A: ", "  A: +1 # ").replace("  B: ", "  B: True # ")
    question = question.replace("  C: Amazon EC2", "  C: [~, 3.10, 0x1F, Off]  # note")
    path = _bank(tmp_path, question)
    before = path.read_text(encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == before.replace("answer: b", "answer: B")
    output = capsys.readouterr()
    assert output.err.splitlines() == [f"{path}:11:13: fixed answer letter 'b' -> 'B'"]
    assert "option A is the number +1" in output.out and "answer" not in output.out


def test_crlf_with_trailing_comments_is_fixed_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = QUESTION.replace("answer: A", "answer: a  # the key")
    path = _bank(tmp_path, question.replace("  B: AWS Lambda", "  B: AWS Lambda # no"))
    text = "# header\n" + path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-8").replace(b"\n", b"\r\n"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert b"\r" not in path.read_bytes()
    assert path.read_text(encoding="utf-8") == text.replace("answer: a ", "answer: A ")
    assert f"{path}:1:1: fixed line endings: CRLF -> LF" in capsys.readouterr().err
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_a_question_without_an_answer_is_left_for_the_schema_to_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unanswered = QUESTION.replace("id: q1", "id: q2").replace("answer: A\n", "")
    path = _bank(tmp_path, QUESTION.replace("answer: A", "answer: a"), unanswered)
    assert main(["lint", "--fix", str(path)]) == 1
    output = capsys.readouterr()
    assert output.err.splitlines() == [f"{path}:11:13: fixed answer letter 'a' -> 'A'"]
    assert "error schema question q2 is missing 'answer'" in output.out
    assert "answer: A" in path.read_text(encoding="utf-8")


OPTIONS = "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock"


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(QUESTION.replace("answer: A", "answer:"), id="answer-empty"),
        pytest.param(QUESTION.replace("answer: A", "answer: {a: b}"), id="answer-mapping"),
        pytest.param(QUESTION.replace("answer: A", "answer: [[a], {b: c}]"), id="answer-nested"),
        pytest.param(QUESTION.replace("answer: A", "answer: []"), id="answer-empty-list"),
        pytest.param(QUESTION.replace(OPTIONS, "options: [a, b]"), id="options-list"),
        pytest.param(QUESTION.replace(OPTIONS, "options: Amazon SageMaker"), id="options-text"),
        pytest.param(QUESTION.replace(OPTIONS, "options:"), id="options-empty"),
        pytest.param(QUESTION.replace(OPTIONS, "options: {}"), id="options-no-letters"),
        pytest.param("just a stem", id="question-text"),
        pytest.param("[a, b]", id="question-list"),
    ],
)
def test_fix_leaves_a_question_of_the_wrong_shape_to_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str
) -> None:
    path = _bank(tmp_path, question.replace("answer: A", "answer: a"))
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    output = capsys.readouterr()
    assert "internal error" not in output.err and ": error " in output.out


@pytest.mark.parametrize(
    "questions", ["'not a list'", "{q1: a question}", "", "[[], 3, null]"], ids=repr
)
def test_fix_leaves_questions_that_are_not_a_list_to_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], questions: str
) -> None:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": ""})
    path = root / "01-main.yaml"
    path.write_text(f"id: main\ntitle: Main\nquestions: {questions}\n", encoding="utf-8")
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    output = capsys.readouterr()
    assert "internal error" not in output.err and "error schema" in output.out


@pytest.mark.parametrize("key", ["null", "2024-05-01", "~"])
def test_trailing_whitespace_under_a_key_that_is_not_text_is_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    path = _bank(tmp_path, QUESTION.replace("  D: Amazon Bedrock", f"  {key}: 'Amazon Bedrock  '"))
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    output = capsys.readouterr()
    assert f"{path}:10:7: not fixed: YAML tools read the key '{key}' as " in output.err
    assert f"quote it first ('{key}':)" in output.err
    assert "internal error" not in output.err and "error schema" in output.out


def test_a_rewrite_that_would_write_a_number_otherwise_is_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without AsWritten the writer would turn '+1' into 1: the same data, so only the
    # check of how each number was written stops it.
    monkeypatch.setattr(fixes, "_keep_typed_as_written", lambda tree, source: None)
    monkeypatch.setattr(fixes, "patched", lambda *arguments: None)  # laid out as fmt does
    path = _bank(
        tmp_path, QUESTION.replace("answer: A", "answer: b").replace("A: Amazon SageMaker", "A: +1")
    )
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert "the rewrite would write a number, boolean or null otherwise" in capsys.readouterr().err


def test_a_control_character_beside_a_syntax_error_is_not_fixed_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    section = _bank(
        tmp_path,
        QUESTION.replace("answer: A", "answer A"),
        QUESTION.replace("id: q1", "id: q2").replace("Amazon EC2", "Amazon\x07EC2"),
    )
    before = section.read_bytes()
    assert main(["lint", "--fix", str(section.parent)]) == 1
    said = capsys.readouterr().err
    assert f"{section}:18:16: not fixed: the control character U+0007" in said
    assert "internal error" not in said and section.read_bytes() == before


def test_an_open_quote_blocking_the_quoting_is_named_where_it_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(
        tmp_path / "b",
        {
            "01-main.yaml": "id: main\ntitle: T\nquestions:\n  - id: q1\n    stem: Note: this\n"
            '    answer: "A\n  - id: q2\n    stem: "Is this fine?"\n'
        },
    )
    assert main(["lint", "--fix", str(root)]) == 1
    said = capsys.readouterr().err
    assert f"{root / '01-main.yaml'}:6:13: not fixed: text holding ': '" in said
    assert (
        "(a quote opens here and nothing closes it on its line: YAML reads on to the quote "
        "on line 8)" in said
    )


def test_a_fix_changes_only_the_bytes_of_the_value_it_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A one-letter fix is a one-line diff (review s23-maintainer #5): the file keeps its
    indentation, its comments where they were, its quotes and its blocks."""
    path = _bank(tmp_path)
    converted = (
        "id: main\ntitle: Main\nquestions:\n# reviewed in 2024\n-   id: q1\n"
        "    stem: 'Which command shows the routing table?'\n    options:\n"
        "        A: ip route show\n        B: ifconfig\n    # C was the key until 2023\n"
        '        C: netstat -rn\n    answer: "c"   # was b\n    explanation: |\n'
        "        The routing table.  \n"
    )
    path.write_text(converted, encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == converted.replace('"c"', '"C"').replace(
        "table.  ", "table."
    )
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:12:13: fixed answer letter 'c' -> 'C'",
        f"{path}:13:18: fixed trailing whitespace in explanation",
    ]


# Four spaces, not fmt's two; a quoted stem over two lines, whose trailing blanks are fixed.
WIDE = """\
id: main
title: Main
questions:
# reviewed in 2024
-   id: q1
    stem: "Which AWS service trains, tunes
        and deploys ML models?  "
    options:
        A: Amazon SageMaker
        B: AWS Lambda
        # C was the key until 2023
        C: Amazon EC2
    answer: A
    explanation: SageMaker covers the whole ML lifecycle.
"""


def test_a_fix_it_cannot_make_in_place_lays_the_file_out_as_fmt_does_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A quoted text over several lines is folded by YAML: it is written again as fmt
    # writes it, and so is the rest of the file, which the run must say, not only the fix.
    path = write_bank(tmp_path / "bank", {"01-main.yaml": WIDE}) / "01-main.yaml"
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:6:11: fixed trailing whitespace in stem",
        f"{path}: also 7 more lines rewritten: indented as 'exambank fmt' indents, a text or "
        "[...] list typed over lines on one line; key order and quotes stay as written "
        "('exambank fmt' lays those out)",
    ]
    # fmt's indentation; a comment in line with the entry below it goes with it, so a
    # note about option C still reads as one
    assert path.read_text(encoding="utf-8") == (
        "id: main\ntitle: Main\nquestions:\n  # reviewed in 2024\n  - id: q1\n"
        '    stem: "Which AWS service trains, tunes and deploys ML models?"\n    options:\n'
        "      A: Amazon SageMaker\n      B: AWS Lambda\n      # C was the key until 2023\n"
        "      C: Amazon EC2\n    answer: A\n"
        "    explanation: SageMaker covers the whole ML lifecycle.\n"
    )
    path.write_text(WIDE.replace("answer: A", "answer: a").replace("models?  ", "models?"))
    main(["lint", "--fix", str(path)])  # a letter: the fix is all that changes
    assert capsys.readouterr().err.splitlines() == [f"{path}:13:13: fixed answer letter 'a' -> 'A'"]


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        pytest.param(
            '    stem: "Output?\\n x = 5 \\n print(x)"\n',
            '    stem: "Output?\\n x = 5\\n print(x)"\n',
            id="escaped line breaks in double quotes",
        ),
        pytest.param(
            "    stem: 'It''s which one?  '\n",
            "    stem: 'It''s which one?'\n",
            id="single quotes",
        ),
        pytest.param(
            '    stem: "Caf\\u00e9 or tea?  "  # escapes as typed\n',
            '    stem: "Caf\\u00e9 or tea?"  # escapes as typed\n',
            id="an escape kept as typed",
        ),
        pytest.param("      A: 21\n", '      A: "21"\n', id="a number made text"),
    ],
)
def test_a_fixed_value_keeps_its_style_and_only_its_line_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, fixed: str
) -> None:
    lines = [  # a document start marker, which fmt's layout drops
        "---\n", "id: main\n", "title: Main\n", "questions:\n", "  - id: q1\n",
        "    stem: Which one?\n", "    options:\n", "      A: x\n", "      B: y\n",
        "    answer: A\n", "    explanation: Because.\n",
    ]  # fmt: skip
    at = 7 if written.startswith("      A:") else 5
    path = _bank(tmp_path)
    path.write_text("".join([*lines[:at], written, *lines[at + 1 :]]), encoding="utf-8")
    main(["lint", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == "".join([*lines[:at], fixed, *lines[at + 1 :]])
    assert "laid out" not in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["a dangling link", "a link loop", "a folder", "a pipe"])
def test_a_file_that_cannot_be_read_at_all_is_named_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Found by fuzzing (review s25): --fix read such a file's bytes to look for what it
    could mend, and stopped with an internal error where lint names the file."""
    path = _bank(tmp_path)
    odd = path.with_name("02-odd.yaml")
    if kind == "a folder":
        odd.mkdir()
    elif kind == "a pipe":  # read, it would never end
        os.mkfifo(odd)
    else:
        odd.symlink_to(odd.name if kind == "a link loop" else "nowhere.yaml")
    assert main(["lint", "--fix", str(path.parent)]) == 1
    err = capsys.readouterr().err
    said = {  # each told by its cause (review s35 hostile, #6)
        "a dangling link": "the file is a link to nowhere.yaml, which does not exist",
        "a link loop": "the file is a link to 02-odd.yaml, which leads back to it",
        "a folder": "a folder where a section file is expected",
        "a pipe": "not a file (a device or a pipe)",
    }[kind]
    assert f"{odd}:1:1: not fixed: {said}" in err
    assert "internal error" not in err


@pytest.mark.parametrize(
    ("number", "command"),
    [
        ("0x" + "f" * 3600, ["lint"]),
        ("0x" + "f" * 3600, ["stats"]),
        ("1" * 4400, ["lint", "--fix"]),
    ],
)
def test_a_number_too_long_for_python_to_print_is_reported_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str, command: list[str]
) -> None:
    """Found by fuzzing (review s25 #4): Python reads and prints no int of more than 4,300
    decimal digits, which a hex number of 3,600 reaches."""
    question = QUESTION.replace("answer: A", f"difficulty: {number}\nanswer: a")
    path = _bank(tmp_path, question)
    assert main([*command, str(path.parent)]) in (0, 1)
    output = capsys.readouterr()
    assert "internal error" not in output.err
    if command == ["lint"]:
        assert "difficulty is the number 0xfff" in output.out


# Blanks to drop in a quoted stem over two lines (so --fix must write the file whole), a
# number to quote, and a note inside a [...] list, which no rewrite keeps.
REFUSED = (
    QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?",
        'stem: "Which AWS service trains, tunes\n  and deploys ML models?  "',
    ).replace("Amazon Bedrock", "2024")
    + "tags: [ml,  # first\n  aws]\n"
)


def test_a_hint_in_a_file_fix_left_as_it_was_says_it_was_not_done_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s35 #10: the report of the run that refused the file said '--fix does this'
    of what it had just not done."""
    path = _bank(tmp_path, REFUSED)
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    output = capsys.readouterr()
    assert path.read_bytes() == before
    assert f"{path}:14:17: not fixed: the rewrite would lose the comment '# first'" in output.err
    assert "lint --fix does this" not in output.out
    assert (
        'hint: quote it so it stays text: "2024" (exambank lint --fix did not: it left this '
        "file as it was; at 14:17, the rewrite would lose the comment '# first'"
    ) in output.out
    assert main(["lint", str(path)]) == 1  # a run without --fix promises it
    assert '"2024" (exambank lint --fix does this)' in capsys.readouterr().out


def test_the_layout_a_fix_writes_the_file_in_is_said_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s35 #11: a file --fix had to write whole kept its key order and quotes, though
    the run said it was laid out as fmt lays it out, and fmt --check then flagged it."""
    question = "answer: A\n" + REFUSED.replace("answer: A\n", "").replace("  # first", "")
    path = _bank(tmp_path, question)
    assert main(["lint", "--fix", str(path)]) == 0
    said = capsys.readouterr().err.splitlines()[-1]
    assert "as 'exambank fmt' lays them out" not in said
    assert said.endswith("key order and quotes stay as written ('exambank fmt' lays those out)")
    assert path.read_text(encoding="utf-8").startswith(
        "id: main\ntitle: Main\nquestions:\n  - answer: A\n    id: q1\n"
        '    stem: "Which AWS service trains, tunes and deploys ML models?"\n'
    )
    assert main(["fmt", "--check", str(path)]) == 1  # fmt's own layout is more
