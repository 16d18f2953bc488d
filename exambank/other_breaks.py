"""Line breaks only YAML sees: U+0085 (NEL), U+2028 and U+2029.

libyaml (YAML 1.1) counts them as line breaks; editors, grep and git do not, so where one
stands an editor shows one line and YAML reads another. Outside quotes YAML ends the line
there, and may read "title: T<U+2028>summary: y" as two keys. Inside quotes it folds them
as it folds any line break: a U+0085 becomes a space, and the blanks beside a U+2028 are
dropped ("a <U+2028> b" reads "a<U+2028>b"). A U+0085 is most likely a Windows-1252 "…"
(byte 0x85) that some tool read as Latin-1. Each is an error where it changes what YAML
reads, so ``fmt``, ``lint --fix`` and ``new``, which rewrite only a file lint reads
cleanly (``rewrite.read``), never write the folded text back as if the author typed it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import ScalarEvent, StreamEndEvent

from exambank.code_pages import read_as_latin1
from exambank.escapes import ESCAPE_OF
from exambank.source import OTHER_BREAKS, line_and_column

if TYPE_CHECKING:
    from exambank.syntax_hints.text import Explanation

_NEL = "\x85"
_BREAK = re.compile(f"[{''.join(OTHER_BREAKS)}]")
_BLANKS = " \t"
_LINE_FEEDS = "\r\n"
_COMMENT = re.compile(r"(?:(?<=[ \t])|^)#", re.MULTILINE)  # a '#' that may start a comment


def misread(text: str) -> Iterator[tuple[int, str, str]]:
    """Where a line break only YAML sees makes YAML read ``text`` (a file that reads)
    otherwise than an editor shows it, with what is wrong and how to mend it: each one
    outside quotes; inside quotes each one of a text YAML reads otherwise than typed (the
    break taken as a character) that YAML does not keep as it is (``_folded``)."""
    quoted = _quoted_scalars(text)
    starts = [scalar.start for scalar in quoted]
    holders: dict[int, _Quoted | None] = {}  # each break, and the quoted text holding it
    for found in _BREAK.finditer(text):
        number = bisect_right(starts, found.start()) - 1
        inside = number >= 0 and found.start() < quoted[number].end
        holders[found.start()] = quoted[number] if inside else None
    typed = _as_typed(text, [index for index, holder in holders.items() if holder])
    for index, holder in holders.items():
        if holder is None:
            yield index, *_problem(text[index])
            continue
        if typed is not None and typed.get(holder.start) == holder.value:
            continue  # YAML reads the text as typed
        message, hint = _problem(text[index], quoted=True)
        if holder.style == '"' and _escaped(text, index):
            yield index, f"{message}: {_ESCAPED}", _escaped_hint(text[index])
        elif (folded := _folded(text, index)) is not None:
            yield index, f"{message}: {folded}", hint


def syntax_error(text: str, error: MarkedYAMLError) -> Explanation:
    """libyaml's ``error`` in the author's words, in a file ``text`` that holds a line
    break only YAML sees. Where the file fails alike with each such break read as a
    character an editor shows, they play no part: it is explained as any file is, on the
    lines the author sees. Otherwise those lines are not YAML's: libyaml's words, and the
    break before the error named, which most likely caused it."""
    from exambank import syntax_hints  # only a broken file needs it

    as_characters, back = _stand_ins(text)
    shown = text.translate(as_characters)
    again = syntax_hints.first_error(shown)
    if again is not None and _alike(again, error):
        found = syntax_hints.explain(shown, again) or syntax_hints.in_libyaml_words(shown, again)
        hint = None if found.hint is None else found.hint.translate(back)
        return replace(found, message=found.message.translate(back), hint=hint)
    found = syntax_hints.in_libyaml_words(text, error)
    said = _break_hint(text, found.index)
    if again is None:  # the file reads with each break as a character: the break did it
        return replace(found, hint=said or found.hint)
    return replace(found, hint=found.hint or said)


def _problem(character: str, quoted: bool = False, comment: bool = False) -> tuple[str, str]:
    """What is wrong with the line break ``character`` and how to mend it: inside quotes,
    or in a comment (where quotes would make the comment text)."""
    message = f"U+{ord(character):04X}, a line break to YAML that editors do not show"
    misread = read_as_latin1(character)  # a NEL: most likely a Windows-1252 '…'
    if misread is not None:
        note, hint = misread
        return f"{message} ({note})", hint
    if quoted:
        return message, f"delete it, or write it as '{ESCAPE_OF[character]}' in double quotes"
    if comment:
        return message, "delete it"
    return message, "delete it, or put the text in double quotes"


_ESCAPED = "in double quotes the backslash before it escapes it: YAML drops both"


def _escaped(text: str, index: int) -> bool:
    """Whether an odd number of backslashes stands before ``text[index]``: in double
    quotes, an escaped line break, which YAML drops with the backslash."""
    backslashes = 0
    while text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _escaped_hint(character: str) -> str:
    """How to mend the line break ``character`` after a backslash in double quotes: each
    way keeps the backslash from escaping what is typed in its place."""
    if character == _NEL:
        return "type '…' in place of the backslash and it, or delete both"
    return f"delete both, or write them as '\\\\{ESCAPE_OF[character]}' to keep both"


def _folded(text: str, index: int) -> str | None:
    """What YAML makes of the line break ``text[index]`` inside quotes, not escaped
    (``_escaped``), where that is not the character as it is (None there). libyaml
    folds a U+0085 as a line feed, into a space; it keeps a U+2028 or U+2029, but drops
    the blanks beside it, and joins it with a line feed beside it."""
    if text[index] == _NEL:
        return "inside quotes YAML folds it into a space"
    before, after = text[index - 1], text[index + 1]  # the quotes are within the text
    if before in _BLANKS or after in _BLANKS:
        return "inside quotes YAML drops the blanks beside it"
    if before in _LINE_FEEDS or after in _LINE_FEEDS:
        return "inside quotes YAML joins it with the line break beside it"
    return None


class _Quoted(NamedTuple):
    """A quoted scalar: where it starts (at its quote) and ends (past its quote), its
    quote, and the text YAML reads from it."""

    start: int
    end: int
    style: str
    value: str


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Where each scalar of ``text`` starts and ends, up to where libyaml stops."""
    spans: list[tuple[int, int]] = []
    loader = CSafeLoader(text)
    try:
        while type(event := loader.get_event()) is not StreamEndEvent:
            if type(event) is ScalarEvent:
                spans.append((event.start_mark.index, event.end_mark.index))
    except MarkedYAMLError:
        pass  # the spans read so far
    finally:
        loader.dispose()
    return spans


