"""Schema messages in an author's terms, each with a hint that fixes the file when followed.

The questions are ``QUESTION`` in a section: ``id`` on line 4, stem 5, options 6, A-D 7-10,
answer 11, explanation 12.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

OPTIONS = "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock"
Seen = tuple[int, int, str, str | None]


def schema_errors(tmp_path: Path, text: str) -> list[Seen]:
    """Line, column, message and hint of every schema error in a one-section bank."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    found = lint([bank]).diagnostics
    return [(d.line, d.column, d.message, d.hint) for d in found if d.rule == "schema"]


def question_errors(tmp_path: Path, question: str) -> list[Seen]:
    return schema_errors(tmp_path, section_yaml(question))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            section_yaml(
                QUESTION,
                extra='exam_tips:\n  - "A tip."\n'
                "  - Key benefit: saves time AND money through early stop conditions.\n",
            ),
            (
                5,
                5,
                "exam tip 2 reads as 'Key benefit' -> 'saves time AND money ...' because of "
                "the ': '",
                "write the whole text quoted (shortened here; exambank lint --fix does this): "
                '- "Key benefit: saves…"',
            ),
            id="exam-tip",
        ),
        pytest.param(
            section_yaml(QUESTION.replace("stem: Which", "stem:\n  Note: Which")),
            (
                6,
                7,
                "question q1, stem reads as 'Note' -> 'Which AWS service ...' because of the ': '",
                "put the whole stem in double quotes (shortened here): "
                '"Note: Which AWS service ..."',
            ),
            id="stem",
        ),
        pytest.param(
            section_yaml(QUESTION.replace("B: AWS Lambda", "B:\n    Tip: AWS Lambda")),
            (
                9,
                9,
                "question q1, option B reads as 'Tip' -> 'AWS Lambda' because of the ': '",
                'put the whole option in double quotes: "Tip: AWS Lambda"',
            ),
            id="option",
        ),
        pytest.param(
            section_yaml(
                QUESTION.replace(
                    "B: AWS Lambda",
                    'B:\n    text: AWS Lambda\n    feedback:\n      Why "no": it is',
                )
            ),
            (
                11,
                11,
                "question q1, option B, feedback reads as 'Why \"no\"' -> 'it is' because of "
                "the ': '",
                "put the whole feedback in single quotes: 'Why \"no\": it is'",
            ),
            id="feedback-with-double-quotes",
        ),
        pytest.param(
            section_yaml(
                QUESTION, extra="key_terms:\n  - term: AMT\n    definition:\n      Means:\n"
            ),
            (
                6,
                7,
                "key term 1, definition reads as the key 'Means' because of the ':' after it",
                'put the whole definition in double quotes: "Means:"',
            ),
            id="definition-ending-in-colon",
        ),
        pytest.param(
            section_yaml(QUESTION).replace("title: Main", "title:\n  AMT: tuning"),
            (
                3,
                3,
                "title reads as 'AMT' -> 'tuning' because of the ': '",
                'put the whole title in double quotes: "AMT: tuning"',
            ),
            id="title",
        ),
    ],
)
def test_1_text_with_an_unquoted_colon_is_explained(tmp_path, text, expected):
    assert schema_errors(tmp_path, text) == [expected]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("answer: A", "answer: A\ndifficulty: 3"),
            (12, 17, "question q1, difficulty is the number 3", "use one of: easy, medium, hard"),
            id="enum-number",
        ),
        pytest.param(
            ("answer: A", "answer: A\ntype: 2"),
            (12, 11, "question q1, type is the number 2", "use one of: single, multiple"),
            id="enum-once",
        ),
        pytest.param(
            ("stem: Which AWS service trains, tunes and deploys ML models?", "stem:"),
            (5, 10, "question q1, stem is empty", "write the text"),
            id="required-empty",
        ),
        pytest.param(
            ("B: AWS Lambda", "B:"),
            (
                8,
                9,
                "question q1, option B is empty",
                "write the text (or remove the option and reletter the rest)",
            ),
            id="option-empty",
        ),
    ],
)
def test_2_hints_fix_the_problem(tmp_path, change, expected):
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]


