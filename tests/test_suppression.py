"""lint: {ignore: [...], reason: ...} on a question, and unused-suppression."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.rules.suppression import UnusedSuppression
from tests.conftest import QUESTION, LintBank, section_yaml
from tests.rules.test_docstring_examples import as_yaml, example

LintQuestions = Callable[..., list[Diagnostic]]

ASKS_FOR_TWO = QUESTION.replace("models?", "models? (Choose two.)")  # answer-count error
REASON = 'reason: "the stem quotes the guide"'
# Only the rules these tests are about, so rules added later cannot change the findings.
RULE_NAMES = {"answer-count", "answer-not-in-options", "empty-text", "unused-suppression"}


def only() -> Config:
    return Config(select=set(RULE_NAMES))


def suppressing(question: str, *rules: str, reason: str = REASON) -> str:
    return question + f"lint: {{ignore: [{', '.join(rules)}], {reason}}}\n"


def test_a_suppression_drops_its_rule_for_its_question_only(lint_questions: LintQuestions) -> None:
    other = ASKS_FOR_TWO.replace("id: q1", "id: q2")
    found = lint_questions(suppressing(ASKS_FOR_TWO, "answer-count"), other, config=only())
    assert [d.question for d in found if d.rule == "answer-count"] == ["q2"]


def test_a_suppression_keeps_other_rules(lint_questions: LintQuestions) -> None:
    both = ASKS_FOR_TWO.replace("answer: A", "answer: E")
    found = lint_questions(suppressing(both, "answer-count"), config=only())
    assert [d.rule for d in found] == ["answer-not-in-options"]


def test_bank_wide_findings_about_one_question_can_be_suppressed(
    lint_questions: LintQuestions,
) -> None:
    blank = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.", 'explanation: " "'
    )
    assert [d.rule for d in lint_questions(blank, config=only())] == ["empty-text"]
    assert lint_questions(suppressing(blank, "empty-text"), config=only()) == []


def test_a_suppression_that_suppresses_nothing_is_reported(
    lint_questions: LintQuestions,
) -> None:
    [found] = lint_questions(suppressing(QUESTION, "answer-count"), config=only())
    assert (found.rule, found.severity, found.question) == ("unused-suppression", "warning", "q1")
    assert (found.line, found.column) == (13, 21)  # at the rule's name in `ignore`
    assert found.message == "'answer-count' reports nothing for question q1"
    assert found.hint == "remove the lint: entry"


@pytest.mark.parametrize(
    ("rules", "message", "hint"),
    [
        (
            ("answer-count", "answer-cont"),
            "the suppression names an unknown rule 'answer-cont'",
            "did you mean 'answer-count'?",
        ),
        (("answer-count", "schema"), "'schema' cannot be suppressed", "fix the file instead"),
        (("answer-count", "answer-count"), "'answer-count' is listed twice", "list each rule once"),
        (
            ("answer-count", "unused-suppression"),
            "'unused-suppression' cannot be suppressed",
            "remove the unused entries instead",
        ),
    ],
)
def test_entries_that_cannot_work_are_reported(
    lint_questions: LintQuestions, rules: tuple[str, ...], message: str, hint: str
) -> None:
    [found] = lint_questions(suppressing(ASKS_FOR_TWO, *rules), config=only())
    assert (found.rule, found.column) == ("unused-suppression", 35)
    assert found.message == message and hint in (found.hint or "")


@pytest.mark.parametrize("name", ["ALL", "all"])
def test_all_in_a_question_is_told_to_name_the_rules_one_by_one(
    lint_questions: LintQuestions, name: str
) -> None:
    # the hint was "did you mean 'ALL'?", to an entry that said ALL
    [found] = lint_questions(suppressing(ASKS_FOR_TWO, "answer-count", name), config=only())
    assert (found.rule, found.column) == ("unused-suppression", 35)
    assert found.message == f"the suppression names '{name}': a question cannot suppress every rule"
    assert found.hint == (
        "a question's lint: ignore names its rules one by one, as in 'lint: {ignore: "
        "[all-of-the-above, answer-run], reason: ...}'; ALL (every rule) is for the command "
        "line and the rule lists of [tool.exambank], such as select"
    )


def test_a_rule_that_is_not_enabled_is_reported(lint_questions: LintQuestions) -> None:
    config = only()
    config.select.discard("answer-count")
    [found] = lint_questions(suppressing(ASKS_FOR_TWO, "answer-count"), config=config)
    assert found.message == "'answer-count' is not enabled"


# Review s35, finding 13: a rule off for the file says so, not that it found nothing.
def test_a_rule_that_per_file_ignores_turn_off_is_reported_as_not_enabled_there(
    lint_questions: LintQuestions, tmp_path: Path
) -> None:
    config = replace(only(), root=tmp_path, per_file_ignores={"*-main.yaml": {"answer-count"}})
    [found] = lint_questions(suppressing(ASKS_FOR_TWO, "answer-count"), config=config)
    assert found.rule == "unused-suppression"
    assert found.message == "'answer-count' is not enabled for this file (per-file-ignores)"
    assert found.hint == "remove the lint: entry"


@pytest.mark.parametrize("rule", ["section-coverage", "answer-key-balance", "language-mismatch"])
def test_a_rule_that_reports_on_no_question_cannot_be_suppressed_in_one(
    lint_questions: LintQuestions, rule: str
) -> None:
    config = Config(select={*RULE_NAMES, rule})
    [found] = lint_questions(suppressing(QUESTION, rule), config=config)
    assert found.message == (
        f"'{rule}' reports on sections or the bank, not on questions: it cannot be "
        "suppressed in a question"
    )
    assert "per-file-ignores" in (found.hint or "")


def test_unused_suppression_follows_the_configuration(lint_questions: LintQuestions) -> None:
    config = only()
    config.severity["unused-suppression"] = "error"
    [found] = lint_questions(suppressing(QUESTION, "answer-count"), config=config)
    assert found.severity == "error"
    config.select.discard("unused-suppression")
    assert lint_questions(suppressing(QUESTION, "answer-count"), config=config) == []


@pytest.mark.parametrize(
    ("lint", "message"),
    [
        ("lint: {ignore: [answer-count]}", "question q1, lint is missing 'reason'"),
        ('lint: {ignore: [answer-count], reason: ""}', "question q1, lint, reason"),
        ('lint: {ignore: [], reason: "x"}', "question q1, lint, ignore"),
        ('lint: {ignore: [answer-count], reason: "x", why: "y"}', "unknown key 'why'"),
    ],
)
def test_the_suppression_itself_is_checked_by_the_schema(
    lint_questions: LintQuestions, lint: str, message: str
) -> None:
    found = lint_questions(ASKS_FOR_TWO + lint + "\n", config=only())
    assert [d.rule for d in found] == ["schema"]
    assert found[0].message.startswith(message)


def test_an_empty_list_of_rules_to_suppress_is_told_what_to_write(
    lint_questions: LintQuestions,
) -> None:
    [found] = lint_questions(ASKS_FOR_TWO + 'lint: {ignore: [], reason: "x"}\n', config=only())
    assert found.message == "question q1, lint, ignore is an empty list"
    assert found.hint == (
        "name the rules it switches off, as in ignore: [answer-run], or remove the lint: entry"
    )


@pytest.mark.parametrize(("label", "reported"), [("Bad", True), ("Good", False)])
def test_documented_example(lint_questions: LintQuestions, label: str, reported: bool) -> None:
    """The engine checks this rule (it is no QuestionRule), so the generic docstring test
    leaves it out: its Bad example is reported and its Good one is clean."""
    found = lint_questions(as_yaml(example(UnusedSuppression.name, label)), config=only())
    assert (UnusedSuppression.name in {d.rule for d in found}) is reported
    assert all(d.rule == "unused-suppression" for d in found)


def test_a_blank_reason_is_no_reason(lint_questions) -> None:
    question = QUESTION.replace(
        "answer: A", "answer: A\nlint: {ignore: [answer-run], reason: '   '}"
    )
    found = [d for d in lint_questions(question) if d.rule == "schema"]
    assert [d.message for d in found] == ["question q1, lint, reason is blank"]


def test_the_entries_that_dropped_findings_are_kept_for_the_reports(lint_bank: LintBank) -> None:
    blank_twice = QUESTION.replace("B: AWS Lambda", 'B: " "').replace(
        "explanation: SageMaker covers the whole ML lifecycle.", 'explanation: " "'
    )
    first = suppressing(
        ASKS_FOR_TWO.replace("answer: A", "answer: E"), "answer-count", "answer-not-in-options"
    )
    second = suppressing(blank_twice.replace("id: q1", "id: q2"), "empty-text", reason="reason: x")
    unused = suppressing(QUESTION.replace("id: q1", "id: q3"), "answer-count")
    result = lint_bank({"01-main.yaml": section_yaml(first, second, unused)}, config=only())
    assert [d.rule for d in result.diagnostics] == ["unused-suppression"]  # q3's, no finding
    guide = "the stem quotes the guide"
    assert [
        (s.line, s.column, s.question, s.rule, s.findings, s.reason) for s in result.suppressed
    ] == [
        (13, 21, "q1", "answer-count", 1, guide),  # where the rule is named in lint: ignore
        (13, 35, "q1", "answer-not-in-options", 1, guide),
        (23, 21, "q2", "empty-text", 2, "x"),
    ]
    assert all(entry.path == result.diagnostics[0].path for entry in result.suppressed)


def test_each_entry_keeps_the_findings_it_dropped(lint_bank: LintBank) -> None:
    """The reports list them (sarif as suppressed results), not only how many."""
    blank_twice = QUESTION.replace("B: AWS Lambda", 'B: " "').replace(
        "explanation: SageMaker covers the whole ML lifecycle.", 'explanation: " "'
    )
    unsuppressed = lint_bank({"01-main.yaml": section_yaml(blank_twice)}, config=only())
    found = [d for d in unsuppressed.diagnostics if d.rule == "empty-text"]
    assert len(found) == 2
    suppressed = suppressing(blank_twice, "empty-text", reason="reason: x")
    result = lint_bank({"01-main.yaml": section_yaml(suppressed)}, config=only())
    [entry] = result.suppressed
    assert sorted(entry.dropped) == sorted(
        replace(d, path=entry.path) for d in found
    )  # the same findings, in the second bank's file
    assert entry.findings == len(entry.dropped) == 2


TRUE_FALSE = QUESTION.replace(
    "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock",
    'options:\n  A: "True"\n  B: "False"',
)


@pytest.mark.parametrize("reason", ['"..."', '"…"', "' . . . '"])
def test_a_reason_left_as_the_hints_placeholder_is_reported(
    lint_questions: LintQuestions, reason: str
) -> None:
    """Review s35 #13: the hint's 'lint: {ignore: [true-false-options], reason: "..."}',
    pasted as written, passed with a reason that says nothing."""
    [warning] = lint_questions(TRUE_FALSE)
    assert warning.rule == "true-false-options" and warning.hint is not None
    pasted = warning.hint[warning.hint.index("lint: ") :]
    assert pasted.endswith('reason: "..."}')
    found = lint_questions(TRUE_FALSE + pasted.replace('"..."', reason) + "\n")
    assert [(d.rule, d.message, d.hint) for d in found] == [
        (
            "schema",
            f"question q1, lint, reason is '{reason[1:-1]}', a placeholder, not a reason",
            "write why the rules do not apply to this question",
        )
    ]
    kept = lint_questions(TRUE_FALSE + pasted.replace('"..."', '"kept: the exam asks so"'))
    assert kept == []


def test_a_bank_wide_rules_entry_is_not_unused_while_a_file_of_the_bank_cannot_be_read(
    lint_bank: LintBank,
) -> None:
    """A rule that reads the whole bank saw part of it only: the finding the entry drops
    may be in the file it did not see (the baseline keeps such entries too). "remove the
    lint: entry" would have the author delete a suppression the bank needs."""
    config = Config(select={"answer-run", "answer-count", "unused-suppression"})
    first = suppressing(QUESTION, "answer-run")
    second = suppressing(QUESTION.replace("id: q1", "id: q2"), "answer-count")
    sections = {
        "01-one.yaml": section_yaml(first, second, section_id="one"),
        "02-two.yaml": section_yaml(QUESTION.replace("id: q1", "id: q3"), section_id="two"),
    }
    unused = [
        (13, 21, "'answer-run' reports nothing for question q1", "remove the lint: entry"),
        (23, 21, "'answer-count' reports nothing for question q2", "remove the lint: entry"),
    ]

    def found(result: LintResult) -> list[tuple[int, int, str, str | None]]:
        return [
            (d.line, d.column, d.message, d.hint)
            for d in result.diagnostics
            if d.rule == "unused-suppression"
        ]

    assert found(lint_bank(sections, config=config)) == unused  # read whole: both are unused
    conflicted = sections["02-two.yaml"].replace(
        "title:", "<<<<<<< HEAD\n=======\n>>>>>>> b\ntitle:"
    )
    result = lint_bank({**sections, "02-two.yaml": conflicted}, config=config)
    assert [d.rule for d in result.diagnostics if d.severity == "error"] == ["yaml-syntax"]
    assert found(result) == unused[1:]  # a question's own rule saw all it checks
