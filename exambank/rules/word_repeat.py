"""The key repeats the stem's wording and the distractors do not (a clang association)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.rules.wording import STOPWORDS, option_texts, word_set, words

_AS_WRITTEN = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def bank_subject_words(refs: list[QuestionRef], share: float) -> frozenset[str]:
    """Words in more than ``share`` of the stems, with and without a plural "s": what the
    bank is about ("aws", "sagemaker"), which every option may name without a cue."""
    frequency: Counter[str] = Counter()
    for ref in refs:
        frequency.update(word_set(ref.question.stem))
    limit = share * len(refs)
    common = [word for word, count in frequency.items() if count > limit]
    return frozenset(common) | {_singular(word) for word in common}


def echoes(text: str, stem: frozenset[str], ignored: frozenset[str]) -> set[str]:
    """The stem's words that ``text`` repeats, each in its singular form: words of three
    letters or more, not numbers, not ``ignored``; "model" repeats "models"."""
    found = set()
    for word in words(text):
        if len(word) > 2 and word not in ignored and not word.isdigit():
            singular = _singular(word)
            if singular not in ignored and (
                word in stem or singular in stem or singular + "s" in stem
            ):
                found.add(singular)
    return found


class WordRepeat(BankRule):
    """The key repeats a word of the stem that no distractor repeats.

    Candidates match the stem's words against the options ("clang association"): the
    one option that echoes the stem ("Which service stores *objects*?" -- "Amazon Simple
    Storage Service *object* storage") is picked without knowing why. Heuristic, per
    question: the stem's content words (three letters or more, not function words or
    words every stem uses such as "following"; a plural "s" ignored) that a key
    repeats; reported when no distractor repeats them and a key repeats more of the
    stem than any distractor does (a stem naming two things, each echoed by one option,
    gives nothing away; the keys of a multiple-answer question count one by one). Words
    in more than ``max_share`` of the bank's stems are its subject ("aws", "sagemaker")
    and never count, in banks of at least ``min_questions`` questions. Known false
    positives: a key that must name the thing the stem asks about (a service named for
    its purpose, where no other wording exists; "How soon ...?" -- "As soon as ..."),
    the topic word of one section, and word forms the rule does not match in a
    distractor ("soldered", "cable's"); off by default for them (docs/rule-precision.md).
    Source: Haladyna, Downing & Rodriguez (2002), guideline 28b (clang associations);
    NBME "word repeats".

    Options: ``ignore`` (default none: words never reported), ``max_share`` (default
    0.15), ``min_questions`` (default 20).

    Bad:
        stem "Which service runs *batch* computing jobs?", key "AWS Batch", distractors
        "Amazon EC2", "AWS Fargate", "Lambda@Edge"

    Good:
        stem "Which service runs many short computing jobs on a schedule?"
    """

    name = "word-repeat"
    severity = "warning"
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"ignore": [], "max_share": 0.15, "min_questions": 20}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = list(bank.questions())
        ignored = STOPWORDS | {word.casefold() for word in options["ignore"]}
        if len(refs) >= options["min_questions"]:
            ignored |= bank_subject_words(refs, options["max_share"])
        for ref in refs:
            yield from self._check_question(ref, ignored)

    def _check_question(self, ref: QuestionRef, ignored: frozenset[str]) -> Iterator[Diagnostic]:
        question = ref.question
        in_stem = word_set(question.stem)
        answers = question.answer_letters
        options = list(zip(question.options, option_texts(question), strict=True))
        keys = [(letter, text) for letter, text in options if letter in answers]
        by_key = [echoes(text, in_stem, ignored) for _, text in keys]
        in_keys = set().union(*by_key)
        if not in_keys:
            return
        in_distractors = [
            echoes(text, in_stem, ignored) for letter, text in options if letter not in answers
        ]
        # Each key on its own must echo more than any distractor: pooled, the two keys of
        # a "Choose TWO" question would outdo a distractor that echoes as much as either.
        most = max(len(echoed) for echoed in by_key)
        if any(len(echoed) >= most for echoed in in_distractors):
            return
        repeated = in_keys.difference(*in_distractors)
        if repeated:
            written = [word for _, text in keys for word in _AS_WRITTEN.findall(text)]
            listed = ", ".join(
                f"'{next((w for w in written if _singular(w.casefold()) == word), word)}'"
                for word in sorted(repeated)
            )
            yield ref.diagnostic(
                self.name,
                self.severity,
                ("options", keys[0][0]),
                f"{listed} of the stem come{'s' if len(repeated) == 1 else ''} back in the "
                "key and in no distractor",
                "reword the key, or use the word in some distractors too",
            )
