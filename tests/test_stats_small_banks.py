"""exambank stats on small banks and against chance (review s24, findings 3, 5 and 7): the
letters' test is named (exact up to 30 questions), the commonest letter's score is set
beside a random key's commonest letter, and the longest run beside its chance."""

import json
from html import escape

import pytest

from exambank.cli import main
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.test_stats_report import keyed_bank


def report(tmp_path, keys):
    root = keyed_bank(tmp_path, keys)
    return root, bank_stats(lint([root]))


def test_twelve_questions_all_keyed_c_get_their_exact_p_in_every_format(tmp_path, capsys):
    root, stats = report(tmp_path, "C" * 12)
    verdict = "exact p = 2.4e-07: a spread this uneven almost never happens by chance"
    assert f"\n  {verdict}; reletter options" in render_text(stats)
    assert escape(f"E{verdict[1:]}") in render_html(stats)
    assert main(["stats", str(root), "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    keys = data["keys"]
    assert (keys["test"], keys["pooled"], keys["min_questions"]) == ("exact", [], 8)
    assert keys["p_value"] == pytest.approx(4 / 4**12, rel=1e-12)
    assert data["schema_version"] == 8


def test_a_balanced_small_bank_is_tested_and_passes(tmp_path):
    _, [stats] = report(tmp_path, "ABCD" * 3)
    assert (stats.keys.test, stats.keys.p_value) == ("exact", 1.0)
    assert "\n  exact p = 1: nothing unusual\n" in render_text([stats])


def test_above_30_questions_the_report_names_chi_square(tmp_path):
    _, [stats] = report(tmp_path, "ABCD" * 8)
    assert stats.keys.test == "chi-square"
    assert "\n  chi-square 0.0, df 3, p = 1: nothing unusual\n" in render_text([stats])


def test_below_min_questions_no_test_is_named(tmp_path):
    _, [stats] = report(tmp_path, "C" * 7)
    assert (stats.keys.test, stats.keys.p_value) == (None, None)
    assert "too few single-answer questions (7) to test the spread; answer-key-balance " in (
        render_text([stats])
    )


def test_the_commonest_letter_is_set_beside_a_random_key_s(tmp_path):
    # 12 four-option questions: a random key's commonest letter keys 40.5% on average
    # (the mean of the largest count of a 12-key multinomial over 4 letters, / 12).
    _, [stats] = report(tmp_path, "ABCA" * 3)
    said = "always answering A scores 50%; a random key's commonest letter would score about 41%"
    assert f"\n  {said}\n" in render_text([stats])
    assert stats.keys.commonest_chance_score == pytest.approx(0.405256, abs=1e-6)


def test_the_longest_run_is_set_beside_its_chance(tmp_path, capsys):
    # A run of 12 in 12 questions: every key one letter, 4 keyings in 4^12.
    root, stats = report(tmp_path, "C" * 12)
    said = (
        "Answer runs (4 or more in a row): 1 run, longest 12 (C); a run of 12 or more "
        "happens in about 1 in 4,200,000 random banks this size"
    )
    assert f"\n{said}\n" in render_text(stats)
    assert main(["stats", str(root), "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["answer_runs"]["longest_chance"] == pytest.approx(4 / 4**12, rel=1e-9)


def test_a_run_random_keys_often_make_is_said_to_be_common(tmp_path):
    # 4 in a row in 40 questions: random four-option keys make one in 37% of such banks
    # (0.366, by the review's own Markov chain, runs_prob.py).
    _, [stats] = report(tmp_path, "ABCD" * 4 + "AAAA" + "BCDA" * 5)
    assert stats.answer_runs.longest_chance == pytest.approx(0.3660, abs=5e-5)
    assert "longest 4 (A); a run of 4 or more happens in 37% of random banks this size" in (
        render_text([stats])
    )


def test_no_run_no_chance(tmp_path):
    _, [stats] = report(tmp_path, "ABCD" * 3)
    assert stats.answer_runs.longest_chance is None
    assert "\nAnswer runs (4 or more in a row): none\n" in render_text([stats])
