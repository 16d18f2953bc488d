"""Questions that ask the same thing in nearly the same words: copies between practice
exams, reworded copies. Each finding names every other question of its group."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, ClassVar, TypeVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.rules.duplicates import listed, place, places_of
from exambank.rules.option_wording import points_at_options
from exambank.rules.similarity import Pair, Token, closest, groups, similar_pairs
from exambank.rules.wording import STOPWORDS, shingles, word_set, words

# A question's key texts, made alike (``_answer``): one text, or several in order.
Answer = str | tuple[str, ...]
T = TypeVar("T")
_DIGIT = re.compile(r"\d")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INDENTED = re.compile(r"^(?: {4}|\t).*$", re.MULTILINE)


class NearDuplicate(BankRule):
    """Two questions ask the same thing with (nearly) the same words.

    A repeated question is counted twice in a score and, in a handout, answers itself;
    the same stem with two different keys means one key is wrong. Heuristic: a pair is
    found in one of two ways. Copied: the shingles (runs of four consecutive words, case
    and punctuation ignored) of the stem and of the key's text agree by Jaccard
    similarity at ``threshold`` or above. Reworded: the two have the same key (its text
    alike but for case, spacing and a closing full stop) and their content words (the
    words of stem and key, function words and the words of every exam stem such as
    "wants", "needs" and "use" left out) agree at ``reworded_share`` or above. "A
    company wants to store objects ... Which AWS service fits?" and "A company needs to
    store objects ... Which AWS service should it use?" share a third of their shingles
    and every content word; so do a copy with a typo ("capitol") or a clause moved. On
    the real banks, pairs with one key and 0.6 to 0.7 of their content words were
    mostly two questions (series and parallel resonance, both "Maximum"; one copy in
    five), pairs from 0.7 mostly copies (four in five).

    Either way a pair is reported, on both questions, each naming its closest twin, only
    when the two are copies rather than parallel items: their content words (at
    ``threshold``) and their options agree as much, their stems hold the same numbers and
    the same code, and they have the same stem (one key is then wrong) or the same key.
    So two short questions on one stock stem ("What is the capital of Delaware?" -- "...
    of Pennsylvania?") are not reported, nor one stock stem over other options ("Which
    word does not belong?"), items that differ in a number or a figure label ("figure
    3E12" -- "3E13"), a word that flips a stem and its key ("increases" / "decreases";
    "From north to south" is not "From south to north", nor "?SIG" "SIG"), or two
    programs that differ in indentation. Copies of copies make a group (three exams
    asking one question): each finding names its closest twin, then the group's other
    questions (five at most, then how many more), so deleting one copy leaves no finding
    that names it. Never found by comparing every pair: a copy has its original's key or
    its stem, so a question meets only the questions with the same key or the same stem
    (a hash lookup each), and among those, through a prefix-filtered inverted index,
    only the ones that share one of a few of its shingles (a shingle no other question
    has rules itself out) or, for rewording, of its content words. Known false positives:
    two parallel items over the same options that happen to share their key ("47 s" for
    a series and a parallel circuit); a "NOT true" stem asked twice with two valid keys;
    two entries of one code table with one answer ("What is my true bearing from ...?"
    -- "What is the true bearing of ... from ...?", both QTE). Source: Haladyna,
    Downing & Rodriguez (2002), guideline 4 (keep the content of each item independent
    of other items).

    Options: ``threshold`` (default 0.5), ``reworded_share`` (default 0.7),
    ``max_postings`` (default 100).

    Bad:
        two questions "Which service stores objects durably?" -- key "Amazon S3"

    Good:
        each question asks about something else, or is deleted
    """

    name = "near-duplicate"
    severity = "warning"
    on_questions = True  # its findings name their question
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {
        "threshold": 0.5,
        "reworded_share": 0.7,
        "max_postings": 100,
    }

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = list(bank.questions())
        threshold: float = options["threshold"]
        max_postings: int = options["max_postings"]
        # A copy has its original's key or its stem: only such questions are compared.
        same_answer = _repeated(_answer(ref.question.key_texts) for ref in refs)
        same_stem = _repeated(words(ref.question.stem) for ref in refs)

        # Many questions on one key meet each other hundreds of times: each question's
        # parts are worked out once.
        content = _per_question(refs, _content_words)
        numbers = _per_question(refs, _numbers)
        code = _per_question(refs, _code)
        option_set = _per_question(refs, _option_set)

        def copies(first: int, second: int) -> bool:
            return (
                _similar(content(first), content(second), threshold)
                and numbers(first) == numbers(second)
                and code(first) == code(second)
                and _similar(option_set(first), option_set(second), threshold)
                and (_same_stem(refs[first], refs[second]) or _same_key(refs[first], refs[second]))
            )

        copied = {
            (current, other): similarity
            for members in same_answer + same_stem
            for current, other, similarity in _joined_within(
                members,
                lambda at: _question_shingles(refs[at]),
                threshold,
                max_postings,
                copies,
            )
        }

        def reworded_copies(first: int, second: int) -> bool:
            return (first, second) not in copied and copies(first, second)

        reworded = [
            pair
            for members in same_answer
            for pair in _joined_within(
                members,
                content,
                options["reworded_share"],
                max_postings,
                reworded_copies,
            )
        ]
        yield from self._report(
            refs, [(*pair, similarity) for pair, similarity in copied.items()], reworded
        )

    def _report(
        self, refs: list[QuestionRef], copied: list[Pair], reworded: list[Pair]
    ) -> Iterator[Diagnostic]:
        group_of = {at: group for group in groups(copied + reworded) for at in group}
        # A twin that shares four-word runs is named before one that shares words only.
        by_runs, by_words = closest(copied), closest(reworded)
        for at in sorted(by_runs.keys() | by_words.keys()):
            if at in by_runs:
                twin, similarity = by_runs[at]
                shared = f"{similarity:.0%} of the four-word runs of stem and key shared"
            else:
                twin, similarity = by_words[at]
                shared = (
                    f"the same key, and {similarity:.0%} of the content words of stem and "
                    "key shared"
                )
            rest = [refs[other] for other in group_of[at] if other not in (at, twin)]
            group = f", in a group of {len(rest) + 2} with {listed(rest)}" if rest else ""
            yield refs[at].diagnostic(
                self.name,
                self.severity,
                ("stem",),
                f"nearly the same question as {refs[twin].question.id} at {place(refs[twin])} "
                f"({shared}){group}",
                f"delete {'all but one' if rest else 'one'} of them, or make them ask "
                "different things",
                places_of([refs[twin], *rest]),
            )


def _repeated(keys: Iterable[Hashable]) -> list[list[int]]:
    """The positions of the keys that occur more than once, by key (each in order)."""
    first_with: dict[Hashable, int] = {}
    repeats: dict[int, list[int]] = {}  # by the first position of their key
    for at, key in enumerate(keys):
        first = first_with.setdefault(key, at)
        if first != at:
            repeats.setdefault(first, [first]).append(at)
    return list(repeats.values())


def _per_question(refs: list[QuestionRef], part: Callable[[QuestionRef], T]) -> Callable[[int], T]:
    """``part`` of the question at a position in ``refs``, worked out once for each."""
    return functools.cache(lambda at: part(refs[at]))


def _joined_within(
    members: list[int],
    tokens_of: Callable[[int], frozenset[Token]],
    threshold: float,
    max_postings: int,
    accept: Callable[[int, int], bool],
) -> Iterator[Pair]:
    """The pairs of ``members`` whose ``tokens_of`` sets agree at ``threshold`` or above
    and that ``accept`` takes, by their positions in the bank."""
    sets = [tokens_of(at) for at in members]

    def accept_members(first: int, second: int) -> bool:
        return accept(members[first], members[second])

    for current, other, similarity in similar_pairs(sets, threshold, max_postings, accept_members):
        yield members[current], members[other], similarity


def _numbers(ref: QuestionRef) -> frozenset[str]:
    """The stem's words with a digit: its numbers, figure and channel labels ("3E13")."""
    return frozenset(word for word in words(ref.question.stem) if _DIGIT.search(word))


