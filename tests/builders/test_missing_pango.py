"""A machine without Pango (a slim container image) cannot make the PDFs: exambank says
what to install and what can be made without it, with the runner's-trouble status 3, not
as a bug of its own (status 4, "Please report it"); and WeasyPrint's own notice stays off
stdout, where a tool may be reading the report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import QUESTION, REPO, section_yaml, write_bank

# Loaded at start-up by the child: cffi cannot load any of Pango's libraries, as where
# none is installed (the OSError and its words are cffi's).
NO_PANGO = """\
import cffi.api

_dlopen = cffi.api.FFI.dlopen


def dlopen(self, name, flags=0):
    if name and "pango" in str(name):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file")
    return _dlopen(self, name, flags)


cffi.api.FFI.dlopen = dlopen
"""

INSTALL = "install it (Debian, Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0; "


def _without_pango(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "no-pango"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(REPO)])}
    return subprocess.run(
        [sys.executable, "-m", "exambank", *arguments],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )


def test_a_build_without_pango_says_what_to_install_and_builds_the_exports_as_it_says(
    tmp_path: Path,
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    dist = tmp_path / "dist"
    run = _without_pango(tmp_path, "build", str(bank), "--out", str(dist))
    assert run.returncode == 3, run.stderr
    assert run.stderr.splitlines()[-1] == (
        "exambank: error: making a PDF needs Pango 1.44 or newer, a system library WeasyPrint "
        "renders with, and this machine lacks it (libpango-1.0-0 cannot be loaded): "
        f"{INSTALL}macOS: brew install pango), or build the exports alone, which need no "
        "Pango: exambank build --only json,csv"
    )
    assert "WeasyPrint" not in run.stdout  # its notice, which a --format json reader would get
    assert not dist.exists()  # the JSON and CSV made first are not left behind
    exports = _without_pango(tmp_path, "build", str(bank), "--out", str(dist), "--only", "json,csv")
    assert exports.returncode == 0, exports.stderr
    built = sorted(path.name for path in (dist / "test-bank").iterdir())
    assert built == [".exambank-build", "test-bank-questions.csv", "test-bank.json"]


def test_a_stats_pdf_without_pango_says_what_to_install_and_that_html_needs_none(
    tmp_path: Path,
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    report = tmp_path / "report.pdf"
    run = _without_pango(tmp_path, "stats", "--format", "html", "--out", str(report), str(bank))
    assert run.returncode == 3, run.stderr
    assert run.stderr.splitlines()[-1].endswith(
        f"(libpango-1.0-0 cannot be loaded): {INSTALL}macOS: brew install pango), or write "
        "the report as HTML, which needs no Pango: --out stats.html"
    )
    assert run.stdout == ""
    assert not report.exists()
