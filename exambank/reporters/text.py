"""``--format text``: ``path:line:col: severity rule message`` and a hint, as ruff prints.

Coloured only where asked to be: ``--color always``, or ``auto`` on a terminal without
``NO_COLOR`` (https://no-color.org); ``FORCE_COLOR`` colours a pipe, as CI logs like.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TextIO

from exambank.diagnostics import Diagnostic, Note
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.ci_log import without_commands

COLOR_CHOICES = ("auto", "always", "never")
# Control characters a source can hold through a double-quoted escape ("\r\n", "\e"),
# line breaks only YAML knows, and bidirectional overrides, shown as escapes: printed
# raw, a value could start a line of its own (a CI runner obeys a line "::error ...")
# or send the terminal commands.
_CONTROLS = (range(0x20), range(0x7F, 0xA0), range(0x2028, 0x202F), range(0x2066, 0x206A))
_ESCAPED = {code: ascii(chr(code))[1:-1] for codes in _CONTROLS for code in codes}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_SEVERITY = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and environ.get("TERM") != "dumb"  # a terminal without escapes


def visible(words: str) -> str:
    """``words`` with control characters and the like written as escapes (``\\r``,
    ``\\x1b``, ``\\u2028``), as a person reading a log or terminal can see them; so are
    the ``[`` of a ``##[`` and the first ``:`` of a leading ``::``, which a CI runner
    would obey as a command (``##\\x5b``, ``\\x3a:``)."""
    return without_commands(controls_escaped(words))


def controls_escaped(words: str) -> str:
    """``words`` with control characters and the like written as escapes, as ``visible``
    writes them, and nothing else changed: for a report with escapes of its own for
    ``##[`` (``reporters.ci_log``)."""
    return words.translate(_ESCAPED)


def text(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    """The listing, the notes, then a summary of every finding, listed or not: its counts,
    how many more a question's ``lint: ignore`` dropped (the listing never shows them),
    and, when more than one rule found something, the count of each rule's findings."""
    lines = listing(diagnostics, context.color) + note_lines(context.notes, context.color)
    found = [*diagnostics, *context.unlisted]
    errors = sum(one.severity == "error" for one in found)
    dropped = sum(entry.findings for entry in (*context.suppressed, *context.unlisted_suppressed))
    suppressed = f"{dropped} suppressed by lint: ignore" if dropped else ""
    if not found:
        rules_that_ran = _by_the_rules_that_ran(context.notes)
        if suppressed:
            suppressed = f"; {suppressed}" if rules_that_ran else f" ({suppressed})"
        lines.append(f"No problems found{rules_that_ran}{suppressed}.")
        return "\n".join(lines) + "\n"
    besides = [f"{len(context.unlisted)} not listed" if context.unlisted else "", suppressed]
    said = "; ".join(filter(None, besides))
    counts = f"{_count(errors, 'error')}, {_count(len(found) - errors, 'warning')}"
    lines.append(f"{counts} ({said})." if said else f"{counts}.")
    by_rule = Counter(one.rule for one in found)
    if len(by_rule) > 1:  # which rules a long report is mostly about
        ranked = sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))
        lines.append("by rule: " + ", ".join(f"{rule} {count}" for rule, count in ranked))
    return "\n".join(lines) + "\n"


def _by_the_rules_that_ran(notes: Sequence[Note]) -> str:
    """What "No problems found" leaves out when rules did not run for a bank's language:
    a reader skimming to the last line is not told all is clear."""
    telling = [note for note in notes if note.rules_not_run]
    not_run = sum(note.rules_not_run for note in telling)
    if not not_run:
        return ""
    rules = "rule" if not_run == 1 else "rules"
    notes_above = "the note above" if len(telling) == 1 else "the notes above"
    return f" by the rules that ran ({not_run} {rules} did not: see {notes_above})"


def note_lines(notes: Sequence[Note], color: bool = False) -> list[str]:
    """``path:line:col: note message`` for each note: no finding, it changes neither the
    counts nor the exit status."""
    lines = []
    for note in notes:
        where = f"{_paint(visible(note.path), _BOLD, color)}:{note.line}:{note.column}:"
        lines.append(f"{where} {_paint('note', _BOLD, color)} {visible(note.message)}")
    return lines


def listing(diagnostics: Sequence[Diagnostic], color: bool = False) -> list[str]:
    """Each finding's lines, ``path:line:col: severity rule message`` and its hint."""
    lines = []
    for found in diagnostics:
        lines.append(
            f"{_paint(visible(found.path), _BOLD, color)}:{found.line}:{found.column}: "
            f"{_paint(found.severity, _SEVERITY[found.severity], color)} "
            f"{_paint(found.rule, _BOLD, color)} {visible(found.message)}"
        )
        if found.hint:
            lines.append(_paint(f"    hint: {visible(found.hint)}", _DIM, color))
    return lines


def _paint(words: str, style: str, color: bool) -> str:
    return f"{style}{words}{_RESET}" if color else words


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
