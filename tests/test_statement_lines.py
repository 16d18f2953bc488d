"""Statement lines are paired with the paragraph's own line breaks, whatever else in the
paragraph spans two lines (review 122, finding 7)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline import StateInline

from exambank.diagnostics import Diagnostic
from exambank.markdown import short_html
from exambank.statement_lines import own_lines
from tests.conftest import QUESTION

STATEMENTS = "\nI. TCP is reliable.\nII. UDP is ordered."
PRINTED = "<br />\nI. TCP is reliable.<br />\nII. UDP is ordered.</p>\n"


@pytest.mark.parametrize(
    ("lead_in", "printed"),
    [
        # an image's description or title over two lines: its line break is the image's
        (
            "Look at ![the network\ndiagram](net.png) and consider:",
            '<p>Look at <img src="net.png" alt="the network\ndiagram" /> and consider:',
        ),
        (
            'Look at ![net](net.png "the network\ndiagram") and consider:',
            '<p>Look at <img src="net.png" alt="net" title="the network\ndiagram" /> and consider:',
        ),
        # a link's title over two lines, or below its target: no line break at all
        ('See [the notes](notes.md "our\nnotes") and consider:', "<p>See the notes and consider:"),
        ('See [the notes](notes.md\n"our notes") and consider:', "<p>See the notes and consider:"),
        # a link's words over two lines beside a title over two: one break of the paragraph
        ("See [the\nnotes](notes.md 'our\nnotes'). Consider:", "<p>See the\nnotes. Consider:"),
        # a backtick after an escaped backslash opens a code span
        ("Type \\\\`a\nb` and consider:", "<p>Type \\<code>a b</code> and consider:"),
    ],
)
def test_statements_keep_their_lines_beside_a_line_break_of_no_paragraph(
    lead_in: str, printed: str
) -> None:
    assert short_html(lead_in + STATEMENTS) == printed + PRINTED


def test_a_line_after_a_hard_break_is_read_from_its_first_character() -> None:
    # the line after "\" and its line break starts a statement, as the next one does
    text = "See `a\nb`\\\nStatement 1: The first\nStatement 2: the second"
    assert short_html(text).count("<br />") == 2


def test_own_lines_reads_a_paragraph_as_the_handouts_print_it() -> None:
    lines = ["Consider:", "I. TCP is reliable.", "II. UDP is", "ordered.", "Which hold?"]
    assert own_lines(lines) == [True, True, False, True]
    assert own_lines(["See equation", "(3) for the proof."]) == [False]


@pytest.mark.parametrize(
    "labels",
    [
        # statements labelled with a word, in the handouts' languages (review DE, finding 7)
        ("Aussage I:", "Aussage II:"),
        ("Behauptung 1:", "Behauptung 2:"),
        ("**These 1.**", "**These 2.**"),
        ("Affirmation I :", "Affirmation II :"),  # French sets a space before ':'
        ("Affirmation\u00a0I\u00a0:", "Affirmation\u00a0II\u00a0:"),
        ("Enunciado 1:", "Enunciado 2:"),
        ("Assertiva I \u2013", "Assertiva II \u2013"),
        ("Affermazione 1:", "Affermazione 2:"),
        ("Stelling 1 -", "Stelling 2 -"),
        ("Stwierdzenie 1:", "Stwierdzenie 2:"),
        ("Утверждение 1:", "Утверждение 2:"),
    ],
)
def test_statements_labelled_with_a_word_keep_their_lines(labels: tuple[str, str]) -> None:
    first, second = labels
    lines = ["Lead-in:", f"{first} TCP is reliable.", f"{second} UDP is not.", "Which hold?"]
    assert own_lines(lines) == [True, True, True]
    assert short_html("\n".join(lines)).count("<br />") == 3


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised word and a number are no label: prose wrapped before them joins
        "Most clients were moved to\nWindows 10. The rest stay on Windows 7.",
        "Der Router arbeitet auf\nSchicht 3: Das ist die Vermittlungsschicht.",
    ],
)
def test_a_word_with_a_number_that_labels_no_statement_joins(text: str) -> None:
    assert "<br />" not in short_html(text)


def test_folded_lines_reads_labelled_statements_too(
    lint_questions: Callable[..., list[Diagnostic]],
) -> None:
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    folded = 'stem: "Prüfen Sie:\n  Aussage I: Ein Router verbindet Netze.\n  Aussage II: Ein Hub."'
    [found] = [
        d for d in lint_questions(QUESTION.replace(stem, folded)) if d.rule == "folded-lines"
    ]
    assert "'Aussage I: Ein Router verbindet Netze.' among them" in found.message


def _characters_parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the characters the inline parser reads, each time it is called."""
    read: list[int] = []
    tokenize = ParserInline.tokenize

    def counted(parser: ParserInline, state: StateInline) -> None:
        read.append(state.posMax - state.pos)
        tokenize(parser, state)

    monkeypatch.setattr(ParserInline, "tokenize", counted)
    return read


@pytest.mark.parametrize("lines", [97, 300])
def test_a_long_paragraph_is_parsed_again_once_at_most(
    monkeypatch: pytest.MonkeyPatch, lines: int
) -> None:
    # review s19diff #1, review-s20sec #5: a code span over a line break made every line
    # break cost a parse of the whole paragraph (a 29 kB paragraph took 10 s), then up to
    # 100 of them (2 MB over 100 lines took 1.1 s) and statements past 100 lines printed
    # joined
    read = _characters_parsed(monkeypatch)
    claim = "lorem ipsum " * 40
    prose = "`a\nb` " + "\n".join(f"line {number} of {claim}" for number in range(lines))
    assert "<br" not in short_html(prose)
    assert sum(read) <= len(prose)
    read.clear()
    statements = "Which hold?\n`a\nb`\n" + "\n".join(f"I. Claim {n} {claim}." for n in range(lines))
    assert short_html(statements).count("<br />") == lines
    assert sum(read) <= 2 * len(statements)


def test_statements_beside_a_code_span_over_lines_keep_their_lines() -> None:
    html = short_html("Which hold? `a\nb`\nI. One.\nII. Two.")
    assert html.count("<br />") == 2
