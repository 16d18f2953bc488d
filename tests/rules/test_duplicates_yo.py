"""duplicate-question and duplicate-option read the Russian ё as е (review RU, finding 11):
Russian writes е for ё freely, so two copies of one question differ just so. Constructed
items: the project has no real Russian bank."""

# ruff: noqa: RUF001, RUF002  # Russian words are the point

from exambank.config import Config
from exambank.rules.duplicates import _rough, normalised
from tests.conftest import rules_of, section_yaml
from tests.rules.item_writing import bank_findings, question
from tests.rules.test_options_shape import with_options

STEM = "Какой параметр задаёт число подключений?"
OPTIONS = {"A": "max_connections", "B": "work_mem", "C": "Всё перечисленное"}


def test_a_copy_written_with_e_for_yo_is_a_duplicate_question(lint_bank):
    copy = question(
        "d2",
        stem=STEM.replace("ё", "е"),
        options={**OPTIONS, "C": "Все перечисленное"},
    )
    sections = {"01-main.yaml": section_yaml(question("d1", stem=STEM, options=OPTIONS), copy)}
    found = bank_findings("duplicate-question", lint_bank(sections, config=Config()))
    assert [d.question for d in found] == ["d1", "d2"]


def test_yo_is_read_as_e_in_prose_but_not_in_code():
    assert normalised("Всё задаёт Ёлка") == normalised("Все задает Елка")
    assert normalised("`ёлка`") != normalised("`елка`")  # code is compared as written
    assert _rough("`ёлка`") == _rough("`елка`")  # the sieve is coarser than the comparison


def test_options_differing_in_yo_alone_are_duplicate_options(lint_questions):
    found = lint_questions(with_options("{A: Всё перечисленное, B: Все перечисленное, C: c}"))
    [error] = [d for d in found if d.rule == "duplicate-option"]
    assert error.message == "option B repeats option A"


def test_other_letters_still_make_options_different(lint_questions):
    found = lint_questions(with_options("{A: Всё перечисленное, B: Вся перечисленная, C: c}"))
    assert "duplicate-option" not in rules_of(found)
