"""yaml-syntax in an author's words: each common mistake is reported where the fix goes,
says what is wrong, and shows the line fixed (exambank/syntax_hints/)."""

from __future__ import annotations

import codecs

import pytest

from exambank import syntax_hints
from exambank.cli import main
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.test_syntax_hints_block_texts import assert_said_alike

# The section every case breaks (line numbers as an editor shows them):
#  4    - id: q1
#  5      stem: Which AWS service trains, tunes and deploys ML models?
#  6      options:
#  7        A: Amazon SageMaker
#  8        B: AWS Lambda
#  9        C: Amazon EC2
# 10        D: Amazon Bedrock
# 11      answer: A
# 12      explanation: SageMaker covers the whole ML lifecycle.
SECTION = section_yaml(QUESTION)
STEM = "    stem: Which AWS service trains, tunes and deploys ML models?"
NBSP = "\u00a0"
_QUOTED_KEY_TOO_LONG = (
    "the key before ':' is 1,102 characters long; YAML reads a key of at most 1,024",
    "no key of a bank file is this long: if it is a text, write it after its key's ': '",
)


def only_problem(tmp_path, content):
    path = tmp_path / "01-main.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _, problems = read_source(path)
    [found] = problems
    return found


def reported(tmp_path, old, new):
    assert SECTION.count(old) == 1, old
    found = only_problem(tmp_path, SECTION.replace(old, new))
    assert found.rule == "yaml-syntax"
    return found.line, found.column, found.message, found.hint


