"""The fixed words of a printed handout, in the languages they are translated into.

A bank's language tag picks a table by its primary subtag ("de-CH" -> German); a language
without one gets the English labels. A count agrees with its noun by the language's plural
rule (CLDR's, for whole numbers): Russian "1 раздел, 2 раздела, 5 разделов". Portuguese has
two tables, as Brazil and Portugal differ in half these words (Seção and Secção, Gabarito
and Soluções, embaralhadas and baralhadas) and in the plural of 0 (CLDR: "0 seção" in
Brazil, "0 secções" in Portugal): the tag's region picks one (see ``labels_for``).
"""

from __future__ import annotations

from dataclasses import replace

from exambank.builders.labels.base import Labels
from exambank.builders.labels.tables import (
    BRAZILIAN_PORTUGUESE,
    DUTCH,
    ENGLISH,
    EUROPEAN_PORTUGUESE,
    FRENCH,
    GERMAN,
    ITALIAN,
    POLISH,
    RUSSIAN,
    SPANISH,
)
from exambank.language_codes import language_name

__all__ = [  # what the handouts and tests use
    "BRAZILIAN_PORTUGUESE",
    "DUTCH",
    "ENGLISH",
    "EUROPEAN_PORTUGUESE",
    "FRENCH",
    "GERMAN",
    "ITALIAN",
    "LABELS",
    "POLISH",
    "RUSSIAN",
    "SPANISH",
    "Labels",
    "english_words_note",
    "labels_for",
]

LABELS: dict[str, Labels] = {  # every table, by the tag it is written in, as the README lists
    labels.language: labels
    for labels in (
        ENGLISH,
        GERMAN,
        FRENCH,
        SPANISH,
        BRAZILIAN_PORTUGUESE,
        EUROPEAN_PORTUGUESE,
        ITALIAN,
        DUTCH,
        POLISH,
        RUSSIAN,
    )
}


def labels_for(language: str) -> Labels:
    """The labels for a BCP 47 tag, by its primary subtag; English for any other, marked
    as standing in. Portuguese is Brazil's with no region or "BR", and Portugal's with any
    other ("pt-PT", "pt-AO", "pt-MZ"), as CLDR's locales for those countries inherit from
    pt_PT."""
    subtags = language.lower().split("-")
    labels = LABELS.get(subtags[0], replace(ENGLISH, fallback=True))
    if labels is BRAZILIAN_PORTUGUESE and _region(subtags[1:]) not in (None, "br"):
        return EUROPEAN_PORTUGUESE
    return labels


def english_words_note(language: str) -> str | None:
    """That the handouts of a bank in ``language`` print English words, as exambank has
    none in it, naming the languages it has; None where it has the bank's. Said under each
    PDF the build writes and by ``init``: a Swedish bank's handouts would otherwise read
    "Answer key" with not a word on why."""
    if not labels_for(language).fallback:
        return None
    names = list(dict.fromkeys(language_name(tag) for tag in LABELS))
    return (
        'the handouts\' own words ("Answer key", "Choose 2 answers.") are in English: '
        f"exambank has none in '{language}' yet, only in {', '.join(names[:-1])} and {names[-1]}"
    )


def _region(subtags: list[str]) -> str | None:
    """The region among the subtags after a tag's language ("latn", "pt" -> "pt"): the
    first of two letters, before any extension ("u-...", "x-...")."""
    for subtag in subtags:
        if len(subtag) == 1:
            return None
        if len(subtag) == 2 and subtag.isalpha():
            return subtag
    return None
