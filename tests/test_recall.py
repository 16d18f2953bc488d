"""tools/recall.py counts what each rule catches on the labelled sets in tests/fixtures/recall
and tests/fixtures/recall-heldout (written at stop 19; never tune a rule to it).

These tests pin the tool and the sets' shape, never the figures: those change as rules do.
"""

import functools
import importlib.util
import sys
from collections import Counter

import pytest

from exambank.rules import RULES
from tests.conftest import REPO, section_yaml, write_bank

TOOL = REPO / "tools" / "recall.py"
# The per-question rules the set must cover, each with 8 flawed and 4 clean items at least.
PER_QUESTION = [
    "all-of-the-above", "none-of-the-above", "negative-stem", "negative-options",
    "absolute-terms", "longest-option-key", "option-length-spread", "word-repeat",
    "grammatical-cue", "numeric-order", "overlapping-ranges", "true-false-options",
    "combination-options", "fill-in-blank", "stem-lead-in", "option-rationale",
]  # fmt: skip
BANK_WIDE = ["answer-run", "near-duplicate", "duplicate-question", "key-in-other-stem"]
WHOLE_BANK = ["section-coverage", "answer-key-balance", "longest-option-key"]


def _tool():
    spec = importlib.util.spec_from_file_location("recall", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


recall = _tool()
HELDOUT = REPO / "tests" / "fixtures" / "recall-heldout"


@functools.cache
def _measured(folder):
    """A set's measurement and its labelled items, linted once per test run."""
    items, _ = recall.labelled_items(recall.lint([folder], recall.config_for(folder)).banks)
    return recall.measure(folder), items


@pytest.fixture(params=[recall.FIXTURES, HELDOUT], ids=["recall", "recall-heldout"])
def labelled_set(request):
    return _measured(request.param)


def test_every_fixture_bank_lints_without_errors(labelled_set):
    measured, _ = labelled_set
    assert measured.errors == []


def test_every_label_names_a_rule(labelled_set):
    measured, _ = labelled_set
    assert measured.unknown_labels == []
    assert {row.rule for row in measured.rows} <= set(RULES)


def test_the_set_covers_every_rule_it_promises(labelled_set):
    measured, _ = labelled_set
    rows = {(row.rule, row.scope): row for row in measured.rows}
    for rule in PER_QUESTION:
        row = rows[(rule, recall.QUESTION)]
        assert row.flawed >= 8 and row.clean >= 4, rule
    for rule in BANK_WIDE:
        row = rows[(rule, recall.QUESTION)]
        assert row.flawed >= 4 and row.clean >= 1, rule
    for rule in WHOLE_BANK:
        row = rows[(rule, recall.BANK)]
        assert row.flawed >= 1 and row.clean >= 1, rule


def test_labels_are_unique_across_the_set(labelled_set):
    """A listing names a question's label alone, and a bank's under "RULE (bank)"."""
    _, items = labelled_set
    counts = Counter((item.scope, item.label) for item in items)
    assert [label for label, n in counts.items() if n > 1] == []


def test_counts_add_up(labelled_set):
    measured, items = labelled_set
    flaws = sum(item.kind == "flaw" for item in items)
    assert sum(row.flawed for row in measured.rows) == flaws
    assert sum(row.clean for row in measured.rows) == len(items) - flaws
    for row in measured.rows:
        assert sorted(row.caught + row.missed + row.flagged + row.passed) == sorted(
            item.label for item in items if (item.rule, item.scope) == (row.rule, row.scope)
        )


def _item(label, scope="question", bank="b"):
    rule, kind, number = recall.parse_label(label)
    return recall.Item(rule, scope, kind, number, bank, label)


def test_only_the_labelled_rule_catches_or_flags_an_item():
    items = [_item("negative-stem-flaw-1"), _item("negative-stem-clean-1")]
    findings = [
        recall.Finding("b", "word-repeat", "negative-stem-flaw-1"),
        recall.Finding("b", "negative-stem", "negative-stem-clean-1"),
    ]
    (row,) = recall.tally(items, findings)
    assert (row.caught, row.missed) == ([], ["negative-stem-flaw-1"])
    assert (row.flagged, row.passed) == (["negative-stem-clean-1"], [])
    assert recall.other_rules(items, findings) == Counter({"word-repeat": 1})
    (row,) = recall.tally(items, [recall.Finding("b", "negative-stem", "negative-stem-flaw-1")])
    assert row.caught == ["negative-stem-flaw-1"]


def test_a_finding_in_another_bank_catches_nothing():
    items = [_item("negative-stem-flaw-1")]
    (row,) = recall.tally(items, [recall.Finding("other", "negative-stem", "negative-stem-flaw-1")])
    assert row.missed == ["negative-stem-flaw-1"]


def test_a_bank_item_is_caught_only_by_a_finding_on_the_bank():
    items = [_item("answer-key-balance-flaw-1", scope="bank", bank="answer-key-balance-flaw-1")]
    on_a_question = recall.Finding("answer-key-balance-flaw-1", "answer-key-balance", "q1")
    (row,) = recall.tally(items, [on_a_question])
    assert row.missed == ["answer-key-balance-flaw-1"]
    on_the_bank = recall.Finding("answer-key-balance-flaw-1", "answer-key-balance", None)
    (row,) = recall.tally(items, [on_the_bank])
    assert row.caught == ["answer-key-balance-flaw-1"]


def test_labels_sort_by_number_and_ids_without_a_label_are_left_out():
    assert recall.parse_label("longest-option-key-flaw-12") == ("longest-option-key", "flaw", 12)
    assert recall.parse_label("filler-3") is None
    assert recall.parse_label("answer-run-flawed-1") is None
    items = [_item("fill-in-blank-flaw-10"), _item("fill-in-blank-flaw-9")]
    (row,) = recall.tally(items, [])
    assert row.missed == ["fill-in-blank-flaw-9", "fill-in-blank-flaw-10"]


def test_the_report_totals_the_rows():
    rows = [
        recall.Row("a-rule", "question", caught=["x"], missed=["y"], passed=["z"]),
        recall.Row("b-rule", "bank", caught=["u", "v"], flagged=["w"]),
    ]
    text = recall.report(recall.Measurement(rows, [], [], Counter()))
    assert text.splitlines()[3].split() == ["total", "3/4", "1/2"]
    assert "b-rule (bank)" in text and "a-rule: y" in text and "b-rule (bank): w" in text


def test_a_label_naming_no_rule_fails_the_run(tmp_path, capsys):
    question = "id: no-such-rule-flaw-1\nstem: Which gas do we breathe out?\n" + (
        "options: {A: Carbon dioxide, B: Neon}\nanswer: A\nexplanation: We exhale CO2.\n"
    )
    write_bank(tmp_path / "bank-one", {"01-main.yaml": section_yaml(question)})
    assert recall.main([str(tmp_path)]) == 1
    assert "label names no rule: test-bank: no-such-rule-flaw-1" in capsys.readouterr().err


def test_a_fixture_with_an_error_fails_the_run(tmp_path, capsys):
    question = "id: negative-stem-flaw-1\nstem: Which is not a gas?\n" + (
        "options: {A: Neon, B: Iron}\nanswer: E\nexplanation: Iron is a metal.\n"
    )
    write_bank(tmp_path / "bank-one", {"01-main.yaml": section_yaml(question)})
    assert recall.main([str(tmp_path)]) == 1
    assert "answer-not-in-options" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argument", "said"),
    [
        ("--help", None),
        ("no-such-folder", "no-such-folder: not a folder"),
        ("", "no bank"),  # the folder the run is in: no bank in it
    ],
)
def test_help_and_a_folder_that_is_no_set_are_told_without_a_traceback(
    tmp_path, monkeypatch, capsys, argument, said
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        recall.main([argument] if argument else [str(tmp_path)])
    out, err = capsys.readouterr()
    if said is None:
        assert stopped.value.code == 0 and out.startswith("usage: tools/recall.py")
    else:
        assert stopped.value.code == 2 and said in err and "Traceback" not in err
