"""A text that starts with '!', which YAML reads as a tag: an image ('![Topología](a.png)
...') or an exclamation ('!Cuidado'). A tag libyaml reads is refused after the parse, by
``exambank.event_reader``; one it cannot read ('í' is no character of a tag) stops the
parse, and is told here in the same words, at the '!' rather than at the 'í'. Each such
line of a file is told in one run (``syntax_hints.mends``), and left to the author as a
tag libyaml reads is: to the author, '![Topología](a.png)' and '![Topologia](a.png)' are
the same slip."""

from __future__ import annotations

from exambank.syntax_hints.text import Explanation, Text


def unreadable_tag(text: Text, problem: int, context: int) -> Explanation | None:
    """A value starting with a tag, on the line of the tag libyaml could not read (its
    context mark is at that tag's '!'): the first one, where the quote goes."""
    row, _ = text.row_column(context)
    line = text.parse(row)
    if not line.value.startswith("!"):
        return None
    return Explanation(
        text.index(row, line.value_column),
        f"the tag '{line.value.split()[0]}' is not supported in bank files",
        "quote the whole value if the '!' belongs to the text; else remove the tag",
        refused_start=True,  # listed with the file's other such lines, for the author
    )
