"""How often the key repeats the letter of the question before it, in bank order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.significance import poisson_binomial_tail


@dataclass(frozen=True)
class KeyRepeats:
    """How often a single-answer question's key is the letter of the question just before
    it (also single-answer, in bank order), against keys drawn at random: a pair of
    questions lettered A-D repeats with chance 1/4, one lettered A-D after one lettered A-E
    with 4/20 (the letters they share, over the ways both could be keyed). With the same
    letters throughout, whether each key repeats the one before is a trial of its own (the
    step from one key to the next is as random as the keys), so the count of repeats is
    binomial and the test exact; where the letters differ, the trials are taken as
    independent (Poisson-binomial), which is not quite so."""

    chances: tuple[float, ...]  # a repeat's, for each pair of consecutive questions
    repeats: int

    @property
    def pairs(self) -> int:
        """Pairs of consecutive single-answer questions that could repeat."""
        return len(self.chances)

    @property
    def expected(self) -> float:
        return sum(self.chances)

    @property
    def fewer_p(self) -> float:
        """P(this few repeats or fewer): the key changes letter too often. It is
        P(pairs - X >= pairs - repeats), the tail of the changes of letter."""
        return poisson_binomial_tail(
            [1 - chance for chance in self.chances], self.pairs - self.repeats
        )

    @property
    def more_p(self) -> float:
        """P(this many repeats or more): runs, as ``answer-run`` sees them one by one."""
        return poisson_binomial_tail(self.chances, self.repeats)


def key_repeats(bank: Bank) -> KeyRepeats:
    """The bank's ``KeyRepeats``, in bank order as a handout prints it."""
    chances: list[float] = []
    repeats = 0
    before: tuple[str, str] | None = None  # the question before: (its letters, its key)
    for ref in bank.questions_in_a_row():
        answers = () if ref is None else ref.question.answer_letters
        if ref is None or len(answers) != 1:
            # not single-answer, or questions lint could not read between: no pair
            before = None
            continue
        letters = "".join(ref.question.options)
        if before is not None:
            shared = len(letters) if before[0] == letters else len(set(before[0]) & set(letters))
            if shared:  # questions with no letter in common cannot repeat: no trial
                chances.append(shared / (len(before[0]) * len(letters)))
                repeats += answers[0] == before[1]
        before = (letters, answers[0])
    return KeyRepeats(tuple(chances), repeats)


class AnswerAlternation(BankRule):
    """The key changes letter from one question to the next far more often than chance.

    A writer who reletters options by hand to avoid runs of one letter, or to balance
    the letters, makes a key that seldom repeats the letter of the question before it;
    candidates learn that too ("it was B last time, so not B") and score above their
    knowledge (Bar-Hillel & Attali 2002, "Seek whence: answer sequences and their
    consequences in key-balanced multiple-choice tests", The American Statistician
    56(4)). Heuristic: in bank order (across sections, as a handout prints them), counts
    the pairs of consecutive single-answer questions whose keys are the same letter (a
    question lint cannot read, one that failed the schema, makes no pair with either
    neighbour, as in ``answer-run``), against keys drawn at random: with four options a
    key repeats the one before a quarter of the time. The test is one-sided and exact
    where every question has the same letters (the repeats are then binomial); with
    letters that differ, it takes the pairs as independent trials, which they nearly
    are. Reported on the manifest when the chance of so few repeats is below ``p_value``
    and there are at least ``min_questions`` such pairs. Too many repeats are runs,
    which ``answer-run`` reports where they are. Known false positives: banks that are
    always shuffled before use (the order never reaches a candidate), and question pools
    published in an order no exam keeps. Source: Haladyna, Downing & Rodriguez (2002),
    guideline 20 (vary the location of the right answer, about equally, at random).

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 20).

    Bad:
        keys B, D, A, C, B, A, D, C, A, B ...: 43 repeats in 600 pairs, where random keys
        repeat about 150 times

    Good:
        keys drawn at random (``exambank build --shuffle SEED``), repeats and all
    """

    name = "answer-alternation"
    severity = "warning"
    options: ClassVar[dict[str, Any]] = {"p_value": 0.001, "min_questions": 20}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        repeats = key_repeats(bank)
        if repeats.pairs < options["min_questions"] or repeats.fewer_p >= options["p_value"]:
            return
        yield self.report(
            bank.manifest_source,
            ("sections",),
            f"the key changes letter too often: it repeats the letter of the question "
            f"before it {repeats.repeats} times in {repeats.pairs} pairs of questions, where "
            f"random keys repeat it about {repeats.expected:.0f} times "
            f"(p = {repeats.fewer_p:.1e})",
            "hand out shuffled editions (exambank build --shuffle SEED), or reletter at "
            "random rather than by hand",
        )
