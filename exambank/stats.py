"""``exambank stats``: what a bank holds and where its item-writing flaws are.

Everything here is counted from a lint run's result -- its banks and its diagnostics --
so the report shows exactly the findings ``exambank lint`` would, under the same
configuration; those the configured baseline holds, which lint hides, are counted too
(they are flaws still to fix) and said to be held. Nothing is checked again. The key's
figures are those its rules test, with their options (``stats_key_figures.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from exambank.bank import Bank, QuestionRef, section_id_of
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.rules import RULES
from exambank.stats_key_figures import (
    answer_runs_of,
    key_letters,
    longest_key,
    unanswered_count,
)
from exambank.stats_model import (
    BankStats,
    BaselineHeld,
    QuestionFindings,
    SectionStats,
    UnreadFile,
)

WORST_SHOWN = 10
# The findings that keep a file or a question out of the counts.
UNCOUNTED = frozenset({"file-size", "yaml-syntax", "encoding", "schema"})
# The rules whose findings are about the bank's order, not the questions they name (a key
# letter in a run is no flaw of that question): left out of the sections' and questions'
# counts, so the worst questions are those to rewrite first.
ABOUT_ORDER = frozenset(name for name, rule in RULES.items() if rule.about_order)
# The configured baseline's name, as lint names it, and the findings of the run it holds
Held = tuple[str, Sequence[Diagnostic]]


def bank_stats(
    result: LintResult,
    config: Config | None = None,
    worst: int = WORST_SHOWN,
    baseline: Held | None = None,
) -> list[BankStats]:
    """Statistics for every bank the lint run could read, in the order it read them;
    ``worst`` questions with findings are listed (0: all). ``baseline``: the configured
    baseline's name and the findings of the run it holds, which are counted all the same."""
    config = config or Config()
    notes = {note.path: note.message for note in result.notes}
    stats = []
    for bank in result.banks:
        found = _bank_stats(
            bank, result.diagnostics, config, worst, notes.get(bank.manifest_source.display)
        )
        if baseline is not None:
            found.baseline = _held(bank, *baseline)
        stats.append(found)
    return stats


def _held(bank: Bank, path: str, held: Sequence[Diagnostic]) -> BaselineHeld:
    """How many of ``bank``'s findings are among those the baseline ``path`` holds."""
    paths = _paths(bank)
    mine = [found for found in held if found.path in paths]
    errors = sum(found.severity == "error" for found in mine)
    return BaselineHeld(path, len(mine), errors, len(mine) - errors)


def _paths(bank: Bank) -> set[str]:
    return {bank.manifest_source.display, *(source.display for source in bank.sources)}


def _bank_stats(
    bank: Bank, diagnostics: list[Diagnostic], config: Config, worst: int, not_run: str | None
) -> BankStats:
    paths = _paths(bank)
    found = [d for d in diagnostics if d.path in paths]
    refs = list(bank.questions())
    unread = _unread(bank, found)
    sections = _sections(bank, unread)
    by_path = {section.path: section for section in sections}
    by_question: dict[tuple[str, str], Counter[str]] = {}
    for diagnostic in found:
        if diagnostic.rule in ABOUT_ORDER:
            continue
        section = by_path.get(diagnostic.path)
        if section is not None:
            section.findings[diagnostic.rule] = section.findings.get(diagnostic.rule, 0) + 1
        if diagnostic.question is not None:
            key = (diagnostic.path, diagnostic.question)
            by_question.setdefault(key, Counter())[diagnostic.rule] += 1
    flagged = _flagged(bank, by_question)
    flagged_in = Counter(question.path for question in flagged)
    for section in sections:
        if section.questions is not None:  # read: the share of its questions compares
            section.questions_with_findings = flagged_in[section.path]
    single, true_false = bank.single_answer_questions, bank.single_answer_true_false
    return BankStats(
        id=bank.id,
        title=bank.manifest.title,
        language=bank.manifest.language,
        questions=len(refs),
        sections=sections,
        unread=unread,
        types=dict(Counter(ref.question.type for ref in refs).most_common()),
        difficulties=dict(Counter(map(_difficulty, refs)).most_common()),
        keys=key_letters(
            single, true_false, unanswered_count(refs), config.options_for("answer-key-balance")
        ),
        longest_key=longest_key(single, true_false, config.options_for("longest-option-key")),
        answer_runs=answer_runs_of(
            bank, config.options_for("answer-run"), config.options_for("answer-alternation")
        ),
        findings=dict(Counter(d.rule for d in found).most_common()),
        errors=sum(d.severity == "error" for d in found),
        warnings=sum(d.severity == "warning" for d in found),
        questions_with_findings=len(flagged),
        worst=flagged[: worst or None],
        not_run=not_run,
    )


def _sections(bank: Bank, unread: list[UnreadFile]) -> list[SectionStats]:
    """Every section file the manifest lists, in its order (as lint sorts them), those
    lint could not read among them with no title and no count of questions: its findings
    are still the section's."""
    order = {section_id: at for at, section_id in enumerate(bank.manifest.sections)}
    placed = [
        (
            (order.get(file.section.id, len(order)), file.source.display),
            SectionStats(
                file.section.id,
                file.section.title,
                file.source.display,
                len(file.section.questions),
            ),
        )
        for file in bank.files
    ]
    for file in unread:
        section_id = section_id_of(Path(file.file))
        stats = SectionStats(section_id, None, file.path, None)
        placed.append(((order.get(section_id, len(order)), file.path), stats))
    return [stats for _, stats in sorted(placed, key=lambda place: place[0])]


def _unread(bank: Bank, found: list[Diagnostic]) -> list[UnreadFile]:
    """The listed section files that are not in the bank, each with the first finding
    that kept it out (``found`` is sorted); none if the configuration ignores it."""
    counted = {file.source.display for file in bank.files}
    unread = []
    for source in bank.listed_sources:
        if source.display in counted:
            continue
        why = next((d for d in found if d.path == source.display and d.rule in UNCOUNTED), None)
        name = source.path.name
        if why is None:
            unread.append(UnreadFile(source.display, name, None, None, None))
        else:
            unread.append(UnreadFile(source.display, name, why.rule, why.line, why.column))
    return unread


def _difficulty(ref: QuestionRef) -> str:
    """The question's difficulty; "invalid" when one is written but the schema refused it
    (``difficulty: Hard``: the question is still counted, so the totals add up)."""
    if ref.question.difficulty is not None:
        return ref.question.difficulty
    written = ref.source.data["questions"][ref.index].get("difficulty")
    return "unset" if written is None else "invalid"


def _flagged(
    bank: Bank, by_question: dict[tuple[str, str], Counter[str]]
) -> list[QuestionFindings]:
    """The questions with findings, most first; ties in bank order."""
    flagged = []
    for ref in bank.questions():
        rules = by_question.get((ref.source.display, ref.question.id))
        if rules:
            flagged.append(
                QuestionFindings(
                    ref.question.id,
                    ref.section.id,
                    ref.source.display,
                    ref.source.path.name,
                    ref.where()[0],
                    dict(sorted(rules.items())),
                )
            )
    flagged.sort(key=lambda question: -question.total_findings)  # stable: ties keep bank order
    return flagged
