"""Image syntax that CommonMark leaves as text prints as raw Markdown in the handout."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.escapes import ESCAPE_OF, MADE_OF
from exambank.link_targets import destination
from exambank.rules.base import BankRule, Options
from exambank.rules.locate import Placer
from exambank.source import JsonPath, Position, Source
from exambank.unread_images import TYPOGRAPHIC_QUOTES, UnreadImage, unread_images

# Why an image is no image to CommonMark, and how to write it, by UnreadImage.fault:
# {fixed} is what follows its "](" written so that CommonMark reads it, {path} the path.
_UNREAD = {
    "space": (
        "its path holds a space",
        "write the path in angle brackets: ![…]({fixed}), or rename the file without spaces",
    ),
    "escaped space": (
        "its path holds a space, which a backslash does not escape",
        "write the path in angle brackets, without the backslash: ![…]({fixed}), "
        "or rename the file without spaces",
    ),
    "parenthesis": (
        "its path has an unmatched parenthesis",
        "write the path in angle brackets: ![…]({fixed}), or rename the file without parentheses",
    ),
    "angle": (
        "its path opens an angle bracket that no '>' closes",
        "close the angle bracket: ![…]({fixed})",
    ),
    "quotes": (
        "its title is in typographic quotes",
        "write the title in straight quotes: ![…]({fixed}), or leave it out",
    ),
    "line break": (
        "a line break splits its path",
        "keep the path on one line (the description may break, the path may not)",
    ),
    "unclosed": ("no ')' ends its path", "end it with ')': ![…]({path})"),
    "other": (
        "what follows its path is no title in quotes",
        'write it as ![description](path) or ![description](path "title")',
    ),
}
_STRAIGHT = str.maketrans(dict.fromkeys(TYPOGRAPHIC_QUOTES, '"'))
# A path names a file by a folder ("images/") or an extension (".png"); "to start", in
# "type ![ then ]( to start", names none.
_PATH_LIKE = re.compile(r"/|\w\.\w")


def _fixed(image: UnreadImage) -> str:
    """What follows the image's "](", written so that CommonMark reads it as an image."""
    written = image.written.strip()
    if image.fault == "quotes":
        return written.translate(_STRAIGHT)
    if image.fault == "angle":
        return written.replace(image.path, f"{image.path}>", 1)
    return written.replace(image.path, destination(image.path.replace("\\ ", " ")), 1)


def _finding(image: UnreadImage) -> tuple[str, str]:
    """The message and hint for image syntax a handout prints as text."""
    reason, hint = _UNREAD[image.fault]
    shown = image.path.replace("\n", "\\n")
    return (
        f"image '{shown}' is not read as an image ({reason}): the handout prints its "
        "Markdown as text",
        hint.format(fixed=_fixed(image), path=image.path),
    )


def _escaped(image: UnreadImage, escapes: set[str]) -> tuple[str, str] | None:
    """The message and hint for an image whose path holds a character YAML made of an
    escape in double quotes (``escapes``, those the text holds: "imagens\\vlan.png" read
    with a vertical tab), its path shown as typed; None if it holds none."""
    typed = [_typed(character, escapes) for character in image.path]
    escape = next((written for written in typed if written in escapes), None)
    if escape is None:
        return None
    with_slashes = "".join(typed).replace("\\", "/")
    return (
        f"image '{''.join(typed)}' is not read as an image (in double quotes YAML reads the "
        f"'{escape}' in its path as {MADE_OF[escape[1]][1]}): the handout prints its "
        "Markdown as text",
        f"use '/' in the path: ![…]({with_slashes}), or write the text in single quotes",
    )


def _typed(character: str, escapes: set[str]) -> str:
    """How ``character`` of an image's path was typed: an escape the text holds, else as
    itself. Markdown reads a carriage return as a line break: it may be a typed "\\r"."""
    for escape in (ESCAPE_OF.get(character), "\\r" if character == "\n" else None):
        if escape in escapes:
            return escape
    return character


def _where(placer: Placer, source: Source, path: JsonPath, image: UnreadImage) -> Position:
    """Where the "![" of ``image`` is written: by its description's first words and its
    path's, else by its first words, else at the next "![" in the text."""
    label = re.escape(image.label.split("\n", 1)[0].split("\u2026", 1)[0])
    start = re.escape(image.path.split(maxsplit=1)[0]) if image.path.split() else ""
    written = (
        re.compile(rf"!\[{label}[^\]\n]*\]\(\s*{start}"),
        re.compile(rf"!\[{label}"),
        re.compile(r"!\["),
    )
    return placer.place(source, path, written, "![")


class UnreadImageRule(BankRule):
    """An image is written in a way Markdown does not read as an image.

    The handout would print its Markdown as text, "![...](...)" and all, in place of the
    picture, and the JSON export would ship no image. Every Markdown text is checked
    (stems, options, feedback, explanations, notes, key term definitions, exam tips, the
    manifest's description). Heuristic: a "![description](" that CommonMark does not read
    as an image, whose would-be path names a file by a folder or an extension (it holds a
    "/", or a "." inside a word, as "plan.png"), because of a space in the path
    (``![Plan](images/floor plan.png)``; write ``<images/floor plan.png>`` or
    ``images/floor%20plan.png``; a backslash does not escape a space), a "<" that no ">"
    closes, a title in typographic quotes (“Plan”, „Plan“), an unmatched parenthesis in
    the path, a line break inside it, or no ")" on its line. Code spans and escaped text
    (``\\![...]``) are shown as written and not reported. Known false positives: prose
    that spells out image syntax, outside a code span, before a path or a word with a "."
    inside ("type ![, then ]( and images/x.png", "then ]( e.g. here"); put such syntax
    in backticks. Known misses: a would-be path with neither a "/" nor an extension
    ("![Plan](floor plan)"), a space between "]" and "(", and a reference image
    (``![Plan][plan]``) with no definition. Source: the CommonMark specification 0.31.2,
    6.3 Links (link destination, link title) and 6.4 Images.

    Bad:
        stem: "Which room does this plan show? ![Floor plan](images/floor plan.png)"

    Good:
        stem: "Which room does this plan show? ![Floor plan](<images/floor plan.png>)"
    """

    name = "unread-image"
    severity = "error"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        placer = Placer()
        for source, path, text, question in bank.markup_fields:
            for image in unread_images(text):
                if not _PATH_LIKE.search(image.path):
                    continue  # prose about the syntax, or nothing after "]("
                slips = source.escape_slips.get(path)
                escaped = _escaped(image, {escape for _, escape in slips}) if slips else None
                message, hint = escaped or _finding(image)
                at = _where(placer, source, path, image)
                yield self.report(source, path, message, hint, question, at=at)
