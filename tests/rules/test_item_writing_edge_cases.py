"""Every item-writing rule copes with questions that are valid but odd: no options, one
blank option, answers that name no option, a stem of one word."""

from exambank.config import Config
from exambank.rules import RULES
from tests.conftest import section_yaml
from tests.rules.item_writing import ITEM_WRITING, question

ODD = [
    question("q1", stem="", options={}, answer="A"),
    question("q2", stem="?", options={"A": ""}, answer=["A", "B"]),
    question("q3", stem="an", options={"A": "", "B": " ", "C": "1-3"}, answer=["Z", "Y"]),
    question("q4", stem="Not ___ (Choose TWO)", options={"A": "None", "B": "None"}, answer="C"),
]


def test_the_rules_are_registered():
    assert set(RULES) >= ITEM_WRITING


def test_odd_questions_give_findings_not_crashes(lint_bank):
    result = lint_bank({"01-main.yaml": section_yaml(*ODD)}, config=Config(select=ITEM_WRITING))
    found = [d for d in result.diagnostics if d.rule in ITEM_WRITING]
    assert all(d.severity == "warning" for d in found)
    cue = [d.message for d in found if d.rule == "grammatical-cue"]
    assert cue == ["the stem ends in 'an' but option C does not fit it"]  # no key to praise
