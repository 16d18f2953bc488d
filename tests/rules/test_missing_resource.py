"""missing-resource: an image or link inside the bank folder names a file that is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from tests.conftest import section_yaml, write_bank
from tests.rules.test_external_resource import with_stem


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
