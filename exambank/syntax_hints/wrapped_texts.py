"""A plain text wrapped onto more lines that YAML reads otherwise than it looks: with a
': ' in it, which YAML refuses there (only the whole text quoted, from its first line to
its last, mends it: quoting one line does not), or with a comment that ends the text
before its lines below ('# a note' on a line between them, ' #1' after a word).

The text is named by its key ('stem') or, in a list, by its place ("item 2 of 'tags'").
Each hint is tried on a copy of the file, which must then read past the text's last line.
"""

from __future__ import annotations

import re

from exambank.syntax_hints.text import Explanation, Text, quoted, reads_past, wrapped_rows

_NOT_PLAIN = "[]{},#&*!|>'\"%@`"  # a value that starts with one is no plain text
_NOTE = re.compile(r"[ \t]#")  # a comment after text on its line
Owner = tuple[int, str, int]  # a text's first row, its name, the column its lines go deeper than


def continued_text(text: Text, row: int) -> Owner | None:
    """The plain text that the line on ``row`` goes on with, started on the nearest line
    above that is less indented, after a key or a list's '- ': its first row, its name,
    and the column its lines must be deeper than; None where ``row`` is no line of it."""
    first = _first_row(text, row)
    owner = None if first is None else owner_of(text, first)
    if owner is None or row not in (wrapped_rows(text, owner[0], owner[2]) or ()):
        return None
    return owner


def whole_text(text: Text, first: int, named: str, depth: int) -> Explanation | None:
    """The plain text ``named`` on row ``first`` and the lines below it deeper than
    ``depth``, holding a ': ' YAML refuses, to be quoted whole; None where it is on one
    line, or where the file, so quoted, does not read past it."""
    below = wrapped_rows(text, first, depth)
    if not below:
        return None
    start, end = _span(text, first, below[-1])
    if not reads_past(_quoted(text.text, start, end), below[-1]):
        return None
    lines = f"lines {first + 1}-{below[-1] + 1}"
    if (note := _note(text, below[-1])) is not None:  # left out of the quotes by _span
        lines += f", up to the comment '{text.lines[below[-1]][note + 1 :].split()[0]}'"
    return Explanation(
        start,
        "text containing ': ' must be quoted",
        f"put the whole text of {named} ({lines}) in double quotes, or write the ': ' another way",
    )


def comment_in_text(text: Text, problem: int, context: int) -> Explanation | None:
    """A plain text's line, deeper than the text's first line, where libyaml wants the
    next key (``problem``, at its start) as the text ended at a comment before it: a
    comment line between them, or ' #' after a word ('Which is right? #1')."""
    row, column = text.row_column(problem)
    if column == 0 or text.lines[row][:column].strip():
        return None  # not at the start of its line, after its indentation
    first = _first_row(text, row)
    owner = None if first is None else owner_of(text, first)
    if first is None or owner is None:
        return None
    lines = range(first, row)
    comments = [at for at in lines if text.lines[at].lstrip().startswith("#")]
    notes = [
        (at, note) for at in lines if at not in comments and (note := _note(text, at)) is not None
    ]
    if bool(comments) == bool(notes):
        return None  # neither, or both: the author's to sort out
    if comments:
        return _comment_lines(text, row, owner, comments)
    return _note_in_text(text, row, owner, *notes[0])


def _comment_lines(text: Text, row: int, owner: Owner, comments: list[int]) -> Explanation | None:
    """The comment lines ``comments`` between the lines of the text ``owner``: moved out
    (blank lines in the copy), the text reads on, or does so quoted whole."""
    first, named, depth = owner
    blanked = _blanked(text, comments)
    below = wrapped_rows(blanked, first, depth) or []
    if row not in below:
        return None
    moved = f"move the comment out of the text (above line {first + 1})"
    start, end = _span(blanked, first, below[-1])
    if reads_past(blanked.text, below[-1]):
        hint = moved
    elif reads_past(_quoted(blanked.text, start, end), below[-1]):
        hint = (
            f"{moved}, then put the whole text of {named} in double quotes, or write its ': ' "
            "another way"
        )
    else:
        return None
    written = text.lines[comments[0]]
    where = ", ".join(str(at + 1) for at in comments)
    return Explanation(
        text.index(comments[0], len(written) - len(written.lstrip())),
        f"the comment on line{'s' * (len(comments) > 1)} {where} ends the text of {named} "
        f"(line {first + 1}): YAML reads line {row + 1} where a key belongs",
        hint,
    )


