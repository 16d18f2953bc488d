"""Syntax errors in an author's words.

libyaml names the state its parser was in ("while scanning a simple key could not find
expected ':'") and the place it noticed the trouble, often the line after the mistake.
``explain`` reads the text at libyaml's marks and, for the mistakes authors make, says what
is wrong in their terms, points where the fix goes and shows the line fixed. Any other
error keeps libyaml's words (``in_libyaml_words``). Only broken files get here, so the
code reads the text line by line, for clarity rather than speed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import StreamEndEvent

from exambank.syntax_hints.block_texts import first_line_deeper, unindented_block_text
from exambank.syntax_hints.brackets import question_mark_in_text, stray_opener, unclosed_bracket
from exambank.syntax_hints.byte_order_marks import stray_mark
from exambank.syntax_hints.conflicts import leftover_marker
from exambank.syntax_hints.documents import document_marker
from exambank.syntax_hints.early_quotes import quote_left_open
from exambank.syntax_hints.empty_keys import key_left_out
from exambank.syntax_hints.escapes import unknown_escape
from exambank.syntax_hints.indents import (
    not_an_item,
    odd_space_in_indentation,
    tab,
    text_on_lines,
)
from exambank.syntax_hints.long_keys import flow_key_too_long, quoted_key_too_long
from exambank.syntax_hints.mends import Mend, Mends, at_once, fix_refuses, mend, mend_at
from exambank.syntax_hints.quoting import (
    alias_or_anchor,
    colon_in_text,
    dash_in_text,
    missing_colon,
    not_a_key,
    odd_token,
    open_to_the_end,
    text_after_indicator,
)
from exambank.syntax_hints.tags import unreadable_tag
from exambank.syntax_hints.text import Explanation, Text
from exambank.syntax_hints.wrapped_texts import comment_in_text


def explain(text: str, error: MarkedYAMLError) -> Explanation | None:
    """The author's mistake behind ``error``, or None when it is not one this module
    knows. Never raises: a better message is a courtesy, libyaml's is still right."""
    problem_mark = error.problem_mark or error.context_mark
    context_mark = error.context_mark or error.problem_mark
    if problem_mark is None:
        return None
    words = " ".join(part for part in (error.context, error.problem) if part)
    try:
        lines = Text(text)
        found = leftover_marker(lines, problem_mark.index, context_mark.index)
        found = found or stray_mark(lines, problem_mark.index)
        found = found or quote_left_open(lines, *lines.row_column(problem_mark.index))
        found = found or odd_space_in_indentation(lines, problem_mark.index)
        found = found or unindented_block_text(lines, problem_mark.index, context_mark.index)
        found = found or first_line_deeper(lines, problem_mark.index, context_mark.index)
        found = found or quoted_key_too_long(lines, problem_mark.index, context_mark.index)
        found = found or text_on_lines(lines, problem_mark.index, context_mark.index)
        for phrase, explainer in _EXPLAINERS:
            if found is None and phrase in words:
                found = explainer(lines, problem_mark.index, context_mark.index)
    except Exception:  # a misjudged line must not cost the author the report itself
        return None
    return found


def lines_to_mend(text: str, error: MarkedYAMLError) -> Mends:
    """Every line YAML refuses that lint can mend ('explanation: Réponse : B', 'A: `ls`',
    a dash typed for a list item's '-'), from the one ``error`` is at: all at once where
    the text then parses (``mends.at_once``), else one by one, each mended in a copy of
    ``text`` and the copy parsed again, until it parses or fails otherwise. Positions are
    the file's own: a mend only lengthens its line, and the next error is on a later line."""
    first = _mend_at(text, error)
    try:
        found = None if first is None else at_once(text, first)
    except Exception:  # a misjudged line: line by line, libyaml judges each
        found = None
    if found is not None:
        return found
    lines: list[Mend] = []
    mended, added = text, 0  # the copy, and how much longer than ``text`` it is
    problem: MarkedYAMLError | None = error
    while problem is not None:
        line = _mend_at(mended, problem)
        if line is None or (lines and line.row <= lines[-1].row):
            break
        at = line.start - added
        said = replace(line.explanation, index=line.explanation.index - added)
        lines.append(replace(line, start=at, end=at + line.end - line.start, explanation=said))
        mended = mend(mended, [line])
        added = len(mended) - len(text)
        problem = first_error(mended)
    return Mends(lines, mended, problem is None, problem is None and fix_refuses(mended))


