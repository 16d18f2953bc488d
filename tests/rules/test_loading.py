"""yaml-syntax, encoding, duplicate-key: every bad file gets a located diagnostic, never a
traceback, in bounded time."""

import os
import textwrap

import pytest

from exambank.cli import main
from exambank.lint import lint
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank


def diagnostics_for(lint_bank, content):
    return [(d.rule, d.line, d.column) for d in lint_bank({"01-main.yaml": content}).diagnostics]


def test_syntax_error_points_at_the_fault(lint_bank):
    broken = section_yaml(QUESTION).replace("answer: A", "answer: [A")
    [(rule, line, _)] = diagnostics_for(lint_bank, broken)
    assert rule == "yaml-syntax" and line >= 11


def test_unquoted_colon_gets_a_hint(lint_bank):
    broken = section_yaml(QUESTION).replace("Which AWS", "Which: AWS")
    [found] = lint_bank({"01-main.yaml": broken}).diagnostics
    assert (found.rule, found.line) == ("yaml-syntax", 5)
    assert "quoted" in (found.hint or "")


def test_duplicate_key_is_reported_at_its_second_occurrence(lint_bank):
    doubled = section_yaml(QUESTION.replace("answer: A", "answer: A\nanswer: B"))
    found = [
        d for d in lint_bank({"01-main.yaml": doubled}).diagnostics if d.rule == "duplicate-key"
    ]
    assert [(d.line, d.column) for d in found] == [(12, 5)]
    assert (found[0].message, found[0].hint) == (
        "key 'answer' repeats (first at line 11)",
        "keep one of them; YAML readers silently drop one",
    )


def test_a_repeated_stem_may_be_a_second_question_not_a_key_to_drop(lint_bank):
    """Two questions under one '- id:' line (a merge's both sides kept): "keep one of
    them" would lose one. The keys repeating after it may be the second question's."""
    doubled = section_yaml(
        QUESTION.replace("answer: A", "stem: Which service runs code?\nanswer: A\nanswer: B")
    )
    found = [
        (d.line, d.column, d.message, d.hint)
        for d in lint_bank({"01-main.yaml": doubled}).diagnostics
        if d.rule == "duplicate-key"
    ]
    assert found == [
        (
            11,
            5,
            "key 'stem' repeats in one question (first at line 5): it may start a second "
            "question whose '- id:' line is missing",
            "two questions (both sides of a merge kept)? start the second with its own "
            "'- id:' line and a new id, and give it its own options, answer and explanation; "
            "else keep one 'stem': YAML readers silently drop one",
        ),
        (
            13,
            5,
            "key 'answer' repeats (first at line 12), in the question whose 'stem' repeats "
            "at line 11",
            "if that stem starts a second question, this 'answer' may be that question's: "
            "move it there; else keep one of them",
        ),
    ]


def test_a_question_that_lost_its_dash_is_one_error_that_says_so(lint_bank):
    second = QUESTION.replace("id: q1", "id: q2")
    run_together = section_yaml(QUESTION) + textwrap.indent(second, "    ")
    found = lint_bank({"01-main.yaml": run_together}).diagnostics
    assert [(d.rule, d.line, d.column) for d in found] == [("duplicate-key", 13, 5)]
    assert found[0].message == (
        "key 'id' repeats in one question (first at line 4): without a '- ' before it, "
        "a new question runs into the one above"
    )
    assert found[0].hint and found[0].hint.startswith("start the new question with '- '")


