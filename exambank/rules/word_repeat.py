"""The key repeats the stem's wording and the distractors do not (a clang association)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.rules.wording import STOPWORDS, word_set, words

_AS_WRITTEN = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


_INFLECTIONS = (("ation", 4), ("ing", 3), ("ed", 3))  # (ending, shortest stem left)


def word_base(word: str) -> str:
    """The form a word is compared in: a possessive "'s", a plural, and an "-ed",
    "-ing" or "-ation" ending dropped, then a final "e", so "cable's", "cables" and
    "cable" meet, as do "solder" and "soldered", "polarized" and "polarization"."""
    base = word.removesuffix("'s")
    if base.endswith("ies") and len(base) > 4:
        base = base[:-3] + "y"
    elif base.endswith("s") and not base.endswith("ss") and len(base) > 3:
        base = base[:-1]
    for ending, shortest in _INFLECTIONS:
        if base.endswith(ending) and len(base) - len(ending) >= shortest:
            base = base[: -len(ending)]
            break
    return base[:-1] if base.endswith("e") and len(base) > 3 else base


class _Bases(dict[str, str]):
    """Each word's ``word_base``, worked out once (at most ``_BASES_KEPT`` words are
    kept): a lint of 10,000 questions asks for 320,000 bases, of far fewer words."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _BASES_KEPT:
            self.clear()
        base = self[word] = word_base(word)
        return base


_BASES_KEPT = 1 << 16
# ``word_base``, looked up: an lru_cache's hit first makes a tuple of its arguments, and
# basing a stem's words cost 855 instructions a word with one, 572 with a dictionary
# (0.09 G instructions of that lint).
base_of = _Bases().__getitem__


def stem_bases(ref: QuestionRef) -> frozenset[str]:
    """The bases of the words of the question's stem (from ``words``: a set of them first
    would cost more than basing the few repeated words twice)."""
    return frozenset(map(base_of, words(ref.question.stem)))


def subject_words(frequency: Counter[str], stems: int, share: float) -> frozenset[str]:
    """The bases in more than ``share`` of ``stems`` stems, given in how many stems each
    base is (``frequency``, counted over the ``stem_bases`` of each question): what the
    bank or section is about ("aws", "sagemaker"), which every option may name without
    a cue."""
    limit = share * stems
    return frozenset(word for word, count in frequency.items() if count > limit)


def echoes(text: str, stem: frozenset[str], ignored: frozenset[str]) -> set[str]:
    """The bases of the stem's words that ``text`` repeats: words of three letters or
    more, not numbers, not ``ignored``; ``stem`` holds the stem's bases, so "model"
    repeats "models" and "soldered" repeats "solder"."""
    found = set()
    for word in words(text):
        if word not in ignored and not word.isdigit():
            base = base_of(word)
            if len(base) > 2 and base in stem and base not in ignored:
                found.add(base)
    return found


def _base_as_written(word: str) -> str:
    return base_of(word.casefold().replace("\u2019", "'"))


class WordRepeat(BankRule):
    """The key repeats a word of the stem that no distractor repeats.

    Candidates match the stem's words against the options ("clang association"): the
    one option that echoes the stem ("Which service stores *objects*?" -- "Amazon Simple
    Storage Service *object* storage") is picked without knowing why. Heuristic, per
    question: the stem's content words (three letters or more, not function words or
    words every stem uses such as "following") that a key repeats, in any of their
    simple forms (a possessive "'s", a plural and an "-ed", "-ing" or "-ation" ending
    ignored, in stem, keys and distractors alike: "solder" and "soldered", "cable" and
    "cable's", "polarized" and "polarization" are one word); reported when no
    distractor repeats them and a key repeats more of the stem than any distractor does
    (a stem naming two things, each echoed by one option, gives nothing away; the keys
    of a multiple-answer question count one by one). Words in more than ``max_share``
    of the bank's stems are its subject ("aws", "sagemaker"), and words in more than
    ``max_share`` of the stems of the question's own section are that section's topic
    ("station" in a section on station rules); neither counts, in a bank or section of
    at least ``min_questions`` questions. Known false positives: a key that must name
    the thing the stem asks about (a service named for its purpose, where no other
    wording exists; "How soon ...?" -- "As soon as ..."), and word forms outside the
    simple endings ("run" and "ran"); off by default for them (docs/rule-precision.md).
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
    languages = ("en",)  # English function words and word endings
    on_questions = True  # its findings name their question
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"ignore": [], "max_share": 0.15, "min_questions": 20}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = list(bank.questions())
        ignore = {word.casefold() for word in options["ignore"]}
        ignored = STOPWORDS | ignore | {base_of(word) for word in ignore}
        enough, share = options["min_questions"], options["max_share"]
        bases = [stem_bases(ref) for ref in refs]
        by_section: dict[int, list[int]] = {}
        for at, ref in enumerate(refs):
            by_section.setdefault(id(ref.section), []).append(at)
        # One count per section; the bank's count is their sum (a base is in a section's
        # count once per stem), not a second pass over every stem's words.
        counts = [
            Counter(chain.from_iterable(bases[at] for at in section))
            for section in by_section.values()
        ]
        if len(refs) >= enough:
            frequency: Counter[str] = Counter()
            for count in counts:
                frequency.update(count)
            ignored |= subject_words(frequency, len(refs), share)
        for section, count in zip(by_section.values(), counts, strict=True):
            topic = (
                subject_words(count, len(section), share) if len(section) >= enough else frozenset()
            )
            in_section = ignored | topic  # once per section: it holds all the stopwords
            for at in section:
                yield from self._check_question(refs[at], bases[at], in_section)

    def _check_question(
        self, ref: QuestionRef, bases: frozenset[str], ignored: frozenset[str]
    ) -> Iterator[Diagnostic]:
        # A stem whose bases are all ignored (function words, the bank's subject, the
        # section's topic) has nothing to echo, its options need not be read; nor has one
        # that shares no base but ignored ones with its keys (most keys): nothing to
        # compare the distractors with.
        telling = bases - ignored
        if not telling:
            return
        question = ref.question
        answers = question.answer_letters
        options = list(zip(question.options, question.option_texts, strict=True))
        keys = [(letter, text) for letter, text in options if letter in answers]
        if telling.isdisjoint(chain.from_iterable(map(base_of, words(text)) for _, text in keys)):
            return
        in_stem = frozenset(map(base_of, word_set(question.stem) - ignored))
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
            # each word as the stem spells it ("batch", where the key says "AWS Batch")
            written = _AS_WRITTEN.findall(question.stem)
            listed = ", ".join(
                f"'{next((w for w in written if _base_as_written(w) == word), word)}'"
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
