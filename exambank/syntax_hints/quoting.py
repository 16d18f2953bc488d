"""Mistakes in a key or the text after it: a colon missing or a lookalike, ': ' or a
leading '*', '&', '[' ... in unquoted text, a quote that closes early (``early_quotes``),
text after '|' or '>', more text at its key's place."""

from __future__ import annotations

import re

from exambank.statement_lines import STATEMENT
from exambank.syntax_hints.deeper_keys import after_closed_value, key_too_deep, option_as_text
from exambank.syntax_hints.early_quotes import LEFT_OPEN, quote_ends_early, text_after_quote
from exambank.syntax_hints.empty_keys import missing_key
from exambank.syntax_hints.indents import misaligned, tab
from exambank.syntax_hints.items import item_over, lookalike_dash, lost_dash
from exambank.syntax_hints.long_keys import KEY_LENGTH, too_long
from exambank.syntax_hints.text import (
    BESIDE,
    BLOCK_HEADER,
    COLON_LOOKALIKES,
    CURLY_QUOTES,
    KEYS,
    MARKUP_STARTS,
    PROSE_KEYS,
    RESERVED_STARTS,
    Explanation,
    Text,
    curly_quoted,
    is_key_name,
    next_option,
    quoted,
    quoted_line,
    refused_start,
    short,
    shortened,
    space_words,
    spaces,
    wrapped_rows,
    write_pair,
    write_quoted,
)
from exambank.syntax_hints.wrapped_texts import continued_text, owner_of, whole_text


def missing_colon(text: Text, problem: int, context: int) -> Explanation | None:
    """A line at a key's place with no ': ' (libyaml's context mark is where it starts)."""
    row, column = text.row_column(context)
    written = text.lines[row][column:].rstrip()
    if written.startswith("---"):
        return Explanation(
            context,
            "'---' here is read as text where a key belongs",
            "delete the line: a bank file holds one document (a comment '# ---' can mark a break)",
        )
    if written.startswith(":"):  # ':B', at a key's place: the key left out
        return missing_key(text, row, column)
    if (too_long := _key_too_long(written, context)) is not None:
        return too_long
    word = re.match(r"[\w-]+", written)
    if word is None:
        return None
    after = written[word.end() :]
    value = after.lstrip(" \t")
    at = context + word.end()
    if value[:1] and value[0] in COLON_LOOKALIKES:
        return Explanation(
            at + len(after) - len(value),
            f"'{value[0]}' is not a colon YAML knows",
            write_pair(word[0], value[1:].strip(), "type an ordinary ':' instead:"),
        )
    if after.startswith(":") and after[1:2].isspace():
        return Explanation(
            at + 1, f"{space_words(after[1])} follows ':'", "replace it with an ordinary space"
        )
    if after.startswith(":"):
        return Explanation(at, "no space after ':'", write_pair(word[0], after[1:]))
    if _option_letter(text, row, column, written):  # "B) AWS Lambda" among options
        letter, rest = written[0], written[2:].strip()
        return Explanation(context, f"missing ':' after '{letter}'", write_pair(letter, rest))
    if STATEMENT.match(written):  # "I. first": a statement of the text above, no key
        return Explanation(
            context,
            f"'{short(written, 24)}' is read as a key here, but it goes on the text above",
            "write that text as a '|' block: its key, then '|', and every line of it, "
            "this one too, indented under the key",
        )
    if is_key_name(word[0]) and not _continues_text(text, row, column, word[0], value):
        return Explanation(context, f"missing ':' after '{word[0]}'", write_pair(word[0], value))
    return _text_not_indented(text, row, column)


_COLON = re.compile(r":(?=[ \t]|$)")  # a ':' that ends a key


def _key_too_long(written: str, context: int) -> Explanation | None:
    """A ': ' further than a key may be from the start of the line ``written`` (at
    ``context``): YAML reads no key there, and the line is text, or runs into a key."""
    colon = _COLON.search(written)
    if colon is None or colon.start() <= KEY_LENGTH:
        return None
    return too_long(context, colon.start())


def _option_letter(text: Text, row: int, column: int, written: str) -> bool:
    """Whether ``written`` is an option's letter with ")" or "." for ':' ("B) AWS Lambda",
    copied from a printed exam) below an option letter at its place ("A: Amazon S3")."""
    above = text.row_above(row, keyed=True)
    if above is None:
        return False
    line = text.parse(above)
    return line.key_column == column and next_option(line.key, written)


# Keys whose values are few: a line "type of problem described." is no 'type' key.
_KEY_VALUES = {
    "type": re.compile(r"single|multiple"),
    "difficulty": re.compile(r"easy|medium|hard"),
    "answer": re.compile(r"\[?[A-Za-z](?:\s*,\s*[A-Za-z])*\]?"),
    "id": re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"),
}


