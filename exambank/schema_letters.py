"""Answer letters and option letters the schema refuses, in an author's words.

A lower-case answer letter is a slip of the shift key; a Cyrillic or Greek one, of the
keyboard's layout. 'С' on screen is a capital C, so "answer is text 'С'" reads as nonsense:
these messages name the letter ("the Cyrillic letter Es") and the Latin one it stands for.
An answer or an option letter stands for the Latin letter it looks like, except among
options lettered in Russian order (А, Б, В, Г), where it stands for the letter of its
place: there В is the third option, C, though it looks like B.
"""

# ruff: noqa: RUF002, RUF003  # Cyrillic look-alikes are the point

from __future__ import annotations

import json
import re
import string
from collections.abc import Collection
from typing import Any

from exambank.diagnostics import FIXED_BY_LINT
from exambank.lookalikes import (
    and_listed,
    is_foreign_letter,
    latin_letter,
    letter_name,
    letters_named,
    readings,
    russian_lettering,
    sure_latin,
)
from exambank.schema_answer_texts import answer_hint, empty_answer_hint
from exambank.schema_words import Found, kind_of
from exambank.source import JsonPath, Source

Said = tuple[str, str]  # what is wrong, how to fix it
_LATIN = "switch the keyboard to the Latin layout"
_LOWER = re.compile(r"^[a-z]\Z")
_LATIN_LETTER = re.compile(r"^[A-Z]\Z")  # not "B\n", which a block scalar gives


def explain_answer(source: Source, path: JsonPath, name: str, answer: Any, question: Any) -> Found:
    """What to say of an answer the schema refuses, at ``path`` in ``question``."""
    letters = answer if isinstance(answer, list) else [answer]
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return source.where(path), f"{name} is empty", empty_answer_hint(question)
    options = question.get("options") if isinstance(question, dict) else None
    keys = list(options) if isinstance(options, dict) else []
    unmended = source.fix_refuses() or counts_in_russian_order(source.data)
    if foreign := foreign_answer(answer, keys, unmended):
        first, wrong, latin_hint = foreign
        where = (*path, first) if isinstance(answer, list) else path
        return source.where(where), f"{name} {wrong}", latin_hint
    lower = [index for index, letter in enumerate(letters) if _LOWER.match(str(letter))]
    if not lower or not all(
        isinstance(letter, str) and _LOWER.match(letter.lower()) for letter in letters
    ):
        return (
            source.where(path),
            f"{name} is {kind_of(answer)} {json.dumps(answer, ensure_ascii=False)}",
            answer_hint(source, path, answer, question),
        )
    upper = [letter.upper() for letter in letters]
    written = f"[{', '.join(upper)}]" if isinstance(answer, list) else upper[0]
    was = ", ".join(f"'{letters[index]}'" for index in lower)
    now = ", ".join(f"'{upper[index]}'" for index in lower)
    where = (*path, lower[0]) if isinstance(answer, list) else path
    fix = FIXED_BY_LINT if _latin_lettered(keys) and not source.fix_refuses() else ""
    return (
        source.where(where),
        f"{name} letters are capitals: {was} -> {now}",
        f"write answer: {written}{fix}",
    )


def fixable_lookalikes(answer: list[Any], letters: Collection[Any]) -> bool:
    """Whether the Cyrillic or Greek letters of ``answer`` surely stand for Latin option
    letters: each one looks like one of ``letters``, the question's (Latin) option letters,
    and no other reading of it names another (``sure_latin``: 'С' yes; 'В' is B by look,
    C by its place in Russian order, D by its key). Not when one has no look-alike ('Б'):
    then the author counts in Russian order."""
    foreign = [letter for letter in answer if is_foreign_letter(letter)]
    return bool(foreign) and all(sure_latin(letter, letters) for letter in foreign)


def counts_in_russian_order(data: Any) -> bool:
    """Whether an answer anywhere in a section file's ``data`` is a Cyrillic or Greek letter
    no Latin one looks like ('Б', 'Г'): its author counts in Russian order, where a Cyrillic
    Ve is the third option, not the B it looks like, so no look-alike of it is read by its
    look."""
    questions = data.get("questions") if isinstance(data, dict) else None
    for question in questions if isinstance(questions, list) else []:
        answer = question.get("answer") if isinstance(question, dict) else None
        for letter in answer if isinstance(answer, list) else [answer]:
            if isinstance(letter, str) and is_foreign_letter(letter) and not latin_letter(letter):
                return True
    return False