def _quoted_scalars(text: str) -> list[_Quoted]:
    """The quoted scalars of ``text``, in order."""
    quoted: list[_Quoted] = []
    loader = CSafeLoader(text)
    try:
        while type(event := loader.get_event()) is not StreamEndEvent:
            if type(event) is ScalarEvent and event.style in ("'", '"'):
                start, end = event.start_mark.index, event.end_mark.index
                quoted.append(_Quoted(start, end, event.style, event.value))
    finally:
        loader.dispose()
    return quoted


def _as_typed(text: str, indices: list[int]) -> dict[int, str] | None:
    """The texts YAML reads from the quoted scalars of ``text``, by where each starts,
    with each line break at ``indices`` (all inside quotes) read as the character it is;
    None where YAML cannot read ``text`` so (a backslash before a break escaped it)."""
    as_characters, back = _stand_ins(text)
    characters = list(text)
    for index in indices:
        characters[index] = as_characters[ord(text[index])]
    try:
        scalars = _quoted_scalars("".join(characters))
    except MarkedYAMLError:
        return None
    return {scalar.start: scalar.value.translate(back) for scalar in scalars}


def _break_hint(text: str, error_at: int) -> str | None:
    """The line break only YAML sees that most likely caused a syntax error which makes
    no sense in an editor: the last one before the error."""
    at = max(text.rfind(character, 0, error_at) for character in OTHER_BREAKS)
    if at < 0:
        return None
    line, column = line_and_column(text, at)
    return f"{line}:{column} holds " + ": ".join(_problem(text[at], comment=_in_comment(text, at)))


def _in_comment(text: str, at: int) -> bool:
    """Whether the line break at ``at`` stands in a comment, as an editor shows the file:
    after a '#' on its line that starts one (at the line's start or after a blank) and
    stands in no text YAML reads before it stops."""
    line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    marks = [found.start() for found in _COMMENT.finditer(text, line_start, at)]
    if not marks:
        return False
    as_characters, _ = _stand_ins(text)
    spans = _scalar_spans(text.translate(as_characters))
    return any(not any(start <= mark < end for start, end in spans) for mark in marks)


def _stand_ins(text: str) -> tuple[dict[int, str], dict[int, str]]:
    """For each line break only YAML sees, a private-use character ``text`` does not hold,
    which YAML reads as text, as an editor shows it: the tables (for ``str.translate``)
    from each break to its stand-in and back."""
    unused = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    pairs = list(zip(OTHER_BREAKS, unused, strict=False))
    return {ord(one): other for one, other in pairs}, {ord(other): one for one, other in pairs}


def _alike(one: MarkedYAMLError, other: MarkedYAMLError) -> bool:
    """Whether two errors are the same one, at the same places of the same text."""

    def said(error: MarkedYAMLError) -> tuple[object, ...]:
        marks = (error.problem_mark, error.context_mark)
        return error.problem, error.context, *(mark and mark.index for mark in marks)

    return said(one) == said(other)
