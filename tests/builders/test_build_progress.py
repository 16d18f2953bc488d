"""A build in the order a big bank needs: every name checked first, the quick exports
made at once, then each PDF edition announced and made before the next, so the user sees
progress and one edition at a time is held in memory; the files land together once all
are made, so a build that fails part way leaves the previous build's files."""

from __future__ import annotations

import gc
import io
import sys
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from weasyprint.document import Document

from exambank.bank import Bank
from exambank.build import Making, Written, build
from exambank.builders import Builder, Output, Settings
from exambank.builders import render as render_module
from exambank.builders.base import Step
from exambank.builders.pdf import PdfBuilder
from exambank.cli import main
from exambank.errors import UsageError
from tests.conftest import QUESTION, section_yaml, write_bank


def _fake_render(seen: Callable[[], None]) -> Callable[..., tuple[bytes, tuple[str, ...]]]:
    """A render_pdf that calls ``seen`` and returns at once: the order, not the PDF."""

    def render_pdf(
        html: str, root: Path, settings: Settings, pages: object = None, footer: object = None
    ) -> tuple[bytes, tuple[str, ...]]:
        seen()
        return b"%PDF-1.7 fake", ()

    return render_pdf


class _Flushed(io.StringIO):
    """Standard output that remembers what had been flushed, as a pipe in CI shows it."""

    shown = ""

    def flush(self) -> None:
        self.shown = self.getvalue()


def test_each_edition_is_announced_before_it_is_made_and_each_file_once_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = _Flushed()
    shown_at_render: list[str] = []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # no note under a handout's line
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(
        render_module, "render_pdf", _fake_render(lambda: shown_at_render.append(stdout.shown))
    )
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    folder = tmp_path / "dist" / "test-bank"
    assert main(["build", str(bank), "--out", str(tmp_path / "dist")]) == 0
    first, second = shown_at_render  # what was on screen while each edition was made
    assert first.splitlines()[-1] == "rendering the student handout of test-bank (1 question) ..."
    assert second.splitlines()[-1] == "rendering the trainer handout of test-bank (1 question) ..."
    assert "wrote" not in second  # no file is in place before every file is made
    assert first.endswith("\n") and second.endswith("\n")  # whole lines
    *_, json, csv, student_pdf, trainer_pdf, summary = stdout.getvalue().splitlines()
    assert json.startswith(f"wrote {folder / 'test-bank.json'} (")
    assert csv.startswith(f"wrote {folder / 'test-bank-questions.csv'} (")
    assert student_pdf.startswith(f"wrote {folder / 'test-bank-student.pdf'} (")
    assert trainer_pdf.startswith(f"wrote {folder / 'test-bank-trainer.pdf'} (")
    assert summary.startswith("Built 4 files (")


def test_the_count_is_grouped_in_thousands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(render_module, "render_pdf", _fake_render(lambda: None))
    questions = [QUESTION.replace("id: q1", f"id: q{number}") for number in range(1000)]
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    assert main(["build", str(bank), "--out", str(tmp_path / "dist"), "--only", "pdf"]) == 0
    out = capsys.readouterr().out
    assert "rendering the trainer handout of test-bank (1,000 questions) ...\n" in out


class _Quick(Builder):
    """Two small files made at once, as the JSON and its images are."""

    name, description = "quick", "made at once"
    made: list[weakref.ref[Output]]

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        outputs = [Output(f"{bank.id}.txt", b"text"), Output("images/a.png", b"png")]
        self.made = [weakref.ref(output) for output in outputs]
        return outputs

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}.txt",)


