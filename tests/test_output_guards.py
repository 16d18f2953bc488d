"""What an author wrote is never overwritten by a report, nor read forever as one:
stats --out refuses a bank's folder and YAML or TOML files; a baseline or config path that
is a device is refused (review s23-maintainer #1, #4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


@pytest.fixture
def bank(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("bank/01-main.yaml", "in a bank's folder"),  # arguments swapped: the section
        ("bank/stats.txt", "in a bank's folder"),
        ("pyproject.toml", "a TOML file"),
        ("other.yml", "a YML file"),
    ],
)
def test_stats_writes_no_report_over_or_among_an_authors_files(bank, capsys, out, said):
    before = {path: path.read_bytes() for path in bank.iterdir()}
    Path("pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert main(["stats", str(bank), "--out", out]) == 2
    assert f"--out {out}: {said}, so the report is not written there" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in bank.iterdir()} == before
    assert Path("pyproject.toml").read_text(encoding="utf-8") == "[project]\nname = 'x'\n"


def test_stats_writes_a_report_outside_the_banks(bank, capsys):
    assert main(["stats", str(bank), "--out", "stats.txt"]) == 0
    assert Path("stats.txt").read_text(encoding="utf-8").startswith("Test bank")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("--write-baseline", "/dev/zero: a device or a pipe, not a baseline file"),
        ("--baseline", "/dev/zero: a device or a pipe, not a baseline file"),
        ("--prune-baseline", "/dev/zero: a device or a pipe, not a baseline file"),
        ("--config", "cannot read /dev/zero: a device or a pipe, not a file"),
    ],
)
def test_a_device_is_not_read_as_a_baseline_or_config(bank, capsys, option, said):
    # /dev/zero never ends: read, it took all the memory there was
    assert main(["lint", str(bank), option, "/dev/zero"]) == 2
    assert said in capsys.readouterr().err
