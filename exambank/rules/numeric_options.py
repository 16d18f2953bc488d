"""Options that are numbers or ranges: their order, and ranges that overlap or leave gaps."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.screen import Screen
from exambank.rules.wording import option_texts

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TOKEN = re.compile(r"#|[^\W\d_]+|%|<=|>=|[<>+\-\u2013\u2014]")
_CURRENCY = re.compile(r"[$€£¥]")
_FORM_WORD_TEXT = (
    "less than fewer under below up to at most more greater over above least between and from or"
)
_FORM_WORDS = frozenset(_FORM_WORD_TEXT.split())
_INFINITY = math.inf
Bound = tuple[int | None, bool]  # (which number, None for unbounded; whether included)
# The shapes of a range (numbers as '#', units left out) and the bounds each one sets.
_RANGE_FORMS: list[tuple[Bound, Bound, str]] = [
    ((0, True), (1, True), "# - #|# \u2013 #|# \u2014 #|# to #|between # and #|from # to #"),
    ((None, False), (0, False), "less than #|fewer than #|under #|below #|< #"),
    ((None, False), (0, True), "up to #|at most #|# or less|# or fewer|<= #"),
    ((0, False), (None, False), "more than #|greater than #|over #|above #|> #"),
    ((0, True), (None, False), "at least #|# or more|# +|# and above|>= #"),
]
# A number after one of these words labels a thing ("Symbol 2", "Figure 3", "Step 1").
_LABELLED = re.compile(
    r"\b(?:symbol|figure|fig|step|item|table|diagram|exhibit|statement|question|section|"
    r"chapter|page|line|pin|port|version|amendment|article|part|channel|ch)\.?[ \t]*"
    r"(?:no\.?|#|-)?[ \t]*\d",
    re.IGNORECASE,
)
# Bare digits that identify rather than count: a leading zero ("033609991") or six digits
# and more with no separator ("430326890", an MMSI).
_IDENTIFIER = re.compile(r"^\s*(?:0\d+|\d{6,})\s*$")
# Every number and range has a digit: the screen of both rules, over the options.
_DIGIT = re.compile(r"\d")
# Both numeric rules look at questions with a digit in an option: 0-9, or any other
# digit ``\d`` knows in a question that is not all ASCII.
_DIGIT_SCREEN = Screen("options", _DIGIT, tuple("0123456789"), ascii_only=True)
# "2.5 to 1", "1 to 1": a ratio (an SWR, a turns ratio), not a range.
_RATIO = re.compile(r"^\s*(?:[1-9]\d*(?:\.\d+)?)\s+to\s+1\s*$", re.IGNORECASE)
_RATIO_STEM = re.compile(r"\bratios?\b", re.IGNORECASE)
_RANGE_SHAPES = {
    tuple(shape.split()): (low, high)
    for low, high, shapes in _RANGE_FORMS
    for shape in shapes.split("|")
}


@dataclass(frozen=True)
class Interval:
    low: float
    low_closed: bool
    high: float
    high_closed: bool


def _shape(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]] | None:
    """(shape, unit words, numbers as written) of an option, or None if it holds none."""
    if not _NUMBER.search(text):
        return None
    folded = _CURRENCY.sub("", text.casefold().replace(",", "")).strip().rstrip(".")
    numbers = _NUMBER.findall(folded)
    if not numbers:
        return None
    shape: list[str] = []
    units: list[str] = []
    for token in _TOKEN.findall(_NUMBER.sub("#", folded)):
        if token == "%" or (token[0].isalpha() and token not in _FORM_WORDS):
            if token not in units:
                units.append(token)
        else:
            shape.append(token)
    return tuple(shape), tuple(units), numbers


def option_number(text: str) -> tuple[float, tuple[str, ...]] | None:
    """The value and unit of an option that is one number ("$1,200", "99.9%", "3 days")."""
    parsed = _shape(text)
    if parsed is None or parsed[0] != ("#",) or _LABELLED.search(text):
        return None
    _, units, numbers = parsed
    return float(numbers[0]), tuple(unit.rstrip("s") for unit in units)


def _written_number(text: str) -> str:
    """The number of a one-number option as written, thousands separators left out
    ("3.10" stays 3.10, "$1,200" is 1200)."""
    found = _NUMBER.search(text.replace(",", ""))
    return found.group() if found else text.strip()


def option_range(text: str) -> tuple[Interval, tuple[str, ...], bool] | None:
    """The interval, unit and integer-ness of a range option ("1-5 GB", "more than 10")."""
    parsed = _shape(text)
    if parsed is None or parsed[0] not in _RANGE_SHAPES:
        return None
    shape, units, numbers = parsed
    (low_at, low_closed), (high_at, high_closed) = _RANGE_SHAPES[shape]
    low = -_INFINITY if low_at is None else float(numbers[low_at])
    high = _INFINITY if high_at is None else float(numbers[high_at])
    if low > high:  # "160 to 10 meters" runs from 10 to 160
        low, low_closed, high, high_closed = high, high_closed, low, low_closed
    whole = all("." not in number for number in numbers)
    return Interval(low, low_closed, high, high_closed), units, whole


def is_numeric_scale(texts: Sequence[str]) -> bool:
    """Whether every option is a number or a range: a scale, printed in its own order."""
    return all(option_number(text) or option_range(text) for text in texts)


class NumericOrder(QuestionRule):
    """Numeric options are neither ascending nor descending.

    Numbers in order let candidates find the value they worked out; out of order they
    hunt for it, and a writer's tendency to put the key in the middle shows. Heuristic:
    three or more options, each one number with the same unit (or none), neither
    non-decreasing nor non-increasing. A number after a label word ("Symbol 2", "Figure
    3", "Step 1", "port 443", "version 2", "Amendment 4", "Ch-16") is a label, not a
    quantity, and does not count; nor do options that are all bare digits when one has
    a leading zero or six digits and more with no separator (identifiers such as MMSI
    numbers). Known false positives: other numbers that are labels rather than
    quantities (a bare port number or version). Source: Haladyna, Downing & Rodriguez
    (2002), guideline 21 (place choices in logical or numerical order).

    Bad:
        stem: How many GB of memory can an AWS Lambda function use at most?
        options: {A: "10", B: "3", C: "1", D: "8"}

    Good:
        stem: How many GB of memory can an AWS Lambda function use at most?
        options: {A: "1", B: "3", C: "8", D: "10"}
        answer: D
    """

    name = "numeric-order"
    severity = "warning"

    def screen(self, options: Options) -> Screen:
        return _DIGIT_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        if len(question.options) < 3 or not all(map(_DIGIT.search, option_texts(question))):
            return  # the screen found a digit in one option; every one needs a number
        values = []
        for text in option_texts(question):
            parsed = option_number(text)
            if parsed is None:
                return
            values.append(parsed)
        if len({unit for _, unit in values}) != 1:
            return
        texts = option_texts(question)
        if any(_IDENTIFIER.match(text) for text in texts) and all(
            text.strip().isdigit() for text in texts
        ):
            return  # identifiers, not quantities
        numbers = [value for value, _ in values]
        pairs = list(itertools.pairwise(numbers))
        if all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs):
            return
        written = [_written_number(text) for text in texts]
        yield self.report(
            ref,
            ("options",),
            f"the numeric options are out of order ({', '.join(written)})",
            "list them from smallest to largest (and update the answer letter)",
        )


class OverlappingRanges(QuestionRule):
    """Range options overlap or leave a gap.

    With "1-5" and "5-10", a value of 5 has two right answers; with "1-4" and "6-10",
    a value of 5 has none. Heuristic: every option is a range with the same unit
    ("1-5", "5 to 10 GB", "between 2 and 4", "less than 1", "more than 10", "10+"; a
    descending "160 to 10 m" runs from 10 to 160), and together they look like bins of
    one scale rather than candidate answers that happen to be ranges (band segments, the
    spectrum a signal occupies): no two start or end at the same value, and one is open
    ("less than 1", "more than 10") or two meet. Sorted by lower bound, consecutive
    ranges must meet without sharing a value (for whole-number ranges, "1-5" then
    "6-10" meet); a gap wider than the narrower of its two ranges is a jump, not a slip,
    and is not reported. Ratios ("2.5 to 1", "1 to 1") are not ranges: a question with
    one is not judged, nor one whose stem says "ratio". Known false positives: ranges
    of whole numbers written as decimals. Source: Haladyna, Downing & Rodriguez
    (2002), guideline 22 (keep choices independent; choices should not overlap).

    Bad:
        stem: How many Availability Zones does a Region have?
        options: {A: 1-3, B: 3-6, C: 7-10, D: more than 10}

    Good:
        stem: How many Availability Zones does a Region have?
        options: {A: 1-2, B: 3-6, C: 7-10, D: more than 10}
        answer: B
    """

    name = "overlapping-ranges"
    severity = "warning"

    def screen(self, options: Options) -> Screen:
        return _DIGIT_SCREEN

    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        texts = option_texts(question)
        if len(texts) < 2 or _RATIO_STEM.search(question.stem):
            return
        ranges: list[tuple[Interval, str]] = []
        units, whole = set(), True
        for letter, text in zip(question.options, texts, strict=True):
            parsed = option_range(text)
            if parsed is None or _RATIO.match(text):
                return
            ranges.append((parsed[0], letter))
            units.add(parsed[1])
            whole = whole and parsed[2]
        ranges.sort(key=lambda item: (item[0].low, item[0].high))
        if len(units) != 1 or not _look_like_bins([interval for interval, _ in ranges], whole):
            return
        for (before, first), (after, second) in itertools.pairwise(ranges):
            problem = _junction(before, after, whole)
            if problem:
                yield self.report(
                    ref,
                    ("options", second),
                    f"options {first} and {second} {problem}",
                    "make the ranges meet without sharing a value",
                )
                return


def _look_like_bins(ranges: list[Interval], whole: bool) -> bool:
    """Whether ``ranges`` (sorted) split one scale into bins: none starts or ends where
    another does, and one is open-ended or two meet (share a bound, or follow on)."""
    lows = {interval.low for interval in ranges}
    highs = {interval.high for interval in ranges}
    if len(lows) < len(ranges) or len(highs) < len(ranges):
        return False
    if -_INFINITY in lows or _INFINITY in highs:
        return True
    return any(
        after.low == before.high or (whole and after.low == before.high + 1)
        for before, after in itertools.pairwise(ranges)
    )


def _junction(before: Interval, after: Interval, whole: bool) -> str | None:
    """What is wrong where one range ends and the next begins, if anything."""
    if after.low < before.high or (
        after.low == before.high and after.low_closed and before.high_closed
    ):
        return f"overlap (both include {_show(after.low)})"
    if whole and before.high_closed and after.low_closed and after.low == before.high + 1:
        return None
    if after.low > before.high or not (after.low_closed or before.high_closed):
        if _gap(before, after, whole) > min(_width(before, whole), _width(after, whole)):
            return None  # a jump to another part of the scale, not a slip
        return f"leave a gap between {_show(before.high)} and {_show(after.low)}"
    return None


def _width(interval: Interval, whole: bool) -> float:
    """How much of the scale a range covers: for whole numbers, how many values."""
    return interval.high - interval.low + (1 if whole else 0)


def _gap(before: Interval, after: Interval, whole: bool) -> float:
    """How much of the scale lies between two ranges: for whole numbers, how many values."""
    return after.low - before.high - (1 if whole else 0)


def _show(value: float) -> str:
    return f"{value:g}"
