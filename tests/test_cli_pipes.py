"""A reader that stops early (``exambank fmt --diff | head``) ends the run quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import QUESTION, section_yaml, write_bank

# fmt reformats each of these questions (the spaces after "stem:").
LOOSE = QUESTION.replace("stem: ", "stem:    ")


def test_a_reader_that_stops_early_gets_no_internal_error(tmp_path: Path) -> None:
    sections = {  # a diff per file, far more of them than a pipe holds (64 kB on Linux)
        f"{number:02}-s{number}.yaml": section_yaml(
            *[LOOSE.replace("id: q1", f"id: s{number}-q{item}") for item in range(40)],
            section_id=f"s{number}",
        )
        for number in range(1, 41)
    }
    bank = write_bank(tmp_path / "bank", sections)
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
