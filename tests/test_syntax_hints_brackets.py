"""A '[' or '{' nothing closes is told where it opens, not on the line libyaml reads on
to, and the hint's line, typed as shown, makes the bank lint clean
(exambank/syntax_hints/brackets.py)."""

from __future__ import annotations

import pytest

from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, syntax_problems

# q1 on lines 4-12: '  - id: q1' on line 4, its options on lines 6-10, 'answer: A' on 11.
SECTION = section_yaml(QUESTION)
SECOND = QUESTION.replace("id: q1", "id: q2")
TWO = section_yaml(QUESTION, SECOND)  # q2's '- id' on line 13
TAGS = "    answer: A\n    tags: [aws, ml]"


def with_tags(text):
    return text.replace("    answer: A\n", f"{TAGS}\n", 1)


CASES = [
    pytest.param(
        SECTION,
        "    answer: A",
        "    answer: [A",
        (11, 13, "the list that opens here is not closed"),
        "close it with ']' after its last item: write 'answer: [A]'",
        id="answer list before the next key",
    ),
    pytest.param(
        SECTION,
        "    answer: A",
        "    answer: {A",
        (11, 13, "the mapping that opens here is not closed"),
        "a list is written in square brackets: write 'answer: [A]'",
        id="answer typed with a brace",
    ),
    pytest.param(
        TWO,
        "    answer: A\n    explanation: SageMaker covers the whole ML lifecycle.\n  - id: q2",
        "    explanation: SageMaker covers the whole ML lifecycle.\n    answer: [A\n  - id: q2",
        (12, 13, "the list that opens here is not closed"),
        "close it with ']' after its last item: write 'answer: [A]'",
        id="list before the next question's dash",
    ),
    pytest.param(
        with_tags(SECTION),
        "    tags: [aws, ml]",
        "    tags: [aws, [ml, ai]  # to sort",
        (12, 11, "the list that opens here is not closed"),
        "close it with ']' after its last item: write 'tags: [aws, [ml, ai]]  # to sort'",
        id="nested list with a note after it",
    ),
    pytest.param(
        with_tags(SECTION),
        "    tags: [aws, ml]",
        "    tags: [aws,\n      ml",
        (12, 11, "the list that opens here is not closed"),
        "close it with ']' at the end of line 13: write 'ml]'",
        id="list over two lines",
    ),
    pytest.param(
        with_tags(SECTION).replace(
            "    explanation: SageMaker covers the whole ML lifecycle.\n", ""
        ),
        "    tags: [aws, ml]",
        "    tags: [aws, ml",
        (12, 11, "the list that opens here is not closed"),
        "close it with ']' after its last item: write 'tags: [aws, ml]'",
        id="list at the end of the file",
    ),
    pytest.param(
        SECTION,
        "questions:",
        "questions: [",
        (3, 12, "the list that opens here is not closed"),
        "delete the '[': the '- ' items below are a list already: write 'questions:'",
        id="bracket above the questions",
    ),
    pytest.param(
        SECTION,
        "    options:",
        "    options: {",
        (6, 14, "the mapping that opens here is not closed"),
        "delete the '{': the keys below are a mapping already: write 'options:'",
        id="brace above the options",
    ),
]


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_an_unclosed_bracket_is_told_where_it_opens(tmp_path, text, old, new, expected, hint):
    assert text.count(old) == 1, old
    [found] = syntax_problems(tmp_path, text.replace(old, new))
    assert found == (*expected[:2], "yaml-syntax", expected[2], hint)


@pytest.mark.parametrize(("text", "old", "new", "expected", "hint"), CASES)
def test_the_line_the_hint_shows_makes_the_file_read(tmp_path, text, old, new, expected, hint):
    broken = text.replace(old, new)
    [(_, _, _, _, said)] = syntax_problems(tmp_path, broken)
    shown = said.rsplit(": write '", 1)[1][:-1]
    line = int(said.split("line ")[1].split(":")[0]) if "at the end of line" in said else None
    lines = broken.split("\n")
    row = expected[0] - 1 if line is None else line - 1
    written = lines[row]
    lines[row] = written[: len(written) - len(written.lstrip(" -"))] + shown
    assert syntax_problems(tmp_path, "\n".join(lines)) == []


# A question written inline, its stem ending in '?': libyaml ends a plain text in brackets
# at a '?' ("did not find expected ',' or '}'"), which ruamel.yaml reads as text.
INLINE = (
    "id: main\ntitle: Main\nquestions:\n"
    "  - {id: q1, stem: Which is right?, options: {A: Alpha, B: Beta}, answer: A,"
    " explanation: EXPLAINED}\n"
)
QUESTION_MARK_CASES = [
    pytest.param(
        INLINE.replace("EXPLAINED", "Alpha."),
        "write it quoted: 'stem: \"Which is right?\"'",
        id="stem",
    ),
    pytest.param(
        INLINE.replace("EXPLAINED", "Why not Beta?"),
        "write it quoted: 'stem: \"Which is right?\"'; quote the other text with a '?' in "
        "these brackets too",
        id="stem and explanation",
    ),
]


