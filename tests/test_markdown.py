"""Markdown as the handouts print it: an author's headings rank below the section's title."""

from __future__ import annotations

import re

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
