"""``exambank fmt --check`` on a large bank: each file goes through ruamel.yaml's round trip
once, however many texts it holds. Whether a text needs a block or fits its line is told
without writing it; the facts about ruamel.yaml's writer that this rests on are pinned here,
so an upgrade that breaks one shows."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, cast

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString

from exambank import layout
from exambank.cli import main
from exambank.round_trip import dump
from tests.conftest import section_yaml, write_bank

# Short texts of the characters that matter to a block (spaces that lead, trail or stand
# alone on a line, line breaks, '#', a letter beyond ASCII), and a few lines YAML marks.
_PIECES = ["a", " ", "\n", "#", "é"]
TEXTS = [
    "".join(chars) for length in range(1, 5) for chars in itertools.product(_PIECES, repeat=length)
] + ["--- a", "... b\n", "- a\n- b", "a: b\n  c", "'q'\n\"d\"", "😀 x\n\n", "\n\n", "  \n a"]


def _reads_back(block: ScalarString) -> bool:
    try:
        loaded: Any = YAML(typ="safe").load(dump({"text": block}))
    except YAMLError:
        return False
    return bool(loaded == {"text": str(block)})


def _folded(text: str) -> FoldedScalarString:
    """``text`` as a folded block, folded at every space a fold may take."""
    folded = FoldedScalarString(text)
    folded.fold_pos = [
        index
        for index in range(1, len(text) - 1)
        if text[index] == " " and not text[index - 1].isspace() and not text[index + 1].isspace()
    ]
    return cast(FoldedScalarString, folded)


def test_printable_text_written_as_a_block_reads_back_as_itself() -> None:
    printable = [text for text in TEXTS if all(line.isprintable() for line in text.split("\n"))]
    assert [text for text in printable if not _reads_back(LiteralScalarString(text))] == []
    one_line = [text for text in printable if "\n" not in text.rstrip("\n")]
    folds = [text for text in one_line if not text.startswith(" ")]
    assert [text for text in folds if not _reads_back(_folded(text))] == []


@pytest.mark.parametrize(
    "block",
    [
        LiteralScalarString("a\u2028b"),
        LiteralScalarString("a\rb"),
        LiteralScalarString("a\x85b"),
        LiteralScalarString("a\x07b"),
        _folded(" a a"),  # the space reads as more indentation: no fold there
    ],
)
def test_a_block_that_does_not_read_back_is_told_by_writing_it(block: ScalarString) -> None:
    assert not _reads_back(block)
    assert not layout._reads_back(block)


def test_text_on_one_line_is_never_written_shorter_than_it_is() -> None:
    texts = [*TEXTS, 'say "no"', "it's", "back\\slash", "bell\x07", "tab\tx", "\ufeffbom"]
    written = {text: dump([text]).removeprefix("- ").removesuffix("\n") for text in texts}
    assert {text: line for text, line in written.items() if len(line) < len(text)} == {}


def test_a_formatted_file_is_written_once_however_many_texts_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = " ".join(["a long explanation that runs past the line width"] * 4)
    questions = [
        f"id: q{number}\nstem: |\n  Line one\n  line two\noptions: {{A: x, B: y}}\n"
        f"answer: A\nexplanation: {long}\n"
        for number in range(30)
    ]
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    assert main(["fmt", str(bank)]) == 0
    assert ">-" in (bank / "01-main.yaml").read_text(encoding="utf-8")
    written: list[object] = []

    def counted(tree: Any, read: Any = None) -> str:
        written.append(tree)
        return dump(tree, read)

    monkeypatch.setattr(layout, "dump", counted)
    assert layout.format_file(bank / "01-main.yaml").changed is False
    assert len(written) == 1  # the file itself; no text of it on its own
