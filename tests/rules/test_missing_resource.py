"""missing-resource: an image or link inside the bank folder names a file that is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.rules.test_external_resource import STEM, with_stem


def missing(root: Path) -> list[tuple[int, int, str]]:
    found = lint([root], Config()).diagnostics
    return [(d.line, d.column, d.message) for d in found if d.rule == "missing-resource"]


def bank_with_stem(tmp_path: Path, stem: str, files: tuple[str, ...] = ()) -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(with_stem(stem))})
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"\x89PNG\r\n")
    return root


def test_an_image_the_bank_folder_lacks_is_an_error_where_it_is_written(tmp_path):
    root = bank_with_stem(tmp_path, "'Which logo? ![logo](images/logo.png)'")
    assert missing(root) == [(5, 32, "image 'images/logo.png' names no file in the bank folder")]
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "missing-resource"]
    assert found.severity == "error" and found.question == "q1"
    assert "save the file as images/logo.png in the bank folder" in (found.hint or "")


@pytest.mark.parametrize(
    ("target", "saved"),
    [
        ("images/logo.png", "images/logo.png"),
        ("./logo.png", "logo.png"),
        ("images/sub/../logo.png", "images/logo.png"),
        ("images/my%20logo.png", "images/my logo.png"),  # decoded, as the renderer does
        ("notes.md#part-2", "notes.md"),
    ],
)
def test_a_file_that_is_there_passes(tmp_path, target, saved):
    root = bank_with_stem(tmp_path, f"'See ![x]({target}) and [y]({target})'", (saved,))
    assert missing(root) == []


def test_links_are_checked_like_images_and_a_fragment_names_no_file(tmp_path):
    root = bank_with_stem(tmp_path, "'See [the notes](notes.md) and [the key](#answer-key)'")
    assert missing(root) == [(5, 28, "link 'notes.md' names no file in the bank folder")]


def test_a_target_outside_the_folder_is_left_to_external_resource(tmp_path):
    root = bank_with_stem(tmp_path, "'See ![x](../elsewhere.png) and ![y](https://x.org/y.png)'")
    rules = {d.rule for d in lint([root], Config()).diagnostics}
    assert "external-resource" in rules and "missing-resource" not in rules


@pytest.mark.parametrize(
    ("target", "saved", "reported"),
    [
        ("images/x%23y.png", "images/x#y.png", False),  # '#' encoded: part of the name
        ("images/q%3F.png", "images/q?.png", False),
        ("images/a.png%23frag", "images/a.png", True),  # the file 'a.png#frag' is not there
        ("images", "images/a.png", True),  # a folder is no image
    ],
)
def test_a_target_is_split_then_decoded_as_the_renderer_reads_it(tmp_path, target, saved, reported):
    root = bank_with_stem(tmp_path, f"'See ![x]({target})'", (saved,))
    # external-resource's where the name is no image's ('a.png#frag', 'images')
    found = [d for d in lint([root], Config()).diagnostics if d.rule.endswith("-resource")]
    assert bool(found) is reported


def test_a_nul_in_a_target_is_a_diagnostic_not_a_crash(tmp_path):
    root = bank_with_stem(tmp_path, "'See ![x](images/a.png%00)'")
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule.endswith("-resource")]
    assert found.rule == "missing-resource" and "NUL character (%00)" in found.message
    assert found.hint == "remove the %00 from the path"


@pytest.mark.parametrize(
    ("target", "saved", "reported"),
    [
        ("images\\a.png", "images/a.png", True),  # to the renderer, one name with a '\\'
        ("images%5Ca.png", "images/a.png", True),
        ("back\\slash.png", "back\\slash.png", False),
        (".", "x.png", True),  # the folder is no image
        ("images/..", "x.png", True),
        ("", "x.png", True),
    ],
)
def test_an_image_names_a_file_as_the_renderer_reads_it(tmp_path, target, saved, reported):
    root = bank_with_stem(tmp_path, f"'See ![x]({target})'", (saved,))
    assert bool(missing(root)) is reported


def test_a_link_to_the_folder_itself_is_fine(tmp_path):
    assert missing(bank_with_stem(tmp_path, "'See [the bank](.) and [more](#key)'")) == []


def test_a_name_too_long_or_a_loop_of_links_is_a_diagnostic_not_a_crash(tmp_path):
    long_name = "a" * 300 + ".png"
    root = bank_with_stem(tmp_path, f"'See ![x]({long_name}) and [y](loop)'")
    (root / "loop").symlink_to("loop")
    found = {d.rule: d.message for d in lint([root], Config()).diagnostics}
    assert "names no file" in found["missing-resource"]
    assert "loop of symbolic links" in found["external-resource"]


def test_targets_are_placed_by_editor_lines_in_a_file_with_a_line_separator(tmp_path):
    # U+2028 in a quoted title is no line break to an editor; the lines below stay put.
    text = (
        'id: main\ntitle: "A\u2028B"\nexam_tips:\n  - "See ![x](images/nope.png)"\n'
        '  - "And [y](https://example.com)"\n'
    )
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    found = {d.rule: (d.line, d.column) for d in lint([root], Config()).diagnostics}
    assert found["missing-resource"] == (4, 15)
    assert found["external-resource"] == (5, 14)


def test_a_target_is_placed_where_it_is_written_whole_and_twice_where_twice(tmp_path):
    # "a.png" is not the end of "images/a.png"; the second "x.png" is not the first
    stem = "'![a](images/a.png) ![b](a.png) ![c](x.png) ![d](x.png)'"
    root = bank_with_stem(tmp_path, stem, ("images/a.png",))
    line = next(
        n for n, text in enumerate(section_yaml(with_stem(stem)).split("\n"), 1) if "![a]" in text
    )
    text = section_yaml(with_stem(stem)).split("\n")[line - 1]
    expected = [text.index("(a.png") + 2, text.index("(x.png") + 2, text.rindex("(x.png") + 2]
    assert [(found[0], found[1]) for found in missing(root)] == [(line, c) for c in expected]


def test_each_target_is_placed_in_its_own_question_and_as_a_target_not_a_word(tmp_path):
    # "\n" escapes in a quoted stem break no line of the file: no counting lines on from it
    first = QUESTION.replace(STEM, 'stem: "Intro\\n\\n![x](m4.png)"')
    second = QUESTION.replace("id: q1", "id: q2").replace(
        STEM, "stem: 'See m4.png below: ![z](m4.png)'"
    )
    text = section_yaml(first, second)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    lines = text.split("\n")
    expected = [
        (number, line.index("(m4.png") + 2)
        for number, line in enumerate(lines, 1)
        if "(m4.png" in line
    ]
    assert [(line, column) for line, column, _ in missing(root)] == expected
    assert len({line for line, _ in expected}) == 2


def test_a_target_not_written_out_in_its_value_is_placed_at_the_value(tmp_path):
    # "\u002e" is a '.' to YAML: the text names m4.png, the file never spells it there
    first = QUESTION.replace(STEM, 'stem: "See ![x](m4\\u002epng)"')
    second = QUESTION.replace("id: q1", "id: q2").replace(STEM, "stem: 'And ![z](m4.png)'")
    text = section_yaml(first, second)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    lines = text.split("\n")
    stems = [(n, line.index("stem:") + 7) for n, line in enumerate(lines, 1) if "stem:" in line]
    second_at = next(n for n, line in enumerate(lines, 1) if "And ![z]" in line)
    found = [(line, column) for line, column, _ in missing(root)]
    assert found == [stems[0], (second_at, lines[second_at - 1].index("(m4.png") + 2)]
