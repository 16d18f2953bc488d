"""control-character: an escape in double quotes that writes a control character (a null,
a bell, an escape ...), which no handout or export can hold, is an error at its backslash
that nothing switches off; the build refuses the bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
HINT = (
    r"delete it; a backslash meant as text is written '\\' in double quotes, or write the "
    "text in single quotes or as a block scalar (|)"
)


def bank_with(tmp_path: Path, stem: str, extra: str = "") -> Path:
    question = QUESTION.replace(STEM, f"stem: {stem}") + extra
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})


def findings(root: Path, config: Config | None = None) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, message) of the findings of control-character and
    escape-in-text, in order."""
    found: list[Diagnostic] = lint([root], config or Config()).diagnostics
    rules = ("control-character", "escape-in-text")
    return [(d.line, d.column, d.rule, d.message) for d in found if d.rule in rules]


def control(escape: str, named: str) -> str:
    return (
        f"in double quotes '{escape}' writes the control character {named}, which no handout "
        "or export can hold"
    )


def test_the_review_s_bell_and_escape_are_errors_at_their_backslashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`"bell\\a and esc\\e[31m red"` passed lint without a word, and the exports carried the
    bell and the escape (the JSON's HTML then no XML, a raw ESC in the CSV)."""
    root = bank_with(tmp_path, r'"bell\a and esc\e[31m red"')
    assert main(["lint", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    file = root / "01-main.yaml"
    bell, escape = control(r"\a", "U+0007 (bell)"), control(r"\e", "U+001B (escape)")
    assert lines[:4] == [
        f"{file}:5:16: error control-character {bell}",
        f"    hint: {HINT}",
        f"{file}:5:26: error control-character {escape}",
        f"    hint: {HINT}",
    ]
    assert "escape-in-text" not in "\n".join(lines)  # one finding an escape


@pytest.mark.parametrize(
    ("stem", "column", "escape", "named"),
    [
        (r'"A NUL \x00 here"', 18, r"\x00", "U+0000 (null)"),
        (r'"A NUL \0 here"', 18, r"\0", "U+0000 (null)"),
        (r'"Red: \x1B[31m"', 17, r"\x1B", "U+001B (escape)"),
        (r'"A bell \u0007 rings"', 19, r"\u0007", "U+0007 (bell)"),
        (r'"Back\b space"', 16, r"\b", "U+0008 (backspace)"),
        (r'"A page\f break"', 18, r"\f", "U+000C (form feed)"),
        (r'"A delete \U0000007F"', 21, r"\U0000007F", "U+007F (delete)"),
        (r'"CSI \u009b31m"', 16, r"\u009b", "U+009B (control sequence introducer)"),
    ],
)
def test_each_control_escape_is_named_at_its_backslash(
    tmp_path: Path, stem: str, column: int, escape: str, named: str
) -> None:
    root = bank_with(tmp_path, stem)
    assert findings(root) == [(5, column, "control-character", control(escape, named))]


@pytest.mark.parametrize("escape", [r"\v", r"\N", r"\x85"])
def test_a_control_that_ends_a_line_is_told_how_a_line_break_is_written(
    tmp_path: Path, escape: str
) -> None:
    root = bank_with(tmp_path, f'"Step 1.{escape}Step 2"')
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "control-character"]
    assert found.hint == HINT + r"; a line break is written '\n'"


@pytest.mark.parametrize(
    "stem",
    [
        r'"Tab\tand line\nbreak and carriage\rreturn, \x09 \x0a \x0d"',
        r'"A backslash \\a and \\e[31m and \\x00"',
        r"'Single quotes keep \e[31m and \a as written'",
        "|\n      A block keeps \\e[31m as written",
        '"A line joined \\\n      here"',  # an escaped line break joins the lines
        r'"\u00e9 and \x41 and \u2028 and \u00a0 and \_"',
    ],
)
def test_text_characters_and_written_backslashes_are_not_reported(
    tmp_path: Path, stem: str
) -> None:
    """Only the option's bell is reported: a tab, a line break, a backslash written as
    one, and text in single quotes or a block are text."""
    question = QUESTION.replace(STEM, f"stem: {stem}").replace("B: AWS Lambda", r'B: "AWS\aLambda"')
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    lines = (root / "01-main.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "AWS\\a" in text)
    bell = (line, 14, "control-character", control(r"\a", "U+0007 (bell)"))
    assert [found for found in findings(root) if found[2] == "control-character"] == [bell]


def test_escape_in_text_still_warns_of_a_path_and_leaves_the_control_to_the_error(
    tmp_path: Path,
) -> None:
    """`C:\\archive\\new` holds a bell and a line break: the bell is the error, and the line
    break, which a word with another escape tells as a slip, the warning."""
    root = bank_with(tmp_path, r'"Open C:\archive\new or C:\temp"')
    assert findings(root) == [
        (5, 19, "control-character", control(r"\a", "U+0007 (bell)")),
        (
            5,
            27,
            "escape-in-text",
            r"in double quotes '\n' is read as a line break and '\t' as a tab, not as a "
            "backslash and a letter",
        ),
    ]


def test_a_manifest_text_is_checked_too(tmp_path: Path) -> None:
    manifest = 'id: test-bank\ntitle: "Test \\e[1mbank"\nsections: [main]\n'
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "control-character"]
    assert (found.path, found.line, found.column) == (str(root / "bank.yaml"), 2, 14)


def test_no_configuration_or_suppression_switches_it_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    suppressed = '\nlint: {ignore: [control-character], reason: "meant"}\n'
    root = bank_with(tmp_path, r'"Red: \e[31m"', suppressed)
    monkeypatch.chdir(tmp_path)
    error = "bank/01-main.yaml:5:17: error control-character"
    assert main(["lint", "bank"]) == 1
    out = capsys.readouterr().out
    assert error in out and "'control-character' cannot be suppressed" in out
    assert main(["lint", "--select", "answer-count", "bank"]) == 1
    assert error in capsys.readouterr().out
    (tmp_path / "pyproject.toml").write_text(
        '[tool.exambank]\nignore = ["control-character"]\n', encoding="utf-8"
    )
    assert main(["lint", str(root)]) == 2
    said = capsys.readouterr().err
    assert "pyproject.toml:2:11: error config rule 'control-character' cannot be turned off" in said


def test_the_build_refuses_the_bank_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bank_with(tmp_path, r'"A NUL \x00 and an ESC \x1b[31m"')
    out = tmp_path / "dist"
    assert main(["build", str(root), "--only", "json,csv", "--out", str(out)]) == 1
    said = capsys.readouterr()
    assert f"{root / '01-main.yaml'}:5:18: error control-character" in said.out
    assert "nothing built" in said.err
    assert not out.exists()


def test_exambank_rules_lists_it_as_an_error_always_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if "control-character" in line]
    assert row.split()[:3] == ["control-character", "error", "any"]
    assert main(["rule", "control-character"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("control-character (error, always on)\n")
    assert "It cannot be turned off" in page and "[tool.exambank.rules" not in page
