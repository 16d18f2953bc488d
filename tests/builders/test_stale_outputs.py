"""A key or an answer sheet an earlier build wrote (``--student-key separate``,
``--answer-sheet``), left beside a student edition that no longer goes with it: the build
removes it, if it is still byte for byte what a build wrote, and says so; another
version's, one a trainer saved notes into, or a user's file, stays. The files of a format
``--only`` leaves out stay, named in a note."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText

from exambank import build_record, stale_outputs
from exambank.build_record import Record, digest
from exambank.builders import Settings
from exambank.builders import render as render_module
from exambank.cli import main
from tests.builders.conftest import RECORD
from tests.conftest import QUESTION, section_yaml, write_bank

# as a PDF keeps its info uncompressed; WeasyPrint's own are compressed (tested below)
OURS = b"%PDF-1.7\n1 0 obj <</Creator (exambank) /Producer (WeasyPrint 70.0)>> endobj\n%%EOF\n"
# a viewer's save of a trainer's marks: the changes appended, after a second "%%EOF"
MARKED = OURS + b"2 0 obj <</Type /Annot /Contents (q7: check B)>> endobj\n%%EOF\n"
UNLISTED = "it is not among the files .exambank-build records a build wrote"
CHANGED = "it has been changed since exambank made it"


def _fake_render(
    html: str, root: Path, settings: Settings, pages: object = None, footer: object = None
) -> tuple[bytes, tuple[str, ...]]:
    return OURS, ()


def _build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *arguments: str
) -> tuple[list[str], list[str]]:
    """``exambank build --only pdf`` of a one-question bank into tmp_path/dist: the files
    in the bank's folder afterwards, and what the build said of stale ones."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    capsys.readouterr()
    assert main(["build", str(bank), "--only", "pdf", "--out", str(out), *arguments]) == 0
    said = [
        line.replace(str(out / "test-bank") + "/", "")
        for line in capsys.readouterr().out.splitlines()
        if line.startswith(("removed", "note"))
    ]
    return sorted(path.name for path in (out / "test-bank").iterdir()), said


def test_a_build_without_them_removes_the_key_and_sheet_an_earlier_build_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # real PDFs: their creator is read where WeasyPrint keeps it, in a compressed stream
    files, said = _build(tmp_path, capsys, "--student-key", "separate", "--answer-sheet")
    assert files == [
        RECORD,
        "test-bank-answer-key.pdf",
        "test-bank-answer-sheet.pdf",
        "test-bank-student.pdf",
        "test-bank-trainer.pdf",
    ]
    assert said == []
    files, said = _build(tmp_path, capsys)
    assert files == [RECORD, "test-bank-student.pdf", "test-bank-trainer.pdf"]
    assert said == [
        "removed test-bank-answer-key.pdf, an earlier build's: this build prints the key at "
        "the end of the student edition (--student-key)",
        "removed test-bank-answer-sheet.pdf, an earlier build's: this build makes no answer "
        "sheet (--answer-sheet)",
    ]


def test_another_version_s_files_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    for seed in ([], ["--shuffle", "7"], ["--shuffle", "8"]):
        _build(tmp_path, capsys, *seed, "--student-key", "separate", "--answer-sheet")
    files, said = _build(tmp_path, capsys, "--shuffle", "7", "--student-key", "none")
    assert "test-bank-answer-key-shuffle7.pdf" not in files
    assert "test-bank-answer-sheet-shuffle7.pdf" not in files
    for kept in ("", "-shuffle8"):  # the unshuffled version's, and version 8's
        assert {f"test-bank-answer-key{kept}.pdf", f"test-bank-answer-sheet{kept}.pdf"} <= set(
            files
        )
    assert said[0] == (
        "removed test-bank-answer-key-shuffle7.pdf, an earlier build's: this build prints the "
        "key in the trainer edition alone (--student-key none)"
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path.write_bytes(b"%PDF-1.7 my own key, made by hand"), UNLISTED),
        (lambda path: path.write_text("notes", encoding="utf-8"), UNLISTED),
        # as a build writes it, but not written there by a build: a copy, or an older one's
        (lambda path: path.write_bytes(OURS), UNLISTED),
        (
            lambda path: path.symlink_to(path.parent / "test-bank-student.pdf"),
            "it is a link or a folder, not a file",
        ),
        (lambda path: path.mkdir(), "it is a link or a folder, not a file"),
    ],
    ids=["another-pdf", "text", "put-there", "link", "folder"],
)
def test_what_exambank_did_not_make_stays_with_a_note(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], object],
    reason: str,
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys)
    key = tmp_path / "dist" / "test-bank" / "test-bank-answer-key.pdf"
    make(key)
    files, said = _build(tmp_path, capsys)
    assert "test-bank-answer-key.pdf" in files
    # review s33 (helper-235), finding 3: "it is left as it is, not being a PDF exambank
    # made, unchanged since" read garbled
    assert said == [
        "note: test-bank-answer-key.pdf is not this build's: this build prints the key at the "
        f"end of the student edition (--student-key); left unchanged: {reason} "
        "(remove it if it is an old key or sheet)"
    ]


