"""Statements typed on their own lines ("I. ...", "II. ...") keep them in the handouts,
where CommonMark would join a single line break into a space."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Literal

from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# A statement's marker where a line starts ("I –", "II.", "III)", "(iv)", "a)", "2)",  # noqa: RUF003
# "Statement I:", "Afirmação 2 -", "Assertion (A):", "Aussage I:", "Affirmation I :"),
# bold or not. Not "1." nor "- ": CommonMark reads them as a list where one may start,
# and they may begin wrapped prose; nor initials ("I. M. Pei"), nor a letter before "."
# (an initial too, in Russian as in English).
_ROMAN = "(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
# A letter of the Latin or the Cyrillic alphabet, and a capital one: Russian marks its
# statements "а)", "б)", "в)" ... or "А)", "Б)" ...  # noqa: RUF003
_LETTER = "[a-zA-Z\u0400-\u045f]"
_CAPITAL = "[A-Z\u0400-\u042f]"
# The words a statement is labelled with in the handouts' languages, not any capitalised
# word: "Windows 10:", "Layer 3 -" or "Schritt 1:" may begin a wrapped line of prose.
_NOUNS = "|".join(
    (
        "Statement|Assertion|Reason|Proposition",  # English; French has the last two too
        "Aussage|Behauptung|Begründung|Feststellung|These",  # German
        "Affirmation|Raison|Énoncé",  # French
        "Afirmación|Aserción|Proposición|Razón|Enunciado",  # Spanish
        "Afirma(?:ção|tiva)|Assertiva|Asserção|Proposição|Razão",  # Portuguese
        "Affermazione|Asserzione|Proposizione",  # Italian
        "Stelling|Bewering",  # Dutch
        "Stwierdzenie|Twierdzenie|Zdanie",  # Polish
        "Утверждение",  # Russian
    )
)
_DASH = " ?(?:--|[\u2013\u2014-])"
# A space may part a labelled statement's number from its word, and (as French sets it)
# from its colon: "Aussage\u00a0I:", "Affirmation I :".
_SPACE = "[ \u00a0\u202f]"
STATEMENT = re.compile(
    rf"[ \t]*[*_]*(?:{_ROMAN}(?:[.)]|{_DASH})|\(?(?:{_ROMAN}|[ivx]{{2,4}}|{_LETTER}|\d{{1,2}})\)"
    rf"|(?:{_NOUNS}){_SPACE}\(?(?:{_ROMAN}|\d{{1,2}}|{_CAPITAL})\)?(?:[.)]|{_SPACE}?:|{_DASH}))"
    rf"[*_]*\s(?![A-Z]\.)"
)
# A paragraph whose first line or a later one starts with a statement's marker: only such
# a paragraph has lines of their own to pair with its line breaks.
_MAY_HOLD_STATEMENT = re.compile(rf"(?:\A|\n)(?:{STATEMENT.pattern})")
# A line that ends a sentence or a lead-in ("Analise as afirmações:").
SENTENCE_END = re.compile(r"[.;:!?][)\]\"'\u201d\u2019*_]*\s*$")


def statement_lines(state: StateCore) -> None:
    """Statements on their own lines, where CommonMark joins a single line break into a
    space (``own_lines`` says which)."""
    for token in state.tokens:
        if token.type != "inline" or "\n" not in token.content:
            continue
        if not _MAY_HOLD_STATEMENT.search(token.content):
            continue  # no line starts with a marker: every line joins, as CommonMark says
        breaks = [child for child in token.children or [] if child.type.endswith("break")]
        lines = _lines(token.content, len(breaks), state)
        if lines is None:
            continue  # a line break CommonMark reads otherwise: nothing to pair
        for line_break, own in zip(breaks, own_lines(lines), strict=True):
            if own:
                line_break.type, line_break.tag = "hardbreak", "br"


def own_lines(lines: Sequence[str]) -> list[bool]:
    """For each line of a paragraph after the first, whether it starts a line of its own:
    a line starting with a statement's marker (after a line that ends a sentence or a
    lead-in, "Analise as afirmações:", after another statement, or with a capital after
    the marker, "I. TCP is reliable."), and a sentence after the statements ("Which are
    correct?"). Other lines join, as CommonMark says: wrapped prose (a line that happens
    to start "(3) for the full proof") and a statement wrapped over lines print as one
    paragraph."""
    own = []
    in_statements = bool(STATEMENT.match(lines[0]))
    for previous, line in pairwise(lines):
        ended = bool(SENTENCE_END.search(previous))
        marker = STATEMENT.match(line)
        starts = marker is not None and (
            in_statements or ended or line[marker.end() :].lstrip("*_ ")[:1].isupper()
        )
        ends = in_statements and ended and line.lstrip()[:1].isupper()
        own.append(starts or ends)
        in_statements = starts or (in_statements and not ends)
    return own


def _lines(text: str, breaks: int, state: StateCore) -> list[str] | None:
    """``text`` split at its ``breaks`` line breaks of the paragraph (None if they cannot
    be told). A line break in a code span is a space of the code, one in an image's
    description is the image's, one in a link's title none at all: when ``text`` holds
    more than ``breaks``, one more parse of it tells where each of the paragraph's is."""
    cuts = [index for index, character in enumerate(text) if character == "\n"]
    if len(cuts) != breaks:
        found = _BreakFinder(text, state)
        state.md.inline.tokenize(found)
        cuts = found.cuts
    if len(cuts) != breaks:
        return None
    return [
        text[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True)
    ]


class _BreakFinder(StateInline):
    """An inline parse that notes where each line break of its paragraph is: the "\\n" it
    reads when it adds a line break (after "\\" for a hard one). The description of an
    image is parsed on its own, so its line breaks are not noted."""

    def __init__(self, text: str, state: StateCore) -> None:
        super().__init__(text, state.md, state.env, [])
        self.cuts: list[int] = []

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        if ttype.endswith("break"):
            self.cuts.append(self.src.index("\n", self.pos))
        return super().push(ttype, tag, nesting)
