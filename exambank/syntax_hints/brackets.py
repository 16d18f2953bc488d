"""A '[' or '{' nothing closes: 'answer: [B', or 'questions: [' above the '- ' items.

libyaml reads on past the line, into the next key or item, and reports there ("while
parsing a flow sequence did not find expected ',' or ']'"), or where the '- ' of a block
item cannot stand in brackets ("did not find expected node content"). The mistake is the
bracket: it is reported where it opens, with the line that closes it (or without it,
where the lines below are the list already). A mend is shown only where the file, so
mended, reads on past the line libyaml stopped at.

Inside brackets, libyaml also ends a plain text at a '?' ("Which is right?"), which it
takes for a key's '?', and reports "did not find expected ',' or '}'" there: the text is
to be quoted (``question_mark_in_text``).
"""

from __future__ import annotations

import re

from exambank.syntax_hints.text import (
    LIST_KEYS,
    Explanation,
    Text,
    last_words,
    quoted,
    reads_past,
    shortened,
)

_CLOSER = {"[": "]", "{": "}"}
_KIND = {"[": "list", "{": "mapping"}


def unclosed_bracket(text: Text, problem: int, context: int) -> Explanation | None:
    """A list or mapping in brackets still open where libyaml wanted its ',' or closer
    (``context``: where it opens) on a later line, or at the file's end."""
    opener = text.text[context : context + 1]
    if opener not in _CLOSER:
        return None
    open_row, _ = text.row_column(context)
    at_end = problem >= len(text.text.rstrip())
    problem_row = len(text.lines) if at_end else text.row_column(problem)[0]
    last_row = _last_content_row(text, open_row, problem_row)
    if last_row is None:
        return None
    if last_row != open_row and (alone := _without_opener(text, open_row, problem_row)):
        return alone  # 'options: {' above the keys of a block mapping
    end = text.index(last_row, _content_end(text.lines[last_row]))
    unclosed = _open_brackets(text.text, context, end)
    if not unclosed or unclosed[0] != context:
        return None
    closers = "".join(_CLOSER[text.text[at]] for at in reversed(unclosed))
    line = text.parse(open_row)
    inside = text.text[context + 1 : end]
    if opener == "{" and line.key in LIST_KEYS and ":" not in inside and last_row == open_row:
        # 'answer: {B': '{' for '[' (one key apart); a mapping there is no answer.
        mended = f"{text.text[:context]}[{inside}{closers[:-1]}]{text.text[end:]}"
        how = "a list is written in square brackets"
    else:
        mended = f"{text.text[:end]}{closers}{text.text[end:]}"
        where = (
            f"at the end of line {last_row + 1}" if last_row > open_row else "after its last item"
        )
        how = f"close it with '{closers}' {where}"
    if not reads_past(mended, problem_row):
        return None
    shown = Text(mended).lines[last_row].strip()
    cut = last_words(shown) if len(shown) > 40 else shown
    note = " (shortened here)" if cut != shown else ""
    return Explanation(
        context, f"the {_KIND[opener]} that opens here is not closed", f"{how}{note}: write '{cut}'"
    )


# A plain text in brackets starts after one of these (and the blanks after it) ...
_TEXT_START = re.compile(r".*(?P<after>[\[{,]|:[ \t])[ \t\r\n]*", re.DOTALL)
# ... and ends before one of these, or a note (a '?' inside it is the text's own) ...
_TEXT_END = re.compile(r"[\]},\[{]|[ \t]+#|[ \t]*(?:[\r\n]|\Z)")
# ... or, for a key ('{why?: x}'), before the ': ' that ends the key.
_KEY_END = re.compile(r"[\]},\[{]|[ \t]+#|:[ \t]|[ \t]*(?:[\r\n]|\Z)")
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")  # a text wrapped in brackets reads a space
_KEY_BEFORE = re.compile(r"(?:^|[\[{,])[ \t]*([^\[\]{},:#'\"]*?:[ \t]+)$")
_AT_MOST = 20  # texts with a '?' mended in one list or mapping before the mend is shown


def question_mark_in_text(text: Text, problem: int, context: int) -> Explanation | None:
    """A '?' inside a plain text in brackets ('{id: q1, stem: Which is right?, ...}'), or a
    ': ' in a key's text there ('{A: Note: pick one}') or in a list's item ('[a: b: c]',
    quoted whole): libyaml ends the text there and
    wants a ',' or the closer. Told at the text's start,
    with the text quoted; every such text of the same outermost list or mapping is quoted
    in the copy that must then read on past the line."""
    from exambank.syntax_hints import first_error  # which imports this module

    first = _question_text(text.text, problem)
    opened = [] if first is None else _open_brackets(text.text, 0, first[0])
    if first is None or not opened:
        return None
    start, end = first
    mended, moved = _quote(text.text, start, end), 0
    for _ in range(_AT_MOST):
        error = first_error(mended)
        mark = None if error is None else error.problem_mark
        if error is None or mark is None or "did not find expected ','" not in str(error.problem):
            break
        more = _question_text(mended, mark.index)
        if more is None or _open_brackets(mended, opened[0], more[0])[:1] != opened[:1]:
            break  # none, or in another list or mapping: its own error
        mended, moved = _quote(mended, *more), moved + 1
    if not reads_past(mended, text.row_column(problem)[0]):
        return None
    row, column = text.row_column(start)
    written = _LINE_BREAK.sub(" ", text.text[start:end])
    key = _KEY_BEFORE.search(text.lines[row][:column])
    lead = re.sub(r":[ \t]+$", ": ", key[1]) if key else ""  # a tab after ':' shown as a space
    example = f"{lead}{quoted(written)}"
    kind = "{...}" if text.text[opened[-1]] == "{" else "[...]"
    held = "': '" if text.text[problem] == ":" else "a '?'"
    others = f"the {moved} other texts" if moved > 1 else "the other text"
    also = f"; quote {others} with {held} in these brackets too" if moved else ""
    return Explanation(
        start,
        f"text with {held} inside {kind} must be quoted",
        f"write it quoted{shortened(example, lead + quoted(written, whole=True))}: "
        f"'{example}'{also}",
    )


