"""What ``exambank stats`` reports about a bank, as plain data: the text and HTML
reports print it, ``--format json`` dumps it (``BankStats.as_dict``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1  # of the JSON report; bumped on any change a consumer must follow


@dataclass
class SectionStats:
    id: str
    title: str
    path: str
    questions: int
    findings: dict[str, int] = field(default_factory=dict)  # rule -> count

    @property
    def total_findings(self) -> int:
        return sum(self.findings.values())


@dataclass
class UnreadFile:
    """A section file the manifest lists that lint could not read into the bank."""

    path: str  # as lint prints it
    file: str  # its name in the bank folder
    rule: str | None  # the finding that kept it out, None if configured away
    line: int | None
    column: int | None

    def describe(self) -> str:
        why = f" ({self.rule} at {self.line}:{self.column})" if self.rule else ""
        return f"could not be read{why}, its questions are not counted"


@dataclass
class QuestionFindings:
    id: str
    section: str
    path: str
    file: str  # its name in the bank folder
    line: int
    rules: dict[str, int]  # rule -> findings, by rule name

    @property
    def total_findings(self) -> int:
        return sum(self.rules.values())


@dataclass
class KeyLetters:
    """The key letters of the single-answer questions, against an even spread."""

    observed: dict[str, int]
    expected: dict[str, float]
    questions: int
    min_questions: int  # answer-key-balance's: fewer, and nothing is tested
    rule_threshold: float  # answer-key-balance reports p-values below it
    p_value: float | None  # chi-square goodness of fit


@dataclass
class LongestKey:
    """How often the key is strictly the longest option, against chance (1 in k)."""

    longest: int
    questions: int
    chance: float  # expected count
    min_questions: int  # longest-option-key's: fewer, and nothing is tested
    rule_threshold: float  # longest-option-key reports p-values below it
    p_value: float | None  # one-sided binomial


@dataclass
class BankStats:
    id: str
    title: str
    language: str  # the manifest's BCP 47 tag, which the titles are written in
    questions: int
    sections: list[SectionStats]
    unread: list[UnreadFile]
    types: dict[str, int]
    difficulties: dict[str, int]
    keys: KeyLetters
    longest_key: LongestKey
    findings: dict[str, int]  # rule -> count, over the whole bank
    errors: int
    warnings: int
    questions_with_findings: int
    worst: list[QuestionFindings]  # the first of them, most findings first
    # Which rules did not run, as they read wording in another language; None: all ran.
    not_run: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for section, stats in zip(data["sections"], self.sections, strict=True):
            section["total_findings"] = stats.total_findings
        for question, flagged in zip(data["worst"], self.worst, strict=True):
            question["total_findings"] = flagged.total_findings
        return {"schema_version": SCHEMA_VERSION, **data}
