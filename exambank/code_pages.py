"""What a file that is not UTF-8 was most likely saved as, and how to say so.

Windows saves "ANSI" text in the code page of its language: Windows-1252 in Western Europe
and the Americas, Windows-1251 where Cyrillic is written, Windows-1250 in Central Europe;
Russian text kept on Linux may be KOI8-R. Each of them reads nearly any file, so the bytes
decide. Read in the right code page a file's words are words; read in a wrong one, its
words with letters past ASCII go odd: Russian read as Windows-1252 is words of accented
letters only ("Êàêîé"), French read as Windows-1251 mixes two scripts in a word ("йtй"),
Polish read as Windows-1252 holds symbols between letters ("bia³y"), and Russian read in
the other Cyrillic code page swaps the case of its letters ("кАКОЙ"). The reading with the
fewest odd words wins. A tie goes to a Latin code page, Windows-1252 first, as most files
are; between the Cyrillic ones, to the reading made more of the commonest Russian letters.
"""

# ruff: noqa: RUF002  # the Cyrillic letters are the point

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from exambank.source import Position, line_and_column, position_of_byte


@dataclass(frozen=True)
class CodePage:
    """A single-byte encoding a file may be saved in, and the names it goes by."""

    codec: str  # Python's name for it
    name: str  # as a message names it
    saved_as: str  # what the file "looks saved as"
    editor: str  # VS Code's name for it ('Reopen with Encoding')
    cyrillic: bool
    # Why Notepad's Save as -> UTF-8 may not do (it reads a file in Windows' own code page).
    notepad_fails: str = ""


WESTERN = CodePage("cp1252", "Windows-1252", "ANSI (Windows-1252)", "Western (Windows 1252)", False)
CENTRAL_EUROPEAN = CodePage(
    "cp1250",
    "Windows-1250",
    "ANSI (Windows-1250, Central European)",
    "Central European (Windows 1250)",
    False,
    "Notepad reads it right only where Windows is set to a Central European language",
)
CYRILLIC = CodePage(
    "cp1251",
    "Windows-1251",
    "ANSI (Windows-1251, Cyrillic)",
    "Cyrillic (Windows 1251)",
    True,
    "Notepad reads it right only where Windows is set to a Cyrillic language",
)
KOI8_R = CodePage(
    "koi8_r", "KOI8-R", "KOI8-R (Cyrillic)", "Cyrillic (KOI8-R)", True, "Notepad cannot read it"
)
CODE_PAGES = (WESTERN, CENTRAL_EUROPEAN, CYRILLIC, KOI8_R)  # a tie goes to the first


def read_as_latin1(character: str) -> tuple[str, str] | None:
    """What a C1 control character (U+0080 to U+009F) most likely was, and how to mend it:
    the character Windows-1252 gives its byte, which a tool that read a Windows-1252 text
    as Latin-1 (or ISO-8859-1, as many do by default) turned into the control character:
    U+0093 for '“', U+0096 for '–', U+0085 for '…'. None for any other character, and for
    the five bytes Windows-1252 gives no character."""
    if not "\x80" <= character <= "\x9f":
        return None
    try:
        meant = character.encode("latin-1").decode(WESTERN.codec)
    except UnicodeDecodeError:
        return None
    return (
        f"most likely a {WESTERN.name} '{meant}' read as Latin-1",
        f"type '{meant}' in its place, or delete it",
    )


SAVE_AS_UTF8 = "save the file as UTF-8 (most editors: 'Save with encoding')"


def not_utf8(body: bytes, error: UnicodeDecodeError, bom: bool) -> tuple[Position, str, str]:
    """Where, what and how to mend the byte ``error`` is at, which is no UTF-8 (``body`` is
    the file after any byte-order mark). A file with a byte-order mark or a UTF-8
    character is UTF-8 but for such bytes, and reading it in a code page would garble the
    rest; otherwise the byte's character in the code page the file most likely is says
    what it was meant to be."""
    shaped = bom or _UTF8_SHAPED.match(body, error.start) is not None
    likely = None if shaped else likely_code_page(body)
    if likely is not None and not _holds_utf8(body, likely[1]):
        return _in_code_page(body, error, *likely)
    if shaped or _UTF8_CHARACTER.search(body):
        return _not_utf8_here(body, error)
    message = f"byte 0x{body[error.start]:02x} is not valid UTF-8"
    return position_of_byte(body, error.start), message, SAVE_AS_UTF8


def _in_code_page(
    body: bytes, error: UnicodeDecodeError, page: CodePage, text: str
) -> tuple[Position, str, str]:
    """The byte ``error`` is at, in a file saved as ``page`` (``text``, as read in it)."""
    vs_code = (
        f"in VS Code, 'Reopen with Encoding' -> {page.editor}, then 'Save with Encoding' -> UTF-8"
    )
    hint = f"in Notepad, Save as -> Encoding: UTF-8; {vs_code}"
    if page.notepad_fails:
        hint = f"{vs_code} ({page.notepad_fails})"
    message = (
        f"byte 0x{body[error.start]:02x} is '{text[error.start]}' in {page.name}: the file "
        f"looks saved as {page.saved_as}, not UTF-8"
    )
    return line_and_column(text, error.start), message, f"save it as UTF-8: {hint}"


