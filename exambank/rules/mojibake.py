"""Text a wrong encoding garbled: "IntroduÃ§Ã£o" for "Introdução"."""

# ruff: noqa: RUF002  # the Cyrillic letters are the point

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.code_pages import CYRILLIC, WESTERN
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.mojibake import cyrillic_read_as_western, garbled_words, misread_as
from exambank.rules.base import BankRule, Options
from exambank.source import JsonPath, Position, Source, value_at

_SHOWN = 40  # characters of a word quoted in the message
# Languages written in Cyrillic, which Windows saves as Windows-1251.
_WINDOWS_1251_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "mk", "sr"})
_CYRILLIC_AS_WESTERN = "Windows-1251 read as Windows-1252"
_UNDO = "write the text again; if every {} of the file is garbled, undo it at once: in VS Code, "
# What garbled a text, and how to undo it (by the code page it was read in).
_HOW = {
    WESTERN.name: (
        "the file was read as Windows-1252 and saved again as UTF-8",
        _UNDO.format("accented letter") + f"'Save with Encoding' -> {WESTERN.editor}, then "
        "'Reopen with Encoding' -> UTF-8",
    ),
    CYRILLIC.name: (
        "the file was read as Windows-1251 and saved again as UTF-8",
        _UNDO.format("Cyrillic letter") + f"'Save with Encoding' -> {CYRILLIC.editor}, then "
        "'Reopen with Encoding' -> UTF-8",
    ),
    _CYRILLIC_AS_WESTERN: (
        "the file was saved as Windows-1251, read as Windows-1252 and saved again as UTF-8",
        _UNDO.format("Cyrillic letter") + f"'Save with Encoding' -> {WESTERN.editor}, then "
        f"'Reopen with Encoding' -> {CYRILLIC.editor}, then 'Save with Encoding' -> UTF-8",
    ),
}


class Mojibake(BankRule):
    """Text reads like UTF-8 that was read as Windows-1252 or Windows-1251 and saved again.

    An editor that takes a file for "ANSI" (Windows-1252) shows "Introdução" as
    "IntroduÃ§Ã£o" and a typographic quote as "â€œ"; saved again as UTF-8, that is what
    the file holds, and what the handouts print. Read as Windows-1251, "Какой" becomes
    "РљР°РєРѕР№". Heuristic: a text holding a pair of characters such garbling is made of
    (a lead as "Ã", "Â", "â" or "Ð", then one of the characters Windows-1252 gives the
    bytes 0x80 to 0xBF; or two pairs in a row of "Р" or "С" and a character Windows-1251
    gives those bytes) that reads back into other text (ftfy reads back what Windows-1252
    did; the text's bytes in Windows-1251, read as UTF-8, what that did). In a bank whose
    language is written in Cyrillic (ru, uk, be, bg, mk, sr), also a word of three or more
    accented Latin letters, which is Cyrillic saved as Windows-1251 and then read as
    Windows-1252 ("Êàêîé" for "Какой"). Reported once a question (and once for the file's
    texts outside its questions), at the first garbled word (at the start of its text for
    "Êàêîé"), with that word as it was meant and how many more texts there hold such
    words. Known false positives: none on the real banks (Portuguese, French, German,
    Spanish, Russian) and the tests; text that quotes mojibake on purpose, or a Latin word
    of accented letters only ("ÄÖÜ") in a Cyrillic bank: switch the rule off for that
    question (`lint: {ignore: [mojibake]}`), or for a file's other texts with
    per-file-ignores. Source: ftfy's documentation (mojibake and how it is fixed).

    Bad:
        stem: "Qual Ã© a topologia em estrela?"

    Good:
        stem: "Qual é a topologia em estrela?"
    """

    name = "mojibake"
    changes_print = True  # the build lists it in full
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        cyrillic = primary_language(bank.manifest.language) in _WINDOWS_1251_LANGUAGES
        for source in bank.read_files():
            # By question and by what garbled them: each text's path, where its first
            # garbled word is, that word, and the word as meant.
            found: dict[tuple[str | None, str], list[tuple[JsonPath, Position, str, str]]] = {}
            for path, (at, meant) in source.unmangled.items():
                written, fixed = garbled_words(str(value_at(source.data, path)), meant)
                how = misread_as(written, fixed).name
                found.setdefault((source.question_id(path), how), []).append(
                    (path, at, written, fixed)
                )
            if cyrillic:
                for path, at, written, fixed in _read_as_western(source):
                    key = (source.question_id(path), _CYRILLIC_AS_WESTERN)
                    found.setdefault(key, []).append((path, at, written, fixed))
            for (question, how), texts in found.items():
                path, at, written, fixed = texts[0]
                more = len(texts) - 1
                place = "in this question" if question else "outside the questions"
                also = f" (and {more} more text{'s' if more > 1 else ''} {place})" if more else ""
                done, hint = _HOW[how]
                yield self.report(
                    source,
                    path,
                    f"'{_short(written)}' is most likely '{_short(fixed)}' garbled{also}: {done}",
                    hint,
                    question,
                    at=at,
                )


def _read_as_western(source: Source) -> Iterator[tuple[JsonPath, Position, str, str]]:
    """Each text of ``source`` holding Cyrillic that was saved as Windows-1251 and read as
    Windows-1252: its path, where it starts, its first such word and the word as meant."""
    for path in source.values:
        value = value_at(source.data, path)
        if type(value) is str and not value.isascii():
            found = cyrillic_read_as_western(value)
            if found is not None:
                yield path, source.where(path), *found


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