def _kept(reason: str) -> str:
    """What the build says of the stale key it leaves unchanged for ``reason``."""
    return (
        "note: test-bank-answer-key.pdf is not this build's: this build prints the key at the "
        f"end of the student edition (--student-key); left unchanged: {reason} (remove it if "
        "it is an old key or sheet)"
    )


def _annotate(path: Path) -> None:
    """A trainer's note added to the PDF at ``path`` with pypdf, which saves the whole file
    anew and keeps its info dictionary."""
    writer = PdfWriter(clone_from=PdfReader(path))
    note = FreeText(text="q1: accept C too (trainer)", rect=(50, 550, 300, 600))
    writer.add_annotation(page_number=0, annotation=note)
    with open(path, "wb") as stream:
        writer.write(stream)


def test_a_key_a_trainer_annotated_stays_though_it_still_names_exambank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s37-safety, finding 1: a key annotated with pypdf still named exambank its
    creator and WeasyPrint its producer, and ended in one "%%EOF", and the next build
    without --student-key separate removed it, the notes with it."""
    _build(tmp_path, capsys, "--student-key", "separate")
    key = tmp_path / "dist" / "test-bank" / "test-bank-answer-key.pdf"
    _annotate(key)
    annotated = key.read_bytes()
    info = PdfReader(key).metadata or {}
    assert (info["/Creator"], info["/Producer"].split()[0]) == ("exambank", "WeasyPrint")
    assert annotated.count(b"%%EOF") == 1
    said = _build(tmp_path, capsys)[1]
    assert key.read_bytes() == annotated
    assert said == [_kept(CHANGED)]


@pytest.mark.parametrize(
    "change",
    [
        lambda data: MARKED,  # review s28-diff, finding 2
        lambda data: data.replace(b"WeasyPrint", b"Acrobat"),  # a viewer's whole save
        lambda data: data.replace(b"endobj", b"endobj "),  # creator, producer, one %%EOF
    ],
    ids=["marked-by-a-viewer", "saved-by-a-viewer", "saved-as-it-was"],
)
def test_a_key_changed_since_a_build_wrote_it_stays_with_a_note(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[bytes], bytes],
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")
    key = tmp_path / "dist" / "test-bank" / "test-bank-answer-key.pdf"
    key.write_bytes(change(key.read_bytes()))
    changed = key.read_bytes()
    for _ in range(2):  # and so at each build, not once only
        said = _build(tmp_path, capsys)[1]
        assert key.read_bytes() == changed
        assert said == [_kept(CHANGED)]


def test_the_record_holds_each_file_s_digest_and_drops_those_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    folder = tmp_path / "dist" / "test-bank"

    def recorded() -> dict[str, str]:
        return json.loads((folder / RECORD).read_bytes())["sha256"]

    _build(tmp_path, capsys, "--student-key", "separate", "--answer-sheet")
    assert recorded() == {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.name != RECORD
    }
    _build(tmp_path, capsys)
    assert sorted(recorded()) == ["test-bank-student.pdf", "test-bank-trainer.pdf"]


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (
            lambda record: record.unlink(),
            "the folder holds no .exambank-build, the record of the files a build wrote "
            "(an older exambank kept none)",
        ),
        (
            lambda record: record.write_text("<<<<<<< HEAD\n", encoding="utf-8"),
            ".exambank-build, the record of the files a build wrote, is not as exambank writes it",
        ),
        (
            lambda record: record.write_text('{"sha256": ["a"]}', encoding="utf-8"),
            ".exambank-build, the record of the files a build wrote, is not as exambank writes it",
        ),
    ],
    ids=["none", "not-json", "not-a-record"],
)
def test_without_a_record_to_go_by_a_key_stays_and_the_build_writes_one(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[Path], object],
    reason: str,
) -> None:
    """A folder an older exambank built holds no record: whether its key holds a trainer's
    notes cannot be told, so it stays. The build writes a record, of its own files."""
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")
    folder = tmp_path / "dist" / "test-bank"
    spoil(folder / RECORD)
    files, said = _build(tmp_path, capsys)
    assert "test-bank-answer-key.pdf" in files
    assert said == [_kept(reason)]
    assert sorted(json.loads((folder / RECORD).read_bytes())["sha256"]) == [
        "test-bank-student.pdf",
        "test-bank-trainer.pdf",
    ]


def test_a_build_of_other_formats_leaves_the_pdfs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")
    bank = tmp_path / "bank"
    assert main(["build", str(bank), "--only", "json", "--out", str(tmp_path / "dist")]) == 0
    assert (tmp_path / "dist" / "test-bank" / "test-bank-answer-key.pdf").read_bytes() == OURS


def test_a_stale_key_that_cannot_be_removed_is_named_and_the_build_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")

    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "test-bank-answer-key.pdf":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    for _ in range(2):  # and still the record's, not "not among the files" it lists
        files, said = _build(tmp_path, capsys)
        assert "test-bank-answer-key.pdf" in files
        assert said == [
            "note: test-bank-answer-key.pdf is not this build's: this build prints the key at "
            "the end of the student edition (--student-key); left unchanged: it cannot be "
            "removed (Permission denied) (remove it if it is an old key or sheet)"
        ]


def test_a_name_differing_in_case_only_is_another_version_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system that ignores case (macOS, Windows) version "a"'s stale key would
    be found as version "A"'s: the name must be the folder's own, case and all (review
    s28-diff, finding 3). Such a file system is imitated here by an lstat that ignores case."""
    (tmp_path / "b-answer-key-shuffleA.pdf").write_bytes(OURS)
    real_lstat = os.lstat

    def lstat_ignoring_case(path: Any) -> os.stat_result:
        folder = Path(path).parent
        match = [name for name in os.listdir(folder) if name.lower() == Path(path).name.lower()]
        return real_lstat(folder / match[0]) if match else real_lstat(path)

    monkeypatch.setattr(stale_outputs.os, "lstat", lstat_ignoring_case)
    record = Record({"b-answer-key-shufflea.pdf": (digest(OURS),)})
    said = list(
        stale_outputs.remove_stale(tmp_path, [("b-answer-key-shufflea.pdf", "stale")], record)
    )
    assert said == [] and (tmp_path / "b-answer-key-shuffleA.pdf").read_bytes() == OURS


