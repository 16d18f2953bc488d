"""near-duplicate in a group of three or more: each finding names every other member,
so deleting one copy never leaves a finding that names it."""

import random

from exambank.config import Config
from exambank.rules.similarity import groups, similar_pairs
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "near-duplicate"
ONLY = Config(select={RULE})
STEM = (
    "a company stores millions of photos for a mobile application and needs durable storage "
    "that scales without limits and costs little to keep for years which service fits"
)
BASE = STEM.split(" ")


def found_in(lint_bank, *questions):
    sections = {"01-main.yaml": section_yaml(*questions)}
    return bank_findings(RULE, lint_bank(sections, config=ONLY))


def test_a_pair_keeps_its_message(lint_bank):
    stem = STEM + "?"
    found = found_in(lint_bank, question("q1", stem=stem), question("q2", stem=stem))
    assert [d.message.split(" at ")[0] for d in found] == [
        "nearly the same question as q2",
        "nearly the same question as q1",
    ]
    assert all(
        d.message.endswith("(100% of the four-word runs of stem and key shared)") for d in found
    )
    assert {d.hint for d in found} == {"delete one of them, or make them ask different things"}


def test_each_of_three_copies_names_the_other_two_with_their_places(lint_bank):
    # CLF-C02 exams 11, 12 and 13 ask one question; the review found each finding naming one
    stem = STEM + "?"
    found = found_in(lint_bank, *(question(f"q{n}", stem=stem) for n in (1, 2, 3)))
    assert [d.question for d in found] == ["q1", "q2", "q3"]
    lines = {d.question: d.line for d in found}
    for finding in found:
        others = sorted({"q1", "q2", "q3"} - {finding.question})
        for other in others:
            assert f"{other} at " in finding.message
            assert f"01-main.yaml:{lines[other]}" in finding.message
        assert ", in a group of 3 with " in finding.message
    assert {d.hint for d in found} == {
        "delete all but one of them, or make them ask different things"
    }


def test_a_copy_of_a_copy_is_named_though_it_is_not_close_itself(lint_bank):
    # q1 and q3 each reword another end of q2: both close to q2, not to each other
    start = " ".join(["red", "green", "blue", "pink", "gray", "teal", *BASE[6:]]) + "?"
    end = " ".join([*BASE[:-6], "apple", "pear", "plum", "fig", "lime", "kiwi"]) + "?"
    middle = STEM + "?"
    found = found_in(
        lint_bank,
        question("q1", stem=start),
        question("q2", stem=middle),
        question("q3", stem=end),
    )
    by_question = {d.question: d.message for d in found}
    assert by_question["q1"].startswith("nearly the same question as q2 at ")
    assert by_question["q3"].startswith("nearly the same question as q2 at ")
    assert ", in a group of 3 with q3 at " in by_question["q1"]
    assert ", in a group of 3 with q1 at " in by_question["q3"]
    assert found_in(lint_bank, question("q1", stem=start), question("q3", stem=end)) == []


def test_a_big_group_names_five_more_and_counts_the_rest(lint_bank):
    stem = STEM + "?"
    found = found_in(lint_bank, *(question(f"q{n}", stem=stem) for n in range(1, 10)))
    assert len(found) == 9
    group = found[0].message.split(", in a group of 9 with ", 1)[1]
    assert group.count(" at ") == 5 and group.endswith(" and 2 more")


def test_groups_are_the_connected_parts_of_the_pairs():
    pairs = [(1, 0, 0.9), (5, 4, 0.6), (2, 1, 0.7), (9, 5, 0.5), (7, 3, 0.8)]
    assert groups(pairs) == [[0, 1, 2], [3, 7], [4, 5, 9]]
    assert groups([]) == []


def test_groups_match_a_search_over_every_pair():
    rng = random.Random(9)
    sets = [frozenset(rng.sample(range(60), rng.randint(3, 8))) for _ in range(120)]
    pairs = list(similar_pairs(sets, 0.4, 10_000))
    linked = {at: {at} for at in range(len(sets))}
    for first, second in (
        (i, j)
        for i in range(len(sets))
        for j in range(i)
        if len(sets[i] & sets[j]) >= 0.4 * len(sets[i] | sets[j])
    ):
        merged = linked[first] | linked[second]
        for member in merged:
            linked[member] = merged
    expected = sorted({tuple(sorted(group)) for group in linked.values() if len(group) > 1})
    assert [tuple(group) for group in groups(pairs)] == expected
