"""A file the build would replace that was changed since a build wrote it (a trainer's notes
saved into the answer key, the CSV saved from a spreadsheet): the build stops before it
renders or writes anything, naming every such file, and the folder stays as it was. Where
whether a file was changed cannot be told (no record, a file the record does not list), or
the file is as the build wrote it, the build replaces it as it always did."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exambank.builders import render as render_module
from exambank.cli import main
from tests.builders.conftest import FIXED_DATE, RECORD
from tests.conftest import QUESTION, section_yaml, write_bank

KEY, CSV = "test-bank-answer-key.pdf", "test-bank-questions.csv"
# as the trainer's notes: a viewer's save appends them to the PDF
NOTES = b"2 0 obj <</Type /Annot /Contents (q1: accept C too)>> endobj\n%%EOF\n"
WITH_KEY = ["--student-key", "separate"]


def _spreadsheet_save(data: bytes) -> bytes:
    """The CSV as a spreadsheet saves it: no byte order mark, lines ended by LF."""
    return data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each PDF rendered, by the start of its HTML; made in no time, of the same bytes
    at each build."""
    made: list[str] = []

    def render(html: str, *arguments: Any, **keywords: Any) -> tuple[bytes, tuple[str, ...]]:
        made.append(html[:40])
        return b"%PDF-1.7 " + str(len(html)).encode() + b"\n%%EOF\n", ()

    monkeypatch.setattr(render_module, "render_pdf", render)
    return made


def _build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *arguments: str, out: str = "dist"
) -> tuple[int, list[str]]:
    """``exambank build`` of a one-question bank into tmp_path/``out``: its status, and
    the lines it said (stdout and stderr) with the bank's folder cut."""
    bank = tmp_path / "bank"
    if not bank.exists():
        write_bank(bank, {"01-main.yaml": section_yaml(QUESTION)})
    capsys.readouterr()
    status = main(["build", str(bank), "--out", str(tmp_path / out), *arguments])
    said = capsys.readouterr()
    folder = f"{tmp_path / out / 'test-bank'}/"
    return status, [line.replace(folder, "") for line in (said.out + said.err).splitlines()]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder``, hidden ones too, by name."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _refused(*names: str) -> list[str]:
    return [
        f"exambank: error: {name}: it has been changed since exambank made it, and the build "
        "would replace it: move it out of the folder to keep it, or remove it, then build again"
        for name in names
    ]


@pytest.mark.parametrize(
    ("arguments", "changes", "named"),
    [
        # review s39 (helper-307): notes saved into a key were lost to the next build
        (WITH_KEY, {KEY: lambda data: data + NOTES}, [KEY]),
        (["--only", "csv"], {CSV: _spreadsheet_save}, [CSV]),
        # every file named at once, in the order the build makes them
        (WITH_KEY, {KEY: lambda data: data + NOTES, CSV: _spreadsheet_save}, [CSV, KEY]),
    ],
    ids=["key", "csv", "key-and-csv"],
)
def test_a_file_changed_since_a_build_wrote_it_stops_the_next_before_anything_is_made(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rendered: list[str],
    arguments: list[str],
    changes: dict[str, Callable[[bytes], bytes]],
    named: list[str],
) -> None:
    assert _build(tmp_path, capsys, *arguments)[0] == 0
    folder = tmp_path / "dist" / "test-bank"
    for name, change in changes.items():
        (folder / name).write_bytes(change((folder / name).read_bytes()))
    before = _files(folder)
    rendered.clear()
    for _ in range(2):  # and so at each build, until the user moves the file away
        assert _build(tmp_path, capsys, *arguments) == (2, _refused(*named))
        assert rendered == []
        assert _files(folder) == before  # the changed files, byte for byte, and no other


def test_a_file_moved_out_of_the_folder_lets_the_build_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rendered: list[str]
) -> None:
    _build(tmp_path, capsys, *WITH_KEY)
    key = tmp_path / "dist" / "test-bank" / KEY
    made = key.read_bytes()
    key.write_bytes(made + NOTES)
    assert _build(tmp_path, capsys, *WITH_KEY)[0] == 2
    key.rename(tmp_path / "my-key.pdf")  # as the message says
    assert _build(tmp_path, capsys, *WITH_KEY)[0] == 0
    assert key.read_bytes() == made
    assert (tmp_path / "my-key.pdf").read_bytes() == made + NOTES


@pytest.mark.parametrize(
    ("arguments", "out"),
    [
        (["--only", "json"], "dist"),  # the key is not made, so not replaced
        (["--only", "pdf"], "dist"),  # the key is not made (it is in the student edition)
        (WITH_KEY, "elsewhere"),  # another folder, with a record of its own
    ],
    ids=["only-json", "key-not-made", "other-out"],
)
def test_a_changed_file_the_build_does_not_replace_does_not_stop_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rendered: list[str],
    arguments: list[str],
    out: str,
) -> None:
    _build(tmp_path, capsys, *WITH_KEY)
    key = tmp_path / "dist" / "test-bank" / KEY
    key.write_bytes(key.read_bytes() + NOTES)
    changed = key.read_bytes()
    assert _build(tmp_path, capsys, *WITH_KEY)[0] == 2  # where it would replace it
    assert _build(tmp_path, capsys, *arguments, out=out)[0] == 0
    assert key.read_bytes() == changed


def _unlist(folder: Path) -> None:
    """The key taken out of the record, as an older record, or another exambank's, has it."""
    record = (folder / RECORD).read_text(encoding="utf-8")
    (folder / RECORD).write_text(
        "\n".join(line for line in record.splitlines() if KEY not in line), encoding="utf-8"
    )


@pytest.mark.parametrize(
    "spoil",
    [
        lambda folder: (folder / RECORD).unlink(),  # a folder an older exambank built
        lambda folder: (folder / RECORD).write_text("<<<<<<< HEAD\n", encoding="utf-8"),
        _unlist,
    ],
    ids=["no-record", "unreadable-record", "not-in-the-record"],
)
def test_where_the_record_cannot_tell_a_changed_file_is_replaced_as_before(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rendered: list[str],
    spoil: Callable[[Path], object],
) -> None:
    _build(tmp_path, capsys, *WITH_KEY)
    folder = tmp_path / "dist" / "test-bank"
    made = (folder / KEY).read_bytes()
    (folder / KEY).write_bytes(made + NOTES)
    assert _build(tmp_path, capsys, *WITH_KEY)[0] == 2  # where the record tells
    spoil(folder)
    assert _build(tmp_path, capsys, *WITH_KEY)[0] == 0
    assert (folder / KEY).read_bytes() == made


def test_an_unchanged_folder_is_built_again_byte_for_byte_and_quietly(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rendered: list[str],
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_DATE["SOURCE_DATE_EPOCH"])  # no note on it
    arguments = [*WITH_KEY, "--answer-sheet"]
    _build(tmp_path, capsys, *arguments)
    folder = tmp_path / "dist" / "test-bank"
    before = _files(folder)
    status, said = _build(tmp_path, capsys, *arguments)
    assert status == 0
    told = ("rendering ", "wrote ", "Built ")  # the progress, and no word else
    assert [line for line in said if not line.startswith(told)] == []
    assert _files(folder) == before