STEM_LINE = "stem: Which AWS service trains, tunes and deploys ML models?"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("B: AWS Lambda", "B: #1 AWS Lambda"),
            (
                8,
                10,
                "question q1, option B is empty: YAML reads '#1 AWS Lambda' after it as a comment",
                'quote the text to keep it: B: "#1 AWS Lambda"',
            ),
            id="option",
        ),
        pytest.param(
            (STEM_LINE, STEM_LINE.replace("stem: ", "stem: #")),
            (
                5,
                11,
                "question q1, stem is empty: YAML reads '#Which AWS service ...' after it as a "
                "comment",
                'quote the text to keep it: stem: "#Which AWS service trains, tunes and deploys '
                'ML models?"',
            ),
            id="stem",
        ),
    ],
)
def test_a_text_that_starts_with_a_hash_is_told_it_became_a_comment(tmp_path, change, expected):
    # Not "option B is empty", with nothing to say the text is there (review s35-author #9)
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]
    quoted = QUESTION.replace(change[0], expected[3].split(": ", 1)[1])
    bank = write_bank(tmp_path / "quoted", {"01-main.yaml": section_yaml(quoted)})
    assert lint([bank]).diagnostics == []
    # '# note', a blank after the '#', is a note: the value is empty, as it says
    noted = question_errors(tmp_path, QUESTION.replace("B: AWS Lambda", "B: # to do"))
    assert [message for _, _, message, _ in noted] == ["question q1, option B is empty"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("explanation:", "explaination:"),
            (12, 5, "unknown key 'explaination' in question q1", "did you mean 'explanation'?"),
            id="explaination",
        ),
        pytest.param(
            ("options:", "opitons:"),
            (6, 5, "unknown key 'opitons' in question q1", "did you mean 'options'?"),
            id="opitons",
        ),
        pytest.param(
            ("answer:", "Answer:"),
            (11, 5, "unknown key 'Answer' in question q1", "did you mean 'answer'?"),
            id="Answer",
        ),
    ],
)
def test_3_a_misspelt_required_key_is_one_diagnostic(tmp_path, change, expected):
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]


_SECOND = QUESTION.replace("id: q1", "id: q2").replace("Which AWS", "Which other AWS")
_TERMS = "key_terms:\n  - term: SSH\n    definition: Secure shell\n"


@pytest.mark.parametrize(
    ("text", "lost", "expected"),
    [
        pytest.param(
            section_yaml(QUESTION) + "\n" + textwrap.indent(_SECOND.replace("id:", "-id:"), "    "),
            "    -id: q2",
            (
                14,
                5,
                "unknown key '-id' in question q1",
                "a new question starts with '- ': write '- id: q2' in line with the other "
                "questions' dashes",
            ),
            id="question",
        ),
        pytest.param(
            section_yaml(extra=_TERMS + "    -term: TLS\n    definition: Transport security\n"),
            "    -term: TLS",
            (
                6,
                5,
                "unknown key '-term' in key term 1",
                "a new key term starts with '- ': write '- term: TLS' in line with the other "
                "key terms' dashes",
            ),
            id="key-term",
        ),
    ],
)
def test_3_an_item_whose_dash_lost_its_space_is_told_to_start_a_new_item(
    tmp_path, text, lost, expected
):
    # 'did you mean id?' would merge the question into the one above
    assert schema_errors(tmp_path / "lost", text) == [expected]
    written = "  - " + expected[3].split("write '- ")[1].split("'")[0]
    mended = write_bank(tmp_path / "mended", {"01-main.yaml": text.replace(lost, written)})
    assert [d for d in lint([mended]).diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        pytest.param(
            "c",
            (
                11,
                13,
                "question q1, answer letters are capitals: 'c' -> 'C'",
                "write answer: C (exambank lint --fix does this)",
            ),
            id="single",
        ),
        pytest.param(
            "[A, c, d]",
            (
                11,
                17,
                "question q1, answer letters are capitals: 'c', 'd' -> 'C', 'D'",
                "write answer: [A, C, D] (exambank lint --fix does this)",
            ),
            id="list",
        ),
    ],
)
def test_4_lower_case_answer_letters(tmp_path, answer, expected):
    assert question_errors(tmp_path, QUESTION.replace("answer: A", f"answer: {answer}")) == [
        expected
    ]