def _similar(ours: frozenset[str], theirs: frozenset[str], threshold: float) -> bool:
    return len(ours & theirs) >= threshold * len(ours | theirs)


def _option_set(ref: QuestionRef) -> frozenset[str]:
    """The option texts, case and punctuation ignored."""
    return frozenset(" ".join(words(text)) for text in ref.question.option_texts)


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
    """The same answer (``_answer``), none of its texts "All of the above"."""
    answers = []
    for ref in (one, two):
        texts = ref.question.key_texts
        if not texts or any(points_at_options(text) for text in texts):
            return False
        answers.append(_answer(texts))
    return answers[0] == answers[1]


def _answer(keys: tuple[str, ...]) -> Answer:
    """The key texts as an answer: alike but for case, spacing and a closing full stop
    ("Amazon S3." is "amazon s3"; "51440122+" is not "51440122", nor "2.1 V" "1.2 V")."""
    if len(keys) == 1:  # most questions: no sorting, no tuple
        return _answer_text(keys[0])
    return tuple(sorted(map(_answer_text, keys)))


def _answer_text(key: str) -> str:
    return " ".join(key.casefold().split()).rstrip(".")


def _content_words(ref: QuestionRef) -> frozenset[str]:
    """The words of stem and key, function words and exam words left out."""
    return word_set(ref.question.stem).union(*map(word_set, ref.question.key_texts)) - STOPWORDS


def _question_shingles(ref: QuestionRef) -> frozenset[int]:
    in_stem = shingles(ref.question.stem)
    in_keys = [shingles(key) for key in ref.question.key_texts]
    # Most keys are under four words and have none: the stem's own set, not a copy.
    return in_stem.union(*in_keys) if any(in_keys) else in_stem
