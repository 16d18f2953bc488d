"""Whether the keys of a bank's true/false questions lean to true or to false: a writer
who states facts keys "True" far more often than chance, and a test-wise candidate answers
"True" when unsure (acquiescence). A letter count cannot see it: "A: True" in one question
and "A: False" in the next are both A, and the other questions' letters can offset it."""

from __future__ import annotations

from dataclasses import dataclass

from exambank.bank import QuestionRef
from exambank.rules.true_false import is_true_false, key_truth
from exambank.rules.wording import option_texts
from exambank.significance import poisson_binomial_tail


@dataclass(frozen=True)
class TruthSpread:
    """How often the key of the single-answer true/false questions is the true value,
    against half of them, with an exact two-sided binomial test."""

    true_keys: int
    questions: int  # true/false questions whose key reads as true or false
    p_value: float

    @classmethod
    def of(cls, truths: list[bool]) -> TruthSpread:
        """From the keys' values (``key_truth_of`` of each true/false question)."""
        true_keys, questions = sum(truths), len(truths)
        more = max(true_keys, questions - true_keys)
        # Two-sided: as far from half the other way is as unlikely, and as telling.
        tail = poisson_binomial_tail([0.5] * questions, more) if 2 * more > questions else 0.5
        return cls(true_keys, questions, min(1.0, 2 * tail))

    @property
    def leaning(self) -> str:
        """The value the keys lean to: "true" or "false"."""
        return "true" if 2 * self.true_keys >= self.questions else "false"

    @property
    def leaning_keys(self) -> int:
        return max(self.true_keys, self.questions - self.true_keys)


def key_truth_of(ref: QuestionRef) -> bool | None:
    """Whether the key of a single-answer true/false question is its true value; None for
    a question that is not true/false, or whose key reads as neither."""
    texts = option_texts(ref.question)
    if not is_true_false(texts):
        return None
    return key_truth(texts, list(ref.question.options).index(ref.question.answer_letters[0]))