def stem(value):
    return (STEM, f"    stem: {value}")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    answer: A",
            "    answer A",
            (11, 5, "missing ':' after 'answer'", "write 'answer: A'"),
            id="key without colon",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "      B AWS Lambda",
            (8, 7, "missing ':' after 'B'", "write 'B: AWS Lambda'"),
            id="option letter without colon",
        ),
        pytest.param(
            "    options:",
            "    options",
            (6, 5, "missing ':' after 'options'", "write 'options:'"),
            id="key of a mapping without colon",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "      B:\n        text AWS Lambda\n        feedback: runs code, trains nothing",
            (9, 9, "missing ':' after 'text'", "write 'text: AWS Lambda'"),
            id="key without colon above a sibling key",
        ),
        pytest.param(
            "    answer: A",
            "    answer:A",
            (11, 11, "no space after ':'", "write 'answer: A'"),
            id="no space after colon",
        ),
        pytest.param(
            "    answer: A",
            f"    answer:{NBSP}A",
            (11, 12, "a non-breaking space follows ':'", "replace it with an ordinary space"),
            id="no-break space after colon",
        ),
        pytest.param(  # review s37 #12: it was "U+0020 (space) follows ':'"
            "    answer: A",
            f"    answer: A\n{'k' * 1100}: note",
            (
                12,
                1,
                "the key before ':' is 1,100 characters long; YAML reads a key of at most 1,024",
                "a line this long is text: if it goes on the text above, indent it under that "
                "text's key; if a line break is missing before the key, put it back",
            ),
            id="key too long for YAML",
        ),
        pytest.param(  # review s38 #8: it was told as text of 'tags' holding ': '
            "    answer: A",
            f"    answer: A\n    tags:\n      - {'k' * 1100}: x",
            (
                13,
                9,
                "the key before ':' is 1,100 characters long; YAML reads a key of at most 1,024",
                "a line this long is text: if it goes on the text above, indent it under that "
                "text's key; if a line break is missing before the key, put it back",
            ),
            id="key too long for YAML in a list item",
        ),
        pytest.param(  # review s38 #11: it was told as more text of 'stem'
            "    answer: A",
            f'    answer: A\n    "{"k" * 1100}": x',
            (12, 5, *_QUOTED_KEY_TOO_LONG),
            id="key in double quotes too long for YAML",
        ),
        pytest.param(
            "    answer: A",
            f"    answer: A\n    '{'k' * 1100}': x",
            (12, 5, *_QUOTED_KEY_TOO_LONG),
            id="key in single quotes too long for YAML",
        ),
        pytest.param(  # libyaml's own words were all it said
            "    answer: A",
            f"    answer: A\n    tags: {{{'k' * 1100}: x}}",
            (
                12,
                12,
                "the key before ':' is 1,100 characters long; YAML reads a key of at most 1,024",
                _QUOTED_KEY_TOO_LONG[1],
            ),
            id="key in braces too long for YAML",
        ),
        pytest.param(
            "    answer: A",
            "    answer\uff1a A",
            (
                11,
                11,
                "'\uff1a' is not a colon YAML knows",
                "type an ordinary ':' instead: 'answer: A'",
            ),
            id="full-width colon",
        ),
        pytest.param(
            *stem(">-\n    Which AWS service trains ML models?"),
            (
                6,
                5,
                "the text under 'stem: >-' (line 5) must be indented more than 'stem'",
                "indent the line 6 spaces, 2 more than 'stem' (shortened here): "
                "write '      Which AWS service…'",
            ),
            id="block text not indented",
        ),
        pytest.param(
            *stem(">-\n      Which AWS service trains,\n    tunes and deploys ML models?"),
            (
                7,
                5,
                "the text under 'stem: >-' (line 5) must be indented more than 'stem'",
                "indent the line 6 spaces, like line 6 (shortened here): "
                "write '      tunes and deploys ML…'",
            ),
            id="a line of block text not indented",
        ),
        pytest.param(
            *stem("Which AWS service trains,\n    tunes and deploys ML models?"),
            (
                5,
                11,
                "the text of 'stem' goes on at its key's place, where YAML expects a key (line 6)",
                "text on several lines: write 'stem: |' and indent its lines under it (6 spaces): "
                "'Which AWS service trains,', 'tunes and deploys ML models?'",
            ),
            id="wrapped text not indented",
        ),
    ],
)
def test_a_line_without_its_colon_is_reported_on_its_own_line(tmp_path, old, new, expected):
    assert reported(tmp_path, old, new) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "      B: AWS Lambda",
            "        B: AWS Lambda",
            (
                8,
                9,
                "'B' is indented 2 spaces more than 'A' on line 7, so YAML reads it as more "
                "text of 'A'",
                "indent 'B' 6 spaces, like 'A'",
            ),
            id="option indented deeper than its siblings",
        ),
        pytest.param(
            "      A: Amazon SageMaker",
            "    A: Amazon SageMaker",
            (
                7,
                5,
                "'A' is indented 2 spaces less than 'B'-'D' below, so YAML reads 'B' as more "
                "text of 'A'",
                "indent 'A' 6 spaces, like 'B'-'D'",
            ),
            id="one option indented less than the three below it: it is the one to move",
        ),
        pytest.param(
            "    options:\n      A: Amazon SageMaker",
            "    options: {}\n    A: Amazon SageMaker",
            (
                8,
                7,
                "'B' is indented 2 spaces more than 'A' on line 7, so YAML reads it as more "
                "text of 'A'",
                "indent 'B' 4 spaces, like 'A'",
            ),
            id="outnumbered, but with no empty key to go under, the option is not moved",
        ),
        pytest.param(
            STEM,
            " " + STEM,
            (
                5,
                6,
                "'stem' is indented 1 space more than 'id' on line 4, so YAML reads it as more "
                "text of 'id'",
                "indent 'stem' 4 spaces, like 'id'",
            ),
            id="key indented one space too many",
        ),
        pytest.param(
            "      A: Amazon SageMaker",
            "      A: Amazon SageMaker\n        feedback: it trains and deploys",
            (
                7,
                10,
                "option A is written as text, so it cannot hold 'feedback'",
                "write 'A:' alone on its line, then under it, indented 2 more, "
                "'text: Amazon SageMaker' and 'feedback: …'",
            ),
            id="feedback under an option written as text",
        ),
        pytest.param(
            "      B: AWS Lambda",
            f"     {NBSP}B: AWS Lambda",
            (
                8,
                6,
                "the indentation holds a non-breaking space, which YAML reads as text",
                "replace it with an ordinary space",
            ),
            id="no-break space as indentation",
        ),
        pytest.param(
            "      B: AWS Lambda",
            f"{NBSP}     B: AWS Lambda",
            (
                8,
                1,
                "the indentation holds a non-breaking space, which YAML reads as text",
                "replace it with an ordinary space",
            ),
            id="no-break space as indentation, reported a line later by libyaml",
        ),
        pytest.param(
            "      C: Amazon EC2",
            "     C: Amazon EC2",
            (
                9,
                6,
                "'C' is indented 5 spaces, in line with no key above it",
                "indent it 6 spaces, like 'B' on line 8",
            ),
            id="option dedented by one",
        ),
        pytest.param(
            "    answer: A",
            "  answer: A",
            (
                11,
                3,
                "'answer' is indented 2 spaces, in line with no key above it",
                "indent it 4 spaces, like 'options' on line 6",
            ),
            id="key dedented to the dash",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "      - B: AWS Lambda",
            (
                8,
                7,
                "a list item ('- ') where a key belongs, in line with 'A' on line 7",
                "remove the '- ': 'B: AWS Lambda'",
            ),
            id="list item among options",
        ),
        pytest.param(
            "  - id: q1",
            "  -\tid: q1",
            (4, 4, "a tab where YAML expects a space", "indent with spaces, not tabs"),
            id="tab after the dash",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "\t      B: AWS Lambda",
            (
                8,
                1,
                "a tab where YAML expects a space",
                "replace the tab with spaces: indent 'B' 6 spaces, like 'A' on line 7",
            ),
            id="tab as indentation",
        ),
    ],
)
def test_indentation_mistakes_say_so(tmp_path, old, new, expected):
    assert reported(tmp_path, old, new) == expected


