"""section-coverage: study notes without questions, or far fewer questions than others."""

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "section-coverage"
ONLY = Config(select={RULE})


def section(section_id, count, notes=False):
    extra = "notes: Lambda runs code without servers.\n" if notes else ""
    questions = [question(f"{section_id}-q{n}") for n in range(count)]
    return section_yaml(*questions, section_id=section_id, extra=extra)


def test_notes_without_questions_are_reported(lint_bank):
    sections = {"01-a.yaml": section("a", 2), "02-b.yaml": section("b", 0, notes=True)}
    [found] = bank_findings(RULE, lint_bank(sections, config=ONLY))
    assert found.message == "section 'b' has study notes but no questions"
    assert found.path.endswith("02-b.yaml") and found.line == 1 and found.question is None


def test_a_section_far_below_the_median_is_reported(lint_bank):
    sections = {
        f"0{n + 1}-s{n}.yaml": section(f"s{n}", count) for n, count in enumerate([5, 5, 6, 1])
    }
    [found] = bank_findings(RULE, lint_bank(sections, config=ONLY))
    assert found.message == "section 's3' has 1 question, where the median section has 5"


def test_balanced_sections_pass(lint_bank):
    sections = {
        f"0{n + 1}-s{n}.yaml": section(f"s{n}", count) for n, count in enumerate([5, 4, 6, 3])
    }
    assert bank_findings(RULE, lint_bank(sections, config=ONLY)) == []


# Review s35, finding 9: no questions at all is below min_share of the median too.
def test_an_empty_section_among_sections_with_questions_is_reported(lint_bank):
    sections = {
        "01-a.yaml": section("a", 5),
        "02-b.yaml": section("b", 4),
        "03-c.yaml": section("c", 0),
        "04-d.yaml": "id: d\ntitle: D\n",  # no questions key at all
    }
    found = bank_findings(RULE, lint_bank(sections, config=ONLY))
    assert [(d.path.rsplit("/", 1)[-1], d.message) for d in found] == [
        ("03-c.yaml", "section 'c' has no questions, where the median section has 4.5"),
        ("04-d.yaml", "section 'd' has no questions, where the median section has 4.5"),
    ]
    # a bank of empty sections (one just started) has no median to fall short of
    empty = {f"0{n}-s{n}.yaml": section(f"s{n}", 0) for n in range(1, 4)}
    assert bank_findings(RULE, lint_bank(empty, config=ONLY)) == []


def test_banks_of_fewer_than_three_sections_are_not_compared(lint_bank):
    sections = {"01-a.yaml": section("a", 5), "02-b.yaml": section("b", 1)}
    assert bank_findings(RULE, lint_bank(sections, config=ONLY)) == []


def test_a_question_with_a_schema_error_still_covers_its_section(lint_bank):
    from tests.conftest import QUESTION, section_yaml

    broken = QUESTION.replace("answer: A", "answer: A\ndifficulty: trivial")
    found = lint_bank({"01-main.yaml": section_yaml(broken, extra="notes: Study this.\n")})
    assert "section-coverage" not in {d.rule for d in found.diagnostics}


def test_questions_that_are_no_list_count_as_none(lint_bank):
    """'questions: 5' is the schema's to report; the rule counts no questions there."""
    sections = {"01-a.yaml": section("a", 2), "02-b.yaml": "id: b\ntitle: B\nquestions: 5\n"}
    found = lint_bank(sections, config=ONLY)
    assert bank_findings(RULE, found) == []
