"""The key that is the longest option: bank-wide against chance, or by far in a question."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules.base import BankRule, Options
from exambank.rules.key_patterns import single_answer_questions
from exambank.rules.option_wording import points_at_options
from exambank.rules.true_false import is_true_false
from exambank.rules.wording import is_name, option_texts, without_parentheses, words
from exambank.significance import poisson_binomial_tail

# Options whose lengths all lie within this many characters give a candidate no length
# cue; on 6,700 real questions their keys were the longest no more often than chance.
_UNSEEN_LENGTH = 2


def cue_lengths(ref: QuestionRef) -> tuple[list[int], int] | None:
    """The options' lengths in characters and the key's; None where length cannot point
    at the key: in a true/false question ("False" is longer than "True" whichever is the
    key; their keys' truth values are answer-key-balance's), or where every option is
    within 2 characters of the others."""
    texts = option_texts(ref.question)
    lengths = [len(text.strip()) for text in texts]
    if max(lengths) - min(lengths) <= _UNSEEN_LENGTH or is_true_false(texts):
        return None
    return lengths, lengths[list(ref.question.options).index(ref.question.answer_letters[0])]


@dataclass(frozen=True)
class LongestKeyRate:
    """How often the key is strictly the longest option, against chance, in the
    questions whose option lengths can cue (``cue_lengths``). A question with k
    options, one of them the longest, has a chance of 1 in k; one whose longest options
    tie has none, as a tied key is not strictly the longest."""

    longest: int
    questions: int
    chance: float  # expected count
    p_value: float  # one-sided, exact (Poisson-binomial)
    left_out: int  # single-answer questions whose option lengths cannot cue
    # Expected right answers of always picking the longest option (ties: one at random),
    # and of guessing at random.
    picking_longest: float
    guessing: float

    @classmethod
    def of(cls, refs: list[QuestionRef]) -> LongestKeyRate:
        longest, picked, guessing, chances = 0, 0.0, 0.0, []
        for ref in refs:
            if (measured := cue_lengths(ref)) is None:
                continue
            lengths, key_length = measured
            most = max(lengths)
            tied = lengths.count(most)
            chances.append(1 / len(lengths) if tied == 1 else 0.0)
            guessing += 1 / len(lengths)
            if key_length == most:
                longest += tied == 1
                picked += 1 / tied
        p = poisson_binomial_tail(chances, longest)
        tested = len(chances)
        return cls(longest, tested, sum(chances), p, len(refs) - tested, picked, guessing)


class LongestOptionKey(BankRule):
    """The key is the longest option far more often than chance, or by far in a question.

    Item writers qualify the right answer until it is the longest; test-wise candidates
    know it. Bank-wide: counts the single-answer questions whose key is strictly longer
    (in characters, feedback excluded) than every other option, and tests that count
    against chance with an exact one-sided test (Poisson-binomial): 1 in k for k options
    when one option is the longest, none when the longest options tie (the key cannot be
    strictly longest). Left out: true/false questions ("False" is longer than "True"
    whatever the key; ``answer-key-balance`` tests their keys' truth values) and
    questions whose options are all within 2 characters of each other, a difference no
    candidate sees (on the real banks such keys were the longest no more often than
    chance). Reported on the manifest when the p-value is below ``p_value`` and at least
    ``min_questions`` questions were tested. Per question (with ``per_question =
    true``; off by default, as these findings measured below 0.9 on the FCC pools):
    reported where the key is strictly the longest, at least ``ratio`` times as long as
    the longest distractor in characters, and has more words than any distractor, text
    in parentheses left out if 4 words or fewer or an acronym spelt out ("(RMS)": such text
    adds length, not detail; longer words alone are no cue). Exempt: keys of fewer than
    ``min_key_words`` words; keys that are names (half their words or more capitalised,
    "AWS Identity and Access Management (IAM)"; in German, where every noun is capitalised,
    no lowercase word but "und", "and", "of" ...), as a name is as long as it is; and keys
    that stand for other options ("All of the above", "Both A & B"), long for that
    reason and reported by ``all-of-the-above`` and ``combination-options``. Known false
    positives: a key that must be longer because it names a combination ("Use S3 with
    CloudFront caching", "PIN diodes and silicon crystals"); parallel options just over
    the ratio. Source: Haladyna, Downing & Rodriguez (2002), guidelines 24 (keep choices
    about equal in length) and
    28d (conspicuous correct choice); NBME "long correct answer".

    Options: ``p_value`` (default 0.001), ``min_questions`` (default 20),
    ``per_question`` (default false), ``ratio`` (default 1.25), ``min_key_words``
    (default 4).

    Bad:
        the key is the longest option in 31 of 53 questions (chance: about 12); a key
        of 60 characters against distractors of at most 30

    Good:
        the key is the longest option in about one question in four, and never by far
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

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = single_answer_questions(bank)
        if options["per_question"]:
            for ref in refs:
                yield from self._check_question(ref, options)
        rate = LongestKeyRate.of(refs)
        if rate.questions < options["min_questions"] or rate.p_value >= options["p_value"]:
            return
        yield self.report(
            bank.manifest_source,
            ("sections",),
            f"the key is the longest option in {rate.longest} of {rate.questions} questions, "
            f"where chance gives about {rate.chance:.0f} (p = {rate.p_value:.1e})",
            "trim the keys or lengthen the distractors so length gives nothing away",
        )

    def _check_question(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        key = question.answer_letters[0]
        texts = [without_parentheses(text) for text in option_texts(question)]
        key_at = list(question.options).index(key)
        key_text = texts.pop(key_at)
        key_length = len(key_text)
        longest_distractor = max(map(len, texts))
        ratio = options["ratio"]
        if (
            key_length >= ratio * max(longest_distractor, 1)
            and key_length > longest_distractor
            and len(key_words := words(key_text)) >= options["min_key_words"]
            and len(key_words) > max(len(words(text)) for text in texts)
            and not is_name(option_texts(question)[key_at], primary_language(ref.language))
            and not points_at_options(key_text)
        ):
            yield ref.diagnostic(
                self.name,
                self.severity,
                ("options", key),
                f"the key ({key}) is the longest option, "
                f"{key_length / max(longest_distractor, 1):.1f} times the longest "
                "distractor: test-wise candidates pick the longest",
                "trim the key, or give some distractors the same detail",
            )
