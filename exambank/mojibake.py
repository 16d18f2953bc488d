"""Text garbled by a wrong encoding: UTF-8 read as Windows-1252 and saved again, so that
"Introdução" became "IntroduÃ§Ã£o" and "“" became "â€œ" (mojibake); or read as
Windows-1251, so that "Какой" became "РљР°РєРѕР№".

An editor that takes a file without a byte-order mark for "ANSI" does this to every
accented letter and typographic quote when it saves the file again as UTF-8. Each such
letter becomes a lead character ("Ã", "Â", "â", "Ð" ...) and one or two of the characters
Windows-1252 gives the bytes 0x80 to 0xBF; ``_PAIR`` finds those pairs, which correct
text all but never holds, and ftfy (well kept, and tuned on large corpora to tell
mojibake from text) confirms each one and gives the text back. Read as Windows-1251,
each Cyrillic letter becomes "Р" or "С" (or "Т", "У", "Ф") and one of the characters
Windows-1251 gives those bytes; a Cyrillic word may hold one such pair as written ("Сё",
"Т»"), but never two in a row, which is what ``_PAIR`` asks for. ftfy is imported only
for a file holding such pairs: most files hold none.
"""

# ruff: noqa: RUF002, RUF003  # the Cyrillic letters and the cedilla are the point

from __future__ import annotations

import re

from exambank.code_pages import CYRILLIC, WESTERN, CodePage

# A UTF-8 lead byte's character in Windows-1252 and a continuation byte's (0x80-0xBF).
_CONTINUATION = "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
_CONTINUATION += "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
_CONTINUATION += "\u2122\u0161\u203a\u0153\u017e\u0178"
_WESTERN_PAIR = f"[\xc2-\xf4][{_CONTINUATION}]"
_WESTERN = re.compile(_WESTERN_PAIR)
# The same in Windows-1251, where a Cyrillic letter's lead byte is 0xD0 to 0xD4, "Р" to
# "Ф" (0x98 is no character there).
_CYRILLIC_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1251", "ignore")
_CYRILLIC_PAIR = f"[\u0420-\u0424][{_CYRILLIC_CONTINUATION}]"
_PAIR = re.compile(f"{_WESTERN_PAIR}|(?:{_CYRILLIC_PAIR}){{2}}")
# Characters UTF-8 writes in two or three bytes, read as Windows-1251 ("Рё", "вЂ”"), in a row.
_READ_AS_CYRILLIC = re.compile(
    f"(?:[\u0412-\u042f][{_CYRILLIC_CONTINUATION}]|[\u0430-\u043f][{_CYRILLIC_CONTINUATION}]{{2}})+"
)
# Where a text the screen let through and that was mended is first garbled.
_GARBLED = re.compile(f"{_WESTERN_PAIR}|{_CYRILLIC_PAIR}")


def may_hold_mojibake(text: str) -> bool:
    """Whether ``text`` (a whole file) holds a pair of characters mojibake is made of:
    the cheap test that spares nearly every file the rest."""
    return not text.isascii() and _PAIR.search(text) is not None


def unmangled(text: str) -> str | None:
    """``text`` as it was before a wrong encoding garbled it; None if it looks right.
    What Windows-1251 garbled is read back here (ftfy misses most of it); ftfy mends
    what Windows-1252 did."""
    if _PAIR.search(text) is None:
        return None
    fixed = _READ_AS_CYRILLIC.sub(_as_utf8, text)
    if _WESTERN.search(fixed):
        import ftfy  # costs 0.15 s: only for a text that may be garbled

        fixed = ftfy.fix_encoding(fixed)
    return None if fixed == text else fixed


def _as_utf8(garbled: re.Match[str]) -> str:
    """The characters ``garbled`` is, UTF-8 read as Windows-1251; as it is if it is not."""
    try:
        return garbled.group().encode("cp1251").decode("utf-8")
    except UnicodeDecodeError:
        return garbled.group()


def misread_as(written: str, meant: str) -> CodePage:
    """The code page the word ``written`` was read in, when ``meant`` was garbled."""
    return CYRILLIC if _READ_AS_CYRILLIC.sub(_as_utf8, written) == meant else WESTERN


def cyrillic_read_as_western(text: str) -> tuple[str, str] | None:
    """The first word of ``text`` that is Cyrillic saved as Windows-1251 and then read as
    Windows-1252, and that word as it was meant: ("Ôàéë", "Файл"); None if there is none.
    Such a word is made only of accented Latin letters and a few signs ("¸" for "ё"),
    which Latin-script text may hold: ask only in a bank written in Cyrillic."""
    for found in _CYRILLIC_AS_WESTERN.finditer(text):
        start, end = found.span()
        if not text[start - 1 : start].isalpha() and not text[end : end + 1].isalpha():
            return found.group(), found.group().encode("cp1252").decode("cp1251")
    return None


# Windows-1252's characters for the bytes Windows-1251 gives Cyrillic letters, three or
# more in a row (a word, unless a letter stands next to them).
_AS_WESTERN = "".join(
    bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0x100)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x98, 0x9D)  # no character in one of the two
    and "\u0400" <= bytes([byte]).decode("cp1251") <= "\u04ff"
)
_CYRILLIC_AS_WESTERN = re.compile(f"[{_AS_WESTERN}]{{3,}}")


def garbled_at(text: str, start: int, end: int) -> int:
    """Where the first word holding a garbled pair starts in ``text[start:end]``, a
    scalar's source from its first character (``start`` if its pairs are escapes)."""
    pair = _GARBLED.search(text, start, end)
    if pair is None:
        return start
    at = pair.start()
    while at > start and text[at - 1] not in _BETWEEN_WORDS:
        at -= 1
    return at


def garbled_words(text: str, meant: str) -> tuple[str, str]:
    """The first word or words where ``text`` and ``meant`` (the same text before it was
    garbled) differ, as each has them: ("ordenaÃ§Ã£o", "ordenação")."""
    same = next(
        (at for at, (one, other) in enumerate(zip(text, meant, strict=False)) if one != other),
        min(len(text), len(meant)),
    )
    start = same
    while start and text[start - 1] not in _BETWEEN_WORDS:
        start -= 1
    written, fixed = text[start : _word_end(text, same)], meant[start : _word_end(meant, same)]
    while written[-1:] == fixed[-1:] and written[-1:] in _PUNCTUATION:
        written, fixed = written[:-1], fixed[:-1]
    while written[:1] == fixed[:1] and written[:1] in _PUNCTUATION:
        written, fixed = written[1:], fixed[1:]
    return written, fixed


_BETWEEN_WORDS = frozenset(" \t\r\n")
_PUNCTUATION = frozenset("!\"'(),.:;?[]{}")


def _word_end(text: str, at: int) -> int:
    while at < len(text) and text[at] not in _BETWEEN_WORDS:
        at += 1
    return at
