"""An answer written as an option's text or label ('Port 23', 'B)'), and the letter it means.

An author who copies the right option's text into ``answer`` (or its label with the
bracket, as a printed test shows it) has said which option is right: the hint names that
letter. Two options named as a single-answer question's answer are not a list to copy
(answer-count refuses it): the hint says to keep one, or to make the question multiple.
A number is not read as a place: 2 may count from 1 (B) or from 0 (C), so the hint asks
for the letter without guessing one. Letters written as one text ('A, C', 'A and C') are
the list the author meant. One letter in typographic quotes ('‘A’', as Word types them) or
with an invisible character ('B' and a no-break space) is that letter: the hint names
what surrounds it, and ``lint --fix`` takes it away (``marked_letter``).
"""

# ruff: noqa: RUF002, RUF003  # typographic quotes are the point

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

from exambank.diagnostics import FIXED_BY_LINT
from exambank.invisible import character_name
from exambank.lookalikes import and_listed
from exambank.schema_words import clip
from exambank.source import JsonPath, Source
from exambank.text_lists import listed_items

# A printed option's label, perhaps followed by its text: 'B)', '(B)', 'B.', 'B - Switch'.
_LABEL = re.compile(r"\(?\s*([A-Za-z])\s*[).:\-\u2013\u2014]\s*(.*)", re.DOTALL)

_LETTER = re.compile(r"[A-Z]")
SINGLE = "answer: <letter>"
MULTIPLE = "answer: [<letter>, <letter>]"
NEUTRAL = f"write one capital letter ({SINGLE}), or a list for multiple ({MULTIPLE})"
NUMBER = f"write the option's letter, not a number ({SINGLE})"
# Quotes a word processor types, which YAML reads as text: '‘A’', '“A”', '„A“', '«A»'.
_TYPOGRAPHIC_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"


def answer_hint(source: Source, path: JsonPath, answer: Any, question: Any) -> str:
    """How to write an answer the schema refuses: its letters, if each of its values names
    an option by the option's text or label; else how an answer is written."""
    named = _named_letters(source, path, answer, question)
    if named is not None:
        letters, reasons = named
        if _single_answer(question):
            letters = list(dict.fromkeys(letters))  # '[B), Port 22]' names B once
            if len(letters) > 1:
                return f"{'; '.join(reasons)}: {_one_or_multiple(letters)}"
        written = f"[{', '.join(letters)}]" if isinstance(answer, list) else letters[0]
        return f"{'; '.join(reasons)}: write answer: {written}"
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return NUMBER
    if isinstance(answer, str) and path[-1:] == ("answer",):
        return _letters_hint(answer, question, fixed=not source.fix_refuses()) or NEUTRAL
    if isinstance(answer, list) and path[-1:] == ("answer",):
        return _items_hint(answer, question, fixed=not source.fix_refuses()) or NEUTRAL
    return NEUTRAL


def empty_answer_hint(question: Any) -> str:
    """How to fill an empty answer: as a list on a question of ``type: multiple``, as one
    letter on one of ``type: single``; either way on one with no type."""
    kind = question.get("type") if isinstance(question, dict) else None
    if kind == "multiple":
        return f"write the letters of the right options as a list ({MULTIPLE})"
    if kind == "single":
        return f"write the letter of the right option ({SINGLE})"
    return NEUTRAL


def _items_hint(answer: list[Any], question: Any, fixed: bool) -> str | None:
    """How to write a list whose items are option letters written as one text ('[A; C]',
    read as the one item "A; C"): each letter an item, with commas between them. Where
    ``lint --fix`` makes the change, the hint says so, as ``_letters_hint`` does."""
    options = question.get("options") if isinstance(question, dict) else None
    keys = [key for key in options or () if isinstance(key, str) and _LETTER.fullmatch(key)]
    texts = [item for item in answer if isinstance(item, str)]
    listed = listed_letters(", ".join(texts), keys) if len(texts) == len(answer) else None
    if listed is None:
        return None
    if _single_answer(question):
        return _one_or_multiple(listed)
    said = FIXED_BY_LINT if fixed and listable(question) else ""  # as lint --fix mends it
    letters = ", ".join(listed)
    return f"write each letter as an item, with commas between them{said}: answer: [{letters}]"


