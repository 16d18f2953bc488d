"""escape-in-text: a backslash in double quotes that YAML read as a tab, a line break or a
control character, where the author most likely meant a path or a backslash."""

from __future__ import annotations

from pathlib import Path

import pytest

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
