"""Options that are numbers or ranges: their order, and ranges that overlap or leave gaps."""

# ruff: noqa: RUF001  # Russian units are the point

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules.base import Options, QuestionRule
from exambank.rules.number_labels import are_labels
from exambank.rules.numbers import ENGLISH, Reading, reading
from exambank.rules.screen import Screen

_INFINITY = math.inf
# "2.5 to 1", "1 to 1": a ratio (an SWR, a turns ratio), not a range.
_RATIO = re.compile(r"^\s*(?:[1-9]\d*(?:\.\d+)?)\s+to\s+1\s*$", re.IGNORECASE)
_RATIO_STEM = re.compile(r"\bratios?\b", re.IGNORECASE)
_RATIO_WORDS = {  # of a stem, besides "ratio"
    "de": r"verhältnis\w*",
    "fr": r"rapports?|proportions?",
    "es": r"relaci[oó]n\w*|raz[oó]n\w*|proporci[oó]n\w*",
    "pt": r"raz(?:ão|ões)|propor(?:ção|ções)|r[aá]cios?|rela(?:ção|ções)",
    "it": r"rapport[oi]|proporzion[ei]",
    "nl": r"verhouding\w*",
    "ru": r"отношени\w*|соотношени\w*|пропорци\w*",
    "pl": r"stosun\w*|proporcj\w*",
}
_NEVER = re.compile(r"(?!)")
# Every number and range has a digit: the screen of both rules, over the options.
_DIGIT = re.compile(r"\d")
# Both numeric rules look at questions with a digit in an option: 0-9, or any other
# digit ``\d`` knows in a question that is not all ASCII.
_DIGIT_SCREEN = Screen("options", _DIGIT, tuple("0123456789"), ascii_only=True)
# A unit in the singular and the plural is one unit: English "hour" / "hours"; a Russian
# noun after a number has three forms ("1 час", "2 часа", "5 часов"; "1 минута", "2
# минуты", "5 минут"), read without their case ending, and "день" / "дня" / "дней" and "год"
# / "года" / "лет" change their stem.
_RUSSIAN_ENDING = re.compile(r"(?<=[а-яё]{2})(?:ов|ев|ей|ы|и|а|я|ь|о|е)$")
_RUSSIAN_STEM = {"день": "дн", "лет": "год"}


