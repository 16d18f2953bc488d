"""The key letters' spread in the statistics report: each letter's count against an even
spread, by option count where they differ, and the true/false keys' values."""

from __future__ import annotations

from dataclasses import dataclass

from exambank.rules.letter_spread import said_counts, said_pooled
from exambank.rules.truth_keys import TruthSpread
from exambank.stats_words import noun, verdict_of


@dataclass
class KeyStratum:
    """The key letters of the single-answer questions with one number of options, against
    an even spread, tested alone (answer-key-balance sums the strata's tests)."""

    options: int
    questions: int
    observed: dict[str, int]
    expected: dict[str, float]
    p_value: float | None  # of ``test``; None: its letters pool into one group
    test: str  # "exact" or "chi-square"
    chi_square: float
    degrees: int
    pooled: list[list[str]]

    def describe(self) -> str:
        """ "5-option questions (30): A 15, B 4, C 4, D 3, E 4; exact p = 0.00021" """
        questions = noun(self.questions, "question")
        said = f"{self.options}-option {questions} ({self.questions}): " + ", ".join(
            f"{letter} {count}" for letter, count in self.observed.items()
        )
        if self.pooled:
            said += f", {said_pooled(self.pooled, self.expected)}"
        if self.p_value is None:
            return f"{said}; too few keys to test"
        if self.test == "exact":
            return f"{said}; exact p = {self.p_value:.2g}"
        test = f"chi-square {self.chi_square:.1f}, df {self.degrees}, p = {self.p_value:.2g}"
        return f"{said}; {test}"


