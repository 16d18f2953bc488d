"""Ctrl-C or SIGTERM at any moment, even while the command and the libraries it uses load
(1 to 6 s on a busy machine), ends the run with one line and the status a shell shows for
it, never with a traceback or with nothing said."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from exambank import cli
from exambank.cli import main
from exambank.errors import Terminated
from tests.conftest import QUESTION, REPO, section_yaml, write_bank

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

# What the installed ``exambank`` runs: "module:function", as pip's script imports it
ENTRY = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"][
    "exambank"
]
MODULE, FUNCTION = ENTRY.split(":")
STARTS = {
    "exambank": f"from {MODULE} import {FUNCTION}\nsys.exit({FUNCTION}())",
    "python -m exambank": "runpy.run_module('exambank', run_name='__main__', alter_sys=True)",
}

# The child sends itself the signal at a moment it chooses, not one a timer guesses: as
# Python is asked for the module, which the command imports as it starts. It first takes
# Ctrl-C as a terminal's command does: started in the background by a script (`(cmd &)`,
# nohup, some CI agents), it would inherit SIGINT ignored, and no Ctrl-C could reach it.
CHILD = """\
import os, runpy, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)

class SignalOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.{signal})

sys.meta_path.insert(0, SignalOnImport())
sys.argv[1:] = ["lint", {bank!r}]
{start}
"""


@pytest.mark.parametrize("start", sorted(STARTS))
@pytest.mark.parametrize(
    ("number", "said"),
    [(signal.SIGINT, "exambank: interrupted\n"), (signal.SIGTERM, "exambank: terminated\n")],
)
@pytest.mark.parametrize("module", ["exambank.cli", "exambank.builders"])
def test_a_signal_while_the_command_loads_ends_it_with_its_line_and_status(
    tmp_path: Path, start: str, number: signal.Signals, said: str, module: str
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    code = CHILD.format(module=module, signal=number.name, bank=str(bank), start=STARTS[start])
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert (run.returncode, run.stderr) == (128 + number, said)


def test_sigterm_while_the_command_line_is_read_says_so_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def terminated() -> None:
        raise Terminated  # as SIGTERM's handler raises it

    monkeypatch.setattr(cli, "_parser", terminated)
    assert main(["lint"]) == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "exambank: terminated\n"
