"""Options that are dates, read as points on one scale of days for the numeric rules and
the shuffle: ISO "2024-03-01" in any bank; in a bank whose numbers are read in its own
language (German, French, Spanish ...) day first with points, "01.03.2024", as those
languages write it (an English "03.01.2024" may put the month first); and in German
words, "1. März 2024"."""

from __future__ import annotations

import calendar
import re
from functools import cache

# A date's unit in a parsed option: one no text has, so a date is never compared with a
# plain number ("2024").
DATE_UNIT = "<date>"
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DOTTED = re.compile(r"(\d\d?)\.(\d\d?)\.(\d{4})")
# The month names of the languages whose dates in words are read, January first; then
# other names of a month ("Jänner", Austria's January).
_MONTHS = {
    "de": (
        "januar februar märz april mai juni juli august september oktober november dezember",
        {"jänner": 1},
    ),
}


def day_of(written: str, language: str) -> str | None:
    """The day a whole option names, as a number ("20240301" for "01.03.2024"); None if
    the option is no date or a day no calendar has. ``language`` is the primary subtag of
    a bank whose numbers are read in its language, "" for English or a language not read:
    only ISO dates are read there."""
    if not (written[:1].isdigit() and written[-1:].isdigit()):  # as every date read does
        return None
    found = _ISO.fullmatch(written)
    if found:
        year, month, day = found.groups()
    elif language and (found := _DOTTED.fullmatch(written)):
        day, month, year = found.groups()
    elif (worded := _worded(language)) and (found := worded[0].fullmatch(written.casefold())):
        day, name, year = found.groups()
        month = str(worded[1][name])
    else:
        return None
    if not 1 <= int(month) <= 12 or not 1 <= int(day) <= _days_in(int(year), int(month)):
        return None
    return f"{year}{int(month):02}{int(day):02}"


def _days_in(year: int, month: int) -> int:
    """How many days ``month`` has in ``year`` (the Gregorian calendar)."""
    return calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31


@cache
def _worded(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A date with its month in words ("1. märz 2024", case-folded), and each month
    name's number; None for a language whose month names are not read."""
    if language not in _MONTHS:
        return None
    names, others = _MONTHS[language]
    numbers = {name: number for number, name in enumerate(names.split(), start=1)} | others
    return re.compile(rf"(\d\d?)\.[ \u00a0]*({'|'.join(numbers)})[ \u00a0]+(\d{{4}})"), numbers
