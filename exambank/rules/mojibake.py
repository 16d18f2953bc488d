"""Text a wrong encoding garbled: "IntroduÃ§Ã£o" for "Introdução"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.mojibake import garbled_words
from exambank.rules.base import BankRule, Options
from exambank.source import JsonPath

_SHOWN = 40  # characters of a word quoted in the message


class Mojibake(BankRule):
    """Text reads like UTF-8 that was read as Windows-1252 and saved again.

    An editor that takes a file for "ANSI" (Windows-1252) shows "Introdução" as
    "IntroduÃ§Ã£o" and a typographic quote as "â€œ"; saved again as UTF-8, that is what
    the file holds, and what the handouts print. Heuristic: a text holding a pair of
    characters such garbling is made of (a lead as "Ã", "Â", "â" or "Ð", then one of
    the characters Windows-1252 gives the bytes 0x80 to 0xBF) that ftfy reads back into
    other text. Reported once a question (and once for the file's texts outside its
    questions), at the first garbled word, with that word as it was meant and how many
    more texts there hold such words. Known false positives: none on the real banks
    (Portuguese, French, German, Spanish, Russian) and the tests; text that quotes
    mojibake on purpose: switch the rule off for that question (`lint: {ignore:
    [mojibake]}`), or for a file's other texts with per-file-ignores. Source: ftfy's
    documentation (mojibake and how it is fixed).

    Bad:
        stem: "Qual Ã© a topologia em estrela?"

    Good:
        stem: "Qual é a topologia em estrela?"
    """

    name = "mojibake"
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for source in bank.read_files():
            if not source.unmangled:
                continue
            by_question: dict[str | None, list[JsonPath]] = {}
            for path in source.unmangled:
                by_question.setdefault(source.question_id(path), []).append(path)
            for question, paths in by_question.items():
                at, meant = source.unmangled[paths[0]]
                written, fixed = garbled_words(_value(source.data, paths[0]), meant)
                more = len(paths) - 1
                place = "in this question" if question else "outside the questions"
                also = f" (and {more} more text{'s' if more > 1 else ''} {place})" if more else ""
                yield self.report(
                    source,
                    paths[0],
                    f"'{_short(written)}' is most likely '{_short(fixed)}' garbled{also}: the "
                    "file was read as Windows-1252 and saved again as UTF-8",
                    "write the text again; if every accented letter of the file is garbled, "
                    "undo it at once: in VS Code, 'Save with Encoding' -> Western (Windows "
                    "1252), then 'Reopen with Encoding' -> UTF-8",
                    question,
                    at=at,
                )


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _value(data: Any, path: JsonPath) -> str:
    for key in path:
        data = data[key]
    return str(data)
