"""A list of one item where a list makes no sense prints as the text written: an option
"2. Normalform" or "+", and a German ordinal that starts a line of wrapped prose. Lists an
author wrote as lists stay lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from exambank.markdown import short_html, to_html
from exambank.schema_files import MARKDOWN_DIALECT


@pytest.mark.parametrize(
    "text",
    [
        "1. Normalform",
        "2. Normalform",
        "15. April 2024",
        "15.",  # a real option: the output of a Python snippet
        "+",  # real options: the key that ends a TELEX selection, or a command
        "*",
        "- 5",
        "1) Erste Wahl",
        "3. OSI-Schicht\n(Vermittlung)",  # a paragraph wrapped over lines
    ],
)
def test_a_short_text_that_is_one_list_item_prints_as_written(text: str) -> None:
    assert short_html(text) == f"<p>{text}</p>\n"


PROSE = [
    "Atomare Werte verlangt die\n1. Normalform, die Grundlage aller weiteren.",
    "Der Wartungsvertrag läuft seit dem\n1. Januar 2024. Wann endet er?",
    "Python is dynamically typed\n- you never declare a type.",
    "Mehrere Werte sind nicht atomar. Das verlangt die\n1. Normalform, die Grundlage\naller "
    "weiteren.",
]


@pytest.mark.parametrize("render", [short_html, to_html])
@pytest.mark.parametrize("text", PROSE)
def test_an_item_that_continues_wrapped_prose_joins_its_paragraph(
    render: Callable[[str], str], text: str
) -> None:
    assert render(text) == f"<p>{text}</p>\n"


def test_the_joined_line_keeps_its_markup_and_its_quote() -> None:
    assert short_html("> Das verlangt die\n> 1. Normalform, *atomar*.") == (
        "<blockquote>\n<p>Das verlangt die\n1. Normalform, <em>atomar</em>.</p>\n</blockquote>\n"
    )
    assert short_html("Das **verlangt die\n1. Normalform**.") == (
        "<p>Das <strong>verlangt die\n1. Normalform</strong>.</p>\n"
    )


@pytest.mark.parametrize("render", [short_html, to_html])
@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("1. Step\n2. Step", "<ol>\n<li>Step</li>\n<li>Step</li>\n</ol>\n"),
        ("The steps are:\n1. Open it", "<p>The steps are:</p>\n<ol>\n<li>Open it</li>\n</ol>\n"),
        (
            "Open it first\n\n1. Then this",
            "<p>Open it first</p>\n<ol>\n<li>Then this</li>\n</ol>\n",
        ),
        (
            "Then check the version.\n\n2. Run it\n3. Read it",
            '<p>Then check the version.</p>\n<ol start="2">\n<li>Run it</li>\n<li>Read it</li>\n'
            "</ol>\n",
        ),
        (
            "- Options\n  1. default",
            "<ul>\n<li>Options\n<ol>\n<li>default</li>\n</ol>\n</li>\n</ul>\n",
        ),
        (
            "1. Step\n\n   Its detail.",
            "<ol>\n<li>\n<p>Step</p>\n<p>Its detail.</p>\n</li>\n</ol>\n",
        ),
    ],
)
def test_lists_an_author_wrote_stay_lists(
    render: Callable[[str], str], text: str, html: str
) -> None:
    assert render(text) == html


def test_notes_may_hold_a_list_of_one_item() -> None:
    """Notes, a summary and the description are long texts with headings and lists."""
    assert to_html("2. Normalform") == '<ol start="2">\n<li>Normalform</li>\n</ol>\n'
    assert to_html("- Read the stem twice") == "<ul>\n<li>Read the stem twice</li>\n</ul>\n"


def test_the_dialect_every_schema_states_says_so() -> None:
    assert '"2. Normalform"' in MARKDOWN_DIALECT
    assert short_html("2. Normalform") == "<p>2. Normalform</p>\n"