def test_a_file_indented_with_tabs_says_how_many_lines_start_with_one(tmp_path, capsys):
    """YAML stops at the first tab (lint at each question's first): told one line a run,
    an author whose editor wrote them all would mend them one a run."""
    text = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"))
    tabbed = "".join(
        "\t" + line[4:] if line[:4] == "    " else line for line in text.splitlines(True)
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": tabbed})
    _, found = read_source(root / "01-main.yaml")
    assert [(d.line, d.column, d.message, d.hint) for d in found] == [
        (
            5,
            1,
            "a tab where YAML expects a space; 16 lines of this file start with a tab "
            "(lines 5-12, 14-21)",
            "replace the tab with spaces: indent 'stem' 4 spaces, like 'id' on line 4; to "
            "mend them all at once, have your editor convert the file's indentation to "
            "spaces, and set it to indent with spaces",
        ),
        (
            14,
            1,
            "a tab where YAML expects a space",
            "replace the tab with spaces: indent 'stem' 4 spaces, like 'id' on line 13",
        ),
    ]
    assert main(["lint", "--no-baseline", str(root)]) == 1
    assert "16 lines of this file start with a tab" in capsys.readouterr().out


@pytest.mark.parametrize(
    "next_line",
    [
        "    type of service it is.",  # 'type', but not 'single' or 'multiple' after it
        "    id est the managed one.",  # 'id', but no id after it
    ],
)
def test_wrapped_text_that_starts_with_a_key_name_is_not_told_to_add_a_colon(tmp_path, next_line):
    # Following "write 'type: of service it is.'" would cut the explanation in two.
    old = "    explanation: SageMaker covers the whole ML lifecycle."
    line, column, message, hint = reported(tmp_path, old, f"{old[:-1]} and is\n{next_line}")
    assert (line, column) == (13, 5)
    assert (
        message == "more text of 'explanation' (line 12) must be indented more than 'explanation'"
    )
    assert hint == "indent this line 6 spaces, or write the text of 'explanation' on one line"


def test_wrapped_text_that_starts_with_a_letter_is_told_to_make_a_block(tmp_path):
    # 'A' follows no option 'A': more of the text, never "write 'A: good choice'"
    old = "    explanation: SageMaker covers the whole ML lifecycle."
    new = f"{old[:-1]} and is\n    A good choice for most teams."
    line, column, _, hint = reported(tmp_path, old, new)
    assert (line, column) == (12, 18)
    assert hint is not None and hint.startswith("text on several lines: write 'explanation: |'")


def test_the_next_option_letter_without_its_colon_is_still_a_key(tmp_path):
    found = reported(tmp_path, "      C: Amazon EC2", "      C Amazon EC2")
    assert found[:3] == (9, 7, "missing ':' after 'C'")


def dedented_question(question_id):
    """A question written at the dash column of the list: 2 spaces too little."""
    return "- " + QUESTION.replace("id: q1", f"id: {question_id}").replace("\n", "\n  ").rstrip()


def test_an_indented_document_separator_between_questions_is_named(tmp_path):
    content = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"))
    found = only_problem(tmp_path, content.replace("  - id: q2", "  ---\n  - id: q2"))
    assert (found.line, found.column, found.message, found.hint) == (
        13,
        3,
        "'---' here is read as text where a key belongs",
        "delete the line: a bank file holds one document (a comment '# ---' can mark a break)",
    )


def test_a_question_dedented_among_its_siblings_is_named(tmp_path):
    content = section_yaml(QUESTION) + dedented_question("q2")
    found = only_problem(tmp_path, content)
    assert (found.line, found.column, found.message, found.hint) == (
        13,
        1,
        "this list item is not indented, in line with no item above it",
        "indent the item, with every line under it, 2 spaces, like the item on line 4",
    )


# A shortened example says so, lest its '…' be typed (review s27-author #11); lint --fix
# quotes text holding ': ' where nothing else in the file is wrong.
SHORTENED = "write the whole text quoted (shortened here)"
SHORTENED_FIXED = "write the whole text quoted (shortened here; exambank lint --fix does this)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            "Which: AWS service trains ML models?",
            (
                "text containing ': ' must be quoted",
                f'{SHORTENED_FIXED}: stem: "Which: AWS service…"',
            ),
            id="colon and space in text",
        ),
        pytest.param(
            "\u201cWhich service: trains ML models?\u201d",
            (
                "\u201c \u201d are typographic quotes; YAML knows only straight \" and '",
                'type straight quotes (shortened here): stem: "Which service:…"',
            ),
            id="curly double quotes",
        ),
        pytest.param(
            "\u2018Which service: trains ML models?\u2019",
            (
                "\u2018 \u2019 are typographic quotes; YAML knows only straight \" and '",
                'type straight quotes (shortened here): stem: "Which service:…"',
            ),
            id="curly single quotes",
        ),
        pytest.param(
            "\u201cWhich service: trains ML models?\u201d  # exam 2023",
            (
                "\u201c \u201d are typographic quotes; YAML knows only straight \" and '",
                'type straight quotes (shortened here): stem: "Which service:…"  # exam 2023',
            ),
            id="curly quotes with a note after them: left after the straight ones",
        ),
        pytest.param(
            "\u201cWhich port: 22 or 23?\u201d is used by SSH?",
            (
                "text containing ': ' must be quoted",
                "write the whole text quoted (shortened here; exambank lint --fix does this): "
                'stem: "\u201cWhich port: 22 or…"',
            ),
            id="curly quotes around a part of the text are the text's own",
        ),
        pytest.param(
            "\u00ab Which service : trains ML models? \u00bb",
            (
                "text containing ': ' must be quoted",
                f'{SHORTENED_FIXED}: stem: "\u00ab Which service :…"',
            ),
            id="guillemets are the text's own: quoted with it",
        ),
        pytest.param(
            "\u2039Which\u203a service: trains ML models?",
            (
                "text containing ': ' must be quoted",
                f'{SHORTENED_FIXED}: stem: "\u2039Which\u203a service:…"',
            ),
            id="single guillemets too",
        ),
        pytest.param(
            "*Which* AWS service trains ML models?",
            (
                "text starting with '*' must be quoted",
                f'{SHORTENED_FIXED}: stem: "*Which* AWS service…"',
            ),
            id="asterisk",
        ),
        pytest.param(
            "&nbsp;Which AWS service trains ML models?",
            (
                "text starting with '&' must be quoted",
                f'{SHORTENED_FIXED}: stem: "&nbsp;Which AWS…"',
            ),
            id="ampersand",
        ),
        pytest.param(
            "@Which AWS service trains ML models?",
            (
                "text starting with '@' must be quoted",
                f'{SHORTENED_FIXED}: stem: "@Which AWS service…"',
            ),
            id="at sign",
        ),
        pytest.param(
            "`fit()` trains the model. Which service runs it?",
            (
                "text starting with '`' must be quoted",
                f'{SHORTENED_FIXED}: stem: "`fit()` trains the…"',
            ),
            id="backtick",
        ),
        pytest.param(
            "%Which AWS service trains ML models?",
            (
                "text starting with '%' must be quoted",
                f'{SHORTENED_FIXED}: stem: "%Which AWS service…"',
            ),
            id="percent",
        ),
        pytest.param(
            "- Which AWS service trains ML models?",
            (
                "text starting with '- ' must be quoted",
                f'{SHORTENED}: stem: "- Which AWS service…"',
            ),
            id="dash and space",
        ),
        pytest.param(
            "[Which] AWS service trains ML models?",
            (
                "text starting with '[' must be quoted",
                f'{SHORTENED_FIXED}: stem: "[Which] AWS service…"',
            ),
            id="bracket followed by more text",
        ),
        pytest.param(
            "{Which} AWS service trains ML models?",
            (
                "text starting with '{' must be quoted",
                f'{SHORTENED_FIXED}: stem: "{{Which}} AWS service…"',
            ),
            id="brace followed by more text",
        ),
        pytest.param(
            '"SageMaker" trains ML models. Which service deploys them?',
            (
                "text that starts with a quote must end with it",
                "put the whole text in ' quotes (shortened here): stem: '\"SageMaker\" trains…'",
            ),
            id="double-quoted start followed by more text",
        ),
        pytest.param(
            "'SageMaker' trains ML models. Which service deploys them?",
            (
                "text that starts with a quote must end with it",
                'put the whole text in " quotes (shortened here): stem: "\'SageMaker\' trains…"',
            ),
            id="single-quoted start followed by more text",
        ),
        pytest.param(
            '"Which "managed" service trains ML models?"',
            (
                "the '\"' before 'managed' ends the quoted text early",
                "quote the text with ' instead (shortened here): stem: 'Which \"managed\"…', "
                'or write the inner quotes as \\"',
            ),
            id="inner double quote",
        ),
        pytest.param(
            "'Which of AWS's services trains ML models?'",
            (
                "the ' in \"AWS's\" ends the quoted text early",
                "double it (shortened here): stem: 'Which of AWS''s…', or use double quotes: "
                'stem: "Which of AWS\'s…"',
            ),
            id="inner apostrophe",
        ),
        pytest.param(
            "> Which AWS service trains ML models?",
            (
                "text after 'stem: >' must start on the next line",
                "put the text on the next line, indented more than 'stem', or quote it "
                "(shortened here): "
                'stem: "Which AWS service…"',  # the indicator is no part of the text
            ),
            id="folded text on the indicator's line",
        ),
        pytest.param(
            "| Which AWS service trains ML models?",
            (
                "text after 'stem: |' must start on the next line",
                "put the text on the next line, indented more than 'stem', or quote it "
                "(shortened here): "
                'stem: "Which AWS service…"',
            ),
            id="literal text on the indicator's line",
        ),
        pytest.param(
            ">- Which AWS service trains ML models?",
            (
                "text after 'stem: >-' must start on the next line",
                "put the text on the next line, indented more than 'stem', or quote it "
                "(shortened here): "
                'stem: "Which AWS service…"',
            ),
            id="stripped folded text on the indicator's line",
        ),
    ],
)
def test_text_that_yaml_reads_as_markup_is_told_to_quote_it(tmp_path, value, expected):
    # reported at the text's first character, where the quote goes
    assert reported(tmp_path, *stem(value)) == (5, 11, *expected)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_utf16_file_is_named_as_such(tmp_path, bom):
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    found = only_problem(tmp_path, bom + SECTION.encode(encoding))
    assert (found.rule, found.line, found.column) == ("encoding", 1, 1)
    assert found.message == "the file is saved as UTF-16, not UTF-8"
    assert found.hint == "save the file as UTF-8 (most editors: 'Save with encoding')"


