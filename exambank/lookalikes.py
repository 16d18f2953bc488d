"""Cyrillic and Greek letters drawn like Latin ones, and Russian written in Latin letters.

On a Russian (ЙЦУКЕН) or Greek keyboard an author types 'С' for C, 'В' for B, 'р' for p
without seeing a difference: an answer, an option letter or an id that looks right and
is not. Answer letters, option letters and ids are Latin in every language, so messages
name such a letter ("'С' is the Cyrillic letter Es, not the Latin C"), ``lint --fix``
writes an answer's look-alike in Latin, and ids are suggested in Latin letters.
"""

# ruff: noqa: RUF001, RUF002, RUF003  # Cyrillic and Greek look-alikes are the point

from __future__ import annotations

import string
import unicodedata
from collections.abc import Collection
from typing import Any

# A letter drawn like a Latin one in the common fonts (after Unicode's confusables, UTS
# #39), capitals and small letters apart: 'в' is drawn as a small capital B, not as b.
# Not the Greek Ρ (rho), drawn as P but typed on a Greek keyboard's R key: which of the
# two the author meant is anyone's guess.
_LOOKALIKES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
    "і": "i", "ј": "j", "һ": "h", "ԁ": "d",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "ι": "i", "ν": "v",
}  # fmt: skip
# Russian in Latin letters as ICAO Doc 9303 writes it, the table of machine-readable
# passports, Russia's included (and of the umlauts in ``skeleton.as_id``): ж zh, й i,
# х kh, ц ts, щ shch, ъ ie, ю iu, я ia; ь is not written.
_RUSSIAN_IN_LATIN = str.maketrans(
    dict(zip("абвгдеёзиклмнопрстуфыэ", "abvgdeeziklmnoprstufye", strict=True))
    | {"ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"}
    | {"ъ": "ie", "ь": "", "ю": "iu", "я": "ia"}
)
# The order Russian tests letter their options in: А, Б, В, Г, Д, Е, Ж, З, И, К ...
_RUSSIAN_ORDER = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
_GREEK_ORDER = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
# The Latin key that types each look-alike on a Russian (ЙЦУКЕН) keyboard: with the layout
# left on Russian, pressing D types 'В'.
_RUSSIAN_KEYS = {
    "А": "F", "В": "D", "Е": "T", "К": "R", "М": "V", "Н": "Y", "О": "J", "Р": "H",
    "С": "C", "Т": "N",
}  # fmt: skip
_SCRIPTS = ("CYRILLIC", "GREEK")
_YO = str.maketrans("ёЁ", "еЕ")


def is_foreign_letter(text: object) -> bool:
    """Whether ``text`` is one Cyrillic or Greek letter."""
    return isinstance(text, str) and len(text) == 1 and script_of(text) is not None


def latin_letter(letter: str) -> str | None:
    """The Latin capital a one-letter answer or option letter in another script looks
    like ('С' and 'с' -> 'C', 'ν' -> 'V' as it looks like v; 'в', drawn as a small capital
    B, -> 'B')."""
    if len(letter) != 1:
        return None
    look = _LOOKALIKES.get(letter) or _LOOKALIKES.get(letter.upper())
    return look.upper() if look else None


def readings(letter: str) -> dict[str, str]:
    """Every Latin capital an answer's Cyrillic or Greek ``letter`` may stand for, each
    with why: the one it looks like, the one at its place in its own alphabet ('В' is
    Russian's third letter, C; Greek 'Γ' C), and the key that types it on a Russian
    keyboard ('В': D). A reading that two ways give is said once, by the first."""
    upper = letter.upper()
    found: dict[str, str] = {}
    if look := latin_letter(letter):
        found[look] = "as it looks"
    for order, alphabet in ((_RUSSIAN_ORDER, "Russian"), (_GREEK_ORDER, "Greek")):
        if upper in order and order.index(upper) < len(string.ascii_uppercase):
            place = string.ascii_uppercase[order.index(upper)]
            found.setdefault(place, f"by its place in the {alphabet} alphabet")
    if upper in _RUSSIAN_KEYS:
        found.setdefault(_RUSSIAN_KEYS[upper], "as the key that types it on a Russian keyboard")
    return found


