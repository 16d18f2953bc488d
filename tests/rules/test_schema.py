"""The schema rule: located, actionable messages for values that do not fit the format."""

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def schema_errors(lint_bank, text):
    found = lint_bank({"01-main.yaml": text}).diagnostics
    return [d for d in found if d.rule == "schema"]


@pytest.mark.parametrize(
    ("written", "kind", "quoted"),
    [
        ("3.10", "number", '"3.10"'),
        ("yes", "boolean", '"yes"'),
        ("true", "boolean", '"true"'),
        ("1e3", "number", '"1e3"'),
        ("null", "null", '"null"'),
    ],
)
def test_option_yaml_would_retype_must_be_quoted(lint_bank, written, kind, quoted):
    text = section_yaml(QUESTION.replace("C: Amazon EC2", f"C: {written}"))
    [error] = schema_errors(lint_bank, text)
    assert (error.line, error.column) == (9, 10)
    assert f"option C is the {kind} {written}" in error.message and quoted in (error.hint or "")


def test_quoted_numbers_and_words_are_text(lint_bank):
    text = section_yaml(
        QUESTION.replace("C: Amazon EC2", 'C: "3.10"').replace("D: Amazon Bedrock", "D: 'yes'")
    )
    assert schema_errors(lint_bank, text) == []


def test_unknown_key_suggests_the_near_miss_at_the_key(lint_bank):
    found = schema_errors(lint_bank, section_yaml(QUESTION.replace("answer:", "anwser:")))
    [unknown] = found  # not also "missing 'answer'": one fix, one finding
    assert (unknown.line, unknown.column) == (11, 5)
    assert "unknown key 'anwser'" in unknown.message and "did you mean 'answer'" in (
        unknown.hint or ""
    )


def test_missing_field_points_at_its_question(lint_bank):
    text = section_yaml(
        QUESTION.replace("explanation: SageMaker covers the whole ML lifecycle.\n", "")
    )
    [error] = schema_errors(lint_bank, text)
    assert (error.line, error.question) == (4, "q1") and "missing 'explanation'" in error.message


def test_bad_slug_and_bad_letter(lint_bank):
    text = section_yaml(
        QUESTION.replace("id: q1", "id: Q 1").replace("D: Amazon Bedrock", "d: Amazon Bedrock")
    )
    messages = sorted(d.message for d in schema_errors(lint_bank, text))
    assert any("'Q 1' is not a valid id" in m for m in messages)
    assert any("'d' is not an option letter" in m for m in messages)


def _manifest_errors(lint_bank, language):
    """The errors of a bank whose manifest gives ``language`` as written there."""
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    found = lint_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest=manifest).diagnostics
    return [
        (Path(d.path).name, d.line, d.column, d.message, d.hint)
        for d in found
        if d.severity == "error"
    ]


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("English", "write its BCP 47 tag; did you mean 'en'?"),  # a language's name
        ("Deutsch", "write its BCP 47 tag; did you mean 'de'?"),
        ("Klingon", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),
        ("en_US", "write its BCP 47 tag; did you mean 'en-US'?"),  # a locale's name
        ("pt-BR", None),
        # well-formed BCP 47 (RFC 5646), whatever the registry holds (review s35, #8)
        *[(tag, None) for tag in ("es-419", "zh-Hant-TW", "sr-Latn", "de-CH-1996", "zh-yue")],
        *[(tag, None) for tag in ("de-DE-u-co-phonebk", "en-US-x-twain", "EN-gb")],
        ("en-US-tag", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),
        ("xx-INVALID-tag", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),
        ("de-Latn-Latn", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),
        ("en-x", "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"),
    ],
)
def test_a_language_must_be_a_language_tag(lint_bank, language, hint):
    errors = _manifest_errors(lint_bank, language)
    assert errors == ([] if hint is None else [
        ("bank.yaml", 3, 11, f"language '{language}' is not a language tag", hint),
    ])  # fmt: skip


