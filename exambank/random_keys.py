"""What a key drawn at random gives a bank like this one, each question's key one of its own
options alike: the share of the questions its commonest letter keys, and the chance of a run
of one letter at least so long. ``exambank stats`` sets the bank's own figures beside them, as
both are maxima picked after the fact: a random key has a commonest letter, and runs, too."""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Sequence

from exambank.exact_letters import letter_binomial

# Up to this many questions the commonest letter's share is summed exactly (6 ms for 30
# four-option questions, 40 ms for 26 options, on a loaded machine); above, Clark's
# approximation falls short by at most half a percentage point up to six options (31
# questions: 0.25 with four options, 0.47 with six; 0.8 with ten).
EXACT_SHARE_UP_TO = 30
# A run's chance below this is dropped: the report gives whole percents, or "1 in N".
_NEGLIGIBLE = 1e-18


def commonest_letter_share(letter_sets: Sequence[str]) -> float:
    """The expected share of the questions keyed by the commonest letter (the mean of the
    most keys any one letter has, over the questions' number) when each question's key is
    one of its letters (``letter_sets``: "ABCD" for a question with options A-D) at random."""
    if not letter_sets:
        return 0.0
    counts = [len(letters) for letters in letter_sets]
    prefixes = all(letters == string.ascii_uppercase[: len(letters)] for letters in letter_sets)
    if prefixes and len(letter_sets) <= EXACT_SHARE_UP_TO:
        return _expected_most(Counter(counts), len(counts)) / len(counts)
    return _clark_most(letter_sets) / len(letter_sets)


def _expected_most(strata: Counter[int], questions: int) -> float:
    """E[the most keys of one letter], as the sum over t of P(most > t); the most is at
    least the questions over the letters, rounded up."""
    letters = max(strata)
    fewest = -(-questions // letters)
    expected = float(fewest)
    for most in range(fewest, questions):
        beyond = 1 - _none_above(strata, letters, most)
        expected += beyond
        if beyond < 1e-12:
            break
    return expected


def _none_above(strata: Counter[int], letters: int, most: int) -> float:
    """P(no letter is the key more than ``most`` times), summed from the last letter to A
    as in ``exact_letters.letter_count_tail``: a key after none of the later letters is any
    of the first j alike, so the keys left are one number."""
    pools = {0: 1.0}  # keys left -> chance
    joining_later = sum(strata.values())
    for letter in range(letters - 1, 0, -1):
        joining_later -= strata[letter + 1]
        following: dict[int, float] = {}
        for left, chance in pools.items():
            left += strata[letter + 1]
            shares = letter_binomial(left, letter + 1)
            # the letters before take at most ``most`` each
            for count in range(max(0, left + joining_later - letter * most), min(left, most) + 1):
                following[left - count] = following.get(left - count, 0.0) + chance * shares[count]
        pools = following
    return sum(chance for left, chance in pools.items() if left + strata[1] <= most)


def _clark_most(letter_sets: Sequence[str]) -> float:
    """E[the most keys of one letter] by Clark's approximation (C. E. Clark 1961, "The
    greatest of a finite set of random variables", Operations Research 9(2)): the letters'
    counts as normal with their means and covariances, the greatest of two as normal again,
    letter by letter."""
    letters = sorted(set("".join(letter_sets)))
    mean = dict.fromkeys(letters, 0.0)
    covariance = {(a, b): 0.0 for a in letters for b in letters}
    for letter_set, questions in Counter(letter_sets).items():
        share = 1 / len(letter_set)
        for a in letter_set:
            mean[a] += questions * share
            for b in letter_set:
                covariance[a, b] += questions * ((share if a == b else 0.0) - share * share)
    first, *rest = letters
    most, spread = mean[first], covariance[first, first]
    with_most = {x: covariance[first, x] for x in letters}  # cov(the most so far, x)
    for x in rest:
        gap = math.sqrt(max(spread + covariance[x, x] - 2 * with_most[x], 0.0))
        if gap < 1e-12:  # the same variable, in effect
            most = max(most, mean[x])
            continue
        lead = (most - mean[x]) / gap
        over, under = _normal_cdf(lead), _normal_cdf(-lead)
        density = math.exp(-lead * lead / 2) / math.sqrt(2 * math.pi)
        greater = most * over + mean[x] * under + gap * density
        square = (
            (most * most + spread) * over
            + (mean[x] ** 2 + covariance[x, x]) * under
            + (most + mean[x]) * gap * density
        )
        with_most = {y: with_most[y] * over + covariance[x, y] * under for y in letters}
        most, spread = greater, max(square - greater * greater, 0.0)
    return most


def _normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))


def run_chance(keyed: Sequence[str | None], length: int) -> float:
    """P(some letter keys ``length`` or more questions in a row) when each question's key is
    one of its letters at random, in bank order (``keyed``: the question's letters, "ABCD",
    or None for a question that ends any run, as a multiple-answer one does). Exact, by a
    Markov chain over the letter and length of the current run, less chances under 1e-18."""
    if length <= 1:
        return 1.0 if any(letters for letters in keyed) else 0.0
    runs: dict[str, list[float]] = {}  # letter -> P(in a run of it of length 1, 2, ...)
    reached = 0.0
    for letters in keyed:
        if not letters:
            runs = {}
            continue
        share, open_ = 1 / len(letters), 1 - reached  # ``open_``: no long run yet
        following = {}
        for letter in letters:
            current = runs.get(letter, [])
            # a run of it starts wherever no run of it goes on; one of length - 1 goes on
            # into a long one, and the others grow by one
            row = [max(open_ - sum(current), 0.0) * share]
            row += [chance * share for chance in current[: length - 2]]
            if len(current) == length - 1:
                reached += current[-1] * share
            while len(row) > 1 and row[-1] < _NEGLIGIBLE:
                row.pop()
            following[letter] = row
        runs = following
    return min(reached, 1.0)