def _not_utf8_here(body: bytes, error: UnicodeDecodeError) -> tuple[Position, str, str]:
    """The byte ``error`` is at, in a file that is UTF-8 but for such bytes."""
    read = body.decode("utf-8", errors="surrogateescape")  # each bad byte a surrogate
    others = len(_BAD_BYTES.findall(read)) - 1
    more = f" ({others} more such place{'s' if others > 1 else ''} further on)" if others else ""
    hint = "type that character again (and any other that looks wrong); keep the file UTF-8"
    if error.end == len(body):
        hint = f"the file ends in the middle of a character: {hint}"
    message = f"byte 0x{body[error.start]:02x} is not UTF-8, though the rest of the file is"
    return position_of_byte(body, error.start), message + more, hint


def _holds_utf8(body: bytes, text: str) -> bool:
    """Whether ``body``, read in a code page as ``text``, holds a character UTF-8 writes
    in more than one byte. Cyrillic text may hold two bytes that UTF-8 reads as one
    character by chance: a letter, then a closing quote, a dash or another letter ("«1С»"
    in Windows-1251 ends in 0xD1 0xBB, UTF-8's 'ѻ'; "её" in KOI8-R is 0xC5 0xA3, 'ţ')."""
    for found in _UTF8_CHARACTER.finditer(body):
        at = found.start()
        letter, after = text[at], text[at + 1]
        by_chance = after in _CLOSING or _script(after) == "Cyrillic"
        if found.end() - at > 2 or _script(letter) != "Cyrillic" or not by_chance:
            return True
    return False


_CLOSING = frozenset("»”’›–—…")  # noqa: RUF001  # the typographic quotes are meant


def likely_code_page(body: bytes) -> tuple[CodePage, str] | None:
    """The code page ``body`` was most likely saved in, and ``body`` read in it; None if
    it reads as words in none of them."""
    readings = []
    for order, page in enumerate(CODE_PAGES):
        try:
            text = body.decode(page.codec)
        except UnicodeDecodeError:
            continue
        words = [word for word in _WORD.findall(text) if not word.isascii()]
        odd = sum(map(_is_odd, words))
        common = sum(map(_COMMON_RUSSIAN.__contains__, "".join(words))) if page.cyrillic else 0
        readings.append(((odd, page.cyrillic, -common, order), page, text, len(words)))
    if not readings:
        return None
    rank, page, text, word_count = min(readings, key=lambda reading: reading[0])
    return (page, text) if rank[0] * 2 < word_count else None  # bytes that are no words


# A word: ASCII letters and any characters past ASCII but spaces.
_WORD = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f\s]+")
# Characters that may stand between two letters of a word: dashes, quotes and apostrophes,
# combining marks, a soft hyphen.
_IN_WORDS = frozenset({"Pd", "Pi", "Pf", "Mn", "Cf"})
_COMMON_RUSSIAN = frozenset("оеаинтсрвлОЕАИНТСРВЛ")


def _is_odd(word: str) -> bool:
    """Whether ``word`` reads as no word of any language: the sign of a wrong code page."""
    letters = [character for character in word if character.isalpha()]
    scripts = {_script(letter) for letter in letters} - {""}
    if len(scripts) > 1:
        return True
    if scripts == {"Latin"} and len(letters) > 1 and not any(map(str.isascii, letters)):
        return True  # "Äà", "Êàêîé": Latin letters all with accents
    if any(one.islower() and other.isupper() for one, other in pairwise(letters)):
        return True
    return any(
        before.isalpha()
        and after.isalpha()
        and not character.isalpha()
        and unicodedata.category(character) not in _IN_WORDS
        for before, character, after in zip(word, word[1:], word[2:], strict=False)
    )


def _script(letter: str) -> str:
    code = ord(letter)
    if code < 0x80 or 0xC0 <= code < 0x250:
        return "Latin"
    if 0x400 <= code < 0x530:
        return "Cyrillic"
    if 0x370 <= code < 0x400:
        return "Greek"
    return ""  # "ª", "µ": no script's own


_BAD_BYTES = re.compile("[\udc80-\udcff]+")
# A character UTF-8 writes in more than one byte.
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# A byte that starts what UTF-8 would write, but wrongly: an overlong form ("\xc0\xaf"), a
# surrogate ("\xed\xa0\x80"), a code past U+10FFFF, or a character cut short by the
# file's end. A code page's text hardly ever holds such runs (but may well end in "é").
_UTF8_SHAPED = re.compile(
    rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}"
    rb"|[\xc0-\xf7][\x80-\xbf]{1,2}\Z"
)