def test_a_key_term_that_lost_its_dash_is_told_the_same(lint_bank):
    terms = "key_terms:\n  - term: AMT\n    definition: Tuning.\n    term: HPO\n    definition: x\n"
    found = lint_bank({"01-main.yaml": section_yaml(QUESTION, extra=terms)}).diagnostics
    assert [(d.rule, d.line) for d in found] == [("duplicate-key", 6)]
    assert "repeats in one key term" in found[0].message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            section_yaml(QUESTION) + textwrap.indent(QUESTION.replace("id: q1", "-id: q2"), "    "),
            (13, "unknown key '-id' in question q1"),
            id="question",
        ),
        pytest.param(
            section_yaml(
                QUESTION,
                extra="key_terms:\n  - term: AMT\n    definition: Tuning.\n"
                "    -term: HPO\n    definition: x\n",
            ),
            (6, "unknown key '-term' in key term 1"),
            id="key-term",
        ),
    ],
)
def test_an_item_whose_dash_lost_its_space_is_one_error_at_its_first_key(
    lint_bank, content, expected
):
    # Its other keys repeat the item above's: the '-id' finding explains them all (a
    # 'key repeats / keep one of them' for each would have the author delete the item).
    found = lint_bank({"01-main.yaml": content}).diagnostics
    assert [(d.rule, d.line, d.column, d.message) for d in found] == [
        ("schema", expected[0], 5, expected[1])
    ]


# A second question with the keys the first one lacks: a type whose answer count the
# first one's answer breaks, tags, a difficulty, a suppression.
_FULLER_SECOND = QUESTION.replace("id: q1", "id: q2").replace("answer: A", "answer: [A, C]") + (
    "type: multiple\ntags: [ports]\ndifficulty: hard\nlint: {ignore: [negative-stem], reason: x}\n"
)


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("-id: q2", ("schema", "unknown key '-id' in question q1")),
        ("id: q2", ("duplicate-key", "key 'id' repeats in one question")),
    ],
    ids=["no space after the dash", "no dash"],
)
def test_a_run_together_question_lends_none_of_its_keys_to_the_one_above(
    lint_bank, tmp_path, first_line, expected
):
    # Merged into q1, its 'type: multiple' would make q1's one answer an answer-count
    # error, and its tags q1's: the one finding at its first key is all there is to fix.
    # (A file holding a glued item is read twice: the title's repeat is still told once.)
    second = _FULLER_SECOND.replace("id: q2", first_line, 1)
    content = section_yaml(QUESTION).replace("title: Main", "title: Main\ntitle: Again")
    content += textwrap.indent(second, "    ")
    found = lint_bank({"01-main.yaml": content}).diagnostics
    assert [(d.rule, d.line) for d in found] == [("duplicate-key", 3), (expected[0], 14)]
    assert found[1].message.startswith(expected[1])
    path = tmp_path / "file.yaml"
    path.write_text(content, encoding="utf-8")
    source = read_source(path)[0]
    first_question = source.data["questions"][0]
    kept = {"id", "stem", "options", "answer", "explanation"} | (
        {"-id"} if first_line.startswith("-") else set()
    )
    assert set(first_question) == kept and first_question["answer"] == "A"
    assert {path[2] for path in source.keys if path[:2] == ("questions", 0)} == kept


@pytest.mark.parametrize(
    ("second", "third"),
    [("-id: q2", "-id: q3"), ("id: q2", "id: q3"), ("-id: q2", "id: q3"), ("id: q2", "-id: q3")],
    ids=["glued, glued", "no dash, no dash", "glued, no dash", "no dash, glued"],
)
def test_every_new_question_run_into_the_one_above_is_told_at_its_first_key(
    lint_bank, second, third
):
    # The author fixes them all in one go, not one per run of lint.
    told = {
        "-id: q2": ("schema", "unknown key '-id' in question q1", "write '- id: q2'"),
        "-id: q3": ("schema", "unknown key '-id' in question q1", "write '- id: q3'"),
        "id: q2": ("duplicate-key", "key 'id' repeats in one question (first at line 4)", "'- '"),
        "id: q3": ("duplicate-key", "key 'id' repeats in one question (first at line 4)", "'- '"),
    }
    questions = [QUESTION.replace("id: q1", first) for first in (second, third)]
    content = section_yaml(QUESTION) + "".join(textwrap.indent(q, "    ") for q in questions)
    fourth = QUESTION.replace("id: q1", "id: q4").replace("trains, tunes", "labels data")
    content += "  - " + textwrap.indent(fourth, "    ")[4:]  # read as it is written
    found = lint_bank({"01-main.yaml": content}).diagnostics
    assert [(d.rule, d.line, d.column) for d in found] == [
        (told[second][0], 13, 5),
        (told[third][0], 22, 5),
    ]
    for finding, first in zip(found, (second, third), strict=True):
        _, message, hint = told[first]
        assert finding.message.startswith(message) and hint in (finding.hint or "")


