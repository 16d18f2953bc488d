"""duplicate-question: the same stem over the same options, under two or more ids."""

import random

import pytest

from exambank.config import Config
from exambank.rules import duplicates
from exambank.rules.duplicates import _rough, _start, normalised
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "duplicate-question"
ONLY = Config(select={RULE})
STEM = "Which service stores objects durably?"
OPTIONS = {"A": "Amazon S3", "B": "Amazon EBS", "C": "Amazon EFS"}


def found_in(lint_bank, *questions, config=ONLY):
    sections = {"01-main.yaml": section_yaml(*questions)}
    return bank_findings(RULE, lint_bank(sections, config=config))


def test_a_copy_under_a_new_id_is_reported_by_default_on_both_naming_the_other(lint_bank):
    sections = {
        "01-a.yaml": section_yaml(question("q5", stem=STEM, options=OPTIONS), section_id="a"),
        "02-b.yaml": section_yaml(
            question("b1", stem="Which database is relational?"),
            question("q5b", stem=STEM, options=OPTIONS),
            section_id="b",
        ),
    }
    found = bank_findings(RULE, lint_bank(sections))  # the default configuration
    assert [(d.question, d.path.rsplit("/", 1)[-1], d.line) for d in found] == [
        ("q5", "01-a.yaml", 5),
        ("q5b", "02-b.yaml", 14),
    ]
    assert found[0].message.startswith("the same stem and options as q5b at ")
    assert found[0].message.endswith("02-b.yaml:14")
    assert found[1].message.startswith("the same stem and options as q5 at ")
    assert found[1].message.endswith("01-a.yaml:5")
    assert {d.severity for d in found} == {"warning"}
    assert found[0].hint == "keep one of them; suppress this on a copy kept on purpose"


def test_order_spacing_and_emphasis_do_not_make_another_question(lint_bank):
    copy = question(
        "q2",
        stem="Which  service stores\nobjects **durably**? ",
        options={"A": "Amazon EFS", "B": "Amazon  S3", "C": "_Amazon_ *EBS*"},
        answer="B",
    )
    assert len(found_in(lint_bank, question("q1", stem=STEM, options=OPTIONS), copy)) == 2


# Review 17, finding 5: folding case made these "copies" whose "keys differ, so one is wrong".
MOLAR_MASSES = {"A": "58.93 g/mol", "B": "28.01 g/mol", "C": "44.01 g/mol"}
SECONDS = {"A": "1 s", "B": "8 s", "C": "80 s"}
SIZES = {"A": "4", "B": "8", "C": "16"}


def test_case_makes_another_question(lint_bank):
    questions = [
        question("cobalt", stem="What is the molar mass of Co?", options=MOLAR_MASSES),
        question(
            "monoxide", stem="What is the molar mass of CO?", options=MOLAR_MASSES, answer="B"
        ),
        question("bytes", stem="How long to send 100 MB at 100 Mb/s?", options=SECONDS, answer="B"),
        question("bits", stem="How long to send 100 Mb at 100 Mb/s?", options=SECONDS),
        question("upper", stem=STEM, options=OPTIONS),
        question("lower", stem=STEM, options={**OPTIONS, "A": "Amazon s3"}),
        question("symbol", stem="Which is a metal?", options={"A": "Mg", "B": "N", "C": "O"}),
        question("unit", stem="Which is a metal?", options={"A": "mg", "B": "N", "C": "O"}),
    ]
    assert found_in(lint_bank, *questions) == []


def test_a_capital_that_opens_a_sentence_is_the_sentence_s(lint_bank):
    """CLF-C02 exams 12 and 13 share a question whose options one exam writes in small
    letters ("Help lower latency ...", "help lower latency ..."): the same question."""
    copy = question(
        "q2",
        stem="which service stores objects durably? pick one.",
        options={"A": "amazon S3", "B": "amazon EBS", "C": "amazon EFS"},
    )
    found = found_in(lint_bank, question("q1", stem=STEM + " Pick one.", options=OPTIONS), copy)
    assert [d.question for d in found] == ["q1", "q2"]
    assert not found[0].message.endswith("one is wrong")


