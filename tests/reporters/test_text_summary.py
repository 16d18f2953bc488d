"""The text report's last lines: the counts, each rule's count when there are several
rules, and ``--errors-only`` for a long report in a CI log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

# Errors: answer E names no option (answer-not-in-options), twice; a warning: an option
# "All of the above" (all-of-the-above).
NO_SUCH_OPTION = QUESTION.replace("answer: A", "answer: E")
ALL = QUESTION.replace("D: Amazon Bedrock", "D: All of the above")
RULES = "answer-not-in-options,all-of-the-above"


def _bank(tmp_path: Path, *questions: str) -> Path:
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})


def _two_rules(tmp_path: Path) -> Path:
    return _bank(
        tmp_path,
        NO_SUCH_OPTION,
        NO_SUCH_OPTION.replace("id: q1", "id: q2").replace("Which", "Which one"),
        ALL.replace("id: q1", "id: q3"),
    )


def test_the_summary_counts_each_rule_most_found_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--select", RULES, str(_two_rules(tmp_path))]) == 1
    *_, counts, by_rule = capsys.readouterr().out.splitlines()
    assert counts == "2 errors, 1 warning."
    assert by_rule == "by rule: answer-not-in-options 2, all-of-the-above 1"


def test_one_rule_needs_no_count_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["lint", "--select", "answer-not-in-options", str(_two_rules(tmp_path))])
    assert capsys.readouterr().out.splitlines()[-1] == "2 errors, 0 warnings."


def test_errors_only_lists_the_errors_and_counts_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _two_rules(tmp_path)
    options = ["--select", RULES, "--errors-only"]
    assert main(["lint", *options, str(bank)]) == 1
    out = capsys.readouterr().out
    assert "all-of-the-above" not in out.split("2 errors")[0]  # no warning is listed
    assert out.count("error answer-not-in-options") == 2
    assert "2 errors, 1 warning (1 not listed)." in out
    assert main(["lint", *options, "--format", "json", str(bank)]) == 1
    assert {found["rule"] for found in json.loads(capsys.readouterr().out)} == {
        "answer-not-in-options"
    }


def test_errors_only_leaves_a_run_with_warnings_passing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _bank(tmp_path, ALL)
    assert main(["lint", "--errors-only", str(bank)]) == 0
    assert capsys.readouterr().out == "0 errors, 1 warning (1 not listed).\n"


def test_errors_only_and_strict_do_not_go_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["lint", "--errors-only", "--strict", str(_bank(tmp_path, QUESTION))])
    assert stopped.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