def test_a_new_key_term_glued_on_after_another_is_told_too(lint_bank):
    terms = (
        "key_terms:\n  - term: AMT\n    definition: Tuning.\n"
        "    -term: HPO\n    definition: x\n    -term: RAG # retrieval\n    definition: y\n"
    )
    found = lint_bank({"01-main.yaml": section_yaml(QUESTION, extra=terms)}).diagnostics
    assert [(d.line, d.message, d.hint) for d in found] == [
        (6, "unknown key '-term' in key term 1", _glued_hint("key term", "term: HPO")),
        (8, "unknown key '-term' in key term 1", _glued_hint("key term", "term: RAG")),
    ]


def _glued_hint(item, written):
    return (
        f"a new {item} starts with '- ': write '- {written}' in line with the other {item}s' dashes"
    )


def test_every_duplicate_key_in_the_file_is_reported(lint_bank):
    doubled = section_yaml(QUESTION).replace("title: Main", "title: Main\ntitle: Again\nid: x")
    found = [
        d for d in lint_bank({"01-main.yaml": doubled}).diagnostics if d.rule == "duplicate-key"
    ]
    assert [d.line for d in found] == [3, 4]


def test_latin1_file_is_reported_at_the_bad_byte(lint_bank):
    content = section_yaml(QUESTION).replace("Main", "Caf\xe9").encode("latin-1")
    assert diagnostics_for(lint_bank, content) == [("encoding", 2, 11)]


def test_bom_and_crlf_are_read_correctly(lint_bank):
    content = b"\xef\xbb\xbf" + section_yaml(QUESTION).replace("\n", "\r\n").encode()
    assert diagnostics_for(lint_bank, content) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"# only a comment\n", "only comments"), (b"- a\n- b\n", "a list")],
)
def test_empty_and_non_mapping_files(lint_bank, content, message):
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line) == ("schema", 1) and message in found.message


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [("null\n", 1, 1), ("~\n", 1, 1), ("---\n", 2, 1), ("# a note\n--- ~\n", 2, 5)],
    ids=["null", "tilde", "document start alone", "comment and empty document"],
)
@pytest.mark.parametrize("file", ["01-main.yaml", "bank.yaml"], ids=["section", "manifest"])
def test_a_file_of_one_empty_value_is_an_error_not_a_lost_section(
    lint_bank, file, content, line, column
):
    """A section file holding only '---' passed lint, and the build left its section out
    without a word; a manifest holding only 'null' passed too."""
    sections = {"01-main.yaml": section_yaml(QUESTION)}
    manifest = None
    if file == "bank.yaml":
        manifest = content
    else:
        sections[file] = content
    [found] = [d for d in lint_bank(sections, manifest).diagnostics if d.path.endswith(file)]
    assert (found.severity, found.rule, found.line, found.column) == (
        "error",
        "schema",
        line,
        column,
    )
    assert found.message == (
        "the file holds one empty value ('---', '~' or 'null' alone), not a mapping"
    )


def test_alias_bomb_is_refused_quickly(lint_bank):
    bomb = "id: main\ntitle: Main\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(9)
    )
    found = lint_bank({"01-main.yaml": bomb}).diagnostics
    assert "yaml-syntax" in {d.rule for d in found}
    assert any("aliases" in d.message for d in found)