@pytest.mark.parametrize(("text", "hint"), QUESTION_MARK_CASES)
def test_a_question_mark_in_text_inside_braces_is_told_to_quote_it(tmp_path, text, hint):
    found = syntax_problems(tmp_path, text)
    message = "text with a '?' inside {...} must be quoted"
    assert found == [(4, 20, "yaml-syntax", message, hint)]


def test_the_text_quoted_as_the_hint_shows_makes_the_file_read(tmp_path):
    text = INLINE.replace("EXPLAINED", "Why not Beta?")
    [(_, _, _, _, hint)] = syntax_problems(tmp_path, text)
    shown = hint.split(": '", 1)[1].split("'", 1)[0]
    mended = text.replace("stem: Which is right?", shown).replace(
        "Why not Beta?", '"Why not Beta?"'
    )
    assert syntax_problems(tmp_path, mended) == []


_OPTIONS = "".join(f"    {line}\n" for line in QUESTION.split("\n") if line.startswith("  "))
BLOCK = section_yaml(QUESTION).replace(_OPTIONS, "      OPTIONS\n")
QUESTION_MARK_MENDS = [
    pytest.param(  # review s38 #9: it quoted '"why?: x"', and the key lost its value
        "    options: {A: Alpha, why?: x}",
        (6, 25, "write it quoted: '\"why?\"'"),
        "why?",
        {"A": "Alpha", "why?": "x"},
        id="a key: quoted to its ': '",
    ),
    pytest.param(  # it showed 'A:\t"Is it right?"', a tab written as '\t'
        "    options: {A:\tIs it right?, B: Beta}",
        (6, 18, "write it quoted: 'A: \"Is it right?\"'"),
        "A:\tIs it right?",
        {"A": "Is it right?", "B": "Beta"},
        id="a tab after the key's ':' shown as a space",
    ),
    pytest.param(  # libyaml's own words were all it said
        "    options: {A: The first one,\n      B: is it\n        right?}",
        (7, 10, "write it quoted: 'B: \"is it right?\"'"),
        "B: is it\n        right?",
        {"A": "The first one", "B": "is it right?"},
        id="a text wrapped inside braces",
    ),
]


@pytest.mark.parametrize(("options", "said", "written", "read"), QUESTION_MARK_MENDS)
def test_a_question_mark_text_quoted_as_shown_reads_as_typed(
    tmp_path, options, said, written, read
):
    text = BLOCK.replace("    options:\n      OPTIONS", options)
    line, column, hint = said
    message = "text with a '?' inside {...} must be quoted"
    assert syntax_problems(tmp_path, text) == [(line, column, "yaml-syntax", message, hint)]
    shown = hint.split(": '", 1)[1][:-1]
    path = tmp_path / "01-main.yaml"
    path.write_text(text.replace(written, shown), encoding="utf-8")
    assert read_source(path)[0].data["questions"][0]["options"] == read


def test_a_colon_in_a_keys_text_inside_braces_is_told_to_quote_the_text(tmp_path):
    # review s38 #9: libyaml's own words were all it said
    text = BLOCK.replace("    options:\n      OPTIONS", "    options: {A: Note: pick one, B: Beta}")
    message = "text with ': ' inside {...} must be quoted"
    hint = "write it quoted: 'A: \"Note: pick one\"'"
    assert syntax_problems(tmp_path, text) == [(6, 18, "yaml-syntax", message, hint)]
    path = tmp_path / "01-main.yaml"
    path.write_text(text.replace("A: Note: pick one", 'A: "Note: pick one"'), encoding="utf-8")
    assert read_source(path)[0].data["questions"][0]["options"] == {
        "A": "Note: pick one",
        "B": "Beta",
    }


@pytest.mark.parametrize(
    ("tags", "said", "read"),
    [
        pytest.param(
            "[a: b: c]",
            (12, 12, "write it quoted: '\"a: b: c\"'"),
            ["a: b: c"],
            id="the only item",
        ),
        pytest.param(
            "[aws, see: Note: ml, ai]",
            (12, 17, "write it quoted: '\"see: Note: ml\"'"),
            ["aws", "see: Note: ml", "ai"],
            id="an item between others",
        ),
    ],
)
def test_a_colon_in_a_lists_item_is_told_to_quote_the_whole_item(tmp_path, tags, said, read):
    # libyaml's "did not find expected ',' or ']'" was all it said
    text = with_tags(SECTION).replace("[aws, ml]", tags)
    line, column, hint = said
    message = "text with ': ' inside [...] must be quoted"
    assert syntax_problems(tmp_path, text) == [(line, column, "yaml-syntax", message, hint)]
    shown = hint.split(": '", 1)[1][:-1]
    path = tmp_path / "01-main.yaml"
    path.write_text(text.replace(shown.strip('"'), shown), encoding="utf-8")
    assert read_source(path)[0].data["questions"][0]["tags"] == read
