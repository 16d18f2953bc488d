"""answer-run: the same key letter four or more times in a row, in bank order."""

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "answer-run"


def bank(*keys, files=1):
    """Questions with the given keys, spread over ``files`` section files."""
    questions = [question(f"q{n}", answer=key) for n, key in enumerate(keys)]
    share = -(-len(questions) // files)
    return {
        f"{n + 1:02d}-s{n}.yaml": section_yaml(
            *questions[n * share : (n + 1) * share], section_id=f"s{n}"
        )
        for n in range(files)
    }


def test_every_question_of_a_run_is_reported(lint_bank):
    found = bank_findings(
        RULE, lint_bank(bank("A", "B", "B", "B", "B", "C"), config=Config(select={RULE}))
    )
    assert [d.question for d in found] == ["q1", "q2", "q3", "q4"]
    assert found[0].message == "B is the key of 4 questions in a row (q1 to q4); this is number 1"
    assert all(d.line == d.line and d.column == 13 for d in found)  # at each answer


def test_runs_continue_across_sections(lint_bank):
    found = bank_findings(
        RULE, lint_bank(bank("C", "C", "C", "C", files=2), config=Config(select={RULE}))
    )
    assert len(found) == 4 and {d.path.rsplit("/", 1)[-1] for d in found} == {
        "01-s0.yaml",
        "02-s1.yaml",
    }


def test_three_in_a_row_pass(lint_bank):
    assert (
        bank_findings(
            RULE, lint_bank(bank("B", "B", "B", "A", "B", "B", "B"), config=Config(select={RULE}))
        )
        == []
    )


def test_a_multiple_answer_question_ends_a_run(lint_bank):
    result = lint_bank(bank("B", "B", ["B", "C"], "B", "B"), config=Config(select={RULE}))
    assert bank_findings(RULE, result) == []


def test_the_run_length_is_an_option(lint_bank):
    config = Config(select={RULE}, rule_options={RULE: {"min_run": 3}})
    assert len(bank_findings(RULE, lint_bank(bank("A", "B", "B", "B"), config=config))) == 3


def test_the_hint_is_a_shuffled_edition_not_relettering_by_hand(lint_bank):
    """Relettering by hand to break runs makes keys alternate more than chance, which
    test-wise candidates exploit too (Bar-Hillel & Attali 2002)."""
    [first, *_] = bank_findings(
        RULE, lint_bank(bank("C", "C", "C", "C"), config=Config(select={RULE}))
    )
    assert "exambank build --shuffle SEED" in first.hint and "by hand" in first.hint
