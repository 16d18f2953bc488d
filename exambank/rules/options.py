"""The shape of a question's options: their letters, their number, their distinctness."""

# ruff: noqa: RUF002  # Russian words, and its letters yo and ie, are the point

from __future__ import annotations

import string
from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.lookalikes import without_yo
from exambank.rules.base import Options, QuestionRule


def normalised(text: str) -> str:
    """Text compared the way a reader compares it: spacing ignored, and ё read as е
    (Russian writes "Всё" as "Все" freely). Case is kept: options that differ only in case
    are different answers in real banks ("mHz" / "MHz", "hello" / "HELLO" as a program's
    output)."""
    return " ".join((text if text.isascii() else without_yo(text)).split())


def _as_normalised(texts: tuple[str, ...]) -> bool:
    """Whether each of ``texts`` is already as ``normalised`` makes it, as most options
    are: ASCII (no ё), printable (no tab or line break), no space at either end and no
    two in a row. Telling so costs half as much as normalising them."""
    # Each text between two printable marks: one test of printing covers them all, and a
    # space at a text's start or end shows beside a mark.
    joined = f"|{'|'.join(texts)}|"
    return (
        joined.isascii()
        and joined.isprintable()
        and "  " not in joined
        and " |" not in joined
        and "| " not in joined
    )


class OptionLetters(QuestionRule):
    """Option letters are not A, B, C ... in order with no gap.

    A skipped letter (A, B, D) usually means an option was deleted and the rest were not
    relettered; printed handouts would show the gap.

    Bad:
        options: {A: Lambda, B: SageMaker, D: Bedrock}

    Good:
        options: {A: Lambda, B: SageMaker, C: Bedrock}
    """

    name = "option-letters"
    severity = "error"

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        letters = list(ref.question.options)
        expected = list(string.ascii_uppercase[: len(letters)])
        if letters == expected:
            return
        if sorted(letters) == expected:
            message = f"options are written in the order {', '.join(letters)}"
            hint = "write the options in letter order"
        else:
            message = f"option letters {', '.join(letters)} are not consecutive from A"
            hint = f"reletter them {', '.join(expected)} (and update the answer)"
        yield self.report(ref, ("options",), message, hint)


class TooFewOptions(QuestionRule):
    """A question has fewer than two options.

    Bad:
        options: {A: SageMaker}

    Good:
        options: {A: SageMaker, B: Lambda}
    """

    name = "too-few-options"
    severity = "error"

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        count = len(ref.question.options)
        if count < 2:
            yield self.report(
                ref,
                ("options",),
                f"the question has {count} option{'s' if count != 1 else ''}",
                "give at least two options",
            )


class DuplicateOption(QuestionRule):
    """Two options of one question read the same (ignoring spacing).

    The Russian ё is read as е ("Всё перечисленное", "Все перечисленное"): Russian writes
    е for ё freely. Options that differ only in case are different: a question may ask
    exactly that ("mHz", "MHz"), or show a program's output ("hello", "HELLO").

    Bad:
        options: {A: Amazon SageMaker, B: "Amazon  SageMaker ", C: Lambda}

    Good:
        options: {A: Amazon SageMaker, B: Amazon Bedrock, C: Lambda}
    """

    name = "duplicate-option"
    severity = "error"

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        texts = ref.question.option_texts
        keys = texts if _as_normalised(texts) else [normalised(text) for text in texts]
        if len(set(keys)) == len(keys):
            return  # all different: the usual case, in one set
        first_with: dict[str, str] = {}
        for letter, key in zip(ref.question.options, keys, strict=True):
            if not key:
                continue  # empty-text reports it
            if key in first_with:
                yield self.report(
                    ref,
                    ("options", letter),
                    f"option {letter} repeats option {first_with[key]}",
                    "make every option distinct",
                )
            else:
                first_with[key] = letter
