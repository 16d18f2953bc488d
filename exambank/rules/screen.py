"""Screening: one search of the whole bank instead of one check per question.

Most item-writing rules look for a pattern that few questions contain ("not", "all of
the above", "A and C"). A rule may name that pattern as its ``screen``; the engine then
searches every stem (or every option) of the bank in one joined text and checks only the
questions the pattern matches. On 10,000 questions that is one regular-expression pass
in C instead of 10,000 calls.

A regular expression still tries every position of its text, 4 to 10 ns a character:
the ten screens of the rules once cost 110 ms on the bench bank's 4 MB of stems and
options. So a screen may also name its ``openings``, the strings every match of its
pattern starts with ("not", "n't" and the other negatives). ``str.find`` looks for a
word of those in under 1 ns a character, and for one character (a digit, "_") at memory
speed; the pattern is tried only where one is found.

A screen must not lose findings: whenever ``check`` finds something in a question, the
pattern matches inside that question's text. It never matches a line break (but the one
a line-start pattern may open with), so no match runs from one question into the next.
tests/rules/test_screen.py holds every screen to this against ``check`` on every question
of the test banks, and every match of a pattern to start with one of its openings.

A pattern that opens with ``^`` (a whole option: "All of the above", "A and C") is also
tried at every character, though it can match only after a line break. A screen that
says so (``line_start``) is searched as a line break followed by the pattern, and the
engine skips from one line break to the next: the four such screens take 8 ms instead of
22 on the real banks' options. A pattern may open with that line break itself, when
compiling it a second time would cost more than the search (all-of-the-above's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal, NamedTuple

from exambank.bank import QuestionRef
from exambank.rules.wording import one_a_line
from exambank.worked_out import worked_out

# The ``_folded`` texts are case-folded: a plain pattern there is faster than a
# case-blind one.
Field = Literal["stem", "stem_folded", "options", "options_folded"]
_WORD_START = re.compile(r"\w")


class Screen(NamedTuple):
    """Where a rule looks (``field``) and what it looks for (``pattern``).

    ``openings``, when given, are strings every match of ``pattern`` starts with; the
    pattern is then tried only where one of them is. With ``ascii_only`` that is so in
    ASCII text only (``\\d`` matches more digits than 0-9), and a question whose text is
    not all ASCII is searched throughout.

    ``line_start`` says every match starts at the start of a line: ``pattern`` opens with
    ``^`` and is compiled with ``re.MULTILINE``, or opens with the line break before the
    line (a pattern too costly to compile twice) and matches no other.
    """

    field: Field
    pattern: re.Pattern[str]
    openings: tuple[str, ...] = ()
    ascii_only: bool = False
    line_start: bool = False


class Joined(NamedTuple):
    """One field of every question, one question a line, and where each one starts."""

    text: str
    starts: list[int]
    parts: list[str]


class BankText:
    """The stems, and the options (one option a line), of a bank's questions, each joined
    into one text, with where each question's part starts."""

    def __init__(self, refs: Sequence[QuestionRef]) -> None:
        self.refs = refs
        self._matched: dict[Screen, list[QuestionRef]] = {}

    @worked_out
    def stem(self) -> Joined:
        return _joined([ref.question.stem for ref in self.refs])

    @worked_out
    def stem_folded(self) -> Joined:
        return _joined([ref.question.stem.casefold() for ref in self.refs])

    # ``option_text(question).joined`` and ``.folded``, without keeping an ``OptionText`` for
    # each question by its identity: that cost 12,000 instructions a question.
    @worked_out
    def options(self) -> Joined:
        return _joined([one_a_line(ref.question.option_texts) for ref in self.refs])

    @worked_out
    def options_folded(self) -> Joined:
        return _joined([part.casefold() for part in self.options.parts])

    def matching(self, screen: Screen) -> list[QuestionRef]:
        """The questions whose ``screen`` field the pattern matches, in bank order.
        Rules that share a screen (the two negative rules, the two numeric ones) share
        its one search."""
        held = self._matched.get(screen)
        if held is None:
            held = self._matched[screen] = self._search(screen)
        return held

    def _search(self, screen: Screen) -> list[QuestionRef]:
        joined = getattr(self, screen.field)
        if screen.openings:
            return self._search_openings(screen, joined)
        text, starts = joined.text, joined.starts
        pattern, position, skipped = screen.pattern, 0, 0
        found: list[QuestionRef] = []
        if screen.line_start:
            # The first line has no line break before it; every other one is searched
            # from the break that ends the line before (``skipped``: one character).
            after_break = _after_line_break(pattern)
            first = (
                pattern.match(text) if after_break is not pattern else pattern.match("\n" + text)
            )
            if starts and first is not None:
                found.append(self.refs[0])
                position = starts[1] - 1 if len(starts) > 1 else len(text)
            pattern, skipped = after_break, 1
        while (match := pattern.search(text, position)) is not None:
            index = bisect_right(starts, match.start() + skipped) - 1
            found.append(self.refs[index])
            if index + 1 == len(starts):
                break
            # One match is enough: on to the next question (for a line-start screen, to
            # the line break before it).
            position = starts[index + 1] - skipped
        return found

    def _search_openings(self, screen: Screen, joined: Joined) -> list[QuestionRef]:
        """The pattern tried where one of its openings is (and, for an ``ascii_only``
        screen, throughout the questions not all ASCII), in the whole text, so it sees
        what a search of the whole text sees around each place."""
        text, starts = joined.text, joined.starts
        last = len(starts) - 1
        match = screen.pattern.match
        found: set[int] = set()
        for opening in screen.openings:
            position = text.find(opening)
            while position >= 0:
                if match(text, position) is None:
                    position = text.find(opening, position + 1)
                    continue
                index = bisect_right(starts, position) - 1
                found.add(index)  # one match is enough: on to the next question
                if index == last:
                    break
                position = text.find(opening, starts[index + 1])
        if screen.ascii_only and not text.isascii():  # isascii() is a flag: no scan
            search = screen.pattern.search
            found.update(
                at
                for at, part in enumerate(joined.parts)
                if at not in found
                and not part.isascii()
                and search(text, starts[at], starts[at] + len(part) + 1)
            )
        return [self.refs[index] for index in sorted(found)]


def whole_words(terms: Iterable[str]) -> str:
    """A pattern for any of ``terms`` as a whole word: ``\\b(?:term|...)\\b``, written so
    each branch starts with its term's first letter. The regular-expression engine
    then skips straight to the letters that can start a match, where a leading ``\\b``
    makes it try every position: the negative screen runs in 21 ms instead of 37 on the
    bench bank's 2 MB of stems."""
    branches = []
    for term in terms:
        literal = re.escape(term)
        if _WORD_START.match(term):  # a boundary before a word character: none just before
            branches.append(rf"{literal}(?<!\w{literal})\b")
        else:
            branches.append(rf"\b{literal}\b")
    return "|".join(branches)


@cache
def _after_line_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (one that opens with ``^`` in MULTILINE mode) after a line break, which
    the regular-expression engine looks for with a fast scan for the break; a pattern
    that opens with one is itself."""
    if pattern.pattern.startswith(r"\n"):
        return pattern
    return re.compile(r"\n" + pattern.pattern, pattern.flags)


def _joined(parts: list[str]) -> Joined:
    starts = []
    offset = 0
    for part in parts:
        starts.append(offset)
        offset += len(part) + 1
    return Joined("\n".join(parts), starts, parts)
