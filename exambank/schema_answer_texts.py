"""An answer written as an option's text or label ('Port 23', 'B)'), and the letter it means.

An author who copies the right option's text into ``answer`` (or its label with the
bracket, as a printed test shows it) has said which option is right: the hint names that
letter. Two options named as a single-answer question's answer are not a list to copy
(answer-count refuses it): the hint says to keep one, or to make the question multiple.
A number is not read as a place: 2 may count from 1 (B) or from 0 (C), so the hint asks
for the letter without guessing one.
"""

from __future__ import annotations

import re
from typing import Any

from exambank.schema_words import clip
from exambank.source import JsonPath, Source

# A printed option's label, perhaps followed by its text: 'B)', '(B)', 'B.', 'B - Switch'.
_LABEL = re.compile(r"\(?\s*([A-Za-z])\s*[).:\-\u2013\u2014]\s*(.*)", re.DOTALL)

_LETTER = re.compile(r"[A-Z]")
SINGLE = "answer: <letter>"
MULTIPLE = "answer: [<letter>, <letter>]"
NEUTRAL = f"write one capital letter ({SINGLE}), or a list for multiple ({MULTIPLE})"
NUMBER = f"write the option's letter, not a number ({SINGLE})"


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
    return NEUTRAL


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