BCP47 = "write its BCP 47 tag, e.g. 'en', 'de', 'pt-BR'"
MEANT = "write its BCP 47 tag; did you mean '{}'?"


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        # review s34 (helper-241), finding 1: quoting a number made it '5', no tag either
        ("5", "language is the number 5, not a language tag", BCP47),
        ("1.5", "language is the number 1.5, not a language tag", BCP47),
        ("true", "language is the boolean true, not a language tag", BCP47),
        ("[de]", "language is a list, not a language tag", MEANT.format("de")),
        ("", "language is empty", BCP47),
        # quoted, YAML 1.1's boolean no is Norwegian's tag
        ("no", "language is the boolean no, not text", 'quote it so it stays text: "no"'),
        # the corrections init suggests: a space or '_' for the '-', an ISO 639-2 code
        ('"de DE"', "language 'de DE' is not a language tag", MEANT.format("de-DE")),
        ("deu_CH", "language 'deu_CH' is not a language tag", MEANT.format("de-CH")),
        ('"pt-BR "', "language 'pt-BR ' is not a language tag", MEANT.format("pt-BR")),
    ],
)
def test_a_language_that_is_no_tag_gets_the_tag_it_means(lint_bank, written, message, hint):
    errors = _manifest_errors(lint_bank, written)
    assert errors == [("bank.yaml", 3, 11 if written else 10, message, hint)]


def test_the_hint_for_language_5_is_the_tag_s_as_lint_prints_it(tmp_path, capsys):
    manifest = "id: test-bank\ntitle: Test bank\nlanguage: 5\nsections: [main]\n"
    bank = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    assert main(["lint", str(bank)]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{bank / 'bank.yaml'}:3:11: error schema language is the number 5, not a language tag",
        f"    hint: {BCP47}",
    ]


def test_wrong_type_and_enum(lint_bank):
    text = section_yaml(QUESTION.replace("answer: A", "answer: A\ndifficulty: extreme\ntags: solo"))
    messages = [d.message for d in schema_errors(lint_bank, text)]
    assert any("difficulty is 'extreme'" in m for m in messages)
    assert any("tags" in m for m in messages)


def test_every_problem_of_the_file_is_reported_and_valid_questions_still_checked(lint_bank):
    bad = QUESTION.replace("answer:", "anwser:")
    also_bad = QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: Z")
    found = lint_bank({"01-main.yaml": section_yaml(bad, also_bad)}).diagnostics
    assert {d.rule for d in found} >= {"schema", "answer-not-in-options"}


def test_a_well_formed_file_has_no_schema_errors(lint_bank):
    assert schema_errors(lint_bank, section_yaml(QUESTION)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("stem: Which AWS", "stem: {a: b}\n    x: Which AWS"),
            "stem is a set of 'key: value' lines, not text",
        ),
        (
            ("C: Amazon EC2", "C: [x, y]"),
            "option C is a list, not text or a set of 'key: value' lines",
        ),
        (
            ("C: Amazon EC2", "C: {text: EC2, feedback: {a: b}}"),
            "option C, feedback is a set of 'key: value' lines",
        ),
        (("answer: A", "answer: 1"), "answer is a number 1"),
        (("answer: A", "answer: A\n    tags:"), "tags is empty, not a list"),
        (
            ("answer: A", "answer: A\n    lint: {ignore: answer-run, reason: why}"),
            "lint, ignore is text, not a list",
        ),
    ],
)
def test_wrong_shapes_are_named_in_words(lint_bank, change, message):
    text = section_yaml(QUESTION).replace(*change)
    found = [d.message for d in schema_errors(lint_bank, text)]
    assert any(message in m for m in found), found


def test_a_fault_beside_the_substance_leaves_the_question_checked(lint_bank):
    question = (
        QUESTION.replace("answer: A", "answer: E").replace("D: Amazon Bedrock", "D: AWS Lambda")
        + "difficulty: Hard\ntags: aws\nx-owner: ann\n"
    )
    found = lint_bank({"01-main.yaml": section_yaml(question)}).diagnostics
    assert sorted((d.rule, d.line) for d in found) == [
        ("answer-not-in-options", 11),
        ("duplicate-option", 10),
        ("schema", 13),  # difficulty
        ("schema", 14),  # tags
        ("schema", 15),  # the unknown key
    ]