def test_a_lone_star_or_a_python_name_is_not_emphasis(lint_bank):
    questions = [
        question("pointer", stem="What does sizeof(int *p) give?", options=SIZES, answer="B"),
        question("int", stem="What does sizeof(int p) give?", options=SIZES),
        question("dunder", stem="What does __init__ do?", options=SIZES),
        question("init", stem="What does init do?", options=SIZES),
    ]
    assert found_in(lint_bank, *questions) == []


def test_link_and_image_targets_count_as_written(lint_bank):
    stem = "Which service does ![the diagram]({}) show?"
    questions = [
        question(f"q{n}", stem=stem.format(target), options=OPTIONS)
        for n, target in enumerate(["img/Fig-A.png", "img/fig-a.png", "img/_a_.png", "img/a.png"])
    ]
    assert found_in(lint_bank, *questions) == []
    copy = question(
        "copy", stem=stem.format("img/Fig-A.png").replace("the", "*the*"), options=OPTIONS
    )
    assert [d.question for d in found_in(lint_bank, questions[0], copy)] == ["q0", "copy"]


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        ("Which is **not** a *managed* service?", "which is not a managed service?"),
        ("Paying only. The cost: Lower", "paying only. the cost: lower"),
        ("Mg and Co. Mb, Amazon S3", "Mg and Co. Mb, Amazon S3"),  # symbols, units, names
        ("Grant's _tomb_.", "grant's tomb."),
        ("***Never*** do it", "never do it"),
        ("*All* of *them*", "all of them"),
        ("int *p, *q;", "int *p, *q;"),
        ("2*3 = 6 and a * b", "2*3 = 6 and a * b"),
        ("__init__ and snake_case_name", "__init__ and snake_case_name"),
        ("Molar  mass\nof CO", "molar mass of CO"),
        ("See ![Fig](img/_A_.png) *now*", "see ![Fig\n](img/_A_.png)\nnow"),
    ],
)
def test_normalised_drops_paired_emphasis_spacing_and_a_sentence_s_capital(text, compared):
    assert normalised(text) == compared


def test_the_same_stem_over_other_options_is_a_parallel_item(lint_bank):
    stem = "Which of the following words does not belong in this group?"
    first = question("q1", stem=stem, options={"A": "Apple", "B": "Pear", "C": "Chair"})
    second = question("q2", stem=stem, options={"A": "Red", "B": "Table", "C": "Blue"})
    one_more = question("q3", stem=stem, options={"A": "Apple", "B": "Pear", "C": "Table"})
    assert found_in(lint_bank, first, second, one_more) == []


def test_other_punctuation_or_numbers_make_another_question(lint_bank):
    first = question("q1", stem="What is 10 + 5?", options={"A": "15", "B": "16"})
    second = question("q2", stem="What is 10 + 6?", options={"A": "15", "B": "16"})
    third = question("q3", stem="What is 10 + 5", options={"A": "15", "B": "16"})
    assert found_in(lint_bank, first, second, third) == []


def test_code_counts_as_written(lint_bank):
    # pyneng quiz: `break` in the inner loop, then in the outer one; case matters in code
    code = "What does this print?\n\n```python\nfor i in range(3):\n    for j in x:\n{}break\n```"
    options = {"A": "0", "B": "3", "C": "9"}
    inner = question("q1", stem=code.format("        "), options=options)
    outer = question("q2", stem=code.format("    "), options=options)
    upper = question("q3", stem="What does `S.lower()` return?", options=options)
    lower = question("q4", stem="What does `s.lower()` return?", options=options)
    assert found_in(lint_bank, inner, outer, upper, lower) == []
    emphasised = code.format("    ").replace("print?", "**print**?")
    copy = question("q5", stem=emphasised, options=options)
    assert [d.question for d in found_in(lint_bank, outer, copy)] == ["q2", "q5"]


