"""Per-question suppressions: ``lint: {ignore: [rule, ...], reason: "..."}`` in a bank file.

A suppression drops the findings of the listed rules for its own question only, and is
reported (``unused-suppression``) wherever it names something it cannot drop.
"""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank, QuestionRef
from exambank.config import Config, switchable, unknown_rule
from exambank.diagnostics import Diagnostic
from exambank.rules import RULES
from exambank.rules.base import language_names
from exambank.rules.suppression import UnusedSuppression

UNUSED = UnusedSuppression.name


def apply_suppressions(
    bank: Bank, diagnostics: list[Diagnostic], config: Config
) -> list[Diagnostic]:
    """``diagnostics`` (one bank's, already configured) less the suppressed ones, plus a
    finding for every suppression entry that suppressed nothing."""
    ignored = {
        (ref.question.id, name): ref
        for ref in bank.questions()
        if ref.question.lint is not None
        for name in ref.question.lint.ignore
        if switchable(name) and name != UNUSED
    }
    kept = [found for found in diagnostics if (found.question, found.rule) not in ignored]
    used = {(found.question, found.rule) for found in diagnostics} & set(ignored)
    unused = [
        ref.diagnostic(UNUSED, UnusedSuppression.severity, ("lint", "ignore", index), *problem)
        for ref in bank.questions()
        for index, problem in _problems(ref, used, config, bank.manifest.language)
    ]
    return kept + config.apply(unused)


def _problems(
    ref: QuestionRef, used: set[tuple[str | None, str]], config: Config, language: str
) -> Iterator[tuple[int, tuple[str, str]]]:
    """(index in ``lint.ignore``, (message, hint)) for each entry that suppressed nothing."""
    if ref.question.lint is None:
        return
    question = ref.question.id
    seen: set[str] = set()
    for index, name in enumerate(ref.question.lint.ignore):
        if name in seen:
            yield index, (f"'{name}' is listed twice", "list each rule once")
        elif name not in RULES:
            message, hint = unknown_rule(name)
            yield index, (f"the suppression names an {message}", hint)
        elif not switchable(name) or name == UNUSED:
            yield (
                index,
                (
                    f"'{name}' cannot be suppressed",
                    "it is reported before any question is read: fix the file instead"
                    if name != UNUSED
                    else "remove the unused entries instead",
                ),
            )
        elif not config.enabled(name):
            yield index, (f"'{name}' is not enabled", "remove it from lint.ignore")
        elif not RULES[name].applies_to(language):
            yield (
                index,
                (
                    f"'{name}' does not run on this bank: it reads "
                    f"{language_names(RULES[name].languages or ())} wording, and the bank's "
                    f"language is '{language}'",
                    "remove it from lint.ignore",
                ),
            )
        elif not RULES[name].on_questions:
            yield (
                index,
                (
                    f"'{name}' reports on sections or the bank, not on questions: it cannot "
                    "be suppressed in a question",
                    "remove it from lint.ignore; per-file-ignores in [tool.exambank] turns "
                    "it off for a file",
                ),
            )
        elif (question, name) not in used:
            yield (
                index,
                (
                    f"'{name}' reports nothing for question {question}",
                    "remove it from lint.ignore"
                    if len(ref.question.lint.ignore) > 1
                    else "remove the lint: entry",
                ),
            )
        seen.add(name)
