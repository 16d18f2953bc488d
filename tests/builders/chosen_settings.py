"""What a build chose, without laying a PDF out: ``render_pdf`` stood in for by one that
records the ``Settings`` each PDF was asked with, so a test of where a choice comes from
(the config, the command line) takes a moment, not a layout per PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.builders import Settings
from exambank.builders import render as render_module
from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def build_recording_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, flags: list[str]
) -> tuple[int, list[Settings], Path]:
    """``exambank build`` of a one-question bank, its PDFs only, with ``flags`` before the
    bank (an option that took a value would take the bank's path) and a config holding
    ``[tool.exambank]`` ``table``: the exit status, the settings of each PDF asked for,
    and the folder the bank's files went to."""
    asked: list[Settings] = []

    def render_pdf(
        html: str, root: Path, settings: Settings, pages: object = None, footer: object = None
    ) -> tuple[bytes, tuple[str, ...]]:
        asked.append(settings)
        return b"%PDF-1.7 fake", ()

    monkeypatch.setattr(render_module, "render_pdf", render_pdf)
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.exambank]\n{table}\n", encoding="utf-8")
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    arguments = [*flags, str(bank), "--only", "pdf", "--out", str(out), "--config", str(config)]
    return main(["build", *arguments]), asked, out / "test-bank"
