"""A quoted text that YAML reads as ending before the author's text does: its closing
quote is on the first line and more text follows below, or a quote inside the text closes
it early ('"Bayesian" is one of ...', 'AWS's'); or one that YAML reads on past the author's
text: its quote is left open, and the next quote below closes it ('A: "80', 'B: "443"')."""

from __future__ import annotations

import re

from exambank.syntax_hints.text import Explanation, Text, last_words, quoted, short, shortened

# What lint says at a quote left open: libyaml's error where it read on to (a later quote,
# the end) is the open quote's doing, not a slip of that line's own.
LEFT_OPEN = "a quote opens here and nothing closes it"
_NOTE = re.compile(r"[ \t]{2,}#")  # a note two spaces off or more: the quote goes before it


def text_after_quote(text: Text, row: int, column: int) -> Explanation | None:
    """More of a text on the lines below its closing quote ('stem: "Which one"', then
    'is it?' indented under it): the author quoted only the first line."""
    owner_row = text.row_above(row, keyed=True)
    if owner_row is None or owner_row != text.row_above(row):
        return None
    owner = text.parse(owner_row)
    value = owner.value.rstrip()
    if len(value) < 2 or value[0] not in "'\"" or value[-1] != value[0]:
        return None
    if column <= owner.key_column or "\\" in value or value.count(value[0]) != 2:
        return None
    whole = f"{value[1:-1]} {text.lines[row].strip()}"
    example = quoted(whole)
    return Explanation(
        text.index(owner_row, owner.value_column),
        f"the text of '{owner.key}' goes on after its closing quote (line {row + 1})",
        f"put the closing quote at the end of the text"
        f"{shortened(example, quoted(whole, whole=True))}: {owner.lead}{example}",
    )


def quote_left_open(text: Text, row: int, column: int) -> Explanation | None:
    """A key's text whose opening quote nothing closes where the text ends ('A: "80' over
    'B: "443"'): libyaml reads on to the next such quote, the first on ``row`` (``column``
    is just after it), and fails after it. Told where the quote opens, when a line below it
    starts a key no deeper than its own before ``row``: the author's next key, which YAML
    reads as more of the text, so the text ended on the line above that one."""
    written = text.lines[row]
    closing = len(written[:column].rstrip()) - 1
    quote = written[closing] if closing >= 0 else ""
    if quote not in ("'", '"') or quote in written[:closing]:
        return None
    opened = next((above for above in range(row - 1, -1, -1) if quote in text.lines[above]), None)
    if opened is None:
        return None
    owner = text.parse(opened)
    after = text.lines[opened][owner.value_column + 1 :]
    if owner.key is None or owner.value[:1] != quote or _closes(after, quote):
        return None
    next_key = next(
        (below for below in range(opened + 1, row + 1) if _key_at(text, below, owner.key_column)),
        None,
    )
    ends = None if next_key is None else text.row_above(next_key)
    if ends is None:
        return None
    index = text.index(opened, owner.value_column)
    if ends == opened:
        return Explanation(
            index,
            f"{LEFT_OPEN} on its line: YAML reads on to the quote on line {row + 1}",
            f"close it at the end of the text{_closed(owner.lead, owner.value, quote)}",
        )
    ending = _closed("", text.lines[ends].strip(), quote, ending=True)
    return Explanation(
        index,
        f"{LEFT_OPEN} where the text ends (line {ends + 1}): YAML reads on to the quote on "
        f"line {row + 1}",
        f"close it at the end of line {ends + 1}{ending}",
    )


def _closes(after: str, quote: str) -> bool:
    """Whether ``after``, a quoted text's line after its opening quote, closes the text:
    holds a quote that is not written as one ('\\"' in double quotes, "''" in single)."""
    return quote in re.sub(r"\\." if quote == '"' else "''", "", after)


def _key_at(text: Text, row: int, column: int) -> bool:
    """Whether ``row`` starts a key no deeper than ``column`` (a list item's first key too)."""
    content = text.lines[row].strip()
    line = text.parse(row)
    return not content.startswith("#") and line.key is not None and line.key_column <= column


def _closed(lead: str, written: str, quote: str, ending: bool = False) -> str:
    """The end of a hint to close a quote: ``written`` (after ``lead``) with ``quote``
    added at its end, before a note set two spaces off or more, shortened as a hint shows
    it (saying so): to its first words, or to its last (``ending``), where the quote goes."""
    note = _NOTE.search(written)
    text, after = (written[: note.start()], written[note.start() :]) if note else (written, "")
    shown = last_words(text) if ending else short(text)
    example, whole = f"{shown}{quote}{after}", f"{text}{quote}{after}"
    return f"{shortened(example, whole)}: {lead}{example}"


def quote_ends_early(text: Text, row: int, column: int, owner_row: int) -> Explanation | None:
    """A text opened with a quote that closes before the text ends."""
    owner = text.parse(owner_row)
    quote = owner.value[0]
    written = text.lines[row]
    closing = len(written[:column].rstrip()) - 1  # libyaml stops just after it
    if written[closing] != quote:
        return None
    index = text.index(owner_row, owner.value_column)
    if not written.rstrip().endswith(quote):  # "Bayesian" is one of ...
        other = "'" if quote == '"' else '"'
        in_single = other == "'" or "\\" in owner.value
        escaped = owner.value.replace('"', '\\"')
        whole = quoted(owner.value) if in_single else f'"{short(escaped)}"'
        full = quoted(owner.value, whole=True) if in_single else f'"{escaped}"'
        return Explanation(
            index,
            "text that starts with a quote must end with it",
            f"put the whole text in {other} quotes{shortened(whole, full)}: {owner.lead}{whole}",
        )
    inner = owner.value[1:].removesuffix(quote) if owner_row == row else owner.value[1:]
    keep = closing - owner.value_column - 1 if owner_row == row else 0
    if quote == "'":
        word = _word_around(written, closing)
        twice = inner.replace("'", "''")
        example = short(twice, keep)
        doubled = f"double it{shortened(example, twice)}: {owner.lead}'{example}'"
        other_style = f', or use double quotes: {owner.lead}"{short(inner, keep)}"'
        return Explanation(
            index,
            f'the \' in "{word}" ends the quoted text early',
            doubled + ("" if '"' in inner or "\\" in inner else other_style),
        )
    word = _word_around(written, column)
    single = short(inner.replace("'", "''"), keep)
    note = shortened(single, inner.replace("'", "''"))
    return Explanation(
        index,
        f"the '\"' before '{word}' ends the quoted text early",
        f"quote the text with ' instead{note}: {owner.lead}'{single}', or write the inner "
        'quotes as \\"',
    )


def _word_around(line: str, column: int) -> str:
    """The word of ``line`` that holds ``column``, without quotes and punctuation."""
    start = len(line[:column].rstrip(" ").rsplit(" ", 1)[0]) if " " in line[:column] else 0
    end = line.find(" ", column)
    return line[start : len(line) if end < 0 else end].strip("\"'.,;:!?() ")