def test_a_group_names_every_other_copy_and_says_when_the_keys_differ(lint_bank):
    tf = {"A": "True", "B": "False"}
    stem = "Grant is buried in Grant's tomb."
    copies = [
        question("q1", stem=stem, options=tf, answer="B"),
        question("q2", stem=stem, options=tf, answer="A"),
        question("q3", stem="Grant is buried in Grant's _tomb_.", options=tf, answer="B"),
    ]
    found = found_in(lint_bank, *copies)
    assert [d.question for d in found] == ["q1", "q2", "q3"]
    names = [d.message.split(" as ", 1)[1].split(";")[0] for d in found]
    assert [" ".join(word for word in n.split() if word.startswith("q")) for n in names] == [
        "q2 q3",
        "q1 q3",
        "q1 q2",
    ]
    assert all(d.message.endswith("; their keys differ, so one is wrong") for d in found)
    assert {d.hint for d in found} == {"keep one of them, with the right key"}


def test_a_big_group_names_five_and_counts_the_rest(lint_bank):
    copies = [question(f"q{n}", stem=STEM, options=OPTIONS) for n in range(1, 9)]
    found = found_in(lint_bank, *copies)
    assert len(found) == 8
    assert found[0].message.count(" at ") == 5
    assert found[0].message.endswith(" and 2 more")


def test_one_id_asked_twice_is_left_to_duplicate_id(lint_bank):
    twice = [question("q1", stem=STEM, options=OPTIONS)] * 2
    result = lint_bank({"01-main.yaml": section_yaml(*twice)})
    assert {d.rule for d in result.diagnostics} >= {"duplicate-id"}
    assert bank_findings(RULE, result) == []


def test_a_copy_kept_on_purpose_suppresses_its_own_finding(lint_bank):
    kept = question(
        "q2", stem=STEM, options=OPTIONS, lint={"ignore": [RULE], "reason": "exam 2 repeats it"}
    )
    found = found_in(lint_bank, question("q1", stem=STEM, options=OPTIONS), kept)
    assert [d.question for d in found] == ["q1"]


def test_the_rough_keys_are_shared_by_all_copies():
    # rough(text) == rough(normalised(text)): two texts normalised alike share the key,
    # whatever white space, case, emphasis, code or non-ASCII letters they hold; and the
    # start key is the rough key's start, however much white space the text starts with
    rng = random.Random(17)
    pieces = [*"aZß İ*_`\t\n\r\x0b\x0c\x1c\u00a0\u2028#?", "  ", "    ", "```", "**", "__"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert _rough(text) == _rough(normalised(text)), repr(text)
        assert _start(text) == _rough(text)[:24], repr(text)


def test_only_stems_that_share_a_rough_key_are_normalised(lint_bank, monkeypatch):
    seen = []
    monkeypatch.setattr(duplicates, "normalised", lambda text: seen.append(text) or text)
    # one start, so only the whole stems tell them apart
    stem = "Which service of the following list holds the objects of number {}?"
    others = [question(f"q{n}", stem=stem.format(n)) for n in range(50)]
    copies = [question(f"c{n}", stem=STEM, options=OPTIONS) for n in range(2)]
    assert len(found_in(lint_bank, *others, *copies)) == 2
    assert seen.count(STEM) == 2 and set(seen) == {STEM, *OPTIONS.values()}  # no other stem


def test_blank_placeholders_are_left_to_empty_text(lint_bank):
    # what `exambank new` writes in each new section, before the author fills it in
    blank = {"A": "", "B": "", "C": "", "D": ""}
    placeholders = [question(f"q{n}", stem="", options=blank) for n in (1, 2)]
    result = lint_bank({"01-main.yaml": section_yaml(*placeholders)})
    assert "empty-text" in {d.rule for d in result.diagnostics}
    assert bank_findings(RULE, result) == []
