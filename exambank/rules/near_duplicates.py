"""Questions that ask the same thing in nearly the same words: copies between practice
exams, reworded copies. Each finding names every other question of its group."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.rules.duplicates import listed, place
from exambank.rules.option_wording import points_at_options
from exambank.rules.similarity import closest, groups, similar_pairs
from exambank.rules.wording import STOPWORDS, key_letters, option_texts, shingles, word_set, words

_DIGIT = re.compile(r"\d")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INDENTED = re.compile(r"^(?: {4}|\t).*$", re.MULTILINE)


class NearDuplicate(BankRule):
    """Two questions ask the same thing with (nearly) the same words.

    A repeated question is counted twice in a score and, in a handout, answers itself;
    the same stem with two different keys means one key is wrong. Heuristic: the
    shingles (runs of four consecutive words, case and punctuation ignored) of the stem
    and of the key's text, compared by Jaccard similarity; reported at ``threshold`` or
    above on both questions, each naming its closest twin, when the two are copies
    rather than parallel items: their content words (function words left out) and their
    options agree as much, their stems hold the same numbers and the same code, and they
    have the same stem (one key is then wrong) or the same answer (a reworded copy). So
    two short questions on one stock stem ("What is the capital of Delaware?" -- "... of
    Pennsylvania?") are not reported, nor one stock stem over other options ("Which word
    does not belong?"), items that differ in a number or a figure label ("figure 3E12" --
    "3E13"), a word that flips a stem and its key ("increases" / "decreases"), or two
    programs that differ in indentation. Copies of copies make a group (three exams
    asking one question): each finding names its closest twin, then the group's other
    questions (five at most, then how many more), so deleting one copy leaves no finding
    that names it. Found with a prefix-filtered inverted index: a
    question is compared only with the questions that share one of a few of its
    shingles (a shingle no other question has rules itself out), never with every
    other. Known false positives: two parallel items over the same options that happen
    to share their key ("47 s" for a series and a parallel circuit); a "NOT true" stem
    asked twice with two valid keys. Source: Haladyna, Downing & Rodriguez (2002),
    guideline 4 (keep the content of each item independent of other items).

    Options: ``threshold`` (default 0.5), ``max_postings`` (default 100).

    Bad:
        two questions "Which service stores objects durably?" -- key "Amazon S3"

    Good:
        each question asks about something else, or is deleted
    """

    name = "near-duplicate"
    severity = "warning"
    on_questions = True  # its findings name their question
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"threshold": 0.5, "max_postings": 100}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = list(bank.questions())
        sets = [_question_shingles(ref) for ref in refs]
        threshold: float = options["threshold"]

        def copies(first: int, second: int) -> bool:
            one, two = refs[first], refs[second]
            return (
                _similar(_content_words(one), _content_words(two), threshold)
                and _numbers(one) == _numbers(two)
                and _code(one) == _code(two)
                and _similar(_option_set(one), _option_set(two), threshold)
                and (_same_stem(one, two) or _same_key(one, two))
            )

        pairs = list(similar_pairs(sets, threshold, options["max_postings"], copies))
        group_of = {at: group for group in groups(pairs) for at in group}
        for at, (twin, similarity) in sorted(closest(pairs).items()):
            rest = [refs[other] for other in group_of[at] if other not in (at, twin)]
            group = f", in a group of {len(rest) + 2} with {listed(rest)}" if rest else ""
            yield refs[at].diagnostic(
                self.name,
                self.severity,
                ("stem",),
                f"nearly the same question as {refs[twin].question.id} at {place(refs[twin])} "
                f"({similarity:.0%} of the four-word runs of stem and key shared){group}",
                f"delete {'all but one' if rest else 'one'} of them, or make them ask "
                "different things",
            )


def _numbers(ref: QuestionRef) -> frozenset[str]:
    """The stem's words with a digit: its numbers, figure and channel labels ("3E13")."""
    return frozenset(word for word in words(ref.question.stem) if _DIGIT.search(word))


def _similar(ours: frozenset[str], theirs: frozenset[str], threshold: float) -> bool:
    return len(ours & theirs) >= threshold * len(ours | theirs)


def _option_set(ref: QuestionRef) -> frozenset[str]:
    """The option texts, case and punctuation ignored."""
    return frozenset(" ".join(words(text)) for text in option_texts(ref.question))


def _code(ref: QuestionRef) -> tuple[str, ...]:
    """The stem's code, as written: its fenced blocks and indented lines."""
    stem = ref.question.stem
    if "```" not in stem and "~~~" not in stem and "    " not in stem and "\t" not in stem:
        return ()
    blocks = [match.group() for match in _FENCE.finditer(stem)]
    blocks += _INDENTED.findall(_FENCE.sub("", stem))
    return tuple(line.rstrip() for block in blocks for line in block.splitlines())


def _same_stem(one: QuestionRef, two: QuestionRef) -> bool:
    return words(one.question.stem) == words(two.question.stem)


def _same_key(one: QuestionRef, two: QuestionRef) -> bool:
    """The same answer: key texts with the same words, none of them "All of the above"."""
    keys = []
    for ref in (one, two):
        texts = [ref.question.option_text(letter) for letter in key_letters(ref.question)]
        if not texts or any(points_at_options(text) for text in texts):
            return False
        keys.append(sorted(words(" ".join(texts))))
    return keys[0] == keys[1]


def _content_words(ref: QuestionRef) -> frozenset[str]:
    question = ref.question
    keys = [question.option_text(letter) for letter in key_letters(question)]
    return word_set(question.stem).union(*map(word_set, keys)) - STOPWORDS


def _question_shingles(ref: QuestionRef) -> frozenset[int]:
    question = ref.question
    in_stem = shingles(question.stem)
    in_keys = [shingles(question.option_text(letter)) for letter in key_letters(question)]
    # Most keys are under four words and have none: the stem's own set, not a copy.
    return in_stem.union(*in_keys) if any(in_keys) else in_stem
