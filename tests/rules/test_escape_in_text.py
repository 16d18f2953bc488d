"""escape-in-text: a backslash in double quotes that YAML read as a tab, a line break or a
control character, where the author most likely meant a path or a backslash."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def escapes(tmp_path: Path, stem: str, extra: str = "") -> list[Diagnostic]:
    question = QUESTION.replace(STEM, f"stem: {stem}") + extra
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    return [d for d in lint([root], Config()).diagnostics if d.rule == "escape-in-text"]


def test_a_windows_path_is_reported_at_its_first_backslash(tmp_path: Path) -> None:
    [found] = escapes(tmp_path, r'"Qual comando lista a pasta C:\temp\novos?"')
    assert (found.line, found.column, found.severity, found.question) == (5, 41, "warning", "q1")
    assert found.message == (
        r"in double quotes '\t' is read as a tab and '\n' as a line break, not as a "
        "backslash and a letter"
    )
    assert found.hint == (
        r"use '/' in paths, or write the text in single quotes, or '\\' for a backslash"
    )


@pytest.mark.parametrize(
    ("stem", "escape"),
    [
        (r'"![Rede](imagens\topologia.png)"', r"'\t' is read as a tab"),
        (r'"![Rede](imagens\rede.png)"', r"'\r' is read as a carriage return"),
        (r'"![Rede](imagens\anel.png)"', r"'\a' is read as the control character U+0007"),
        (r'"![Rede](imagens\0rede.png)"', r"'\0' is read as the control character U+0000"),
        (r'"![Rede](imagens\nede.png)"', r"'\n' is read as a line break"),
        (r'"Name it snake\_case"', r"'\_' is read as a no-break space"),
        (r'"C:\Program Files"', r"'\P' is read as the paragraph separator U+2029"),
    ],
)
def test_each_escape_says_what_yaml_made_of_it(tmp_path: Path, stem: str, escape: str) -> None:
    [found] = escapes(tmp_path, stem)
    assert found.message.startswith(f"in double quotes {escape}")


@pytest.mark.parametrize(
    "stem",
    [
        r'"A backslash \\ and a quote \" and \u00e9 and \x41"',
        r'"Step 1.\nStep 2"',  # a line break meant before a word
        r'"Run: my_list.sort()\nprint(my_list)"',  # code, not a file name
        r'"Line one\n"',
        r'"if x:\n\tprint(x)"',  # a tab that indents code after a line break
        r'"\u00e9\tx and \x41\tx and \U0001F600\tx"',  # a tab right after a hex escape
        r"'Open C:\temp\novos'",  # single quotes keep the backslash
        r"Open C:\temp\novos",  # and so does plain text
        r'"See https://example.com/a\nindex.html"',  # a web address
    ],
)
def test_escapes_meant_as_escapes_and_other_quoting_stay_silent(tmp_path: Path, stem: str) -> None:
    assert escapes(tmp_path, stem) == []


def test_a_question_can_switch_it_off(tmp_path: Path) -> None:
    ignore = 'lint: {ignore: [escape-in-text], reason: "the tab is meant"}\n'
    assert escapes(tmp_path, r'"Press\tEnter"', ignore) == []


def test_the_file_still_reads_without_problems_so_fmt_can_rewrite_it(tmp_path: Path) -> None:
    question = QUESTION.replace(STEM, r'stem: "C:\temp\novos"')
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(question), encoding="utf-8")
    source, problems = read_source(path)
    assert problems == []
    assert source.escape_slips == {("questions", 0, "stem"): [((5, 14), r"\t"), ((5, 19), r"\n")]}


@pytest.mark.parametrize(
    "stem",
    [
        r'"Which folder is C:\temp\novos here?"',
        r'"Name it snake\_case"',
        r'"A long text that fmt would fold at its column, were it not for the '
        r'slip in the path C:\temp\reports\novos, which must stay in sight"',
        '"Which folder is\n      C:\\temp\\novos here?"',  # folded over two lines
    ],
)
@pytest.mark.parametrize("command", [["fmt"], ["lint", "--fix"]])
def test_fmt_and_fix_write_a_slip_back_as_written_and_lint_still_sees_it(
    tmp_path: Path, stem: str, command: list[str]
) -> None:
    question = QUESTION.replace(STEM, f"stem: {stem}").replace("answer: A", "answer: a")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    path = root / "01-main.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # so that --fix rewrites
    before = escapes_in(root)
    assert before
    main([*command, str(root)])
    assert "stem: " + " ".join(stem.split()) in path.read_text(encoding="utf-8")
    assert [found.message for found in escapes_in(root)] == [found.message for found in before]


def escapes_in(root: Path) -> list[Diagnostic]:
    return [d for d in lint([root], Config()).diagnostics if d.rule == "escape-in-text"]


def test_many_slips_are_placed_in_linear_time(tmp_path: Path) -> None:
    """Each slip's position is found from a line index made once, not by counting lines
    from the start of the file: 6,000 slips in 3,000 questions and 18,000 in one text
    took seconds that way."""
    item = '  - id: q{0}\n    stem: "Which folder is C:\\temp\\novos{0} here?"\n    answer: A\n'
    lines = "".join(f"      C:\\temp\\novos\\file{row}\n" for row in range(6000))
    one = f'  - id: q\n    stem: "Which\n{lines}      ?"\n'
    path = tmp_path / "01-main.yaml"
    for questions, slips in (("".join(map(item.format, range(3000))), 6000), (one, 18000)):
        path.write_text(f"id: main\ntitle: Main\nquestions:\n{questions}", encoding="utf-8")
        start = time.perf_counter()
        source = read_source(path)[0]
        assert time.perf_counter() - start < 0.6
        assert sum(map(len, source.escape_slips.values())) == slips
    assert source.escape_slips[("questions", 0, "stem")][-1] == ((6005, 20), r"\f")
