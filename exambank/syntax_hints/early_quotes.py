"""A quoted text that YAML reads as ending before the author's text does: its closing
quote is on the first line and more text follows below, or a quote inside the text closes
it early ('"Bayesian" is one of ...', 'AWS's')."""

from __future__ import annotations

from exambank.syntax_hints.text import Explanation, Text, quoted, short, shortened


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
