"""Bank-wide item-writing patterns: questions that give each other away, and sections the
questions do not cover (questions that repeat are in duplicates.py)."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules.base import BankRule, Options
from exambank.rules.wording import is_name, key_letters, runs_of_four, words


def _place(ref: QuestionRef, *keys: str | int) -> str:
    return f"{ref.source.display}:{ref.where(*keys)[0]}"


class KeyInOtherStem(BankRule):
    """A question's key is written out in another question's stem.

    A candidate who reads the other question learns the answer. Heuristic: a key of at
    least ``min_words`` words (four or more) besides numbers that is a description
    rather than a name (fewer than half its words capitalised; in German, where every noun
    is, a lowercase word other than "und", "and", "of" ...) appears word for word in
    another question's stem (case and punctuation ignored; a name joined by "_" is one
    word, so the code "my_list = [1, 2, 3]" does not hold "list"). A stem that restates
    a key in a sentence of its own drops the key's opening articles, pronouns,
    auxiliaries, "to", "by", "because" and "so" ("It caches content at edge locations"
    reads "A company caches content at edge locations"), so the key is compared without
    them when ``min_words`` words besides numbers remain ("It is good amateur practice"
    is compared whole); the words that make the claim ("not", "only", "all") are kept.
    A key made of numbers ("1 2 3 4", "10.1.1.1") is left out: it matches any list of
    the same numbers. So is a key its own stem already holds: a group of items over one
    input line ("line = '... 10.1.1.1 ...'") shows it in every stem, and the other stem
    adds nothing. Both questions are reported. Found by looking up each run of four words
    of each stem among the keys' last four words (what is compared ends with them: a set
    lookup per run), never by comparing key and stem pairs. Known false
    positives: a scenario that restates a general principle another question asks for,
    where knowing the phrase does not identify it as that question's answer; a key that
    only names a thing in lower case ("A field strength meter"), which gives nothing
    away; a key whose opening pronoun stands for its question's subject, matched by a
    stem that says the same of another subject ("It is cheaper than the other two
    options" against "Why is X cheaper than the other two options?"). Source:
    Haladyna, Downing & Rodriguez (2002), guideline 4 (keep items independent; avoid
    cueing one item with another).

    Options: ``min_words`` (default 4).

    Bad:
        Q1 key "You pay only for the compute time you use"; Q7 stem "A company wants to
        pay only for the compute time you use. Which service ...?"

    Good:
        Q7's stem describes the need in its own words
    """

    name = "key-in-other-stem"
    severity = "warning"
    on_questions = True  # its findings name their question
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"min_words": 4}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        refs = list(bank.questions())
        # Keys that may be long enough, by their last four words: the cue a stem must
        # hold is the whole key or the key without its opening words, so it ends with
        # them (``words`` splits names at "_", so it finds every candidate). Whether one
        # counts at all (not a name, not numbers, not in its own stem) is asked only when
        # a stem holds them.
        # Each key by its question's position and its own among the question's keys.
        keys_by_end: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        least = max(options["min_words"], 4)
        for at, ref in enumerate(refs):
            for index, key in enumerate(ref.question.key_texts):
                key_words = words(key)
                if len(key_words) >= least:
                    keys_by_end.setdefault(key_words[-4:], []).append((at, index))
        ends = frozenset(keys_by_end)
        for at, ref in enumerate(refs):
            stem_words = words(ref.question.stem)
            # Each run looked up, none kept: most stems hold no key's end, and making a set
            # of a stem's runs (its shingles) cost twice as much as the lookups.
            if ends.isdisjoint(runs_of_four(stem_words)):
                continue
            hits = ends.intersection(runs_of_four(stem_words))
            found = {
                (owner, key_letters(refs[owner].question)[index])
                for end in hits
                for owner, index in keys_by_end[end]
                if owner != at
                and _cue(refs[owner].question.key_texts[index], least)
                in _spaced_words(ref.question.stem)
                and self._gives_away(refs[owner], index, least)
            }
            for owner, letter in sorted(found):
                yield from self._report(ref, refs[owner], letter)

    @staticmethod
    def _gives_away(owner: QuestionRef, index: int, least: int) -> bool:
        """Whether the cue of the owner's key at ``index`` (of its ``key_texts``), found in
        another stem, tells that stem's reader something: enough words besides numbers (a
        name joined by "_" is one), a key that describes rather than names, and a cue not in
        its own question's stem already."""
        key = owner.question.key_texts[index]
        cue = _cue(key, least)
        return (
            sum(not word.isdigit() for word in cue.split()) >= least
            and not is_name(key, primary_language(owner.language))
            and cue not in _spaced_words(owner.question.stem)
        )

    def _report(
        self, stem_ref: QuestionRef, key_ref: QuestionRef, letter: str
    ) -> Iterator[Diagnostic]:
        key_text = key_ref.question.option_text(letter).strip()
        yield stem_ref.diagnostic(
            self.name,
            self.severity,
            ("stem",),
            f"the stem gives away the answer to {key_ref.question.id} "
            f'("{key_text}", at {_place(key_ref, "options", letter)})',
            "describe the situation in other words, or move one question to another test",
            (key_ref.source.display,),
        )
        yield key_ref.diagnostic(
            self.name,
            self.severity,
            ("options", letter),
            f"the key is written out in the stem of {stem_ref.question.id} "
            f"at {_place(stem_ref, 'stem')}",
            "reword the key, or the other question's stem",
            (stem_ref.source.display,),
        )


