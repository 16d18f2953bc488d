"""Lists as they were typed, where CommonMark reads more list than that. A list of one
item where a list makes no sense prints as the text written: German writes ordinals as
"2. Normalform" and "15. April 2024", which CommonMark reads as a list that starts at 2 or
15, and a lone "+" or "*" (the name of a key) as an empty bullet: the handouts would print
a list's number or bullet, and an LMS would show a list. And the question typed below a
list of steps prints after it, not inside its last item."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from exambank.statement_lines import SENTENCE_END

# A list item's marker where its line starts, and the spaces after it.
_ITEM_MARKER = re.compile(r"([ \t]*(?:\d{1,9}[.)]|[-*+]))( *)")
# More spaces than this after a marker are indented code; the item's text starts one on.
_MOST_SPACES = 4
# Marks that may close a sentence after its full stop, or open one before its first letter.
_CLOSING = "\"'`*_)\\]\u00ab\u00bb\u201c\u201d\u2019"
_OPENING = "\"'`*_(\u00ab\u00bb\u201e\u201c\u2018"
# A line that ends a sentence, and the word before its mark: not ":" or ";", which lead
# into what follows (statement_lines.SENTENCE_END counts them: a statement may follow).
_SENTENCE_END = re.compile(rf"(\S*)([.!?])[{_CLOSING}]*\s*$")
# A question mark that ends a sentence.
_QUESTION = re.compile(rf"\?[{_CLOSING}]*(?:\s|$)")
# An initial ("J") or an abbreviation of short parts ("e.g", "U.S", "z.B"), without
# its last dot: a full stop after it ends no sentence. "Node.js" and "3.12" are words.
_ABBREVIATION = re.compile(r"[^\W\d_]|(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


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


def sentences_after_lists(state: StateCore) -> None:
    """A question after a list: where a line typed at the list's own indentation below its
    last item starts a new sentence, and the text from there holds a question ("3) Start
    the server." / "Which step comes second?"), the text from there is a paragraph after
    the list. CommonMark reads it as the last item's text (a lazy continuation line), and
    the handouts would print it after the item's words.

    A new sentence: the line above ends in ".", "?" or "!" (closing quotes, brackets and
    emphasis marks may follow), not after an initial or an abbreviation ("J.", "e.g.",
    "U.S."), and the line starts with a capital after any opening quote, code or emphasis
    marks ("**Which**", "«Какой»"). A line after ":" or ";" goes on with what they lead in.
    The question keeps wrapped prose in its item: two sentences of an item typed on two
    lines ("- Use S3.\nIt is cheap.") stay together, and when an earlier item of the list
    holds a question typed so as well, the author wraps items that way and none is split:
    items typed alike print alike. A line indented under the item's text stays in the
    item. Known misses, left as CommonMark reads them: a question after an item that ends
    with a single letter ("Restart server B."), and an instruction that asks nothing
    ("Select the second step.").
    """
    tokens = state.tokens
    if not any(token.type.endswith("list_open") for token in tokens):
        return  # most texts
    source_lines = state.src.split("\n")
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        if token.type.endswith("list_close") and token.level == 0:
            _end_list_before_sentence(tokens, index, source_lines, state)
        index -= 1


def _end_list_before_sentence(
    tokens: list[Token], close: int, source_lines: list[str], state: StateCore
) -> None:
    """Split the last item's paragraph of the list that ``close`` closes where the question
    typed below the list starts, the rest a paragraph after the list. When an earlier item
    holds such a line too, the author wraps items so: none is split."""
    level = tokens[close].level
    first = _opening(tokens, close, "list_open", level)
    items = [
        at
        for at in range(first, close)
        if tokens[at].type == "list_item_close" and tokens[at].level == level + 1
    ]
    inline, item = tokens[close - 3], tokens[_opening(tokens, close, "list_item_open", level + 1)]
    number = _question_line(tokens, items[-1], source_lines)
    if number is None or inline.map is None:
        return
    if any(_question_line(tokens, at, source_lines) for at in items[:-1]):
        return  # the author wraps every item so
    split, lines = inline.map[0] + number, inline.content.split("\n")
    inline.content = "\n".join(lines[:number]).rstrip()  # a hard break's spaces too
    inline.children = _inline(inline.content, state)
    rest = "\n".join(lines[number:])
    paragraph = _paragraph(rest, tokens[close], state)
    paragraph[0].map = paragraph[1].map = [split, inline.map[1]]
    for opened in (tokens[close - 4], item, tokens[first]):
        if opened.map is not None:
            opened.map = [opened.map[0], split]
    inline.map = [inline.map[0], split]
    tokens[close + 1 : close + 1] = paragraph


def _question_line(tokens: list[Token], item_close: int, source_lines: list[str]) -> int | None:
    """The line of the paragraph that ends the item ``item_close`` closes where a sentence
    typed at the list's indentation starts, if the text from there holds a question."""
    if tokens[item_close - 1].type != "paragraph_close":
        return None  # the item ends with no paragraph (a code block, a list inside it)
    inline = tokens[item_close - 2]
    item = tokens[_opening(tokens, item_close, "list_item_open", tokens[item_close].level)]
    lines = inline.content.split("\n")
    breaks = sum(child.type.endswith("break") for child in inline.children or [])
    if inline.map is None or item.map is None or breaks == 0:
        return None  # one line
    if breaks != len(lines) - 1 or inline.map[1] - inline.map[0] != len(lines):
        return None  # a line break inside a code span or an image's description
    text_column = _text_column(source_lines[item.map[0]])
    for number in range(1, len(lines)):
        typed = source_lines[inline.map[0] + number].expandtabs(4)
        indent = len(typed) - len(typed.lstrip(" "))
        if indent < text_column and _starts_sentence(lines[number - 1], lines[number]):
            break
    else:
        return None
    if not _QUESTION.search("\n".join(lines[number:])):
        return None  # wrapped prose, not the question after the list
    return number


def _starts_sentence(above: str, line: str) -> bool:
    """Whether ``line`` starts a new sentence after the line ``above`` ends one."""
    end = _SENTENCE_END.search(above)
    if end is None:
        return False
    if end[2] == "." and _ABBREVIATION.fullmatch(end[1].lstrip(_OPENING)):
        return False  # "e.g." / "Amazon S3 Glacier ..."
    return line.lstrip().lstrip(_OPENING)[:1].isupper()


def _opening(tokens: list[Token], close: int, kind: str, level: int) -> int:
    """Where the last token of ``kind`` ("list_item_open", "list_open") at ``level`` before
    ``close`` is: the opening of the list ``close`` closes, or of an item."""
    index = close - 1
    while not tokens[index].type.endswith(kind) or tokens[index].level != level:
        index -= 1
    return index


def _text_column(line: str) -> int:
    """Where the text of the list item whose marker starts ``line`` starts: a line indented
    less below it is no line of the item's, but CommonMark's lazy continuation."""
    marker = _ITEM_MARKER.match(line.expandtabs(4))
    if marker is None:
        return 0
    spaces = len(marker[2])
    return marker.end(1) + (spaces if 0 < spaces <= _MOST_SPACES else 1)
