"""A stem whose grammar only the key follows: its article ("... is an" before a
consonant) or its number ("Which of the following are ...?" with one plural option)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import Screen
from exambank.rules.wording import (
    is_name,
    key_letters,
    lead_in,
    without_instructions,
    without_parentheses,
    words,
)

_ARTICLE_AT_END = re.compile(
    r"\b(?P<article>an?)\s*(?:(?:\\?_){3,}|\[\s*(?:\.\.\.|…)\s*\])?[\s.:…]*$", re.IGNORECASE
)
# In case-folded stems: a question that asks for several things ("which of the following
# are ...?"); as a screen, with a stem that ends in "are", "a" or "an" (and nothing but
# punctuation or blanks after it). Every match starts with "a", so the engine skips from
# one "a" to the next; a choice of first letters ("were", "which two") made it try every
# character: its search 20 to 35 ms slower on the bench bank. Most "a"s are inside a word,
# before a letter that is no "n" nor "r": ruled out so at once, they are passed in half
# the time the branches took.
_PLURAL_QUESTION = re.compile(r"(?:which|what) (?:of (?:the following|these) )?are\b")
_STEM_CUE = re.compile(
    r"a(?![^\W_nr])(?:n?(?=[\W_]*(?:\n|\Z))|re(?:(?=[\W_]*(?:\n|\Z))"
    r"|(?<=which are)|(?<=what are)|(?<=following are)|(?<=these are)))"
)
# An option with no number that counts: a clause (its subject's number says nothing of
# the stem's), a list with "or" or commas, a quantity or count ("12 hours", "two coils").
_NO_NUMBER = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should"
    r"|shall|may|might|must)\b|, | or |/|^(?:\d|(?:one|two|three|four|five|six|seven|eight"
    r"|nine|ten|both|several)\b)",
    re.IGNORECASE,
)
# Where a noun phrase's head ends: "Series of narrow spikes", "Time between A and B".
_AFTER_HEAD = re.compile(
    r" (?:of|with|between|in|on|for|to|from|by|at|that|which|who|where|than|as) ", re.IGNORECASE
)
_FIRST_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
# Letters whose English name starts with a vowel sound: "an S3 bucket", "an EC2 instance".
_VOWEL_NAMED_LETTERS = frozenset("AEFHILMNORSX")
_VOWEL_SOUND_NUMBER = re.compile(r"^(?:8|1[18](?:\D|$)|1[18]\d{3}(?:\D|$))")
_CONSONANT_SOUND_VOWELS = re.compile(r"^(?:uni(?!n)|use|usu|uti|ure|eu|one\b|once)")
_VOWEL_SOUND_CONSONANTS = re.compile(r"^(?:hour|honest|honou?r|heir)")


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


def _option_number(text: str) -> str | None:
    """ "one" or "several" where an option's form shows its number, else None."""
    plain = " ".join(without_parentheses(text).split())
    if not plain or _NO_NUMBER.search(plain):
        return None
    joined = (" and ", " & ")
    if plain.casefold().startswith(("a ", "an ")):
        return None if any(mark in plain for mark in joined) else "one"
    head = _AFTER_HEAD.split(plain, 1)[0]
    if any(mark in head for mark in joined):
        return "several"
    head_words = head.split()
    last = head_words[-1].rstrip(".:;!")
    if len(head_words) > 6 or last.endswith(("ss", "us", "is", "'s")):
        return None
    if last.islower() and len(last) > 3 and last.endswith("s"):
        return "several"
    names = sum(word[:1].isupper() for word in head_words) >= 2 and is_name(plain)
    return "one" if names and not last.endswith(("s", "S")) else None


class GrammaticalCue(QuestionRule):
    """Some options do not follow on grammatically from the stem: its article or number.

    "... is an" followed by "Lambda function" and "EC2 instance", or "Which of the
    following are ...?" with one plural option among singular ones, tells the candidate
    which option the writer had in mind. Heuristic: the stem ends in the word "a" or
    "an", and an option's first word does not start with the matching sound (by
    spelling: acronyms read letter by letter, "an S3"; numbers by name, "an 8"; the
    common exceptions, "a unit", "an hour"); the neutral "a/an" and a capital "A" (a
    unit: "1.5 A") do not count. Or a single-answer stem asks for several things (it
    ends in "are", or its question opens "Which (of the following, of these) are" or
    "What are"), the key names several and every other option one: one if it opens with
    "a"/"an" or is a name not ending in "s" ("AWS Lambda"); several if it joins things
    with "and" or its head is a plural noun ("EBS volumes"). A clause, a list with "or"
    or commas, a quantity or count ("12 hours", "two coils") and an option that stands
    for others have no number that counts. Not judged by number: a stem that asks for
    one thing, where the real banks' plural-looking options were quantities ("12
    hours") or one thing of parts ("A full carrier and one sideband"), or heads misread
    ("Series of narrow spikes"); a stem that ends in "were" or asks "Which two ...?".
    Known false positives: words whose sound the spelling rules get wrong ("an herb";
    "a one-time fee", "an LLM" and "a URL" are handled); a name with "and" in it ("AWS
    Identity and Access Management") read as several. Source: Haladyna, Downing &
    Rodriguez (2002), guideline 28c (grammatical inconsistencies); NBME "grammatical
    cues".

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
    languages = ("en",)  # "a" and "an", by English sound; number, by English forms
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def screen(self, options: Options) -> Screen:
        return Screen("stem_folded", _STEM_CUE)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        stem_words = words(ref.question.stem)
        if stem_words and stem_words[-1] in ("a", "an"):
            yield from self._article_cue(ref)
        elif stem_words:
            yield from self._number_cue(ref, stem_words[-1])

    def _article_cue(self, ref: QuestionRef) -> Iterator[Diagnostic]:
        question = ref.question
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
        for letter, text in zip(question.options, question.option_texts, strict=True):
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

    def _number_cue(self, ref: QuestionRef, last_word: str) -> Iterator[Diagnostic]:
        """Several things asked for ("... are", "Which of the following are ...?"), and
        only the key names several."""
        question = ref.question
        keys = key_letters(question)
        if len(question.answer_letters) != 1 or not keys:
            return
        if last_word != "are" and not _PLURAL_QUESTION.match(lead_in(question.stem).casefold()):
            return
        others = {
            letter: _option_number(text)
            for letter, text in zip(question.options, question.option_texts, strict=True)
            if not points_at_options(text)
        }
        key_number = others.pop(keys[0], None)
        if key_number == "several" and others and set(others.values()) == {"one"}:
            yield self.report(
                ref,
                ("options", next(iter(others))),
                f"the stem asks for several things ('are') but options "
                f"{', '.join(others)} name one: only the key agrees with it",
                "give every option the number the stem asks for",
            )
