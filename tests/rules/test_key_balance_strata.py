"""answer-key-balance within each option count (review s24, psychometrics, finding 2): the
letters of questions with k options are tested against their own even spread and the
option counts' statistics summed, so one count's keys cannot offset another's."""

import itertools
import math
from fractions import Fraction

import pytest

from exambank.config import Config
from exambank.exact_letters import letter_count_tail, stratified_letter_tail
from exambank.lint import lint
from exambank.rules.letter_spread import StrataSpread
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import section_yaml, write_bank
from tests.rules.test_key_patterns import only, question
from tests.rules.test_truth_keys import true_false
from tests.test_stats_report import json_report, keyed_bank


def options_of(count: int, number: int) -> dict[str, str]:
    return {letter: f"choice {letter} of {number}" for letter in "ABCDEFG"[:count]}


def bank(*questions: str) -> dict[str, str]:
    return {"01-main.yaml": section_yaml(*questions)}


def four_never_a_five_often_a() -> dict[str, str]:
    """30 four-option questions keyed B, C, D in turn (A never), 30 five-option ones keyed
    A 15 times: counted together, A is the key 15 times where 13.5 are expected."""
    fours = [question(n, "BCD"[n % 3], options=options_of(4, n)) for n in range(30)]
    fives = [
        question(n, "A" if n < 45 else "BCDE"[n % 4], options=options_of(5, n))
        for n in range(30, 60)
    ]
    return bank(*fours, *fives)


def test_a_letter_common_in_one_option_count_is_not_offset_by_another(lint_bank):
    [warning] = only("answer-key-balance", lint_bank(four_never_a_five_often_a()))
    assert warning.message == (
        "answer key is uneven: among the 5-option questions, A is the key 15 times in 30, "
        "2.5x its fair share of 6.0 (A 15, B 3, C 4, D 4, E 4; chi-square p = 3.3e-04 for "
        "the 4- and 5-option questions together)"
    )


def test_two_options_that_are_no_true_false_are_a_stratum_of_their_own(lint_bank):
    # "Increase" / "Decrease": no truth value to test, so their letters are: A every time.
    two = {"A": "Increase the value", "B": "Decrease the value"}
    twos = [question(n, "A", options=two) for n in range(20)]
    fours = [question(n, "ABCD"[n % 4]) for n in range(20, 60)]
    [warning] = only("answer-key-balance", lint_bank(bank(*twos, *fours)))
    assert warning.message.startswith(
        "answer key is uneven: among the 2-option questions, A is the key 20 times in 20, "
    )
    assert warning.message.endswith("for the 2- and 4-option questions together)")


def test_true_false_letters_are_left_to_their_value_test(lint_bank):
    """The review's bank: 30 true/false questions keyed A ("True"), 30 four-option ones
    keyed B, C, D in turn. The letters tested are the four-option questions' alone (exact
    p = 0.019), so "True" keys no longer offset the missing A, nor are they reported twice."""
    tfs = [true_false(n, True) for n in range(30)]
    fours = [question(n, "BCD"[n % 3]) for n in range(30, 60)]
    result = lint_bank(bank(*tfs, *fours))
    [warning] = only("answer-key-balance", result)
    assert warning.message.startswith("true/false keys are uneven")
    [data] = result.banks
    spread = StrataSpread.of(data.single_answer_questions, data.single_answer_true_false)
    assert (list(spread.strata), spread.truths.questions, spread.test) == ([4], 30, "exact")
    assert spread.p_value == pytest.approx(0.0191, abs=5e-5)
    text = render_text(bank_stats(result))
    assert (
        "\n  letters tested among the 4-option questions; the 30 true/false ones by the value "
        "of their key, below\n  exact p = 0.019: " in text
    )


def stratified_by_brute_force(strata):
    """P(the strata's summed chi-square statistic >= the observed), every key tuple
    enumerated, in exact fractions (``strata``: each option count's letter counts)."""
    sizes = [sum(counts) for counts in strata]

    def statistic(all_counts):
        total = Fraction(0)
        for counts, size in zip(all_counts, sizes, strict=True):
            due = Fraction(size, len(counts))
            total += sum((count - due) ** 2 / due for count in counts)
        return total

    target = statistic(strata)
    letters = [range(len(counts)) for counts in strata for _ in range(sum(counts))]
    at_least = 0
    for keys in itertools.product(*letters):
        at, all_counts = 0, []
        for counts, size in zip(strata, sizes, strict=True):
            all_counts.append([keys[at : at + size].count(j) for j in range(len(counts))])
            at += size
        at_least += statistic(all_counts) >= target
    return Fraction(at_least, math.prod(len(r) for r in letters))


