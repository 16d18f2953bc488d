"""exambank stats per section: how many of a section's questions have findings, and what
share of its questions, so sections of 11 and of 117 questions compare (review s36,
suggestion 1), said alike in text, JSON and HTML."""

import re

import pytest

from exambank.config import Config
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from exambank.stats_words import percent
from tests.conftest import section_yaml, write_bank
from tests.rules.item_writing import SERVICES, question

ALL_OF_THEM = {**SERVICES, "D": "All of the above"}


def uneven_bank(tmp_path):
    """Section a: 4 questions, one with two findings; b: 2 questions, one with one; c: 1
    question, none."""
    negative = "Which AWS service does not train ML models?"
    return write_bank(
        tmp_path / "bank",
        {
            "01-a.yaml": section_yaml(
                question("a-q1", stem=negative, options=ALL_OF_THEM),
                *(question(f"a-q{n}") for n in range(2, 5)),
                section_id="a",
            ),
            "02-b.yaml": section_yaml(
                question("b-q1", options=ALL_OF_THEM), question("b-q2"), section_id="b"
            ),
            "03-c.yaml": section_yaml(question("c-q1"), section_id="c"),
        },
    )


@pytest.fixture
def stats(tmp_path):
    selected = Config(select={"all-of-the-above", "negative-stem"})
    return bank_stats(lint([uneven_bank(tmp_path)], selected))


def test_text_says_how_many_of_a_section_s_questions_have_findings(stats):
    lines = render_text(stats).splitlines()
    assert "  a     4 questions     2 findings in 1 question (25%)" in lines
    assert "  b     2 questions     1 finding  in 1 question (50%)" in lines
    assert "  c     1 question      0 findings" in lines  # nothing to compare


def test_json_gives_each_section_s_questions_with_findings(stats):
    data = stats[0].as_dict()
    assert data["schema_version"] == 8
    assert [
        (section["questions"], section["total_findings"], section["questions_with_findings"])
        for section in data["sections"]
    ] == [(4, 2, 1), (2, 1, 1), (1, 0, 0)]
    assert data["questions_with_findings"] == 2  # the sections' sum


def test_html_sections_table_gives_questions_with_findings_and_their_share(stats):
    page = render_html(stats)
    assert '<th class="n">Questions</th><th class="n">With findings</th>' in page
    cells = re.findall(r'<td class="n">([^<]*)</td><td class="n">(\d+)</td></tr>', page)
    assert cells == [("1\u00a0(25%)", "2"), ("1\u00a0(50%)", "1"), ("0", "0")]


@pytest.mark.parametrize(
    ("part", "whole", "said"),
    [(1, 4, "25%"), (1, 250, "<1%"), (249, 250, ">99%"), (250, 250, "100%"), (0, 9, "0%")],
)
def test_a_share_is_never_rounded_to_none_or_all(part, whole, said):
    assert percent(part, whole) == said
