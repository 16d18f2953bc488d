"""Suppressions written in a bank file that no longer suppress anything."""

from __future__ import annotations

from exambank.rules.base import Rule


class UnusedSuppression(Rule):
    """A question's `lint: {ignore: [...]}` names a rule that reports nothing there.

    A question may switch rules off for itself with `lint: {ignore: [rule, ...],
    reason: "..."}`; the reason is required. Once the question is rewritten the
    suppression is dead weight that would hide the next real problem, so each listed rule
    that suppressed nothing is reported, as is a name that is no rule (with a
    did-you-mean), a rule that is not enabled, and a rule that cannot be suppressed: the
    problems found while reading a file (yaml-syntax, encoding, duplicate-key, schema)
    come before any question exists. Checked by the lint engine after every other rule.

    Bad:
        lint: {ignore: [answer-count], reason: "the stem quotes 'select two' from the guide"}

    Good:
        stem: The guide says "Select TWO" here. Which service trains models?
        lint: {ignore: [answer-count], reason: "the stem quotes 'select two' from the guide"}
    """

    name = "unused-suppression"
    severity = "warning"
