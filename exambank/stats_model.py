"""What ``exambank stats`` reports about a bank, as plain data: the text and HTML
reports print it, ``--format json`` dumps it (``BankStats.as_dict``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from exambank.stats_keys import KeyLetters
from exambank.stats_lengths import LongestKey
from exambank.stats_order import AnswerRuns
from exambank.stats_words import noun, percent

# Of the JSON report; bumped on any change a consumer must follow. 2: sections' and
# questions' findings leave out those about the bank's order (answer runs), reported in
# ``answer_runs``; the key tests give their statistic, effect and pooled letters. 3: the
# letters' ``test`` ("exact" up to 30 questions, else "chi-square"), what a random key's
# commonest letter scores (``commonest_chance_score``), and the chance of a run as long
# as the longest (``answer_runs.longest_chance``). 4: how often the key repeats the letter
# of the question before it (``answer_runs.repeats``); ``longest_key`` counts an option as
# the longest (shortest) only by a visible margin (``margin_characters``, ``margin_share``),
# tests the key as the longest and as the shortest (``longest``, ``shortest``: keys,
# questions, chance, p_value), and counts the keys that tie for longest (``ties``);
# ``left_out`` is the true/false questions; the letters are tested within each option
# count (``keys.strata``), the true/false questions apart, and the letters' ``p_value``,
# ``test``, ``chi_square`` and ``degrees`` are the strata's summed, ``pooled`` the one
# stratum's. 5: the true/false questions' keys are counted by letter too (``first_keys``:
# keyed their first option, ``true_first``: listing the true value first,
# ``true_false_letters``: those options' letters), and ``true_false_p_value`` tests the
# value and the letter at once (where the order never varies, the same p-value as in 4).
# 6: ``sections`` lists the files in ``unread`` too, with a null ``title`` and
# ``questions`` and their findings; ``keys.unanswered`` counts the single-answer questions
# whose answer is not set yet, which the letters leave out. 7: ``baseline``: the baseline
# [tool.exambank] names (``path``) and how many of the findings counted it holds
# (``findings``, ``errors``, ``warnings``), which lint hides; null where none is named.
# 8: each section's ``questions_with_findings``, null where its file was not read, so
# sections of different sizes compare.
SCHEMA_VERSION = 8


@dataclass
class SectionStats:
    """A section the manifest lists; one whose file lint could not read (``unread``) has
    no title and no count of questions (None), but its findings all the same."""

    id: str
    title: str | None
    path: str
    questions: int | None
    findings: dict[str, int] = field(default_factory=dict)  # rule -> count
    # Of its questions, those with one finding or more; None where it was not read.
    questions_with_findings: int | None = None

    @property
    def total_findings(self) -> int:
        return sum(self.findings.values())

    def flagged_share(self) -> str | None:
        """Its questions with findings as a share of its questions ("21%"); None where it
        has no finding, or was not read."""
        if not self.total_findings or not self.questions or self.questions_with_findings is None:
            return None
        return percent(self.questions_with_findings, self.questions)


@dataclass
class UnreadFile:
    """A section file the manifest lists that lint could not read into the bank."""

    path: str  # as lint prints it
    file: str  # its name in the bank folder
    rule: str | None  # the finding that kept it out, None if configured away
    line: int | None
    column: int | None

    def describe(self) -> str:
        return f"could not be read{self.why()}, its questions are not counted"

    def why(self) -> str:
        """ " (yaml-syntax at 52:11)", or "" where the finding is configured away."""
        return f" ({self.rule} at {self.line}:{self.column})" if self.rule else ""


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
class BaselineHeld:
    """How many of a bank's findings the configured baseline holds: lint hides them, and
    stats counts them all the same (they are flaws still to fix)."""

    path: str  # as lint names it
    findings: int
    errors: int
    warnings: int

    def sentence(self, counted: int) -> str | None:
        """What to say of them, out of the ``counted`` findings; None if it holds none."""
        if not self.findings:
            return None
        if self.findings == counted:
            held = "this finding" if counted == 1 else f"all {counted} of these findings"
        else:
            held = f"{self.findings} of these findings"
        return f"the baseline {self.path} holds {held}, which lint hides"


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
    answer_runs: AnswerRuns
    # Rule -> count, over the whole bank; the sections' and questions' counts leave out
    # the rules about the bank's order (answer runs: a run is no question's flaw).
    findings: dict[str, int]
    errors: int
    warnings: int
    questions_with_findings: int
    worst: list[QuestionFindings]  # the first of them, most findings first
    # Which rules did not run, as they read wording in another language; None: all ran.
    not_run: str | None = None
    # What of the findings the configured baseline holds; None: no baseline is named.
    baseline: BaselineHeld | None = None

    def baseline_sentence(self) -> str | None:
        """That the baseline holds some of the findings counted, which lint hides."""
        return (
            None if self.baseline is None else self.baseline.sentence(self.errors + self.warnings)
        )

    def not_read(self, section: SectionStats) -> str | None:
        """ "not read (yaml-syntax at 52:11)" for a section whose file lint could not read;
        None for one it read."""
        if section.questions is not None:
            return None
        why = next((file.why() for file in self.unread if file.path == section.path), "")
        return f"not read{why}"

    def untested_keys(self) -> str | None:
        """That the keys of the multiple-answer questions go untested, if there are any:
        the letter tests count one key per question."""
        multiple = self.types.get("multiple", 0)
        if not multiple:
            return None
        keys, are = ("key", "is") if multiple == 1 else ("keys", "are")
        return (
            f"the {keys} of the {multiple} multiple-answer {noun(multiple, 'question')} {are} "
            "not tested (answer-key-balance counts the letters of single-answer keys)"
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for section, stats in zip(data["sections"], self.sections, strict=True):
            section["total_findings"] = stats.total_findings
        for question, flagged in zip(data["worst"], self.worst, strict=True):
            question["total_findings"] = flagged.total_findings
        return {"schema_version": SCHEMA_VERSION, **data}
