"""unread-image: image syntax CommonMark does not read as an image would print as raw
Markdown in place of the picture; lint says so where the "![" is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.link_targets import targets
from exambank.lint import lint
from exambank.rules import RULES
from exambank.unread_images import unread_images
from tests.rules.test_docstring_examples import as_yaml, example
from tests.rules.test_missing_resource import bank_with_stem

PRINTS_AS_TEXT = ": the handout prints its Markdown as text"


def resource_findings(root: Path) -> list[tuple[int, int, str, str]]:
    """What any image rule says: a valid image gets no finding from any of them."""
    found = lint([root], Config()).diagnostics
    return [
        (d.line, d.column, d.message, d.hint or "")
        for d in found
        if d.rule.endswith("-resource") or d.rule in ("image-alt", "unread-image")
    ]


def unread(root: Path) -> list[tuple[int, int, str, str]]:
    found = lint([root], Config()).diagnostics
    return [(d.line, d.column, d.message, d.hint or "") for d in found if d.rule == "unread-image"]


def test_documented_examples(lint_questions):
    def rules(label: str) -> set[str]:
        return {d.rule for d in lint_questions(as_yaml(example("unread-image", label)))}

    assert "unread-image" in rules("Bad")
    assert "unread-image" not in rules("Good")


def test_it_is_an_error_of_its_own_on_by_default_in_any_language():
    rule = RULES["unread-image"]
    assert (rule.severity, rule.enabled_by_default, rule.languages) == ("error", True, None)
    assert rule.on_questions and rule.switchable


def test_a_space_in_an_image_path_is_an_error_at_the_image(tmp_path):
    stem = "|\n  Betrachten Sie die Reihenschaltung:\n\n  ![Reihenschaltung](bilder/mein bild.svg)"
    root = bank_with_stem(tmp_path, stem, ("bilder/mein bild.svg",))  # the file is there
    found_rules = [d.rule for d in lint([root], Config()).diagnostics]
    assert found_rules == ["unread-image"]  # the file is there: nothing is missing
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "unread-image"]
    assert (found.line, found.column, found.severity, found.question) == (8, 7, "error", "q1")
    assert found.message == (
        "image 'bilder/mein bild.svg' is not read as an image (its path holds a space)"
        + PRINTS_AS_TEXT
    )
    assert found.hint == (
        "write the path in angle brackets: ![…](<bilder/mein bild.svg>), "
        "or rename the file without spaces"
    )


@pytest.mark.parametrize(
    "image",
    [
        "![Plan](<bilder/mein bild.svg>)",
        "![Plan](bilder/mein%20bild.svg)",
        '![Plan](<bilder/mein bild.svg> "Der Plan")',
        "![Reihen-\n  schaltung](bilder/mein%20bild.svg)",  # a description may break
    ],
)
def test_the_written_forms_commonmark_reads_pass(tmp_path, image):
    root = bank_with_stem(tmp_path, f"|\n  Siehe {image}", ("bilder/mein bild.svg",))
    assert resource_findings(root) == []


@pytest.mark.parametrize(
    ("image", "reason", "hint"),
    [
        (
            '![Plan](bilder/mein bild.svg "Titel")',
            "'bilder/mein bild.svg' is not read as an image (its path holds a space",
            'angle brackets: ![…](<bilder/mein bild.svg> "Titel"), or rename',
        ),
        (
            "![Plan](bilder/plan.svg \u201eTitel\u201c)",
            "'bilder/plan.svg' is not read as an image (its title is in typographic quotes",
            'straight quotes: ![…](bilder/plan.svg "Titel"), or leave it out',
        ),
        (
            "![Plan](bilder/plan(1.svg)",
            "'bilder/plan(1.svg' is not read as an image (its path has an unmatched parenthesis",
            "angle brackets: ![…](<bilder/plan(1.svg>), or rename the file without parentheses",
        ),
        (
            "![Plan](bilder/plan (1).svg)",
            "'bilder/plan (1).svg' is not read as an image (its path holds a space",
            "angle brackets: ![…](<bilder/plan (1).svg>)",
        ),
        (  # closed "<…>", then words: no second pair of angle brackets
            "![Plan](<bilder/plan.svg> und mehr)",
            "'<bilder/plan.svg> und mehr' is not read as an image (what follows its path is",
            'write it as ![description](path) or ![description](path "title")',
        ),
        (
            "![Plan](bilder/mein\n  bild.svg)",
            "'bilder/mein\\nbild.svg' is not read as an image (a line break splits its path",
            "keep the path on one line",
        ),
        (
            "![Plan](bilder/plan.svg und weiter",
            "is not read as an image (no ')' ends its path",
            "end it with ')': ![…](bilder/plan.svg und weiter)",
        ),
        (
            '![Plan](bilder/plan.svg "Titel" und mehr)',
            "is not read as an image (what follows its path is no title in quotes",
            'write it as ![description](path) or ![description](path "title")',
        ),
    ],
)
def test_near_relatives_that_print_as_text_are_reported_with_a_fix(tmp_path, image, reason, hint):
    root = bank_with_stem(tmp_path, f"|\n  Siehe {image}", ("bilder/plan.svg",))
    [(line, column, message, given)] = unread(root)
    assert (line, column) == (6, 13)
    assert message.startswith("image ") and reason in message
    assert message.endswith(PRINTS_AS_TEXT)
    assert hint in given


@pytest.mark.parametrize(
    "text",
    [
        "`![Plan](bilder/mein bild.svg)` shows an image",  # code: printed as written
        "\\![Plan](bilder/mein bild.svg) is the syntax",  # escaped on purpose
        "&#33;[Plan](bilder/mein bild.svg) is the syntax",
        "![Plan](bilder/plan.svg), then !`x`[Plan](bilder/mein bild.svg)",  # code splits it
        "Wow! [Plan](bilder/plan.svg) (a link) and [x] (y z)",
        "Erst ![Plan](bilder/plan.svg 'Titel'), dann [mehr](bilder/plan.svg)",
    ],
)
def test_text_meant_as_text_and_valid_images_are_not_reported(tmp_path, text):
    root = bank_with_stem(tmp_path, f"|\n  {text}", ("bilder/plan.svg",))
    assert resource_findings(root) == []


def test_each_unread_image_is_placed_at_its_own_mark_after_a_valid_one(tmp_path):
    stem = "|\n  ![Gut](bilder/plan.svg) und ![A](x y.svg)\n  ![B *fett*](x y.svg) ![A](x z.svg)"
    root = bank_with_stem(tmp_path, stem, ("bilder/plan.svg",))
    placed = [
        (line, column, message.split("'")[1])
        for line, column, message, _ in resource_findings(root)
    ]
    assert placed == [(6, 35, "x y.svg"), (7, 7, "x y.svg"), (7, 28, "x z.svg")]


def test_unread_images_are_found_in_reading_order_outside_code():
    text = "![A](a b.png) `![C](c d.png)`\n\n| x |\n|---|\n| ![B](<b c.png>) ![D](d (1.png) |"
    found = [(image.label, image.path, image.fault) for image in unread_images(text)]
    assert found == [("A", "a b.png", "space"), ("D", "d (1.png", "space")]


@pytest.mark.parametrize(
    ("image", "shown", "reason", "hint"),
    [
        (
            "![Floor plan](<images/floor plan.png) here",
            "<images/floor plan.png",
            "its path opens an angle bracket that no '>' closes",
            "close the angle bracket: ![…](<images/floor plan.png>)",
        ),
        (
            "![Floor plan](<images/floor plan.png 'Plan') here",
            "<images/floor plan.png",
            "its path opens an angle bracket that no '>' closes",
            "close the angle bracket: ![…](<images/floor plan.png> 'Plan')",
        ),
        (
            "![Floor plan](<images/floor plan.png",  # no ")" either
            "<images/floor plan.png",
            "its path opens an angle bracket that no '>' closes",
            "close the angle bracket: ![…](<images/floor plan.png>)",
        ),
        (
            "![x](images/a\\\\ b.png) here",  # YAML "\\\\" is one backslash
            "images/a\\ b.png",
            "its path holds a space, which a backslash does not escape",
            "write the path in angle brackets, without the backslash: "
            "![…](<images/a b.png>), or rename the file without spaces",
        ),
        (
            "![x](images/a\\\\_b c.png) here",  # a real escape, quoted as typed
            "images/a\\_b c.png",
            "its path holds a space",
            "write the path in angle brackets: ![…](<images/a\\_b c.png>), "
            "or rename the file without spaces",
        ),
    ],
)
def test_the_message_quotes_the_path_as_typed_and_the_hint_is_read_as_an_image(
    tmp_path, image, shown, reason, hint
):
    root = bank_with_stem(tmp_path, f'"See {image}"')
    [(line, column, message, given)] = unread(root)
    assert (line, column) == (5, 16)
    assert message == f"image '{shown}' is not read as an image ({reason})" + PRINTS_AS_TEXT
    assert given == hint
    fixed = "![Floor plan](" + hint.split("![…](", 1)[1].split("), or", 1)[0]
    if not fixed.endswith(")"):
        fixed += ")"
    # the hint, followed, is an image
    assert ([t.kind for t in targets(fixed)], list(unread_images(fixed))) == (["image"], [])


@pytest.mark.parametrize(
    "text",
    [
        "Type ![ then ]( to start an image",  # prose about the syntax
        "Which is right ![x]( then?",
        "Type ![ then ]( and end with ). Done.",
        "An image starts with ![x](",  # nothing after "]("
    ],
)
def test_prose_about_image_syntax_is_not_an_error(tmp_path, text):
    assert unread(bank_with_stem(tmp_path, f"'{text}'")) == []


def test_an_unclosed_target_that_names_a_file_is_still_reported(tmp_path):
    root = bank_with_stem(tmp_path, "'Which is right ![x](images/plan.png then?'")
    [(_, _, message, hint)] = unread(root)
    assert "(no ')' ends its path)" in message
    assert hint == "end it with ')': ![…](images/plan.png then?)"
