"""``exambank fmt`` folds a line of text only once it runs past column 100: a line of
exactly 100 characters stays, one of 101 is folded. Columns are characters (code points),
as lint's line:col positions count them, whatever the script: an umlaut, a CJK character
and an emoji each take one."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.layout import LINE_WIDTH, format_file
from exambank.load import read_source
from tests.conftest import QUESTION, section_yaml, write_bank

KEY = "    explanation: "  # where fmt puts a question's explanation


def _text(word: str, length: int) -> str:
    """Words of ``word`` set apart by single spaces, ``length`` characters in all."""
    text = ""
    while len(text) < length:
        text += word + " "
    return text[:length].rstrip(" ").ljust(length, word[0])


@pytest.mark.parametrize("word", ["Satz", "Größe", "漢字テスト", "a😀b"])
@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
@pytest.mark.parametrize("width", [LINE_WIDTH, LINE_WIDTH + 1])
def test_a_line_is_folded_only_past_column_100(
    tmp_path: Path, word: str, quoted: bool, width: int
) -> None:
    # ': ' makes YAML need the quotes, which take two columns of the line
    body = _text(word, width - len(KEY) - (4 if quoted else 0))
    text = f"{body[:2]}: {body[2:]}" if quoted else body
    line = KEY + (f'"{text}"' if quoted else text)
    assert len(line) == width
    question = QUESTION.replace("SageMaker covers the whole ML lifecycle.", line.lstrip()[13:])
    path = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)}) / "01-main.yaml"
    assert line + "\n" in path.read_text(encoding="utf-8")
    rewrite = format_file(path)
    assert rewrite.changed == (width > LINE_WIDTH)
    if rewrite.changed:  # a folded block that reads back as the very same text
        assert f"{KEY}>-\n" in rewrite.new
        assert all(len(line) <= LINE_WIDTH for line in rewrite.new.splitlines())
        path.write_text(rewrite.new, encoding="utf-8")
        assert read_source(path)[0].data["questions"][0]["explanation"] == text


@pytest.mark.parametrize("mark", ["?", "!", ":", ";", "»", "«"])
def test_a_fold_leaves_no_mark_alone_at_a_line_start_or_end(tmp_path: Path, mark: str) -> None:
    # French sets a space before "?" and after "«": padded a character at a time, the mark
    # falls at every place of the line, the fold's among them
    quote = f"{mark} VLAN »" if mark == "«" else f"VLAN {mark}"
    texts = [f"{'z' * pad} {_text('mot', 84)} {quote} fin de phrase" for pad in range(1, 21)]
    questions = [
        QUESTION.replace("id: q1", f"id: q{number}").replace(
            "SageMaker covers the whole ML lifecycle.", f'"{text}"'
        )
        for number, text in enumerate(texts)
    ]
    path = (
        write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)}) / "01-main.yaml"
    )
    path.write_text(format_file(path).new, encoding="utf-8")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert not [line for line in lines if line.startswith(mark if mark != "«" else "»")]
    assert not [line for line in lines if line.endswith("«")]
    assert all(len(line) <= LINE_WIDTH for line in path.read_text(encoding="utf-8").splitlines())
    explanations = [question["explanation"] for question in read_source(path)[0].data["questions"]]
    assert explanations == texts
    assert not format_file(path).changed  # and fmt leaves its own folds be
