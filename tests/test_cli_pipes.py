"""A reader that stops early (``exambank fmt --diff | head``) ends the run quietly; a
report that cannot be written (a full disk) is the runner's trouble (3), and a bug has an
exit status of its own (4), told apart from a wrong command line (2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.cli import check, main
from tests.conftest import QUESTION, section_yaml, write_bank

# fmt reformats each of these questions (the spaces after "stem:").
LOOSE = QUESTION.replace("stem: ", "stem:    ")


def _bank(tmp_path: Path, question: str = LOOSE) -> Path:
    sections = {  # a diff per file, far more of them than a pipe holds (64 kB on Linux)
        f"{number:02}-s{number}.yaml": section_yaml(
            *[question.replace("id: q1", f"id: s{number}-q{item}") for item in range(40)],
            section_id=f"s{number}",
        )
        for number in range(1, 41)
    }
    return write_bank(tmp_path / "bank", sections)


def test_a_reader_that_stops_early_gets_no_internal_error(tmp_path: Path) -> None:
    bank = _bank(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-m", "exambank", "fmt", "--diff", str(bank)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(100)  # what `head -c 100` reads before it goes away
    child.stdout.close()
    said = child.stderr.read().decode()
    assert child.wait() == 128 + 13  # as a shell shows a command that SIGPIPE stopped
    assert "internal error" not in said and "Error" not in said


@pytest.mark.parametrize("command", [["lint"], ["stats", "--worst", "0", "--format", "json"]])
def test_a_report_written_at_once_notices_a_reader_that_stops_early(
    tmp_path: Path, command: list[str]
) -> None:
    # lint's report, 1,600 findings, goes out in one write; unbuffered, Python drops what
    # the pipe did not take, and the run ended with lint's own status, 1
    bank = _bank(tmp_path, LOOSE.replace("answer: A", "answer: E"))
    child = subprocess.Popen(
        [sys.executable, "-m", "exambank", *command, str(bank)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},  # as a Docker image or CI often sets
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(100)  # what `head -c 100` reads before it goes away
    child.stdout.close()
    said = child.stderr.read().decode()
    assert child.wait() == 128 + 13
    assert "internal error" not in said and "Error" not in said


def test_a_terminal_that_closed_ends_the_run_quietly_too(tmp_path: Path) -> None:
    import pty

    reader, terminal = pty.openpty()
    os.close(reader)  # the terminal window is gone
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(LOOSE)})
    run = subprocess.run(
        [sys.executable, "-m", "exambank", "lint", str(bank)],
        stdout=terminal,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(terminal)
    assert run.returncode == 128 + 13 and run.stderr == ""


def test_a_file_on_stdout_keeps_what_was_written_when_stderr_s_reader_goes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "diff.txt"
    with out.open("w") as diff:
        child = subprocess.Popen(
            [sys.executable, "-m", "exambank", "fmt", "--diff", str(_bank(tmp_path))],
            stdout=diff,
            stderr=subprocess.PIPE,
        )
        assert child.stderr is not None
        assert child.stderr.readline().startswith(b"would reformat")  # then its reader goes
        child.stderr.close()
        assert child.wait() == 128 + 13
    assert out.read_text(encoding="utf-8").startswith("--- ")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (a disk always full)")
@pytest.mark.parametrize("format", ["text", "sarif"])
def test_a_report_that_cannot_be_written_is_the_runner_s_trouble_not_a_bug(
    tmp_path: Path, format: str
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(LOOSE)})
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "exambank", "lint", "--format", format, str(bank)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    # 3, as for a build's file on a full disk; and nothing more said at exit (Python's
    # "Exception ignored" and status 120, flushing what stdout still held)
    assert (run.returncode, run.stderr) == (
        3,
        "exambank: error: cannot write the report: No space left on device\n",
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (a disk always full)")
@pytest.mark.parametrize(
    ("arguments", "full", "said"),
    [
        (
            ["--help"],
            "stdout",
            "exambank: error: cannot write to stdout: No space left on device\n",
        ),
        (
            ["--version"],
            "stdout",
            "exambank: error: cannot write to stdout: No space left on device\n",
        ),
        (
            ["lint", "--help"],
            "stdout",
            "exambank: error: cannot write to stdout: No space left on device\n",
        ),
        (["lint", "--no-such-option"], "stderr", None),  # nothing can be said
    ],
)
def test_a_help_or_usage_that_cannot_be_written_is_not_a_success(
    arguments: list[str], full: str, said: str | None
) -> None:
    # argparse drops the write error: the help went nowhere, and the status said 0
    with open("/dev/full", "w") as disk:
        streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, full: disk}
        run = subprocess.run(
            [sys.executable, "-m", "exambank", *arguments], text=True, check=False, **streams
        )
    assert run.returncode == 3
    if said is not None:
        assert run.stderr == said


def test_a_help_that_can_be_written_is_written_in_full() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "exambank", "lint", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith("usage: exambank lint") and "--prune-baseline" in run.stdout


def test_a_bug_exits_4_not_2_as_a_wrong_command_line_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})

    def broken(*arguments: object) -> None:
        raise OSError(5, "Input/output error")  # not a stream's: a bug's, or the system's

    monkeypatch.setattr(check, "lint", broken)
    assert main(["lint", str(bank)]) == 4
    assert capsys.readouterr().err == (
        "exambank: internal error: OSError: [Errno 5] Input/output error\n"
        "Please report it; EXAMBANK_DEBUG=1 shows the traceback.\n"
    )
    monkeypatch.setattr(check, "lint", lambda *arguments: 1 / 0)
    assert main(["lint", str(bank)]) == 4
    with pytest.raises(SystemExit) as usage:  # a wrong command line, as argparse says it
        main(["lint", "--no-such-option"])
    assert usage.value.code == 2
