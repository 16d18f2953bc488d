"""How the statistics reports word a figure: a p-value's verdict, an expected count, how
often chance gives a result."""

from __future__ import annotations

from collections.abc import Iterable

NOTABLE = 0.05  # a p-value below it earns a remark, though the rule may not report it
RARE = 0.001  # below it, and only below it, a result "almost never happens by chance"


def noun(count: int, word: str) -> str:
    """``word`` in the number ``count`` takes: "finding" for 1, "findings" otherwise."""
    return word if count == 1 else f"{word}s"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a whole percentage, never "0%" for some nor "100%" for not
    all: 1 of 250 is "<1%", 249 of 250 ">99%"."""
    share = f"{part / whole:.0%}"
    if part and share == "0%":
        return "<1%"
    return ">99%" if part < whole and share == "100%" else share


def verdict_of(p_value: float, threshold: float, what: str, advice: str, rule: str) -> str:
    """The test's result in words, from the p-value itself: "almost never by chance" only
    below ``RARE``, whatever threshold the rule is set to report at."""
    odds = f"chance gives this about once in {1 / p_value:.0f} banks" if p_value else ""
    if p_value < threshold:
        if p_value < RARE:
            return f"{what} almost never happens by chance; {advice}"
        return f"{odds}, and {rule} reports below p = {threshold:g}; {advice}"
    if p_value < NOTABLE:
        return f"{odds}; worth watching ({rule} reports below p = {threshold:g})"
    return "nothing unusual"


def how_often(chance: float) -> str:
    """ "28% of", "about 1 in 25,000", "almost no" (below one in a billion)."""
    if chance >= 0.995:
        return "nearly all"
    if chance >= 0.01:
        return f"{chance:.0%} of"
    if chance < 1e-9:
        return "almost no"
    return f"about 1 in {float(f'{1 / chance:.2g}'):,.0f}"


def expected_decimals(expected: Iterable[float]) -> int:
    """How many decimals the expected counts of one chart or sentence are written to, the
    same for all of them: two where any is below 1, so a letter pooled as it expects less
    than one key does not read "1.0" and 0.25 does not read "0.2"; else one. (Rounded
    first: ten 10-option questions expect 0.9999999999999999 of each letter, summed.)"""
    return 2 if any(round(count, 9) < 1 for count in expected) else 1


def expected_count(expected: float, decimals: int | None = None) -> str:
    """An expected count as the reports write it: to ``decimals``, by default those
    ``expected_decimals`` gives it alone ("13.8", "1.0", "0.25")."""
    places = expected_decimals([expected]) if decimals is None else decimals
    return f"{expected:.{places}f}"