def _letters_hint(answer: str, question: Any, fixed: bool) -> str | None:
    """How to write option letters typed as one text ('A, C'), or one letter typed with
    more ('‘A’'); None for any other answer. Where ``lint --fix`` makes the change, the
    hint says so, unless it rewrites nothing in the file (``fixed`` false: an anchor ...)."""
    options = question.get("options") if isinstance(question, dict) else None
    options = options if isinstance(options, dict) else {}
    keys = [key for key in options if isinstance(key, str) and _LETTER.fullmatch(key)]
    if listed := listed_letters(answer, keys):
        if _single_answer(question):
            return _one_or_multiple(listed)
        said = FIXED_BY_LINT if fixed and listable(question) else ""  # as lint --fix mends it
        return f"write the letters as a list{said}: answer: [{', '.join(listed)}]"
    if marked := marked_letter(answer, keys):
        letter, marks = marked
        said = FIXED_BY_LINT if fixed and len(keys) == len(options) else ""  # as --fix mends it
        return (
            f"the letter {letter} is written {marks}, which YAML keeps as part of the text: "
            f"write answer: {letter}{said}"
        )
    return None


def marked_letter(answer: str, keys: Collection[str]) -> tuple[str, str] | None:
    """The option letter (one of ``keys``) that ``answer`` is, written in typographic
    quotes or with an invisible character ('‘A’', 'B' and a no-break space), and how it
    is written ("in typographic quotes (‘ ’)"); None for any other text. The letter is
    certain: nothing else was typed."""
    marks = [character for character in answer if _is_mark(character)]
    letter = "".join(character for character in answer if not _is_mark(character))
    if not marks or letter.upper() not in keys or len(letter) != 1:
        return None
    quotes = list(dict.fromkeys(mark for mark in marks if mark in _TYPOGRAPHIC_QUOTES))
    blanks = list(dict.fromkeys(mark for mark in marks if mark not in _TYPOGRAPHIC_QUOTES))
    how = [f"in typographic quotes ({' '.join(quotes)})"] if quotes else []
    how += [f"with {and_listed([character_name(blank) for blank in blanks])}"] if blanks else []
    return letter.upper(), " and ".join(how)


def _is_mark(character: str) -> bool:
    """A typographic quote, a space, or an invisible character (a zero-width space, a
    word joiner, a soft hyphen: Unicode's format characters)."""
    return character in _TYPOGRAPHIC_QUOTES or unicodedata.category(character) in ("Zs", "Cf")


def listed_letters(answer: str, keys: Collection[str]) -> list[str] | None:
    """The option letters (of ``keys``) ``answer`` lists as one text ('A, C', 'A and C'):
    two or more, each once; None for any other text."""

    def is_letter(part: str) -> bool:
        return len(part) == 1 and part.upper() in keys

    parts = listed_items(answer, is_letter) or []
    letters = list(dict.fromkeys(part.upper() for part in parts))
    return letters if len(letters) > 1 and all(map(is_letter, parts)) else None


def listable(question: Any) -> list[str] | None:
    """The option letters ``question``'s answer lists as one text ('A, C'), or as a list
    with letters in one item ('[A; C]', read as the one item "A; C"), when it is a
    multiple-answer question whose options are all lettered: ``lint --fix`` writes them
    as a list of letters (``fix_answer_lists``). None otherwise: on a single-answer
    question the author must choose."""
    if not isinstance(question, dict) or question.get("type") != "multiple":
        return None
    answer, options = question.get("answer"), question.get("options")
    if not isinstance(options, dict) or not options:
        return None
    keys = [key for key in options if isinstance(key, str) and _LETTER.fullmatch(key)]
    if len(keys) != len(options):
        return None
    if isinstance(answer, str):
        return listed_letters(answer, keys)
    texts = answer if isinstance(answer, list) else []
    if not all(isinstance(item, str) for item in texts) or all(len(item) == 1 for item in texts):
        return None  # no list, or each item one character: a letter, or the schema's to tell
    return listed_letters(", ".join(texts), keys)


