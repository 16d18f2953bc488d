"""The text report of ``exambank stats``: what ``stats.py`` counted, as lines a terminal
shows; the HTML report (``stats_html.py``) words its sentences with these too.
"""

from __future__ import annotations

from exambank.reporters.text import visible
from exambank.stats_model import BankStats
from exambank.stats_words import expected_count, expected_decimals, noun


def render_text(stats: list[BankStats]) -> str:
    return "\n".join(_bank_text(bank) for bank in stats) or "no bank could be read\n"


def _bank_text(bank: BankStats) -> str:
    lines = [f"{bank.title} ({bank.id}): {bank.questions} {noun(bank.questions, 'question')}"]
    lines += [f"{unread.path}: {unread.describe()}" for unread in bank.unread]
    lines += ["", "Questions and findings per section, answer runs aside"]
    width = max((len(section.id) for section in bank.sections), default=7)
    for section in bank.sections:
        count = "?" if section.questions is None else section.questions  # unknown: not read
        questions = noun(section.questions or 0, "question")
        findings = noun(section.total_findings, "finding")
        if share := section.flagged_share():  # "1 finding  in" lines up with "2 findings in"
            flagged = section.questions_with_findings or 0
            findings = f"{findings:<8} in {flagged} {noun(flagged, 'question')} ({share})"
        line = (
            f"  {section.id:<{width}}  {count:>4} {questions:<11}"
            f"{section.total_findings:>4} {findings}"
        )
        lines.append(f"{line}; {not_read}" if (not_read := bank.not_read(section)) else line)
    lines += ["", "Types: " + listed_counts(bank.types)]
    lines.append("Difficulty: " + listed_counts(bank.difficulties))
    keys, rate = bank.keys, bank.longest_key
    lines.append("")
    if keys.questions:
        single = noun(keys.questions, "single-answer question")
        lines.append(f"Key letters ({keys.questions} {single}; expected if even)")
        decimals = expected_decimals(keys.expected.values())
        for letter, count in keys.observed.items():
            due = expected_count(keys.expected[letter], decimals)
            lines.append(f"  {letter}  {count:>4}  (expected {due})")
        lines += [f"  {said}" for said in keys.sentences()]
        for said in (rate.sentences(), rate.shortest_sentences()):
            if said:
                lines += [sentence(said[0]), *(f"  {then}" for then in said[1:])]
        lines.append(sentence(bank.answer_runs.describe()))
        repeats = bank.answer_runs.repeats
        if repeats and (said := repeats.sentences()):
            lines += [sentence(said[0]), *(f"  {more}" for more in said[1:])]
    else:
        lines.append("Key letters: " + (keys.unanswered_sentence() or "no single-answer questions"))
    if untested := bank.untested_keys():
        lines.append(sentence(untested))
    lines.append("")
    lines.append(
        f"Findings: {bank.errors} {noun(bank.errors, 'error')}, "
        f"{bank.warnings} {noun(bank.warnings, 'warning')}"
    )
    lines += [f"  {rule:<24} {count:>4}" for rule, count in bank.findings.items()]
    if bank.not_run:  # so the count is not read as that of every check
        lines.append(f"  note: {bank.not_run}")
    if held := bank.baseline_sentence():  # so it is not read as lint's count
        lines.append(f"  note: {held}")
    if bank.worst:
        lines += ["", "Questions with the most findings, answer runs aside"]
        for question in bank.worst:
            lines.append(
                f"  {question.path}:{question.line}: {question.id}  "
                f"{question.total_findings}: "
                + ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in question.rules.items())
            )
        if more := more_flagged(bank):
            lines.append(f"  ... {more}")
    return "\n".join(map(visible, lines)) + "\n"  # a title's "\r\n" or ESC shows as such


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


def more_flagged(bank: BankStats) -> str:
    """ "and 18 more questions with findings" for those the report leaves out, or ""."""
    more = bank.questions_with_findings - len(bank.worst)
    return f"and {more} more {noun(more, 'question')} with findings" if more else ""


def listed_counts(counts: dict[str, int]) -> str:
    """``{"single": 50, "multiple": 5}`` as "single 50, multiple 5"."""
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"
