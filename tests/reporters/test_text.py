"""The text report: ruff's layout, coloured only where colour is wanted."""

from __future__ import annotations

import io

import pytest

from exambank.cli import main
from exambank.lint import LintResult
from exambank.reporters import PLAIN, Context, text, use_color
from tests.reporters.conftest import SELECT


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_text_has_no_escape_codes(sample: LintResult) -> None:
    report = text(sample.diagnostics, PLAIN)
    assert "\x1b[" not in report
    assert "bank/01-main.yaml:20:13: error answer-not-in-options answer E names no option" in report


def test_colour_paints_path_severity_and_rule(sample: LintResult) -> None:
    report = text(sample.diagnostics, Context(color=True))
    assert "\x1b[1mbank/01-main.yaml\x1b[0m:20:13: \x1b[1;31merror\x1b[0m" in report
    assert "\x1b[1;33mwarning\x1b[0m \x1b[1munused-suppression\x1b[0m" in report
    stripped = report
    for code in ("\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[1;31m", "\x1b[1;33m"):
        stripped = stripped.replace(code, "")
    assert stripped == text(sample.diagnostics, PLAIN)


@pytest.mark.parametrize(
    ("choice", "tty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # an empty NO_COLOR does not count
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", True, {"TERM": "dumb"}, False),  # Emacs shells, some CI logs
        ("auto", True, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
        ("always", False, {"NO_COLOR": "1"}, True),  # an explicit flag beats the environment
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_when_to_colour(choice: str, tty: bool, environ: dict[str, str], expected: bool) -> None:
    stream = Terminal() if tty else io.StringIO()
    assert use_color(choice, stream, environ) is expected


def test_cli_colour_flag(
    sample: LintResult, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert main(["lint", "bank", *SELECT, "--color", "always"]) == 1
    assert "\x1b[1;31merror" in capsys.readouterr().out
    assert main(["lint", "bank", *SELECT]) == 1  # captured output is no terminal
    assert "\x1b[" not in capsys.readouterr().out
