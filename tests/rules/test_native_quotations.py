"""German and Russian quotation marks in negative stems (review-s20sec, finding 2): a
negative inside „...“, »...« or «...» is quoted, not asked; an opening mark with no closing
one on its line quotes nothing. Read in linear time: a stem of thousands of unclosed
marks cost seconds when a pattern scanned to the line's end from each of them."""

# ruff: noqa: RUF001  # German and Russian quotation marks are the point

from __future__ import annotations

import re
from typing import Any

import pytest

from exambank.diagnostics import Diagnostic
from exambank.rules import negatives_german, negatives_russian
from exambank.rules.wording import QuotationMarks
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import only, question

GERMAN = "id: test-bank\ntitle: Testbank\nlanguage: de\nsections: [main]\n"
RUSSIAN = "id: test-bank\ntitle: Банк\nlanguage: ru\nsections: [main]\n"
OPTIONS = {"A": "OSPF", "B": "RIP", "C": "BGP", "D": "DHCP"}


def negatives(lint_bank: LintBank, bank_yaml: str, stem: str) -> list[Diagnostic]:
    section = section_yaml(question(stem=stem, options=OPTIONS))
    result = lint_bank({"01-main.yaml": section}, bank_yaml, only("negative-stem"))
    return [finding for finding in result.diagnostics if finding.rule == "negative-stem"]


@pytest.mark.parametrize(
    ("bank_yaml", "stem"),
    [
        (GERMAN, "Welcher Grundsatz lautet „Keine Buchung ohne Beleg”?"),
        (GERMAN, "Wer sagte »Das geht nicht«?"),
        (GERMAN, "Wer sagte «Das geht nicht»?"),
        # an opening mark inside a quotation is part of it
        (GERMAN, "Wer sagte „Ja „und nicht nein“?"),
        (GERMAN, "Wer sagte „Nein“ und „Das geht nicht“?"),
        (RUSSIAN, "Какой принцип выражает фраза «Не навреди»?"),
        (RUSSIAN, "Какой принцип выражает фраза „Не навреди“?"),
        (RUSSIAN, "Кто сказал «да «и не нет»?"),
    ],
)
def test_a_negative_inside_quotation_marks_is_quoted(
    lint_bank: LintBank, bank_yaml: str, stem: str
) -> None:
    assert negatives(lint_bank, bank_yaml, stem) == []


@pytest.mark.parametrize(
    ("bank_yaml", "stem"),
    [
        (GERMAN, "Welche Aussage „trifft nicht zu?"),  # no closing mark
        (GERMAN, "Welche „Aussage trifft nicht» zu?"),  # a closing mark of another kind
        (GERMAN, "Welche Aussage trifft «Ja» und nicht zu?"),  # after the quotation
        (GERMAN, "Welche „Aussage\ntrifft nicht zu“?"),  # a quotation ends with its line
        (RUSSIAN, "Какое утверждение «не верно?"),
        (RUSSIAN, "Какое утверждение »не« верно?"),  # not Russian quotation marks
    ],
)
def test_a_negative_outside_quotation_marks_is_asked(
    lint_bank: LintBank, bank_yaml: str, stem: str
) -> None:
    assert len(negatives(lint_bank, bank_yaml, stem)) == 1


class _Counted:
    """A pattern that counts the characters its searches read, from where each starts to
    where its match ends (or the text's end)."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self.pattern, self.read = pattern, read

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        found = self.pattern.search(text, position)
        self.read[0] += (found.end() if found else len(text)) - position
        return found


def _counted(marks: QuotationMarks, read: list[int]) -> Any:
    closing = {mark: _Counted(pattern, read) for mark, pattern in marks.closing.items()}
    return QuotationMarks(_Counted(marks.opening, read), closing)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("module", "bank_yaml", "lead_in", "marks"),
    [
        (negatives_german, GERMAN, "Welche Aussage trifft nicht zu ", "„"),
        (negatives_german, GERMAN, "Welche Aussage trifft nicht zu ", "»"),
        (negatives_german, GERMAN, "Welche Aussage trifft nicht zu ", "«"),
        (negatives_german, GERMAN, "Welche Aussage trifft nicht zu ", "„»«“"),
        (negatives_russian, RUSSIAN, "Какое утверждение не верно ", "«"),
        (negatives_russian, RUSSIAN, "Какое утверждение не верно ", "„"),
        (negatives_russian, RUSSIAN, "Какое утверждение не верно ", "«„»"),
    ],
)
def test_unclosed_quotation_marks_are_read_in_linear_time(
    lint_bank: LintBank,
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    bank_yaml: str,
    lead_in: str,
    marks: str,
) -> None:
    """Each character of a stem of 3,000 opening marks that no mark closes is read a few
    times, not once for each mark before it (millions of times)."""
    reading = module._GERMAN if module is negatives_german else module._RUSSIAN
    read = [0]
    counted = reading._replace(quotes=_counted(reading.quotes, read))
    monkeypatch.setattr(module, "_GERMAN" if module is negatives_german else "_RUSSIAN", counted)
    stem = lead_in + marks * (3000 // len(marks)) + "?"
    assert len(negatives(lint_bank, bank_yaml, stem)) == 1
    assert 0 < read[0] <= 4 * len(stem)
