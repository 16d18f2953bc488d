"""Cues in the options that let a test-wise candidate find the key without knowing it."""

# ruff: noqa: RUF002  # Russian words are the point

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Least, Options, QuestionRule
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import Screen, whole_words
from exambank.rules.wording import (
    each_without_parentheses,
    is_name,
    option_text,
    words,
)

# Russian inflects: each form is a term of its own, as a whole word ("всегда", "невозможна";
# a prefix such as "все" would also find "всего", "всех" and "всегда").
_RUSSIAN_ABSOLUTE_TERMS = (
    *("всегда", "никогда", "навсегда", "полностью", "абсолютно", "гарантированно"),
    *("невозможно", "невозможен", "невозможна", "невозможны", "гарантирует", "гарантируют"),
    *("гарантирован", "гарантирована", "гарантировано", "гарантированы"),
    *("при любых условиях", "при любых обстоятельствах"),
    *("ни один", "ни одна", "ни одно", "ни одного", "ни одной"),
)
# "all", "only" and "every" are left out: in the measured banks they were a plain
# quantity or an accurate restriction ("encrypt all data", "email only during business
# hours", "every hour") more often than an overstatement, and so were "must" (a plain
# rule or procedure in 27 of 30 findings read), "ever", "whenever" and "under no
# circumstances", the plain answer to "Under what circumstances ...?"
# (docs/rule-precision.md).
_ABSOLUTE_TERMS = (
    *("always", "never", "none", "complete", "completely", "entire", "entirely"),
    *("absolutely", "totally", "invariably", "impossible"),
    *("guarantee", "guarantees", "guaranteed", "under any circumstances"),
    *_RUSSIAN_ABSOLUTE_TERMS,
)


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, matched in case-folded text (faster than a case-blind pattern)."""
    return re.compile(whole_words(term.casefold() for term in terms))


def _term_screen(terms: tuple[str, ...]) -> Screen:
    """The options that hold one of ``terms`` as a whole word. A term that starts with
    another ("completely", "complete") is no opening of its own: each opening is one
    more pass over the options' text."""
    folded = {term.casefold() for term in terms}
    openings = sorted(
        term for term in folded if not any(term.startswith(other) for other in folded - {term})
    )
    return Screen("options_folded", _term_pattern(terms), tuple(openings))


def _median(ordered: list[int]) -> float:
    """The median of ``ordered``, values in ascending order."""
    middle = len(ordered) // 2
    return (ordered[middle] + ordered[~middle]) / 2


