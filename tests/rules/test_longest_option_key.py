"""longest-option-key, per question: the key far longer than every distractor."""

from tests.rules.item_writing import only, question

RULE = "longest-option-key"
OPTIONS = {
    "A": "A managed service that trains, tunes and deploys models at scale",
    "B": "A database",
    "C": "A message queue",
    "D": "A content network",
}


def per_question(run, *questions):
    """The per-question findings (``per_question = true``)."""
    return [d for d in run(*questions, config=only(RULE, per_question=True)) if d.rule == RULE]


def test_per_question_findings_are_off_by_default(lint_questions):
    assert [d for d in lint_questions(question(options=OPTIONS)) if d.rule == RULE] == []
    assert len(per_question(lint_questions, question(options=OPTIONS))) == 1


def test_a_key_far_longer_than_every_distractor_is_reported(lint_questions):
    [found] = per_question(lint_questions, question(options=OPTIONS))
    assert found.question == "q1" and found.line == 7
    assert found.message.startswith("the key (A) is the longest option, 3.8 times the longest")


def test_a_long_distractor_passes(lint_questions):
    options = {**OPTIONS, "B": "A managed database that scales storage and compute automatically"}
    assert per_question(lint_questions, question(options=options)) == []


def test_short_keys_and_names_are_exempt(lint_questions):
    short = {**OPTIONS, "A": "Amazon SageMaker AI"}
    name = {**OPTIONS, "A": "AWS Identity and Access Management (IAM) Policies"}
    assert per_question(lint_questions, question(options=short)) == []
    assert per_question(lint_questions, question(options=name)) == []


def test_the_key_must_be_the_longest_by_the_ratio(lint_questions):
    options = {**OPTIONS, "B": "A managed service that trains and deploys the models"}
    assert per_question(lint_questions, question(options=options)) == []


def test_multiple_answer_questions_are_not_judged(lint_questions):
    assert per_question(lint_questions, question(options=OPTIONS, answer=["A", "B"])) == []


def test_a_spelt_out_acronym_adds_no_length(lint_questions):
    # FCC element 3: "Root mean square (RMS)" against "Average voltage".
    options = {"A": "Root mean square (RMS)", "B": "Cosine voltage", "C": "Average voltage"}
    assert per_question(lint_questions, question(options=options)) == []


def test_longer_words_alone_are_no_cue(lint_questions):
    # promptukit trivia: nine words each; the key only has longer ones.
    options = {
        "A": "Its placement completes a row, column, or 3x3 square",
        "B": "Three of them are on the board at once",
        "C": "It is placed anywhere on the board",
    }
    assert per_question(lint_questions, question(options=options)) == []


def test_a_key_that_stands_for_other_options_is_left_to_their_rules(lint_questions):
    options = {"A": "All of the above choices", "B": "Tungsten", "C": "Silver", "D": "Gold"}
    assert per_question(lint_questions, question(options=options)) == []


def test_a_long_qualification_in_parentheses_counts(lint_questions):
    # review 106: "TLS (...)" against "Plain HTTP", "FTP" and "Telnet".
    options = {
        "A": "TLS (Transport Layer Security encrypting every byte between client and server)",
        "B": "Plain HTTP",
        "C": "FTP",
        "D": "Telnet",
    }
    [found] = per_question(lint_questions, question(options=options))
    assert found.message.startswith("the key (A) is the longest option, 7.8 times the longest")


def test_an_acronym_spelt_out_at_length_adds_no_length(lint_questions):
    options = {
        "A": "Use a LASER (light amplification by stimulated emission of radiation) to align it",
        "B": "Use a plumb line to align it",
        "C": "Use a compass to align it",
    }
    assert per_question(lint_questions, question(options=options)) == []