def test_other_errors_keep_libyamls_words(tmp_path):
    found = reported(tmp_path, "title: Main", "title: Main\n]")
    assert found[2:] == ("while parsing a block mapping did not find expected key", None)


@pytest.mark.parametrize(
    ("nested", "where"),
    [
        pytest.param("    tags: " + "[" * 300 + "]" * 300, (12, 208), id="brackets"),
        pytest.param(
            "    tags:\n" + "".join(f"{'  ' * (depth + 3)}- \n" for depth in range(250)),
            (210, 401),
            id="indentation",
        ),
    ],
)
def test_values_nested_past_the_limit_are_told_where_and_what_to_do(
    tmp_path, capsys, nested, where
):
    """A file nested 300 deep (review s35-hostile #5) is told where it passes the limit,
    with a hint, by lint and by the commands that refuse it."""
    text = SECTION.replace("    answer: A", "    answer: A\n" + nested.rstrip("\n"))
    assert_said_alike(
        tmp_path,
        capsys,
        text,
        where,
        "values nest more than 200 levels deep here",
        "no bank file nests more than 5 levels: this one looks damaged or machine-made; "
        "restore it from version control, or remove the extra brackets or indentation "
        "that lead here",
    )


DOCUMENT_HINT = (
    "delete the line: a bank file holds one document (a comment '# ...' can mark a break)"
)


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("...", "'...' ends the YAML document here, so the lines below it are not read"),
        (
            "... # end of part one",
            "'...' ends the YAML document here, so the lines below it are not read",
        ),
        ("%YAML 1.2", "'%YAML' is a YAML directive, which only the top of a file may hold"),
        (
            "%TAG ! tag:example.com,2026:",
            "'%TAG' is a YAML directive, which only the top of a file may hold",
        ),
    ],
)
def test_a_document_end_or_directive_mid_file_is_told_at_its_line(tmp_path, marker, message):
    """libyaml says 'did not find expected <document start>' a line below, of the key
    after the marker; the author is told of the marker, and deleting it mends the file."""
    line = SECTION.splitlines().index("questions:") + 1
    broken = SECTION.replace("questions:\n", f"{marker}\n# the questions\nquestions:\n", 1)
    assert only_problem(tmp_path, broken).line == line
    assert reported(tmp_path, "questions:", f"{marker}\n# the questions\nquestions:") == (
        line,
        1,
        message,
        DOCUMENT_HINT,
    )
    (tmp_path / "01-main.yaml").write_text(broken.replace(f"{marker}\n", "", 1), encoding="utf-8")
    assert read_source(tmp_path / "01-main.yaml")[1] == []


