"""Backslashes in double-quoted text that YAML read as escapes the author most likely did
not mean: a Windows path ("C:\\temp\\novos") or a Markdown escape ("snake\\_case"); and
escapes that write a control character no text may hold ("\\e[31m", "\\x00").

In double quotes YAML reads ``\\t`` as a tab, ``\\n`` as a line break and so on, so
"C:\\temp" prints as "C:" and "emp" with a tab between. ``slips`` finds them in the few
double-quoted scalars whose source holds a backslash (``exambank.event_reader`` asks);
the ``escape-in-text`` rule reports them, and ``unread-image`` names them. ``controls``
finds the escapes of control characters, which the ``control-character`` rule reports.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left

from exambank.invisible import control_name

# The escapes an author types by mistake for a backslash and a letter, and what YAML
# makes of each: the character, and its name in a message. \x, \u and \U take hex
# digits, and others than these are refused by YAML itself (syntax_hints.escapes).
MADE_OF = {
    "t": ("\t", "a tab"),
    "n": ("\n", "a line break"),
    "r": ("\r", "a carriage return"),
    "a": ("\x07", "the control character U+0007 (bell)"),
    "b": ("\x08", "the control character U+0008 (backspace)"),
    "e": ("\x1b", "the control character U+001B (escape)"),
    "f": ("\x0c", "a form feed"),
    "v": ("\x0b", "a vertical tab"),
    "0": ("\x00", "the control character U+0000 (null)"),
    "N": ("\x85", "the line break U+0085"),
    "_": ("\xa0", "a no-break space"),
    "L": ("\u2028", "the line separator U+2028"),
    "P": ("\u2029", "the paragraph separator U+2029"),
}
# The escape each of those characters is written as: the reverse of MADE_OF.
ESCAPE_OF = {made: f"\\{letter}" for letter, (made, _) in MADE_OF.items()}
# One escape: a backslash and the character after it, with the hex digits of "\\x", "\\u"
# or "\\U" ("\\\\" is one escape: its second "\\" starts none).
ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
# A file name after a backslash ("\\rede.png"), by the extensions of the files a
# question shows or names: "my_list.sort()" and "u.id" are code.
_FILE_NAME = re.compile(
    r"[\w-]+\.(?:png|jpe?g|gif|svg|bmp|webp|pdf|txt|csv|docx?|xlsx?|pptx?|exe|bat|cmd|ps1"
    r"|dll|ini|log|zip|py|java|cpp|js|html?|xml|json|ya?ml|md|sql|sh)\b(?![\w(/])",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s")
_LINE_BREAKS = "\r\n\x85\u2028\u2029"  # libyaml's


def slips(text: str, start: int, end: int) -> list[int]:
    """Where each escape most likely meant as a backslash stands in ``text[start:end]``,
    a double-quoted scalar's source: one of ``MADE_OF`` directly followed by a letter or
    digit, not right after another escape (the "\\t" of "\\n\\tprint(x)" indents code, and
    "\\u00e9\\t" writes two characters). A line break ("\\n") is often meant, also before a
    word ("Step 1.\\nStep 2"): it counts only in a word that holds another of them
    ("C:\\temp\\novos") or names a file right after it ("imagens\\nede.png")."""
    found: list[int] = []
    breaks: list[int] = []
    escape_end = -1  # where the last escape ended
    for escape in ESCAPE.finditer(text, start, end):
        at = escape.start()
        letter = escape[0][1]
        simple = len(escape[0]) == 2 and letter in MADE_OF  # no hex digits
        if simple and at != escape_end and text[escape.end()].isalnum():
            (breaks if letter == "n" else found).append(at)
        escape_end = escape.end()
    others = tuple(found)  # in order: the first one at or after a word's start tells
    for at in breaks:
        word_start, word_end = _word(text, at, start + 1, end - 1)
        after = bisect_left(others, word_start)
        if (after < len(others) and others[after] < word_end) or (
            _FILE_NAME.match(text, at + 2, word_end) and "://" not in text[word_start:word_end]
        ):
            found.append(at)
    return sorted(found)


def controls(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where each escape in the double-quoted scalar's source ``text[start:end]`` that
    writes a control character no text may hold (``invisible.control_name``: "\\e",
    "\\0", "\\x1b", "\\u0007", not "\\t" or "\\n") stands, and the escape as written."""
    return [
        (escape.start(), escape[0])
        for escape in ESCAPE.finditer(text, start, end)
        if (made := made_of(escape[0])) and control_name(made)
    ]


def writes_blank(text: str, start: int, end: int) -> bool:
    """Whether the double-quoted scalar's source ``text[start:end]`` writes a space or a
    tab as an escape ("\\t", "\\ ", "\\x20"): whitespace the author typed on purpose."""
    return any(made_of(escape[0]) in ("\t", " ") for escape in ESCAPE.finditer(text, start, end))


def made_of(escape: str) -> str:
    """What an escape (one match of ``ESCAPE``) writes: "\\e" U+001B, "\\x85" U+0085; one
    of no letter of ``MADE_OF`` ("\\\\", "\\ ") the character after its backslash, and
    one of a line break nothing (it joins the lines)."""
    if len(escape) > 2:  # hex digits
        code = int(escape[2:], 16)
        return chr(code) if code <= sys.maxunicode else "\ufffd"  # which YAML refuses
    made = MADE_OF.get(escape[1])
    if made is not None:
        return made[0]
    return "" if escape[1] in _LINE_BREAKS else escape[1]


def _word(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """Where the word (a run of characters other than spaces and line breaks, as written)
    around ``text[at]`` starts and ends, within ``text[start:end]``."""
    word_start = at
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    space = _SPACE.search(text, at, end)
    return word_start, end if space is None else space.start()