def test_a_fault_in_the_substance_leaves_the_question_to_the_schema(lint_bank):
    question = QUESTION.replace("answer: A", "answer: 7").replace(
        "D: Amazon Bedrock", "D: AWS Lambda"
    )
    found = lint_bank({"01-main.yaml": section_yaml(question + "difficulty: Hard\n")}).diagnostics
    assert {d.rule for d in found} == {"schema"}


def test_an_option_letter_outside_options_leaves_the_question_to_the_schema(lint_bank):
    # D written at the question's level: not a harmless key (answer D is not "no option")
    question = QUESTION.replace("  D: Amazon Bedrock\n", "").replace("answer: A", "answer: D")
    question += "D: Amazon Bedrock\n"
    found = lint_bank({"01-main.yaml": section_yaml(question)}).diagnostics
    assert [(d.rule, d.message) for d in found] == [
        ("schema", "the option D is not indented under 'options:'")
    ]


YAML11 = "a boolean to YAML 1.1 readers only (others read the text)"
UNQUOTE = "write it without quotes: shuffle:"


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("'false'", "is the text 'false', not a boolean", f"{UNQUOTE} false"),
        ("3", "is the number 3, not true or false", "write true or false"),
        ("no", f"is 'no', {YAML11}", "write false"),
        ("On", f"is 'On', {YAML11}", "write true"),
    ],
)  # fmt: skip
def test_shuffle_takes_true_or_false(lint_bank, written, message, hint):
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\nshuffle: {written}"))
    [error] = schema_errors(lint_bank, text)
    assert (error.line, error.column) == (12, 14)
    assert (error.message, error.hint) == (f"question q1, shuffle {message}", hint)


@pytest.mark.parametrize("written", ["true", "false", "False", "TRUE"])
def test_shuffle_as_yaml_writes_booleans_is_accepted(lint_bank, written):
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\nshuffle: {written}"))
    assert schema_errors(lint_bank, text) == []


def test_a_yaml11_boolean_is_reported_beside_another_questions_schema_error(lint_bank):
    """Every problem in one run: 'shuffle: no' in q1 is not held back by q2's error."""
    second = QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: 5")
    text = section_yaml(QUESTION.replace("answer: A", "answer: A\nshuffle: no"), second)
    found = [(d.line, d.question, d.message) for d in schema_errors(lint_bank, text)]
    assert sorted(found) == [
        (12, "q1", f"question q1, shuffle is 'no', {YAML11}"),
        (21, "q2", "question q2, answer is a number 5"),
    ]


def test_a_yaml11_boolean_under_a_key_the_schema_refuses_is_told_once(lint_bank):
    """'shuffle: off' indented under 'options:' is reported as a stray option, not also
    as a YAML 1.1 boolean; the same question's own 'shuffle: yes' still is."""
    question = QUESTION.replace("  D: Amazon Bedrock\n", "  D: Amazon Bedrock\n  shuffle: off\n")
    text = section_yaml(question.replace("answer: A", "answer: A\nshuffle: yes"))
    found = [(d.line, d.column, d.message) for d in schema_errors(lint_bank, text)]
    assert sorted(found) == [
        (11, 7, "'shuffle' is not an option letter"),
        (13, 14, f"question q1, shuffle is 'yes', {YAML11}"),
    ]
    # and the stray one is told to move out as YAML writes a boolean, not as Python prints it
    [stray] = [d for d in schema_errors(lint_bank, text) if d.line == 11]
    assert stray.hint == "move it out of 'options': write 'shuffle: false' indented like 'options:'"


TAG_HINT = (
    "write each tag as a list item of one line, e.g. tags: [amt, tuning]: the CSV export "
    "joins a question's tags with ';'"
)


@pytest.mark.parametrize(
    ("written", "column", "message"),
    [
        ('[amt, "tuning;hpo"]', 17, "question q1, tags 2 holds a ';'"),
        ('["", amt]', 12, "question q1, tags 1 is empty or holds a line break"),
        ('[amt, "hpo\\nbayes"]', 17, "question q1, tags 2 is empty or holds a line break"),
    ],
)
def test_a_tag_the_csv_cannot_carry_is_refused(lint_bank, written, column, message):
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\ntags: {written}"))
    [error] = schema_errors(lint_bank, text)
    assert (error.line, error.column, error.message, error.hint) == (12, column, message, TAG_HINT)