def test_an_alias_is_told_as_an_alias_not_as_an_empty_value(lint_bank):
    # 'options: *hosts' is read as nothing: "options is empty" would be wrong, and the
    # alias error says what to do.
    first = QUESTION.replace("options:", "options: &hosts")
    second = QUESTION.replace("id: q1", "id: q2").split("options:")[0]
    second += "options: *hosts\nanswer: B\nexplanation: The same options.\n"
    found = lint_bank({"01-main.yaml": section_yaml(first, second)}).diagnostics
    assert [(d.line, d.rule, d.message.split(" (")[0]) for d in found] == [
        (6, "yaml-syntax", "the anchor '&hosts' is not supported in bank files"),
        (15, "yaml-syntax", "anchors and aliases"),
    ]


@pytest.mark.parametrize("nesting", [b"[" * 100_000, b"- " * 100_000, b"a: " + b"{" * 50_000])
def test_absurd_nesting_is_a_diagnostic_not_a_crash(lint_bank, nesting):
    found = lint_bank({"01-main.yaml": nesting}).diagnostics
    assert "yaml-syntax" in {d.rule for d in found} and len(found) <= 2


def test_two_documents_in_one_file(lint_bank):
    [found] = lint_bank({"01-main.yaml": section_yaml(QUESTION) + "---\nid: b\n"}).diagnostics
    assert found.rule == "yaml-syntax" and "'---'" in (found.hint or "")


def test_a_control_character_is_reported_where_it_is(lint_bank):
    content = section_yaml(QUESTION).replace("title: Main", "title: Ma\x07in")
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 2, 10)
    assert "U+0007" in found.message and "\n" not in found.message


def test_an_unclosed_quote_is_reported_where_it_opens(lint_bank):
    content = section_yaml(QUESTION).replace("title: Main", 'title: "Main')
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 2, 8)
    assert "close the quote" in (found.hint or "")


@pytest.mark.parametrize(
    ("written", "value", "typed"),
    [
        ("A", "A", None),  # an answer letter: text, and no resolver asked
        ("s1-q0", "s1-q0", None),
        ("N", "N", None),
        ("yes", True, ("boolean", "yes")),  # YAML 1.1's boolean: PyYAML would read True
        ("Off", False, ("boolean", "Off")),
        ("true", True, ("boolean", "true")),
        ("FALSE", False, ("boolean", "FALSE")),
        ("null", None, ("null", "null")),
        ("~", None, ("null", "~")),
        ("", None, ("null", "")),
        ("12", 12, ("number", "12")),
        (".5", 0.5, ("number", ".5")),
        ("0x1F", 31, ("number", "0x1F")),
        ("2 GB", "2 GB", None),
        ("Yesterday", "Yesterday", None),
        ("4:1", 241, ("number", "4:1")),  # YAML 1.1's base 60: PyYAML would read 241
        ("12:30:00", 45000, ("number", "12:30:00")),
        ("1:1.", 61.0, ("number", "1:1.")),
        ("-1:30", -90, ("number", "-1:30")),
        ("1:60", "1:60", None),  # no base-60 digit: text for every reader
        ("10:30 UTC", "10:30 UTC", None),
        # YAML 1.1's date: read as the text, told as a date (PyYAML would read a date)
        ("2024-01-01", "2024-01-01", ("date", "2024-01-01")),
        ("2024-02-30", "2024-02-30", ("date", "2024-02-30")),  # PyYAML fails on it
        (
            "2001-12-14 21:59:43.10 -5",
            "2001-12-14 21:59:43.10 -5",
            ("date", "2001-12-14 21:59:43.10 -5"),
        ),
    ],
)
def test_plain_scalars_are_read_as_yaml_types_them(tmp_path, written, value, typed):
    path = tmp_path / "file.yaml"
    path.write_text(f"key: {written}\n", encoding="utf-8")
    source, problems = read_source(path)
    assert problems == []
    assert source.data == {"key": value}
    assert source.typed_scalars.get(("key",)) == typed