@dataclass
class KeyLetters:
    """The key letters of the single-answer questions, against an even spread: tested
    within each option count (``strata``), the true/false questions by value apart."""

    observed: dict[str, int]
    expected: dict[str, float]
    questions: int
    # The single-answer questions whose answer is not set yet (``answer: []``), which
    # ``questions`` leaves out: they have no key letter.
    unanswered: int
    min_questions: int  # answer-key-balance's: fewer, and nothing is tested
    rule_threshold: float  # answer-key-balance reports p-values below it
    p_value: float | None  # of ``test``; None: not tested
    # "exact" (the chance random keys give a chi-square statistic as large, summed over
    # every outcome: up to 30 questions) or "chi-square" (its distribution); None: not tested
    test: str | None
    chi_square: float  # the statistic (the strata's, summed), with ``degrees`` degrees of freedom
    degrees: int
    # letters counted as one, as some expect less than one key; [] with several strata,
    # which list theirs each
    pooled: list[list[str]]
    commonest: str | None  # the letter most often the key (the first, if several)
    commonest_score: float  # the share of the questions always answering it gets right
    # The share a random key's commonest letter keys, on average, for these questions'
    # option counts: what ``commonest_score`` is to be weighed against.
    commonest_chance_score: float
    chance_score: float  # the share a guess at random gets right, on average
    # The true/false questions among them, how many are keyed true and how many their
    # first option (``true_false_letters``: the first and second options' letters, ["A",
    # "B"]), how many list the true value first, and the exact p-value of the further of
    # the two counts from half (where the order never varies, the two-sided binomial
    # test's of the true keys; None: fewer than ``min_questions``, not tested).
    true_false: int
    true_keys: int
    first_keys: int
    true_first: int
    true_false_letters: list[str]
    true_false_p_value: float | None
    # The questions whose letters are tested, by option count (fewest first): one stratum
    # in most banks, whose test is the letters' own.
    strata: list[KeyStratum]

    @property
    def several(self) -> bool:
        """Whether the letters tested are not all the single-answer questions' in one table:
        more than one option count, or true/false questions beside them."""
        return len(self.strata) > 1 or self.true_false > 0

    def sentences(self) -> list[str]:
        """The questions left out as their answer is not set yet, the letters' sentences,
        then the true/false keys' (``_truth_sentence``)."""
        unanswered = self.unanswered_sentence()
        return [
            *([unanswered] if unanswered else []),
            *self._letter_sentences(),
            *self._truth_sentence(),
        ]

    def unanswered_sentence(self) -> str | None:
        """That the single-answer questions whose answer is not set yet are not counted,
        where there are any: all of them in a skeleton ``exambank new`` wrote."""
        count = self.unanswered
        if not count:
            return None
        if self.questions:
            if count == 1:
                return "another single-answer question has no answer set yet and is not counted"
            return (
                f"another {count} single-answer questions have no answer set yet and are not "
                "counted"
            )
        if count == 1:
            return "the 1 single-answer question has no answer set yet, so no key letter is counted"
        return (
            f"none of the {count} single-answer questions has its answer set yet, so no key "
            "letter is counted"
        )

    @property
    def truths(self) -> TruthSpread:
        """The true/false questions' keys as answer-key-balance tests them (p = 1 where
        they are too few to test)."""
        return TruthSpread(
            self.true_keys,
            self.true_false,
            self.first_keys,
            self.true_first,
            (self.true_false_letters[0], self.true_false_letters[1]),
            1.0 if self.true_false_p_value is None else self.true_false_p_value,
        )

    def _truth_sentence(self) -> list[str]:
        if not self.true_false:
            return []
        truths = self.truths
        count = f"true/false keys: true in {self.true_keys} of {self.true_false}"
        what, advice = "a lean this far to one value", "key about as many statements false as true"
        if truths.order_varies:
            count += (
                f", {truths.letters[0]} in {self.first_keys} (the true value first in "
                f"{self.true_first}, last in {self.true_false - self.true_first})"
            )
            what = "a lean this far to one value or letter"
        if truths.by_letter:
            advice = (
                "list the true value first in every true/false question, or swap the options "
                f"of about half of those keyed {truths.leaning_letter}"
            )
        if self.true_false_p_value is None:
            return [f"{count}; answer-key-balance tests them from {self.min_questions}"]
        return [
            f"{count}, exact p = {self.true_false_p_value:.2g}: "
            + verdict_of(
                self.true_false_p_value, self.rule_threshold, what, advice, "answer-key-balance"
            )
        ]

    def _letter_sentences(self) -> list[str]:
        """What always answering the commonest letter scores, how the letters were tested
        where it is not all in one table, then the test in words."""
        effect = (
            f"always answering {self.commonest} scores {self.commonest_score:.0%}; a random "
            f"key's commonest letter would score about {self.commonest_chance_score:.0%}"
        )
        tested = sum(stratum.questions for stratum in self.strata)
        if self.p_value is None and tested < self.min_questions:
            if not self.several:
                return [
                    effect,
                    f"too few single-answer questions ({self.questions}) to test the spread; "
                    f"answer-key-balance tests from {self.min_questions}",
                ]
            ones = "one" if self.true_false == 1 else "ones"
            return [
                effect,
                f"too few questions whose letters are tested ({tested}, the true/false {ones} "
                f"aside) to test the spread; answer-key-balance tests from {self.min_questions}",
            ]
        said = [effect, *self._strata_sentences()]
        if self.p_value is None:  # pooled into one group
            return [
                *said,
                "too few keys to test: pooling letters until each expects one key leaves one group",
            ]
        verdict = verdict_of(
            self.p_value,
            self.rule_threshold,
            "a spread this uneven",
            "reletter options (exambank build --shuffle SEED prints shuffled handouts) "
            "or rewrite keys",
            "answer-key-balance",
        )
        counts = [stratum.options for stratum in self.strata]
        summed = ""
        if len(counts) > 1:
            summed = f" for the {said_counts(counts)}-option questions together"
        if self.test == "exact":
            return [*said, f"exact p = {self.p_value:.2g}{summed}: {verdict}"]
        how = f"p = {self.p_value:.2g}{summed}"
        if self.pooled:  # one stratum's: several say theirs each
            [stratum] = self.strata
            how += f" ({said_pooled(self.pooled, stratum.expected)})"
        return [*said, f"chi-square {self.chi_square:.1f}, df {self.degrees}, {how}: {verdict}"]

    def _strata_sentences(self) -> list[str]:
        """How the letters were tested, where not all in one table: each option count
        apart, the true/false questions by value (and letter, where their order varies)."""
        if not self.several:
            return []
        by = "the value and the letter" if self.truths.order_varies else "the value"
        ones, their = ("one", "its") if self.true_false == 1 else ("ones", "their")
        apart = (
            f"; the {self.true_false} true/false {ones} by {by} of {their} key, below"
            if self.true_false
            else ""
        )
        if len(self.strata) == 1:
            [stratum] = self.strata
            return [f"letters tested among the {stratum.options}-option questions{apart}"]
        return [
            "letters tested within each option count, as one count's keys can offset "
            f"another's, and the statistics summed{apart}",
            *(stratum.describe() for stratum in self.strata),
        ]
