"""escape-in-text: a backslash in double quotes that YAML read as a tab, a line break or a
control character, where the author most likely meant a path or a backslash."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank import event_reader
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


@pytest.mark.parametrize("stem", [r'"![Rede](imagens\anel.png)"', r'"Byte\0value"'])
def test_an_escape_of_a_control_character_is_left_to_control_character(
    tmp_path: Path, stem: str
) -> None:
    """The error control-character tells it, at the same backslash: not twice."""
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
    before, text = escapes_in(root), section_yaml(question)
    assert before
    main([*command, str(root)])
    if command == ["fmt"]:  # the text on one line, its slip as written
        assert "stem: " + " ".join(stem.split()) in path.read_text(encoding="utf-8")
    else:  # only the letter it fixes changes (and the line ends)
        assert path.read_text(encoding="utf-8") == text.replace("answer: a", "answer: A")
    assert [found.message for found in escapes_in(root)] == [found.message for found in before]


def escapes_in(root: Path) -> list[Diagnostic]:
    return [d for d in lint([root], Config()).diagnostics if d.rule == "escape-in-text"]


def test_many_slips_are_placed_from_one_line_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each slip's position is found from a line index made once per file, not by counting
    lines from the start of the file: 6,000 slips in 3,000 questions and 18,000 in one text
    took seconds that way. (Asserted by counting, not timing: the machine may be busy.)"""
    made = []

    class CountedLines(event_reader.Lines):
        def __init__(self, text: str) -> None:
            made.append(len(text))
            super().__init__(text)

    monkeypatch.setattr(event_reader, "Lines", CountedLines)
    item = '  - id: q{0}\n    stem: "Which folder is C:\\temp\\novos{0} here?"\n    answer: A\n'
    lines = "".join(f"      C:\\temp\\novos\\file{row}\n" for row in range(6000))
    one = f'  - id: q\n    stem: "Which\n{lines}      ?"\n'
    path = tmp_path / "01-main.yaml"
    for questions, slips in (("".join(map(item.format, range(3000))), 6000), (one, 18000)):
        path.write_text(f"id: main\ntitle: Main\nquestions:\n{questions}", encoding="utf-8")
        made.clear()
        source = read_source(path)[0]
        assert len(made) == 1  # one index for the file, however many slips
        assert sum(map(len, source.escape_slips.values())) == slips
    assert source.escape_slips[("questions", 0, "stem")][-1] == ((6005, 20), r"\f")
    assert source.escape_slips[("questions", 0, "stem")][0] == ((6, 9), r"\t")


def stem_of(path: Path) -> object:
    source, problems = read_source(path)
    assert problems == []
    return source.data["questions"][0]["stem"]


@pytest.mark.parametrize(
    "stem",
    [
        # A no-break space and a tab typed as such, U+2028 and U+0085 as hex escapes.
        '"Which path is right for C:\\temp? Pay 100\xa0USD, use a\ttab, \\u2028x, \\x85y."',
        '"Which path is right\n      for C:\\temp?\n\n      Pay 100\xa0USD or use a\ttab."',
    ],
)
@pytest.mark.parametrize("command", [["fmt"], ["lint", "--fix"]])
def test_fmt_and_fix_write_no_slip_the_author_did_not_type(
    tmp_path: Path, stem: str, command: list[str]
) -> None:
    """Only the author's own escapes are written back as escapes: a no-break space typed
    as such written as "\\_" would read as a slip, and following the rule's hint would
    then make it a backslash and a letter."""
    question = QUESTION.replace(STEM, f"stem: {stem}").replace("answer: A", "answer: a")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    path = root / "01-main.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # so that --fix rewrites
    data, before = stem_of(path), escapes_in(root)
    assert [found.message.split("'")[1] for found in before] == ["\\t"]
    main([*command, str(root)])
    assert stem_of(path) == data
    assert [found.message for found in escapes_in(root)] == [found.message for found in before]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("C:\\temp", "C:/temp"), encoding="utf-8")  # mended
    assert stem_of(path) == str(data).replace("C:\temp", "C:/temp")
    assert escapes_in(root) == []


@pytest.mark.parametrize("command", [["fmt"], ["lint", "--fix"]])
def test_a_character_the_dumper_escapes_is_not_written_as_a_slip(
    tmp_path: Path, command: list[str]
) -> None:
    """A text with no slip, which the dumper writes its own way: a tab before a letter is
    "\\x09", not "\\t"; one before a space stays "\\t"; a no-break space stays the
    character typed, not "\\_"."""
    stem = '"Use a\ttab or a\t space; pay 100\xa0USD."'
    question = QUESTION.replace(STEM, f"stem: {stem}").replace("answer: A", "answer: a")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    path = root / "01-main.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    data = stem_of(path)
    assert escapes_in(root) == []
    main([*command, str(root)])
    assert stem_of(path) == data
    if command == ["fmt"]:
        written = path.read_text(encoding="utf-8")
        assert 'stem: "Use a\\x09tab or a\\t space; pay 100\xa0USD."' in written
    else:  # --fix changes only the letter it fixes: the stem stays as typed
        assert f"stem: {stem}" in path.read_text(encoding="utf-8")
    assert escapes_in(root) == []


@pytest.mark.parametrize("command", [["fmt"], ["lint", "--fix"]])
def test_a_slip_right_after_a_typed_tab_or_no_break_space_stays_in_sight(
    tmp_path: Path, command: list[str]
) -> None:
    """After "\\x09" or "\\xA0", "\\temp" would read as one more escaped character, not
    as a slip: a tab or a no-break space right before a slip is written as itself."""
    stem = '"Open D:\xa0\\temp or E:\t\\novos\\file.txt"'
    question = QUESTION.replace(STEM, f"stem: {stem}").replace("answer: A", "answer: a")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    path = root / "01-main.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    data, before = stem_of(path), escapes_in(root)
    assert before
    main([*command, str(root)])
    assert stem_of(path) == data
    assert f"stem: {stem}" in path.read_text(encoding="utf-8")
    assert [found.message for found in escapes_in(root)] == [found.message for found in before]
