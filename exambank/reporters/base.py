"""What every reporter receives: the diagnostics, and a little context about the run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.fingerprint import bank_ids
from exambank.lint import LintResult


class CheckedQuestion(NamedTuple):
    path: str
    question: str
    line: int = 0  # where it starts: tells apart two questions of one file with one id


@dataclass(frozen=True)
class Context:
    """``questions``: every question the rules checked, in bank order, ``manifests``: the
    manifest of every bank read, in bank order, and ``files``: every file of every bank
    read, in bank order, each bank's manifest first (``Bank.sources_in_order``; the three
    for junit); ``color``: paint the text report; ``strict``: warnings fail the run too;
    ``notes``: what the report must say besides its findings (rules that did not run on a
    bank in another language); ``unlisted``: findings left out of the listing
    (``--errors-only``), which the text report still counts; ``baseline``: the baseline
    file the run was judged by, as shown, and ``known``: the findings it held, left out of
    the listing (sarif marks them); ``suppressed``: the bank files' suppression entries
    that dropped findings, in bank order, each with the findings it dropped (the github
    job summary lists the entries, sarif the findings, as suppressed results, junit in
    their questions' output; the text summary counts them), and ``unlisted_suppressed``:
    with ``--errors-only``, the entries' parts that dropped warnings, left out of
    ``suppressed`` as the warnings are left out of the listing, and counted as those are;
    ``list_suppressed``: ``--format json`` lists those findings too, which it leaves out
    unless asked (its readers count its items as findings); ``bank_ids``: each checked
    bank's folder and the id lint read in its manifest, for the fingerprints (no report
    reads a manifest again, nor one lint refused as too large)."""

    questions: tuple[CheckedQuestion, ...] = ()
    color: bool = False
    strict: bool = False
    manifests: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    unlisted: tuple[Diagnostic, ...] = ()
    baseline: str | None = None
    known: tuple[Diagnostic, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    list_suppressed: bool = False
    bank_ids: tuple[tuple[str, str | None], ...] = ()
    files: tuple[str, ...] = ()
    unlisted_suppressed: tuple[Suppressed, ...] = ()

    @classmethod
    def of(
        cls,
        result: LintResult,
        *,
        color: bool = False,
        strict: bool = False,
        unlisted: tuple[Diagnostic, ...] = (),
    ) -> Context:
        questions = tuple(
            CheckedQuestion(ref.source.display, ref.question.id, ref.where()[0])
            for bank in result.banks
            for ref in bank.questions()
        )
        manifests = tuple(bank.manifest_source.display for bank in result.banks)
        files = tuple(source.display for bank in result.banks for source in bank.sources_in_order())
        notes, suppressed = tuple(result.notes), tuple(result.suppressed)
        ids = tuple(bank_ids(result.banks))
        return cls(
            questions,
            color,
            strict,
            manifests,
            notes,
            unlisted,
            suppressed=suppressed,
            bank_ids=ids,
            files=files,
        )


PLAIN = Context()


class Reporter(Protocol):
    def __call__(self, diagnostics: Sequence[Diagnostic], context: Context = ..., /) -> str: ...
