"""Characters a screen does not show, shown in a one-line message.

A zero-width space pasted before a key, or a word joiner after an id, looks like nothing:
"unknown key 'explanation'; did you mean 'explanation'?" reads as nonsense. A message
shows such a character as its escape ('\\u200bexplanation') and names it; a line break or
a tab in what it quotes is shown as its escape too ('B\\n'), which needs no name.
"""

from __future__ import annotations

import unicodedata

# Control and format characters (a zero-width space, a word joiner, a byte-order mark, a
# soft hyphen), and Unicode's line and paragraph separators.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
# The control characters' names, which Unicode gives as aliases (``unicodedata.name`` has
# none): U+0000-U+001F, U+007F and U+0080-U+009F.
_C0_NAMES = (
    "null", "start of heading", "start of text", "end of text", "end of transmission",
    "enquiry", "acknowledge", "bell", "backspace", "tab", "line feed", "vertical tab",
    "form feed", "carriage return", "shift out", "shift in", "data link escape",
    "device control one", "device control two", "device control three",
    "device control four", "negative acknowledge", "synchronous idle",
    "end of transmission block", "cancel", "end of medium", "substitute", "escape",
    "file separator", "group separator", "record separator", "unit separator",
)  # fmt: skip
_C1_NAMES = (
    "padding character", "high octet preset", "break permitted here", "no break here",
    "index", "next line", "start of selected area", "end of selected area",
    "character tabulation set", "character tabulation with justification",
    "line tabulation set", "partial line forward", "partial line backward",
    "reverse line feed", "single shift two", "single shift three", "device control string",
    "private use one", "private use two", "set transmit state", "cancel character",
    "message waiting", "start of guarded area", "end of guarded area", "start of string",
    "single graphic character introducer", "single character introducer",
    "control sequence introducer", "string terminator", "operating system command",
    "privacy message", "application program command",
)  # fmt: skip
_CONTROL_NAMES = dict(
    zip([*range(0x20), 0x7F, *range(0x80, 0xA0)], [*_C0_NAMES, "delete", *_C1_NAMES], strict=True)
)
# The control characters a text holds as text: its tabs and line breaks.
_TEXT_CONTROLS = "\t\n\r"


def is_hidden(character: str) -> bool:
    return unicodedata.category(character) in _HIDDEN


def character_name(character: str) -> str:
    """'a zero width space (U+200B)', 'a no-break space (U+00A0)': a character the screen
    does not show, or shows as another, by its Unicode name."""
    code = f"U+{ord(character):04X}"
    name = _name(character)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name} ({code})"


def control_name(character: str) -> str | None:
    """'U+001B (escape)': a control character no text may hold (one of U+0000-U+001F,
    U+007F-U+009F, but a tab, a line feed or a carriage return), by its code and name;
    None for any other character."""
    name = _CONTROL_NAMES.get(ord(character))
    if name is None or character in _TEXT_CONTROLS:
        return None
    return f"U+{ord(character):04X} ({name})"


def shown(text: str, named: str = "") -> str:
    """``text`` on one line, each hidden character as its escape, and after it the names
    of those that ``named`` (a hint beside it, say) does not already give:
    "unknown key '\\u200bexplanation' (\\u200b is an invisible zero width space)"."""
    unnamed = [
        character
        for character in dict.fromkeys(text)
        if is_hidden(character)
        and not character.isspace()  # a line break or a tab: its escape says it ('\n')
        and _name(character) not in named
    ]
    if not unnamed:
        return escaped(text)
    said = (
        f"{_escape(character)} {'is ' if index == 0 else ''}an invisible {_name(character)}"
        for index, character in enumerate(unnamed)
    )
    return f"{escaped(text)} ({', '.join(said)})"


def escaped(text: str) -> str:
    """``text`` with each hidden character as its escape, unnamed: as ``shown`` writes
    what it quotes."""
    return "".join(_escape(character) if is_hidden(character) else character for character in text)


def shown_finding(message: str, hint: str | None) -> tuple[str, str | None]:
    """A finding's message and hint as shown: each character the screen does not show is
    escaped, and named once, in the message unless the hint already names it (the letter
    B "written with a zero width space (U+200B)")."""
    said = shown(message, hint or "")
    return said, hint and shown(hint, said)


def _escape(character: str) -> str:
    """'\\u200b', '\\n', '\\x07': as Python writes the character in a string."""
    return repr(character)[1:-1]


def _name(character: str) -> str:
    """'zero width space'; 'control character' for one that Unicode gives no name."""
    return unicodedata.name(character, "control character").lower()