class _Slow(Builder):
    """Two files made one at a time, as the PDF editions are; ``fails`` names the one
    whose making fails, and ``alive`` is, at each step, which files made so far are
    still held in memory."""

    name, description = "slow", "made in steps"

    def __init__(self, quick: _Quick, names: tuple[str, ...] = (), fails: str = "") -> None:
        self.quick, self.names, self.fails = quick, names, fails
        self.made: list[weakref.ref[Output]] = []
        self.alive: list[list[bool]] = []

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        return [step.make() for step in self.steps(bank, settings)]

    def steps(self, bank: Bank, settings: Settings) -> list[Step]:
        names = self.names or self.file_names(bank.id)
        return [Step(name, f"the {name}", self._maker(name)) for name in names]

    def _maker(self, name: str) -> Callable[[], Output]:
        def make() -> Output:
            gc.collect()
            self.alive.append([ref() is not None for ref in [*self.quick.made, *self.made]])
            if name == self.fails:
                raise RuntimeError("layout failed")
            output = Output(name, name.encode())
            self.made.append(weakref.ref(output))
            return output

        return make

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}-one.bin", f"{bank_id}-two.bin")


@pytest.fixture
def bank(make_bank: Callable[..., Bank]) -> Bank:
    return make_bank({"01-main.yaml": section_yaml(QUESTION)})


def test_each_file_is_dropped_from_memory_once_on_disk(bank: Bank, tmp_path: Path) -> None:
    quick = _Quick()
    slow = _Slow(quick)
    progress = list(build([bank], [slow, quick], tmp_path / "dist"))
    # the quick files are made first whatever the order asked for, and none is held any
    # more when the first slow one is made, nor that one when the second is
    assert slow.alive == [[False, False], [False, False, False]]
    assert [type(step) for step in progress] == [Making, Making, *[Written] * 4]
    assert [step.label for step in progress if isinstance(step, Making)] == [
        "the test-bank-one.bin",
        "the test-bank-two.bin",
    ]


def test_a_step_named_as_another_file_stops_the_build_before_anything_is_made(
    bank: Bank, tmp_path: Path
) -> None:
    quick = _Quick()
    slow = _Slow(quick, names=("test-bank-one.bin", "images/a.png"))
    with pytest.raises(UsageError, match=r"images/a\.png: the build would write two files"):
        list(build([bank], [quick, slow], tmp_path / "dist"))
    assert slow.alive == []  # no step made
    assert not (tmp_path / "dist").exists()


def test_a_step_that_fails_leaves_the_previous_build_and_no_temporary_file(
    bank: Bank, tmp_path: Path
) -> None:
    folder = tmp_path / "dist" / "test-bank"
    folder.mkdir(parents=True)
    (folder / "test-bank-one.bin").write_bytes(b"the previous build's")
    slow = _Slow(_Quick(), fails="test-bank-two.bin")
    with pytest.raises(RuntimeError, match="layout failed"):
        list(build([bank], [slow, slow.quick], tmp_path / "dist"))
    # not the quick files, nor the first edition, made before the second failed, nor the
    # images folder made for them
    assert [path.name for path in folder.iterdir()] == ["test-bank-one.bin"]
    assert (folder / "test-bank-one.bin").read_bytes() == b"the previous build's"


class _DatedSlow(_Slow):
    prints_date = True


def test_a_step_that_prints_the_date_is_noted_when_there_is_none(
    bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # and no git repository
    slow = _DatedSlow(_Quick())
    progress = build([bank], [slow, slow.quick], tmp_path / "dist")
    notes = [event.notes for event in progress if isinstance(event, Written)]
    assert [len(noted) for noted in notes] == [0, 0, 1, 0]  # said once, for the bank
    assert notes[2][0].startswith("no build date: ")


def test_the_layouts_garbage_is_freed_before_the_pdf_is_written(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout leaves its box tree and context in reference cycles: left for Python's
    collector, they held a big bank's memory while the PDF was written, a quarter more."""
    left: list[int] = []
    write_pdf = Document.write_pdf

    def counting(document: Document, *arguments: object, **options: object) -> bytes:
        left.append(gc.collect())  # what was unreachable when the writing started
        return bytes(write_pdf(document, *arguments, **options))

    monkeypatch.setattr(Document, "write_pdf", counting)
    PdfBuilder().build(bank, Settings())
    assert left == [0, 0]
