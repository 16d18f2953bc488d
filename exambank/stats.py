"""``exambank stats``: what a bank holds and where its item-writing flaws are.

Everything here is counted from a lint run's result -- its banks and its diagnostics --
so the report shows exactly the findings ``exambank lint`` would, under the same
configuration; those the configured baseline holds, which lint hides, are counted too
(they are flaws still to fix) and said to be held. Nothing is checked again. The key
statistics are the same ones the ``answer-key-balance`` and ``longest-option-key`` rules
test, with those rules' options: below their ``min_questions`` there is no p-value, as
there is no finding. The answer runs are those ``answer-run`` reports, with its
``min_run``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exambank.bank import Bank, QuestionRef, section_id_of
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import LintResult
from exambank.random_keys import commonest_letter_share, run_chance
from exambank.reporters.text import visible
from exambank.rules import RULES
from exambank.rules.answer_runs import answer_runs, keyed_letters
from exambank.rules.key_repeats import key_repeats
from exambank.rules.letter_spread import KeySpread, StrataSpread, single_answer_questions
from exambank.rules.longest_key import (
    MARGIN_CHARACTERS,
    MARGIN_PERCENT,
    KeyLengthRates,
    KeyLengthTest,
)
from exambank.stats_keys import KeyLetters, KeyStratum
from exambank.stats_lengths import KeyLengthCount, LongestKey
from exambank.stats_model import (
    BankStats,
    BaselineHeld,
    QuestionFindings,
    SectionStats,
    UnreadFile,
)
from exambank.stats_order import AnswerRun, AnswerRuns, KeyRepeats
from exambank.stats_words import expected_count, expected_decimals, noun

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
    single = single_answer_questions(bank)
    return BankStats(
        id=bank.id,
        title=bank.manifest.title,
        language=bank.manifest.language,
        questions=len(refs),
        sections=sections,
        unread=unread,
        types=dict(Counter(ref.question.type for ref in refs).most_common()),
        difficulties=dict(Counter(map(_difficulty, refs)).most_common()),
        keys=_key_letters(single, _unanswered(refs), config.options_for("answer-key-balance")),
        longest_key=_longest_key(single, config.options_for("longest-option-key")),
        answer_runs=_answer_runs(
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


def _unanswered(refs: list[QuestionRef]) -> int:
    """The single-answer questions whose answer is not set yet (``answer: []``, as
    ``exambank new`` writes it): they have no key letter to count."""
    return sum(ref.question.type == "single" and not ref.question.answer_letters for ref in refs)


def _key_letters(single: list[QuestionRef], unanswered: int, options: dict[str, Any]) -> KeyLetters:
    """The letters of every single-answer question, and answer-key-balance's test of them:
    within each option count, the true/false questions by value and letter."""
    spread, strata = KeySpread.of(single), StrataSpread.of(single)
    truths = strata.truths
    tested = strata.questions >= max(options["min_questions"], 1) and strata.p_value is not None
    commonest = max(spread.observed, key=spread.observed.__getitem__, default=None)
    return KeyLetters(
        spread.observed,
        spread.expected,
        len(single),
        unanswered,
        options["min_questions"],
        options["p_value"],
        strata.p_value if tested else None,
        strata.test if tested else None,
        strata.statistic,
        strata.degrees,
        next(iter(strata.strata.values())).pooled if len(strata.strata) == 1 else [],
        commonest,
        spread.observed[commonest] / len(single) if commonest else 0.0,
        commonest_letter_share(["".join(ref.question.options) for ref in single]),
        sum(1 / len(ref.question.options) for ref in single) / len(single) if single else 0.0,
        truths.questions,
        truths.true_keys,
        truths.first_keys,
        truths.true_first,
        list(truths.letters),
        truths.p_value if truths.questions >= max(options["min_questions"], 1) else None,
        [
            KeyStratum(
                count,
                stratum.questions,
                stratum.observed,
                stratum.expected,
                stratum.p_value,
                stratum.test,
                stratum.statistic,
                stratum.degrees,
                stratum.pooled,
            )
            for count, stratum in strata.strata.items()
        ],
    )


def _longest_key(single: list[QuestionRef], options: dict[str, Any]) -> LongestKey:
    rates = KeyLengthRates.of(single)
    min_questions = max(options["min_questions"], 1)

    def counted(test: KeyLengthTest) -> KeyLengthCount:
        tested = rates.measured >= min_questions and test.questions > 0
        return KeyLengthCount(
            test.keys, test.questions, test.chance, test.p_value if tested else None
        )

    return LongestKey(
        counted(rates.longest),
        counted(rates.shortest),
        MARGIN_CHARACTERS,
        MARGIN_PERCENT / 100,
        options["min_questions"],
        options["p_value"],
        rates.measured,
        rates.left_out,
        rates.shortest_left_out,
        rates.ties,
        rates.picking_longest / rates.measured if rates.measured else 0.0,
        rates.guessing / rates.measured if rates.measured else 0.0,
    )


def _answer_runs(bank: Bank, options: dict[str, Any], alternation: dict[str, Any]) -> AnswerRuns:
    runs = [
        AnswerRun(
            run[0].question.answer_letters[0], len(run), run[0].question.id, run[-1].question.id
        )
        for run in answer_runs(bank, options["min_run"])
    ]
    longest = max((run.length for run in runs), default=0)
    chance = run_chance(keyed_letters(bank), longest) if runs else None
    counted = key_repeats(bank)
    repeats = KeyRepeats(
        counted.pairs,
        counted.repeats,
        counted.expected,
        counted.fewer_p,
        counted.more_p,
        alternation["min_questions"],
        alternation["p_value"],
    )
    return AnswerRuns(options["min_run"], runs, chance, repeats)


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