def _note_in_text(text: Text, row: int, owner: Owner, at: int, note: int) -> Explanation | None:
    """The comment after a word of the text ``owner`` on row ``at`` (``note``: the blank
    before its '#'), which ends the text: quoted whole, the '#' is text and it reads on;
    and maybe it reads on with the comment deleted."""
    first, named, depth = owner
    below = wrapped_rows(text, first, depth) or []
    if row not in below:
        return None
    start, end = _span(text, first, below[-1])
    if not reads_past(_quoted(text.text, start, end), below[-1]):
        return None
    shown = text.lines[at][note + 1 :].split()[0]
    hint = (
        f"put the whole text of {named} (lines {first + 1}-{below[-1] + 1}) in double quotes, "
        f"so '{shown}' is text"
    )
    line_end = text.index(at, len(text.lines[at]))
    if reads_past(text.text[: text.index(at, note)] + text.text[line_end:], below[-1]):
        hint += "; or delete the comment"
    return Explanation(
        text.index(at, note + 1),
        f"'{shown}' starts a comment, which ends the text of {named} on line {at + 1}: "
        f"YAML reads line {row + 1} where a key belongs",
        hint,
    )


def _first_row(text: Text, row: int) -> int | None:
    """The nearest row above ``row`` with more than a comment that is less indented."""
    indent = len(text.lines[row]) - len(text.lines[row].lstrip(" "))
    for above in range(row - 1, -1, -1):
        written = text.lines[above]
        content = written.lstrip(" ")
        if content.strip() and not content.startswith("#") and len(written) - len(content) < indent:
            return above
    return None


def owner_of(text: Text, row: int) -> Owner | None:
    """The plain text that starts on ``row``, after a key or a list's '- ': its row, its
    name, and the column its lines below must be deeper than."""
    line = text.parse(row)
    value = line.value
    if not value or value[0] in _NOT_PLAIN or value[:2] in ("- ", "? ", ": "):
        return None
    if line.key is not None:
        return row, f"'{line.key}'", line.key_column
    if not line.dash_columns:
        return None
    return row, _item_name(text, row, line.dash_columns), line.dash_columns[-1]


def _item_name(text: Text, row: int, dashes: list[int]) -> str:
    """The list item that starts on ``row`` (its '- ' at ``dashes``) by its place among
    the items of its list, a key's ("item 2 of 'tags'"); else "the list item"."""
    count = 1
    for above in range(row - 1, -1, -1):
        written = text.lines[above]
        content = written.lstrip(" ")
        if not content.strip() or content.startswith("#"):
            continue
        line = text.parse(above)
        if line.indent > dashes[0]:
            continue
        if line.indent == dashes[0] and line.dash_columns[:1] == dashes[:1]:
            count += 1
            continue
        if len(dashes) == 1 and line.key is not None and not line.value:
            return f"item {count} of '{line.key}'"
        break
    return "the list item"


def _note(text: Text, row: int) -> int | None:
    """Where a comment after the text on ``row`` starts: at the blank before its '#'."""
    found = _NOTE.search(text.lines[row], text.parse(row).value_column)
    return None if found is None else found.start()


def _blanked(text: Text, rows: list[int]) -> Text:
    """``text`` with the lines on ``rows`` left empty, each row where it was."""
    pieces, done = [], 0
    for row in rows:
        start = text.index(row, 0)
        pieces += [text.text[done:start]]
        done = start + len(text.lines[row])
    return Text("".join([*pieces, text.text[done:]]))


def _span(text: Text, first: int, last: int) -> tuple[int, int]:
    """Where the plain text on ``first`` starts, and where its last line, ``last``, ends
    (before a note, and the blanks before it)."""
    start = text.index(first, text.parse(first).value_column)
    written = text.lines[last]
    note = _NOTE.search(written, text.parse(last).value_column if last == first else 0)
    return start, text.index(last, len((written[: note.start()] if note else written).rstrip()))


def _quoted(text: str, start: int, end: int) -> str:
    return text[:start] + quoted(text[start:end], whole=True) + text[end:]