def _question_text(text: str, at: int) -> tuple[int, int] | None:
    """The plain text in brackets around the '?' at ``at`` (its start and end in
    ``text``), when the '?' is inside it, right after a character of its own; or around
    the ': ' at ``at`` in a key's text ('{A: Note: pick one}'), which ends no key there."""
    mark = text[at : at + 1]
    if mark not in ("?", ":") or at == 0 or text[at - 1] in " \t\r\n[{,:":
        return None
    if mark == ":" and text[at + 1 : at + 2] not in (" ", "\t"):
        return None
    before = _TEXT_START.match(text, 0, at)
    if before is None or before.end() >= at or text[before.end()] in "'\"&*!|>%@`#":
        return None  # no plain text
    wrapped = _LINE_BREAK.search(text, before.end(), at) is not None
    if mark == ":" and (wrapped or not before["after"].startswith(":")):
        return None  # a key's ': ' (YAML reads it so), or a ': ' under an unclosed '{'
    # a key's text ends at its ': ', a value's goes on to the ',' or closer after it
    after = (_TEXT_END if before["after"].startswith(":") else _KEY_END).search(text, at)
    start = before.end()
    if mark == ":" and (opened := _open_brackets(text, 0, start)) and text[opened[-1]] == "[":
        # '[a: b: c]': in a list the whole item is the text ('"a: b: c"'); no list of
        # a bank holds one-key mappings
        line_start = text.rfind("\n", 0, start) + 1
        key = _KEY_BEFORE.search(text, line_start, start)
        if key is None:
            return None
        start -= len(key[1])
    return start, after.start() if after else len(text)


def _quote(text: str, start: int, end: int) -> str:
    return text[:start] + quoted(text[start:end], whole=True) + text[end:]


def stray_opener(text: Text, problem: int, context: int) -> Explanation | None:
    """'questions: [' (or '{') above lines that are the list (or mapping) already in
    block YAML: libyaml, inside the brackets, refuses the first '- ' or key below."""
    problem_row, problem_column = text.row_column(problem)
    if text.lines[problem_row][:problem_column].strip():
        return None  # not at the start of its line
    open_row = text.row_above(problem_row)
    if open_row is None or not _item_or_key(text, problem_row):
        return None  # nothing below it is the list or mapping: the end of the file
    return _without_opener(text, open_row, problem_row)


def _item_or_key(text: Text, row: int) -> bool:
    """Whether ``row`` starts a list item ('- ') or a key ('name:'), as a line below a stray
    opener does."""
    written = text.lines[row].lstrip() if row < len(text.lines) else ""
    return written.startswith(("- ", "-\t")) or written == "-" or ":" in written.split("#")[0]


def _without_opener(text: Text, open_row: int, problem_row: int) -> Explanation | None:
    """The '[' or '{' that ends ``open_row``, unclosed there, to delete: the lines below
    it, to ``problem_row``, are the list or mapping already."""
    written = text.lines[open_row]
    end = _content_end(written)
    opener = written[end - 1 : end]
    at = text.index(open_row, end - 1)
    if opener not in _CLOSER or _open_brackets(text.text, text.index(open_row, 0), at + 1) != [at]:
        return None
    start = text.index(open_row, len(written[: end - 1].rstrip(" \t")))
    mended = text.text[:start] + text.text[at + 1 :]
    if not reads_past(mended, problem_row):
        return None
    below = "'- ' items below are a list" if opener == "[" else "keys below are a mapping"
    shown = Text(mended).lines[open_row].strip()
    return Explanation(
        at,
        f"the {_KIND[opener]} that opens here is not closed",
        f"delete the '{opener}': the {below} already: write '{shown}'",
    )


def _last_content_row(text: Text, first: int, before: int) -> int | None:
    """The last row from ``first`` up to ``before`` (excluded) with more than a comment."""
    for row in range(min(before, len(text.lines)) - 1, first - 1, -1):
        content = text.lines[row].strip()
        if content and not content.startswith("#"):
            return row
    return None


def _content_end(line: str) -> int:
    """Where ``line``'s content ends: before a comment (' #') and the blanks before it.
    A '#' inside quotes is taken for a comment too; the mend is then checked by a parse."""
    cut = len(line)
    for at in range(1, len(line)):
        if line[at] == "#" and line[at - 1] in " \t":
            cut = at
            break
    return len(line[:cut].rstrip(" \t"))


def _open_brackets(text: str, start: int, end: int) -> list[int]:
    """Where each '[' or '{' between ``start`` and ``end`` opens that is not closed by
    ``end``, outermost first; brackets in quotes and comments do not count."""
    opened: list[int] = []
    quote = ""
    at = start
    while at < end:
        character = text[at]
        if quote:
            escaped = quote == '"' and character == "\\"
            if escaped or (character == quote and text[at + 1 : at + 2] == quote == "'"):
                at += 1  # '\"' in double quotes, "''" in single ones: no end
            elif character == quote:
                quote = ""
        elif character in "'\"" and (at == start or text[at - 1] in " \t\r\n[{,:"):
            quote = character
        elif character == "#" and at > start and text[at - 1] in " \t":
            while at < end and text[at] not in "\r\n":
                at += 1
        elif character in _CLOSER:
            opened.append(at)
        elif character in "]}" and opened:
            opened.pop()
        at += 1
    return opened
