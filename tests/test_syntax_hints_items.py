"""A question or key term that lost its '- ' is told to start with '- ', never to be
indented into the item above; a tab in a line's indentation is told how far to indent the
line, where the keys above tell (exambank/syntax_hints/items.py, indents.py)."""

from __future__ import annotations

import pytest

from exambank.cli import main
from exambank.diagnostics import FIXED_BY_LINT
from tests.conftest import QUESTION, section_yaml, syntax_problems, write_bank

SECOND = QUESTION.replace("id: q1", "id: q2")
SECTION = section_yaml(QUESTION)  # q1 on lines 4-12, its options on lines 6-10
# Two questions: q1 on lines 4-12, a blank line, q2 on lines 14-22, its '- id' on line 14.
TWO = section_yaml(QUESTION, SECOND).replace("\n  - id: q2", "\n\n  - id: q2")
KEY_TERMS = """\
key_terms:
  - term: VPC
    definition: A private network in the cloud.
  - term: AZ
    definition: One or more data centres of a region.
"""
# The key terms on lines 3-7 (their '- term' on lines 4 and 6), the question below them.
WITH_TERMS = section_yaml(QUESTION, extra=KEY_TERMS)


def broken(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def lost(line, item, key, value, glued):
    message = (
        f"'-{key}' is read as a key: a new {item} starts with '- ', a dash and a space"
        if glued
        else f"'{key}' starts a new {item} without the '- ' that starts one"
    )
    return [(line, 3, "yaml-syntax", message, f"start the {item} with '- ': - {key}: {value}")]


@pytest.mark.parametrize("glued", [True, False], ids=["no space after the dash", "no dash"])
@pytest.mark.parametrize(
    ("text", "old", "line", "item", "key", "value"),
    [
        pytest.param(TWO, "  - id: q1", 4, "question", "id", "q1", id="first question"),
        pytest.param(TWO, "  - id: q2", 14, "question", "id", "q2", id="later question"),
        pytest.param(WITH_TERMS, "  - term: VPC", 4, "key term", "term", "VPC", id="first term"),
        pytest.param(WITH_TERMS, "  - term: AZ", 6, "key term", "term", "AZ", id="later term"),
    ],
)
def test_an_item_that_lost_its_dash_is_told_to_start_with_one(
    tmp_path, glued, text, old, line, item, key, value
):
    written = old.replace("- ", "-" if glued else "")
    assert syntax_problems(tmp_path, broken(text, old, written)) == lost(
        line, item, key, value, glued
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [("  - id: q1", "  id: q1"), ("  - id: q2", "  -id: q2"), ("  - id: q2", "  id: q2")],
)
def test_following_the_hint_gives_two_questions(tmp_path, old, new):
    text = broken(TWO, old, new)
    [(line, _, _, _, hint)] = syntax_problems(tmp_path, text)
    fixed_line = hint.split(": ", 1)[1]
    lines = text.split("\n")
    lines[line - 1] = "  " + fixed_line
    assert syntax_problems(tmp_path, "\n".join(lines)) == []


def test_a_list_written_at_its_keys_place_is_told_too(tmp_path):
    text = "id: main\ntitle: Main\nquestions:\n- id: q1\n  stem: Which?\nid: q2\n  stem: Why?\n"
    syntax = [found for found in syntax_problems(tmp_path, text) if found[2] == "yaml-syntax"]
    assert syntax == [
        (
            6,
            1,
            "yaml-syntax",
            "'id' starts a new question without the '- ' that starts one",
            "start the question with '- ': - id: q2",
        )
    ]


def test_a_first_question_that_starts_with_another_key_is_told_too(tmp_path):
    # The first thing in 'questions:' can only be a question, whatever key opens it.
    text = broken(SECTION, "  - id: q1\n    stem: Which", "  stem: Which")
    assert syntax_problems(tmp_path, text)[0][:2] == (4, 3)
    assert syntax_problems(tmp_path, text)[0][3:] == (
        "'stem' starts a new question without the '- ' that starts one",
        "start the question with '- ' (shortened here): - stem: Which AWS service…",
    )


@pytest.mark.parametrize("written", ["  id: q1", "  -id: q1"])
def test_a_first_question_with_its_keys_in_line_is_told_where_the_dash_goes(tmp_path, written):
    # Its keys at one place read as a mapping; YAML stops at the next question's '- '.
    text = f"id: main\ntitle: Main\nquestions:\n{written}\n  stem: Which?\n- id: q2\n  stem: Why?\n"
    [(line, column, _, _, hint)] = syntax_problems(tmp_path, text)
    assert (line, column) == (4, 3)
    assert hint == "start the question with '- ', its dash in line with line 6's: - id: q1"
    assert syntax_problems(tmp_path, text.replace(written, "- id: q1")) == []


def test_a_first_question_that_kept_its_keys_where_the_dash_put_them_is_told_too(tmp_path):
    # "    id: q1" over "  - id: q2": its keys read as a mapping, and YAML stopped at the
    # next question's '- ' with "did not find expected key". A slip further down (q3's
    # lost space) is reported in the same run.
    third = QUESTION.replace("id: q1", "id: q3")
    text = broken(section_yaml(QUESTION, SECOND, third), "  - id: q1", "    id: q1")
    text = broken(text, "  - id: q3", "  -id: q3")
    assert [problem[:2] + problem[3:] for problem in syntax_problems(tmp_path, text)] == [
        (
            4,
            5,
            "'id' starts a new question without the '- ' that starts one",
            "start the question with '- ', its dash in line with line 13's: - id: q1",
        ),
        (
            22,
            3,
            "'-id' is read as a key: a new question starts with '- ', a dash and a space",
            "start the question with '- ': - id: q3",
        ),
    ]


def test_a_comment_above_a_first_question_that_lost_its_dash_does_not_hide_it(tmp_path):
    text = (
        "id: main\ntitle: Main\nquestions:\n  # the first one\n    id: q1\n    stem: Which?\n"
        "  - id: q2\n    stem: Why?\n"
    )
    [(line, column, _, message, _)] = syntax_problems(tmp_path, text)
    assert (line, column, message) == (
        5,
        5,
        "'id' starts a new question without the '- ' that starts one",
    )


def test_two_first_questions_that_lost_their_dashes_are_told_as_two_questions(tmp_path):
    # q2 ran into q1, which YAML read as the list's mapping: "keep one of them" for its
    # 'id' and each key after it, which, followed, deletes q2
    text = (
        "id: main\ntitle: Main\nquestions:\n    id: q1\n    stem: Pick A\n    id: q2\n"
        "    stem: Pick B\n  - id: q3\n    stem: Pick C\n"
    )
    assert sorted(
        (line, rule, hint) for line, _, rule, _, hint in syntax_problems(tmp_path, text)
    ) == [
        (
            4,
            "yaml-syntax",
            "start the question with '- ', its dash in line with line 8's: - id: q1",
        ),
        (
            6,
            "duplicate-key",
            "start the new question with '- ' as the others start; else keep one 'id'",
        ),
    ]


def test_a_note_after_the_id_is_left_out_of_the_line_shown(tmp_path):
    text = broken(TWO, "  - id: q2", "  -id: q2    # the second one")
    [(*_, hint)] = syntax_problems(tmp_path, text)
    assert hint == "start the question with '- ': - id: q2"


def test_a_key_dedented_to_the_dash_is_still_told_to_indent(tmp_path):
    # Not a question's first key: more of the question above, out of line.
    text = broken(SECTION, "    answer: A", "  answer: A")
    assert syntax_problems(tmp_path, text)[0][3:] == (
        "'answer' is indented 2 spaces, in line with no key above it",
        "indent it 4 spaces, like 'options' on line 6",
    )


def test_lint_says_it_in_one_error(tmp_path, capsys):
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": broken(TWO, "  - id: q2", "  id: q2")})
    assert main(["lint", str(bank)]) == 1
    out = capsys.readouterr().out
    assert "01-main.yaml:14:3: error yaml-syntax 'id' starts a new question" in out
    assert "hint: start the question with '- ': - id: q2" in out
    assert "1 error" in out


@pytest.mark.parametrize(
    ("text", "old", "new", "hint"),
    [
        pytest.param(
            SECTION,
            "      B: AWS Lambda",
            "\t  B: AWS Lambda",
            "replace the tab with spaces: indent 'B' 6 spaces, like 'A' on line 7",
            id="an option: tab and two spaces",
        ),
        pytest.param(
            SECTION,
            "      B: AWS Lambda",
            "  \tB: AWS Lambda",
            "replace the tab with spaces: indent 'B' 6 spaces, like 'A' on line 7",
            id="an option: two spaces and a tab",
        ),
        pytest.param(
            SECTION,
            "      B: AWS Lambda",
            "\t\tB: AWS Lambda",
            "replace the tabs with spaces: indent 'B' 6 spaces, like 'A' on line 7",
            id="an option: two tabs",
        ),
        pytest.param(
            SECTION,
            "    answer: A",
            "\tanswer: A",
            "replace the tab with spaces: indent 'answer' 4 spaces, like 'options' on line 6",
            id="a question's key after its options",
        ),
        pytest.param(
            TWO,
            "  - id: q2",
            "\t- id: q2",
            "replace the tab with spaces: indent the item 2 spaces, like the item on line 4",
            id="the next question",
        ),
        pytest.param(
            SECTION,
            "      A: Amazon SageMaker",
            "\t  A: Amazon SageMaker",
            "indent with spaces, not tabs",
            id="the first option: how deep under 'options' is the author's to say",
        ),
        pytest.param(
            TWO,
            "  - id: q1",
            "\t- id: q1",
            "indent with spaces, not tabs",
            id="the first question: how deep under 'questions' is the author's to say",
        ),
    ],
)
def test_a_tab_in_the_indentation_is_told_how_far_to_indent(tmp_path, text, old, new, hint):
    [found] = syntax_problems(tmp_path, broken(text, old, new))
    assert found[3:] == ("a tab where YAML expects a space", hint)


# A word processor's dash or bullet where a list item's '- ' belongs (Word's AutoFormat
# turns '- ' into an en dash and a space): YAML reads it as text.
DASHES = [
    pytest.param("\u2013", "an en dash", id="en dash"),
    pytest.param("\u2014", "an em dash", id="em dash"),
    pytest.param("\u2212", "a minus sign", id="minus sign"),
    pytest.param("\u2022", "a bullet", id="bullet"),
    # Markdown's other bullets (review s35-author #2): '*' starts an alias, '+' a text
    pytest.param("*", "a Markdown bullet", id="Markdown star"),
    pytest.param("+", "a Markdown bullet", id="Markdown plus"),
]


@pytest.mark.parametrize(("dash", "name"), DASHES)
@pytest.mark.parametrize(
    ("text", "old", "line", "item", "shown"),
    [
        pytest.param(TWO, "  - id: q1", 4, "question", "id: q1", id="first question"),
        pytest.param(TWO, "  - id: q2", 14, "question", "id: q2", id="later question"),
        pytest.param(WITH_TERMS, "  - term: VPC", 4, "key term", "term: VPC", id="first term"),
        pytest.param(WITH_TERMS, "  - term: AZ", 6, "key term", "term: AZ", id="later term"),
    ],
)
def test_a_dash_typed_for_an_items_dash_is_named(
    tmp_path, dash, name, text, old, line, item, shown
):
    written = broken(text, old, old.replace("-", dash, 1))
    assert syntax_problems(tmp_path, written) == [
        (
            line,
            3,
            "yaml-syntax",
            f"'{dash}' ({name}) is not the '-' that starts a {item}",
            f"type an ordinary '-' in its place{FIXED_BY_LINT}: - {shown}",
        )
    ]
    assert syntax_problems(tmp_path, written.replace(f"  {dash} ", "  - ")) == []


# The list's first item with a note after it, or its text in quotes: YAML reads its line as
# a key ('\u2013 id') whose text ends there, and stops at the item's next key, deeper than it.
FIRST_ITEM_ENDED = [
    pytest.param(TWO, "  - id: q1", "  {} id: q1   # q1 comment", "question", "id: q1", id="note"),
    pytest.param(TWO, "  - id: q1", "  {} id: q1 # q1", "question", "id: q1", id="note 1 space"),
    pytest.param(TWO, "  - id: q1", '  {} id: "q1"', "question", 'id: "q1"', id="quoted"),
    pytest.param(
        WITH_TERMS, "  - term: VPC", "  {} term: VPC  # c", "key term", "term: VPC", id="term"
    ),
]


@pytest.mark.parametrize(("dash", "name"), DASHES)
@pytest.mark.parametrize(("text", "old", "new", "item", "shown"), FIRST_ITEM_ENDED)
def test_a_dash_typed_for_the_first_items_dash_is_named_before_a_note(
    tmp_path, dash, name, text, old, new, item, shown
):
    assert syntax_problems(tmp_path, broken(text, old, new.format(dash))) == [
        (
            4,
            3,
            "yaml-syntax",
            f"'{dash}' ({name}) is not the '-' that starts a {item}",
            f"type an ordinary '-' in its place{FIXED_BY_LINT}: - {shown}",
        )
    ]


@pytest.mark.parametrize("glued", [True, False], ids=["no space after the dash", "no dash"])
@pytest.mark.parametrize(
    ("text", "old", "item", "key", "value"),
    [
        pytest.param(TWO, "  - id: q1", "question", "id", "q1", id="first question"),
        pytest.param(WITH_TERMS, "  - term: VPC", "key term", "term", "VPC", id="first term"),
    ],
)
def test_a_first_item_that_lost_its_dash_is_told_so_before_a_note(
    tmp_path, glued, text, old, item, key, value
):
    written = old.replace("- ", "-" if glued else "") + "  # the first one"
    assert syntax_problems(tmp_path, broken(text, old, written)) == lost(4, item, key, value, glued)


def test_every_item_with_such_a_dash_is_told_in_one_run(tmp_path):
    text = TWO.replace("  - id: q1", "  \u2013 id: q1").replace("  - id: q2", "  \u2022 id: q2")
    assert [found[:2] for found in syntax_problems(tmp_path, text)] == [(4, 3), (14, 3)]


@pytest.mark.parametrize(
    "written",
    [
        pytest.param(
            "    explanation: |\n      Steps:\n      \u2013 read twice\n", id="in a | text"
        ),
        pytest.param("    explanation: Steps are\n      \u2013 read twice\n", id="more plain text"),
    ],
)
def test_such_a_dash_inside_a_text_is_text(tmp_path, written):
    explanation = "    explanation: SageMaker covers the whole ML lifecycle.\n"
    text = TWO.replace(explanation, written, 1).replace("  - id: q2", "  \u2013 id: q2")
    line = text.split("\n").index("  \u2013 id: q2") + 1
    message = "'\u2013' (an en dash) is not the '-' that starts a question"
    assert [found[:4] for found in syntax_problems(tmp_path, text)] == [  # q2's dash only
        (line, 3, "yaml-syntax", message)
    ]


def test_a_bullet_and_a_tab_as_a_pasted_list_has_them_are_named_too(tmp_path):
    text = broken(TWO, "  - id: q2", "  \u2022\tid: q2")
    assert syntax_problems(tmp_path, text) == [
        (
            14,
            3,
            "yaml-syntax",
            "'\u2022' (a bullet) is not the '-' that starts a question",
            f"type an ordinary '-' and a space in place of it and the tab{FIXED_BY_LINT}: - id: q2",
        )
    ]


def test_fix_types_the_dash_and_only_the_dash(tmp_path, capsys):
    text = TWO.replace("  - id: q1", "  \u2013 id: q1").replace("  - id: q2", "  \u2022\tid: q2")
    text = text.replace("explanation: SageMaker", "explanation: |\n      \u2013 SageMaker", 1)
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    assert main(["lint", "--fix", str(bank)]) == 0
    path = bank / "01-main.yaml"
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:3: fixed '\u2013' (an en dash) starting a question -> '- '",
        f"{path}:15:3: fixed '\u2022' (a bullet) and a tab starting a question -> '- '",
    ]
    fixed = text.replace("  \u2013 id: q1", "  - id: q1").replace("  \u2022\tid: q2", "  - id: q2")
    assert path.read_text(encoding="utf-8") == fixed  # the dash in the '|' text is its own


