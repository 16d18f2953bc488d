"""manifest and duplicate-id."""

import pytest

from exambank.rules.duplicate_ids import HINT
from tests.conftest import QUESTION, rules_of, section_yaml

MANIFEST = "id: test-bank\ntitle: Test\nsections:\n  - one\n  - two\n"


def only(rule, found):
    return [(d.path.rsplit("/", 1)[-1], d.line, d.message) for d in found if d.rule == rule]


def test_listed_section_without_a_file(lint_bank):
    found = lint_bank({"01-one.yaml": section_yaml(QUESTION, section_id="one")}, MANIFEST)
    assert only("manifest", found.diagnostics) == [("bank.yaml", 5, "section 'two' has no file")]


@pytest.mark.parametrize("entry", ["02-two.yaml", "two.yaml", "two.YML", "02-two"])
def test_section_listed_by_its_file_name_gets_the_id_to_write(lint_bank, entry):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="two"),
    }
    found = lint_bank(sections, MANIFEST.replace("- two", f"- {entry}")).diagnostics
    [(name, line, message)] = only("manifest", found)
    assert (name, line) == ("bank.yaml", 5) and "is a file name" in message
    [hint] = [d.hint for d in found if d.rule == "manifest"]
    assert hint.startswith("write 'two'")


@pytest.mark.parametrize(
    ("entry", "hint", "suggested"),
    [
        ("three.yaml", "write 'three' (an id), create three.yaml (e.g. 02-three.yaml)", "three"),
        ('"three\\n"', None, None),  # no id: the schema says so; no file name to suggest
        ("Three Things", None, "three-things"),
        ("网络", None, None),  # nothing to suggest: an example
    ],
)
def test_listed_entry_that_is_no_id_suggests_no_file_named_for_it(
    lint_bank, entry, hint, suggested
):
    sections = {"01-one.yaml": section_yaml(QUESTION, section_id="one")}
    found = lint_bank(sections, MANIFEST.replace("- two", f"- {entry}")).diagnostics
    hints = [d.hint for d in found if d.rule == "manifest"]
    assert hints == ([f"{hint} or remove it from sections"] if hint else [])
    [schema] = [d for d in found if d.rule == "schema"]
    rule = "ids use lowercase letters, digits and single hyphens"
    if suggested:  # the id the manifest rule writes too, as `exambank new` makes one
        assert schema.hint == f"{rule}; did you mean '{suggested}'?"
    elif "\\" not in entry:  # a section's id for an example, not a question's 'amt-q1'
        assert schema.hint == f"{rule}, e.g. 'amt'"


def test_file_not_listed(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="two"),
        "03-extra.yaml": section_yaml(section_id="extra"),
    }
    found = lint_bank(sections, MANIFEST).diagnostics
    assert only("manifest", found) == [
        ("03-extra.yaml", 1, "03-extra.yaml is not listed in bank.yaml")
    ]


def test_file_whose_id_differs_from_its_entry(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="deux"),
    }
    [(name, line, message)] = only("manifest", lint_bank(sections, MANIFEST).diagnostics)
    assert (name, line) == ("02-two.yaml", 1) and "'deux'" in message


def test_missing_manifest(tmp_path):
    from exambank.lint import lint

    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "01-one.yaml").write_text(section_yaml(QUESTION, section_id="one"))
    found = lint([tmp_path / "bank" / "01-one.yaml"]).diagnostics
    assert [d.rule for d in found] == ["manifest"] and "no bank.yaml" in found[0].message


def test_consistent_manifest_passes(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="two"),
    }
    assert "manifest" not in rules_of(lint_bank(sections, MANIFEST).diagnostics)


def test_question_id_used_in_two_files_names_both_places(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(QUESTION, section_id="two"),
    }
    [error] = [d for d in lint_bank(sections, MANIFEST).diagnostics if d.rule == "duplicate-id"]
    assert error.path.endswith("02-two.yaml") and error.line == 4
    assert "01-one.yaml:4" in error.message and error.question == "q1"


MOVED = (
    "one question in two files (moved on one branch, edited on another?): keep one copy, "
    "with the edits of both, and delete the other; two questions need two ids"
)


def test_a_question_moved_on_one_branch_and_edited_on_another_is_one_question(lint_bank):
    """After the merge both copies share the id: a new id for the copy would keep the
    same question twice, which only near-duplicate (off by default) would see."""
    edited = QUESTION.replace("D: Amazon Bedrock", "D: Amazon Bedrock (serverless)")
    stem = QUESTION.split("\n")[1][6:]
    for moved_stem, said, hint in [
        (stem, ", by a question with the same stem", MOVED),
        (
            stem.replace("ML", "machine learning"),  # reworded on the branch that moved it
            ", by a question with nearly the same stem",
            MOVED,
        ),
        ("Which AWS service runs code without servers?", "", HINT),  # two questions
    ]:
        sections = {
            "01-one.yaml": section_yaml(edited, section_id="one"),
            "02-two.yaml": section_yaml(QUESTION.replace(stem, moved_stem), section_id="two"),
        }
        found = lint_bank(sections, MANIFEST).diagnostics
        [error] = [d for d in found if d.rule == "duplicate-id"]
        first = error.path.replace("02-two.yaml", "01-one.yaml")
        assert (error.path.rsplit("/", 1)[-1], error.line, error.column) == ("02-two.yaml", 4, 9)
        assert (error.message, error.hint) == (
            f"question id 'q1' is already used at {first}:4{said}",
            hint,
        )


