"""The value an author meant where the format allows only a few ('difficulty: leicht' for
'easy', 'type: múltiple' for 'multiple'): written in their own language, in another case,
or misspelt."""

from __future__ import annotations

import difflib
import re
from typing import Any

from exambank.schema_keys import plain

# The allowed values as authors write them in the languages the handouts print labels in,
# read as ``plain`` reads them: in any case, with or without accents.
_IN_OTHER_LANGUAGES = {
    "easy": (
        *("leicht", "einfach", "facil", "facile", "makkelijk", "gemakkelijk", "latwy"),
        *("легкий", "лёгкий", "простой", "легко"),
    ),
    "medium": (
        *("mittel", "mittelschwer", "medio", "media", "intermedio", "intermedia", "medie"),
        *("moyen", "moyenne", "gemiddeld", "sredni", "средний", "средняя", "средне"),
    ),
    "hard": (
        *("schwer", "schwierig", "dificil", "difficile", "moeilijk", "trudny"),
        *("сложный", "трудный", "сложно"),
    ),
    "single": ("einfachauswahl", "unica", "unico", "simple", "unique", "один", "одиночный"),
    "multiple": (
        *("mehrfach", "mehrfachauswahl", "multipla", "multiplo", "multipel", "meervoudig"),
        *("wielokrotny", "множественный", "несколько"),
    ),
}
_MEANINGS = {plain(word): value for value, words in _IN_OTHER_LANGUAGES.items() for word in words}
# A question type that says true/false, written without a mark between its words.
_TRUE_FALSE_TYPES = frozenset({"truefalse", "tf", "yesno", "boolean", "bool"})
_TYPE_WORDS = re.compile(r"[\W_]+|\bor\b")  # 'true-false', 'True/False', 'true or false'


def meant_value(written: Any, choices: list[Any]) -> str | None:
    """The one of ``choices`` that ``written`` most likely stands for, or None: 'Easy',
    'fácil' and 'eazy' all mean 'easy'."""
    if not isinstance(written, str) or not all(isinstance(choice, str) for choice in choices):
        return None
    said = plain(written.strip())
    meant = _MEANINGS.get(said) or next((c for c in choices if plain(c) == said), None)
    if meant is None:
        close = difflib.get_close_matches(said, choices, n=1, cutoff=0.75)
        meant = close[0] if close else None
    return meant if meant in choices and meant != written else None


def true_false_type(written: Any) -> bool:
    """Whether ``written``, a question's type, names a true/false question: 'true-false',
    'True/False', 'T/F', 'yes-no', 'vrai-faux', 'boolean'. There is no such type: such a
    question is single-answer, with a true and a false option."""
    from exambank.rules.true_false import is_true_false  # only a wrong type needs it

    if not isinstance(written, str):
        return False
    words = [word for word in _TYPE_WORDS.split(plain(written)) if word]
    return plain(written) in _TRUE_FALSE_TYPES or (len(words) == 2 and is_true_false(words))