def _continues_text(text: Text, row: int, column: int, word: str, value: str) -> bool:
    """Whether a line that starts with a key's name ("A good choice ...", "type of ...")
    is rather the next line of the plain text above, written at its key's place: the key
    above holds prose (a stem, an option ...) and the word would be no key beside it --
    a letter that does not follow that option's, a key of another part of the format
    ('text' beside 'explanation'), a key whose value cannot be ``value``."""
    above = text.row_above(row, keyed=True)
    if above is None or not value:
        return False
    owner = text.parse(above)
    prose = owner.key in PROSE_KEYS or re.fullmatch("[A-Z]", owner.key or "") is not None
    if owner.key_column != column or not prose or owner.value[:1] in ("", "|", ">", "'", '"'):
        return False
    if re.fullmatch("[A-Z]", word):
        return not (owner.key and len(owner.key) == 1 and ord(word) == ord(owner.key) + 1)
    if word not in BESIDE.get(owner.key or "", frozenset()):
        return True
    pattern = _KEY_VALUES.get(word)
    return pattern is not None and pattern.fullmatch(value.split("#")[0].strip()) is None


def _text_not_indented(text: Text, row: int, column: int) -> Explanation | None:
    """More of a plain text written at its key's place, not indented under it."""
    owner_row = text.row_above(row, keyed=True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    if owner.key_column < column or owner.value[:1] in ("", "|", ">", "'", '"'):
        return None
    return Explanation(
        text.index(row, column),
        f"more text of '{owner.key}' (line {owner_row + 1}) must be indented more than "
        f"'{owner.key}'",
        f"indent this line {spaces(owner.key_column + 2)}, or write the text of "
        f"'{owner.key}' on one line",
    )


def colon_in_text(text: Text, problem: int, context: int) -> Explanation | None:
    """': ' where YAML allows no key: in a text, or a key indented into the text above."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    if line.key is not None and line.value_column <= column:  # stem: Which: AWS ...
        return _quote_the_text(text, row, column - line.value_column)
    if line.key is not None and column - line.key_column > KEY_LENGTH:  # '- <1,100 k>: x'
        return _key_too_long(text.lines[row][line.key_column :], text.index(row, line.key_column))
    plain = line.value[:1] not in ("", *MARKUP_STARTS, *RESERVED_STARTS, "'", '"')
    if line.dash_columns and plain and line.value_column <= column:
        # A list item's text: '- Read it twice, then: answer: B', or a ': ' further on
        # than a key may be long ('- <1,100 characters> Tip: x'), where YAML reads no key
        return _quote_the_text(text, row, column - line.value_column)
    if lost := item_over(text, row):
        return lost  # the first question's '- ' typed as a dash or lost: its keys read as text
    above = text.row_above(row)
    if above is not None and text.parse(above).key is None:  # 'options' or 'text Amazon EC2'
        word = re.match(r" *(?:- +)*([\w-]+)(.?)", text.lines[above])
        lone = word is not None and not word[2]
        if word and is_key_name(word[1]) and (lone or word.start(1) == line.key_column):
            return missing_colon(text, problem, text.index(above, word.start(1)))
    owner_row = text.row_above(row, keyed=True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    if line.key is None:  # 'Exam tip: read twice' going on with a text above: no key to YAML
        goes_on = not line.dash_columns and line.indent > owner.key_column
        if plain and goes_on and (wrapped := continued_text(text, row)) is not None:
            return whole_text(text, *wrapped)
        return None
    if found := option_as_text(text, owner_row, line.key):
        return found
    deeper = line.key_column - owner.key_column
    if deeper > 0 and (lost := lost_dash(text, owner_row)):
        return lost  # "  id: q1" under 'questions:', its 'stem' read as more text of it
    if is_key_name(line.key) and deeper > 0:
        return key_too_deep(text, owner_row, row, reads_on=True)
    if (wrapped := continued_text(text, row)) is not None:  # a key's text, or an item's
        return whole_text(text, *wrapped)
    return _quote_the_text(text, owner_row, None)


def _quote_the_text(text: Text, row: int, colon: int | None) -> Explanation | None:
    """Text holding ': ' (at ``colon`` in the value, when on this line) left unquoted."""
    line = text.parse(row)
    index = text.index(row, line.value_column)
    keep = colon or 0
    if curly_quoted(line.value):  # quotes around a part of it are the text's own
        closing = CURLY_QUOTES[line.value[0]]
        written = re.split(r"[ \t]+#", line.value, maxsplit=1)[0]  # a note stays after it
        inner = written[1:].removesuffix(closing)
        example = quoted(inner, keep - 1)
        return Explanation(
            index,
            f"{line.value[0]} {closing} are typographic quotes; YAML knows only straight \" and '",
            f"type straight quotes{shortened(example, quoted(inner, whole=True))}: "
            f"{line.lead}{example}{line.value[len(written) :]}",
        )
    if line.dash_columns and line.key and line.key not in KEYS:
        # "- Tip: read twice": the item is text, its first word no key
        whole = text.lines[row][line.key_column :].rstrip()
        lead = line.lead[: line.key_column - line.indent]
        return Explanation(
            text.index(row, line.key_column),
            "text containing ': ' must be quoted",
            write_quoted(lead, whole, keep + len(line.key) + 2),
        )
    item = line.key is None and bool(line.dash_columns)  # a list item's text, no key in it
    owner = owner_of(text, row) if line.key or item else None
    if owner is not None and wrapped_rows(text, row, owner[2]):
        return whole_text(text, *owner)  # the text goes on below: quoting one line mends nothing
    return Explanation(
        index,
        "text containing ': ' must be quoted",
        write_quoted(line.lead, line.value, keep),
        write_quoted(line.lead, line.value, keep, fixed=True),
    )


def not_a_key(text: Text, problem: int, context: int) -> Explanation | None:
    """Something other than a key where a mapping's next key belongs."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    if column == len(text.lines[row]) - len(text.lines[row].lstrip()):
        # The first question's '- ' typed as a dash or lost, and its text ended by a note
        # or a quote: its keys below are read as keys deeper than its line's
        found = item_over(text, row) or after_closed_value(text, row, column)
        return found or text_after_quote(text, row, column) or misaligned(text, row, column)
    owner_row = row if line.key and line.value_column < column else text.row_above(row, True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    first = owner.value[:1]
    index = text.index(owner_row, owner.value_column)
    if first in ("'", '"'):
        return quote_ends_early(text, row, column, owner_row)
    if first and first in "[{*&":
        return refused_start(index, owner.lead, owner.value)
    return None


def alias_or_anchor(text: Text, problem: int, context: int) -> Explanation | None:
    row, _ = text.row_column(context)
    bullet = lookalike_dash(text, row, expected_item=False)  # '* id: q7' among the questions
    return bullet if bullet and bullet.index == context else _bad_start(text, context, None)


def open_to_the_end(text: Text, problem: int, context: int) -> Explanation | None:
    """A quote nothing closes: libyaml reads the rest of the file as its text, and says
    so in its own words ("while scanning a quoted scalar found unexpected end of stream")."""
    if text.text[context : context + 1] not in ("'", '"'):
        return None
    return Explanation(
        context,
        f"{LEFT_OPEN} before the file ends",
        "close the quote that opens here",
    )


def odd_token(text: Text, problem: int, context: int) -> Explanation | None:
    if text.text[problem] == "\t":
        return tab(text, problem, context)
    return _bad_start(text, problem, None)


def dash_in_text(text: Text, problem: int, context: int) -> Explanation | None:
    return _bad_start(text, problem, "- ")


def _bad_start(text: Text, index: int, shown: str | None) -> Explanation | None:
    """A text whose first character YAML reads as markup (*, &, @, `, %, '- ')."""
    row, column = text.row_column(index)
    line = text.parse(row)
    if line.value_column != column or not line.value:
        return None
    if shown is None and line.value[0] in RESERVED_STARTS + MARKUP_STARTS:
        return refused_start(index, line.lead, line.value)
    return Explanation(
        index,
        f"text starting with '{shown or line.value[0]}' must be quoted",
        write_quoted(line.lead, line.value),
    )


def text_after_indicator(text: Text, problem: int, context: int) -> Explanation | None:
    """'stem: > Which ...': a block text's indicator with the text on its own line; or
    text that starts with '>' or '|' and goes on at once ('A: >5 years'): it is quoted."""
    row, column = text.row_column(context)
    line = text.parse(row)
    indicator = re.match(r"[|>][-+0-9]*", line.value)
    if line.value_column != column or indicator is None:
        return None
    if BLOCK_HEADER.match(line.value) is None:  # '>5 years', '|x|', '>= 2': text
        return refused_start(context, line.lead, line.value)
    key = line.key or "-"
    rest = line.value[indicator.end() :].lstrip()
    example = quoted_line(line.lead, rest)
    return Explanation(
        context,
        f"text after '{line.lead}{indicator[0]}' must start on the next line",
        f"put the text on the next line, indented more than '{key}', or quote it"
        f"{shortened(example, quoted_line(line.lead, rest, whole=True))}: {example}",
        refused_start=True,  # listed with the file's other such lines; the author chooses
    )