@cache
def _ratios(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What is a ratio in a bank's language: an option ("2.5 to 1"), and a stem that asks
    for one."""
    read = reading(language)
    if read is ENGLISH:
        return _RATIO, _RATIO_STEM
    # "2,5 a 1", "1 do 1": the words of the language's range "# to #"
    between = sorted({shape[1] for shape in read.shapes if len(shape) == 3 and shape[1].isalpha()})
    ratio = rf"^\s*[1-9]\d*(?:[.,]\d+)?\s+(?:{'|'.join(between)})\s+1\s*$"
    words = _RATIO_WORDS.get(primary_language(language))
    return (
        re.compile(ratio, re.IGNORECASE) if between else _NEVER,
        re.compile(rf"\b(?:ratios?|{words})\b", re.IGNORECASE) if words else _RATIO_STEM,
    )


@dataclass(frozen=True)
class Interval:
    low: float
    low_closed: bool
    high: float
    high_closed: bool


# A minus sign (a hyphen or U+2212) before an option's number, maybe with a currency sign
# on either side: the number is negative; so is an en dash (U+2013) right before the digit,
# the minus German typesetting uses (with a space after it, it may be a dash).
_CURRENCY = "[$\u20ac\u00a3\u00a5]?"
_MINUS = re.compile(
    rf"\s*{_CURRENCY}\s*(?:(?P<sign>[-\u2212])\s*{_CURRENCY}\s*|(?P<dash>\u2013))(?=\d)"
)


def option_number(text: str, reading: Reading) -> tuple[float, tuple[str, ...], str] | None:
    """The value, unit and number as shown of an option that is one number ("$1,200",
    "99.9%", "3 days"; "3.10" shows as 3.10, "$1,200" as 1200, German "1,5 GB" as 1,5)."""
    parsed = reading.parse(text)
    if parsed is None or reading.labelled.search(text):
        return None
    minus = _MINUS.match(text)  # "-40", "-$40", "$ -40", and with U+2212 or an en dash
    negative = minus is not None
    sign = minus and (minus["dash"] or minus["sign"])
    if parsed.shape != ((sign, "#") if sign in ("-", "\u2013") else ("#",)):
        return None
    units = tuple(map(_one_unit, parsed.units))
    value, shown = float(parsed.numbers[0]), parsed.shown[0]
    return (-value, units, "-" + shown) if negative else (value, units, shown)


def _one_unit(unit: str) -> str:
    """A unit as it reads in the singular and the plural alike ("hour", "час")."""
    if not "\u0430" <= unit[-1:] <= "\u0451":  # not a Cyrillic small letter
        return unit.rstrip("s")
    return _RUSSIAN_STEM.get(unit) or _RUSSIAN_ENDING.sub("", unit)


def option_range(text: str, reading: Reading) -> tuple[Interval, tuple[str, ...], bool] | None:
    """The interval, unit and integer-ness of a range option ("1-5 GB", "more than 10")."""
    parsed = reading.parse(text)
    if parsed is None or parsed.shape not in reading.shapes:
        return None
    (low_at, low_closed), (high_at, high_closed) = reading.shapes[parsed.shape]
    numbers = parsed.numbers
    low = -_INFINITY if low_at is None else float(numbers[low_at])
    high = _INFINITY if high_at is None else float(numbers[high_at])
    if low > high:  # "160 to 10 meters" runs from 10 to 160
        low, low_closed, high, high_closed = high, high_closed, low, low_closed
    whole = all("." not in number for number in numbers)
    return Interval(low, low_closed, high, high_closed), parsed.units, whole


def is_numeric_scale(texts: Sequence[str], language: str = "en") -> bool:
    """Whether every option is a number or a range: a scale, printed in its own order."""
    read = reading(language)
    return all(option_number(text, read) or option_range(text, read) for text in texts)


class NumericOrder(QuestionRule):
    """Numeric options are neither ascending nor descending.

    Numbers in order let candidates find the value they worked out; out of order they
    hunt for it, and a writer's tendency to put the key in the middle shows. Heuristic:
    three or more options, each one number with the same unit (or none; "hour" and
    "hours" are one unit, as are the Russian forms after a number, "1 час", "2 часа", "5
    часов", "1 год", "5 лет"), neither non-decreasing nor non-increasing. A minus (a
    hyphen or U+2212) before the number, a currency sign on either side or not, makes it
    negative ("-40 °C", "-$40", "$-40"),
    as does an en dash (U+2013) right before the digit. An option that is a date is a
    day on one scale: ISO "2024-03-01", and in the languages named below day first
    "01.03.2024" (and in German "1. März 2024"). Numbers are read as the bank's language
    writes them: in English a comma groups thousands ("$1,200"), and an option with another
    comma between digits ("0,5 A", a decimal comma in a bank that says it is English) is
    not read; in German, French, Spanish,
    Portuguese, Italian, Dutch, Russian and Polish a comma starts the decimals
    ("1,5 GB"), and a space, a no-break space or a narrow one groups thousands
    ("10 000"), as a point does but in French, Russian and Polish ("10.000"). Where
    that convention may not hold (``es-MX``, ``de-CH``, any other language) a number
    whose separator could mean either ("1,500") is not read, nor, in another language,
    an option with a word before its number. A number after a label word ("Symbol 2",
    "Figure 3", "Step 1", "port 443", "version 2", "Amendment 4", "Ch-16", and in the
    languages above "Abb. 3", "Étape 2", "Рисунок 1", "№ 5") or in an option with a
    number sign ("#5", "C# 7") is a label or a name, not a quantity, and does not
    count; nor do options that are all bare digits (or digits grouped by spaces) that
    label rather than count: one has a leading zero or six digits and more with no
    separator (identifiers such as MMSI numbers); one is grouped by spaces where another
    of five digits and more is not, unless the grouped ones are round ("10 000") (phone
    numbers, "110", "112", "116 117", "19222": whoever groups quantities groups both); or
    the stem asks for a number to call, and does not count ("how many", "wie viele")
    ("Which number do you call ...?", "phone number", "emergency number", and in their
    languages "Nummer" and "Rufnummer", "numéro", "nummer", "номер", "numer", "número de
    teléfono", "¿Qué número se marca ...?"). Quantities grouped by spaces are still
    judged ("1 000 m", "10 000 V", "2 500 000", "5000" beside "10 000"), and so are
    counts ("the number of", "Anzahl", "número máximo de", "Wie viele Stellen hat die
    Nummer?"). Known false positives: other
    numbers that are labels rather than quantities (a bare port number or version;
    phone numbers grouped alike under a stem that names no number to call: "112",
    "110", "116 117" under "Wie erreicht man ...?"), and a number written in another
    convention than the language's ("1,500" for fifteen hundred in a German bank reads
    1.5). Bare numbers under such a stem are not judged even where they are quantities
    ("What number does this function call return?"). Source: Haladyna, Downing &
    Rodriguez (2002), guideline 21 (place choices in logical or numerical order).

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
        if len(question.options) < 3 or not all(map(_DIGIT.search, question.option_texts)):
            return  # the screen found a digit in one option; every one needs a number
        read = reading(ref.language)
        values = []
        for text in question.option_texts:
            parsed = option_number(text, read)
            if parsed is None:
                return
            values.append(parsed)
        if len({unit for _, unit, _ in values}) != 1:
            return
        pairs = list(itertools.pairwise(value for value, _, _ in values))
        if all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs):
            return
        if are_labels(question.option_texts, question.stem, ref.language):
            return  # identifiers or phone numbers, not quantities
        written = [shown for _, _, shown in values]
        # "2,5, 1, 5,3" could be five numbers: where a comma may start decimals, a semicolon
        between = ", " if read.decimal == "." else "; "
        yield self.report(
            ref,
            ("options",),
            f"the numeric options are out of order ({between.join(written)})",
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
    and is not reported. Ranges are read in the bank's language, their numbers as
    numeric-order reads them: in the languages it names, in their own words too
    ("von 1 bis 5", "de 1 à 5", "entre 1 y 5", "de 1 a 5", "da 1 a 5", "van 1 tot 5",
    "от 1 до 5", "od 1 do 5", "mehr als 1,5"), in signs in every language ("1-5" or
    with a dash, "< 1", "<= 5" or "≤ 5", ">= 11" or "≥ 11", "10+"), in any other in
    signs only. Ratios ("2.5 to 1", "1 to 1";
    "2,5 a 1", "1 do 1" in a language's word for "to") are not ranges: a question with
    one is not judged, nor one whose stem says "ratio" (or "Verhältnis", "rapport",
    "relación", "razão", "rapporto", "verhouding", "отношение", "stosunek"). Known false
    positives: ranges of whole numbers written as decimals; Dutch "tot" read as "to"
    whether or not it includes its bound. Source: Haladyna, Downing & Rodriguez (2002),
    guideline 22 (keep choices independent; choices should not overlap).

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
        texts = question.option_texts
        read, (ratio, ratio_stem) = reading(ref.language), _ratios(ref.language)
        if len(texts) < 2 or ratio_stem.search(question.stem):
            return
        ranges: list[tuple[Interval, str]] = []
        units, whole = set(), True
        for letter, text in zip(question.options, texts, strict=True):
            parsed = option_range(text, read)
            if parsed is None or ratio.match(text):
                return
            ranges.append((parsed[0], letter))
            units.add(parsed[1])
            whole = whole and parsed[2]
        ranges.sort(key=lambda item: (item[0].low, item[0].high))
        if len(units) != 1 or not _look_like_bins([interval for interval, _ in ranges], whole):
            return
        point = "," if read.decimal == "," else "."
        for (before, first), (after, second) in itertools.pairwise(ranges):
            problem = _junction(before, after, whole, point)
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


def _junction(before: Interval, after: Interval, whole: bool, point: str) -> str | None:
    """What is wrong where one range ends and the next begins, if anything (its values
    written with the decimal ``point`` of the bank's language)."""
    if after.low < before.high or (
        after.low == before.high and after.low_closed and before.high_closed
    ):
        return f"overlap (both include {_show(after.low, point)})"
    if whole and before.high_closed and after.low_closed and after.low == before.high + 1:
        return None
    if after.low > before.high or not (after.low_closed or before.high_closed):
        if _gap(before, after, whole) > min(_width(before, whole), _width(after, whole)):
            return None  # a jump to another part of the scale, not a slip
        return f"leave a gap between {_show(before.high, point)} and {_show(after.low, point)}"
    return None


def _width(interval: Interval, whole: bool) -> float:
    """How much of the scale a range covers: for whole numbers, how many values."""
    return interval.high - interval.low + (1 if whole else 0)


def _gap(before: Interval, after: Interval, whole: bool) -> float:
    """How much of the scale lies between two ranges: for whole numbers, how many values."""
    return after.low - before.high - (1 if whole else 0)


def _show(value: float, point: str) -> str:
    return f"{value:g}".replace(".", point)