@pytest.mark.parametrize(("dash", "name"), DASHES)
def test_fix_types_the_dash_and_keeps_the_note_after_it(tmp_path, capsys, dash, name):
    # The first question's note ended its text where YAML read it as a key (review s33)
    text = broken(TWO, "  - id: q1", f"  {dash} id: q1   # q1 comment")
    text = broken(text, "  - id: q2", f"  {dash} id: q2  # q2 comment")
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    assert main(["lint", "--fix", str(bank)]) == 0
    path = bank / "01-main.yaml"
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:3: fixed '{dash}' ({name}) starting a question -> '- '",
        f"{path}:14:3: fixed '{dash}' ({name}) starting a question -> '- '",
    ]
    assert path.read_text(encoding="utf-8") == TWO.replace(
        "  - id: q1", "  - id: q1   # q1 comment"
    ).replace("  - id: q2", "  - id: q2  # q2 comment")


TIPS = 'exam_tips:\n  - "Read each option."\n  {} Routers work at layer 3.\n'


@pytest.mark.parametrize(
    ("tips", "line"),
    [
        pytest.param(TIPS.format("*"), 5, id="below a tip"),
        pytest.param("exam_tips:\n  * Routers work at layer 3.\n", 4, id="the first tip"),
    ],
)
def test_a_markdown_star_for_an_exam_tips_dash_is_named_and_fixed(tmp_path, capsys, tips, line):
    # '* ' is an alias to YAML, never a text: quoting the line would keep the star in the
    # tip (review s35-author #2)
    text = section_yaml(QUESTION, extra=tips)
    assert syntax_problems(tmp_path, text) == [
        (
            line,
            3,
            "yaml-syntax",
            "'*' (a Markdown bullet) is not the '-' that starts a list item",
            "type an ordinary '-' in its place (shortened here; exambank lint --fix does this): "
            "- Routers work at…",
        )
    ]
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    assert main(["lint", "--fix", str(bank)]) == 0
    path = bank / "01-main.yaml"
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{line}:3: fixed '*' (a Markdown bullet) starting a list item -> '- '"
    ]
    assert path.read_text(encoding="utf-8") == text.replace("  * Routers", "  - Routers")


