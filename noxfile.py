"""The author's and CI's entry points: lint, build, tests, schemas, bench and code.

Every session installs the versions ``constraints.txt`` names, so that each checkout and CI
lint, test and build with the same ones. Virtualenvs are reused, and the project is
reinstalled only when ``pyproject.toml`` or ``constraints.txt`` changes (the install is
editable, so code edits need no reinstall): a second ``nox -s lint`` on an unchanged
checkout starts in about a second.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nox

nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).parent
CONSTRAINTS = ROOT / "constraints.txt"


def install(session: nox.Session, extras: str = "") -> None:
    """Install the project (editable), with the versions of ``constraints.txt``, unless this
    virtualenv already has this pyproject and these constraints."""
    installed = (ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes() + extras.encode()
    wanted = hashlib.sha256(installed).hexdigest()
    stamp = Path(session.virtualenv.location) / ".exambank-installed"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    session.install("-c", str(CONSTRAINTS), "-e", f".[{extras}]" if extras else ".")
    stamp.write_text(wanted)


@nox.session
def lint(session: nox.Session) -> None:
    """Check every bank under bank/ (pass PATHs or options after --)."""
    install(session)
    session.run("exambank", "lint", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Lint, then build the handouts and exports of every bank under bank/ into dist/."""
    install(session)
    session.run("exambank", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, on every core (-- -n 0: in one process, as --pdb needs)."""
    install(session, "test")
    # --dist loadfile: a module's tests run in one worker, so a module-scoped build of
    # the seed's PDFs is made once, not once per worker that gets one of its tests.
    session.run("pytest", "-n", "auto", "--dist", "loadfile", *session.posargs)


@nox.session
def schemas(session: nox.Session) -> None:
    """Regenerate schemas/ from the pydantic models."""
    install(session)
    session.run("python", "-m", "exambank.schema_files")


@nox.session
def bench(session: nox.Session) -> None:
    """Time lint against the libyaml parse floor (-- --bank DIR: your banks, not generated).

    The generated bank holds 10,000 questions; ``nox -l`` shows the first line only."""
    install(session)
    session.run("python", "benchmarks/bench_lint.py", *session.posargs)


@nox.session
def code(session: nox.Session) -> None:
    """ruff and mypy over the project's own code."""
    install(session, "dev")
    session.run("ruff", "check", "exambank", "tests", "noxfile.py", "benchmarks")
    session.run("ruff", "format", "--check", "exambank", "tests", "noxfile.py", "benchmarks")
    session.run("mypy")