# The errors a line lint can mend makes libyaml report: an unquoted ': ', a dash typed
# for '- ', text starting with a character that starts something else ('`', '*', '[' ...).
_MENDED = (
    "mapping values are not allowed",
    "cannot start any token",
    "expected '-' indicator",
    "did not find expected key",
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning a block scalar",
    "tag",
)


def _mend_at(text: str, error: MarkedYAMLError) -> Mend | None:
    mark = error.problem_mark
    words = f"{error.context} {error.problem}"
    if mark is None or not any(phrase in words for phrase in _MENDED):
        return None
    explanation = explain(text, error)
    try:
        return None if explanation is None else mend_at(Text(text), mark.index, explanation)
    except Exception:  # as in ``explain``: a misjudged line ends the scan, not the report
        return None


def first_error(text: str) -> MarkedYAMLError | None:
    """libyaml's first syntax error in ``text``; None if it parses."""
    loader = CSafeLoader(text)
    try:
        while type(loader.get_event()) is not StreamEndEvent:
            pass
    except MarkedYAMLError as error:
        return error
    finally:
        loader.dispose()
    return None


def in_libyaml_words(text: str, error: MarkedYAMLError) -> Explanation:
    """libyaml's own message where it noticed the trouble, with a hint where one is safe."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and mark and mark.index >= len(text.rstrip()):
        # Ran off the end (an unclosed quote or bracket): where it opened says more.
        mark = error.context_mark
    problem = " ".join(part for part in (error.context, error.problem) if part)
    problem = problem or "not valid YAML"
    hint = next((hint for words, hint in _HINTS if all(map(problem.__contains__, words))), None)
    return Explanation(mark.index if mark else 0, problem, hint)


_HINTS = (
    (("tab",), "indent with spaces, not tabs"),
    (("mapping values are not allowed",), "text containing ': ' must be quoted"),
    (("quoted scalar", "end of stream"), "close the quote that opens here"),
    (("single document",), "a bank file holds one document: remove the extra '---'"),
)


_EXPLAINERS: tuple[tuple[str, Callable[[Text, int, int], Explanation | None]], ...] = (
    ("could not find expected ':'", missing_colon),
    ("mapping values are not allowed", colon_in_text),
    ("did not find expected key", key_left_out),
    ("did not find expected key", not_a_key),
    ("did not find expected key", comment_in_text),  # '# a note' between a text's lines
    ("did not find expected '-' indicator", not_an_item),
    ("while scanning an alias", alias_or_anchor),
    ("while scanning an anchor", alias_or_anchor),
    ("cannot start any token", odd_token),
    ("found a tab character", tab),
    ("block sequence entries are not allowed", document_marker),  # '- id: q2' below one
    ("block sequence entries are not allowed", dash_in_text),
    ("while scanning a block scalar", text_after_indicator),
    ("while scanning a tag", unreadable_tag),
    ("while parsing a tag", unreadable_tag),
    ("found undefined tag handle", unreadable_tag),
    ("found unknown escape character", unknown_escape),
    ("did not find expected hexdecimal number", unknown_escape),
    ("found invalid Unicode character escape code", unknown_escape),
    ("found unexpected end of stream", open_to_the_end),
    ("did not find expected ',' or", flow_key_too_long),
    ("did not find expected ',' or", question_mark_in_text),  # '{stem: Which is right?}'
    ("did not find expected ',' or", unclosed_bracket),
    ("did not find expected <document start>", document_marker),
    ("while parsing a flow node", stray_opener),
)