def test_a_stale_key_that_cannot_be_read_is_said_so_not_called_another_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")
    read_bytes = Path.read_bytes

    def unreadable_key(self: Path) -> bytes:
        if self.name == "test-bank-answer-key.pdf":
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable_key)
    files, said = _build(tmp_path, capsys)
    assert "test-bank-answer-key.pdf" in files
    assert said == [
        "note: test-bank-answer-key.pdf is not this build's: this build prints the key at the "
        "end of the student edition (--student-key); left unchanged: it cannot be read "
        "(Permission denied) (remove it if it is an old key or sheet)"
    ]


def _said(out: Path, *arguments: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The notes ``exambank build`` gives, not under a file, with the bank's folder cut."""
    capsys.readouterr()
    assert main(["build", *arguments, "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    return [line.replace(f"{out}/test-bank/", "") for line in lines if line.startswith("note")]


def test_an_export_not_built_is_named_as_maybe_not_matching_the_one_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s34-exports, finding 4: a build of the CSV alone left the JSON of an earlier
    build beside it, with no word, and an importer read a JSON and a CSV of two banks."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert _said(out, str(bank), "--only", "json,csv", capsys=capsys) == []
    document = out / "test-bank" / "test-bank.json"
    earlier = document.read_bytes()
    changed = QUESTION.replace("trains, tunes", "builds, tunes")
    (bank / "01-main.yaml").write_text(section_yaml(changed), encoding="utf-8")
    assert _said(out, str(bank), "--only", "csv", capsys=capsys) == [
        "note: test-bank.json is not this build's: --only csv builds no JSON; left unchanged, "
        "it may not match the sources or the files this build wrote (build json too, --only "
        "csv,json, or remove it)"
    ]
    assert document.read_bytes() == earlier  # the user's to remove, not the build's
    assert _said(out, str(bank), "--only", "csv,json", capsys=capsys) == []


def test_each_format_left_out_is_named_but_another_version_s_pdfs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    bank = str(write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}))
    out = tmp_path / "dist"
    _said(out, bank, "--student-key", "separate", capsys=capsys)
    _said(out, bank, "--only", "pdf", "--shuffle", "7", capsys=capsys)
    files = sorted(path.name for path in (out / "test-bank").iterdir())
    assert _said(out, bank, "--only", "json", capsys=capsys) == [
        "note: test-bank-student.pdf, test-bank-trainer.pdf, test-bank-answer-key.pdf and "
        "test-bank-questions.csv are not this build's: --only json builds no PDF or CSV; left "
        "unchanged, they may not match the sources or the files this build wrote (build pdf and "
        "csv too, --only json,pdf,csv, or remove them)"
    ]
    assert sorted(path.name for path in (out / "test-bank").iterdir()) == files


def test_only_a_file_of_the_name_the_folder_lists_is_named(tmp_path: Path) -> None:
    (tmp_path / "b.json").mkdir()  # not a file a format makes
    (tmp_path / "B-questions.csv").write_text("id\r\n", encoding="utf-8")  # another name
    (tmp_path / "b-student.pdf").write_bytes(OURS)
    names = [("b-student.pdf", "pdf"), ("b.json", "json"), ("b-questions.csv", "csv")]
    assert stale_outputs.unbuilt(tmp_path, names) == stale_outputs.Unbuilt(
        (tmp_path / "b-student.pdf",), ("pdf",)
    )
    assert stale_outputs.unbuilt(tmp_path, names[1:]) is None


def test_a_record_edited_to_capital_hex_digits_still_tells_the_key_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s38-hostile #5: "ABC1..." is the same digest as "abc1..."; the key a build
    wrote, untouched, was kept as "changed since exambank made it"."""
    monkeypatch.setattr(render_module, "render_pdf", _fake_render)
    _build(tmp_path, capsys, "--student-key", "separate")
    record = tmp_path / "dist" / "test-bank" / RECORD
    document = json.loads(record.read_bytes())
    document["sha256"] = {name: held.upper() for name, held in document["sha256"].items()}
    record.write_text(json.dumps(document), "utf-8")
    files, said = _build(tmp_path, capsys)
    assert "test-bank-answer-key.pdf" not in files
    assert said == [
        "removed test-bank-answer-key.pdf, an earlier build's: this build prints the key at "
        "the end of the student edition (--student-key)"
    ]


def test_a_record_that_is_a_pipe_is_not_waited_on(tmp_path: Path) -> None:
    """Review s38-hostile #3: reading a FIFO in the record's place waited for a writer for
    ever, after every PDF was made: a CI job hung until its hard timeout."""
    os.mkfifo(tmp_path / RECORD)
    read: list[Record] = []
    reader = threading.Thread(target=lambda: read.append(build_record.read(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert read, "reading the record waited on the pipe"
    assert read[0].digests == {}
    assert read[0].unlisted.endswith("cannot be read (it is not a file)")


def test_a_folder_in_the_record_s_place_stops_the_build_before_anything_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s38-hostile #4: a folder named .exambank-build failed the build with "Is a
    directory" (exit 3) only when the files landed, after minutes of rendering."""
    rendered: list[str] = []

    def render(*arguments: Any, **keywords: Any) -> tuple[bytes, tuple[str, ...]]:
        rendered.append("pdf")
        return _fake_render(*arguments, **keywords)

    monkeypatch.setattr(render_module, "render_pdf", render)
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    folder = tmp_path / "dist" / "test-bank"
    (folder / RECORD / "inside").mkdir(parents=True)
    capsys.readouterr()
    assert main(["build", str(bank), "--only", "pdf", "--out", str(tmp_path / "dist")]) == 2
    assert rendered == []
    assert sorted(path.name for path in folder.iterdir()) == [RECORD]
    assert (
        f"{folder / RECORD}: a folder stands where the build writes the record of the files a "
        "build wrote: remove or rename the folder, or build into another --out"
    ) in capsys.readouterr().err
