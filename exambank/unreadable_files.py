"""Why a bank file cannot be read, in words an author can act on: the system's "Is a
directory" or "Too many levels of symbolic links" names no cause and no fix, and a
program or an image saved with a bank file's name is no text in a wrong encoding."""

from __future__ import annotations

import codecs
import errno
import os
import shlex
from pathlib import Path

from exambank.code_pages import SAVE_AS_UTF8


def not_a_file(path: Path, shown: str | None = None) -> tuple[str, str] | None:
    """Why no file can be read at ``path`` (message, hint), shown as ``shown``: a folder
    where a section file is expected, a link that leads to no file, or a loop of links;
    None if a file, or nothing at all, is there."""
    shown = shown or str(path)
    if path.is_dir():
        return (
            "a folder where a section file is expected: bank.yaml lists each section as one "
            "YAML file",
            f"put the section's file at {shown} instead of the folder, or rename the folder "
            "without '.yaml'",
        )
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return (
                f"the file is a link to {target}, which leads back to it: a loop of links",
                f"replace the link with the file itself: rm {shown}, then copy the file there",
            )
        return (
            f"the file is a link to {target}, which does not exist",
            f"put the file at {Path(shown).parent / target}, or replace the link with the "
            "file itself",
        )
    return None


def unreadable(path: Path, error: OSError, shown: str | None = None) -> tuple[str, str | None]:
    """Why the bank file ``path`` (shown as ``shown``) could not be read (message, hint),
    ``error`` being what reading it raised."""
    shown = shown or str(path)
    said = not_a_file(path, shown)
    if said is not None:
        return said
    if isinstance(error, PermissionError):
        return "the file cannot be read: you have no permission to read it", _let_read(path, shown)
    return f"cannot read the file: {error.strerror or error}", None


def _let_read(path: Path, shown: str) -> str:
    """What to run to read a file the system refused: its owner makes it readable; anyone
    else needs its owner, or the administrator's chown."""
    try:
        yours = path.stat().st_uid == os.geteuid()
    except (OSError, AttributeError):  # a folder that cannot be searched; Windows
        yours = True
    if yours:
        return f"make it readable: chmod u+r {shown}"
    return f"it is another user's: ask them to chmod a+r {shown}, or run sudo chown $USER {shown}"


# The first bytes of the files most likely to be saved, or copied, with a bank file's name.
# None of them starts a bank file, which starts with a key, a comment or '---'.
_SIGNATURES = (
    (b"\x7fELF", "a program (ELF)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (as Word, Excel and OpenDocument files are)"),
)
# How many of a file's first bytes tell UTF-16 with no byte-order mark: a bank file starts
# with ASCII (a key, a comment), which UTF-16 writes with a NUL byte beside each character.
_UTF16_PROBE = 32


def not_text(raw: bytes, shown: str) -> tuple[str, str] | None:
    """Why ``raw``, the bytes of the bank file shown as ``shown``, is not the UTF-8 text
    it must be, where no one byte is to blame (message, hint): it is in UTF-16 (Notepad's
    "Unicode"), or it is no text at all: a known kind of file by its first bytes, or one
    that holds NUL bytes and is not UTF-8 (or holds nothing else). None otherwise: a
    stray NUL in UTF-8 text is one character to delete, and text in a code page is told
    at its first byte that is not UTF-8."""
    utf16 = saved_as_utf16(raw)
    if utf16 is not None:
        return f"the file is saved as {utf16}, not UTF-8", SAVE_AS_UTF8
    restore = (
        f"restore its text from version control (git checkout -- {shlex.quote(shown)}), "
        "or move the file out of the bank"
    )
    kind = next((kind for start, kind in _SIGNATURES if raw.startswith(start)), None)
    if kind is not None:
        return f"the file is not text: it is {kind}", restore
    if b"\x00" not in raw:  # found at C speed: no text file holds one
        return None
    nuls = raw.count(0)
    if nuls < len(raw) and _is_utf8(raw):
        return None
    if nuls == len(raw):
        held = "nothing but NUL bytes"
    else:
        held = "a NUL byte" if nuls == 1 else f"{nuls:,} NUL bytes"
    return f"the file is not text: it holds {held}, as no text file does", restore


def saved_as_utf16(raw: bytes) -> str | None:
    """How ``raw`` is saved if it is UTF-16: "UTF-16" (with a byte-order mark), or "UTF-16
    (with no byte-order mark)" where its first characters are ASCII written so; else None."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if _utf16_without_mark(raw[:_UTF16_PROBE]):
        return "UTF-16 (with no byte-order mark)"
    return None


def holds_in_utf16(raw: bytes, word: str) -> bool:
    """Whether ``raw`` holds the ASCII ``word`` written in UTF-16, in either byte order: a
    file that holds it so is saved as UTF-16, wherever the word is in it. (A search for
    the word's bytes finds it only in UTF-8 and the code pages that keep ASCII.)"""
    return any(word.encode(codec) in raw for codec in ("utf-16-le", "utf-16-be"))


def _utf16_without_mark(start: bytes) -> bool:
    """Whether ``start``, a file's first bytes, is ASCII written in UTF-16 (little- or
    big-endian): a NUL byte before or after each character's byte, and no other NUL."""
    pairs = len(start) // 2
    if pairs < 2:
        return False
    high, low = start[1 : 2 * pairs : 2], start[0 : 2 * pairs : 2]
    return (high.count(0) == pairs and not low.count(0)) or (
        low.count(0) == pairs and not high.count(0)
    )


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
