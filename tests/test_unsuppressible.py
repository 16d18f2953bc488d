"""``unsuppressible`` in [tool.exambank]: rules a bank file's ``lint: {ignore: [...]}`` may not
switch off, and ``forbidden-suppression``, the error at such an entry.

A pull request can add content and its suppression together; for the rules that keep the
exports safe (raw-html, external-resource, missing-resource) a maintainer must be able to
say that only the configuration, which they review, decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank import pyproject
from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.rules import RULES
from tests.conftest import QUESTION, REPO, section_yaml, write_bank
from tests.test_config import config_problems

SCRIPT = QUESTION.replace(
    "explanation: SageMaker covers the whole ML lifecycle.",
    "explanation: \"<script>alert('x')</script> SageMaker covers the lifecycle.\"",
)
ALL_OF_THE_ABOVE = QUESTION.replace("  D: Amazon Bedrock", "  D: All of the above")  # a warning
REASON = 'reason: "the LMS renders it"'
EXPORT_GUARDS = '["raw-html", "external-resource", "missing-resource"]'


def suppressing(question: str, *rules: str) -> str:
    return question + f"lint: {{ignore: [{', '.join(rules)}], {REASON}}}\n"


def repository(folder: Path, question: str, unsuppressible: str | None) -> Path:
    """A repository with one bank of ``question``, and ``unsuppressible`` if given."""
    write_bank(folder / "bank" / "b", {"01-main.yaml": section_yaml(question)})
    table = "" if unsuppressible is None else f"unsuppressible = {unsuppressible}\n"
    (folder / "pyproject.toml").write_text(f"[tool.exambank]\n{table}", "utf-8")
    return folder


def findings(folder: Path) -> list[tuple[int, int, str, str, str]]:
    config = pyproject.read(folder / "pyproject.toml")
    found = lint([folder / "bank" / "b"], config).diagnostics
    return [(d.line, d.column, d.severity, d.rule, d.message) for d in found]


def test_the_setting_is_read_and_empty_by_default(tmp_path: Path) -> None:
    assert Config().unsuppressible == set()
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.exambank]\nunsuppressible = {EXPORT_GUARDS}\n", "utf-8")
    assert pyproject.read(path).unsuppressible == set(json.loads(EXPORT_GUARDS))
    path.write_text('[tool.exambank]\nunsuppressible = ["ALL"]\n', "utf-8")
    assert pyproject.read(path).unsuppressible == set(RULES)


def test_a_misspelt_rule_or_a_wrong_value_is_a_config_error(tmp_path: Path) -> None:
    assert config_problems(tmp_path, '[tool.exambank]\nunsuppressible = ["raw-htm"]\n') == [
        (5, 19, "unknown rule 'raw-htm'", "did you mean 'raw-html'?")
    ]
    assert config_problems(tmp_path, '[tool.exambank]\nunsuppressible = "raw-html"\n') == [
        (
            5,
            18,
            "'unsuppressible' must be a list of rule names",
            'write unsuppressible = ["rule-name", ...]',
        )
    ]
    [(_, _, message, hint)] = config_problems(tmp_path, '[tool.exambank]\nunsupressible = ["x"]\n')
    assert (message, hint) == (
        "unknown key 'unsupressible' in [tool.exambank]",
        "did you mean 'unsuppressible'?",
    )


def test_the_suppression_is_an_error_at_its_name_and_the_findings_stay(tmp_path: Path) -> None:
    folder = repository(tmp_path, suppressing(SCRIPT, "raw-html"), EXPORT_GUARDS)
    assert findings(folder) == [
        (
            12,
            19,
            "error",
            "raw-html",
            "raw HTML in the text: <script>alert('x')</script> SageMaker covers the lifecycle.",
        ),
        (
            13,
            21,  # at raw-html in `ignore`
            "error",
            "forbidden-suppression",
            "the project forbids suppressing 'raw-html' (unsuppressible in [tool.exambank]), "
            "so its findings here are reported all the same",
        ),
    ]


def test_the_hint_says_how_to_mend_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repository(tmp_path, suppressing(SCRIPT, "raw-html"), EXPORT_GUARDS)
    assert main(["lint", str(tmp_path / "bank"), "--config", str(tmp_path / "pyproject.toml")]) == 1
    out = capsys.readouterr().out
    assert (
        "hint: remove the lint: entry and mend what raw-html reports; only a maintainer can "
        "take it out of unsuppressible in pyproject.toml"
    ) in out
    assert "by rule: forbidden-suppression 1, raw-html 1" in out


def test_a_warning_s_suppression_fails_the_run_without_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository(tmp_path, suppressing(ALL_OF_THE_ABOVE, "all-of-the-above"), None))
    assert main(["lint"]) == 0  # the default lets a bank suppress any rule, as before
    repository(tmp_path, suppressing(ALL_OF_THE_ABOVE, "all-of-the-above"), '["all-of-the-above"]')
    assert main(["lint"]) == 1
    assert [rule for *_, rule, _ in findings(tmp_path)] == [
        "all-of-the-above",
        "forbidden-suppression",
    ]


def test_other_entries_still_suppress_and_the_hint_names_the_entry(tmp_path: Path) -> None:
    both = suppressing(
        ALL_OF_THE_ABOVE.replace("explanation: SageMaker", "explanation: <b>Sage"),
        "all-of-the-above",
        "raw-html",
    )
    folder = repository(tmp_path, both, EXPORT_GUARDS)
    config = pyproject.read(folder / "pyproject.toml")
    found = lint([folder / "bank" / "b"], config).diagnostics
    assert [(d.rule, d.column) for d in found] == [("raw-html", 18), ("forbidden-suppression", 39)]
    assert found[1].hint is not None and found[1].hint.startswith("remove it from lint.ignore ")


def test_an_entry_that_would_suppress_nothing_is_reported_once_as_forbidden(
    tmp_path: Path,
) -> None:
    """Not unused-suppression too: removing the entry mends both."""
    folder = repository(tmp_path, suppressing(QUESTION, "external-resource"), EXPORT_GUARDS)
    assert [(rule, severity) for _, _, severity, rule, _ in findings(folder)] == [
        ("forbidden-suppression", "error")
    ]


def test_no_suppression_can_silence_the_error(tmp_path: Path) -> None:
    question = suppressing(SCRIPT, "raw-html", "forbidden-suppression")
    folder = repository(tmp_path, question, EXPORT_GUARDS)
    assert [(rule, message) for *_, rule, message in findings(folder)][1:] == [
        (
            "forbidden-suppression",
            "the project forbids suppressing 'raw-html' (unsuppressible in [tool.exambank]), "
            "so its findings here are reported all the same",
        ),
        ("unused-suppression", "'forbidden-suppression' cannot be suppressed"),
    ]


def test_all_forbids_every_suppression_a_bank_file_makes(tmp_path: Path) -> None:
    folder = repository(tmp_path, suppressing(ALL_OF_THE_ABOVE, "all-of-the-above"), '["ALL"]')
    assert [rule for *_, rule, _ in findings(folder)] == [
        "all-of-the-above",
        "forbidden-suppression",
    ]


def test_a_baseline_written_before_the_setting_hides_neither_the_error_nor_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repository(tmp_path, suppressing(SCRIPT, "raw-html"), None))
    assert main(["lint", "--write-baseline", "baseline.json"]) == 0  # the suppression held
    repository(tmp_path, suppressing(SCRIPT, "raw-html"), EXPORT_GUARDS)
    capsys.readouterr()
    assert main(["lint", "--baseline", "baseline.json"]) == 1
    assert "by rule: forbidden-suppression 1, raw-html 1" in capsys.readouterr().out


def test_build_refuses_the_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository(tmp_path, suppressing(SCRIPT, "raw-html"), EXPORT_GUARDS))
    assert main(["build", "--only", "json", "--out", "dist"]) == 1
    assert not (tmp_path / "dist").exists()


def test_an_editor_does_not_offer_the_rule_to_a_suppression() -> None:
    schema = json.loads((REPO / "schemas" / "section.schema.json").read_text("utf-8"))
    (names,) = schema["$defs"]["Suppression"]["properties"]["ignore"]["items"]["allOf"]
    offered = names["enum"]
    assert "unused-suppression" not in offered and "forbidden-suppression" not in offered
    assert "raw-html" in offered  # the configuration, not the schema, forbids it


def test_the_rule_page_says_where_the_setting_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "forbidden-suppression"]) == 0
    page = " ".join(capsys.readouterr().out.split())
    assert page.startswith("forbidden-suppression (error)")
    assert "`unsuppressible = [...]` in `[tool.exambank]`" in page
    assert "Switch it off for one question" not in page