@pytest.mark.parametrize("bullet", ["- ", "- A: ", "- A) "])
def test_5_options_written_as_a_list_need_letters(tmp_path, bullet):
    listed = OPTIONS.replace("  A: ", "  " + bullet).replace("  B: ", "  - ")
    listed = listed.replace("  C: ", "  - ").replace("  D: ", "  - ")
    assert question_errors(tmp_path, QUESTION.replace(OPTIONS, listed)) == [
        (
            7,
            7,
            "question q1, options is a list, but options need letters",
            "write each option as a letter and its text, e.g. 'A: Amazon SageMaker'",
        )
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("answer: A", "answer: B\nfeedback: Lambda runs code, not training"),
            (
                12,
                5,
                "unknown key 'feedback' in question q1",
                "feedback belongs to an option: B: {text: ..., feedback: ...}",
            ),
            id="question-level",
        ),
        pytest.param(
            ("  B: AWS Lambda", "  B: AWS Lambda\n  feedback: Lambda runs code, not training"),
            (
                9,
                7,
                "'feedback' is not an option letter",
                "feedback belongs to an option: B: {text: ..., feedback: ...}",
            ),
            id="beside-an-option",
        ),
    ],
)
def test_6_misplaced_feedback_shows_where_it_belongs(tmp_path, change, expected):
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]


def test_7_options_not_indented_under_options_is_one_diagnostic(tmp_path):
    flat = OPTIONS.replace("\n  ", "\n")
    assert question_errors(tmp_path, QUESTION.replace(OPTIONS, flat)) == [
        (
            7,
            5,
            "the options A-D are not indented under 'options:'",
            "indent A-D two spaces more than 'options:'",
        )
    ]


def test_8_a_suppression_written_as_text_shows_its_shape(tmp_path):
    question = QUESTION + "lint: ignore answer-run\n"
    assert question_errors(tmp_path, question) == [
        (
            13,
            11,
            "question q1, lint is text, not a set of 'key: value' lines",
            'write lint: {ignore: [answer-run], reason: "..."}',
        )
    ]


def test_8_a_suppression_of_odd_items_shows_yaml_not_python(tmp_path):
    question = QUESTION + "lint: [1, null, {a: b}]\n"
    [(*_, hint)] = question_errors(tmp_path, question)
    assert hint == 'write lint: {ignore: [RULE], reason: "..."}'


def test_6_feedback_before_any_letter_names_a_letter_that_is_there(tmp_path):
    question = QUESTION.replace("  A: Amazon SageMaker", "  feedback: why\n  A: Amazon SageMaker")
    [(*_, hint)] = question_errors(tmp_path, question)
    assert hint == "feedback belongs to an option: A: {text: ..., feedback: ...}"


def test_7_letters_beside_options_written_as_a_list_are_not_told_to_indent(tmp_path):
    question = QUESTION.replace(OPTIONS, "options: [x]\nC: y\nA: z")
    found = question_errors(tmp_path, question)
    assert found[0][2] == "question q1, options is a list, but options need letters"
    assert not any("indent" in (hint or "") for *_, hint in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            section_yaml(QUESTION.replace(OPTIONS, "options: Amazon SageMaker")),
            (
                6,
                14,
                "question q1, options is text, not a set of 'key: value' lines",
                "write each option as a letter and its text, e.g. 'A: Amazon SageMaker'",
            ),
            id="options-text",
        ),
        pytest.param(
            section_yaml(QUESTION.replace("C: Amazon EC2", "C: [x, y]")),
            (
                9,
                10,
                "question q1, option C is a list, not text or a set of 'key: value' lines",
                "write the text (quote it if YAML could read it otherwise)",
            ),
            id="option-list",
        ),
        pytest.param(
            "- a\n- b\n",
            (
                1,
                1,
                "the file holds a list, not a set of 'key: value' lines",
                "a bank file starts with 'id:' at the left margin",
            ),
            id="file-list",
        ),
    ],
)
def test_9_messages_say_key_value_lines_not_mapping(tmp_path, text, expected):
    assert schema_errors(tmp_path, text) == [expected]


