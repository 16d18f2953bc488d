"""absolute-terms: sweeping words in distractors and not in the key."""

from pathlib import Path

import pytest

from exambank import pyproject
from exambank.rule_docs import rule_page
from exambank.rules import RULES
from tests.rules.item_writing import SERVICES, found_by, only, question

RULE = "absolute-terms"
OVERSTATED = {
    "A": "It trains models in managed containers",
    "B": "It always runs on GPUs",
    "C": "It never needs a role",
    "D": "It stores models",
}


def test_distractors_that_overstate_are_reported(lint_questions):
    [found] = found_by(RULE, lint_questions, question(options=OVERSTATED))
    assert "(B 'always', C 'never')" in found.message
    assert found.line == 8  # option B, the first that overstates


def test_a_key_that_overstates_too_removes_the_cue(lint_questions):
    options = {**OVERSTATED, "A": "It is completely managed and trains models"}
    assert found_by(RULE, lint_questions, question(options=options)) == []


def test_whole_words_only(lint_questions):
    options = {**SERVICES, "B": "Lambda is evergreen", "C": "EC2 nevertheless"}
    assert found_by(RULE, lint_questions, question(options=options)) == []


def test_names_do_not_count(lint_questions):
    options = {**SERVICES, "B": "Never Ending Reserved Instances"}
    assert found_by(RULE, lint_questions, question(options=options)) == []


def test_all_only_and_every_are_not_default_terms_but_can_be_configured(lint_questions):
    for term in ("all", "only", "every"):
        text = question(options={**SERVICES, "B": f"It encrypts {term} data"})
        assert found_by(RULE, lint_questions, text) == []
        found = lint_questions(text, config=only(RULE, terms=[term]))
        assert [d.message for d in found if d.rule == RULE] == [
            f"distractors overstate (B '{term}') and the key does not: "
            "test-wise candidates rule them out"
        ]


def test_none_of_the_above_is_not_an_overstatement(lint_questions):
    # FCC pools: "None of the above" as the filler fourth option.
    options = {
        "A": "Amazon SageMaker",
        "B": "AWS Lambda",
        "C": "Amazon EC2",
        "D": "None of the above",
    }
    assert found_by(RULE, lint_questions, question(options=options)) == []


@pytest.mark.parametrize(
    ("distractor", "term"),
    [
        # review 106 and the real banks' findings (FCC pools, AIF-C01).
        ("It guarantees 100% accuracy", "guarantees"),
        ("It is totally immune to drift", "totally"),
        ("It invariably overfits", "invariably"),
        ("Training it is impossible without GPUs", "impossible"),
        ("Its models cannot be exported under any circumstances", "under any circumstances"),
        ("It is completely serverless", "completely"),  # through the opening "complete"
    ],
)
def test_the_default_terms_are_reported(lint_questions, distractor, term):
    [found] = found_by(RULE, lint_questions, question(options={**SERVICES, "B": distractor}))
    assert f"(B '{term}')" in found.message


def test_a_term_of_several_words_is_found_across_a_line_break(lint_questions):
    options = {**SERVICES, "B": "Its models cannot be exported under any\ncircumstances"}
    [found] = found_by(RULE, lint_questions, question(options=options))
    assert "(B 'under any circumstances')" in found.message


@pytest.mark.parametrize(
    "term",
    ["must", "ever", "whenever", "under no circumstances"],
)
def test_plain_words_of_the_real_banks_are_not_default_terms(lint_questions, term):
    # FCC pools: "The plate voltage must be reduced", "alerting whenever an instance is
    # compromised", "Under no circumstances" answering "When may ...?".
    text = question(options={**SERVICES, "B": f"It is retrained {term} the data drifts"})
    assert found_by(RULE, lint_questions, text) == []
    found = lint_questions(text, config=only(RULE, terms=[term]))
    assert [d.message for d in found if d.rule == RULE] == [
        f"distractors overstate (B '{term}') and the key does not: "
        "test-wise candidates rule them out"
    ]


# Review s35, finding 14: the page's "Configure it" block once showed them as \u escapes.
def test_the_rule_page_shows_the_russian_terms_as_a_writer_types_them(tmp_path: Path):
    page = rule_page(RULE)
    block = page[page.index("    [tool.exambank.rules.") :].split("\n\n")[0]
    assert '"всегда"' in block and "\\u" not in block
    path = tmp_path / "pyproject.toml"  # and the block, copied, configures the rule
    path.write_text(block.replace("\n    ", "\n").strip(), encoding="utf-8")
    assert pyproject.read(path).options_for(RULE)["terms"] == RULES[RULE].options["terms"]
