"""longest-option-key, bank-wide: the key counts as the longest (or the shortest) option only
by a margin a candidate sees, 3 characters and 10%, and only the questions that have such an
option are tested (review s24, psychometrics #4)."""

from exambank.config import Config
from tests.rules.option_lengths import bank, keyed, tied

RULE = "longest-option-key"


def bank_wide(result):
    return [d for d in result.diagnostics if d.rule == RULE and d.question is None]


def test_a_key_longer_by_one_character_is_not_the_longest(lint_bank):
    # The review's p3b: options of 10, 30, 30 and the key 31, reported at p = 8.7e-19.
    assert bank_wide(lint_bank(bank(*keyed(30, 31, [30, 30, 10])))) == []
    # By 3 characters and 10% (33 against 30) it is.
    [found] = bank_wide(lint_bank(bank(*keyed(30, 33, [30, 30, 10]))))
    assert found.message.startswith("the key is the longest option in 30 of 30 questions")


def test_three_characters_on_a_long_option_are_no_visible_margin(lint_bank):
    # 63 against 60: 3 characters, but 5%.
    assert bank_wide(lint_bank(bank(*keyed(30, 63, [60, 50, 45])))) == []
    [found] = bank_wide(lint_bank(bank(*keyed(30, 66, [60, 50, 45]))))  # 10%
    assert "in 30 of 30 questions" in found.message


def test_questions_where_the_key_ties_for_longest_are_not_tested(lint_bank):
    """A tied key can never be visibly the longest: such a question has no chance, so the
    rate counts only the questions with a visibly longest option (10 of 10, not 10 of 35),
    while min_questions (20) is the bank's size, as a small quiz is left alone."""
    questions = [*keyed(10, 60, [20, 22, 24]), *tied(25, first=10)]
    [found] = bank_wide(lint_bank(bank(*questions)))
    assert "longest option in 10 of 10 questions, where chance gives about 2" in found.message
    assert f"(p = {0.25**10:.1e})" in found.message
    smaller = [*keyed(10, 60, [20, 22, 24]), *tied(9, first=10)]  # 19 questions
    assert bank_wide(lint_bank(bank(*smaller))) == []
    config = Config(rule_options={RULE: {"min_questions": 19}})
    assert bank_wide(lint_bank(bank(*smaller), config=config)) != []


def test_a_key_visibly_the_shortest_is_reported_with_its_own_message(lint_bank):
    # 27 keys of 15 characters against 30, 34 and 38; 3 keys of 60, the longest.
    questions = [*keyed(27, 15, [30, 34, 38]), *keyed(3, 60, [30, 34, 38], first=27)]
    [found] = bank_wide(lint_bank(bank(*questions)))
    assert found.message == (
        "the key is the shortest option in 27 of 30 questions, where chance gives about 8 "
        "(p = 9.9e-14)"
    )
    assert found.hint == "lengthen the keys or trim the distractors so length gives nothing away"
    assert found.path.endswith("bank.yaml")


def test_the_longest_and_the_shortest_are_reported_apart(lint_bank):
    questions = [*keyed(30, 60, [30, 34, 38]), *keyed(30, 12, [30, 34, 38], first=30)]
    found = bank_wide(lint_bank(bank(*questions)))
    assert [d.message.split(" in ")[0] for d in found] == [
        "the key is the longest option",
        "the key is the shortest option",
    ]


def test_ten_percent_is_counted_in_whole_numbers():
    from exambank.rules.longest_key import visibly_longer  # new with the margin

    # 1.1 * 50 is 55.00000000000001 in floating point: 55 against 50 is 10% all the same.
    assert visibly_longer(55, 50) and visibly_longer(33, 30) and visibly_longer(110, 100)
    assert not visibly_longer(54, 50) and not visibly_longer(12, 10)