def sure_latin(letter: str, options: Collection[Any]) -> str | None:
    """The Latin option letter ``letter`` surely stands for: the one it looks like, when
    no other reading of it (``readings``) is also one of ``options``. 'С' under A-D is C
    (its place and key name no option), 'В' is B, C or D: not sure."""
    possible = [latin for latin in readings(letter) if latin in options]
    look = latin_letter(letter)
    return look if look is not None and possible == [look] else None


def letter_name(letter: str) -> str:
    """'the Cyrillic letter Es (U+0421)', 'the Cyrillic small letter Ve (U+0432)'."""
    return letters_named([letter])


def letters_named(letters: list[str]) -> str:
    """'the Cyrillic letters A (U+0410) and Ve (U+0412)': ``letters`` by name, those of
    one script and case as one."""
    kinds = {(script_of(letter), letter.islower()) for letter in letters}
    if len(kinds) > 1:
        return and_listed([letters_named([letter]) for letter in letters])
    [(script, small)] = kinds
    noun = "letters" if len(letters) > 1 else "letter"
    names = [
        f"{unicodedata.name(letter, '').split(' LETTER ', 1)[-1].title()} (U+{ord(letter):04X})"
        for letter in letters
    ]
    return f"the {script or 'Unicode'}{' small' if small else ''} {noun} {and_listed(names)}"


def and_listed(words: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def script_of(letter: str) -> str | None:
    """'Cyrillic' or 'Greek' for a letter of those scripts; None for anything else."""
    name = unicodedata.name(letter, "") if letter.isalpha() else ""
    return next((script.title() for script in _SCRIPTS if name.startswith(f"{script} ")), None)


def russian_lettering(keys: list[Any]) -> bool:
    """Whether option letters ``keys`` are Russian ones in Russian order: А, Б, В ... (or
    а, б, в ...)."""
    letters = [key.upper() if isinstance(key, str) else key for key in keys]
    return len(keys) >= 2 and letters == list(_RUSSIAN_ORDER[: len(keys)])


def in_latin_letters(name: str) -> str:
    """``name`` in Latin letters: its look-alikes read as the Latin letters they look like
    when the rest is Latin ('1с-test' -> '1c-test', 'рg-q9' -> 'pg-q9'), otherwise its
    Russian letters spelled as ICAO 9303 spells them ('осн-в1' -> 'osn-v1'). Other letters
    are left as they are."""
    if _lookalikes_only(name):
        return "".join(_LOOKALIKES.get(c, c) for c in name)
    return "".join(c.lower().translate(_RUSSIAN_IN_LATIN) if script_of(c) else c for c in name)


def lookalikes_in(name: str) -> str:
    """What ``in_latin_letters`` reads as Latin look-alikes in ``name``, said for a message:
    "'р' is the Cyrillic small letter Er (U+0440), not the Latin p"; "" if none."""
    if not _lookalikes_only(name):
        return ""  # none, or Russian spelled out: the suggestion says it
    letters = dict.fromkeys(c for c in name if c in _LOOKALIKES)
    return "; ".join(f"'{c}' is {letter_name(c)}, not the Latin {_LOOKALIKES[c]}" for c in letters)


def _lookalikes_only(name: str) -> bool:
    """Whether ``name`` is Latin but for look-alikes (at least one)."""
    foreign = [c for c in name if script_of(c)]
    return (
        bool(foreign)
        and any(c in string.ascii_letters for c in name)
        and all(c in _LOOKALIKES for c in foreign)
    )


def without_yo(text: str) -> str:
    """``text`` with the Russian ё (and Ё) written е, as Russian writers do freely: texts
    copied from sources that differ just so are the same text."""
    return text.translate(_YO)
