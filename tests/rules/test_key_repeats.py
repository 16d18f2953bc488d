"""answer-alternation: a key that changes letter from one question to the next too often."""

import itertools
import json
import random
from math import comb

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.rules.key_repeats import KeyRepeats, key_repeats
from tests.conftest import section_yaml, write_bank
from tests.rules.test_key_patterns import bank_of, only, question

CYCLE = "ABCD"


def cycled(count: int) -> list[str]:
    """Keys A, B, C, D, A, B ...: never the letter before, as a writer balancing by hand."""
    return list(itertools.islice(itertools.cycle(CYCLE), count))


def test_a_key_that_never_repeats_the_letter_before_it_is_reported(lint_bank):
    [warning] = only("answer-alternation", lint_bank(bank_of(cycled(30))))
    assert warning.severity == "warning" and warning.path.endswith("bank.yaml")
    assert "repeats the letter of the question before it 0 times in 29 pairs" in warning.message
    assert "random keys repeat it about 7 times" in warning.message  # 29 / 4
    assert f"p = {0.75**29:.1e}" in warning.message  # binomial: no repeat in 29 trials of 1/4
    assert "build --shuffle" in warning.hint


def test_random_keys_pass(lint_bank):
    keys = random.Random(5).choices(CYCLE, k=60)
    repeats = sum(a == b for a, b in itertools.pairwise(keys))
    assert 10 <= repeats <= 20  # about 59 / 4: the draw is an ordinary one
    assert only("answer-alternation", lint_bank(bank_of(keys))) == []


def test_too_few_pairs_are_not_judged(lint_bank):
    # 20 questions make 19 pairs, under min_questions 20, however they alternate: with a
    # looser p_value (0.75^19 is 0.004), 21 questions are reported and 20 are not.
    loose = Config(rule_options={"answer-alternation": {"p_value": 0.05}})
    assert only("answer-alternation", lint_bank(bank_of(cycled(20)), config=loose)) == []
    assert only("answer-alternation", lint_bank(bank_of(cycled(21)), config=loose)) != []


def test_a_multiple_answer_question_makes_no_pair_with_its_neighbours(lint_bank):
    # The cycled keys with a "Choose two" question in the middle: 28 pairs, not 30.
    keys = [question(n, key) for n, key in enumerate(cycled(30))]
    keys.insert(15, question(99, "A").replace("answer: A", "type: multiple\nanswer: [A, B]"))
    [warning] = only("answer-alternation", lint_bank({"01-main.yaml": section_yaml(*keys)}))
    assert "0 times in 28 pairs" in warning.message


def test_a_question_that_failed_the_schema_makes_no_pair_with_its_neighbours(lint_bank):
    # Lint cannot read its key, so the questions either side of it are no neighbours, as
    # answer-run has it: 28 pairs, not 29 across it.
    keys = [question(n, key) for n, key in enumerate(cycled(30))]
    unreadable = question(99, "A", options={"A": 80, "B": 443, "C": 25, "D": 22})
    keys.insert(15, unreadable)
    result = lint_bank({"01-main.yaml": section_yaml(*keys)})
    assert any(d.rule == "schema" and d.question == "q99" for d in result.diagnostics)
    [warning] = only("answer-alternation", result)
    assert "0 times in 28 pairs" in warning.message


def test_the_p_value_is_the_binomial_tail_where_every_question_has_the_same_letters():
    # 100 pairs with 12 repeats, each 1/4 under random keys: P(X <= 12) summed by hand.
    repeats = KeyRepeats(tuple([0.25] * 100), 12)
    by_hand = sum(comb(100, k) * 0.25**k * 0.75 ** (100 - k) for k in range(13))
    assert repeats.fewer_p == pytest.approx(by_hand, rel=1e-9)
    assert repeats.more_p == pytest.approx(1 - by_hand + comb(100, 12) * 0.25**12 * 0.75**88)


def test_questions_with_different_letters_repeat_with_the_chance_of_the_letters_they_share(
    lint_bank,
):
    five = {x: f"option {x}" for x in "ABCDE"}
    two = {"A": "Yes, it does", "B": "No, it does not"}
    files = {
        "01-main.yaml": section_yaml(
            question(0, "A"), question(1, "B", options=five), question(2, "B", options=two)
        )
    }
    [bank] = lint_bank(files).banks
    counted = key_repeats(bank)
    # A-D then A-E share 4 letters of 4 x 5 ways; A-E then A-B share 2 of 5 x 2.
    assert counted.chances == (4 / 20, 2 / 10) and counted.repeats == 1


def test_stats_say_how_often_the_key_repeats_and_test_it(tmp_path, capsys):
    root = write_bank(tmp_path / "b", bank_of(cycled(30)))
    assert main(["stats", str(root)]) == 0
    out = capsys.readouterr().out
    assert "The key repeats the letter of the question before it in 0 of 29 pairs" in out
    assert "almost never happens by chance; shuffle rather than reletter by hand" in out
    assert main(["stats", str(root), "--format", "json"]) == 0
    [bank] = json.loads(capsys.readouterr().out)
    assert bank["schema_version"] == 8
    repeats = bank["answer_runs"]["repeats"]
    assert (repeats["pairs"], repeats["repeats"], repeats["expected"]) == (29, 0, 7.25)
    assert repeats["fewer_p"] == pytest.approx(0.75**29)