def test_the_same_question_twice_in_one_file_is_told_to_keep_one_copy(lint_bank):
    """In one file only the same stem counts: a nearly equal one is more likely a second
    question that took the same next id."""
    parallel = QUESTION.replace("trains, tunes and deploys", "trains and deploys")
    found = lint_bank({"01-one.yaml": section_yaml(QUESTION, QUESTION, parallel, section_id="one")})
    errors = [(d.line, d.hint) for d in found.diagnostics if d.rule == "duplicate-id"]
    assert errors == [
        (
            13,
            "the same question twice (both sides of a merge kept?): keep one copy, with the "
            "edits of both, and delete the other; two questions need two ids",
        ),
        (22, "give each section and question its own id"),
    ]


def test_distinct_ids_pass(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(QUESTION.replace("q1", "q2"), section_id="two"),
    }
    assert "duplicate-id" not in rules_of(lint_bank(sections, MANIFEST).diagnostics)


def test_a_section_listed_twice(lint_bank):
    manifest = "id: test-bank\ntitle: Test\nsections:\n  - one\n  - one\n"
    found = lint_bank({"01-one.yaml": section_yaml(QUESTION, section_id="one")}, manifest)
    assert only("manifest", found.diagnostics) == [
        ("bank.yaml", 5, "section 'one' is listed twice (first at line 4)")
    ]


def test_a_broken_manifest_does_not_hide_the_sections_problems(lint_bank):
    manifest = "id: test-bank\ntitle: Test\nversion: 1.0\nsections: [one]\n"
    bad = QUESTION.replace("answer: A", "answer: E")
    found = lint_bank({"01-one.yaml": section_yaml(bad, section_id="one")}, manifest)
    assert {"schema", "answer-not-in-options"} <= rules_of(found.diagnostics)


def test_two_files_of_one_section_beside_an_unreadable_manifest(lint_bank):
    """The sections a manifest lint cannot read stands in for are the files found, each
    id once: the second file is reported, and bank.yaml is not said to list it twice."""
    sections = {
        name: section_yaml(QUESTION, section_id="one") for name in ("01-one.yaml", "02-one.yaml")
    }
    manifest = "id: test-bank\ntitle: [Test\nsections: [one]\n"  # a YAML syntax error
    found = lint_bank(sections, manifest).diagnostics
    assert only("manifest", found) == [
        ("02-one.yaml", 1, "section 'one' has a second file (first: 01-one.yaml)")
    ]


def test_a_section_with_a_bad_id_still_has_its_questions_checked(lint_bank):
    bad = QUESTION.replace("answer: A", "answer: E")
    found = lint_bank({"01-main.yaml": section_yaml(bad, section_id="Main_1")})
    assert {"schema", "answer-not-in-options"} <= rules_of(found.diagnostics)


def test_a_misspelt_entry_and_its_file_point_at_each_other(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-networks.yaml": section_yaml(section_id="networks"),
    }
    found = lint_bank(sections, MANIFEST.replace("- two", "- network")).diagnostics
    assert [(d.path.rsplit("/", 1)[-1], d.line, d.message, d.hint) for d in found] == [
        (
            "02-networks.yaml",
            1,
            "02-networks.yaml is not listed in bank.yaml, which lists 'network' (line 5)",
            "if 'network' means this file, correct it to 'networks'",
        ),
        (
            "bank.yaml",
            5,
            "section 'network' has no file",
            "did you mean 'networks' (02-networks.yaml)? write 'networks' here, or rename the file",
        ),
    ]


def test_an_unlike_entry_is_no_misspelling(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-hardware.yaml": section_yaml(section_id="hardware"),
    }
    found = lint_bank(sections, MANIFEST.replace("- two", "- network")).diagnostics
    assert [d.hint for d in found if d.rule == "manifest"] == [
        "add 'hardware' to the manifest's sections, or delete the file",
        "create network.yaml (e.g. 02-network.yaml) or remove it from sections",
    ]


def test_a_file_name_listed_beside_its_id_is_to_be_removed(lint_bank):
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="two"),
    }
    manifest = MANIFEST + "  - 02-two.yaml\n"
    found = lint_bank(sections, manifest).diagnostics
    assert [(d.line, d.message, d.hint) for d in found if d.rule == "manifest"] == [
        (6, "section '02-two.yaml' names 02-two.yaml, listed already as 'two'", "remove this entry")
    ]


def test_an_entry_with_a_hidden_character_is_shown_escaped_and_named(lint_bank):
    # 'two' and a zero-width no-break space pasted after it: shown raw, the hint read
    # "if 'two' means this file, correct it to 'two'"
    sections = {
        "01-one.yaml": section_yaml(QUESTION, section_id="one"),
        "02-two.yaml": section_yaml(section_id="two"),
    }
    found = lint_bank(sections, MANIFEST.replace("- two", '- "two\\ufeff"')).diagnostics
    [(message, hint)] = [
        (d.message, d.hint)
        for d in found
        if d.rule == "manifest" and d.path.endswith("02-two.yaml")
    ]
    assert message == (
        "02-two.yaml is not listed in bank.yaml, which lists 'two\\ufeff' (line 5) "
        "(\\ufeff is an invisible zero width no-break space)"
    )
    assert hint == "if 'two\\ufeff' means this file, correct it to 'two'"
