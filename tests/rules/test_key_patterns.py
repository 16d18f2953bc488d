"""answer-key-balance and longest-option-key, the bank-wide statistics."""

import itertools

from exambank.config import Config
from exambank.rules.letter_spread import pool_rare_letters
from tests.conftest import section_yaml


def question(number: int, key: str, long_key: bool = False, options=None) -> str:
    """Options A-C of one length and a longer D, unless ``options`` are given."""
    options = dict(
        options
        or {**{x: f"option {x} of {number}" for x in "ABC"}, "D": f"option D of {number} or more"}
    )
    if long_key:
        options[key] = f"the much longer and carefully qualified right answer {number}"
    lines = "\n".join(f"  {letter}: {text}" for letter, text in options.items())
    return (
        f"id: q{number}\nstem: Question {number}?\noptions:\n{lines}\n"
        f"answer: {key}\nexplanation: Because {number}.\n"
    )


def bank_of(keys, long_keys=(), options=None):
    return {
        "01-main.yaml": section_yaml(
            *(question(n, key, n in long_keys, options) for n, key in enumerate(keys))
        )
    }


def only(rule, result):
    """The rule's bank-wide finding (per-question findings carry a question id)."""
    return [d for d in result.diagnostics if d.rule == rule and d.question is None]


def test_keys_piled_on_one_letter_name_it_and_the_excess(lint_bank):
    keys = ["B"] * 30 + ["A", "C", "D"] * 3
    [warning] = only("answer-key-balance", lint_bank(bank_of(keys)))
    assert warning.severity == "warning" and warning.path.endswith("bank.yaml")
    assert "B is the key 30 times in 39" in warning.message
    assert "3.1x its fair share of 9.8" in warning.message


def test_evenly_spread_keys_pass(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))
    assert only("answer-key-balance", lint_bank(bank_of(keys))) == []


def test_banks_below_min_questions_are_not_judged(lint_bank):
    assert only("answer-key-balance", lint_bank(bank_of(["B"] * 7))) == []


def test_one_question_with_a_fifth_option_leaves_any_p_value_reachable(lint_bank):
    # The review's bank: B 200 times in 200, E expected 0.2 times. The letters are tested
    # within each option count: the five-option question's pool into one group and add
    # nothing, and the chi-square p stays astronomically small, under any threshold.
    five = {**{x: f"option {x} of 0" for x in "ABCD"}, "E": "option E of 0"}
    files = {"01-main.yaml": section_yaml(question(0, "B", options=five))}
    files["02-more.yaml"] = section_yaml(
        *(question(n, "B") for n in range(1, 200)), section_id="more"
    )
    strict = Config(rule_options={"answer-key-balance": {"p_value": 1e-100}})
    [warning] = only("answer-key-balance", lint_bank(files, config=strict))
    assert "among the 4-option questions, B is the key 199 times in 199" in warning.message
    assert "(A 0, B 199, C 0, D 0; chi-square p = " in warning.message
    assert warning.message.endswith("e-129 for the 4- and 5-option questions together)")


def test_letters_expecting_less_than_one_key_join_their_neighbours():
    # 30 four-option and 2 ten-option questions: E-J expect 0.2 each, together 1.2.
    expected = {**dict.fromkeys("ABCD", 7.7), **dict.fromkeys("EFGHIJ", 0.2)}
    assert pool_rare_letters(expected) == [["A"], ["B"], ["C"], ["D"], list("EFGHIJ")]
    # 20 ten-option questions: 2 each, every letter tested on its own.
    assert pool_rare_letters(dict.fromkeys("ABCDEFGHIJ", 2.0)) == [[x] for x in "ABCDEFGHIJ"]
    # 3 three-option questions expect 1 per letter, though 1/3 added 3 times is not 1.
    three = dict.fromkeys("ABC", sum([1 / 3] * 3))
    assert pool_rare_letters(three) == [["A"], ["B"], ["C"]]


def test_a_small_bank_keyed_only_c_or_d_is_reported(lint_bank):
    """Review 122: 24 five-option questions expect 4.8 keys a letter; pooling every letter
    under 5 merged them into A-C and D-E, where C 12 and D 12 cancelled out."""
    five = {x: f"option {x}" for x in "ABCDE"}
    files = {
        "01-main.yaml": section_yaml(*(question(n, "CD"[n % 2], options=five) for n in range(24)))
    }
    [warning] = only("answer-key-balance", lint_bank(files))
    assert "(A 0, B 0, C 12, D 12, E 0; exact p = " in warning.message
    assert "pooled" not in warning.message


def test_key_longest_far_more_than_chance(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))
    [warning] = only("longest-option-key", lint_bank(bank_of(keys, long_keys=range(30))))
    # 30 long keys, and 3 of the other 10 are D, the longest
    assert "longest option in 33 of 40" in warning.message and "about 10" in warning.message


def test_key_longest_about_as_often_as_chance_passes(lint_bank):
    keys = list(itertools.islice(itertools.cycle("ABCD"), 40))  # D, the longest, 10 times
    assert only("longest-option-key", lint_bank(bank_of(keys))) == []


def test_a_question_whose_longest_options_tie_gives_chance_nothing(lint_bank):
    # The review's bank: a key tied for longest is never visibly the longest, so such a
    # question has no chance to count, and is not tested (counting 1 in 4 for each hid 12 in
    # 20 from a test; counting it as tested made 20 look like 40).
    tied = {"A": "Ohm", "B": "Ampere", "C": "Kelvin", "D": "Second"}
    files = bank_of(list(itertools.islice(itertools.cycle("ABCD"), 20)), options=tied)
    others = [question(n, "ABC"[n % 3], n < 32) for n in range(20, 40)]  # 12 long keys
    files["02-more.yaml"] = section_yaml(*others, section_id="more")
    [warning] = only("longest-option-key", lint_bank(files))
    assert "longest option in 12 of 20 questions, where chance gives about 5" in warning.message
    assert "(p = 9.4e-04)" in warning.message


def test_true_false_questions_are_left_to_answer_key_balance(lint_bank):
    # "Incorrect" is longer than "Right" whatever the key: an uneven key, not a length cue.
    keys = ["B"] * 25 + ["A"] * 5
    result = lint_bank(bank_of(keys, options={"A": "Right", "B": "Incorrect"}))
    assert only("longest-option-key", result) == []
    assert only("answer-key-balance", result) != []


def test_options_within_2_characters_of_each_other_give_no_cue(lint_bank):
    unseen = {"A": "Amazon EC2", "B": "Amazon EKS", "C": "AWS Lambda", "D": "Amazon ECS 2"}
    assert only("longest-option-key", lint_bank(bank_of(["D"] * 40, options=unseen))) == []
    seen = {**unseen, "D": "Amazon ECS v2"}  # 3 characters longer than the others
    [warning] = only("longest-option-key", lint_bank(bank_of(["D"] * 40, options=seen)))
    assert "longest option in 40 of 40 questions" in warning.message
