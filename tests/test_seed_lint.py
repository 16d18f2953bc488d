"""The seed bank lints clean, with the two bank-wide warnings the issue expects."""

import json

from exambank.cli import main
from exambank.lint import lint
from tests.conftest import SEED_BANK


def test_seed_bank_has_no_error_and_its_key_warnings_stay_visible():
    result = lint([SEED_BANK])
    assert result.errors == 0
    [bank] = result.banks
    assert len(bank.sections) == 11 and sum(1 for _ in bank.questions()) == 55
    messages = {d.rule: d.message for d in result.diagnostics if d.question is None}
    assert "B is the key 40 times in 55" in messages["answer-key-balance"]
    assert "longest option in 27 of 33" in messages["longest-option-key"]


def test_cli_json_report_of_the_seed_bank(capsys):
    assert main(["lint", str(SEED_BANK), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report and all(
        {"path", "line", "column", "severity", "rule", "message", "question"} <= set(item)
        for item in report
    )
