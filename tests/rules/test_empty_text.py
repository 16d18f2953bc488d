from tests.conftest import QUESTION, rules_of, section_yaml


def blanks(found):
    return [(d.line, d.message) for d in found if d.rule == "empty-text"]


def hints(found):
    return [d.hint for d in found if d.rule == "empty-text"]


def test_blank_stem_option_and_explanation_are_each_reported(lint_questions):
    question = (
        QUESTION.replace(
            "stem: Which AWS service trains, tunes and deploys ML models?", 'stem: "  "'
        )
        .replace("C: Amazon EC2", "C: ' '")
        .replace("explanation: SageMaker covers the whole ML lifecycle.", "explanation: ''")
    )
    assert blanks(lint_questions(question)) == [
        (5, "stem is blank"),
        (9, "option C is blank"),
        (12, "explanation is blank"),
    ]
    # a stem and an explanation are required: removing them is no fix
    assert hints(lint_questions(question)) == [
        "write the text",
        "write the text (or remove the option and reletter the rest)",
        "write the text",
    ]


def test_blank_key_term_and_exam_tip(lint_bank):
    extra = "key_terms:\n  - term: AMT\n    definition: ' '\nexam_tips:\n  - ''\n"
    found = lint_bank({"01-main.yaml": section_yaml(QUESTION, extra=extra)}).diagnostics
    assert blanks(found) == [(5, "key term 1, definition is blank"), (7, "exam tip 1 is blank")]
    assert hints(found) == ["write the text", "write the tip, or remove the entry"]


def test_written_text_passes(lint_questions):
    assert "empty-text" not in rules_of(lint_questions(QUESTION))


def test_a_blank_bank_or_section_title_is_reported(lint_bank):
    section = section_yaml(QUESTION).replace("title: Main", "title: '  '")
    manifest = "id: test-bank\ntitle: ''\nsections: [main]\n"
    found = lint_bank({"01-main.yaml": section}, manifest).diagnostics
    assert [(d.path.rsplit("/", 1)[-1], d.line, d.message) for d in found] == [
        ("01-main.yaml", 2, "the section's title is blank"),
        ("bank.yaml", 2, "the bank's title is blank"),
    ]
