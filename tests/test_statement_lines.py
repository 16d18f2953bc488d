"""Statement lines are paired with the paragraph's own line breaks, whatever else in the
paragraph spans two lines (review 122, finding 7)."""

from __future__ import annotations

import pytest

from exambank.markdown import short_html
from exambank.statement_lines import own_lines

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


def test_own_lines_reads_a_paragraph_as_the_handouts_print_it() -> None:
    lines = ["Consider:", "I. TCP is reliable.", "II. UDP is", "ordered.", "Which hold?"]
    assert own_lines(lines) == [True, True, False, True]
    assert own_lines(["See equation", "(3) for the proof."]) == [False]
