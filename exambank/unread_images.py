"""Image syntax that CommonMark leaves as text: its one job is to find each "![...](" a
handout would print as typed, and say why it is no image (``unread_images``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from markdown_it.token import Token

from exambank.link_targets import TargetReader, closing_parenthesis

# A reader that keeps escapes ("\\!") and entities ("&#33;") as tokens of their own, so that
# image syntax an author escaped to show it is told from syntax CommonMark could not read.
_LITERAL_READER = TargetReader("commonmark").enable("table").disable("text_join")
_OPAQUE = "\x1a"  # stands for printed text that is no markup: code, an escape, an image
_IMAGE_START = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(")  # one level of [] inside
# Quotes a word processor or keyboard layout types: CommonMark takes none for a title's.
TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"
_TYPOGRAPHIC_QUOTE = re.compile(rf"\s[{TYPOGRAPHIC_QUOTES}]")
_STRAIGHT_TITLE = re.compile(r"\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\))\Z")
_BROKEN_TITLE = re.compile(r"\s[\"']")  # a title left unclosed, or text after it
UnreadFault = Literal[
    "quotes", "line break", "angle", "escaped space", "space", "parenthesis", "unclosed", "other"
]


@dataclass(frozen=True)
class UnreadImage:
    """Image syntax that CommonMark does not read as an image, so a handout prints it as
    text: ``label`` as printed between its brackets (markup dropped), ``written`` what
    follows "](" up to its ")" (or to the line's end), ``path`` that without a title, and
    ``fault`` why it is no image."""

    label: str
    written: str
    path: str
    fault: UnreadFault


def _printed_as_is(children: list[Token]) -> tuple[str, list[str]]:
    """An inline text's characters that print as typed, and how each ``_OPAQUE`` in them
    was typed: code, escapes, entities and images print, but not as the syntax sought;
    emphasis marks are left out. A backslash that escapes nothing ("a\\ b") prints."""
    parts, typed = [], []
    for token in children:
        if token.type == "text" or (token.type == "text_special" and token.content == token.markup):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type in ("text_special", "code_inline", "image"):
            parts.append(_OPAQUE)
            typed.append(_as_typed(token))
    return "".join(parts), typed


def _as_typed(token: Token) -> str:
    """How an escape, an entity or a code span was typed; an image as "…"."""
    if token.type == "code_inline":
        return token.markup + token.content + token.markup
    return token.markup if token.type == "text_special" else "\u2026"


def _typed_back(text: str, typed: list[str]) -> str:
    """``text`` with its ``_OPAQUE`` characters as ``typed``, in order."""
    pieces = text.split(_OPAQUE)
    return pieces[0] + "".join(form + piece for form, piece in zip(typed, pieces[1:], strict=False))


def _unread(label: str, rest: str) -> UnreadImage:
    """Why ``![label](rest`` is no image; ``rest`` is all the text after its "]("."""
    end = closing_parenthesis(rest)
    if end is None:  # an unbalanced "(": the author's ")" is the line's first one
        line = rest.split("\n", 1)[0]
        if ")" not in line:
            path = line.strip()
            return UnreadImage(label, line, path, "angle" if _open_angle(path) else "unclosed")
        end = line.index(")")
    written = rest[:end]
    quoted = _TYPOGRAPHIC_QUOTE.search(written)
    if quoted:
        return UnreadImage(label, written, written[: quoted.start()].strip(), "quotes")
    path = _STRAIGHT_TITLE.sub("", written.strip())
    return UnreadImage(label, written, path, _fault(path))


def _fault(path: str) -> UnreadFault:
    """What keeps ``path`` (a target without its title) from being read as a path."""
    if "\n" in path:
        return "line break"
    if _open_angle(path):
        return "angle"
    if path.startswith("<") or _BROKEN_TITLE.search(path):
        return "other"  # a title left open, or words after it: "space" would mislead
    if "\\ " in path:
        return "escaped space"
    if any(character.isspace() for character in path):
        return "space"
    if path.count("(") != path.count(")"):
        return "parenthesis"
    return "other"


def unread_images(text: str) -> Iterator[UnreadImage]:
    """Every "![...](" in ``text`` that CommonMark does not read as an image (a space or a
    line break in its path, a title in typographic quotes, an unbalanced parenthesis ...),
    in reading order; code spans and escaped characters are not searched."""
    if "![" not in text:
        return  # most texts hold no image
    for block in _LITERAL_READER.parse(text):
        printed, typed = _printed_as_is(block.children or [])
        for found in _IMAGE_START.finditer(printed):
            image = _unread(found[1].replace(_OPAQUE, "\u2026"), printed[found.end() :])
            # its path and what follows it start at the same _OPAQUE: show both as typed
            after = typed[printed.count(_OPAQUE, 0, found.end()) :]
            written, path = _typed_back(image.written, after), _typed_back(image.path, after)
            yield UnreadImage(image.label, written, path, image.fault)


def _open_angle(path: str) -> bool:
    """Whether ``path`` opens an angle bracket ("<a b.png") that no ">" closes."""
    return path.startswith("<") and ">" not in path
