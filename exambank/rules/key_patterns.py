"""How evenly the keys spread over the letters: a bank-wide pattern a test-wise candidate learns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.rules.letter_spread import (
    StrataSpread,
    said_counts,
    said_pooled,
)
from exambank.rules.truth_keys import TruthSpread


class AnswerKeyBalance(BankRule):
    """The correct letters are far from evenly spread over A, B, C ...

    Counts the key letter of every single-answer question and tests the counts against
    an even spread; a question with k options adds 1/k to the expected count of each of
    its letters. Up to 30 such questions the test is exact: the p-value is the chance that
    keys drawn at random (each question's among its own options) give counts whose
    chi-square statistic is at least the bank's, summed over every way they could fall, as
    the chi-square distribution is a poor guide where letters expect fewer than five keys.
    Above 30 (and for a bank whose options skip a letter, or mix so many option counts that
    the sum would take long), a chi-square goodness-of-fit test: letters that expect less
    than one key (the E of a few questions with five options) are pooled with their
    neighbours until each group expects one, as chi-square is no guide below that (half of
    Cochran's rule; its other half, few letters below five, is why small banks get the
    exact sum). Where the questions have different numbers of options, the letters are
    tested within each option count (the questions with three options, those with four
    ...), as a letter never the key among the four-option questions would otherwise pass
    when the five-option ones key it often: the option counts' chi-square statistics, and
    their degrees of freedom, are summed, and the sum tested as above (exactly up to 30
    questions in all). An option count too small to test (the one question with five
    options: its letters pool into one group) adds nothing, rather than weighing as much as
    the rest, as it would in Fisher's or Bonferroni's combination of p-values. Simulated
    over random keys, the sum reports at its nominal rate or below (docs/rule-precision.md).
    A bank of questions with one number of options, as most are, gets the one test.
    Reported on the manifest when the p-value is below ``p_value`` and the bank has at least
    ``min_questions`` questions whose letters are tested, naming the most over-used letter
    and by how much (in the option count whose own test is the most uneven, named where
    there are several), the test, and any pooled letters. Candidates learn such a bias
    quickly ("when in doubt, pick B"). ``min_questions`` is 8 as, below it, a four- or
    five-option bank can reach p < 0.001 only when every key is the same letter, a run
    ``answer-run`` reports; it keeps a looser ``p_value`` from judging quizzes of a handful
    of questions. The true/false questions (as ``true-false-options`` reads them: "True" /
    "False", "Yes, it does" / "No, it does not", "Valid" / "Invalid") are tested apart, by
    the value of their key and by its letter: how often the key is the true value, and how
    often it is A, against half. A writer who states facts keys "True" far more often,
    which a letter count cannot see ("A: True" and "A: False" are both A); a writer who
    lists the key first keys A throughout, which a count of values cannot see where "True"
    comes first in some questions and last in others, though always answering A scores
    every one. The two are one exact test, reported as above when there are at least
    ``min_questions`` true/false questions: its statistic is how far the further of the two
    counts is from half (what the best of always true, always false, always A and always B
    gets right beyond half), its p-value the chance random keys go as far, so testing the
    letter as well keeps the false alarms at ``p_value``. Where every question lists its
    values in one order, the letter is the value and the test is the exact two-sided
    binomial test of the values, reported once (p < 0.001 takes at least 11 questions,
    every key the same value); where the order varies, a lean of the values alone gets a
    p-value up to twice the binomial's (a key that is always the same value, or letter,
    reports from 12 questions). The finding names the count further from half, the value
    on a tie ("the key is A in 24 of 24 true/false questions, whatever the order of their
    values"). Two options that are no truth values ("Increase" / "Decrease") are letters
    like any others, tested as the two-option questions. Measured on constructed banks
    only: the real banks hold 12 true/false questions, too few to report. Known false
    negatives: a bank of fewer than ``min_questions`` is not tested, however one-sided.
    Known false positives: a bank delivered with its options shuffled (by a learning
    system that reorders them) shows candidates no letter to learn, true/false or other.

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 8).

    Bad:
        40 of 55 answers are B

    Good:
        answers spread about evenly over A-D (shuffle with ``exambank build --shuffle``
        or reletter the options)
    """

    name = "answer-key-balance"
    severity = "warning"
    options: ClassVar[dict[str, Any]] = {"p_value": 0.001, "min_questions": 8}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        spread = StrataSpread.of(bank.single_answer_questions, bank.single_answer_true_false)
        yield from self._check_truths(bank, spread.truths, options)
        p = spread.p_value
        if spread.questions < options["min_questions"] or p is None or p >= options["p_value"]:
            return
        options_count, stratum = spread.most_uneven()
        observed, expected = stratum.observed, stratum.expected
        letters = list(expected)
        worst = max(letters, key=lambda x: observed[x] - expected[x])
        listed = ", ".join(f"{x} {observed[x]}" for x in letters)
        among = f"among the {options_count}-option questions, " if spread.several else ""
        together = (
            f" for the {said_counts(list(spread.strata))}-option questions together"
            if len(spread.strata) > 1
            else ""
        )
        pooled = f", {said_pooled(stratum.pooled, expected)}" if stratum.pooled else ""
        yield self.report(
            bank.manifest_source,
            ("sections",),
            f"answer key is uneven: {among}{worst} is the key {observed[worst]} times in "
            f"{stratum.questions}, {observed[worst] / expected[worst]:.1f}x its fair share of "
            f"{expected[worst]:.1f} ({listed}; {spread.test} p = {p:.1e}{together}{pooled})",
            "reletter options so each letter is the key about equally often",
        )

    def _check_truths(
        self, bank: Bank, truths: TruthSpread, options: Options
    ) -> Iterator[Diagnostic]:
        if truths.questions < options["min_questions"] or truths.p_value >= options["p_value"]:
            return
        if truths.by_letter:
            letter = truths.leaning_letter
            yield self.report(
                bank.manifest_source,
                ("sections",),
                f"true/false keys are uneven: the key is {letter} in "
                f"{truths.leaning_letter_keys} of {truths.questions} true/false questions, "
                f"whatever the order of their values (true first in {truths.true_first}, "
                f"last in {truths.questions - truths.true_first}; the key is true in "
                f"{truths.true_keys}; exact p = {truths.p_value:.1e})",
                "list the true value first in every true/false question (the key's letter "
                f"then follows its value), or swap the options of about half of those keyed "
                f"{letter}, and their key with them",
            )
            return
        yield self.report(
            bank.manifest_source,
            ("sections",),
            f"true/false keys are uneven: the key is {truths.leaning} in "
            f"{truths.leaning_keys} of {truths.questions} true/false questions "
            f"(exact p = {truths.p_value:.1e})",
            "key about as many statements false as true: negate some, and their key with them",
        )
