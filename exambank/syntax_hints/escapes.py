"""A backslash in double quotes that starts no escape YAML reads: a Windows path
("C:\\Windows\\System32") or a LaTeX command ("\\sqrt") typed in double quotes, or a
character code that is none ("\\ud83d", half of a JSON surrogate pair)."""

from __future__ import annotations

from exambank.escapes import ESCAPE
from exambank.syntax_hints.text import Explanation, Text

# The escapes that take hex digits, and how many.
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
# The escapes YAML reads that take none.
_KNOWN = frozenset('0abt\tnvfre "/\\N_LP')
_HINT = "write the text in single quotes, or '\\\\' for a backslash; in a path '/' works too"


def unknown_escape(text: Text, problem: int, context: int) -> Explanation | None:
    """An escape libyaml refused (an unknown letter, too few hex digits after "\\x", "\\u"
    or "\\U", or a code that is no character), told at its backslash: the last such
    escape between the quote that opens the text (``context``) and the character
    refused (``problem``), the escapes read from the quote on as YAML reads them."""
    refused = None
    for escape in ESCAPE.finditer(text.text, context):
        if escape.start() > problem:
            break
        if not _reads(escape[0]):
            refused = escape
    if refused is None:
        return None
    at, written = refused.start(), refused[0]
    letter = written[1]
    if len(written) > 2:  # its hex digits make no character
        return _no_character(text.text, at, written)
    digits = _HEX_DIGITS.get(letter)
    wrong = f"must be followed by {digits} hex digits" if digits else "is none"
    return Explanation(
        at, f"in double quotes a backslash starts an escape, and '\\{letter}' {wrong}", _HINT
    )


def _reads(escape: str) -> bool:
    """Whether YAML reads ``escape`` (one match of ``ESCAPE``) as a character."""
    if len(escape) == 2:
        return escape[1] in _KNOWN
    code = int(escape[2:], 16)
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


def _no_character(text: str, at: int, escape: str) -> Explanation:
    """``escape`` at ``at``: hex digits that name no character, most often half of a
    surrogate pair a JSON tool wrote ("\\ud83d\\ude00" for an emoji)."""
    code = int(escape[2:], 16)
    if not 0xD800 <= code <= 0xDFFF:
        return Explanation(
            at,
            f"in double quotes '{escape}' names no character: Unicode ends at \\U0010FFFF",
            _HINT,
        )
    low = text[at + 6 : at + 12]
    if 0xD800 <= code <= 0xDBFF and low[:2] == "\\u" and _is_hex(low[2:], 0xDC00, 0xDFFF):
        character = chr(0x10000 + (code - 0xD800) * 0x400 + int(low[2:], 16) - 0xDC00)
        said = f"'{escape}{low}' is a surrogate pair"
        how = f"write the character itself ({character}), or '\\U{ord(character):08X}'"
    else:
        said = f"'{escape}' is half of a surrogate pair"
        how = "write the character itself, or its code as '\\U' and 8 hex digits"
    return Explanation(
        at,
        f"in double quotes {said} (UTF-16), which YAML does not read",
        f"{how}: YAML has no surrogate pairs",
    )


def _is_hex(digits: str, low: int, high: int) -> bool:
    try:
        return low <= int(digits, 16) <= high
    except ValueError:
        return False
