"""Shared helpers: tiny banks written into a temporary folder and linted."""

from __future__ import annotations

import itertools
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult, lint
from exambank.load import read_source

REPO = Path(__file__).resolve().parents[1]
SEED_BANK = REPO / "bank" / "aws-ai-practitioner"

QUESTION = """\
id: q1
stem: Which AWS service trains, tunes and deploys ML models?
options:
  A: Amazon SageMaker
  B: AWS Lambda
  C: Amazon EC2
  D: Amazon Bedrock
answer: A
explanation: SageMaker covers the whole ML lifecycle.
"""


def section_yaml(*questions: str, section_id: str = "main", extra: str = "") -> str:
    """A section file holding ``questions`` (each a YAML mapping as text)."""
    items = "".join(
        "  - " + textwrap.indent(textwrap.dedent(q).strip() + "\n", "    ")[4:] for q in questions
    )
    body = f"id: {section_id}\ntitle: Main\n{textwrap.dedent(extra)}"
    return body + (f"questions:\n{items}" if questions else "")


def syntax_problems(tmp_path: Path, text: str) -> list[tuple[int, int, str, str, str | None]]:
    """What reading ``text`` as a section file reports: (line, column, rule, message,
    hint) each, as the syntax-hint tests compare them."""
    path = tmp_path / "01-main.yaml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.column, p.rule, p.message, p.hint) for p in read_source(path)[1]]


def write_bank(root: Path, sections: dict[str, str], manifest: str | bytes | None = None) -> Path:
    """Write a bank folder: ``sections`` maps file name -> text (or bytes, as the manifest
    may be: a file saved in another encoding)."""
    root.mkdir(parents=True, exist_ok=True)
    if manifest is None:
        ids = [name.split("-", 1)[-1].rsplit(".", 1)[0] for name in sorted(sections)]
        manifest = f"id: test-bank\ntitle: Test bank\nsections: [{', '.join(ids)}]\n"
    if isinstance(manifest, bytes):
        (root / "bank.yaml").write_bytes(manifest)
    else:
        (root / "bank.yaml").write_text(manifest, encoding="utf-8")
    for name, text in sections.items():
        path = root / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


LintBank = Callable[..., LintResult]


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as on a laptop, even inside a CI job: the reporters read these."""
    for name in ("GITHUB_WORKSPACE", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lint_bank(tmp_path: Path) -> LintBank:
    """Lint a bank made of the given section files; each call writes a bank of its own, so
    a second call in one test never sees the first one's files."""
    calls = itertools.count()

    def run(
        sections: dict[str, str], manifest: str | bytes | None = None, config: Config | None = None
    ) -> LintResult:
        call = next(calls)
        root = tmp_path / ("bank" if call == 0 else f"bank{call}")
        return lint([write_bank(root, sections, manifest)], config)

    return run


@pytest.fixture
def lint_questions(lint_bank: LintBank) -> Callable[..., list[Diagnostic]]:
    """Lint one section holding the given questions; return its diagnostics."""

    def run(*questions: str, config: Config | None = None) -> list[Diagnostic]:
        return lint_bank({"01-main.yaml": section_yaml(*questions)}, config=config).diagnostics

    return run


def rules_of(diagnostics: list[Diagnostic]) -> set[str]:
    return {found.rule for found in diagnostics}


def embedded_fonts(pdf: Path | bytes) -> set[str]:
    """The names of the fonts a PDF embeds, subset prefixes ("ABCDEF+") left out; an
    AssertionError if one is only named, not embedded."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(pdf if isinstance(pdf, Path) else io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    return names


def give_away(path: Path) -> tuple[int, int]:
    """Give ``path`` another owner and group than the runner's, as far as the runner may:
    root, to uid and gid 1000 (a bind-mounted author's file); a user, one of their other
    groups. Return the owner and group it has: a file exambank rewrites must keep them,
    whoever runs the tests."""
    status = path.stat()
    others = [(1000 if status.st_uid != 1000 else 1001, 1000 if status.st_gid != 1000 else 1001)]
    others += [(status.st_uid, group) for group in os.getgroups() if group != status.st_gid]
    for uid, gid in others:
        try:
            os.chown(path, uid, gid)
        except PermissionError:
            continue
        return uid, gid
    return status.st_uid, status.st_gid
