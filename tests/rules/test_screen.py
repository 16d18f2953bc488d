"""A rule's screen never hides a finding: screened, a rule finds what it finds when it
checks every question (exambank/rules/screen.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from exambank.bank import QuestionRef
from exambank.config import Config
from exambank.lint import lint
from exambank.rules import RULES, QuestionRule
from exambank.rules.screen import BankText, Screen, whole_words
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank
from tests.rules.test_docstring_examples import QUESTION_RULES, example

SCREENED = [name for name in QUESTION_RULES if RULES[name]().screen(RULES[name].options)]

# Texts at the edges of the screens: case, underscores, line breaks, punctuation, tabs.
EDGE_STEMS = [
    "Which of these is NOT\ntrue?",
    "Which isn\u2019t a training service?",
    "Which CANNOT scale? (Select TWO.)",
    "Pick the one that is least likely to fail",
    "The service is a",
    "The service is an\n\n___",
    "The service is x_a",
    "The service is a_",
    "The service is AN ___ (Choose one)",
    "The ___ service trains models.",
    "Fill [...] in here.",
    "Which is false?\n\n```\nnot code\n```",
    "\u017ftatement that is fal\u017fe?",
    "Which statement is incorrect, though valid?",
]
EDGE_OPTIONS = [
    {"A": "True.", "B": " no!", "C": "YES", "D": "Wrong"},
    {"A": "True\t", "B": "False", "C": "Yes", "D": "No"},
    {"A": "All of the above", "B": "None", "C": "Neither A nor B", "D": "\tBoth of these"},
    {"A": "A and C", "B": "I and III only", "C": "Both A and B", "D": "1, 2 or 3"},
    {"A": "X -- because it scales", "B": "Y (because z)", "C": "Z \u2014 W", "D": "Q; because"},
    {"A": "It ALWAYS works", "B": "Never", "C": "Only on Tuesdays", "D": "Every time"},
    {"A": "an apple", "B": "a unit", "C": "8 GB", "D": "an hour\nlater"},
    {"A": "none\nof the above", "B": "all\tof the above", "C": "B", "D": "D"},
    {"A": "\u0663 GB", "B": "\u0661 GB", "C": "\u0662 GB", "D": "\u0664 GB"},  # Arabic-Indic digits
]


def _pool_questions() -> list[dict[str, Any]]:
    base = [example(name, label) for name in QUESTION_RULES for label in ("Bad", "Good")]
    base += [{"stem": stem} for stem in EDGE_STEMS]
    base += [{"options": options} for options in EDGE_OPTIONS]
    base += [{"stem": stem, "options": options} for stem in EDGE_STEMS for options in EDGE_OPTIONS]
    pool = []
    for item in base:
        for change in (str, str.upper, str.lower, str.title):
            varied = dict(item)
            if isinstance(item.get("stem"), str):
                varied["stem"] = change(item["stem"])
            if isinstance(item.get("options"), dict):
                varied["options"] = {
                    letter: change(text) if isinstance(text, str) else text
                    for letter, text in item["options"].items()
                }
            pool.append(varied)
    return pool


def _refs(tmp_path: Path) -> list[QuestionRef]:
    default = YAML(typ="safe", pure=True).load(QUESTION)
    texts = [
        json.dumps({**default, **item, "id": f"q{number}"})  # JSON: YAML with every string quoted
        for number, item in enumerate(_pool_questions())
    ]
    root = write_bank(tmp_path / "pool", {"01-main.yaml": section_yaml(*texts)})
    no_rules = Config(select=set())
    refs = [ref for bank in lint([root], no_rules).banks for ref in bank.questions()]
    refs += [ref for bank in lint([SEED_BANK], no_rules).banks for ref in bank.questions()]
    assert len(refs) == len(texts) + 55  # every question passed the schema
    return refs


@pytest.fixture(scope="module")
def refs(tmp_path_factory: pytest.TempPathFactory) -> list[QuestionRef]:
    return _refs(tmp_path_factory.mktemp("screen"))


def test_the_item_writing_rules_that_look_for_rare_words_are_screened():
    assert {"negative-stem", "all-of-the-above", "true-false-options"} <= set(SCREENED)


@pytest.mark.parametrize("name", SCREENED)
def test_a_screened_rule_finds_what_checking_every_question_finds(name, refs):
    rule = RULES[name]()
    assert isinstance(rule, QuestionRule)
    options = rule.options
    everywhere = [found for ref in refs for found in rule.check(ref, options)]
    screen = rule.screen_in(options, "en")  # the pool is an English bank
    assert screen is not None
    kept = BankText(refs).matching(screen)
    screened = [found for ref in kept for found in rule.check(ref, options)]
    assert everywhere, f"the pool has nothing {name} finds: the comparison would prove nothing"
    assert screened == everywhere
    # and the screen does skip questions, or it would be no use
    assert len(kept) < len(refs)


def _screen(name: str) -> Screen:
    """The screen of rule ``name`` in an English bank, as the pool is."""
    screen = RULES[name]().screen_in(RULES[name].options, "en")
    assert screen is not None
    return screen


@pytest.mark.parametrize("name", SCREENED)
def test_a_screen_never_matches_a_line_break(name, refs):
    screen = _screen(name)
    text = getattr(BankText(refs), screen.field).text
    # but the line break a line-start pattern may open with
    opening = "\n" if screen.line_start else ""
    matches = screen.pattern.finditer(text)
    assert not any("\n" in match.group().removeprefix(opening) for match in matches)


OPENING_SCREENS = [name for name in SCREENED if _screen(name).openings]


def test_the_costly_screens_look_for_their_openings_first():
    assert {"negative-stem", "absolute-terms", "fill-in-blank", "numeric-order"} <= set(
        OPENING_SCREENS
    )


@pytest.mark.parametrize("name", OPENING_SCREENS)
def test_every_match_of_a_screen_starts_with_one_of_its_openings(name, refs):
    screen = _screen(name)
    joined = getattr(BankText(refs), screen.field)
    matched = 0
    for part in joined.parts:
        if screen.ascii_only and not part.isascii():
            continue
        for match in screen.pattern.finditer(part):
            matched += 1
            assert match.group().startswith(screen.openings), match
    assert matched


@pytest.mark.parametrize("name", OPENING_SCREENS)
def test_looking_for_openings_first_keeps_the_questions_a_full_search_keeps(name, refs):
    screen = _screen(name)
    full_search = Screen(screen.field, screen.pattern)
    assert BankText(refs).matching(screen) == BankText(refs).matching(full_search)


WHOLE_WORD_TERMS = ["not", "least", "complete", "completely", "24/7", "-fold", "é", "x_y", "at all"]
WHOLE_WORD_TEXT = (
    "not note annot cannot _not not_ 1not not1 (not) n't least leastwise complete "
    "completely incomplete 24/7 a24/7 24/7b 3-fold -fold x-fold é café éa x_y ax_y "
    "at all at allow that all \u017fnot not\u017f"
)


def test_whole_words_matches_where_word_boundaries_do():
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, WHOLE_WORD_TERMS)) + r")\b")
    fast = re.compile(whole_words(WHOLE_WORD_TERMS))
    expected = [(m.start(), m.group()) for m in plain.finditer(WHOLE_WORD_TEXT)]
    assert [(m.start(), m.group()) for m in fast.finditer(WHOLE_WORD_TEXT)] == expected
    assert len(expected) > 10  # the text has matches to agree on


LINE_START_SCREENS = [name for name in SCREENED if _screen(name).line_start]


def test_the_screens_of_whole_options_skip_from_line_break_to_line_break():
    # Not behaviour in itself: it keeps the line-start tests below from passing over an
    # empty list should a rule stop naming its screen so.
    assert {
        "all-of-the-above",
        "none-of-the-above",
        "true-false-options",
        "combination-options",
    } <= set(LINE_START_SCREENS)


@pytest.mark.parametrize("name", LINE_START_SCREENS)
def test_a_line_start_screen_opens_with_a_line_start(name):
    pattern = _screen(name).pattern
    assert pattern.pattern.startswith((r"\n", "^"))
    assert pattern.flags & re.MULTILINE


@pytest.mark.parametrize("name", LINE_START_SCREENS)
def test_skipping_to_line_breaks_keeps_the_questions_a_full_search_keeps(name, refs):
    screen = _screen(name)
    pattern = screen.pattern
    if pattern.pattern.startswith(r"\n"):  # the same pattern at the start of any line
        pattern = re.compile("^" + pattern.pattern.removeprefix(r"\n"), pattern.flags)
    full_search = Screen(screen.field, pattern)
    kept = BankText(refs).matching(screen)
    assert kept == BankText(refs).matching(full_search)
    assert kept


def test_a_line_start_screen_finds_a_match_on_the_first_line_of_the_bank(tmp_path):
    default = YAML(typ="safe", pure=True).load(QUESTION)
    plain = {"A": "Amazon EC2", "B": "AWS Lambda", "C": "Amazon S3", "D": "AWS Glue"}
    first = {**plain, "A": "All of the above"}
    texts = [
        json.dumps({**default, "id": f"q{number}", "options": options})
        for number, options in enumerate([first, plain, first])
    ]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*texts)})
    refs = [ref for bank in lint([root], Config(select=set())).banks for ref in bank.questions()]
    matched = BankText(refs).matching(_screen("all-of-the-above"))
    assert [ref.question.id for ref in matched] == ["q0", "q2"]
    assert BankText(refs[:1]).matching(_screen("all-of-the-above")) == refs[:1]
    assert BankText([]).matching(_screen("all-of-the-above")) == []
