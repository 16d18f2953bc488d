"""How the key letters spread: their counts against an even spread, tested as one table or
within each option count."""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from dataclasses import dataclass

from exambank.bank import QuestionRef
from exambank.exact_letters import letter_count_tail, stratified_letter_tail
from exambank.rules.truth_keys import TruthKey, TruthSpread, truth_key_of
from exambank.significance import chi_square_tail

# Cochran's rule: chi-square is a fair guide where no category expects fewer than 1 and
# few expect fewer than 5. Letters expecting under 1 (a letter only a few questions have)
# are pooled; pooling every letter under 5 would pool a small bank's letters all together
# and hide a key that is C or D in every question (less a rounding margin: 1/3 added 3
# times is 0.999...).
_FEW_EXPECTED = 1 - 1e-9
# Up to this many single-answer questions the letters' p-value is exact (summed over every
# way random keys could fall, exact_letters.letter_count_tail), not read off the chi-square
# distribution: Cochran's rule asks that few letters expect fewer than 5 keys, the half the
# pooling does not apply, and a bank of k-option questions has its letters expect fewer up
# to 5k questions (20 with four options, 30 with six). The reviews' simulations found the
# pooled chi-square at or below its nominal rate from 20 four- or five-option questions
# up, but above it at 20 ten-option ones (0.13% at 0.001). The exact sum of 30 questions
# takes a few milliseconds; above 30 it would grow fast.
EXACT_UP_TO = 30


@dataclass(frozen=True)
class KeySpread:
    """How often each letter is the key of a single-answer question, against an even
    spread (a question with k options adds 1/k to each of its letters' expected count):
    up to ``EXACT_UP_TO`` questions with an exact test of the chi-square statistic over
    the letters, above with the chi-square distribution over the letters pooled by
    ``pool_rare_letters`` (also where the exact sum would take too long, or the options
    skip a letter)."""

    observed: dict[str, int]
    expected: dict[str, float]
    pooled: list[list[str]]  # the groups of letters counted as one, e.g. [["D", "E"]]
    statistic: float  # chi-square over the groups, with ``degrees`` degrees of freedom
    degrees: int
    p_value: float | None  # None: fewer than two groups, nothing to test
    test: str  # "exact" (no letter pooled) or "chi-square"

    @classmethod
    def of(cls, refs: list[QuestionRef], exact: bool = True) -> KeySpread:
        """The letters of ``refs`` and their test; ``exact=False``: the chi-square
        distribution over the pooled letters, whatever the questions' number."""
        counts = Counter(ref.question.answer_letters[0] for ref in refs)
        shares: defaultdict[str, float] = defaultdict(float)
        for ref in refs:
            lettered = ref.question.options
            share = 1 / len(lettered)
            for letter in lettered:
                shares[letter] += share
        letters = [letter for letter in string.ascii_uppercase if shares[letter] > 0]
        observed = {letter: counts[letter] for letter in letters}
        expected = {letter: shares[letter] for letter in letters}
        exact_p = _exact_p_value(refs, [observed[x] for x in letters]) if exact else None
        if exact_p is not None:
            statistic = _statistic(observed, expected)
            return cls(observed, expected, [], statistic, len(letters) - 1, exact_p, "exact")
        groups = pool_rare_letters(expected)
        statistic = 0.0
        for group in groups:
            seen, due = sum(observed[x] for x in group), sum(expected[x] for x in group)
            statistic += (seen - due) ** 2 / due
        degrees = max(len(groups) - 1, 0)
        p = chi_square_tail(statistic, degrees) if degrees else None
        pooled = [g for g in groups if len(g) > 1]
        return cls(observed, expected, pooled, statistic, degrees, p, "chi-square")

    @property
    def questions(self) -> int:
        return sum(self.observed.values())