@pytest.mark.parametrize(
    ("written", "column", "shown"),
    [
        ("title: !!str 1.0", 8, "!!str"),
        ("title: !!int abc", 8, "!!int"),
        ("title: !!set {x}", 8, "!!set"),
        ("title: !custom [a]", 8, "!custom"),
        ("title: ! Main", 8, "!"),
        ("!!str title: Main", 1, "!!str"),
    ],
)
def test_a_tag_is_an_error_at_the_tag(lint_bank, written, column, shown):
    content = section_yaml(QUESTION).replace("title: Main", written)
    found = [d for d in lint_bank({"01-main.yaml": content}).diagnostics if d.rule == "yaml-syntax"]
    assert [(d.line, d.column) for d in found] == [(2, column)]
    assert f"the tag '{shown}' is not supported" in found[0].message
    assert "quote the whole value if the '!' belongs to the text" in (found[0].hint or "")


def test_a_tagged_scalar_is_read_as_written_not_typed(tmp_path):
    path = tmp_path / "file.yaml"
    path.write_text("key: !!str 1.0\nplain: an exclamation!\n", encoding="utf-8")
    source, problems = read_source(path)
    assert [problem.rule for problem in problems] == ["yaml-syntax"]
    assert source.data == {"key": "1.0", "plain": "an exclamation!"}
    assert source.typed_scalars == {}


@pytest.mark.parametrize(("title", "column"), [("café \x07", 13), ("D \U0001f600 \x07", 12)])
def test_a_control_character_after_wide_characters_is_placed_by_character(lint_bank, title, column):
    # libyaml counts the offset in UTF-8 bytes; an editor counts characters.
    content = section_yaml(QUESTION).replace("title: Main", f"title: {title}")
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 2, column)


def test_a_bad_byte_after_a_byte_order_mark_is_placed_and_named(lint_bank):
    content = b"\xef\xbb\xbf" + section_yaml(QUESTION).replace(
        "title: Main", "title: bad \xff byte"
    ).encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line, found.column) == ("encoding", 2, 12)
    assert "byte 0xff" in found.message


@pytest.mark.parametrize("other_break", ["\u2028", "\x85", "\u2029"])
def test_lines_are_counted_as_an_editor_counts_them(lint_bank, other_break):
    # libyaml also breaks lines at NEL, LS and PS; editors and grep do not.
    stem = f'"Which{other_break}one{other_break}here?"'
    question = QUESTION.replace("answer: A", "answer: E\nanswer: A")
    content = section_yaml(question).replace(
        "stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {stem}"
    )
    lines = content.split("\n")
    answer_line = next(n for n, line in enumerate(lines, 1) if "answer: E" in line)
    found = {d.rule: d for d in lint_bank({"01-main.yaml": content}).diagnostics}
    duplicate = found["duplicate-key"]
    assert (duplicate.line, duplicate.column) == (answer_line + 1, 5)
    assert f"first at line {answer_line}" in duplicate.message
    assert found["answer-not-in-options"].line == answer_line


def test_a_text_that_starts_with_an_exclamation_mark_is_told_to_quote_it(lint_bank):
    # libyaml reads "!= means ..." as the tag "!=" on the text "means ..."
    content = section_yaml(QUESTION).replace("title: Main", "title: != means not equal")
    [found] = [d for d in lint_bank({"01-main.yaml": content}).diagnostics]
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 2, 8)
    assert "the tag '!=' is not supported" in found.message
    assert "quote the whole value" in (found.hint or "")


def test_a_bad_byte_on_the_first_line_after_a_byte_order_mark_is_placed_right(lint_bank):
    content = b"\xef\xbb\xbfid: s\xff\n"
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert (found.rule, found.line, found.column) == ("encoding", 1, 6)


