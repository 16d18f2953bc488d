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


def is_hidden(character: str) -> bool:
    return unicodedata.category(character) in _HIDDEN


def character_name(character: str) -> str:
    """'a zero width space (U+200B)', 'a no-break space (U+00A0)': a character the screen
    does not show, or shows as another, by its Unicode name."""
    code = f"U+{ord(character):04X}"
    name = _name(character)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name} ({code})"


def shown(text: str, named: str = "") -> str:
    """``text`` on one line, each hidden character as its escape, and after it the names
    of those that ``named`` (a hint beside it, say) does not already give:
    "unknown key '\\u200bexplanation' (\\u200b is an invisible zero width space)"."""
    escaped = "".join(
        _escape(character) if is_hidden(character) else character for character in text
    )
    unnamed = [
        character
        for character in dict.fromkeys(text)
        if is_hidden(character)
        and not character.isspace()  # a line break or a tab: its escape says it ('\n')
        and _name(character) not in named
    ]
    if not unnamed:
        return escaped
    said = (
        f"{_escape(character)} {'is ' if index == 0 else ''}an invisible {_name(character)}"
        for index, character in enumerate(unnamed)
    )
    return f"{escaped} ({', '.join(said)})"


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
