"""The key that is the longest option: bank-wide against chance (and the shortest), or by far
in a question."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules.base import BankRule, Least, Options
from exambank.rules.option_wording import points_at_options
from exambank.rules.wording import each_without_parentheses, is_name, words
from exambank.significance import poisson_binomial_tail

# An option is the longest (or the shortest) only by a margin a candidate sees: at least
# 3 characters and 10% of the next option's length, as 3 characters are nothing on a
# 60-character option and 10% nothing on a 12-character one. On the real banks, keys that
# were the longest by 1 or 2 characters were so no more often than chance (372 of 1,450
# questions, against 364).
MARGIN_CHARACTERS = 3
MARGIN_PERCENT = 10


def visibly_longer(length: int, other: int) -> bool:
    """Whether an option of ``length`` characters is visibly longer than one of ``other``
    (in whole numbers: 1.1 * 50 is above 55 in floating point)."""
    more = length - other
    return more >= MARGIN_CHARACTERS and 100 * more >= MARGIN_PERCENT * other


@dataclass(frozen=True)
class KeyLengthTest:
    """How often the key is the visibly longest (or shortest) option, against chance, in
    the questions that have one: a key drawn at random is any of k options alike, so
    that option with a chance of 1 in k."""

    keys: int
    questions: int  # tested: those with such an option
    chance: float  # expected count
    p_value: float  # one-sided, exact (Poisson-binomial); 1 where nothing is tested

    @classmethod
    def of(cls, chances: list[float], keys: int) -> KeyLengthTest:
        """The test of ``keys`` keys that are the option, in questions with ``chances``."""
        return cls(keys, len(chances), float(sum(chances)), poisson_binomial_tail(chances, keys))


@dataclass(frozen=True)
class KeyLengthRates:
    """The key as the visibly longest option, and as the visibly shortest, against chance
    (``KeyLengthTest``), over the single-answer questions but true/false ones."""

    longest: KeyLengthTest
    shortest: KeyLengthTest  # questions whose shortest option stands for others aside
    measured: int  # the single-answer questions but true/false ones
    left_out: int  # true/false questions
    shortest_left_out: int  # questions whose visibly shortest option stands for others
    # questions whose key ties for longest (neither it nor the longest visibly longer than
    # the other) where no option is visibly the longest, and some is visibly shorter
    ties: int
    # Expected right answers of always picking the longest option (ties: one at random),
    # and of guessing at random, over the measured questions.
    picking_longest: float
    guessing: float

    @classmethod
    def of(cls, refs: list[QuestionRef], true_false: list[bool]) -> KeyLengthRates:
        """Over ``refs``, but those ``true_false`` marks (``is_true_false``): "False" is
        longer than "True" whichever is the key (their keys' truth values are
        answer-key-balance's). Each question's options are measured in characters,
        feedback left out; a visibly longest or shortest length is the only one. (One
        loop, no object made for each question: 19 M instructions less in a lint of
        2,000 questions than a named tuple each.)"""
        longest: list[float] = []  # the chances of the questions tested, 1 in k
        shortest: list[float] = []
        measured = longest_keys = shortest_keys = standing_for_others = ties = 0
        picked = guessing = 0.0
        for ref, true_false_question in zip(refs, true_false, strict=True):
            if true_false_question:
                continue
            question = ref.question
            texts = question.option_texts
            lengths = list(map(len, map(str.strip, texts)))
            key_length = lengths[list(question.options).index(question.answer_letters[0])]
            ranked = sorted(lengths)
            most, least = ranked[-1], ranked[0]
            chance = 1 / len(lengths)
            measured += 1
            guessing += chance
            if key_length == most:  # picking the longest: one of the tied, at random
                picked += 1 / lengths.count(most)
            if visibly_longer(most, ranked[-2]):
                longest.append(chance)
                longest_keys += key_length == most
            elif not visibly_longer(most, key_length) and visibly_longer(key_length, least):
                # The key ties for longest, and some option is visibly shorter: a cue that
                # narrows the choice, which the test cannot count (a key drawn at random is
                # any option alike, tied or not).
                ties += 1
            if not visibly_longer(ranked[1], least):
                continue
            # An option that stands for others ("All of the above", "A & B") is short
            # for that reason, and reported by the rules on such options.
            if points_at_options(texts[lengths.index(least)]):
                standing_for_others += 1
            else:
                shortest.append(chance)
                shortest_keys += key_length == least
        return cls(
            KeyLengthTest.of(longest, longest_keys),
            KeyLengthTest.of(shortest, shortest_keys),
            measured,
            len(refs) - measured,
            standing_for_others,
            ties,
            picked,
            guessing,
        )


class LongestOptionKey(BankRule):
    """The key is the longest option far more often than chance, or by far in a question.

    Item writers qualify the right answer until it is the longest; test-wise candidates know
    it. Bank-wide: counts the single-answer questions whose key is visibly the longest
    option -- longer than every other option, in characters (feedback excluded), by at least
    3 characters and 10% of the next one -- and tests that count against chance with an
    exact one-sided test (Poisson-binomial): under random keying the key is any of k options
    alike, so it is the visibly longest one with a chance of 1 in k. Only the questions with
    a visibly longest option are tested: where the longest options tie, or the longest wins
    by less, no key can be visibly the longest, and a key that wins by 1 or 2 characters
    gives a candidate nothing to see (on the real banks such keys were the longest no more
    often than chance). ``exambank stats`` says in how many of the other questions the key
    ties for longest, and what always picking the longest option scores. The same test is
    run for the key visibly the shortest option, as a terse key among qualified distractors
    gives itself away too; it leaves out the questions whose shortest option stands for
    other options ("All of the above", "None of these", "A & B": short for that reason, and
    reported by ``all-of-the-above``, ``none-of-the-above`` and ``combination-options``).
    Each is reported on the manifest, with its own message, when its p-value is below
    ``p_value`` and the bank has at least ``min_questions`` single-answer questions,
    true/false ones aside (the test is exact however few have a visibly longest option: the
    gate keeps a looser ``p_value`` from judging quizzes of a handful of questions). Left
    out of both: true/false questions ("False" is longer than "True" whatever the key;
    ``answer-key-balance`` tests their keys' truth values). Per question (with
    ``per_question = true``; off by default, as these findings measured below 0.9 on the FCC
    pools): reported where the key is strictly the longest, at least ``ratio`` times as long
    as the longest distractor in characters, and has more words than any distractor, text in
    parentheses left out if 4 words or fewer or an acronym spelt out ("(RMS)": such text
    adds length, not detail; longer words alone are no cue). Exempt: keys of fewer than
    ``min_key_words`` words; keys that are names (half their words or more capitalised, "AWS
    Identity and Access Management (IAM)"; in German, where every noun is capitalised, no
    lowercase word but "und", "and", "of" ...), as a name is as long as it is; and keys that
    stand for other options ("All of the above", "Both A & B"), long for that reason and
    reported by ``all-of-the-above`` and ``combination-options``. Known false positives:
    bank-wide, keys that must be longer (or shorter) by their nature, as numbers with more
    digits or names of combinations; per question, a key that must be longer because it
    names a combination ("Use S3 with CloudFront caching", "PIN diodes and silicon
    crystals"), and parallel options just over the ratio. Known misses: a key that ties for
    longest, or is the longest by less than the margin, in every question (no test can count
    it; ``exambank stats`` gives the ties and what picking the longest scores). Source:
    Haladyna, Downing & Rodriguez (2002), guidelines 24 (keep choices about equal in length)
    and 28d (conspicuous correct choice); NBME "long correct answer".

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 20),
    ``per_question`` (default false), ``ratio`` (default 1.25), ``min_key_words``
    (default 4).

    Bad:
        the key is visibly the longest option in 27 of 33 questions (chance: about 8);
        visibly the shortest in 27 of 30 (chance: about 8); a key of 60 characters
        against distractors of at most 30

    Good:
        the key is the longest option in about one question in four, as often the
        shortest, and never by far
    """

    name = "longest-option-key"
    severity = "warning"
    on_questions = True  # its findings name their question
    options: ClassVar[dict[str, Any]] = {
        "p_value": 0.001,
        "min_questions": 20,
        "ratio": 1.25,
        "min_key_words": 4,
        "per_question": False,  # measured below 0.9 (docs/rule-precision.md)
    }
    # at 1 or below, every key that is the longest option would be reported
    option_least: ClassVar[dict[str, tuple[Least, float]]] = {"ratio": ("above", 1)}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = bank.single_answer_questions
        if options["per_question"]:
            for ref in refs:
                if (finding := self._question_finding(ref, options)) is not None:
                    yield finding
        rates = KeyLengthRates.of(refs, bank.single_answer_true_false)
        for test, which, hint in (
            (rates.longest, "longest", "trim the keys or lengthen the distractors"),
            (rates.shortest, "shortest", "lengthen the keys or trim the distractors"),
        ):
            if (
                rates.measured < options["min_questions"]
                or not test.questions
                or test.p_value >= options["p_value"]
            ):
                continue
            yield self.report(
                bank.manifest_source,
                ("sections",),
                f"the key is the {which} option in {test.keys} of {test.questions} questions, "
                f"where chance gives about {test.chance:.0f} (p = {test.p_value:.1e})",
                f"{hint} so length gives nothing away",
            )

    def _question_finding(self, ref: QuestionRef, options: Options) -> Diagnostic | None:
        question = ref.question
        key = question.answer_letters[0]
        texts = each_without_parentheses(question.option_texts)
        key_at = list(question.options).index(key)
        key_text = texts.pop(key_at)
        key_length = len(key_text)
        longest_distractor = max(map(len, texts))
        if (
            key_length < options["ratio"] * max(longest_distractor, 1)
            or key_length <= longest_distractor
            or len(key_words := words(key_text)) < options["min_key_words"]
            or is_name(question.option_texts[key_at], primary_language(ref.language))
            or len(key_words) <= max(len(words(text)) for text in texts)
            or points_at_options(key_text)
        ):
            return None
        return ref.diagnostic(
            self.name,
            self.severity,
            ("options", key),
            f"the key ({key}) is the longest option, "
            f"{key_length / max(longest_distractor, 1):.1f} times the longest "
            "distractor: test-wise candidates pick the longest",
            "trim the key, or give some distractors the same detail",
        )
