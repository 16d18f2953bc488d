"""exambank stats, how the report words what a small or unfinished bank holds: a count of
one, answers not set yet, and where the note on rules that did not run goes (review s34)."""

import json

from exambank.cli import main
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import SEED_BANK, section_yaml, write_bank
from tests.rules.item_writing import question

# A question as `exambank new` writes it, its answer still to set.
UNANSWERED = """\
id: {qid}
stem: Which AWS service stores objects?
options: {{A: Amazon S3, B: AWS Lambda, C: Amazon EC2, D: Amazon RDS}}
answer: []
explanation: ""
"""


def unanswered(qid: str) -> str:
    return UNANSWERED.format(qid=qid)


def test_answers_not_set_yet_are_said_so_in_every_format(tmp_path, capsys):
    """Review s34 #3: "Types: single 1", then "Key letters: no single-answer questions"."""
    root = write_bank(tmp_path / "one", {"01-main.yaml": section_yaml(unanswered("q1"))})
    said = "the 1 single-answer question has no answer set yet, so no key letter is counted"
    [stats] = bank_stats(lint([root]))
    assert f"\nTypes: single 1\nDifficulty: unset 1\n\nKey letters: {said}\n" in render_text(
        [stats]
    )
    assert f"<h2>Key letters</h2>\n<p>T{said[1:]}.</p>" in render_html([stats])
    assert main(["stats", str(root), "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert (data["keys"]["questions"], data["keys"]["unanswered"]) == (0, 1)
    both = section_yaml(unanswered("q1"), unanswered("q2"))
    root = write_bank(tmp_path / "two", {"01-main.yaml": both})
    assert (
        "\nKey letters: none of the 2 single-answer questions has its answer set yet, so no "
        "key letter is counted\n" in render_text(bank_stats(lint([root])))
    )


def test_an_answer_not_set_yet_beside_set_ones_is_said_not_counted(tmp_path):
    answered = [question(f"q{n}", answer=key) for n, key in enumerate("AB", start=1)]
    sections = {"01-main.yaml": section_yaml(*answered, unanswered("q3"))}
    [stats] = bank_stats(lint([write_bank(tmp_path / "bank", sections)]))
    text = render_text([stats])
    assert "\nTypes: single 3\n" in text
    assert "\nKey letters (2 single-answer questions; expected if even)\n" in text
    said = "another single-answer question has no answer set yet and is not counted"
    assert f"  D     0  (expected 0.50)\n  {said}\n" in text
    assert f"<p>A{said[1:]}. Always answering" in render_html([stats])


def one_of_each(tmp_path):
    """One question of each kind: one visibly longest option (the key), one visibly
    shortest (not the key), one of five options, one true/false, one multiple-answer."""
    return write_bank(
        tmp_path / "bank",
        {
            "01-main.yaml": section_yaml(
                question(
                    "q1",
                    options={
                        "A": "A managed service that trains models",
                        "B": "AWS Lambda",
                        "C": "Amazon ECS",
                        "D": "Amazon EKS",
                    },
                ),
                question(
                    "q2",
                    options={"A": "S3", "B": "AWS Lambda", "C": "Amazon EC2", "D": "Amazon RDS"},
                    answer="B",
                ),
                question("q3", options={x: f"Option {x}" for x in "ABCDE"}, answer="E"),
                question(
                    "q4",
                    stem="Amazon S3 stores objects.",
                    options={"A": "True", "B": "False"},
                ),
                question("q5", stem="Which two run code? (Select TWO.)", answer=["B", "C"]),
            )
        },
    )


def test_counts_of_one_are_worded_in_the_singular(tmp_path):
    """Review s34 #5: "in 1 of the 1 question", "the 1 true/false ones", "1 question has"."""
    [stats] = bank_stats(lint([one_of_each(tmp_path)]))
    lines = render_text([stats]).splitlines()
    for said in [
        "  too few questions whose letters are tested (3, the true/false one aside) to test the "
        "spread; answer-key-balance tests from 8",
        "Key is the longest option in the 1 question that has a visibly longest option (100%); "
        "chance gives 0.25 (25%)",
        "  the other 2 questions have no visibly longest option (longer than every other by 3 "
        "characters and 10% or more), and in 1 of them the key ties for longest",
        "  the true/false question is left out",
        "Key is not the shortest option in the 1 question that has a visibly shortest option "
        "(0%); chance gives 0.25 (25%)",
        "The key of the 1 multiple-answer question is not tested (answer-key-balance counts the "
        "letters of single-answer keys)",
    ]:
        assert said in lines
    page = render_html([stats])
    assert "100%); chance gives 0.25 (25%). The other 2 questions have no visibly" in page
    assert "the key ties for longest. The true/false question is left out. Always" in page


def test_an_option_count_or_true_false_question_of_one_is_worded_in_the_singular(tmp_path):
    keyed = [question(f"q{n}", answer=key) for n, key in enumerate("ABCDABCD", start=1)]
    five = question("q9", options={x: f"Option {x}" for x in "ABCDE"}, answer="E")
    truth = question("q10", stem="Amazon S3 stores objects.", options={"A": "True", "B": "False"})
    sections = {"01-main.yaml": section_yaml(*keyed, five, truth)}
    text = render_text(bank_stats(lint([write_bank(tmp_path / "bank", sections)])))
    assert (
        "  letters tested within each option count, as one count's keys can offset another's, "
        "and the statistics summed; the 1 true/false one by the value of its key, below\n"
        "  4-option questions (8): A 2, B 2, C 2, D 2; exact p = 1\n"
        "  5-option question (1): A 0, B 0, C 0, D 0, E 1; exact p = 1\n" in text
    )


def test_a_single_pair_and_its_one_other_question_are_worded_in_the_singular(tmp_path):
    first = question(
        "q1",
        options={"A": "A managed service that trains models", **{x: f"AWS {x}" for x in "BCD"}},
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(first, question("q2"))})
    text = render_text(bank_stats(lint([root])))
    assert "\n  the other question has no visibly longest option (longer than every other" in text
    assert (
        "\nThe key repeats the letter of the question before it in 1 of 1 pair; random keys "
        "repeat it about 0.25 times\n" in text
    )


def test_a_p_value_never_opens_a_sentence_with_a_capital():
    """Review s34 #5: "P = 9.6e-08 for so many" in the HTML and PDF."""
    [stats] = bank_stats(lint([SEED_BANK]))
    said = "for so many, p = 9.6e-08: this almost never happens by chance, and makes runs"
    assert f"\n  {said} of one letter\n" in render_text([stats])
    page = render_html([stats])
    assert f"about 13.5 times. F{said[1:]} of one letter.</p>" in page
    assert "P = " not in page
    assert "(82%); chance gives 8.2 (25%). The other 22 questions have no visibly" in page


def test_the_note_on_rules_that_did_not_run_follows_the_counts(tmp_path):
    """Review s34 #8: the note sat between "Findings: ..." and the rules' counts."""
    twice = [question(f"q{n}", stem="Który serwis przechowuje obiekty?") for n in (1, 2)]
    root = write_bank(
        tmp_path / "bank",
        {"01-main.yaml": section_yaml(*twice)},
        "id: b\ntitle: B\nlanguage: pl\nsections: [main]\n",
    )
    [stats] = bank_stats(lint([root]))
    assert stats.not_run
    findings = render_text([stats]).split("\nFindings: ", 1)[1].splitlines()
    counts = [f"  {rule:<24} {count:>4}" for rule, count in stats.findings.items()]
    assert counts and findings[1 : len(counts) + 2] == [*counts, f"  note: {stats.not_run}"]


def test_an_expected_count_of_one_is_written_to_one_decimal(tmp_path):
    """Review s34 #4: "random keys repeat it about 1.00 times", beside "2.1 times"."""
    keyed = [question(f"q{n}", answer=key) for n, key in enumerate("ABCDA", start=1)]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*keyed)})
    assert (
        "\nThe key repeats the letter of the question before it in 0 of 4 pairs; random keys "
        "repeat it about 1.0 times\n" in render_text(bank_stats(lint([root])))
    )
