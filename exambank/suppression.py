"""Per-question suppressions: ``lint: {ignore: [rule, ...], reason: "..."}`` in a bank file.

A suppression drops the findings of the listed rules for its own question only, and is
reported (``unused-suppression``) wherever it names something it cannot drop. A rule the
project lists in ``unsuppressible`` is never dropped: naming it is a ``forbidden-suppression``
error, and its findings stay, so that content and its suppression, added together in one
pull request, cannot pass the lint gate. The entries that did drop findings are kept too,
with the findings they dropped, for the reports to show: the job summary lists the entries
(``--format github``), ``sarif`` the findings as suppressed results.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import Bank, QuestionRef
from exambank.config import ALL, Config, switchable, unknown_rule
from exambank.diagnostics import Diagnostic, Suppressed
from exambank.model import LANGUAGE_PATTERN
from exambank.rules import RULES, BankRule, LoadRule, unread_files
from exambank.rules.base import language_names
from exambank.rules.suppression import ABOUT_SUPPRESSIONS, ForbiddenSuppression, UnusedSuppression

UNUSED = UnusedSuppression.name
FORBIDDEN = ForbiddenSuppression.name


def apply_suppressions(
    bank: Bank, diagnostics: list[Diagnostic], config: Config
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """``diagnostics`` (one bank's, already configured) less the suppressed ones, plus a
    finding for every suppression entry that suppressed nothing or names a rule the
    project does not let a bank suppress; and the entries that suppressed findings, in
    bank order."""
    ignored: dict[tuple[str | None, str], tuple[QuestionRef, int, str]] = {}
    for ref in bank.questions():
        if ref.question.lint is None:
            continue
        for index, name in enumerate(ref.question.lint.ignore):
            if _may_suppress(name, config):
                entry = (ref, index, ref.question.lint.reason)
                ignored.setdefault((ref.question.id, name), entry)
    kept = []
    dropped: dict[tuple[str | None, str], list[Diagnostic]] = {}
    for found in diagnostics:
        if (found.question, found.rule) in ignored:
            dropped.setdefault((found.question, found.rule), []).append(found)
        else:
            kept.append(found)
    # A rule that reads the whole bank saw part of it only while a file of the bank could
    # not be read: a finding it dropped may be in what it did not see (as the baseline
    # keeps such a rule's entries then), so its suppressions are not called unused.
    in_part = not bank.made_of.isdisjoint(unread_files(diagnostics))
    about_suppressions = [
        ref.diagnostic(rule, RULES[rule].severity, ("lint", "ignore", index), message, hint)
        for ref in bank.questions()
        for index, rule, message, hint in _problems(
            ref, set(dropped), config, bank.manifest.language, in_part
        )
    ]
    suppressed: list[Suppressed] = []
    for (question, rule), (ref, index, reason) in ignored.items():
        if (question, rule) in dropped:
            findings = tuple(dropped[question, rule])
            line, column = ref.where("lint", "ignore", index)
            where, question_id, count = ref.source.display, ref.question.id, len(findings)
            suppressed.append(
                Suppressed(where, line, column, question_id, rule, count, reason, findings)
            )
    return kept + config.apply(about_suppressions), suppressed


def _may_suppress(name: str, config: Config) -> bool:
    return switchable(name) and name not in ABOUT_SUPPRESSIONS and name not in config.unsuppressible


def _problems(
    ref: QuestionRef,
    used: set[tuple[str | None, str]],
    config: Config,
    language: str,
    in_part: bool,
) -> Iterator[tuple[int, str, str, str]]:
    """(index in ``lint.ignore``, rule, message, hint) for each entry that suppressed
    nothing (``unused-suppression``) or names a rule the project lists in
    ``unsuppressible`` (``forbidden-suppression``); ``in_part``: whether the rules that
    read the whole bank saw part of it only, whose entries are then not judged."""
    if ref.question.lint is None:
        return
    question = ref.question.id
    names = ref.question.lint.ignore
    remove = "remove it from lint.ignore" if len(names) > 1 else "remove the lint: entry"
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name in seen:
            yield index, UNUSED, f"'{name}' is listed twice", "list each rule once"
        elif name.upper() == ALL:  # every rule, elsewhere: not in a question
            message = f"the suppression names '{name}': a question cannot suppress every rule"
            yield index, UNUSED, message, _ALL_HINT
        elif name not in RULES:
            message, hint = unknown_rule(name)
            yield index, UNUSED, f"the suppression names an {message}", hint
        elif not switchable(name) or name in ABOUT_SUPPRESSIONS:
            yield index, UNUSED, f"'{name}' cannot be suppressed", _cannot_hint(name)
        elif name in config.unsuppressible:  # whether enabled or not: the entry is the fault
            yield (
                index,
                FORBIDDEN,
                f"the project forbids suppressing '{name}' (unsuppressible in "
                "[tool.exambank]), so its findings here are reported all the same",
                f"{remove} and mend what {name} reports; only a maintainer can take it out "
                "of unsuppressible in pyproject.toml",
            )
        elif not config.enabled(name):
            yield index, UNUSED, f"'{name}' is not enabled", "remove it from lint.ignore"
        elif name in config.ignored_in_file(ref.source.display):
            yield index, UNUSED, f"'{name}' is not enabled for this file (per-file-ignores)", remove
        elif not RULES[name].applies_to(language):
            if re.fullmatch(LANGUAGE_PATTERN, language):  # else no tag yet: maybe the rule's
                yield (
                    index,
                    UNUSED,
                    f"'{name}' does not run on this bank: it reads "
                    f"{language_names(RULES[name].languages or ())} wording, and the bank's "
                    f"language is '{language}'",
                    "remove it from lint.ignore",
                )
        elif not RULES[name].on_questions:
            yield (
                index,
                UNUSED,
                f"'{name}' reports on sections or the bank, not on questions: it cannot "
                "be suppressed in a question",
                "remove it from lint.ignore; per-file-ignores in [tool.exambank] turns "
                "it off for a file",
            )
        elif (question, name) not in used and not (in_part and issubclass(RULES[name], BankRule)):
            yield index, UNUSED, f"'{name}' reports nothing for question {question}", remove
        seen.add(name)


_ALL_HINT = (
    f"a question's lint: ignore names its rules one by one, as in 'lint: {{ignore: "
    f"[all-of-the-above, answer-run], reason: ...}}'; {ALL} (every rule) is for the command "
    "line and the rule lists of [tool.exambank], such as select"
)


def _cannot_hint(name: str) -> str:
    """How to mend an entry naming a rule no suppression can switch off."""
    if name == UNUSED:
        return "remove the unused entries instead"
    if name == FORBIDDEN:
        return "remove the forbidden entries instead"
    if issubclass(RULES[name], LoadRule):
        return "it is reported before any question is read: fix the file instead"
    return "it cannot be switched off: fix what it reports instead"
