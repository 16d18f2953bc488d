"""What a language's handout labels are, and the plural rules their counts follow (CLDR's,
for whole numbers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def plural_one_other(count: int) -> int:
    return 0 if count == 1 else 1


def plural_zero_one_other(count: int) -> int:  # French, Brazilian Portuguese
    return 0 if count in (0, 1) else 1


def plural_russian(count: int) -> int:
    if count % 10 == 1 and count % 100 != 11:
        return 0
    return 1 if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else 2


def plural_polish(count: int) -> int:
    if count == 1:
        return 0
    return 1 if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else 2


@dataclass(frozen=True)
class Labels:
    """One language's labels. A tuple holds a counted phrase's forms, in the order its
    ``plural`` rule numbers them; braces mark what is filled in."""

    language: str  # the tag they are written in: a primary subtag, or one with its region
    plural: Callable[[int], int]
    section: str
    key_terms: str
    exam_tips: str
    practice_questions: str
    choose: tuple[str, ...]
    answer: str  # the trainer's answer line, for one letter
    answers: str  # and for several
    answer_key: str
    key_note: str
    key_note_shuffled: str
    contents: str
    page: str  # the page number in the footer: {page} and {pages}
    student_edition: str
    # On the trainer's answer line: the page of the student edition the question is on, so
    # that a trainer teaching from the trainer edition can name it to the class.
    student_page: str  # {page}
    trainer_edition: str
    version: str
    built: str
    contents_fact: str
    options_fact: str
    shuffled: str
    # The same without its seed, which the large-print cover's mark shows just above it:
    # at 24 pt, the seed a second time pushed the facts onto the second cover page
    shuffled_short: str
    sections: tuple[str, ...]
    questions: tuple[str, ...]
    no_questions: str
    one_question: str
    question_range: str
    footer_shuffle: str
    # A large-print edition's body size, on its cover (and a key's or sheet's printed
    # alone), so that a trainer tells a stack of 20 pt from one of 16 pt: {size}
    large_print: str
    # At the foot of a page where a question breaks, its options or answer following on
    # the next page (handout.css, ``continued``)
    continued: str
    fallback: bool = False  # standing in for a language that has no labels

    @property
    def lang_attribute(self) -> str:
        """The attribute an element holding only labels carries, where they stand in for
        the bank's language: the tagged PDF says so on the element (``label_language.py``),
        so a screen reader switches voice there."""
        return f' lang="{self.language}"' if self.fallback else ""

    def count(self, forms: tuple[str, ...], count: int) -> str:
        """The form of a counted phrase that ``count`` takes, filled in."""
        return forms[self.plural(count)].format(count=count)
