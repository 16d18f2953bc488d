"""near-duplicate: two questions with (nearly) the same stem and key; never all pairs."""

import random

from exambank.config import Config
from exambank.rules import similarity
from exambank.rules.similarity import closest, similar_pairs
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "near-duplicate"
ONLY = Config(select={RULE})
STEM = "Which service provides a virtually unlimited amount of durable object storage?"


def test_both_copies_are_reported_each_naming_the_other(lint_bank):
    sections = {
        "01-a.yaml": section_yaml(question("a1", stem=STEM), section_id="a"),
        "02-b.yaml": section_yaml(
            question("b1", stem="Which database is relational?"),
            question("b2", stem=STEM.replace("?", " in the cloud?")),
            section_id="b",
        ),
    }
    found = bank_findings(RULE, lint_bank(sections, config=ONLY))
    assert [(d.question, d.line) for d in found] == [("a1", 5), ("b2", 14)]
    assert "nearly the same question as b2 at " in found[0].message
    assert "02-b.yaml:14" in found[0].message and "01-a.yaml:5" in found[1].message
    assert "(73% of the four-word runs of stem and key shared)" in found[0].message


def test_different_questions_pass(lint_bank):
    questions = [
        question("q1", stem=STEM),
        question("q2", stem="Which service queues messages between decoupled components?"),
        question("q3", stem="Which service stores objects in buckets?"),
    ]
    assert (
        bank_findings(RULE, lint_bank({"01-main.yaml": section_yaml(*questions)}, config=ONLY))
        == []
    )


def _with(**options):
    return Config(select={RULE}, rule_options={RULE: options})


def test_the_thresholds_are_options(lint_bank):
    questions = [question("q1", stem=STEM), question("q2", stem=STEM + " Choose the cheapest one.")]
    sections = {"01-main.yaml": section_yaml(*questions)}
    assert len(bank_findings(RULE, lint_bank(sections, config=ONLY))) == 2
    # Below the shingle threshold, the same key and 10 of 11 content words still make a copy
    found = bank_findings(RULE, lint_bank(sections, config=_with(threshold=0.9)))
    assert "(the same key, and 91% of the content words of stem and key shared)" in (
        found[0].message
    )
    strict = _with(threshold=0.9, reworded_share=0.95)
    assert bank_findings(RULE, lint_bank(sections, config=strict)) == []


