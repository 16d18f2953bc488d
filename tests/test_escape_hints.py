"""A backslash in double quotes: libyaml's 'unknown escape character' told at the
backslash, and an image path an escape broke named by its escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


@pytest.mark.parametrize(
    ("stem", "column", "message"),
    [
        (r'"C:\Windows\System32"', 14, r"'\W' is none"),
        (r'"C:\Users\ana"', 14, r"'\U' must be followed by 8 hex digits"),
        (r'"A \xz"', 14, r"'\x' must be followed by 2 hex digits"),
        # not the valid escape after it
        (r'"Olá \x\t end"', 16, r"'\x' must be followed by 2 hex digits"),
        (r'"A \u12\n"', 14, r"'\u' must be followed by 4 hex digits"),
        (r'"\x41 and \W"', 21, r"'\W' is none"),
    ],
)
def test_an_escape_yaml_refuses_is_told_at_its_backslash(
    tmp_path: Path, stem: str, column: int, message: str
) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(QUESTION.replace(STEM, f"stem: {stem}")), encoding="utf-8")
    [found] = read_source(path)[1]
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 5, column)
    assert found.message == f"in double quotes a backslash starts an escape, and {message}"
    assert found.hint == (
        r"write the text in single quotes, or '\\' for a backslash; in a path '/' works too"
    )


@pytest.mark.parametrize(
    ("stem", "message", "hint"),
    [
        (
            r'"emoji \ud83d\ude00"',
            r"'\ud83d\ude00' is a surrogate pair (UTF-16), which YAML does not read",
            r"write the character itself (😀), or '\U0001F600': YAML has no surrogate pairs",
        ),
        (
            r'"emoji \ud83d alone"',
            r"'\ud83d' is half of a surrogate pair (UTF-16), which YAML does not read",
            r"write the character itself, or its code as '\U' and 8 hex digits: YAML has no "
            "surrogate pairs",
        ),
        (
            r'"emoji \UFFFFFFFF"',
            r"'\UFFFFFFFF' names no character: Unicode ends at \U0010FFFF",
            r"write the text in single quotes, or '\\' for a backslash; in a path '/' works too",
        ),
    ],
)
def test_a_code_that_names_no_character_is_told_at_its_backslash(
    tmp_path: Path, stem: str, message: str, hint: str
) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(QUESTION.replace(STEM, f"stem: {stem}")), encoding="utf-8")
    [found] = read_source(path)[1]
    assert (found.rule, found.line, found.column) == ("yaml-syntax", 5, 18)
    assert (found.message, found.hint) == (f"in double quotes {message}", hint)


@pytest.mark.parametrize(
    ("written", "escape", "made"),
    [
        (r"imagens\anel.png", r"\a", "the control character U+0007 (bell)"),
        (r"imagens\rede.png", r"\r", "a carriage return"),
        (r"imagens\topologia.png", r"\t", "a tab"),
        (r"imagens\nede.png", r"\n", "a line break"),
    ],
)
def test_an_image_path_an_escape_broke_names_the_escape(
    tmp_path: Path, written: str, escape: str, made: str
) -> None:
    stem = f'stem: "![Rede]({written}) Qual é a topologia?"'
    root = write_bank(
        tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION.replace(STEM, stem))}
    )
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "unread-image"]
    assert found.message == (
        f"image '{written}' is not read as an image (in double quotes YAML reads the "
        f"'{escape}' in its path as {made}): the handout prints its Markdown as text"
    )
    slashed = written.replace("\\", "/")
    assert found.hint == f"use '/' in the path: ![…]({slashed}), or write the text in single quotes"


def test_a_tab_typed_in_a_block_path_is_still_a_space(tmp_path: Path) -> None:
    stem = "stem: |\n  ![Rede](imagens/a\tb.png)"
    root = write_bank(
        tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION.replace(STEM, stem))}
    )
    [found] = [d for d in lint([root], Config()).diagnostics if d.rule == "unread-image"]
    assert "(its path holds a space)" in found.message