def test_a_suppression_for_a_whole_section_points_at_per_file_ignores(tmp_path):
    text = section_yaml(QUESTION, extra="lint: {ignore: [answer-run], reason: x}\n")
    [(line, column, message, hint)] = schema_errors(tmp_path, text)
    assert (line, column, message) == (3, 1, "unknown key 'lint' in the file")
    assert hint and "[tool.exambank.per-file-ignores]" in hint


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("answer: A", "answer: |\n  A"),
            (
                11,
                13,
                "question q1, answer ends in a line break",
                "write 'answer: A' on one line ('|' and '>' keep the line break)",
            ),
            id="answer",
        ),
        pytest.param(
            ("id: q1", "id: >\n  q1"),
            (
                4,
                9,
                "question q1, id ends in a line break",
                "write 'id: q1' on one line ('|' and '>' keep the line break)",
            ),
            id="id",
        ),
        pytest.param(
            ("answer: A", 'type: multiple\nanswer: [A, "C\\n"]'),
            (
                12,
                17,
                "question q1, answer 2 ends in a line break",
                "write 'answer: [A, C]' on one line ('|' and '>' keep the line break)",
            ),
            id="answer-letter-in-a-list",
        ),
        pytest.param(
            ("answer: A", "type: multiple\nanswer:\n  - A\n  - |\n    C"),
            (
                14,
                9,
                "question q1, answer 2 ends in a line break",
                "write 'answer: [A, C]' on one line ('|' and '>' keep the line break)",
            ),
            id="answer-letter-in-a-block-list",
        ),
        pytest.param(
            ("  B: AWS", '  "B\\n": AWS'),
            (
                8,
                7,
                "question q1, options: the letter 'B' ends in a line break",
                "write 'B:' with no line break",
            ),
            id="option-letter",
        ),
        pytest.param(
            ("  B: AWS Lambda", "  ? |\n    B\n  : AWS Lambda"),
            (
                8,
                9,
                "question q1, options: the letter 'B' ends in a line break",
                "write 'B:' with no line break",
            ),
            id="option-letter-as-a-block-scalar",
        ),
        pytest.param(
            ("stem:", '"stem\\n":'),
            (
                5,
                5,
                "question q1: the key 'stem' ends in a line break",
                "write 'stem:' with no line break",
            ),
            id="key",
        ),
    ],
)
def test_10_a_value_a_block_scalar_ends_with_a_line_break_is_one_clear_finding(
    tmp_path, change, expected
):
    """JSON Schema's "$" (and pydantic's) does not match before a final line break, as
    Python's does: lint's validator must refuse "A\\n" itself, not leave it to pydantic,
    whether it is a value, an item of a list or a key, and name the question by its id
    without the line break."""
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]


def test_10_a_language_tag_ending_in_a_line_break_is_one_clear_finding(tmp_path):
    manifest = 'id: test-bank\ntitle: Test bank\nlanguage: "de\\n"\nsections: [main]\n'
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    found = [(d.line, d.column, d.message, d.hint) for d in lint([bank]).diagnostics]
    hint = "write 'language: de' on one line ('|' and '>' keep the line break)"
    assert found == [(3, 11, "language ends in a line break", hint)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("  B: AWS", '  "b\\n": AWS'),
            (8, 7, "'b\\n' is not an option letter"),
            id="key",
        ),
        pytest.param(
            ("id: q1", 'id: "Q1\\n"'),
            (4, 9, "question Q1, id 'Q1\\n' is not a valid id"),
            id="value",
        ),
    ],
)
def test_10_a_finding_shows_a_line_break_it_quotes_escaped_on_its_one_line(
    tmp_path, change, expected
):
    [(line, column, message, _)] = question_errors(tmp_path, QUESTION.replace(*change))
    assert (line, column, message) == expected


TRUE_FALSE_HINT = (
    'use one of: single, multiple; a true/false question is type: single, with options A: "True" '
    'and B: "False"'
)


@pytest.mark.parametrize("written", ["true-false", "True/False", "true or false", "T/F", "boolean"])
def test_a_true_false_type_is_told_how_a_true_false_question_is_written(tmp_path, written):
    """There is no true/false type (review s27-author #14): the hint says what to write."""
    question = QUESTION.replace("answer: A", f"answer: A\ntype: {written}")
    [(_, _, message, hint)] = question_errors(tmp_path, question)
    assert (message, hint) == (f"question q1, type is '{written}'", TRUE_FALSE_HINT)


def test_the_true_false_question_the_hint_describes_passes_the_schema(tmp_path):
    question = QUESTION.replace("answer: A", "answer: A\ntype: single")
    question = question.replace(OPTIONS, 'options:\n  A: "True"\n  B: "False"')
    assert question_errors(tmp_path, question) == []


@pytest.mark.parametrize("written", ["multi", "single-choice", "yes"])
def test_another_wrong_type_gets_no_true_false_pointer(tmp_path, written):
    question = QUESTION.replace("answer: A", f"answer: A\ntype: {written}")
    [(_, _, _, hint)] = question_errors(tmp_path, question)
    assert "true/false" not in hint


