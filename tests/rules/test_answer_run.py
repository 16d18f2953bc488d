"""answer-run: the same key letter four or more times in a row, in bank order."""

from exambank import pyproject
from exambank.cli import main
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


def test_a_run_of_one_question_is_one_question(lint_bank):  # review s35, finding 11
    config = Config(select={RULE}, rule_options={RULE: {"min_run": 1}})
    [found] = bank_findings(RULE, lint_bank(bank("C"), config=config))
    assert found.message == "C is the key of 1 question in a row (q0 to q0); this is number 1"


def test_the_hint_is_a_shuffled_edition_not_relettering_by_hand(lint_bank):
    """Relettering by hand to break runs makes keys alternate more than chance, which
    test-wise candidates exploit too (Bar-Hillel & Attali 2002)."""
    [first, *_] = bank_findings(
        RULE, lint_bank(bank("C", "C", "C", "C"), config=Config(select={RULE}))
    )
    assert "exambank build --shuffle SEED" in first.hint and "by hand" in first.hint


def test_the_hint_says_how_a_bank_always_shuffled_turns_the_rule_off(lint_bank, tmp_path):
    """Shuffled editions still show the runs in lint and build (review s27-author #5): the
    hint names the setting that turns the rule off, and that setting does."""
    [first, *_] = bank_findings(
        RULE, lint_bank(bank("C", "C", "C", "C"), config=Config(select={RULE}))
    )
    assert first.hint.endswith(
        'a bank always handed out shuffled turns this rule off: ignore = ["answer-run"] '
        "under [tool.exambank] in pyproject.toml"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.exambank]\nignore = ["answer-run"]\n')
    config = pyproject.read(tmp_path / "pyproject.toml")
    assert bank_findings(RULE, lint_bank(bank("C", "C", "C", "C"), config=config)) == []


def test_the_rule_page_says_how_a_shuffled_bank_turns_it_off(capsys):
    assert main(["rule", RULE]) == 0
    assert '`ignore = ["answer-run"]` under `[tool.exambank]`' in capsys.readouterr().out


def _unreadable(key: str) -> str:
    """A question keyed ``key`` that fails the schema: its options are numbers."""
    return question("bad", options={"A": 80, "B": 443}, answer=key)


def test_a_question_that_failed_the_schema_ends_a_run(lint_bank):
    """Lint cannot read its key: the questions on either side of it are not in a row, and
    a run named across it ("4 in a row (q1 to q5)") would miscount (review s27-author #10)."""
    keys = [question(f"q{n}", answer="B") for n in range(1, 4)]
    after = question("q5", answer="B")
    result = lint_bank({"01-main.yaml": section_yaml(*keys, _unreadable("B"), after)})
    assert bank_findings(RULE, result) == []
    assert sum(d.rule == "schema" for d in result.diagnostics) == 2  # its two options


def test_a_run_before_a_question_that_failed_the_schema_ends_there(lint_bank):
    keys = [question(f"q{n}", answer="B") for n in range(1, 5)]
    section = section_yaml(*keys, _unreadable("B"), question("q6", answer="B"))
    found = bank_findings(RULE, lint_bank({"01-main.yaml": section}))
    assert [d.question for d in found] == ["q1", "q2", "q3", "q4"]
    assert found[0].message == "B is the key of 4 questions in a row (q1 to q4); this is number 1"


def test_a_section_file_that_failed_ends_a_run(lint_bank):
    sections = {
        "01-a.yaml": section_yaml(*(question(f"a{n}", answer="B") for n in (1, 2)), section_id="a"),
        "02-b.yaml": "id: b\ntitle: B\nquestions:\n  - id: b1\n    stem: [unclosed\n",
        "03-c.yaml": section_yaml(*(question(f"c{n}", answer="B") for n in (1, 2)), section_id="c"),
    }
    assert bank_findings(RULE, lint_bank(sections, config=Config(select={RULE}))) == []
    del sections["02-b.yaml"]  # without it, the four questions are in a row
    assert len(bank_findings(RULE, lint_bank(sections, config=Config(select={RULE})))) == 4
