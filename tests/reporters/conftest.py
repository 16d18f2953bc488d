"""One small bank with an error, a warning, a clean question and a file-level problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import LintResult, lint
from tests.conftest import QUESTION, section_yaml, write_bank

ERROR = QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: E")
WARNING = QUESTION.replace("id: q1", "id: q3") + 'lint: {ignore: [answer-count], reason: "x"}\n'
MANIFEST = "id: test-bank\ntitle: Test bank\nsections: [main]\n"
# Only the rules this sample is about, so rules added later cannot change the figures.
RULE_NAMES = ["answer-count", "answer-not-in-options", "manifest", "unused-suppression"]
SELECT = ["--select", ",".join(RULE_NAMES)]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LintResult:
    """q1 is clean, q2 has an error, q3 a warning; 02-extra.yaml is not in the manifest."""
    monkeypatch.chdir(tmp_path)
    sections = {
        "01-main.yaml": section_yaml(QUESTION, ERROR, WARNING),
        "02-extra.yaml": section_yaml(QUESTION.replace("id: q1", "id: q4"), section_id="extra"),
    }
    write_bank(Path("bank"), sections, MANIFEST)
    result = lint([Path("bank")], Config(select=set(RULE_NAMES)))
    by_question = {(d.question, d.rule) for d in result.diagnostics}
    assert {("q2", "answer-not-in-options"), ("q3", "unused-suppression")} <= by_question
    assert (None, "manifest") in by_question
    return result
