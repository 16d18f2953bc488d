"""Options that are bare numbers and label a thing rather than count it: identifiers
("430326890", an MMSI; "033609991") and phone numbers ("110", "112", "116 117").
numeric-order does not ask for them in order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from exambank.language_codes import primary_language

# Digits grouped in threes by a space, a no-break space or a narrow one ("116 117",
# "10 000"), as the languages whose numbers are read with such groups write them.
_GROUPED = re.compile(r"\s*\d{1,3}(?:[ \u00a0\u202f]\d{3})+\s*")
# Bare digits that identify rather than count: a leading zero ("033609991") or six digits
# and more with no separator ("430326890", an MMSI).
_IDENTIFIER = re.compile(r"\s*(?:0\d+|\d{6,})\s*")
# Five digits and more with no separator: beside a grouped option, numbers a writer did
# not group as quantities are grouped ("19222" beside "116 117": phone numbers). Four
# digits are left ungrouped beside grouped ones in quantities too ("5000", "10 000").
_UNGROUPED = re.compile(r"\s*\d{5,}\s*")
# A stem that asks for a number to call, or names a number with a word that labels and
# never counts (German "Nummer" beside "Anzahl", French "numéro" beside "nombre"). English
# "number" and Spanish "número" count as well ("the number of"): there only a phone or
# emergency number, or a number a few words before a verb of calling or dialling.
_ENGLISH_CALLED = (
    r"(?:tele)?phone\s+numbers?|emergency\s+numbers?|numbers?\s+(?:\w+\s+){0,3}"
    r"(?:call|dial)"  # not "ring", a noun as often ("the number of ring buffers")
)
# A stem that counts ("Wie viele Stellen hat die Nummer?") asks for a quantity, whatever
# number it names.
_COUNTS = re.compile(
    r"\b(?:how\s+many|number\s+of|wie\s+viele|anzahl|combien|nombre\s+de|cu[áa]nt[oa]s"
    r"|quant[oa]s|quant[ie]|hoeveel|aantal|сколько|количеств\w*|ile|liczb\w*)\b",
    re.IGNORECASE,
)
_CALLED = {
    "de": r"\w*nummer[n]?",  # "Nummer", "Rufnummer", "Telefonnummern"; not "nummeriert"
    "fr": r"num[ée]ros?",
    "nl": r"\w*nummers?",
    "ru": r"номер\w*",
    "pl": r"numer\w{0,3}",
    "es": r"n[úu]meros?\s+(?:de\s+(?:tel[ée]fono|emergencias?)|(?:\w+\s+){0,3}"
    r"(?:llamar\w*|llama[ns]?|marcar\w*|marca[ns]?))",
    "pt": r"n[úu]meros?\s+(?:de\s+(?:telefone|emerg[êe]ncias?)|(?:\w+\s+){0,3}"
    r"(?:ligar\w*|ligue\w*|liga|discar\w*|disque|disca))",
    "it": r"numer[oi]\s+(?:di\s+(?:telefono|emergenza)|(?:\w+\s+){0,3}"
    r"(?:chiamar\w*|chiama|chiami|comporre|compon\w*))",
}


def are_labels(texts: Sequence[str], stem: str, language: str) -> bool:
    """Whether options that are all bare numbers (``texts``, read as numbers already) are
    labels, not quantities: one is an identifier, one is grouped where another of five
    digits and more is not, or the stem asks for a number to call."""
    grouped = [bool(_GROUPED.fullmatch(text)) for text in texts]
    bare = (
        is_grouped or text.strip().isdigit()
        for text, is_grouped in zip(texts, grouped, strict=True)
    )
    if not all(bare):
        return False  # a unit, a sign, a decimal point: a quantity
    if any(_IDENTIFIER.fullmatch(text) for text in texts):
        return True
    # A group of zeros ends a round quantity ("10 000"), not a phone number.
    if any(
        is_grouped and not text.rstrip().endswith("000")
        for text, is_grouped in zip(texts, grouped, strict=True)
    ) and any(_UNGROUPED.fullmatch(text) for text in texts):
        return True
    return _COUNTS.search(stem) is None and _called(language).search(stem) is not None


@cache
def _called(language: str) -> re.Pattern[str]:
    """A stem asking for a number to call, in the bank's language or in English."""
    own = _CALLED.get(primary_language(language))
    words = f"{own}|{_ENGLISH_CALLED}" if own else _ENGLISH_CALLED
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