def test_a_syntax_error_from_a_line_separator_names_it(lint_bank):
    # An editor shows one line; YAML sees a line break in the plain text and stumbles.
    content = section_yaml(QUESTION).replace("title: Main", "title: Main # note\u2028 more")
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert found.rule == "yaml-syntax"
    assert "2:19 holds U+2028, a line break to YAML that editors do not show" in (found.hint or "")


def test_lone_carriage_returns_count_as_lines_beside_a_line_separator(lint_bank):
    content = section_yaml(QUESTION).replace("title: Main", 'title: "A\u2028B"\nx-extra: 1')
    content = content.replace("\n", "\r")
    found = [d for d in lint_bank({"01-main.yaml": content}).diagnostics if d.rule == "schema"]
    assert [(d.line, d.column) for d in found] == [(3, 1)]  # the unknown key, as an editor shows it


def test_a_bad_byte_in_a_file_with_lone_carriage_returns_is_on_its_line(lint_bank):
    [found] = lint_bank({"01-main.yaml": b"id: main\rtitle: T\rsummary: \xff\r"}).diagnostics
    assert (found.rule, found.line, found.column) == ("encoding", 3, 10)


def test_a_line_separator_outside_quotes_is_an_error_where_it_is(lint_bank):
    # an editor shows "title: Main summary: two"; YAML reads two keys
    content = section_yaml(QUESTION).replace("title: Main", "title: Main\u2028summary: two")
    found = [d for d in lint_bank({"01-main.yaml": content}).diagnostics]
    assert [(d.rule, d.line, d.column) for d in found] == [("yaml-syntax", 2, 12)]
    assert "U+2028, a line break to YAML that editors do not show" in found[0].message
    assert found[0].hint == "delete it, or put the text in double quotes"


def test_a_line_separator_inside_quotes_is_text(lint_bank):
    content = section_yaml(QUESTION).replace("title: Main", 'title: "Ma\u2028in"')
    assert lint_bank({"01-main.yaml": content}).diagnostics == []


def test_the_hint_names_the_line_separator_before_the_error_not_the_first(lint_bank):
    content = section_yaml(QUESTION).replace(
        "title: Main", 'title: "quoted\u2028is fine"\nsummary: Main # note\u2028 more'
    )
    [found] = lint_bank({"01-main.yaml": content}).diagnostics
    assert found.rule == "yaml-syntax" and (found.hint or "").startswith("3:21 holds U+2028")


def test_a_link_out_of_the_bank_is_neither_read_nor_rewritten(tmp_path, capsys):
    # a bank must not quote a file it does not hold into CI logs, nor fmt, --fix or
    # new rewrite one through a link
    outside = tmp_path / "outside.yaml"
    outside.write_text(section_yaml(QUESTION.replace("answer: A", "answer: a")), "utf-8")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    linked = root / "02-more.yaml"
    linked.symlink_to(outside)
    (root / "03-inside.yaml").symlink_to(root / "01-main.yaml")  # inside: read as usual
    found = [(d.path, d.rule, d.message) for d in lint([root]).diagnostics]
    assert (
        str(linked),
        "yaml-syntax",
        "the file is a link to a file outside its bank folder",
    ) in found
    assert not any(
        path.endswith("03-inside.yaml") and rule == "yaml-syntax" for path, rule, _ in found
    )
    before = outside.read_bytes()
    for command in (
        ["fmt", str(root)],
        ["lint", "--fix", str(root)],
        ["new", "q9", "--section", str(linked)],
    ):
        main(command)
        assert "outside its bank folder" in capsys.readouterr().err, command
    assert outside.read_bytes() == before


def test_a_pipe_is_refused_not_read_forever(tmp_path):
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    os.mkfifo(root / "02-pipe.yaml")
    found = [(d.rule, d.message) for d in lint([root]).diagnostics]
    assert ("yaml-syntax", "not a file (a device or a pipe)") in found
