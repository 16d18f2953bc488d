"""The link and image targets a Markdown text refers to: how each is read, and how one
must be written.

Apart from ``exambank.markdown``, which renders a text for print: this reads a text for
what it points at (lint's rules, the export's images) and renders nothing. Every target is
kept as written, the unsafe ones the renderer drops included, so lint can point at them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token


class TargetReader(MarkdownIt):
    """Keeps every target as written, including the ones the renderer drops as unsafe
    (``file:``, ``javascript:``), so lint can point at them."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url


_READER = TargetReader("commonmark").enable("table")
_PLAIN = RendererHTML()
# Inline links and images need "](", autolinks "<", reference definitions "]:".
_MAY_HOLD_TARGET = re.compile(r"\]\(|<|\]:")


@dataclass(frozen=True)
class Target:
    """A link or image target; ``line`` is 0-based within the Markdown text. An image's
    ``alt`` is its description as a reader who cannot see it gets it (markup dropped),
    ``label`` that description as written between its brackets, and ``title`` the text in
    quotes after its target; all are empty for a link."""

    kind: Literal["image", "link"]
    url: str
    line: int
    alt: str = ""
    label: str = ""
    title: str = ""


def alt_text(label: list[Token]) -> str:
    """An image's description as the renderer writes it into ``alt``: the text of its
    label, without the markup."""
    return _PLAIN.renderInlineAsText(label, _READER.options, {})


def targets(text: str) -> tuple[Target, ...]:
    """Every link and image target in ``text``, in reading order."""
    if not _MAY_HOLD_TARGET.search(text):
        return ()  # most texts: no parse needed (it cost 0.86 s on 10,000 questions)
    return _parsed_targets(text)


# Three rules read each text's targets (image-alt, external-resource, missing-resource),
# one after another over the whole bank: one parse serves them all.
@lru_cache(maxsize=1 << 14)
def _parsed_targets(text: str) -> tuple[Target, ...]:
    found = []
    for block in _READER.parse(text):
        line = block.map[0] if block.map else 0
        for token in block.children or []:
            if token.type == "image":
                src, alt = str(token.attrs.get("src", "")), alt_text(token.children or [])
                title = str(token.attrs.get("title", ""))
                found.append(Target("image", src, line, alt, token.content, title))
            elif token.type == "link_open":
                found.append(Target("link", str(token.attrs.get("href", "")), line))
    return tuple(found)


def closing_parenthesis(rest: str) -> int | None:
    """Where the ")" that closes a target is in ``rest`` (the text after its "("), pairs of
    parentheses inside skipped; None if none closes it."""
    depth = 0
    for index, character in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return index
    return None


def destination(path: str) -> str:
    """``path`` as a link or image target must be written between "(" and ")": in angle
    brackets when it is empty, holds a space, a control character or an unmatched
    parenthesis, or starts with "<", which a bare target cannot."""
    balanced = closing_parenthesis(path) is None and path.count("(") == path.count(")")
    if path and balanced and not re.search(r"[\x00-\x20\x7f]|^<", path):
        return path
    return f"<{path}>"


def target_path(url: str) -> str:
    """The path a link or image target names, relative to the bank folder, as the renderer
    reads it: the fragment and query split off first, then percent-decoded (``x%23y.png``
    is the file ``x#y.png``); a backslash is part of a name, as it is to the renderer."""
    return posixpath.normpath(unquote(url.split("#", 1)[0].split("?", 1)[0]))
