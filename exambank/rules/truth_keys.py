"""Whether the keys of a bank's true/false questions lean to true or to false, or to one
letter: a writer who states facts keys "True" far more often than chance, and a test-wise
candidate answers "True" when unsure (acquiescence). A letter count cannot see it: "A: True"
in one question and "A: False" in the next are both A, and the other questions' letters can
offset it. Nor can a count of values see the converse, a key that is A throughout while
"True" comes first in some questions and last in others: always answering A scores it all."""

from __future__ import annotations

from dataclasses import dataclass

from exambank.bank import QuestionRef
from exambank.rules.true_false import is_true_false, key_truth
from exambank.significance import fair_coin_deviation_tail


@dataclass(frozen=True)
class TruthKey:
    """The key of one true/false question: its value, and the order of its options."""

    true_key: bool  # the key is the true value
    true_first: bool  # the true value is the first option (two options, as true/false have)
    letters: str  # the option letters, "AB"


@dataclass(frozen=True)
class TruthSpread:
    """How often the key of the single-answer true/false questions is the true value, and
    how often it is the first option, against half of them. One exact test of both: its
    statistic is how far the further of the two counts is from half: how many more
    questions the best of four fixed answers (always true, always false, always the first
    option, always the second) gets right than wrong; its p-value, the chance that random
    keys let one do as well (``fair_coin_deviation_tail``). Where every question lists its
    values in one order, value and letter are one count, and the test is the exact
    two-sided binomial test of it."""

    true_keys: int
    questions: int  # true/false questions whose key reads as true or false
    first_keys: int  # keyed their first option ("A")
    true_first: int  # questions whose first option is the true value
    letters: tuple[str, str]  # the first and second options' letters, ("A", "B")
    p_value: float

    @classmethod
    def of(cls, keys: list[TruthKey]) -> TruthSpread:
        """From the keys of the true/false questions (``truth_key_of`` of each)."""
        questions = len(keys)
        true_keys = sum(key.true_key for key in keys)
        first_keys = sum(key.true_key == key.true_first for key in keys)
        true_first = sum(key.true_first for key in keys)
        excess = max(abs(2 * true_keys - questions), abs(2 * first_keys - questions))
        p_value = fair_coin_deviation_tail(true_first, questions - true_first, excess)
        return cls(true_keys, questions, first_keys, true_first, _letters(keys), p_value)

    @property
    def order_varies(self) -> bool:
        """Whether the true value comes first in some questions and last in others: only
        then can the letters lean where the values do not."""
        return 0 < self.true_first < self.questions

    @property
    def by_letter(self) -> bool:
        """Whether the letters lean further than the values (on a tie, the values are said)."""
        return abs(2 * self.first_keys - self.questions) > abs(2 * self.true_keys - self.questions)

    @property
    def leaning(self) -> str:
        """The value the keys lean to: "true" or "false"."""
        return "true" if 2 * self.true_keys >= self.questions else "false"

    @property
    def leaning_keys(self) -> int:
        return max(self.true_keys, self.questions - self.true_keys)

    @property
    def leaning_letter(self) -> str:
        """The letter the keys lean to: "A" or "B"."""
        return self.letters[0] if 2 * self.first_keys >= self.questions else self.letters[1]

    @property
    def leaning_letter_keys(self) -> int:
        return max(self.first_keys, self.questions - self.first_keys)


def _letters(keys: list[TruthKey]) -> tuple[str, str]:
    """The letters of the first and second options, where every question letters them
    alike (A and B, as the schema asks, and where there is none); else their places."""
    letterings = {key.letters for key in keys} or {"AB"}
    if len(letterings) == 1 and len(lettering := letterings.pop()) == 2:
        return lettering[0], lettering[1]
    return "the first option", "the second option"


def truth_key_of(ref: QuestionRef) -> TruthKey | None:
    """The key of a single-answer true/false question; None for a question that is not
    true/false, or whose key reads as neither value."""
    texts = ref.question.option_texts
    if not is_true_false(texts):
        return None
    letters = "".join(ref.question.options)
    key_at = letters.index(ref.question.answer_letters[0])
    true_key = key_truth(texts, key_at)
    if true_key is None:
        return None
    return TruthKey(true_key, true_key == (key_at == 0), letters)
