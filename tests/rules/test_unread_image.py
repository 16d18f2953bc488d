"""missing-resource: image syntax CommonMark does not read as an image would print as raw
Markdown in place of the picture; lint says so where the "![" is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from exambank.markdown import unread_images
from tests.rules.test_missing_resource import bank_with_stem

PRINTS_AS_TEXT = ": the handout prints its Markdown as text"


def resource_findings(root: Path) -> list[tuple[int, int, str, str]]:
    found = lint([root], Config()).diagnostics
    return [
        (d.line, d.column, d.message, d.hint or "")
        for d in found
        if d.rule.endswith("-resource") or d.rule == "image-alt"
    ]


def test_a_space_in_an_image_path_is_an_error_at_the_image(tmp_path):
    stem = "|\n  Betrachten Sie die Reihenschaltung:\n\n  ![Reihenschaltung](bilder/mein bild.svg)"
    root = bank_with_stem(tmp_path, stem, ("bilder/mein bild.svg",))  # the file is there
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "missing-resource"]
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
    [(line, column, message, given)] = resource_findings(root)
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
