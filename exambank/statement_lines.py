"""Statements typed on their own lines ("I. ...", "II. ...") keep them in the handouts,
where CommonMark would join a single line break into a space."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

# A statement's marker where a line starts ("I –", "II.", "III)", "(iv)", "a)", "2)",  # noqa: RUF003
# "Statement I:", "Afirmação 2 -", "Assertion (A):"), bold or not. Not "1." nor "- ":
# CommonMark reads them as a list where one may start, and they may begin wrapped prose;
# nor initials ("I. M. Pei").
_ROMAN = "(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_NOUNS = "Statement|Assertion|Reason|Afirma(?:ção|tiva)|Asserção|Proposição|Afirmación|Razón"
_DASH = " ?(?:--|[\u2013\u2014-])"
STATEMENT = re.compile(
    rf"[ \t]*[*_]*(?:{_ROMAN}(?:[.)]|{_DASH})|\(?(?:{_ROMAN}|[ivx]{{2,4}}|[a-zA-Z]|\d{{1,2}})\)"
    rf"|(?:{_NOUNS}) \(?(?:{_ROMAN}|\d{{1,2}}|[A-Z])\)?(?:[.:)]|{_DASH}))[*_]*\s(?![A-Z]\.)"
)
_SENTENCE_END = re.compile(r"[.;:!?][)\]\"'\u201d\u2019*_]*\s*$")
_BACKTICKS = re.compile(r"(?<!\\)`+")


def statement_lines(state: StateCore) -> None:
    """Statements on their own lines: a line starting with a statement's marker (after a
    line that ends a sentence or a lead-in, "Analise as afirmações:", after another
    statement, or with a capital after the marker, "I. TCP is reliable."), and a sentence
    after the statements ("Which are correct?"), start a line of their own where
    CommonMark joins a single line break into a space. Other lines join, as CommonMark
    says: wrapped prose (a line that happens to start "(3) for the full proof") and a
    statement wrapped over lines print as one paragraph."""
    for token in state.tokens:
        if token.type != "inline" or "\n" not in token.content:
            continue
        lines = _lines(token.content)
        breaks = [child for child in token.children or [] if child.type.endswith("break")]
        if len(breaks) != len(lines) - 1:
            continue  # a line break CommonMark reads otherwise: nothing to pair
        in_statements = bool(STATEMENT.match(lines[0]))
        for line_break, previous, line in zip(breaks, lines, lines[1:], strict=False):
            ended = bool(_SENTENCE_END.search(previous))
            marker = STATEMENT.match(line)
            starts = marker is not None and (
                in_statements or ended or line[marker.end() :].lstrip("*_ ")[:1].isupper()
            )
            ends = in_statements and ended and line.lstrip()[:1].isupper()
            if starts or ends:
                line_break.type, line_break.tag = "hardbreak", "br"
            in_statements = starts or (in_statements and not ends)


def _lines(text: str) -> list[str]:
    """``text`` split at its line breaks, except those inside a code span, which CommonMark
    reads as spaces of the code rather than breaks of the paragraph."""
    spans, at = [], 0
    while (opening := _BACKTICKS.search(text, at)) is not None:
        closing = re.compile(rf"(?<!`){opening[0]}(?!`)").search(text, opening.end())
        if closing is None:
            at = opening.end()  # no closing run of the same length: literal backticks
            continue
        spans.append(range(opening.end(), closing.start()))
        at = closing.end()
    inside = {index for span in spans for index in span if text[index] == "\n"}
    cuts = [index for index, character in enumerate(text) if character == "\n"]
    cuts = [index for index in cuts if index not in inside]
    return [
        text[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True)
    ]
