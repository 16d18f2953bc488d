"""What an author wrote is never overwritten by a report, nor read forever as one:
stats --out refuses a bank's folder and YAML or TOML files, and a pipe or device (review
s31-readme #1); a baseline or config path that
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


def test_stats_writes_no_report_into_a_banks_folder_named_through_a_folder_not_there(bank, capsys):
    # The system reads 'nothere/../bank' as bank, once it has made nothere/
    before = {path: path.read_bytes() for path in bank.iterdir()}
    assert main(["stats", str(bank), "--out", "nothere/../bank/stats.txt"]) == 2
    said = capsys.readouterr().err
    assert "--out bank/stats.txt: in a bank's folder, so the report is not written there" in said
    assert {path: path.read_bytes() for path in bank.iterdir()} == before
    assert sorted(os.listdir()) == ["bank"]  # no nothere/


def test_stats_writes_a_report_outside_the_banks(bank, capsys):
    assert main(["stats", str(bank), "--out", "stats.txt"]) == 0
    assert Path("stats.txt").read_text(encoding="utf-8").startswith("Test bank")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("via_link", [False, True])
def test_stats_replaces_no_pipe_or_device_with_its_report(bank, capsys, via_link):
    # The report is written beside its --out and renamed over it: run as root, --out
    # /dev/full replaced the device with a text file; --out /dev/stdout is a link to one
    os.mkfifo("pipe")
    out = "pipe"
    if via_link:
        os.symlink("pipe", "stdout")
        out = "stdout"
    assert main(["stats", str(bank), "--out", out]) == 2
    said = capsys.readouterr().err
    assert f"--out {out}: a device or a pipe, not a file; leave --out out" in said
    assert Path("pipe").is_fifo() and Path(out).exists()


def test_stats_names_a_file_when_given_a_folder(bank, capsys):
    Path("reports").mkdir()
    assert main(["stats", str(bank), "--out", "reports"]) == 2
    assert "--out reports: a folder; name a file in it, such as reports" in capsys.readouterr().err


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
