"""Markdown as the handouts print it: an author's headings rank below the section's title."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank.markdown import short_html, to_html


def heading_tags(html: str) -> list[str]:
    return re.findall(r"<(h\d)>", html)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("# Overview\n\nText.\n\n## Detail", ["h3", "h4"]),
        # the seed bank's notes: as they printed before headings were renumbered
        ("### Capabilities\n\n#### Model Evaluation\n\n### Use", ["h3", "h4", "h3"]),
        ("## Only level two", ["h3"]),
        ("# Top\n\n### Skipped a level", ["h3", "h4"]),  # no empty rung in the outline
        (
            "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6",
            ["h3", "h4", "h5", "h6", "h6", "h6"],
        ),
        ("Underlined\n==========\n\nText.\n\nAlso\n----", ["h3", "h4"]),
        ("> # In a quote\n\n- ## In a list", ["h3", "h4"]),
    ],
)
def test_the_top_most_heading_level_used_becomes_h3(text: str, tags: list[str]) -> None:
    html = to_html(text)
    assert heading_tags(html) == tags
    assert len(re.findall(r"</h\d>", html)) == len(tags)
    assert all(f"</{tag}>" in html for tag in tags)  # each heading closes as it opened


def test_each_text_is_ranked_on_its_own() -> None:
    assert heading_tags(to_html("# Big")) == ["h3"]
    assert heading_tags(to_html("#### Small")) == ["h3"]


def test_the_cover_s_description_starts_its_headings_at_h2() -> None:
    """On the cover an author's headings follow the book's title (h1): a tagged PDF whose
    headings skip a level (h1, then h3) fails an accessibility check."""
    assert heading_tags(to_html("# About\n\n### Detail", top_level=2)) == ["h2", "h3"]
    six_levels = "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6"
    assert heading_tags(to_html(six_levels, top_level=2)) == ["h2", "h3", "h4", "h5", "h6", "h6"]


def test_short_texts_print_no_headings() -> None:
    assert short_html("# is a comment character") == "<p># is a comment character</p>\n"


# Statements typed on their own lines ("afirmações" I, II, III; "Statement I / II"): where
# CommonMark joins a single line break, each prints on a line of its own.
AFIRMACOES = (
    "Analise as afirmações:\n"
    "I – O TCP é orientado à conexão.\n"  # noqa: RUF001
    "II – O UDP garante a entrega.\n"  # noqa: RUF001
    "III – O TCP faz controle de fluxo.\n"  # noqa: RUF001
    "Está correto o que se afirma em"
)


def printed_lines(html: str) -> list[str]:
    """The lines a paragraph prints: its text split at each <br />, a soft break a space."""
    text = re.sub(r"</?p>\n?", "", html).replace("<br />\n", "\0").replace("\n", " ")
    return text.split("\0")


@pytest.mark.parametrize("render", [short_html, to_html])
def test_statements_typed_on_their_own_lines_print_so(render: Callable[[str], str]) -> None:
    # each numeral keeps its dash on its line (a no-break space before a spaced dash)
    printed = AFIRMACOES.replace(" \u2013 ", "\u00a0\u2013 ").split("\n")
    assert printed_lines(render(AFIRMACOES)) == printed


@pytest.mark.parametrize(
    "markers",
    [
        ["I.", "II.", "III."],
        ["I)", "II)", "III)"],
        ["I -", "II -", "III -"],
        ["(I)", "(II)", "(III)"],
        ["a)", "b)", "c)"],
        ["(a)", "(b)", "(c)"],
        ["i)", "ii)", "iii)"],
        ["2)", "3)", "4)"],
        ["**I.**", "**II.**", "**III.**"],
        ["Statement I:", "Statement II:", "Statement III:"],
        ["Statement 1 –", "Statement 2 –", "Statement 3 –"],  # noqa: RUF001
        ["Afirmação I:", "Afirmação II:", "Afirmação III:"],
        ["Assertion (A):", "Reason (R):", "Statement III."],
    ],
)
def test_each_statement_marker_starts_a_line(markers: list[str]) -> None:
    lines = ["Consider the following", *(f"{marker} TCP is reliable." for marker in markers)]
    assert len(printed_lines(short_html("\n".join(lines)))) == len(lines)


@pytest.mark.parametrize(
    "text",
    [
        # the seed bank's notes: prose wrapped in a "|" block
        "Amazon SageMaker is a fully managed service that provides every developer and data\n"
        "scientist with the ability to build, train, and deploy machine learning models.",
        "I think the answer is\nI. M. Pei, who designed it",  # an initial, not a statement
        "That is,\ni.e. the same",
        "Pick the one\nthat fits. In\n1990 it was",
        "Pick the one\nX is not a marker",
        # wrapped prose whose line happens to start like a marker (review 114)
        "The function returns the sum of\n(a) and (b) when both are positive.",
        "See the derivation in equation\n(3) for the full proof.",
        "The options were compared in\nA) the first study and B) the second.",
        "Pick the right plan. Plans are listed in\nc) of the contract.",
    ],
)
def test_other_single_line_breaks_join_as_commonmark_says(text: str) -> None:
    lines = text.split("\n")
    assert printed_lines(short_html(text)) == [" ".join(lines)]


def test_a_code_span_over_two_lines_leaves_the_other_statements_on_theirs() -> None:
    text = "Consider:\nI. First one `code\nII. spans` lines\nIII. Third one.\nWhich hold?"
    assert printed_lines(short_html(text)) == [
        "Consider:",
        "I. First one <code>code II. spans</code> lines",
        "III. Third one.",
        "Which hold?",
    ]


def test_a_statement_wrapped_over_lines_prints_as_one_line() -> None:
    text = "Consider:\nI. TCP retransmits\nlost segments.\nII. UDP does not.\nWhich hold?"
    assert printed_lines(short_html(text)) == [
        "Consider:",
        "I. TCP retransmits lost segments.",
        "II. UDP does not.",
        "Which hold?",
    ]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Which?\n1. one\n2. two", "<p>Which?</p>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        ("Which?\n1) one\n2) two", "<p>Which?</p>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        (
            "Which?\n- I. one\n- II. two",
            "<p>Which?</p>\n<ul>\n<li>I. one</li>\n<li>II. two</li>\n</ul>\n",
        ),
        ("```\nI. one\nII. two\n```", "<pre><code>I. one\nII. two\n</code></pre>\n"),
        ("    I. one\n    II. two", "<pre><code>I. one\nII. two\n</code></pre>\n"),
        (
            "| I. | II. |\n|---|---|\n| a) | b) |",
            "<table>\n<thead>\n<tr>\n<th>I.</th>\n<th>II.</th>\n</tr>\n</thead>\n<tbody>\n"
            "<tr>\n<td>a)</td>\n<td>b)</td>\n</tr>\n</tbody>\n</table>\n",
        ),
    ],
)
def test_lists_code_and_tables_print_as_before(text: str, html: str) -> None:
    assert short_html(text) == html


def test_the_seed_bank_s_handout_holds_no_line_break() -> None:
    """Its notes are wrapped prose in "|" blocks: they print as paragraphs, as before."""
    from exambank.builders.base import Settings
    from exambank.builders.handout import handout_html
    from exambank.lint import lint

    bank = lint([Path(__file__).parents[1] / "bank" / "aws-ai-practitioner"]).banks[0]
    assert len(bank.sections) > 0
    assert "<br" not in handout_html(bank, "trainer", Settings())


@pytest.mark.parametrize("render", [short_html, to_html])
def test_a_link_whose_words_are_its_address_prints_it_once(render: Callable[[str], str]) -> None:
    printed = render("See [https://x.org/a](https://x.org/a), [`https://x.org`](https://x.org)")
    code = '<code><span class="code-token">https://x.org</span></code>'  # kept whole
    assert printed == f"<p>See https://x.org/a, {code}</p>\n"
    # other words still get the address after them, as on paper
    assert render("[the docs](https://x.org/a)") == "<p>the docs (https://x.org/a)</p>\n"


def test_an_export_gets_none_of_the_marks_only_the_handouts_layout_reads() -> None:
    """A code span's tokens kept whole, an image above the text it opens and a long
    name's break points are for the page; the JSON's HTML holds the text as written."""
    text = "![Topology](t.png) See `aws s3 cp --recursive ./a` and AmazonRoute53ResolverEndpoint."
    printed = short_html(text)
    assert 'class="lead-image"' in printed and "code-token" in printed and "<wbr>" in printed
    assert (
        short_html(text, for_print=False)
        == to_html(text, for_print=False)
        == (
            '<p><img src="t.png" alt="Topology" /> See <code>aws s3 cp --recursive ./a</code>'
            " and AmazonRoute53ResolverEndpoint.</p>\n"
        )
    )
