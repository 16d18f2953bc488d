"""``exambank fmt`` on a file saved on Windows: ``--check`` says what it would change when
that is the line endings or a byte-order mark, and ``--diff`` shows only the changes to the
text (a whole-file diff of CRLF against LF looks like no change at all)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import write_bank

FORMATTED = "id: main\ntitle: T\n"
BOM = codecs.BOM_UTF8


def _file(tmp_path: Path, raw: bytes) -> Path:
    path = write_bank(tmp_path / "bank", {"01-main.yaml": ""}) / "01-main.yaml"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        pytest.param(
            BOM + FORMATTED.replace("\n", "\r\n").encode(),
            "line endings CRLF -> LF, byte-order mark removed",
            id="CRLF and BOM",
        ),
        pytest.param(FORMATTED.replace("\n", "\r").encode(), "line endings CR -> LF", id="CR"),
        pytest.param(BOM + FORMATTED.encode(), "byte-order mark removed", id="BOM"),
        pytest.param(
            b"title: T\r\nid: main\r\n", "layout, line endings CRLF -> LF", id="and the layout"
        ),
    ],
)
def test_check_says_what_beyond_the_layout_would_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, said: str
) -> None:
    path = _file(tmp_path, raw)
    assert main(["fmt", "--check", str(path)]) == 1
    assert f"would reformat {path} ({said})" in capsys.readouterr().err.splitlines()
    assert path.read_bytes() == raw
    assert main(["fmt", str(path)]) == 0
    assert f"reformatted {path} ({said})" in capsys.readouterr().err.splitlines()
    assert path.read_bytes() == FORMATTED.encode()


def test_a_change_of_layout_alone_goes_without_saying(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, b"title: T\nid: main\n")
    assert main(["fmt", "--check", str(path)]) == 1
    assert f"would reformat {path}" in capsys.readouterr().err.splitlines()


def test_diff_of_line_endings_alone_is_no_diff_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, BOM + FORMATTED.replace("\n", "\r\n").encode())
    assert main(["fmt", "--diff", str(path)]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    said = f"would reformat {path} (line endings CRLF -> LF, byte-order mark removed)"
    assert said in output.err.splitlines()


def test_diff_shows_only_the_lines_the_layout_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, BOM + b"id: main\r\ntitle:   T\r\nsummary: S\r\n")
    assert main(["fmt", "--diff", str(path)]) == 1
    diff = capsys.readouterr().out.splitlines()
    assert [line for line in diff if line[:1] in "+-"] == [
        f"--- {path}",
        f"+++ {path}",
        "-title:   T",
        "+title: T",
    ]
