"""Options that are only truth values ("True" / "False", "Yes" / "No"): the words, and
the rule that reports such a question."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.screen import Screen
from exambank.rules.wording import option_texts

# An option, without spaces, dots and "!", that is one of these (case-folded) is a truth
# value; longest-option-key also leaves a question of them alone.
TRUTH_WORDS = frozenset({"true", "false", "yes", "no", "correct", "incorrect", "right", "wrong"})
_TRUTH_OPTION = re.compile(
    r"^[ .!]*(?:true|false|yes|no|correct|incorrect|right|wrong)[ .!]*$", re.MULTILINE
)  # one option of TRUTH_WORDS, in case-folded text


def is_true_false(texts: Sequence[str]) -> bool:
    """Whether every one of ``texts`` (a question's options) is a truth value."""
    return bool(texts) and all(text.strip(" .!").casefold() in TRUTH_WORDS for text in texts)


class TrueFalseOptions(QuestionRule):
    """The options are only True and False (or Yes and No).

    Such a question is a true/false item in a multiple-choice frame: it is guessed half
    the time and says little about what the candidate knows. Heuristic: every option,
    without punctuation, is one of true, false, yes, no, correct, incorrect, right,
    wrong. Known false positives: none seen. Source: Haladyna, Downing & Rodriguez (2002),
    guidelines 7 (use each format for what it does well) and 18 (as many effective
    choices as you can; three is adequate).

    Bad:
        stem: Amazon SageMaker trains, tunes and deploys ML models.
        options: {A: "True", B: "False"}

    Good:
        stem: Which AWS service trains, tunes and deploys ML models?
    """

    name = "true-false-options"
    severity = "warning"
    languages = ("en",)  # "True", "False", "Yes", "No"

    def screen(self, options: Options) -> Screen:
        return Screen("options_folded", _TRUTH_OPTION, line_start=True)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        texts = option_texts(ref.question)
        if is_true_false(texts):
            yield self.report(
                ref,
                ("options",),
                f"the options are only {' / '.join(text.strip() for text in texts)}: "
                "a true/false item, guessed half the time",
                "ask for the fact itself, with three or more plausible options",
            )
