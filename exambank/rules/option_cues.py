"""Cues in the options that let a test-wise candidate find the key without knowing it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import Screen, whole_words
from exambank.rules.wording import (
    is_name,
    key_letters,
    option_text,
    option_texts,
    without_instructions,
    without_parentheses,
    words,
)

_ARTICLE_AT_END = re.compile(
    r"\b(?P<article>an?)\s*(?:(?:\\?_){3,}|\[\s*(?:\.\.\.|…)\s*\])?[\s.:…]*$", re.IGNORECASE
)
# "all", "only" and "every" are left out: in the measured banks they were a plain
# quantity or an accurate restriction ("encrypt all data", "email only during business
# hours", "every hour") more often than an overstatement (docs/rule-precision.md).
_ABSOLUTE_TERMS = "always never none complete completely entire entirely absolutely"
# "a" or "an" with nothing but punctuation or blanks after it: the stem's last word.
_ARTICLE_LAST = re.compile(r"an?(?=[\W_]*(?:\n|\Z))")  # in case-folded stems
_FIRST_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
# Letters whose English name starts with a vowel sound: "an S3 bucket", "an EC2 instance".
_VOWEL_NAMED_LETTERS = frozenset("AEFHILMNORSX")
_VOWEL_SOUND_NUMBER = re.compile(r"^(?:8|1[18](?:\D|$)|1[18]\d{3}(?:\D|$))")
_CONSONANT_SOUND_VOWELS = re.compile(r"^(?:uni(?!n)|use|usu|uti|ure|eu|one\b|once)")
_VOWEL_SOUND_CONSONANTS = re.compile(r"^(?:hour|honest|honou?r|heir)")


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, matched in case-folded text (faster than a case-blind pattern)."""
    return re.compile(whole_words(term.casefold() for term in terms))


def _term_screen(terms: tuple[str, ...]) -> Screen:
    """The options that hold one of ``terms`` as a whole word."""
    folded = tuple(term.casefold() for term in terms)
    return Screen("options_folded", _term_pattern(terms), folded)


def starts_with_vowel_sound(word: str) -> bool:
    """Whether "an" (not "a") goes before ``word``, by spelling: acronyms are read
    letter by letter, numbers by their English name (8, 11, 18, 80...)."""
    if word[0].isdigit():
        return bool(_VOWEL_SOUND_NUMBER.match(word))
    if len(word) > 1 and word.isupper():
        return word[0] in _VOWEL_NAMED_LETTERS
    lower = word.casefold()
    if _VOWEL_SOUND_CONSONANTS.match(lower):
        return True
    return lower[0] in "aeiou" and not _CONSONANT_SOUND_VOWELS.match(lower)


def _median(values: list[int]) -> float:
    ordered = sorted(values)
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
    as a verb; safety rules where "never" is the right word. Source:
    Haladyna, Downing & Rodriguez (2002), guideline 28a (specific determiners); NBME
    "absolute terms" technical flaw.

    Options: ``terms`` (default always, never, none, complete(ly), entire(ly),
    absolutely). "all", "only" and "every" are left out: in the measured banks they were
    a plain quantity or an accurate restriction ("encrypt all data", "email only during
    business hours", "every hour") more often than an overstatement; a bank can add them.

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda never runs code, C: Amazon EC2,
                  D: Amazon Bedrock}

    Good:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
    """

    name = "absolute-terms"
    severity = "warning"
    languages = ("en",)  # the default terms, and "None of the above" left out
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"terms": _ABSOLUTE_TERMS.split()}

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
        for letter, text in zip(question.options, texts, strict=True):
            match = pattern.search(text.casefold())
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
    options and at least ``min_words`` more words, text in parentheses left out (an
    acronym spelt out, "Amazon Elastic Compute Cloud (Amazon EC2)"). Known false
    positives: options that are names of very different length (a service's full name
    against short ones); a long distractor when no key stands out, which an independent
    reader judged harmless. Source: Haladyna, Downing & Rodriguez (2002), guideline 24 (keep the
    length of choices about equal) and 28d (conspicuous correct choice).

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

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        texts = [without_parentheses(text) for text in option_texts(ref.question)]
        if len(texts) < 3:
            return
        lengths = [len(text) for text in texts]
        longest = max(range(len(texts)), key=lengths.__getitem__)
        others = texts[:longest] + texts[longest + 1 :]
        median_length = max(_median([len(text) for text in others]), 1)
        if lengths[longest] < options["ratio"] * median_length:
            return
        extra_words = len(words(texts[longest])) - _median([len(words(text)) for text in others])
        if extra_words >= options["min_words"]:
            letter = list(ref.question.options)[longest]
            yield self.report(
                ref,
                ("options", letter),
                f"option {letter} is {lengths[longest] / median_length:.1f} "
                f"times as long as the other options ({extra_words:g} more words)",
                "bring the options to about the same length",
            )


class GrammaticalCue(QuestionRule):
    """The stem ends in "a" or "an" and some options do not fit the article.

    "... is an" followed by "Lambda function" and "EC2 instance" tells the candidate
    which option the writer had in mind. Heuristic: the stem (after a trailing blank and
    "(Choose ...)") ends in the word "a" or "an", and an option's first word does not
    start with the matching sound: by spelling, acronyms read letter by letter ("an
    S3"), numbers by name ("an 8"), with the common exceptions ("a unit", "an hour").
    The neutral "a/an" and a capital "A" (a unit: "1.5 A") do not count. Known false
    positives: words whose sound the spelling rules get wrong ("a one-time fee" is
    handled, "an LLM" is, "a URL" is; "an herb" is not). Source: Haladyna,
    Downing & Rodriguez (2002), guideline 28c (grammatical inconsistencies); NBME
    "grammatical cues".

    Bad:
        stem: Amazon SageMaker is an
        options: {A: ML platform, B: AWS Lambda function, C: integrated ML service,
                  D: database}

    Good:
        stem: Amazon SageMaker is
        options: {A: an ML platform, B: a Lambda function, C: a database, D: a queue}
    """

    name = "grammatical-cue"
    severity = "warning"
    languages = ("en",)  # "a" and "an", by English sound
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def screen(self, options: Options) -> Screen:
        return Screen("stem_folded", _ARTICLE_LAST)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        stem_words = words(question.stem)
        if not stem_words or stem_words[-1] not in ("a", "an"):
            return
        stem = without_instructions(question.stem)
        ending = _ARTICLE_AT_END.search(stem)
        # "a/an" and "an/a" are the writer's neutral article; a capital "A" at the end is
        # a unit or a letter ("a current of 1.5 A"), not an article.
        if (
            not ending
            or ending["article"][0] == "A"
            or stem[ending.start() - 1 : ending.start()] == "/"
        ):
            return
        wants_vowel = ending["article"].casefold() == "an"
        misfits = []
        for letter, text in zip(question.options, option_texts(question), strict=True):
            first = _FIRST_WORD.search(text)
            if first and starts_with_vowel_sound(first.group()) != wants_vowel:
                misfits.append(letter)
        if misfits:
            article = ending["article"]
            keys = set(key_letters(question))
            keys_fit = bool(keys) and not keys & set(misfits)
            yield self.report(
                ref,
                ("options", misfits[0]),
                f"the stem ends in '{article}' but option{'s' if len(misfits) > 1 else ''} "
                f"{', '.join(misfits)} do{'es' if len(misfits) == 1 else ''} not fit it"
                + (" (the key does)" if keys_fit else ""),
                "end the stem before the article and put 'a'/'an' into each option",
            )