def _random_sets(rng, count, vocabulary):
    base = [frozenset(rng.sample(range(vocabulary), rng.randint(5, 30))) for _ in range(count)]
    twins = [frozenset([*list(s)[:-1], vocabulary + n]) for n, s in enumerate(base[: count // 10])]
    return base + twins


def test_the_join_finds_exactly_what_comparing_every_pair_finds():
    rng = random.Random(4)
    sets = _random_sets(rng, 300, 400)
    expected = {}
    for i, a in enumerate(sets):
        for j, b in enumerate(sets):
            if i != j and len(a & b) / len(a | b) >= 0.5:
                score = len(a & b) / len(a | b)
                if i not in expected or (score, -j) > (expected[i][1], -expected[i][0]):
                    expected[i] = (j, score)
    assert closest(similar_pairs(sets, 0.5, 10_000)) == expected


def test_the_join_does_not_compare_every_pair(monkeypatch):
    compared = []
    original = similarity._similarity
    monkeypatch.setattr(similarity, "_similarity", lambda *a: compared.append(a) or original(*a))
    rng = random.Random(5)
    sets = _random_sets(rng, 5000, 200_000)
    found = closest(similar_pairs(sets, 0.5, 100))
    assert len(found) >= 2 * 500  # every twin and its original
    assert len(compared) < 5500 * 5  # all pairs would be some 15 million


def test_short_questions_on_one_stock_stem_are_different_questions(lint_bank):
    # civics picks: 50 state capitals share every shingle but the last one.
    questions = [
        question(
            "q1", stem="What is the capital of Delaware?", options={"A": "Dover", "B": "Salem"}
        ),
        question(
            "q2",
            stem="What is the capital of Pennsylvania?",
            options={"A": "Harrisburg", "B": "Dover"},
        ),
    ]
    sections = {"01-main.yaml": section_yaml(*questions)}
    assert bank_findings(RULE, lint_bank(sections, config=ONLY)) == []


def test_a_short_question_asked_twice_is_still_reported(lint_bank):
    stem = "What is the capital of Delaware?"
    questions = [
        question("q1", stem=stem, options={"A": "Dover", "B": "Salem", "C": "Trenton"}),
        question("q2", stem=stem, options={"A": "Salem", "B": "Dover", "C": "Trenton"}, answer="B"),
    ]
    sections = {"01-main.yaml": section_yaml(*questions)}
    assert len(bank_findings(RULE, lint_bank(sections, config=ONLY))) == 2


def test_parallel_items_that_differ_in_a_number_are_different_questions(lint_bank):
    # FCC element 3: one stock calculation, asked with other figures.
    stem = "A frequency counter reads {} kHz with a time base error of 10 ppm. What is the error?"
    questions = [
        question("q1", stem=stem.format("146520"), options={"A": "1.465 kHz", "B": "2 kHz"}),
        question("q2", stem=stem.format("225500"), options={"A": "2.255 kHz", "B": "2 kHz"}),
    ]
    sections = {"01-main.yaml": section_yaml(*questions)}
    assert bank_findings(RULE, lint_bank(sections, config=ONLY)) == []


def _pair(lint_bank, first, second):
    sections = {"01-main.yaml": section_yaml(first, second)}
    return bank_findings(RULE, lint_bank(sections, config=ONLY))


LONG = "What happens to the output of a class {} amplifier when the drive to the stage {}?"


def test_parallel_items_with_other_answers_are_different_questions(lint_bank):
    # FCC element 3: one word flips the question, and the key with it.
    first = question(
        "q1", stem=LONG.format("C", "increases"), options={"A": "It rises", "B": "It stays"}
    )
    second = question(
        "q2", stem=LONG.format("C", "decreases"), options={"A": "It falls", "B": "It stays"}
    )
    assert _pair(lint_bank, first, second) == []


def test_a_reworded_question_with_the_same_answer_is_a_copy(lint_bank):
    first = question(
        "q1", stem=LONG.format("C", "increases"), options={"A": "It rises", "B": "It stays"}
    )
    second = question(
        "q2", stem=LONG.format("C", "rises"), options={"A": "It rises", "B": "It stays"}
    )
    assert len(_pair(lint_bank, first, second)) == 2


def test_the_same_question_with_another_key_is_reported(lint_bank):
    # One of the two keys is wrong.
    options = {"A": "It rises", "B": "It falls", "C": "It stays"}
    first = question("q1", stem=LONG.format("C", "increases"), options=options)
    second = question("q2", stem=LONG.format("C", "increases"), options=options, answer="B")
    assert len(_pair(lint_bank, first, second)) == 2


def test_one_stock_stem_over_other_options_is_another_question(lint_bank):
    # gbrainy: the question is in the options.
    stem = "Which of the following words does not belong in this group of related words?"
    first = question("q1", stem=stem, options={"A": "Apple", "B": "Pear", "C": "Chair"}, answer="C")
    second = question("q2", stem=stem, options={"A": "Red", "B": "Table", "C": "Blue"}, answer="B")
    assert _pair(lint_bank, first, second) == []


def test_programs_that_differ_in_indentation_are_different_questions(lint_bank):
    # pyneng quiz: `break` in the inner loop, then in the outer one.
    code = (
        "What does this print?\n\n```python\n"
        "for i in range(3):\n    for j in range(3):\n{}break\n```"
    )
    options = {"A": "0", "B": "3", "C": "9"}
    first = question("q1", stem=code.format("        "), options=options)
    second = question("q2", stem=code.format("    "), options=options, answer="B")
    assert _pair(lint_bank, first, second) == []
