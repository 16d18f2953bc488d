"""Suppressions written in a bank file that no longer suppress anything."""

from __future__ import annotations

from exambank.rules.base import Rule


class UnusedSuppression(Rule):
    """A question's `lint: {ignore: [...]}` names a rule that reports nothing there.

    A question may switch rules off for itself with `lint: {ignore: [rule, ...],
    reason: "..."}`; the reason is required. Once the question is rewritten the
    suppression is dead weight that would hide the next real problem, so each listed rule
    that suppressed nothing is reported, as is a name that is no rule (with a
    did-you-mean), a rule that is not enabled (in the project, or for the question's file
    by `per-file-ignores`), and a rule that cannot be suppressed: the problems found while
    reading a file (yaml-syntax, encoding, duplicate-key, schema) come before any
    question exists. Checked by the lint engine after every other rule. While a file of
    the bank cannot be read (a merge conflict left in it), a rule that reads the whole
    bank (answer-run, near-duplicate ...) sees part of it only: its suppressions are not
    reported then, as the baseline keeps its entries. A baseline takes none of these
    findings in (`lint --write-baseline` and `--prune-baseline` leave them out): accepted,
    a stale suppression would drop its rule's findings again if they came back.

    Bad:
        lint: {ignore: [answer-count], reason: "the stem quotes 'select two' from the guide"}

    Good:
        stem: The guide says "Select TWO" here. Which service trains models?
        lint: {ignore: [answer-count], reason: "the stem quotes 'select two' from the guide"}
    """

    name = "unused-suppression"
    severity = "warning"


class ForbiddenSuppression(Rule):
    """A question's `lint: {ignore: [...]}` names a rule the project does not let a bank suppress.

    `unsuppressible = [...]` in `[tool.exambank]` lists rules that a bank file may not
    switch off: those that keep what the exports carry safe for the tools that import them
    (raw-html, external-resource, missing-resource), where a pull request could otherwise
    add the content and its suppression together and pass the lint gate, `--strict` or
    not. Such an entry suppresses nothing: the rule's findings on the question are still
    reported. This error, at the rule's name in the list, makes the suppression itself
    fail the run, a warning's suppression too. Only the configuration, which a maintainer
    reviews, can take a rule out of `unsuppressible`; `"ALL"` there lets no bank file
    suppress anything.

    Bad:
        lint: {ignore: [raw-html], reason: "the LMS renders it"}   # raw-html is unsuppressible

    Good:
        lint: {ignore: [answer-run], reason: "the guide's own order"}   # answer-run is not
    """

    name = "forbidden-suppression"
    severity = "error"


# The rules that report on suppressions: no suppression can silence them.
ABOUT_SUPPRESSIONS = (UnusedSuppression.name, ForbiddenSuppression.name)