class AbsoluteTerms(QuestionRule):
    """Distractors say "always", "never", "completely" ... and the key does not.

    Test-wise candidates know that sweeping claims are rarely right, so they rule those
    options out; the asymmetry between the key and the distractors is the cue.
    Heuristic: one of ``terms`` (whole words) is in a distractor and in no key; options
    that are names ("All Upfront Reserved Instances") do not count, nor "None of the
    above" and the like (``none-of-the-above`` reports those). Known false
    positives: a term in a true principle or a plain quantity ("build security in every
    layer", "pay only for what you use"), which does not read as an overstatement; "None",
    "Never" or "The entire band" as the plain answer to a quantity question; "complete"
    as a verb; safety rules where "never" is the right word; "guarantees" as a plain
    technical claim ("guarantees ordered delivery"). Source:
    Haladyna, Downing & Rodriguez (2002), guideline 28a (specific determiners); NBME
    "absolute terms" technical flaw.

    Options: ``terms`` (default always, never, none, complete(ly), entire(ly),
    absolutely, totally, invariably, impossible, guarantee(s/d) and "under any
    circumstances"; in Russian всегда, никогда, навсегда, полностью, абсолютно, невозможно
    (невозможен, невозможна, невозможны), гарантированно, гарантирует (гарантируют,
    гарантирован, -а, -о, -ы), "при любых условиях" ("обстоятельствах") and "ни один" ("ни
    одна", "ни одно", "ни одного", "ни одной"), each form a whole word, as Russian inflects;
    a term of several words matches across a line break). Left out, as
    the measured banks showed them to be plain more often than an overstatement: "all",
    "only" and "every" (a quantity or an accurate restriction: "encrypt all data", "email
    only during business hours", "every hour"); "must" (a plain rule or procedure: "The
    plate voltage must be reduced"); "whenever" (a condition: "alerting whenever an
    instance is compromised"); "under no circumstances" (the plain answer to "Under what
    circumstances may ...?"); "ever" (alone, rarely an overstatement). A bank can add
    them. So, in Russian, are "все" and "только" (all, only), "ни при каких" ("under no
    circumstances") and "целиком" ("копирует кластер целиком" is plain).

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda never runs code, C: Amazon EC2,
                  D: Amazon Bedrock}

    Good:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
    """

    name = "absolute-terms"
    severity = "warning"
    languages = ("en", "ru")  # the default terms, and "None of the above" left out
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"terms": list(_ABSOLUTE_TERMS)}

    def screen(self, options: Options) -> Screen:
        return _term_screen(tuple(options["terms"]))

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        shown = option_text(question)
        pattern = _term_pattern(tuple(options["terms"]))
        if not pattern.search(shown.folded):
            return
        texts = shown.texts
        keys = set(question.answer_letters)
        found: dict[str, str] = {}
        # One option a line, case-folded, a line break inside an option a space: a term
        # of two words or more is found across the break.
        folded = shown.folded.split("\n")
        for letter, text, folded_text in zip(question.options, texts, folded, strict=True):
            match = pattern.search(folded_text)
            if match and letter in keys:
                return
            if match and not is_name(text) and not points_at_options(text):
                found[letter] = match.group()
        if found and keys & set(question.options):
            listed = ", ".join(f"{letter} '{term}'" for letter, term in found.items())
            yield self.report(
                ref,
                ("options", next(iter(found))),
                f"distractors overstate ({listed}) and the key does not: "
                "test-wise candidates rule them out",
                "qualify the distractors as carefully as the key, or overstate neither",
            )


class OptionLengthSpread(QuestionRule):
    """One option is far longer than the others.

    A conspicuously long option draws test-wise candidates (it is usually the
    carefully qualified key) and costs everyone reading time. Heuristic: the longest
    option has at least ``ratio`` times the characters of the median of the other
    options and at least ``min_words`` more words. Asides in parentheses are left out: up
    to four words ("Amazon Elastic Compute Cloud (Amazon EC2)") or an acronym spelt out
    ("NIST (National Institute of Standards and Technology)"); a longer parenthesis
    counts, as the candidate reads it ("TLS (encrypting every byte between client and
    server)"). Known false positives: options that are names of very different length (a
    service's full name against short ones); a long distractor when no key stands out,
    which an independent reader judged harmless; short options ("A & B", "None of the
    above") that pull the median down. Source: Haladyna, Downing & Rodriguez (2002),
    guideline 24 (keep the length of choices about equal) and 28d (conspicuous correct
    choice).

    Options: ``ratio`` (default 2.5), ``min_words`` (default 8).

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2,
                  D: Amazon Bedrock with a fine-tuned foundation model behind a private
                     endpoint and guardrails}

    Good:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
    """

    name = "option-length-spread"
    severity = "warning"
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"ratio": 2.5, "min_words": 8}
    # at 1 or below, every question: the longest option is never below the median
    option_least: ClassVar[dict[str, tuple[Least, float]]] = {"ratio": ("above", 1)}

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        texts = each_without_parentheses(ref.question.option_texts)
        if len(texts) < 3:
            return
        lengths = list(map(len, texts))
        ranked = sorted(lengths)
        longest = lengths.index(ranked[-1])  # the first of the longest
        median_length = max(_median(ranked[:-1]), 1)  # the others': one longest left out
        if ranked[-1] < options["ratio"] * median_length:
            return
        # It has at most as many more words as it has words: with fewer than ``min_words``,
        # the others' words need no counting.
        longest_words = len(words(texts[longest]))
        if longest_words < options["min_words"]:
            return
        others = texts[:longest] + texts[longest + 1 :]
        extra_words = longest_words - _median(sorted(map(len, map(words, others))))
        if extra_words >= options["min_words"]:
            letter = list(ref.question.options)[longest]
            yield self.report(
                ref,
                ("options", letter),
                f"option {letter} is {lengths[longest] / median_length:.1f} "
                f"times as long as the other options ({extra_words:g} more words)",
                "bring the options to about the same length",
            )