def foreign_answer(
    answer: Any, keys: list[Any], unmended: bool = False
) -> tuple[int, str, str] | None:
    """What to say of an answer holding Cyrillic or Greek letters, under options lettered
    ``keys``: the place of the first such letter in the list (0 for a lone letter), what
    is wrong after the answer's name, and the hint; None if it holds none. ``unmended``:
    ``lint --fix`` mends none of them in this file (one that ``counts_in_russian_order``,
    or one it rewrites nothing in), so the hint does not say it does."""
    letters = answer if isinstance(answer, list) else [answer]
    foreign = [at for at, letter in enumerate(letters) if is_foreign_letter(letter)]
    if not foreign:
        return None
    shown = dict.fromkeys(letters[at] for at in foreign)
    russian = russian_lettering(keys)
    meant = [_meant(letter, keys, russian) for letter in letters]
    many = len(shown) > 1
    quoted = ", ".join(f"'{letter}'" for letter in shown)
    message = f"letters {quoted} are " if many else f"{quoted} is "
    message += letters_named(list(shown))
    if russian:
        message += f"; the options are lettered {', '.join(keys)}, in Russian order"
        if all(meant):
            message += f", so the answer is {_written(answer, meant)}"
        return foreign[0], message, _russian_hint(answer, keys, meant)
    latin = [_meant(letter, keys, russian=False) for letter in shown]
    if all(latin):
        message += f", not the Latin {and_listed(list(map(str, latin)))}"
    else:
        message += f", not {'Latin letters' if many else 'a Latin letter'}"
    if not all(meant):
        hint = f"write Latin capital letters (answer: B, or answer: [A, C]): {_LATIN}"
        return foreign[0], message, hint
    # 'В' under A-D: B by look, C by place, D by key; the author must say which.
    unsure = [letter for letter in shown if len(set(readings(letter)) & set(keys)) > 1]
    if unsure:
        return foreign[0], message, _readings_hint(unsure, keys)
    written = _written(answer, meant)
    fixed = _latin_lettered(keys) and fixable_lookalikes(letters, keys) and not unmended
    return (
        foreign[0],
        message,
        f"write answer: {written} in Latin letters{FIXED_BY_LINT if fixed else ''}",
    )


def _readings_hint(letters: list[Any], keys: list[Any]) -> str:
    """How to write letters that stand for more than one option: each reading named."""
    said = []
    for letter in letters:
        ways = [f"{latin} {why}" for latin, why in readings(letter).items() if latin in keys]
        either = f"{', '.join(ways[:-1])} or {ways[-1]}"
        said.append(f"'{letter}' may be {either}")
    return f"write the Latin letter you meant ({'; '.join(said)})"


def _meant(letter: Any, keys: list[Any], russian: bool) -> str | None:
    """The Latin option letter an answer's letter stands for; None if none."""
    if not isinstance(letter, str) or len(letter) != 1:
        return None
    if russian:
        places = [str(key).upper() for key in keys]
        place = places.index(letter.upper()) if letter.upper() in places else None
        return None if place is None else string.ascii_uppercase[place]
    if is_foreign_letter(letter):
        return latin_letter(letter)
    return letter.upper() if letter.isascii() and letter.isalpha() else None


def _written(answer: Any, meant: list[str | None]) -> str:
    """The answer as written in the Latin letters ``meant``: 'C', '[A, C]'."""
    return f"[{', '.join(map(str, meant))}]" if isinstance(answer, list) else str(meant[0])


def _russian_hint(answer: Any, keys: list[Any], meant: list[str | None]) -> str:
    latin = ", ".join(string.ascii_uppercase[: len(keys)])
    if not all(meant):
        return f"letter the options {latin} in that order, and write the answer in those letters"
    return f"letter the options {latin} in that order, and write answer: {_written(answer, meant)}"


def russian_options(name: str, keys: list[str]) -> Said:
    """Options lettered in Russian order, А, Б, В, Г: the Latin letters for them, by
    place (В is the third option, C, not the B it looks like)."""
    latin = ", ".join(string.ascii_uppercase[: len(keys)])
    traps = [
        f"{key} is option {string.ascii_uppercase[place]}, though it looks like {look}"
        for place, key in enumerate(keys)
        if (look := latin_letter(key)) and look != string.ascii_uppercase[place]
    ]
    trap = f" ({'; '.join(traps)})" if traps else ""
    return (
        f"{name} are lettered in Russian order, {', '.join(keys)}: option letters are Latin",
        f"letter them {latin} in that order, and the answer too{trap}",
    )


def foreign_option_letter(name: str, key: str, keys: list[str]) -> Said:
    """An option lettered with one Cyrillic or Greek letter among others: the Latin letter
    it looks like, or else the letter of its place, if no other option has it."""
    look = latin_letter(key)
    message = f"{name}: the letter '{key}' is {letter_name(key)}, not "
    message += f"the Latin {look}" if look else "a Latin letter"
    place = keys.index(key)
    if look and look not in keys:
        return message, f"write the Latin {look}: {_LATIN}"
    if place < len(string.ascii_uppercase) and string.ascii_uppercase[place] not in keys:
        return message, f"write the Latin letter of its place, {string.ascii_uppercase[place]}"
    return message, "option letters are single Latin capital letters A-Z"


def _latin_lettered(keys: list[Any]) -> bool:
    """Whether options are lettered A, B, C...: only then does ``lint --fix`` mend the
    answer."""
    return bool(keys) and all(isinstance(key, str) and _LATIN_LETTER.match(key) for key in keys)