@dataclass(frozen=True)
class StrataSpread:
    """The key letters tested within each option count (a stratum: the questions with k
    options), as a letter never the key among the four-option questions and keyed often
    among the five-option ones evens out when all are counted together; true/false
    questions are left to ``TruthSpread``, which tests their keys by value and by letter.

    The strata's chi-square statistics are summed, and so are their degrees of freedom:
    with one stratum, the test is ``KeySpread``'s, p-value and all. Up to ``EXACT_UP_TO``
    questions the sum's p-value is exact (``exact_letters.stratified_letter_tail``), above
    it is read off the chi-square distribution, each stratum's letters pooled by
    ``pool_rare_letters``. Summing, rather than combining the strata's p-values (Fisher's
    method, or the least p times the strata's number), weighs each stratum by what it can
    show: above ``EXACT_UP_TO``, a stratum too small to test (the one question with five
    options: its letters pool into one group) adds no degree of freedom, where it would
    halve the smallest p under Bonferroni or add a stratum of p = 1 to Fisher's sum; in the
    exact sum, such a stratum's statistic varies little (one question's not at all), and
    its chances are counted as they are."""

    strata: dict[int, KeySpread]  # option count -> its questions' letters, tested alone
    truths: TruthSpread  # the true/false questions' keys, by value and by letter
    statistic: float  # the strata's chi-square statistics, summed
    degrees: int
    p_value: float | None  # None: no stratum has two groups of letters to test
    test: str  # "exact" or "chi-square"

    @classmethod
    def of(cls, refs: list[QuestionRef], true_false: list[bool]) -> StrataSpread:
        """Over ``refs``, those ``true_false`` marks (``is_true_false``) tested by value."""
        by_options, truth_keys = letter_strata(refs, true_false)
        truths = TruthSpread.of(truth_keys)
        if len(by_options) == 1:  # the usual bank: one test, as if there were no strata
            [(options, stratum)] = by_options.items()
            one = KeySpread.of(stratum)
            return cls({options: one}, truths, one.statistic, one.degrees, one.p_value, one.test)
        exact = _exact_strata(by_options)
        if exact is not None:
            strata, exact_p = exact
            statistic = sum(_statistic(one.observed, one.expected) for one in strata.values())
            degrees = sum(len(one.observed) - 1 for one in strata.values())
            return cls(strata, truths, statistic, degrees, exact_p, "exact")
        strata = {k: KeySpread.of(stratum, exact=False) for k, stratum in by_options.items()}
        statistic = sum(spread.statistic for spread in strata.values())
        degrees = sum(spread.degrees for spread in strata.values())
        p = chi_square_tail(statistic, degrees) if degrees else None
        return cls(strata, truths, statistic, degrees, p, "chi-square")

    @property
    def questions(self) -> int:
        """The questions whose letters are tested."""
        return sum(spread.questions for spread in self.strata.values())

    @property
    def several(self) -> bool:
        """Whether the letters tested are not all the single-answer questions': more than
        one option count, or true/false questions beside them."""
        return len(self.strata) > 1 or self.truths.questions > 0

    def most_uneven(self) -> tuple[int, KeySpread]:
        """The stratum whose own test gives the least p-value (the largest statistic,
        where none has one; the fewer options, on a tie)."""
        return min(
            self.strata.items(),
            key=lambda item: (_or_one(item[1].p_value), -item[1].statistic, item[0]),
        )


def _or_one(p_value: float | None) -> float:
    return 1.0 if p_value is None else p_value


def _exact_strata(
    by_options: dict[int, list[QuestionRef]],
) -> tuple[dict[int, KeySpread], float] | None:
    """The strata with their own tests, and the exact p-value of their summed statistic;
    None above ``EXACT_UP_TO`` questions, where options skip a letter, or where the sum
    would take too long."""
    if not by_options or sum(map(len, by_options.values())) > EXACT_UP_TO:
        return None
    if any(
        "".join(ref.question.options) != string.ascii_uppercase[: len(ref.question.options)]
        for stratum in by_options.values()
        for ref in stratum
    ):
        return None
    strata = {k: KeySpread.of(stratum) for k, stratum in by_options.items()}
    p = stratified_letter_tail([list(spread.observed.values()) for spread in strata.values()])
    return None if p is None else (strata, p)


