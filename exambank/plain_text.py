"""A Markdown text as plain text: what its HTML says, for a reader or a tool that takes
no markup (a screen reader's summary, Kahoot, Google Forms, plain Anki, an LMS's CSV
import).

Read from the tokens the HTML is rendered from (``markdown.blocks``), so the plain text
says what the handouts print: the same paragraphs, lists and statement lines, the same
typesetting (with plain spaces for its no-break ones, and no word joiner), a link as its
words with a web address after them in brackets (not where the words are the address),
an image as its description, as the exports print an image they do not ship (nothing
where it has none). Code keeps its characters: a code span without its backticks, a code
block as its lines. Emphasis marks are dropped, character references and backslash
escapes are read (``&amp;`` is ``&``), and raw HTML stays the text it is in the
handouts. Blocks are separated by a blank line; each list item is a line ("• " or its
number, as the HTML numbers it), a nested list indented under its item; a table is a
line per row, its cells joined by " | "."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from exambank.markdown import blocks, image_description, one_line

BULLET = "\u2022 "
CELL_SEPARATOR = " | "
WORD_JOINER = "\u2060"  # print's, after a unit's slash ("Mbit/s"), where no line may break


def short_text(text: str, space_groups: bool = False) -> str:
    """The plain text of a short text (a stem, an option, feedback, an explanation, a
    definition, a tip), read as ``short_html`` reads it."""
    return tokens_text(blocks(text, short=True, space_groups=space_groups))


def tokens_text(tokens: Sequence[Token]) -> str:
    """The plain text of the tokens ``markdown.blocks`` read (``short_text`` of its text)."""
    return _plain(_joined(_blocks(tokens), "\n\n"))


def to_text(text: str, space_groups: bool = False) -> str:
    """The plain text of a summary, notes or a description, read as ``to_html`` reads it:
    a heading is a paragraph of its own."""
    return _plain(_joined(_blocks(blocks(text, short=False, space_groups=space_groups)), "\n\n"))


def _plain(text: str) -> str:
    """``text`` without what only print needs: the no-break spaces that keep a number
    with its unit or a dash off a line's start are spaces (a search for "50 Mbit/s" typed
    with a space must find it), the invisible word joiner is gone, and no line ends in a
    space (an image with no description leaves nothing)."""
    spaced = one_line(text).replace(WORD_JOINER, "")
    return "\n".join(line.rstrip(" ") for line in spaced.split("\n"))


def _joined(parts: list[str], separator: str) -> str:
    return separator.join(part for part in parts if part)


def _blocks(tokens: Sequence[Token]) -> list[str]:
    """The text of each block in ``tokens`` (a run of whole blocks), in order."""
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _closing(tokens, index)
        if token.type in ("fence", "code_block"):
            found.append(token.content.removesuffix("\n"))  # its lines, as typed
        elif token.type == "inline":
            found.append(_inline(token.children or []))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            found.append(_list(tokens[index + 1 : end], token))
        elif token.type == "table_open":
            found.append(_table(tokens[index + 1 : end]))
        elif token.nesting == 1:  # a paragraph, heading, block quote: what it holds
            found.append(_joined(_blocks(tokens[index + 1 : end]), "\n\n"))
        index = end + 1  # a rule (hr) and anything else that holds no text: nothing
    return found


def _closing(tokens: Sequence[Token], index: int) -> int:
    """Where the block that opens at ``index`` closes (``index`` for one without a close)."""
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _list(items: Sequence[Token], opening: Token) -> str:
    """A list's items, a line each (an item's own blocks on lines below its first, indented
    as far as its text): "• " before each, or its number where the list is numbered, from
    the number the list starts at, as the HTML's ``start`` keeps it."""
    number = int(opening.attrs.get("start", 1)) if opening.type == "ordered_list_open" else None
    lines: list[str] = []
    index = 0
    while index < len(items):
        end = _closing(items, index)
        if items[index].type == "list_item_open":
            marker = BULLET if number is None else f"{number}. "
            first, *rest = _joined(_blocks(items[index + 1 : end]), "\n").split("\n")
            lines.append(marker + first if first else marker.rstrip())
            lines.extend(" " * len(marker) + line if line else line for line in rest)
            number = None if number is None else number + 1
        index = end + 1
    return "\n".join(lines)


def _table(rows: Sequence[Token]) -> str:
    """A table's rows, its header row first, a line each, the cells joined by " | "."""
    lines, cells = [], []
    for token in rows:
        if token.type == "inline":
            cells.append(" ".join(_inline(token.children or []).split("\n")))
        elif token.type == "tr_close":
            lines.append(CELL_SEPARATOR.join(cells))
            cells = []
    return "\n".join(lines)


def _inline(children: Sequence[Token]) -> str:
    """A paragraph's text: code spans as typed, emphasis marks dropped, a line break typed
    as one a space (as the HTML shows it) and one the handouts keep ("I. ...", a hard break)
    a line break. An image with no description leaves nothing, and the spaces on its two
    sides one ("Images  and" would miss a search for "Images and"), none at a line's start."""
    out: list[str] = []
    after_nothing = False  # such an image, and nothing printed since
    for token in children:
        # a link's ends are text here too: "" and " (https://...)" (``_links_as_text``)
        if token.type in ("text", "code_inline"):
            piece = token.content
        elif token.type == "image":
            piece = " ".join(image_description(token).split())
            after_nothing = after_nothing or not piece
        elif token.type == "softbreak":
            piece = " "
        elif token.type == "hardbreak":
            piece = "\n"
        else:
            continue
        if after_nothing and token.type != "code_inline":  # code keeps its spaces
            before = next((text for text in reversed(out) if text), "\n")
            piece = piece.lstrip(" ") if before[-1] in " \n" else piece
        after_nothing = after_nothing and not piece
        out.append(piece)
    return "".join(out)
