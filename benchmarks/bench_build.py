"""Time ``exambank build`` end to end: on the seed bank and on a generated bank.

Each build runs as a user runs it, ``python -m exambank build`` in a fresh process, into a
fresh folder; the figure is wall time, best of --repeat, with the files' sizes and the
handouts' page counts. Usage: ``python benchmarks/bench_build.py [--questions 1000]``.
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


def _build(bank: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "exambank", "build", str(bank), "--out", str(out)],
        check=True, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
    )  # fmt: skip
    return time.perf_counter() - start


def _report(label: str, bank: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        seconds = min(_build(bank, Path(folder) / f"run{run}") for run in range(repeat))
        files = sorted((Path(folder) / "run0").glob("*/*"))
        print(f"{label}: {seconds:.1f} s")
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