def test_a_failing_explanation_falls_back_to_libyamls_words(tmp_path, monkeypatch):
    def broken(text):
        raise IndexError("a misjudged line")

    monkeypatch.setattr(syntax_hints, "Text", broken)
    assert reported(tmp_path, "    answer: A", "    answer A") == (
        12,
        5,
        "while scanning a simple key could not find expected ':'",
        None,
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            STEM,
            "    stem: Which: AWS service?  # check the wording",
            'write it quoted (exambank lint --fix does this): stem: "Which: AWS service?"  '
            "# check the wording",
            id="a comment stays outside the quotes",
        ),
        pytest.param(
            STEM,
            "    stem: *Which* service?  # todo",
            'write it quoted (exambank lint --fix does this): stem: "*Which* service?"  # todo',
            id="a comment after markup stays outside too",
        ),
        pytest.param(
            "title: Main",
            "title: Main\nexam_tips:\n  - Tip: read: twice",
            'write it quoted: - "Tip: read: twice"',
            id="a list item whose first word is no key is quoted whole",
        ),
        pytest.param(
            STEM,
            "    stem: Which service is\n      best: AWS or not?",
            "put the whole text of 'stem' (lines 5-6) in double quotes, or write the ': ' "
            "another way",
            id="a colon on the second line of a wrapped text",
        ),
        pytest.param(
            STEM,
            "    stem: Which service is\n      best of all: AWS or not?",
            "put the whole text of 'stem' (lines 5-6) in double quotes, or write the ': ' "
            "another way",
            id="a colon after words on the second line of a wrapped text",
        ),
        pytest.param(
            "title: Main",
            "title: Main\nexam_tips:\n  - Read it twice, then: answer: B",
            'write the whole text quoted (shortened here): - "Read it twice, then: answer:…"',
            id="a list item whose first words are no key is quoted whole",
        ),
    ],
)
def test_following_the_hint_keeps_the_text_as_written(tmp_path, old, new, expected):
    *_, hint = reported(tmp_path, old, new)
    assert hint == expected


