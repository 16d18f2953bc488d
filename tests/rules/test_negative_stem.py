"""negative-stem: a negative lead-in in small letters; whole words, main clause only."""

import pytest

from tests.rules.item_writing import found_by, question

RULE = "negative-stem"


@pytest.mark.parametrize(
    ("stem", "word"),
    [
        ("Which AWS service does not train ML models?", "not"),
        ("All of these train models except:", "except"),
        ("Which statement about SageMaker is false?", "false"),
        ("Which service is least likely to train models?", "least"),
        ("Which of these isn't a training service?", "isn't"),
        ("A team trains models daily. Which service is incorrect for this?", "incorrect"),
        ("When running in AWS, the customer is not responsible for: (Select TWO)", "not"),
        ("Which of the following words does not belong in this group?", "not"),
        ("Which of the following battery types is not rechargeable?", "not"),
        ("Which of the following are least reliable at night?", "least"),
        ("When do the FCC rules not apply to an amateur station?", "not"),  # "when" asks
        ("Which resources are not covered by the free tier?", "not"),  # "are not": a verb
        ("Which should a company not use to store secrets?", "not"),
        ("What are IAM users not allowed to do?", "not"),  # "are ... not": a verb
        ("All of these train models except:", "except"),  # at the end: no hedge
        ("Which of these reasons is not valid?", "not"),  # reasons, one of them reversed
        ("Which service is not allowed because of its cost?", "not"),  # no reason asked
        # a relative clause naming what is asked for is the question itself
        ("Choose the statement that is false:", "false"),
        ("Identify the option that does not describe Amazon S3.", "not"),
        ("Which of the following is a service that is not serverless?", "not"),
        ("Select the service that is not a storage service:", "not"),
        ("Which of the following is a feature that does not exist in Aurora?", "not"),
        # any thing asked for, plural or not (review 122)
        ("Which of the following is a protocol that is not routable?", "not"),
        ("Which features that are not available in the free tier need a plan?", "not"),
        ("Which protocols that do not use TCP are used for streaming?", "not"),
        ("Consider the code, which of these lines does not compile?", "not"),
        ("Which service or feature that is not available to all plans?", "not"),
        # "which" asks after an opening phrase and its comma
        ("Under the Wills Act 1837, which of these isn't required for a valid will?", "isn't"),
        ("During ARQ, which of these is least likely to break the connection:", "least"),
    ],
)
def test_a_negative_in_small_letters_is_reported(lint_questions, stem, word):
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert f"'{word}' in small letters" in found.message
    assert found.hint and word.upper() in found.hint


@pytest.mark.parametrize(
    "stem",
    [
        "Which AWS service does NOT train ML models?",
        "Which AWS service does **not** train ML models?",
        "All of these train models EXCEPT:",
        "Which service is LEAST likely to train models?",
    ],
)
def test_a_negative_in_capitals_or_bold_passes(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        "Take note of the cost. Which service trains another model?",  # whole words only
        "Which service notifies users when a model is ready?",
        "What should you do with resources, which you don't remember creating?",
        "What is the best way to cut charges when instances are not in use?",
        "The model does not scale. Which service trains and deploys models?",  # not the lead-in
        "Which control reduces false positives?",
        "Which service needs at least two instances?",
        "What does the principle of least privilege mean?",
        "True or false?",
    ],
)
def test_negatives_that_do_not_reverse_the_question_pass(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        # a subordinate clause that opens the sentence, closed by a comma
        "When the control operator is not the station licensee, who is responsible?",
        "If a station is not strong enough to open the squelch, which might help?",
        # a subordinate clause that ", but" carries on
        "When must you add AG if you hold a CSCE, but the FCC has not yet posted it?",
        # trailing conditions and reduced relatives
        "What is the maximum antenna height, provided it is not near an airport?",
        "Who determines good practice in all respects not covered by the rules?",
        "Which device matches the output to an impedance not equal to 50 ohms?",
        # a parenthesis
        "Why are direct (not via a repeater) UHF signals rarely heard from afar?",
        # an opening hedge
        "Except for some specific restrictions, what is the maximum power output?",
        # questions about a reason, whose options are all reasons against
        "Which of the following is a reason not to use wire-wound resistors?",
        "Which is a primary reason for not placing a generator indoors?",
        "What is the reason why a station should not transmit here?",
        "Why should you not set your transmit frequency at the band edge?",
        "Why not use a larger instance?",
        "Long horizontal sections of waveguide are not desirable because:",
        "A dummy load is not used on this band because ___.",
        "Tetrodes are preferred not because ___.",
        # a relative clause about something else than what is asked for
        "Which of the following is true about a database that is not normalized?",
        "What is a database that is not normalized called?",
        "Which service stores data that is not structured?",
        "The device, which is not connected, needs what?",  # a relative clause after all
        # a clause about what the asked-for thing shows, not the thing itself (review 114)
        "What ensures that a message is not processed twice?",
        "Which guarantees that the data is not lost when an instance fails?",
        "What indicates that the server is not responding?",
        "Which of the following is a reason that the instance does not start?",
        "Which of the following is a sign that the model is not converging?",
        "Which shows that the function is not pure?",
        "What proves that the algorithm does not terminate?",
        # a "which" after a clause, not after an opening phrase, is relative (review 122)
        "Refer to the exhibit, which does not show the default route:",
        "Consider the following code, which does not compile:",
        "Review the following policy, which doesn't allow public access:",
        "What is the deviation in Hz, which will not exceed the tolerance?",
    ],
)
def test_negatives_outside_the_main_question_pass(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        # civics picks: a quoted line whose speaker is asked for
        'Who said: "Ask not what your country can do for you"?',
        "Who wrote \u201cTo be, or not to be\u201d?",
        "Which play features the line 'To be, or not to be, that is the question'?",
    ],
)
def test_a_negative_inside_a_quotation_does_not_count(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    ("stem", "reason"),
    [
        # FCC element 3: "... is not feasible ...:" with "Because ..." options
        ("A class C audio amplifier is not feasible because:", "Because of its high distortion"),
        # FCC element 6, sample J: the options give the rule's purpose
        (
            "An Edison storage battery should not be charged at less than the specified rate:",
            "In order that the capacity of the battery shall be maximum after charge",
        ),
    ],
)
def test_a_stem_answered_with_reasons_is_a_reason_question(lint_questions, stem, reason):
    options = {
        "A": reason,
        "B": "Tank circuits cannot be used at audio frequencies",
        "C": "A & B",
        "D": "None of the above",
    }
    assert found_by(RULE, lint_questions, question(stem=stem, options=options)) == []