def test_tags_with_spaces_and_any_letters_are_accepted(lint_bank):
    written = '[Domain 1, "Grundlagen: Netze", машинное обучение, A/B-test]'
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\ntags: {written}"))
    assert schema_errors(lint_bank, text) == []


REPEAT_HINT = (
    "delete it: the exports would carry the tag twice, and an importer link the question to it "
    "twice"
)


def test_a_tag_listed_again_is_refused_at_each_repeat(lint_bank):
    text = section_yaml(QUESTION.replace("answer: A", "answer: A\ntags: [dup, x, dup, x, dup]"))
    found = [(d.line, d.column, d.message, d.hint) for d in schema_errors(lint_bank, text)]
    assert found == [
        (12, 20, "question q1, tags 3 'dup' repeats tags 1", REPEAT_HINT),
        (12, 25, "question q1, tags 4 'x' repeats tags 2", REPEAT_HINT),
        (12, 28, "question q1, tags 5 'dup' repeats tags 1", REPEAT_HINT),
    ]


@pytest.mark.parametrize(
    ("written", "column", "message", "hint"),
    [
        (
            '[" spaced "]',
            12,
            "question q1, tags 1 ' spaced ' has a space before and after it",
            "write it as 'spaced': the exports keep a tag as written, so an importer reads "
            "' spaced ' and 'spaced' as two tags",
        ),
        (
            '[amt, "tuning "]',
            17,
            "question q1, tags 2 'tuning ' has a space after it",
            "write it as 'tuning': the exports keep a tag as written, so an importer reads "
            "'tuning ' and 'tuning' as two tags",
        ),
        (
            '["\\tamt"]',
            12,
            "question q1, tags 1 '\\tamt' has white space before it",
            "write it as 'amt': the exports keep a tag as written, so an importer reads "
            "'\\tamt' and 'amt' as two tags",
        ),
        ('[amt, "  "]', 17, "question q1, tags 2 is blank", TAG_HINT),
    ],
)
def test_a_tag_with_spaces_around_it_is_refused(lint_bank, written, column, message, hint):
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\ntags: {written}"))
    [error] = schema_errors(lint_bank, text)
    assert (error.line, error.column, error.message, error.hint) == (12, column, message, hint)


def test_the_review_s_tags_fail_lint_and_the_build(tmp_path, capsys):
    """`tags: ["dup", "x", "dup", " spaced "]` passed lint and was exported as typed."""
    tags = 'tags: ["dup", "x", "dup", " spaced "]'
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\n{tags}"))
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    file = root / "01-main.yaml"
    assert main(["lint", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if " error " in line] == [
        f"{file}:12:24: error schema question q1, tags 3 'dup' repeats tags 1",
        f"{file}:12:31: error schema question q1, tags 4 ' spaced ' has a space before and "
        "after it",
    ]
    out = tmp_path / "dist"
    assert main(["build", str(root), "--only", "json,csv", "--out", str(out)]) == 1
    assert "nothing built" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("lint: {ignore: answer-run, reason: x}", "write a list: ignore: [answer-run]"),
        ("tags: amt", "write a list: tags: [amt]"),
        ('tags: "Domain 1: basics"', 'write a list: tags: ["Domain 1: basics"]'),
        ("tags: amt, tuning", "write a list: tags: [amt, tuning]"),  # not ["amt, tuning"]
        ("tags: first aid, cpr", "write a list: tags: [first aid, cpr]"),  # a tag may hold spaces
        (
            "lint: {ignore: 'answer-run, answer-count', reason: x}",
            "write a list: ignore: [answer-run, answer-count]",
        ),
    ],
)
def test_one_value_where_a_list_belongs_gets_the_list_to_write(lint_bank, line, hint):
    """In brackets: the hint works in a {...} mapping, where '- item' lines cannot stand."""
    text = section_yaml(QUESTION.replace("answer: A", f"answer: A\n{line}"))
    [error] = schema_errors(lint_bank, text)
    assert error.message.endswith("is text, not a list") and error.hint == hint
