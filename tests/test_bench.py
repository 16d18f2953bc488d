"""nox -s bench: the figures it prints, on a generated bank or on banks of one's own."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exambank.file_names import MANIFEST
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


# Stands in for valgrind: runs nothing, and says each child ran as many instructions as
# its kind is given here, and 1,000 when it stopped short of the work.
FAKE_VALGRIND = """#!{python}
import sys
child = sys.argv[sys.argv.index("--child") + 1]
counts = {{"floor": 5000, "foundation": 6000, "lint": 7000, "every": 9000}}
count = 1000 if child.endswith(":setup") else counts[child]
print(f"==1== Collected : {{count}}", file=sys.stderr)
"""


def _count_instructions(path: Path) -> subprocess.CompletedProcess[str]:
    """bench --instructions on the seed bank, with only ``path`` to find valgrind in."""
    return subprocess.run(
        [sys.executable, str(BENCH), "--instructions", "--bank", str(SEED_BANK)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={"PATH": str(path)},
    )


def test_instructions_are_counted_less_the_setup_and_set_against_the_floor(tmp_path):
    valgrind = tmp_path / "valgrind"
    valgrind.write_text(FAKE_VALGRIND.format(python=sys.executable), encoding="utf-8")
    valgrind.chmod(0o755)
    run = _count_instructions(tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[1:] == [
        "instructions (callgrind)                  count  ratio to the floor",
        "libyaml compose (parse floor)             4,000  1.00x",
        "lint, foundation rules only               5,000  1.25x",
        "lint, every default rule                  6,000  1.50x",
        "lint, every rule (off ones too)           8,000  2.00x",
    ]


def test_instructions_without_valgrind_say_what_to_install(tmp_path):
    run = _count_instructions(tmp_path)
    assert run.returncode == 2
    assert "--instructions needs valgrind (apt-get install valgrind)" in run.stderr


# Stands in for valgrind on a processor whose AVX-512 code valgrind cannot run.
STOPPED_VALGRIND = """#!{python}
import sys
print("vex amd64->IR: unhandled instruction bytes: 0x62 0xF2 0xFD 0x28", file=sys.stderr)
print("==1== Process terminating with default action of signal 4 (SIGILL)", file=sys.stderr)
sys.exit(132)
"""


def test_instructions_valgrind_cannot_run_are_said_in_a_line_not_its_dump(tmp_path):
    valgrind = tmp_path / "valgrind"
    valgrind.write_text(STOPPED_VALGRIND.format(python=sys.executable), encoding="utf-8")
    valgrind.chmod(0o755)
    run = _count_instructions(tmp_path)
    assert run.returncode == 1
    assert run.stderr == (
        "bench: valgrind cannot count the 'floor' run on this machine: the compiled code it "
        "runs (ruamel.yaml.clibz, or Python's) uses an instruction valgrind does not know "
        "(AVX-512, most likely); time it instead (nox -s bench, without --instructions), or "
        "count on a machine without AVX-512\n"
    )


def test_the_generated_bank_is_one_lint_passes(tmp_path, monkeypatch):
    """A generated question that lint refuses (a tag given twice) takes the slow road of
    schema errors, and the bench would time that instead of a bank authors write."""
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    from generate import generate_bank  # benchmarks/ is no package

    from exambank.lint import lint

    root = generate_bank(tmp_path / "bank", 1_000)
    assert [found.message for found in lint([root]).diagnostics if found.severity == "error"] == []
