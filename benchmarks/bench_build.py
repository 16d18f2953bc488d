"""Time ``exambank build`` end to end: on the seed bank and on a generated bank.

Each build runs as a user runs it, ``python -m exambank build`` in a fresh process, into a
fresh folder; the figures are wall time and the process's peak memory (maximum resident set
size), best of --repeat, with the files' sizes and the handouts' page counts. POSIX only.
Usage: ``python benchmarks/bench_build.py [--questions 1000]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate_bank

SEED_BANK = Path(__file__).resolve().parents[1] / "bank" / "aws-ai-practitioner"


def _build(bank: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one build."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "exambank", "build", str(bank), "--out", str(out)],
        stdout=subprocess.DEVNULL, env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak, not all children's
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    kibibytes = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)  # macOS: bytes
    return time.perf_counter() - start, kibibytes / 1024


def _report(label: str, bank: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        runs = [_build(bank, Path(folder) / f"run{run}") for run in range(repeat)]
        seconds, mebibytes = min(wall for wall, _ in runs), min(peak for _, peak in runs)
        files = sorted((Path(folder) / "run0").glob("*/*"))
        print(f"{label}: {seconds:.1f} s, {mebibytes:,.0f} MiB peak memory")
        for path in files:
            pages = f", {len(PdfReader(path).pages)} pages" if path.suffix == ".pdf" else ""
            print(f"  {path.name:<40} {path.stat().st_size / 1e3:9.1f} kB{pages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    arguments = parser.parse_args()
    _report("seed bank (55 questions)", SEED_BANK, arguments.repeat)
    with tempfile.TemporaryDirectory() as folder:
        bank = generate_bank(Path(folder) / "bank", arguments.questions)
        _report(f"generated bank ({arguments.questions} questions)", bank, arguments.repeat)


if __name__ == "__main__":
    main()