def manifest_errors(tmp_path: Path, manifest: str) -> list[Seen]:
    """Line, column, message and hint of every schema error in a bank.yaml of sections
    netzwerk and hardware."""
    sections = {
        "01-netzwerk.yaml": section_yaml(QUESTION, section_id="netzwerk"),
        "02-hardware.yaml": section_yaml(QUESTION.replace("q1", "q2"), section_id="hardware"),
    }
    bank = write_bank(tmp_path / "bank", sections, f"id: test-bank\ntitle: IT\n{manifest}")
    found = lint([bank]).diagnostics
    return [(d.line, d.column, d.message, d.hint) for d in found if d.rule == "schema"]


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("netzwerk, hardware", "[netzwerk, hardware]"),
        ("netzwerk,hardware", "[netzwerk, hardware]"),
        ("netzwerk hardware", "[netzwerk, hardware]"),  # each word an id
        ("netzwerk and hardware", "[netzwerk, hardware]"),
        ("Netzwerk, Hardware", "[Netzwerk, Hardware]"),  # each then told its id
    ],
)
def test_sections_typed_as_one_text_get_a_list_of_each_section(tmp_path, written, listed):
    """Not ["netzwerk, hardware"], one section id with a comma in it, which the next lint
    refuses (review s33-newuser #1)."""
    assert manifest_errors(tmp_path, f"sections: {written}\n") == [
        (3, 11, "sections is text, not a list", f"write a list: sections: {listed}")
    ]


def test_the_sections_the_hint_lists_pass_the_schema(tmp_path):
    [(_, _, _, hint)] = manifest_errors(tmp_path, "sections: netzwerk, hardware\n")
    written = hint.removeprefix("write a list: ")
    assert manifest_errors(tmp_path / "again", f"{written}\n") == []


SECTION_FILE = "bank/<nn>-<section-id>.yaml"
NEW_QUESTION = "or add one with exambank new QUESTION-ID --section FILE"


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        (
            "questions",
            f"'questions' belongs in a section's file, {SECTION_FILE}, not in bank.yaml: move "
            f"the questions there, {NEW_QUESTION}",
        ),
        (
            "stem",
            f"'stem' is a question's key, and a question belongs in a section's file, "
            f"{SECTION_FILE}, not in bank.yaml: move it there, {NEW_QUESTION}",
        ),
        (
            "key_terms",
            f"'key_terms' belongs in a section's file, {SECTION_FILE}, not in bank.yaml: move "
            "it to the section it is about",
        ),
    ],
)
def test_a_section_files_key_in_the_manifest_is_told_where_it_goes(
    tmp_path, monkeypatch, key, hint
):
    """Not "did you mean 'sections'?" for 'questions' (review s33-newuser #2)."""
    monkeypatch.chdir(tmp_path)
    found = manifest_errors(Path(), f"sections: [netzwerk, hardware]\n{key}: []\n")
    assert found == [(4, 1, f"unknown key '{key}' in the file", hint)]


def test_a_manifest_of_questions_and_no_sections_is_told_both(tmp_path):
    """'questions' stands for no 'sections': the missing key is reported too."""
    found = manifest_errors(tmp_path, "questions:\n  - id: q9\n")
    assert [message for _, _, message, _ in found] == [
        "the file is missing 'sections'",
        "unknown key 'questions' in the file",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("explanation:", "\u200bexplanation:"),
            (
                12,
                5,
                "unknown key '\\u200bexplanation' in question q1 (\\u200b is an invisible zero "
                "width space)",
                "did you mean 'explanation'?",
            ),
            id="key",
        ),
        pytest.param(
            ("id: q1", "id: q1\u2060"),
            (
                4,
                9,
                "question q1\\u2060, id 'q1\\u2060' is not a valid id (\\u2060 is an invisible "
                "word joiner)",
                "ids use lowercase letters, digits and single hyphens; did you mean 'q1'?",
            ),
            id="id",
        ),
        pytest.param(
            ("  B: AWS", "  B\ufeff: AWS"),
            (
                8,
                7,
                "'B\\ufeff' is not an option letter (\\ufeff is an invisible zero width no-break "
                "space)",
                "option letters are single capital letters A-Z",
            ),
            id="letter",
        ),
        pytest.param(
            ("id: q1", 'id: "q1\\a"'),
            (
                4,
                9,
                "question q1\\x07, id 'q1\\x07' is not a valid id (\\x07 is an invisible control "
                "character)",
                "ids use lowercase letters, digits and single hyphens; did you mean 'q1'?",
            ),
            id="control",
        ),
    ],
)
def test_a_character_the_screen_does_not_show_is_escaped_and_named(tmp_path, change, expected):
    """ "unknown key 'explanation' ... did you mean 'explanation'?" read as nonsense with a
    zero-width space pasted before the key (review s33-newuser #3)."""
    assert question_errors(tmp_path, QUESTION.replace(*change)) == [expected]
