"""The bank's order in the statistics report: runs of one key letter, and how often a key
repeats the letter of the question before it."""

from __future__ import annotations

from dataclasses import dataclass

from exambank.stats_words import NOTABLE, RARE, expected_count, how_often, noun, verdict_of


@dataclass
class AnswerRun:
    letter: str
    length: int
    first: str  # question ids
    last: str


@dataclass
class KeyRepeats:
    """How often the key repeats the letter of the question before it, in bank order,
    against random keys; as ``answer-alternation`` tests it."""

    pairs: int  # pairs of consecutive single-answer questions
    repeats: int
    expected: float
    fewer_p: float  # P(so few repeats or fewer): the key changes letter too often
    more_p: float  # P(so many or more)
    min_questions: int  # answer-alternation's: fewer pairs, and it does not test
    rule_threshold: float  # answer-alternation reports ``fewer_p`` below it

    def sentences(self) -> list[str]:
        """The count against chance, then the test in words."""
        if not self.pairs:
            return []
        said = (
            f"the key repeats the letter of the question before it in {self.repeats} of "
            f"{self.pairs} {noun(self.pairs, 'pair')}; random keys repeat it about "
            f"{expected_count(self.expected)} times"
        )
        if self.pairs < self.min_questions:
            tests = f"answer-alternation tests from {self.min_questions}"
            return [said, f"too few pairs to test; {tests}"]
        if self.repeats < self.expected:
            verdict = verdict_of(
                self.fewer_p,
                self.rule_threshold,
                "a key that changes letter this often",
                "shuffle rather than reletter by hand",
                "answer-alternation",
            )
            return [said, f"for so few, p = {self.fewer_p:.2g}: {verdict}"]
        # So many repeats make the runs answer-run reports one by one; no rule tests them.
        if self.more_p < RARE:
            verdict = "this almost never happens by chance, and makes runs of one letter"
        elif self.more_p < NOTABLE:
            verdict = f"chance gives this about once in {1 / self.more_p:.0f} banks"
        else:
            verdict = "nothing unusual"
        return [said, f"for so many, p = {self.more_p:.2g}: {verdict}"]


@dataclass
class AnswerRuns:
    """The runs of one key letter in bank order that ``answer-run`` reports."""

    min_run: int  # answer-run's
    runs: list[AnswerRun]
    # P(a run at least as long as the longest) with keys drawn at random, each question's
    # among its own options, in this bank's order; None: no run
    longest_chance: float | None = None
    repeats: KeyRepeats | None = None  # None: no single-answer question

    def describe(self) -> str:
        """ "answer runs (4 or more in a row): 7 runs, longest 11 (B); a run of 11 or
        more happens in about 1 in 25,000 random banks this size" """
        said = f"answer runs ({self.min_run} or more in a row): "
        if not self.runs:
            return said + "none"
        longest = max(self.runs, key=lambda run: run.length)  # the first, if several
        runs = "1 run" if len(self.runs) == 1 else f"{len(self.runs)} runs"
        said += f"{runs}, longest {longest.length} ({longest.letter})"
        if self.longest_chance is None:
            return said
        return (
            f"{said}; a run of {longest.length} or more happens in "
            f"{how_often(self.longest_chance)} random banks this size"
        )