def letter_strata(
    refs: list[QuestionRef], true_false: list[bool]
) -> tuple[dict[int, list[QuestionRef]], list[TruthKey]]:
    """The questions whose key letters are tested, by their number of options (fewest
    first), and apart the keys of the true/false ones, where they read as true or false,
    which ``TruthSpread`` tests by value and by letter: those ``true_false`` marks
    (``is_true_false``, worked out once a bank). Two options that are no truth
    values ("Increase" / "Decrease") form a stratum like any other."""
    strata: defaultdict[int, list[QuestionRef]] = defaultdict(list)
    truth_keys: list[TruthKey] = []
    for ref, flag in zip(refs, true_false, strict=True):
        truth = truth_key_of(ref) if flag else None
        if truth is None:
            strata[len(ref.question.options)].append(ref)
        else:
            truth_keys.append(truth)
    return dict(sorted(strata.items())), truth_keys


def _statistic(observed: dict[str, int], expected: dict[str, float]) -> float:
    """The chi-square statistic over the letters, none pooled."""
    return sum((observed[x] - expected[x]) ** 2 / expected[x] for x in expected)


def _exact_p_value(refs: list[QuestionRef], observed: list[int]) -> float | None:
    """The exact p-value of the letters' counts (A, B, C ...), for up to ``EXACT_UP_TO``
    questions whose options are lettered from A with no gap; None otherwise, or where the
    sum would take too long."""
    if not refs or len(refs) > EXACT_UP_TO:
        return None
    lettered = ["".join(ref.question.options) for ref in refs]
    if any(letters != string.ascii_uppercase[: len(letters)] for letters in lettered):
        return None
    return letter_count_tail([len(letters) for letters in lettered], observed)


def pool_rare_letters(expected: dict[str, float]) -> list[list[str]]:
    """The letters in groups that each expect at least one key (Cochran's rule): while a
    group expects fewer, the one that expects fewest (the later, on a tie) joins the
    neighbour that expects fewer (the earlier, on a tie). As later letters expect no
    more keys than earlier ones, the rare letters at the end join each other, then the
    last common one."""
    groups = [[letter] for letter in expected]

    def due(at: int) -> float:
        return sum(expected[letter] for letter in groups[at])

    while len(groups) > 1:
        rarest = min(reversed(range(len(groups))), key=due)
        if due(rarest) >= _FEW_EXPECTED:
            break
        beside = [at for at in (rarest - 1, rarest + 1) if 0 <= at < len(groups)]
        first = min(min(beside, key=due), rarest)
        groups[first : first + 2] = [groups[first] + groups[first + 1]]
    return groups


def said_pooled(pooled: list[list[str]], expected: dict[str, float]) -> str:
    """``pooled`` in words: "E-J pooled with D as each expects less than one key"."""
    said, rare_letters = [], 0
    for group in pooled:
        rare = [x for x in group if expected[x] < _FEW_EXPECTED]
        common = [x for x in group if x not in rare]
        said.append(f"{_span(rare)} pooled" + (f" with {_span(common)}" if common else ""))
        rare_letters += len(rare)
    each = "each expects" if rare_letters > 1 else "it expects"
    return f"{', '.join(said)} as {each} less than one key"


def said_counts(option_counts: list[int]) -> str:
    """ "4 and 5", "3, 4 and 5": followed by "-option", "4- and 5-option"."""
    said = [f"{count}-" for count in option_counts[:-1]]
    return f"{', '.join(said)} and {option_counts[-1]}" if said else str(option_counts[0])


def _span(letters: list[str]) -> str:
    return letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"
