"""A key longer than YAML reads. libyaml takes a key (written without '?') only where its
':' stands at most 1,024 characters from where the key starts, at its first character or
its opening quote; YAML 1.2 allows no longer one. It reads a longer one as text, and
refuses the ':' after it in words that say nothing of the length ("could not find
expected ':'", "mapping values are not allowed", "did not find expected ',' or '}'"):
told here as that limit, for a plain key, a quoted one, one in braces, one of a list item.
"""

from __future__ import annotations

import re

from exambank.syntax_hints.text import Explanation, Text

KEY_LENGTH = 1024
_TEXT_HINT = (
    "a line this long is text: if it goes on the text above, indent it under that "
    "text's key; if a line break is missing before the key, put it back"
)
_KEY_HINT = "no key of a bank file is this long: if it is a text, write it after its key's ': '"
_FLOW_KEY_START = re.compile(r"[{,][ \t\r\n]*")


def too_long(index: int, length: int, text_line: bool = True) -> Explanation:
    """A key ``length`` characters long, starting at ``index``: a line of text that
    looks like a key (``text_line``), or a key in quotes or in braces."""
    return Explanation(
        index,
        f"the key before ':' is {length:,} characters long; YAML reads a key of at most "
        f"{KEY_LENGTH:,}",
        _TEXT_HINT if text_line else _KEY_HINT,
    )


def quoted_key_too_long(text: Text, problem: int, context: int) -> Explanation | None:
    """A key in quotes ('"…": x') whose ':' (at ``problem``) stands further from its
    opening quote (at ``context``, where libyaml's key starts) than a key may be long."""
    quote = text.text[context : context + 1]
    between = text.text[context:problem]
    if quote not in ("'", '"') or text.text[problem : problem + 1] != ":":
        return None
    if "\n" in between or "\r" in between or not between.rstrip(" \t").endswith(quote):
        return None
    length = problem - context
    return too_long(context, length, text_line=False) if length > KEY_LENGTH else None


def flow_key_too_long(text: Text, problem: int, context: int) -> Explanation | None:
    """A key in braces ('{…: x}') whose ':' (at ``problem``) stands further from the key's
    start, after the '{' (at ``context``) or a ',', than a key may be long."""
    if text.text[context : context + 1] != "{" or text.text[problem : problem + 1] != ":":
        return None
    opened = max(text.text.rfind(mark, context, problem) for mark in "{,")
    start = _FLOW_KEY_START.match(text.text, opened)
    if start is None or problem - start.end() <= KEY_LENGTH:
        return None
    return too_long(start.end(), problem - start.end(), text_line=False)
