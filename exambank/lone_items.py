"""A list of one item where a list makes no sense, printed as the text written. German
writes ordinals as "2. Normalform" and "15. April 2024", which CommonMark reads as a list
that starts at 2 or 15, and a lone "+" or "*" (the name of a key) as an empty bullet: the
handouts would print a list's number or bullet, and an LMS would show a list."""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from exambank.statement_lines import SENTENCE_END


def items_in_prose(state: StateCore) -> None:
    """A list of one item that continues a paragraph on its next line, whose line ends no
    sentence or lead-in ("Atomare Werte verlangt die" / "1. Normalform, ..."), joins it:
    CommonMark lets "1." or "- " interrupt a paragraph, and prose wraps before an ordinal."""
    _items_as_text(state, whole_text=False)


def lone_items(state: StateCore) -> None:
    """As ``items_in_prose``, and a text that is all one list item prints as a paragraph:
    an option is one line ("2. Normalform", "+"), and so is a stem, feedback, explanation,
    definition or tip that holds nothing else."""
    _items_as_text(state, whole_text=True)


def _items_as_text(state: StateCore, whole_text: bool) -> None:
    """Lists of one item of one paragraph (or none), outside any list, as text where
    ``items_in_prose`` and ``lone_items`` say. Lists of more items, an item that follows a
    lead-in or a blank line, and lists inside lists stay as written."""
    tokens, kept, depth, index = state.tokens, [], 0, 0
    if not any(token.type.endswith("list_open") for token in tokens):
        return  # most texts
    while index < len(tokens):
        token = tokens[index]
        lone = _lone_item(tokens, index) if token.type.endswith("list_open") else None
        if lone and depth == 0 and whole_text and index == 0 and lone[0] == len(tokens):
            kept = _paragraph(lone[1], token, state)
        elif lone and depth == 0 and _continues_prose(kept, token):
            kept[-2].content += "\n" + lone[1]
            kept[-2].children = _inline(kept[-2].content, state)
        else:
            depth += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
            kept.append(token)
            index += 1
            continue
        index = lone[0]
    state.tokens = kept


def _lone_item(tokens: list[Token], start: int) -> tuple[int, str] | None:
    """If the list opening at ``start`` holds one item of one paragraph or none: where the
    list ends, and the item as written (its marker, "2." or "-", then its paragraph)."""
    item, inner = tokens[start + 1], tokens[start + 2]
    if inner.type == "list_item_close":
        end, text = start + 4, ""
    elif inner.type == "paragraph_open" and tokens[start + 5].type == "list_item_close":
        end, text = start + 7, tokens[start + 3].content
    else:
        return None
    if not tokens[end - 1].type.endswith("list_close"):
        return None
    return end, f"{item.info}{item.markup} {text}".rstrip()


def _continues_prose(kept: list[Token], list_open: Token) -> bool:
    """Whether a list starts on the line after a paragraph (it interrupts it: a blank line
    would end the paragraph first) whose last line ends no sentence or lead-in."""
    if len(kept) < 3 or kept[-1].type != "paragraph_close":
        return False
    paragraph, last_line = kept[-3].map, kept[-2].content.rsplit("\n", 1)[-1]
    return (
        paragraph is not None
        and list_open.map is not None
        and paragraph[1] == list_open.map[0]
        and not SENTENCE_END.search(last_line)
    )


def _inline(text: str, state: StateCore) -> list[Token]:
    """The inline tokens of a paragraph's text."""
    children: list[Token] = []
    state.md.inline.parse(text, state.md, state.env, children)
    return children


def _paragraph(text: str, replaced: Token, state: StateCore) -> list[Token]:
    """The tokens of a paragraph holding ``text``, in the place of the block ``replaced``."""
    level, lines = replaced.level, replaced.map
    inline = Token("inline", "", 0, map=lines, level=level + 1, content=text, block=True)
    inline.children = _inline(text, state)
    return [
        Token("paragraph_open", "p", 1, map=lines, level=level, block=True),
        inline,
        Token("paragraph_close", "p", -1, level=level, block=True),
    ]