def test_a_negative_outside_a_quotation_still_counts(lint_questions):
    stem = 'Which of these is not the meaning of "QRT"?'
    assert len(found_by(RULE, lint_questions, question(stem=stem))) == 1


@pytest.mark.parametrize(
    "stem",
    [
        # FCC pools and a Python quiz, sample I
        "What action should you take after sending a false Distress alert on MF?",
        "The code speed in cases of distress should not in general exceed:",
        "What speed must not, in general, be exceeded in cases of distress?",
        "Lack of neutralizing, except at ultra high frequencies, is an advantage of a tetrode:",
        "What is the purpose of not putting sharp corners on the ground leads?",
        "What is the output of the following code?\ntry:\n    run()\nexcept OSError:\n    pass",
        # FCC pools and trivia, sample J
        "Testing should not continue for more than ______ in any 5-minute period.",
        "A test transmission should not last longer than______.",
        'What Q-signal would be used to say "I am busy.  Please do not interfere"?',
        "What class of amplifier is used in order not to distort the modulation?",
        "Don't be intimidated by the fact this man won 7 NASCAR championships.",
        "Do not be intimidated by the fact this man won 7 NASCAR championships.",
        "*Do* not be intimidated by the fact this man won 7 NASCAR championships.",
        "Do not forget the units. What is the wavelength of a 10 MHz signal?",
    ],
)
def test_negatives_that_reverse_no_question_do_not_count(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


@pytest.mark.parametrize(
    "stem",
    [
        "Which statement about the alert is false?",
        "Which is an incorrect statement about DSC?",
        "Which of these is false about the alert?",
        "The power should not be reduced when:",
        "Which battery does not last longer than an hour?",  # no limit asked for
        'Which of these is not the meaning of "Stop. Go."?',
        "Don't guess. Which of these does not scale?",
        "Which of these does not scale, and why?",  # "why" after the negative
        "Do these services not scale?",  # no instruction: "Do" is not right before "not"
        "When the key is not set, what does the service not do?",  # the comma ends "When"
        "Which of these is not valid: `x is None` or `x = None`?",  # outside the code
        "Which key ` does not close a code span?",  # a lone backtick opens no code
        # the lead-in, not an instruction: it says more than how many to choose
        "Lambda is not a database. Select the service that is not serverless.",
    ],
)
def test_negatives_that_reverse_the_question_still_count(lint_questions, stem):
    assert len(found_by(RULE, lint_questions, question(stem=stem))) == 1


# Review s35, finding 1: Python's "not" in a code span is code, not the question's wording,
# and writing it NOT or **not** would break the code.
@pytest.mark.parametrize(
    "stem",
    [
        "What does `not True` return?",
        "What does the expression `a is not b` test?",
        "Which Python keyword is `not`?",
        "What does ``a is not `b` `` test?",  # a span of two backticks holds one
    ],
)
def test_a_negative_inside_a_code_span_does_not_count(lint_questions, stem):
    assert found_by(RULE, lint_questions, question(stem=stem)) == []


# Review s35, finding 2: an instruction sentence after the question is read as the
# bracketed "(Select TWO.)" is, and the question before it is the lead-in.
@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        ("Which of the following services are not serverless? Select TWO.", ["A", "B"]),
        ("Which of the following services are not serverless? Choose two answers.", ["A", "B"]),
        ("Which of the following is not a SageMaker feature? Select one.", "A"),
        ("Which of these services does not scale? Select all that apply.", ["A", "B"]),
        ("Which of these services does not scale? Choose the best answer.", "A"),
    ],
)
def test_a_question_before_a_bare_instruction_is_the_lead_in(lint_questions, stem, answer):
    [found] = found_by(RULE, lint_questions, question(stem=stem, answer=answer))
    assert "'not' in small letters" in found.message


# Review s35, finding 11: "Not" is not in small letters, but it is not in capitals either.
def test_a_capitalised_negative_is_said_to_be_neither_in_capitals_nor_bold(lint_questions):
    stem = "Which AWS service does Not train ML models?"
    [found] = found_by(RULE, lint_questions, question(stem=stem))
    assert "with 'Not' neither in capitals nor bold:" in found.message
