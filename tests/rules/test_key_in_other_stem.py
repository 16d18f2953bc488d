"""key-in-other-stem: one question's key written out in another's stem."""

import pytest

from exambank.config import Config
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "key-in-other-stem"
ONLY = Config(select={RULE})
KEY = "pay only for the compute time you use"


def bank(stem_of_second):
    return {
        "01-main.yaml": section_yaml(
            question(
                "q1",
                stem="What is a benefit of AWS Lambda?",
                options={"A": KEY, "B": "buy servers up front", "C": "run only on GPUs"},
            ),
            question("q2", stem=stem_of_second),
        )
    }


def found_in(lint_bank, questions):
    """What the rule finds in a one-section bank of ``questions``."""
    sections = {"01-main.yaml": section_yaml(*questions)}
    return bank_findings(RULE, lint_bank(sections, config=ONLY))


def test_both_questions_are_reported(lint_bank):
    stem = "A company wants to Pay only for the compute time, you use. Which service fits?"
    found = bank_findings(RULE, lint_bank(bank(stem), config=ONLY))
    assert [(d.question, d.message.split(" (")[0].split(" at ")[0]) for d in found] == [
        ("q1", "the key is written out in the stem of q2"),
        ("q2", "the stem gives away the answer to q1"),
    ]
    assert found[0].line == 7  # q1's option A


def test_a_stem_in_its_own_words_passes(lint_bank):
    stem = "A company wants to be billed by the millisecond of execution. Which service fits?"
    assert bank_findings(RULE, lint_bank(bank(stem), config=ONLY)) == []


def test_names_and_short_keys_are_exempt(lint_bank):
    questions = [
        question(
            "q1",
            stem="Which service stores objects?",
            options={"A": "Amazon Simple Storage Service", "B": "Amazon EBS"},
        ),
        question(
            "q2", stem="Which service queues jobs?", options={"A": "Amazon SQS", "B": "AWS Batch"}
        ),
        question(
            "q3",
            stem="A company keeps logs in Amazon Simple Storage Service and uses Amazon SQS. Why?",
        ),
    ]
    assert found_in(lint_bank, questions) == []


def test_keys_of_numbers_match_nothing(lint_bank):
    # PyPI Python quizzes, sample L: printed output against another stem's list literal
    questions = [
        question("q1", stem="What does print(*range(1, 6)) print?", options={"A": "1 2 3 4 5"}),
        question("q2", stem="Given lst = [1, 2, 3, 4, 5], what is len(lst)?"),
    ]
    assert found_in(lint_bank, questions) == []


def test_a_key_its_own_stem_shows_gives_nothing_away(lint_bank):
    # a group of items over one input line: every stem shows it
    line = "line = 'interface vlan 100 mac aabb cc10 7000 dynamic'"
    questions = [
        question(
            "q1",
            stem=f"{line}\n\nWhat does re.search(r'mac (\\S+)', line) find?",
            options={"A": "mac aabb cc10 7000 dynamic", "B": "vlan 100"},
        ),
        question("q2", stem=f"{line}\n\nWhat does line.split()[0] return?"),
    ]
    assert found_in(lint_bank, questions) == []


def test_a_key_of_code_in_another_stem_is_reported(lint_bank):
    # sample L's true positive: the syntax asked for, shown in another question's code
    questions = [
        question(
            "q1",
            stem="Which line starts a loop over the numbers below n?",
            options={"A": "for i in range(n):", "B": "for i in n:", "C": "loop i to n:"},
        ),
        question("q2", stem="What does this print?\n\n    for i in range(n):\n        print(i)"),
    ]
    assert len(found_in(lint_bank, questions)) == 2


def test_a_name_joined_by_underscores_is_one_word(lint_bank):
    # Code in a stem: "pay_only_for_the_compute_time_you_use" names a function, and
    # holds the key's words only when split at the underscores.
    stem = "What does pay_only_for_the_compute_time_you_use() return?"
    assert bank_findings(RULE, lint_bank(bank(stem), config=ONLY)) == []
    spaced = "What does pay only for the compute time you use return?"
    assert len(bank_findings(RULE, lint_bank(bank(spaced), config=ONLY))) == 2


def test_a_name_joined_by_underscores_counts_as_one_word_of_the_key(lint_bank):
    # "call get_user_by_id" is two words, short of the four a key needs
    questions = [
        question(
            "q1",
            stem="How does the handler find the account?",
            options={"A": "call get_user_by_id", "B": "scan the table", "C": "ask the user"},
        ),
        question("q2", stem="The handler must call get_user_by_id twice. Why?"),
    ]
    assert found_in(lint_bank, questions) == []


def reported(lint_bank, key, other_stem, own_stem="Which of these is true of it?"):
    """The questions reported when ``key`` answers one question and ``other_stem`` is
    another's."""
    questions = [
        question("q1", stem=own_stem, options={"A": key, "B": "none of that", "C": "both"}),
        question("q2", stem=other_stem),
    ]
    return sorted(d.question for d in found_in(lint_bank, questions))


@pytest.mark.parametrize(
    ("key", "other_stem"),
    [
        (
            "It caches content at edge locations close to users",
            "A video site caches content at edge locations close to users. What else helps?",
        ),
        (
            "You are billed for the storage your snapshots use",
            "A team is billed for the storage your snapshots use. How can it cut the bill?",
        ),
        (
            "They had lost the trust of the landed gentry",
            "The Stuart kings had lost the trust of the landed gentry. Which war followed?",
        ),
        (
            "By binding the enzyme at its active site",
            "Binding the enzyme at its active site, a drug stops the reaction. How is it named?",
        ),
        (
            "To keep the transmitter within its authorised band",
            "Why must an operator keep the transmitter within its authorised band?",
        ),
        (
            "Because the vapour pressure equals the pressure of the air",
            "Water boils when the vapour pressure equals the pressure of the air. Why?",
        ),
    ],
)
def test_a_key_is_found_without_the_words_a_stem_would_not_repeat(lint_bank, key, other_stem):
    # the stem restates the key in its own sentence, with a subject of its own
    assert reported(lint_bank, key, other_stem) == ["q1", "q2"]


def test_a_key_too_short_without_its_opening_words_is_compared_whole(lint_bank):
    # "is good amateur practice" would leave three words besides "is": a stock phrase
    stem = "What is good amateur practice when a contact suffers interference?"
    assert reported(lint_bank, "It is good amateur practice", stem) == []
    assert reported(lint_bank, "A secret access key", "Who needs a secret access key?") == [
        "q1",
        "q2",
    ]


def test_the_words_that_make_the_claim_are_kept(lint_bank):
    stem = "A bank must encrypt the data at rest in every Region. Which service helps?"
    assert reported(lint_bank, "It does not encrypt the data at rest", stem) == []
    assert reported(lint_bank, "It does encrypt the data at rest", stem) == ["q1", "q2"]


def test_a_key_its_own_stem_shows_without_its_opening_words_gives_nothing_away(lint_bank):
    # two items over one scenario: both stems state it, the key restates it
    scenario = "A video site caches content at edge locations close to users."
    key = "It caches content at edge locations close to users"
    assert reported(lint_bank, key, f"{scenario} What is it called?", own_stem=scenario) == []
