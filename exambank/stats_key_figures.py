"""The answer key's figures in ``exambank stats``: its letters, its length against the
other options' and its runs. They are the same ones the ``answer-key-balance`` and
``longest-option-key`` rules test, with those rules' options: below their ``min_questions``
there is no p-value, as there is no finding. The answer runs are those ``answer-run``
reports, with its ``min_run``.
"""

from __future__ import annotations

from typing import Any

from exambank.bank import Bank, QuestionRef
from exambank.random_keys import commonest_letter_share, run_chance
from exambank.rules.answer_runs import answer_runs, keyed_letters
from exambank.rules.key_repeats import key_repeats
from exambank.rules.letter_spread import KeySpread, StrataSpread
from exambank.rules.longest_key import (
    MARGIN_CHARACTERS,
    MARGIN_PERCENT,
    KeyLengthRates,
    KeyLengthTest,
)
from exambank.stats_keys import KeyLetters, KeyStratum
from exambank.stats_lengths import KeyLengthCount, LongestKey
from exambank.stats_order import AnswerRun, AnswerRuns, KeyRepeats


def unanswered_count(refs: list[QuestionRef]) -> int:
    """The single-answer questions whose answer is not set yet (``answer: []``, as
    ``exambank new`` writes it): they have no key letter to count."""
    return sum(ref.question.type == "single" and not ref.question.answer_letters for ref in refs)


def key_letters(
    single: list[QuestionRef], true_false: list[bool], unanswered: int, options: dict[str, Any]
) -> KeyLetters:
    """The letters of every single-answer question, and answer-key-balance's test of them:
    within each option count, the true/false questions by value and letter."""
    spread, strata = KeySpread.of(single), StrataSpread.of(single, true_false)
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


def longest_key(
    single: list[QuestionRef], true_false: list[bool], options: dict[str, Any]
) -> LongestKey:
    rates = KeyLengthRates.of(single, true_false)
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


def answer_runs_of(bank: Bank, options: dict[str, Any], alternation: dict[str, Any]) -> AnswerRuns:
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
