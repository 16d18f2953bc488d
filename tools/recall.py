"""Measure how many flawed items each item-writing rule catches (docs/recall.md).

    python tools/recall.py [FOLDER]

lints every bank under FOLDER (default: tests/fixtures/recall) with every rule on and
``longest-option-key``'s ``per_question`` check too, and prints, per rule, the flawed items
it caught and the clean items it flagged. Items are labelled by id, written before any
measurement and independently of the rules' code:

- a question ``<rule>-flaw-<n>`` shows the flaw ``<rule>`` documents, one ``<rule>-clean-<n>``
  looks like it but has no such flaw; a finding of ``<rule>`` on that question catches or
  flags it, a finding of another rule counts for neither (it is listed apart);
- a bank whose id is ``<rule>-flaw-<n>`` (or ``-clean-``) is one item for a rule that reports
  on the bank as a whole (the answer key, the sections): a finding of ``<rule>`` in that bank
  that names no question catches or flags it.

Ids are slugs, so a label has one hyphen where a reader might expect two. Exit status 1 when
a fixture bank has an error or a label names no rule.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exambank.bank import Bank
from exambank.config import Config, every_rule
from exambank.diagnostics import Diagnostic
from exambank.errors import UsageError
from exambank.lint import lint
from exambank.rules import RULES

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "recall"
LABEL = re.compile(r"^(?P<rule>[a-z0-9-]+?)-(?P<kind>flaw|clean)-(?P<number>[0-9]+)$")
QUESTION, BANK = "question", "bank"


@dataclass(frozen=True, order=True)
class Item:
    """One labelled question (``scope`` QUESTION) or bank (BANK) of the set."""

    rule: str
    scope: str
    kind: str  # "flaw" or "clean"
    number: int  # the label's, so that flaw-2 sorts before flaw-10
    bank: str
    label: str  # the question's id, or the bank's


@dataclass(frozen=True)
class Finding:
    """What of a diagnostic matters here: its bank, rule and question (None: the bank's)."""

    bank: str
    rule: str
    question: str | None


@dataclass
class Row:
    """A rule's figures in one scope, with the labels behind them."""

    rule: str
    scope: str
    caught: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)

    @property
    def flawed(self) -> int:
        return len(self.caught) + len(self.missed)

    @property
    def clean(self) -> int:
        return len(self.flagged) + len(self.passed)

    @property
    def name(self) -> str:
        return self.rule if self.scope == QUESTION else f"{self.rule} (bank)"


@dataclass
class Measurement:
    rows: list[Row]
    errors: list[Diagnostic]
    unknown_labels: list[str]  # labels whose rule part names no rule
    others: Counter[str]  # other rules' findings on labelled questions, by rule


def parse_label(text: str) -> tuple[str, str, int] | None:
    """The rule, kind and number a label names, or None when ``text`` is no label."""
    match = LABEL.match(text)
    return (match["rule"], match["kind"], int(match["number"])) if match else None


def labelled_items(banks: Iterable[Bank]) -> tuple[list[Item], list[str]]:
    """Every labelled bank and question, and the labels whose rule does not exist."""
    items: list[Item] = []
    unknown: list[str] = []
    for bank in banks:
        candidates = [(BANK, bank.id)] + [(QUESTION, ref.question.id) for ref in bank.questions()]
        for scope, label in candidates:
            parsed = parse_label(label)
            if parsed is None:
                continue
            rule, kind, number = parsed
            if rule not in RULES:
                unknown.append(f"{bank.id}: {label}")
                continue
            items.append(Item(rule, scope, kind, number, bank.id, label))
    return sorted(items), sorted(unknown)


def tally(items: Iterable[Item], findings: Iterable[Finding]) -> list[Row]:
    """Each rule's caught and missed flaws and flagged and passed clean items."""
    reported = set(findings)
    rows: dict[tuple[str, str], Row] = {}
    for item in sorted(items):
        row = rows.setdefault((item.rule, item.scope), Row(item.rule, item.scope))
        question = item.label if item.scope == QUESTION else None
        hit = Finding(item.bank, item.rule, question) in reported
        if item.kind == "flaw":
            (row.caught if hit else row.missed).append(item.label)
        else:
            (row.flagged if hit else row.passed).append(item.label)
    return [rows[key] for key in sorted(rows)]


def other_rules(items: Iterable[Item], findings: Iterable[Finding]) -> Counter[str]:
    """Findings of rules other than its own on a labelled question: recorded, not counted."""
    own = {(item.bank, item.label): item.rule for item in items if item.scope == QUESTION}
    return Counter(
        found.rule
        for found in findings
        if found.question is not None
        and own.get((found.bank, found.question), found.rule) != found.rule
    )


def config_for(folder: Path) -> Config:
    """Every rule, with the per-question check of ``longest-option-key`` too."""
    return Config(
        select=set(every_rule(turning_off=False)),
        rule_options={"longest-option-key": {"per_question": True}},
        root=folder,
    )


def measure(folder: Path = FIXTURES) -> Measurement:
    result = lint([folder], config_for(folder))
    bank_at = {bank.root.resolve(): bank.id for bank in result.banks}
    findings = [
        Finding(bank_at[Path(found.path).resolve().parent], found.rule, found.question)
        for found in result.diagnostics
        if Path(found.path).resolve().parent in bank_at
    ]
    items, unknown = labelled_items(result.banks)
    errors = [found for found in result.diagnostics if found.severity == "error"]
    return Measurement(tally(items, findings), errors, unknown, other_rules(items, findings))


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "-"


def report(measurement: Measurement) -> str:
    """The table, the totals and the labels behind every miss and false alarm."""
    rows = measurement.rows
    width = max([len(row.name) for row in rows] + [len("total")])
    lines = [f"{'rule':<{width}}  {'flaws caught':>12}  {'clean flagged':>13}"]
    for row in rows:
        caught, flagged = _share(len(row.caught), row.flawed), _share(len(row.flagged), row.clean)
        lines.append(f"{row.name:<{width}}  {caught:>12}  {flagged:>13}")
    caught = _share(sum(len(row.caught) for row in rows), sum(row.flawed for row in rows))
    flagged = _share(sum(len(row.flagged) for row in rows), sum(row.clean for row in rows))
    lines.append(f"{'total':<{width}}  {caught:>12}  {flagged:>13}")
    for title, by_rule in (
        ("missed", [(row.name, row.missed) for row in rows]),
        ("clean but flagged", [(row.name, row.flagged) for row in rows]),
    ):
        listed = [f"  {name}: {', '.join(labels)}" for name, labels in by_rule if labels]
        if listed:
            lines += ["", f"{title}:", *listed]
    if measurement.others:
        counts = ", ".join(f"{rule} {n}" for rule, n in sorted(measurement.others.items()))
        lines += ["", f"other rules on labelled questions (not counted): {counts}"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/recall.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folder", nargs="?", type=Path, default=FIXTURES, help="a folder of labelled banks"
    )
    folder = parser.parse_args(argv).folder
    if not folder.is_dir():
        parser.error(f"{folder}: not a folder (give a folder of labelled banks)")
    try:
        measurement = measure(folder)
    except UsageError as error:  # a folder that holds no bank
        parser.error(str(error))
    print(report(measurement))
    for found in measurement.errors:
        print(f"error: {found.path}:{found.line}: {found.rule} {found.message}", file=sys.stderr)
    for label in measurement.unknown_labels:
        print(f"error: label names no rule: {label}", file=sys.stderr)
    return 1 if measurement.errors or measurement.unknown_labels else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