def test_a_tab_on_an_empty_looking_line_is_told_to_go(tmp_path):
    found = reported(tmp_path, "    answer: A\n", "    answer: A\n\t\n")
    assert found == (
        12,
        1,
        "a tab on a line that is otherwise empty",
        "delete the tab, or the line",
    )


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        pytest.param(
            "title: Main",
            "title: Main\nsummary A short summary.",
            "write 'summary: A short summary.'",
            id="a section key after the title",
        ),
        pytest.param(
            "    explanation: SageMaker covers the whole ML lifecycle.",
            "    explanation: Because.\n    tags [amt, x]",
            "write 'tags: [amt, x]'",
            id="tags after an explanation",
        ),
        pytest.param(
            STEM,
            f"{STEM}\n    explanation Because it is.",
            "write 'explanation: Because it is.'",
            id="a question key after the stem",
        ),
    ],
)
def test_a_key_of_the_same_part_without_its_colon_is_still_a_key(tmp_path, old, new, hint):
    *_, found_hint = reported(tmp_path, old, new)
    assert found_hint == hint


def test_a_hash_one_space_on_stays_inside_the_quotes(tmp_path):
    *_, hint = reported(tmp_path, STEM, "    stem: Which: AWS #1 pick?")
    assert hint == 'write it quoted: stem: "Which: AWS #1 pick?"'


EXPLANATION = "    explanation: SageMaker covers the whole ML lifecycle."
TAG_HINT = "quote the whole value if the '!' belongs to the text; else remove the tag"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        pytest.param(
            "    explanation: ![Topología](img/topologia.png) Entre dispositivos distintos.",
            (12, 18, "![Topología](img/topologia.png)"),
            id="image with an accent in its description",
        ),
        pytest.param(
            "    explanation: !¡Cuidado! La máscara decide.",
            (12, 18, "!¡Cuidado!"),
            id="exclamation in Spanish",
        ),
        pytest.param(
            "    explanation:\n      ![Topología](img/topologia.png) Entre dispositivos.",
            (13, 7, "![Topología](img/topologia.png)"),
            id="on the line under its key",
        ),
        pytest.param(
            "    explanation: !<img que no se cierra",
            (12, 18, "!<img"),
            id="verbatim tag never closed",
        ),
        pytest.param(
            "    explanation: !100% de las veces",
            (12, 18, "!100%"),
            id="a '%' that escapes no character",
        ),
        pytest.param(
            "    explanation: !Hola!Adios quedan",
            (12, 18, "!Hola!Adios"),
            id="a second '!' makes a tag handle",
        ),
        pytest.param(
            "    explanation: !Hola !¡Adiós!",
            (12, 18, "!Hola"),
            id="the first of two tags, where the quote goes",
        ),
    ],
)
def test_a_tag_libyaml_cannot_read_is_told_at_its_exclamation_mark(tmp_path, new, expected):
    line, column, tag = expected
    message = f"the tag '{tag}' is not supported in bank files"
    assert reported(tmp_path, EXPLANATION, new) == (line, column, message, TAG_HINT)