# Words a key may open with that a stem restating it in a sentence of its own does not
# repeat: articles, pronouns, auxiliaries, "to", "by", "because", "so (that)" ("It caches
# content at edge locations" reads "A company caches content at edge locations"). "not",
# "only", "all" and the like are kept: they make the claim.
_LEADING_WORD_TEXT = """
    a an the i you he she it we they me him her us them my your his its our their this
    that these those there am is are was were be been being has have had do does did
    will would shall should can could may might must to by because so
"""
_LEADING_WORDS = frozenset(_LEADING_WORD_TEXT.split())


@lru_cache(maxsize=1 << 12)
def _cue(key: str, least: int) -> str:
    """The words of ``key`` that another stem would repeat, as ``_spaced_words`` gives
    them: from its first word not in ``_LEADING_WORDS`` when that leaves ``least`` words
    or more besides numbers ("You pay only for the time your code runs" -> "pay only for
    the time your code runs"), else all of them ("A secret access key")."""
    spaced = _spaced_words(key)
    key_words = spaced.split()
    start = 0
    while start < len(key_words) and key_words[start] in _LEADING_WORDS:
        start += 1
    rest = key_words[start:]
    if start and sum(not word.isdigit() for word in rest) >= least:
        return f" {' '.join(rest)} "
    return spaced


# ``words``, with identifiers ("my_list", "__init__" as "init") kept whole.
_CODE_WORD = re.compile(r"[^\W_]+(?:['_-][^\W_]+)*")


@lru_cache(maxsize=1 << 12)
def _spaced_words(text: str) -> str:
    """The words of ``text`` as a key and a stem are compared, case and punctuation
    ignored, a space before, between and after them; a name joined by "_" is one word,
    so "my_list" does not hold "list"."""
    folded = text.casefold().replace("\u2019", "'")
    return f" {' '.join(_CODE_WORD.findall(folded))} "


class SectionCoverage(BankRule):
    """A section teaches without questions, or has far fewer questions than the others.

    A bank's questions should sample what it teaches: a section with study notes and
    no questions is never assessed. Heuristic: a section with notes, key terms or exam
    tips and no questions; or, with at least ``min_sections`` sections, one whose number
    of questions is below ``min_share`` of the median of the sections that have
    questions, none at all included (a section with a title and no questions, among
    sections that have them, is a topic left out). Known false positives: an
    introduction or summary section that is meant to have no questions; sections sized
    on purpose by an exam's blueprint (a question pool whose safety section is small
    because the exam draws one question from it).
    Source: Haladyna, Downing & Rodriguez (2002), guidelines 1-2
    (items reflect specific, important content -- a test plan covers each topic).

    Options: ``min_share`` (default 0.5), ``min_sections`` (default 3).

    Bad:
        sections of 5, 5, 5 and 1 questions (or 0); or a section with notes and no questions

    Good:
        sections of 5, 6, 4 and 5 questions
    """

    name = "section-coverage"
    severity = "warning"
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)
    options: ClassVar[dict[str, Any]] = {"min_share": 0.5, "min_sections": 3}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # Questions as written: one that failed the schema still covers its section.
        counts = [_written_questions(file.source.data) for file in bank.files]
        asked = [count for count in counts if count]
        median = statistics.median(asked) if asked else 0
        for file, count in zip(bank.files, counts, strict=True):
            section = file.section
            if not count and (section.notes or section.key_terms or section.exam_tips):
                yield self.report(
                    file.source,
                    ("id",),
                    f"section '{section.id}' has study notes but no questions",
                    "add questions on what the section teaches",
                )
            elif len(counts) >= options["min_sections"] and count < options["min_share"] * median:
                has = f"{count} question{'s' if count > 1 else ''}" if count else "no questions"
                yield self.report(
                    file.source,
                    ("id",),
                    f"section '{section.id}' has {has}, where the median section has {median:g}",
                    "add questions on what the section teaches",
                )


def _written_questions(data: Any) -> int:
    """How many questions a section file lists, as written (a list, else none: the schema
    reports 'questions: 5')."""
    questions = data.get("questions") if isinstance(data, dict) else None
    return len(questions) if isinstance(questions, list) else 0
