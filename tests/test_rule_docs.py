"""`exambank rules` and `exambank rule NAME`: the documentation is the rules' docstrings."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.code_pages import CYRILLIC, WESTERN
from exambank.config import Config
from exambank.lint import lint
from exambank.rule_docs import CONFIG_DOC
from exambank.rules import RULES
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank
from tests.rules.item_writing import ITEM_WRITING


def test_rules_lists_every_rule_once_with_severity_language_and_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split() == ["RULE", "SEVERITY", "LANGUAGE", "SUMMARY"]
    assert [line.split()[0] for line in lines] == list(RULES)
    for line, rule in zip(lines, RULES.values(), strict=True):
        severity = rule.severity if rule.enabled_by_default else "off"
        assert line.split()[1] == severity
        assert line.split()[2] == ",".join(rule.languages or ("any",))  # "en", "en,de"
        assert line.endswith(rule.summary())


def test_rule_prints_the_docstring_with_its_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "answer-count"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("answer-count (error)\n\n")
    assert RULES["answer-count"].doc() in page
    assert "\nBad:\n" in page and "\nGood:\n" in page
    assert "[tool.exambank.rules.answer-count]" in page
    assert 'lint: {ignore: [answer-count], reason: "..."}' in page


def test_rules_given_a_name_shows_that_rule_as_rule_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The plural with a name ("exambank rules negative-stem") is what people type."""
    assert main(["rule", "negative-stem"]) == 0
    page = capsys.readouterr().out
    assert main(["rules", "negative-stem"]) == 0
    assert capsys.readouterr().out == page
    assert main(["rules", "negative-stm"]) == 2
    assert "did you mean 'negative-stem'?" in capsys.readouterr().err


def test_rule_shows_options_with_their_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "answer-key-balance"]) == 0
    page = capsys.readouterr().out
    assert "    p_value = 0.001\n    min_questions = 8\n" in page


def test_a_reading_rule_says_it_cannot_be_turned_off(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "yaml-syntax"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("yaml-syntax (error, always on)")
    assert "cannot be turned off" in page and "[tool.exambank.rules" not in page


def test_the_yaml_syntax_page_says_what_lint_tells_of_a_slip(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Not only "where the parser gave up" (review s35-author #15)."""
    assert main(["rule", "yaml-syntax"]) == 0
    page = " ".join(capsys.readouterr().out.split())
    assert "at the line and column of the slip" in page
    assert "each question (and key term) of a section is also read on its own" in page
    assert "Markdown's '* ' or '+ '" in page and "the hint says so" in page


def test_config_the_rule_id_of_a_pyproject_mistake_has_a_page_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Reports name ``config`` as they name a rule (SARIF's ruleId, GitHub's title)."""
    assert main(["rule", "config"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("config (error, always on)\n\n")
    assert CONFIG_DOC in page and "cannot be turned off" in page


def test_the_config_page_s_examples_are_a_mistake_and_its_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-main.yaml": section_yaml(QUESTION)})
    bad, good = (
        textwrap.dedent(part.split("\n\n", 1)[0])
        for part in CONFIG_DOC.split("\nBad:\n", 1)[1].split("\nGood:\n")
    )
    Path("pyproject.toml").write_text(bad, "utf-8")
    assert main(["lint"]) == 2
    said = capsys.readouterr().err  # a text report's config problems go to stderr
    assert said.count(" error config ") == len(bad.splitlines()) - 1  # each line under the table
    Path("pyproject.toml").write_text(good, "utf-8")
    Path("baseline.json").write_text('{"exambank-baseline": 1, "findings": []}\n', "utf-8")
    assert main(["lint"]) == 0


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "answer-cont"]) == 2
    err = capsys.readouterr().err
    assert err == "exambank: error: unknown rule 'answer-cont'; did you mean 'answer-count'?\n"


def test_an_opt_in_rule_says_how_to_turn_it_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RULES["answer-count"], "enabled_by_default", False)
    assert main(["rule", "answer-count"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("answer-count (error, off by default)")
    assert 'Turn it on with extend-select = ["answer-count"] in [tool.exambank].' in page


@pytest.mark.parametrize("name", sorted(ITEM_WRITING))
def test_an_item_writing_rule_names_its_false_positives_and_its_source(name: str) -> None:
    # docs/rule-precision.md's readers judge each finding against the rule's page
    page = " ".join((RULES[name].__doc__ or "").split())
    assert "Known false positives:" in page
    assert re.search(r"Source: [A-Z][^.]+\(\d{4}\)", page)  # an author and a year


def test_a_bank_wide_rule_page_tells_how_to_suppress_it_on_one_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # answer-run reports each question of a run, so a question can suppress its own finding
    assert main(["rule", "answer-run"]) == 0
    assert 'lint: {ignore: [answer-run], reason: "..."}' in capsys.readouterr().out
    assert main(["rule", "answer-key-balance"]) == 0  # about the whole key: nothing to suppress
    assert "Switch it off for one question" not in capsys.readouterr().out


def test_the_pages_offer_suppression_exactly_for_rules_whose_findings_name_a_question(
    tmp_path: Path,
) -> None:
    config = Config(select=set(RULES), rule_options={"longest-option-key": {"per_question": True}})
    markup = QUESTION.replace("models?", "<b>models</b>? ![chart](chart.png)")
    markup = markup.replace("C: Amazon EC2", "C: ''").replace(
        "D: Amazon Bedrock", "D: '[x](http://x)'"
    )
    flawed = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(markup)})
    found = lint([SEED_BANK, flawed], config).diagnostics
    named = {d.rule for d in found if d.question is not None and RULES[d.rule].switchable}
    unnamed = {d.rule for d in found if d.question is None}
    assert {"answer-run", "word-repeat", "longest-option-key"} <= named  # what the seed gives
    assert {"raw-html", "empty-text", "external-resource", "missing-resource"} <= named
    assert all(RULES[rule].on_questions for rule in named)
    assert not any(RULES[rule].on_questions for rule in unnamed - named)


@pytest.mark.parametrize("name", list(RULES))
def test_each_summary_is_one_whole_sentence_on_the_docstring_first_line(name: str) -> None:
    summary, *rest = RULES[name].doc().split("\n\n")[0].splitlines()
    assert rest == []  # `exambank rules` shows the first line alone
    assert summary[:1].isupper() and summary.endswith((".", "?", "!"))
    # shown as it is written, in the rules table and an editor's completions: plain text
    # with `code` as the other summaries mark it, not reST's ``code`` (review s31-readme #11)
    assert "``" not in summary


def test_the_mojibake_summary_names_every_code_page_the_rule_reads_back() -> None:
    """The rule also finds Cyrillic read as Windows-1251 (review s31-readme #11)."""
    summary = RULES["mojibake"].summary()
    assert all(page.name in summary for page in (WESTERN, CYRILLIC))
