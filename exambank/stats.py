"""``exambank stats``: what a bank holds and where its item-writing flaws are.

Everything here is counted from a lint run's result -- its banks and its diagnostics --
so the report shows exactly the findings ``exambank lint`` would, under the same
configuration. Nothing is checked again. The key statistics are the same ones the
``answer-key-balance`` and ``longest-option-key`` rules test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.rules.key_patterns import KeySpread, LongestKeyRate, single_answer_questions

WORST_SHOWN = 10


@dataclass
class SectionStats:
    id: str
    title: str
    path: str
    questions: int
    findings: dict[str, int] = field(default_factory=dict)  # rule -> count

    @property
    def total_findings(self) -> int:
        return sum(self.findings.values())


@dataclass
class QuestionFindings:
    id: str
    section: str
    path: str
    line: int
    rules: list[str]


@dataclass
class BankStats:
    id: str
    title: str
    questions: int
    sections: list[SectionStats]
    types: dict[str, int]
    difficulties: dict[str, int]
    keys: KeySpread
    longest_key: LongestKeyRate
    findings: dict[str, int]  # rule -> count, over the whole bank
    errors: int
    warnings: int
    worst: list[QuestionFindings]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for section, stats in zip(data["sections"], self.sections, strict=True):
            section["total_findings"] = stats.total_findings
        return data


def bank_stats(result: LintResult, worst: int = WORST_SHOWN) -> list[BankStats]:
    """Statistics for every bank the lint run could read, in the order it read them."""
    return [_bank_stats(bank, result.diagnostics, worst) for bank in result.banks]


def _bank_stats(bank: Bank, diagnostics: list[Diagnostic], worst: int) -> BankStats:
    files = {file.source.display: file for file in bank.files}
    paths = {bank.manifest_source.display, *(source.display for source in bank.sources)}
    found = [d for d in diagnostics if d.path in paths]
    refs = list(bank.questions())
    sections = [
        SectionStats(file.section.id, file.section.title, display, len(file.section.questions))
        for display, file in files.items()
    ]
    by_path = {section.path: section for section in sections}
    by_question: dict[tuple[str, str], list[str]] = {}
    for diagnostic in found:
        section = by_path.get(diagnostic.path)
        if section is not None:
            section.findings[diagnostic.rule] = section.findings.get(diagnostic.rule, 0) + 1
        if diagnostic.question is not None:
            by_question.setdefault((diagnostic.path, diagnostic.question), []).append(
                diagnostic.rule
            )
    single = single_answer_questions(bank)
    return BankStats(
        id=bank.id,
        title=bank.manifest.title,
        questions=len(refs),
        sections=sections,
        types=dict(Counter(ref.question.type for ref in refs).most_common()),
        difficulties=dict(Counter(map(_difficulty, refs)).most_common()),
        keys=KeySpread.of(single),
        longest_key=LongestKeyRate.of(single),
        findings=dict(Counter(d.rule for d in found).most_common()),
        errors=sum(d.severity == "error" for d in found),
        warnings=sum(d.severity == "warning" for d in found),
        worst=_worst(bank, by_question, worst),
    )


def _difficulty(ref: QuestionRef) -> str:
    """The question's difficulty; "invalid" when one is written but the schema refused it
    (``difficulty: Hard``: the question is still counted, so the totals add up)."""
    if ref.question.difficulty is not None:
        return ref.question.difficulty
    written = ref.source.data["questions"][ref.index].get("difficulty")
    return "unset" if written is None else "invalid"


def _worst(
    bank: Bank, by_question: dict[tuple[str, str], list[str]], shown: int
) -> list[QuestionFindings]:
    """The questions with the most findings, most first; ties in bank order."""
    flagged = []
    for ref in bank.questions():
        rules = by_question.get((ref.source.display, ref.question.id))
        if rules:
            line = ref.where()[0]
            flagged.append(
                QuestionFindings(ref.question.id, ref.section.id, ref.source.display, line, rules)
            )
    flagged.sort(key=lambda question: -len(question.rules))  # stable: ties keep bank order
    return flagged[:shown]


def render_text(stats: list[BankStats]) -> str:
    return "\n".join(_bank_text(bank) for bank in stats) or "no bank could be read\n"


def _bank_text(bank: BankStats) -> str:
    lines = [f"{bank.title} ({bank.id}): {bank.questions} {noun(bank.questions, 'question')}", ""]
    lines.append("Questions and findings per section")
    width = max((len(section.id) for section in bank.sections), default=7)
    for section in bank.sections:
        lines.append(
            f"  {section.id:<{width}}  {section.questions:>4} "
            f"{noun(section.questions, 'question'):<11}"
            f"{section.total_findings:>4} {noun(section.total_findings, 'finding')}"
        )
    lines.append("")
    lines.append("Types: " + listed_counts(bank.types))
    lines.append("Difficulty: " + listed_counts(bank.difficulties))
    keys = bank.keys
    single = sum(keys.observed.values())
    lines.append("")
    lines.append(f"Key letters ({single} single-answer questions; expected if even)")
    for letter, count in keys.observed.items():
        lines.append(f"  {letter}  {count:>4}  (expected {keys.expected[letter]:.1f})")
    lines.append(
        f"  chi-square p = {keys.p_value:.2g}" if single else "  no single-answer questions"
    )
    rate = bank.longest_key
    if rate.questions:
        lines.append(
            f"Key is the longest option in {rate.longest} of {rate.questions} "
            f"({rate.longest / rate.questions:.0%}); chance gives {rate.chance:.1f} "
            f"({rate.chance / rate.questions:.0%}), binomial p = {rate.p_value:.2g}"
        )
    lines.append("")
    lines.append(
        f"Findings: {bank.errors} {noun(bank.errors, 'error')}, "
        f"{bank.warnings} {noun(bank.warnings, 'warning')}"
    )
    for rule, count in bank.findings.items():
        lines.append(f"  {rule:<24} {count:>4}")
    if bank.worst:
        lines.append("")
        lines.append("Questions with the most findings")
        for question in bank.worst:
            lines.append(
                f"  {question.path}:{question.line}: {question.id}  {len(question.rules)}: "
                + ", ".join(sorted(set(question.rules)))
            )
    return "\n".join(lines) + "\n"


def noun(count: int, word: str) -> str:
    """``word`` in the number ``count`` takes: "finding" for 1, "findings" otherwise."""
    return word if count == 1 else f"{word}s"


def listed_counts(counts: dict[str, int]) -> str:
    """``{"single": 50, "multiple": 5}`` as "single 50, multiple 5"."""
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"
