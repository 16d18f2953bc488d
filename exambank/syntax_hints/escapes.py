"""A backslash in double quotes that starts no escape YAML knows: a Windows path
("C:\\Windows\\System32") or a LaTeX command ("\\sqrt") typed in double quotes."""

from __future__ import annotations

from exambank.syntax_hints.text import Explanation, Text

# The escapes that take hex digits, and how many.
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


def unknown_escape(text: Text, problem: int, context: int) -> Explanation | None:
    """An escape libyaml refused (an unknown letter, or too few hex digits after "\\x",
    "\\u" or "\\U"), told at its backslash: the last one between the quote that opens
    the text (``context``) and the character refused (``problem``)."""
    at = text.text.rfind("\\", context, problem + 1)
    if at < 0:
        return None
    letter = text.text[at + 1 : at + 2]
    digits = _HEX_DIGITS.get(letter)
    wrong = f"must be followed by {digits} hex digits" if digits else "is none"
    return Explanation(
        at,
        f"in double quotes a backslash starts an escape, and '\\{letter}' {wrong}",
        "write the text in single quotes, or '\\\\' for a backslash; in a path '/' works too",
    )
