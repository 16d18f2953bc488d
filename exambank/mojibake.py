"""Text garbled by a wrong encoding: UTF-8 read as Windows-1252 and saved again, so that
"Introdução" became "IntroduÃ§Ã£o" and "“" became "â€œ" (mojibake).

An editor that takes a file without a byte-order mark for "ANSI" does this to every
accented letter and typographic quote when it saves the file again as UTF-8. Each such
letter becomes a lead character ("Ã", "Â", "â", "Ð" ...) and one or two of the characters
Windows-1252 gives the bytes 0x80 to 0xBF; ``_PAIR`` finds those pairs, which correct
text all but never holds, and ftfy (well kept, and tuned on large corpora to tell
mojibake from text) confirms each one and gives the text back. ftfy is imported only for
a file holding such a pair: most files hold none.
"""

from __future__ import annotations

import re

# A UTF-8 lead byte's character in Windows-1252 and a continuation byte's (0x80-0xBF).
_CONTINUATION = "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
_CONTINUATION += "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
_CONTINUATION += "\u2122\u0161\u203a\u0153\u017e\u0178"
_PAIR = re.compile(f"[\xc2-\xf4][{_CONTINUATION}]")


def may_hold_mojibake(text: str) -> bool:
    """Whether ``text`` (a whole file) holds a pair of characters mojibake is made of:
    the cheap test that spares nearly every file the rest."""
    return not text.isascii() and _PAIR.search(text) is not None


def unmangled(text: str) -> str | None:
    """``text`` as it was before a wrong encoding garbled it; None if it looks right."""
    if _PAIR.search(text) is None:
        return None
    import ftfy  # costs 0.15 s: only for a text that may be garbled

    fixed: str = ftfy.fix_encoding(text)
    return None if fixed == text else fixed


def garbled_at(text: str, start: int, end: int) -> int:
    """Where the first word holding a garbled pair starts in ``text[start:end]``, a
    scalar's source from its first character (``start`` if its pairs are escapes)."""
    pair = _PAIR.search(text, start, end)
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
