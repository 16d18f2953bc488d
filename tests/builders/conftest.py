"""Built outputs to inspect: the seed bank built once by the CLI, and small banks built
in-process from YAML written for one test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank.bank import Bank
from exambank.lint import lint
from exambank.markdown import typeset
from tests.conftest import REPO, SEED_BANK, write_bank

SEED_ID = "aws-ai-practitioner"
RECORD = ".exambank-build"  # the record of the files a build wrote (build_record.py)


def as_extracted(text: str) -> str:
    """``text`` as a handout's text layer gives it: typeset (" -- " an en dash, "->" an
    arrow), each no-break space a space, as the shipped fonts map both to one glyph."""
    return typeset(text).replace("\u00a0", " ")


FIXED_DATE = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z


def run_build(out: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    """``exambank build`` in a fresh process, as a user runs it; its standard output."""
    completed = subprocess.run(
        [sys.executable, "-m", "exambank", "build", str(SEED_BANK), "--out", str(out), *arguments],
        cwd=REPO, capture_output=True, text=True, check=False,
        env={**os.environ, **FIXED_DATE, **(env or {})},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


@pytest.fixture(scope="session")
def seed_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed bank's four files, built by the CLI."""
    out = tmp_path_factory.mktemp("dist")
    run_build(out)
    return out / SEED_ID


@pytest.fixture(scope="session")
def seed_bank() -> Bank:
    result = lint([SEED_BANK])
    assert result.errors == 0
    return result.banks[0]


@pytest.fixture
def make_bank(tmp_path: Path) -> Callable[..., Bank]:
    """The bank lint assembles from these section files, whatever lint found: some tests
    hand a builder what the build itself would have refused, to pin its defences."""

    def make(sections: dict[str, str], manifest: str | None = None) -> Bank:
        root = write_bank(tmp_path / "bank", sections, manifest)
        return lint([root]).banks[0]

    return make
