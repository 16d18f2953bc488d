"""Bank-wide patterns in the answer key that let a test-wise candidate guess."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterator

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.significance import binomial_tail, chi_square_tail


def single_answer_questions(bank: Bank) -> list[QuestionRef]:
    """Questions with one answer that names one of at least two options."""
    return [
        ref
        for ref in bank.questions()
        if len(ref.question.answer_letters) == 1
        and ref.question.answer_letters[0] in ref.question.options
        and len(ref.question.options) >= 2
    ]


def key_is_strictly_longest(ref: QuestionRef) -> bool:
    """The key has more characters than every other option (ties do not count)."""
    question = ref.question
    key = question.answer_letters[0]
    key_length = len(question.option_text(key).strip())
    return all(
        key_length > len(question.option_text(letter).strip())
        for letter in question.options
        if letter != key
    )


def _manifest_diagnostic(bank: Bank, rule: BankRule, message: str, hint: str) -> Diagnostic:
    line, column = bank.manifest_source.where(("sections",))
    return Diagnostic(
        bank.manifest_source.display, line, column, rule.severity, rule.name, message, hint
    )


class AnswerKeyBalance(BankRule):
    """The correct letters are far from evenly spread over A, B, C ...

    Counts the key letter of every single-answer question and tests the counts against
    an even spread with a chi-square goodness-of-fit test; a question with k options
    adds 1/k to the expected count of each of its letters. Reported on the manifest
    when the p-value is below ``p_value`` and the bank has at least ``min_questions``
    such questions, naming the most over-used letter and by how much. Candidates learn
    such a bias quickly ("when in doubt, pick B").

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 20).

    Bad:
        40 of 55 answers are B

    Good:
        answers spread about evenly over A-D (shuffle with ``exambank build --shuffle``
        or reletter the options)
    """

    name = "answer-key-balance"
    severity = "warning"
    options = {"p_value": 0.001, "min_questions": 20}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = single_answer_questions(bank)
        if len(refs) < options["min_questions"]:
            return
        observed: Counter[str] = Counter(ref.question.answer_letters[0] for ref in refs)
        expected: Counter[str] = Counter()
        for ref in refs:
            share = 1 / len(ref.question.options)
            for letter in ref.question.options:
                expected[letter] += share
        letters = [letter for letter in string.ascii_uppercase if expected[letter] > 0]
        statistic = sum((observed[x] - expected[x]) ** 2 / expected[x] for x in letters)
        p = chi_square_tail(statistic, len(letters) - 1)
        if p >= options["p_value"]:
            return
        worst = max(letters, key=lambda x: observed[x] - expected[x])
        spread = ", ".join(f"{x} {observed[x]}" for x in letters)
        yield _manifest_diagnostic(
            bank, self,
            f"answer key is uneven: {worst} is the key {observed[worst]} times in {len(refs)}, "
            f"{observed[worst] / expected[worst]:.1f}x its fair share of "
            f"{expected[worst]:.1f} ({spread}; chi-square p = {p:.1e})",
            "reletter options so each letter is the key about equally often",
        )


class LongestOptionKey(BankRule):
    """The key is the longest option far more often than chance.

    Item writers qualify the right answer until it is the longest; test-wise candidates
    know it. Counts the single-answer questions whose key is strictly longer (in
    characters, feedback excluded) than every other option, and tests that count
    against chance (1 in k for k options) with a one-sided binomial test. Reported on the
    manifest when the p-value is below ``p_value``.

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 20).

    Bad:
        the key is the longest option in 31 of 55 questions (chance: about 14)

    Good:
        the key is the longest option in about one question in four
    """

    name = "longest-option-key"
    severity = "warning"
    options = {"p_value": 0.001, "min_questions": 20}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = single_answer_questions(bank)
        if len(refs) < options["min_questions"]:
            return
        longest = sum(key_is_strictly_longest(ref) for ref in refs)
        chance = sum(1 / len(ref.question.options) for ref in refs)
        p = binomial_tail(len(refs), chance / len(refs), longest)
        if p >= options["p_value"]:
            return
        yield _manifest_diagnostic(
            bank, self,
            f"the key is the longest option in {longest} of {len(refs)} questions, "
            f"where chance gives about {chance:.0f} (binomial p = {p:.1e})",
            "trim the keys or lengthen the distractors so length gives nothing away",
        )