def test_a_markdown_bullet_is_taken_for_a_dash_only_where_list_items_stand(tmp_path):
    # Under a text's key, '* ' starts a text YAML refuses: it is quoted. Under 'exam_tips:',
    # '+ first tip' is a text YAML reads (the schema's to report). A question's '* ' is
    # its dash.
    starred = QUESTION.replace("SageMaker covers", "\n  * SageMaker covers")
    assert syntax_problems(tmp_path, section_yaml(starred)) == [
        (
            13,
            7,
            "yaml-syntax",
            "text starting with '*' must be quoted",
            'write the whole text quoted (shortened here): "* SageMaker covers…"',
        )
    ]
    text = section_yaml(QUESTION, SECOND, extra="exam_tips:\n  + Read each option.\n")
    assert syntax_problems(tmp_path, broken(text, "  - id: q2", "  * id: q2")) == [
        (
            15,
            3,
            "yaml-syntax",
            "'*' (a Markdown bullet) is not the '-' that starts a question",
            f"type an ordinary '-' in its place{FIXED_BY_LINT}: - id: q2",
        )
    ]


@pytest.mark.parametrize(("dash", "name"), DASHES)
def test_a_dash_typed_for_a_questions_dash_below_another_slip_is_named_too(tmp_path, dash, name):
    # The slip above is no line lint mends, so only reading each question on its own finds
    # the dash: its question is one of its own, not more of the one above
    starred = QUESTION.replace("SageMaker covers", "\n  * SageMaker covers")
    text = broken(section_yaml(starred, SECOND), "  - id: q2", f"  {dash} id: q2")
    assert [found[:4] for found in syntax_problems(tmp_path, text)] == [
        (13, 7, "yaml-syntax", "text starting with '*' must be quoted"),
        (14, 3, "yaml-syntax", f"'{dash}' ({name}) is not the '-' that starts a question"),
    ]
