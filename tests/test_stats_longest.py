"""exambank stats, the key's length: the visibly longest and shortest options against chance,
the keys that tie for longest, and banks with nothing to test (review s24, psychometrics #4)."""

import json
from html import escape

import pytest

from exambank.cli import main
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import write_bank
from tests.rules.option_lengths import bank, keyed, question, tied

VISIBLY = "longer than every other by 3 characters and 10% or more"


def stats_of(tmp_path, *questions):
    root = write_bank(tmp_path / "bank", bank(*questions))
    return root, bank_stats(lint([root]))


def json_of(root, capsys):
    assert main(["stats", str(root), "--format", "json"]) in (0, 1)
    [data] = json.loads(capsys.readouterr().out)
    return data


def test_a_bank_whose_keys_tie_for_longest_cannot_be_tested(tmp_path, capsys):
    """The review's p3: the key and one distractor 40 characters, the others 14. It read
    "Key is the longest option in 0 of 30 ...; exact p = 1: nothing unusual", while
    picking the longest scores 50%."""
    root, stats = stats_of(tmp_path, *tied(30))
    text = render_text(stats)
    assert (
        "No question has a visibly longest option "
        f"({VISIBLY}), so how often the key is the longest cannot be tested\n"
        "  the key ties for longest in 30 questions\n"
        "  always picking the longest option scores 50%; a random guess 25%\n"
        "No question has a visibly shortest option (shorter than every other by 3 characters "
        "and 10% or more), so how often the key is the shortest cannot be tested\n" in text
    )
    assert "often the longest almost never" not in text and "the rate" not in text
    longest = json_of(root, capsys)["longest_key"]
    assert longest["longest"] == {"keys": 0, "questions": 0, "chance": 0.0, "p_value": None}
    assert longest["ties"] == 30 and longest["measured"] == 30


def test_only_questions_with_a_visibly_longest_option_are_counted_as_tested(tmp_path):
    _, stats = stats_of(tmp_path, *keyed(10, 60, [20, 22, 24]), *tied(25, first=10))
    text = render_text(stats)
    assert (
        "Key is the longest option in 10 of the 10 questions with a visibly longest option "
        "(100%); chance gives 2.5 (25%)\n"
        f"  the other 25 questions have no visibly longest option ({VISIBLY}), and in 25 of "
        "them the key ties for longest\n" in text
    )
    assert f"\n  exact p = {0.25**10:.2g}: a key this often the longest almost never" in text
    _, small = stats_of(tmp_path / "small", *keyed(10, 60, [20, 22, 24]), *tied(5, first=10))
    assert (
        "\n  too few questions (15) to test the rate; longest-option-key tests banks of 20 "
        "or more\n" in render_text(small)
    )


def test_the_shortest_key_is_tested_beside_the_longest(tmp_path, capsys):
    questions = [*keyed(27, 15, [30, 34, 38]), *keyed(3, 60, [30, 34, 38], first=27)]
    root, stats = stats_of(tmp_path, *questions)
    text = render_text(stats)
    said = (
        "Key is the shortest option in 27 of the 30 questions with a visibly shortest option "
        "(90%); chance gives 7.5 (25%)\n"
        "  exact p = 9.9e-14: a key this often the shortest almost never happens by chance; "
        "lengthen the keys or trim the distractors\n"
    )
    assert said in text
    assert text.index("Key is the longest option in 3 of the 30") < text.index(said)
    assert escape(said.replace("\n  e", ". E").rstrip("\n") + ".") in render_html(stats)
    shortest = json_of(root, capsys)["longest_key"]["shortest"]
    assert (shortest["keys"], shortest["questions"], shortest["chance"]) == (27, 30, 7.5)
    assert shortest["p_value"] < 1e-13


def test_a_shortest_option_that_stands_for_others_is_left_to_its_rules(tmp_path):
    """An option "All of the above" is short by what it is; all-of-the-above reports it."""
    questions = [question(n, "D", [30, 34, 38, 10], {"D": "All of the above"}) for n in range(30)]
    _, stats = stats_of(tmp_path, *questions)
    assert (
        '\n  the 30 questions whose shortest option stands for others ("All of the above", '
        '"A and B") are left out; their own rules report them\n' in render_text(stats)
    )
    assert stats[0].findings.get("all-of-the-above") == 30
    assert "longest-option-key" not in stats[0].findings


def test_the_json_gives_both_tests_and_the_margin(tmp_path, capsys):
    root, _ = stats_of(tmp_path, *keyed(20, 60, [20, 22, 24]))
    data = json_of(root, capsys)
    assert data["schema_version"] == 8
    longest = data["longest_key"]
    assert set(longest) == {
        "longest",
        "shortest",
        "margin_characters",
        "margin_share",
        "min_questions",
        "rule_threshold",
        "measured",
        "left_out",
        "shortest_left_out",
        "ties",
        "longest_score",
        "chance_score",
    }
    assert (longest["margin_characters"], longest["margin_share"]) == (3, 0.1)
    assert longest["longest"]["keys"] == longest["longest"]["questions"] == 20
    assert longest["longest"]["p_value"] == pytest.approx(0.25**20, rel=1e-9)
