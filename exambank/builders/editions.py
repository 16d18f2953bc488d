"""The editions a build prints, and the words that tell one apart: on its cover, in its
footer and in the PDF's title.
"""

from __future__ import annotations

from typing import Literal

from exambank.bank import Bank
from exambank.builders.base import Settings
from exambank.builders.labels import Labels
from exambank.builders.sheet_words import sheet_words_for

# The two handouts, the answer key printed alone (``build --student-key separate``) and
# the sheet a class marks its answers on (``build --answer-sheet``)
Edition = Literal["student", "trainer", "answer-key", "answer-sheet"]
EDITIONS: tuple[Edition, ...] = ("student", "trainer")


def edition_words(edition: Edition, labels: Labels) -> str:
    """What the edition is called, on the cover, in the footer and in the PDF's title."""
    if edition == "answer-key":
        return labels.answer_key
    if edition == "answer-sheet":
        return sheet_words_for(labels).answer_sheet
    return labels.student_edition if edition == "student" else labels.trainer_edition


# In large print, the longest last word of the footer that wraps with the word before it
# ("B", "7", "3)")
_SHORT_LAST_WORD = 3


def footer_text(bank: Bank, edition: Edition, settings: Settings, labels: Labels) -> str:
    """What the foot of every page says besides its number, so a loose page can be told
    apart: the edition, the bank's version and the seed its options were shuffled with.
    In large print, which wraps it to lines of a few words, no line starts with the dot
    between two of them (a no-break space before it, as WeasyPrint breaks no line there),
    and a short last word does not end it alone ("version" / "B"): it wraps with the
    word before it. The standard edition's small print keeps its plain spaces, and its
    documents their bytes."""
    parts = [edition_words(edition, labels)]
    version = bank.manifest.version
    if version:
        parts.append(version if version[:1].isalpha() else f"v{version}")
    if settings.shuffle_seed is not None:
        parts.append(labels.footer_shuffle.format(seed=settings.shuffle_seed))
    if not settings.large_print:
        return " \u00b7 ".join(parts)
    text = "\u00a0\u00b7 ".join(parts)
    before, space, last = text.rpartition(" ")
    if space and 0 < len(last) <= _SHORT_LAST_WORD:
        return f"{before}\u00a0{last}"
    return text
