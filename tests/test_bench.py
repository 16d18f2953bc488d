"""nox -s bench: the figures it prints, on a generated bank or on banks of one's own."""

import subprocess
import sys

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


def test_a_folder_with_no_bank_is_a_usage_error_not_a_traceback(tmp_path):
    run = _bench("--bank", str(tmp_path))
    assert run.returncode == 2
    assert "no bank here" in run.stderr
    assert "Traceback" not in run.stderr
