"""nox -s bench: the figures it prints, on a generated bank or on banks of one's own."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.paths import MANIFEST
from exambank.rules import RULES
from tests.conftest import REPO, SEED_BANK

BENCH = REPO / "benchmarks" / "bench_lint.py"


def _bench(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), "--repeat", "1", *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_the_bench_times_a_bank_of_ones_own_against_its_floor():
    run = _bench("--bank", str(SEED_BANK))
    assert run.returncode == 0, run.stderr
    files = len(list(SEED_BANK.glob("*.yaml")))
    assert f"bank: 1 folder given, {files} files" in run.stdout
    lines = run.stdout.splitlines()
    floor = [line for line in lines if line.startswith("libyaml compose")]
    assert len(floor) == 1 and "1.00x floor" in floor[0]
    for label in ("foundation rules only", "every default rule", "every rule (off ones too)"):
        assert any(line.startswith(f"lint, {label}") for line in lines), label
    # each rule that is off by default gets its own line, with what it adds
    for name, rule in RULES.items():
        if not rule.enabled_by_default:
            assert any(line.split()[0:1] == [name] for line in lines), name


def _broken_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(SEED_BANK, bank)
    section = next(path for path in sorted(bank.glob("*.yaml")) if path.name != MANIFEST)
    section.write_text(section.read_text(encoding="utf-8") + "a: [unclosed\n", encoding="utf-8")
    return bank


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (lambda tmp_path: tmp_path, "no bank here"),
        (lambda tmp_path: SEED_BANK / MANIFEST, "not a folder"),
        (_broken_bank, "libyaml cannot read it"),
    ],
    ids=["no-bank", "a-file", "broken-yaml"],
)
def test_bad_banks_are_usage_errors_not_tracebacks(tmp_path, given, said):
    run = _bench("--bank", str(given(tmp_path)))
    assert run.returncode == 2
    assert said in run.stderr
    assert "Traceback" not in run.stderr