def _single_answer(question: Any) -> bool:
    """Whether ``question`` is single-answer: no type, or type single."""
    return not isinstance(question, dict) or question.get("type", "single") == "single"


def _one_or_multiple(letters: list[str]) -> str:
    """How to write a single-answer question's answer that names several options: as one
    of them, or all of them once the question is multiple-answer (a list of them alone
    is refused by answer-count)."""
    each = [f"answer: {letter}" for letter in letters]
    one = f"{', '.join(each[:-1])} or {each[-1]}"
    every = f"{'both' if len(letters) == 2 else 'all'} (answer: [{', '.join(letters)}])"
    return f"keep one ({one}), or set 'type: multiple' to keep {every}"


def _named_letters(
    source: Source, path: JsonPath, answer: Any, question: Any
) -> tuple[list[str], list[str]] | None:
    """The option letters ``answer`` (at ``path``, the question's answer) stands for, and
    why, for each value that is no letter; None unless every value names one option."""
    options = question.get("options") if isinstance(question, dict) else None
    if path[-1:] != ("answer",) or not isinstance(options, dict) or not options:
        return None  # a value inside a list: the whole answer's hint would be wrong there
    texts = {
        key: _plain(_option_text(source, (*path[:-1], "options", key), value) or "")
        for key, value in options.items()
        if isinstance(key, str) and _LETTER.fullmatch(key)  # no Cyrillic letter suggested
    }
    values = answer if isinstance(answer, list) else [answer]
    paths = [(*path, index) for index in range(len(values))] if isinstance(answer, list) else [path]
    letters, reasons = [], []
    for value, at in zip(values, paths, strict=True):
        if isinstance(value, str) and value in texts:  # a letter, as it should be
            letters.append(value)
            continue
        written = _written(source, at, value)
        meant = (_by_text(written, texts) or _by_label(written, texts)) if written else None
        if meant is None:
            return None
        letters.append(meant[0])
        reasons.append(meant[1])
    return (letters, reasons) if reasons else None


def _by_text(written: str, texts: dict[str, str]) -> tuple[str, str] | None:
    """The one option whose text ``written`` is (in any case and spacing)."""
    matches = [key for key, text in texts.items() if text and text == _plain(written)]
    if len(matches) != 1:
        return None
    return matches[0], f"'{clip(written.strip())}' is option {matches[0]}'s text"


def _by_label(written: str, texts: dict[str, str]) -> tuple[str, str] | None:
    """The option ``written`` labels: 'B)' or 'B. Port 22' for option B (Port 22)."""
    label = _LABEL.fullmatch(written.strip())
    if label is None:
        return None
    letter, rest = label[1].upper(), _plain(label[2])
    if letter not in texts or rest not in ("", texts[letter]):
        return None  # 'B) Port 23' under B: Port 22 says two things
    return letter, f"'{clip(written.strip())}' names option {letter}"


def _option_text(source: Source, path: JsonPath, option: Any) -> str | None:
    """An option's text as written: a number's digits too (A: 21), which lint reports."""
    if isinstance(option, dict):
        option, path = option.get("text"), (*path, "text")
    return _written(source, path, option)


def _written(source: Source, path: JsonPath, value: Any) -> str | None:
    """A scalar's text as the author wrote it ('2', not 2), or None for no scalar text."""
    if isinstance(value, str):
        return value
    typed = source.typed_scalars.get(path)
    return typed[1] if typed and typed[1] else None


def _plain(text: str) -> str:
    """Text compared as an author means it: in any case, with any run of spaces as one."""
    return " ".join(text.split()).casefold()