@pytest.mark.parametrize(
    "strata",
    [
        [[2, 1, 0], [3, 0, 1, 0]],  # 3^3 * 4^4 keyings
        [[1, 1, 1], [0, 2, 0, 0], [1, 0]],
        [[0, 2, 1], [1, 1, 2, 0]],
    ],
)
def test_the_summed_statistic_s_exact_tail_matches_brute_force(strata):
    assert stratified_letter_tail(strata) == pytest.approx(
        float(stratified_by_brute_force(strata)), rel=1e-12
    )


def test_one_stratum_s_exact_tail_is_the_letters_test():
    for counts in ([12, 0, 0, 0], [0, 10, 9, 0], [3, 3, 2, 2, 0]):
        option_counts = [len(counts)] * sum(counts)
        assert stratified_letter_tail([counts]) == pytest.approx(
            letter_count_tail(option_counts, counts), rel=1e-12
        )


def test_a_small_mixed_bank_is_tested_exactly_within_each_option_count(lint_bank):
    # 4 two-option and 4 five-option questions, every key A; reported at any p to see it.
    two = {"A": "Left branch", "B": "Right branch"}
    keyed = [question(n, "A", options=two if n % 2 else options_of(5, n)) for n in range(8)]
    config = Config(rule_options={"answer-key-balance": {"p_value": 1.0}})
    [warning] = only("answer-key-balance", lint_bank(bank(*keyed), config=config))
    p = stratified_by_brute_force([[4, 0], [4, 0, 0, 0, 0]])  # 10,000 keyings
    assert warning.message == (
        "answer key is uneven: among the 5-option questions, A is the key 4 times in 4, "
        "5.0x its fair share of 0.8 (A 4, B 0, C 0, D 0, E 0; "
        f"exact p = {float(p):.1e} for the 2- and 5-option questions together)"
    )


def test_stats_gives_each_option_count_and_the_sum(tmp_path, capsys):
    root = write_bank(tmp_path / "bank", four_never_a_five_often_a())
    [stats] = bank_stats(lint([root]))
    lines = render_text([stats]).splitlines()
    index = lines.index(
        "  letters tested within each option count, as one count's keys can offset "
        "another's, and the statistics summed"
    )
    assert lines[index + 1 : index + 3] == [
        "  4-option questions (30): A 0, B 10, C 10, D 10; chi-square 10.0, df 3, p = 0.019",
        "  5-option questions (30): A 15, B 3, C 4, D 4, E 4; chi-square 17.0, df 4, p = 0.0019",
    ]
    assert lines[index + 3].startswith(
        "  chi-square 27.0, df 7, p = 0.00033 for the 4- and 5-option questions together: "
        "a spread this uneven almost never happens by chance"
    )
    assert "4-option questions (30): A 0, B 10, C 10, D 10; chi-square 10.0" in render_html([stats])
    [data] = json_report(capsys, str(root))
    assert data["schema_version"] == 8
    keys = data["keys"]
    assert (keys["test"], keys["degrees"], keys["pooled"]) == ("chi-square", 7, [])
    assert [(s["options"], s["questions"], s["test"]) for s in keys["strata"]] == [
        (4, 30, "chi-square"),
        (5, 30, "chi-square"),
    ]
    assert keys["strata"][0]["observed"] == {"A": 0, "B": 10, "C": 10, "D": 10}
    assert keys["strata"][1]["p_value"] == pytest.approx(0.0019, abs=5e-5)


def test_a_bank_of_one_option_count_reads_as_before(tmp_path):
    """The usual bank: one stratum, one test, and no word of strata."""
    [stats] = bank_stats(lint([keyed_bank(tmp_path, "B" * 20 + "ACD" * 4)]))
    assert [stratum.options for stratum in stats.keys.strata] == [4]
    assert "letters tested" not in render_text([stats])
    assert "option questions" not in render_text([stats])