def test_a_tag_libyaml_cannot_read_is_told_as_one_it_can_read(tmp_path):
    # 'Topologia' is a tag libyaml reads, refused after the parse; 'Topología' stops it
    value = "![Topolog{}a](img/topologia.png) Entre dispositivos distintos."
    readable = reported(tmp_path, EXPLANATION, f"    explanation: {value.format('i')}")
    unreadable = reported(tmp_path, EXPLANATION, f"    explanation: {value.format('í')}")
    assert unreadable == (*readable[:2], readable[2].replace("Topologia", "Topología"), readable[3])


def test_a_tag_inside_brackets_keeps_libyamls_words(tmp_path):
    found = reported(tmp_path, "    answer: A", "    answer: [A, !¡B]")
    assert found[2] == "while scanning a tag did not find expected whitespace or line break"


def test_lint_fix_gives_the_tags_message_as_its_reason(tmp_path, capsys):
    value = "![Topología](img/topologia.png) Entre dispositivos distintos."
    path = tmp_path / "bank" / "01-main.yaml"
    write_bank(
        tmp_path / "bank", {path.name: SECTION.replace(EXPLANATION, f"    explanation: {value}")}
    )
    broken = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:12:18: not fixed: the tag '{value.split()[0]}' is not supported in bank files; "
        + TAG_HINT
    ]
    assert path.read_bytes() == broken


def _with(*slips):
    text = SECTION
    for old, new in slips:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


OPTION_A, OPTION_B = "      A: Amazon SageMaker", "      B: AWS Lambda"
QUOTED_B = (OPTION_B, '      B: "AWS Lambda"')
QUOTED_REST = (
    QUOTED_B,
    ("C: Amazon EC2", 'C: "Amazon EC2"'),
    ("D: Amazon Bedrock", 'D: "Bedrock"'),
)
READS_ON = "a quote opens here and nothing closes it on its line: YAML reads on to the quote on"


@pytest.mark.parametrize(
    ("slips", "expected"),
    [
        pytest.param(
            [(OPTION_A, '      A: "Amazon SageMaker'), *QUOTED_REST],
            (7, 10, f"{READS_ON} line 8", 'close it at the end of the text: A: "Amazon SageMaker"'),
            id="an option's double quote, the next options quoted",
        ),
        pytest.param(
            [(OPTION_A, "      A: 'Amazon SageMaker"), (OPTION_B, "      B: 'AWS Lambda'")],
            (7, 10, f"{READS_ON} line 8", "close it at the end of the text: A: 'Amazon SageMaker'"),
            id="an option's single quote",
        ),
        pytest.param(
            [(OPTION_A, '      A: "Amazon SageMaker   # right'), QUOTED_B],
            (
                7,
                10,
                f"{READS_ON} line 8",
                'close it at the end of the text: A: "Amazon SageMaker"   # right',
            ),
            id="the quote goes before a note",
        ),
        pytest.param(
            [stem('"Which AWS service trains, tunes and deploys ML models?'), QUOTED_B],
            (
                5,
                11,
                f"{READS_ON} line 8",
                'close it at the end of the text (shortened here): stem: "Which AWS service…"',
            ),
            id="the stem's quote, read on past 'options:'",
        ),
        pytest.param(
            [
                stem('"Which AWS service trains, tunes and deploys ML models?'),
                (OPTION_A, "      A: 'Amazon SageMaker'"),
                QUOTED_B,
            ],
            (
                5,
                11,
                f"{READS_ON} line 8",
                'close it at the end of the text (shortened here): stem: "Which AWS service…"',
            ),
            id="the stem's quote, past an option in the other quotes",
        ),
        pytest.param(
            [stem('"Which AWS service trains,\n      tunes and deploys ML models?'), QUOTED_B],
            (
                5,
                11,
                "a quote opens here and nothing closes it where the text ends (line 6): YAML "
                "reads on to the quote on line 9",
                'close it at the end of line 6 (shortened here): …deploys ML models?"',
            ),
            id="a text over two lines",
        ),
        pytest.param(
            [
                stem('"Which AWS service trains, tunes and deploys ML models?'),
                (OPTION_B, '      B: AWS "Lambda"'),
            ],
            (
                5,
                11,
                f"{READS_ON} line 8",
                'close it at the end of the text (shortened here): stem: "Which AWS service…"',
            ),
            id="read on to a quote inside a plain text",
        ),
    ],
)
def test_an_unclosed_quote_is_told_where_it_opens(tmp_path, slips, expected):
    """libyaml reads a quote left open on to the next one, which it takes for the closing
    quote, and fails after it: the fix goes where the quote opens, not where YAML gave up."""
    found = only_problem(tmp_path, _with(*slips))
    assert (found.line, found.column, found.message, found.hint) == expected


