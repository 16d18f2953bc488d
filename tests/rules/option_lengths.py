"""Banks whose options have given lengths, for the length-cue tests of longest-option-key."""

from __future__ import annotations

from tests.conftest import section_yaml

LETTERS = "ABCD"


def option(letter: str, number: int, length: int) -> str:
    """An option of exactly ``length`` characters (10 or more): "ServiceA07zzzz..."."""
    return (f"Service{letter}{number:02d}" + "z" * length)[:length]


def question(number: int, key: str, lengths: list[int], texts: dict[str, str] | None = None) -> str:
    """A four-option question whose options have ``lengths`` (A to D), or ``texts``."""
    options = {
        letter: option(letter, number, length)
        for letter, length in zip(LETTERS, lengths, strict=True)
    }
    options.update(texts or {})
    lines = "\n".join(f"  {letter}: {text}" for letter, text in options.items())
    return (
        f"id: q{number}\nstem: Which service is number {number}?\noptions:\n{lines}\n"
        f"answer: {key}\nexplanation: Because {number}.\n"
    )


def key_at(number: int) -> str:
    """The key letter of question ``number``: A, B, C, D in turn, so the letters are even."""
    return LETTERS[number % 4]


def lengths_with(key: str, key_length: int, others: list[int]) -> list[int]:
    """Four lengths: ``key_length`` at the key's letter, ``others`` in order at the rest."""
    rest = iter(others)
    return [key_length if letter == key else next(rest) for letter in LETTERS]


def keyed(count: int, key_length: int, others: list[int], first: int = 0) -> list[str]:
    """``count`` questions, numbered from ``first``, whose key has ``key_length`` characters
    and whose other options have ``others``."""
    return [
        question(n, key_at(n), lengths_with(key_at(n), key_length, others))
        for n in range(first, first + count)
    ]


def tied(count: int, first: int = 0) -> list[str]:
    """``count`` questions whose key and the next option are 40 characters, the other two 14:
    the key ties for longest."""
    questions = []
    for n in range(first, first + count):
        key = key_at(n)
        lengths = [14] * 4
        lengths[LETTERS.index(key)] = lengths[(LETTERS.index(key) + 1) % 4] = 40
        questions.append(question(n, key, lengths))
    return questions


def bank(*questions: str) -> dict[str, str]:
    return {"01-main.yaml": section_yaml(*questions)}