@pytest.mark.parametrize(
    ("slips", "expected"),
    [
        pytest.param(
            [stem('"Which AWS\n      "service" trains ML models?"')],
            (5, 11, "the '\"' before 'service' ends the quoted text early"),
            id="a quote inside a text over two lines",
        ),
        pytest.param(
            [stem('"Which "managed" service trains ML models?"'), QUOTED_B],
            (5, 11, "the '\"' before 'managed' ends the quoted text early"),
            id="a quote inside a text on one line",
        ),
    ],
)
def test_a_quote_that_really_ends_the_text_early_is_still_told_so(tmp_path, slips, expected):
    found = only_problem(tmp_path, _with(*slips))
    assert (found.line, found.column, found.message) == expected


def test_a_quoted_text_that_closes_on_a_later_line_is_no_slip(tmp_path):
    text = _with(stem('"Which AWS service\n      trains ML models?"'), *QUOTED_REST)
    path = tmp_path / "01-main.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_source(path)[1] == []


BOM = "\ufeff"
BOM_STARTS = (
    "an invisible byte-order mark (U+FEFF) starts this line: YAML reads the line as if "
    "indented one space more"
)
BOM_HINT = (
    "delete it (exambank lint --fix does this): most editors do not show it (it comes along "
    "when text is pasted from another file, or files are joined)"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("  - id: q1", f"{BOM}  - id: q1", (4, 1, BOM_STARTS), id="a question's dash"),
        pytest.param(OPTION_B, BOM + OPTION_B, (8, 1, BOM_STARTS), id="an option"),
        pytest.param("title: Main", f"{BOM}title: Main", (2, 1, BOM_STARTS), id="a section key"),
        pytest.param(
            "  - id: q1",
            f"  {BOM}- id: q1",
            (
                4,
                3,
                "an invisible byte-order mark (U+FEFF) follows this line's indentation: "
                "YAML reads it as text",
            ),
            id="after the indentation",
        ),
    ],
)
def test_a_byte_order_mark_inside_the_file_is_named(tmp_path, old, new, expected):
    assert reported(tmp_path, old, new) == (*expected, BOM_HINT)


def test_a_byte_order_mark_at_the_file_s_start_is_the_file_s_own(tmp_path):
    path = tmp_path / "01-main.yaml"
    path.write_bytes(codecs.BOM_UTF8 + SECTION.encode("utf-8"))
    assert read_source(path)[1] == []


def test_lint_fix_deletes_a_byte_order_mark_that_starts_a_line(tmp_path, capsys):
    """As from files joined: the second one's mark starts a line in the middle."""
    path = tmp_path / "bank" / "01-main.yaml"
    write_bank(tmp_path / "bank", {path.name: SECTION.replace("  - id: q1", f"{BOM}  - id: q1")})
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:1: fixed byte-order mark (U+FEFF) removed"
    ]
    assert path.read_text(encoding="utf-8") == SECTION


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        pytest.param(
            "    explanation: SageMaker",
            "    explanation SageMaker",
            "write 'explanation: SageMaker covers the…' (shortened here)",
            id="missing colon",
        ),
        pytest.param(
            "    explanation: SageMaker",
            "    explanation\uff1aSageMaker",
            "type an ordinary ':' instead: 'explanation: SageMaker covers the…' (shortened here)",
            id="look-alike colon",
        ),
        pytest.param(
            "    explanation: SageMaker",
            "    explanation:SageMaker",
            "write 'explanation: SageMaker covers the…' (shortened here)",
            id="no space after the colon",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "      B) AWS Lambda runs code without servers",
            "write 'B: AWS Lambda runs code…' (shortened here)",
            id="option letter with a bracket",
        ),
        pytest.param(
            "      B: AWS Lambda",
            "      - B: AWS Lambda runs code without servers",
            "remove the '- ' (shortened here): 'B: AWS Lambda runs…'",
            id="list item among the options",
        ),
    ],
)
def test_a_hint_that_shows_a_line_cut_short_says_so(tmp_path, old, new, hint):
    # An author would type the '…' (review s35-author #12); a short line is shown whole.
    assert reported(tmp_path, old, new)[3] == hint
    assert reported(tmp_path, "    answer: A", "    answer A")[3] == "write 'answer: A'"
