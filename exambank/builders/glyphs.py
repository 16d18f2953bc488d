"""Which characters of a handout the shipped fonts lack, and what printed them: an
installed font, or nothing (empty boxes), with the Debian package that has them; and how
wide a shipped font sets a line, to cut one that is too long at a word, and how many lines
a text wraps to in a box."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).parent / "fonts"


@cache
def _shipped_characters() -> frozenset[int]:
    covered: set[int] = set()
    for path in FONTS.glob("*.ttf"):
        with TTFont(path) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def font_notes(text: str) -> list[str]:
    """Notes on the characters the shipped fonts lack: those an installed font printed,
    and those no font on the machine has, which print as empty boxes, with the Debian
    package that has them."""
    missing = sorted({ord(c) for c in text if c.isprintable()} - _shipped_characters())
    if not missing:
        return []
    installed = _installed_characters()
    printed = [code for code in missing if code in installed]
    boxes = [code for code in missing if code not in installed]
    notes = []
    if printed:
        notes.append(f"{_characters(printed)} printed with an installed font")
    if boxes:
        packages = " ".join(sorted({_package_for(code) for code in boxes}))
        notes.append(
            f"{_characters(boxes)} have no font on this machine and print as boxes: "
            f"install one that has them (Debian: apt install {packages})"
        )
    return notes


def _characters(codes: list[int]) -> str:
    """ "3 characters (x, y, z)", the first eight of them shown."""
    more = "..." if len(codes) > 8 else ""
    noun = "character" if len(codes) == 1 else "characters"
    return f"{len(codes)} {noun} ({''.join(map(chr, codes[:8]))}{more})"


# Debian's Noto packages by script: the CJK fonts, colour emoji, and the core set
# (Arabic, Hebrew, Devanagari, Thai, Ethiopic and the rest).
_CJK = ((0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
_EMOJI = ((0x2600, 0x27BF), (0x1F000, 0x1FAFF))


def _package_for(code: int) -> str:
    if any(first <= code <= last for first, last in _CJK) or 0x20000 <= code <= 0x3FFFF:
        return "fonts-noto-cjk"
    if any(first <= code <= last for first, last in _EMOJI):
        return "fonts-noto-color-emoji"
    return "fonts-noto-core"


def _installed_characters() -> frozenset[int]:
    """Every character some installed font has, as fontconfig lists them (none without
    fontconfig's fc-list)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    listing = subprocess.run(
        [fc_list, "--format", "%{charset}\n"], capture_output=True, text=True, check=False
    ).stdout
    installed: set[int] = set()
    for span in listing.split():
        first, _, last = span.partition("-")
        installed.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(installed)


ELLIPSIS = "\u2026"
# What a cut title may end in before its "…": a dash, a comma or an "&" would be left
# dangling ("Cards, Dashboard,…").
_DANGLING = " \t,;:\u2013\u2014-/&\u00b7"


@cache
def _advances(font_file: str) -> tuple[dict[int, int], int]:
    """Each character's advance width in a shipped font, and its units per em."""
    with TTFont(FONTS / font_file) as font:
        metrics = font["hmtx"]
        widths = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
        return widths, font["head"].unitsPerEm


def text_width(text: str, font_file: str, size: float) -> float:
    """How wide ``text`` sets in the shipped ``font_file`` at ``size`` (both in points), by
    its glyphs' advances. Kerning, left out, only narrows a line of it; a character the font
    lacks (Chinese, emoji), which an installed font prints, counts as a full em."""
    return _widths_so_far(text, font_file, size)[-1]


def _widths_so_far(text: str, font_file: str, size: float) -> list[float]:
    """How wide each beginning of ``text`` sets: ``text[:n]`` for each n."""
    advances, units = _advances(font_file)
    so_far = [0.0]
    for character in text:
        so_far.append(so_far[-1] + advances.get(ord(character), units) * size / units)
    return so_far


def cut_to_width(text: str, width: float, font_file: str, size: float) -> str:
    """``text`` if it fits in ``width`` points, else as much of it as fits with a "…",
    cut at a space. A text whose words leave more than a third of the room empty (a long
    word, Chinese written without spaces) is cut between characters instead, never
    between a letter and its accent. What it returns starts ``text`` (but for the "…"),
    so the PDF's text layer says what the page shows."""
    so_far = _widths_so_far(text, font_file, size)
    if so_far[-1] <= width:
        return text
    room = width - text_width(ELLIPSIS, font_file, size)

    def kept(end: int) -> int:
        while end and text[end - 1] in _DANGLING:
            end -= 1
        return end

    # The ends that fit: a run from 0, as the widths only grow
    ends = [end for end in range(len(text)) if so_far[kept(end)] <= room]
    end = max((end for end in ends if text[end] in " \t"), default=0)
    if so_far[end] < room * 2 / 3:
        end = ends[-1] if ends else 0
        while end and unicodedata.combining(text[end]):
            end -= 1
    end = kept(end)
    return text[:end] + ELLIPSIS if end else ""


def covers(text: str, font_file: str) -> bool:
    """Whether the shipped ``font_file`` has every character of ``text`` that prints."""
    advances, _ = _advances(font_file)
    return all(ord(character) in advances for character in text if character.isprintable())


def line_height(font_file: str, size: float) -> float:
    """The height of a line of the shipped ``font_file`` at ``size`` points, as WeasyPrint
    sets it where the line height is ``normal`` (the page's margin boxes): the font's
    ascent and descent, and no gap between lines, which DejaVu has none of."""
    return _line_height_in_ems(font_file) * size


@cache
def _line_height_in_ems(font_file: str) -> float:
    with TTFont(FONTS / font_file) as font:
        extent: int = font["hhea"].ascent - font["hhea"].descent
        units: int = font["head"].unitsPerEm
        return extent / units


def line_count(text: str, width: float, font_file: str, size: float) -> int:
    """How many lines ``text`` wraps to in a box ``width`` points wide, set in the shipped
    ``font_file`` at ``size``, breaking at its line breaks as ``white-space: pre-line`` does:
    counted to hold it, as WeasyPrint sets it or in more lines. A line breaks here only
    where WeasyPrint (Pango) is seen to break it (``_pieces``); a break it also takes
    (after "?", between a letter and an ideograph) fits only more on a line. A piece wider
    than the box, which it breaks where it can or lets run past the box, counts as broken
    anywhere, a line for each width of it, and the last line as full: broken where Pango
    breaks it ("rc3+build.", "20251128"), the last part may be most of a line."""
    return sum(_wrapped(paragraph, width, font_file, size) for paragraph in text.split("\n"))


def _wrapped(paragraph: str, width: float, font_file: str, size: float) -> int:
    """The lines of ``paragraph``, which holds no line break, filled piece by piece."""
    lines, used = 1, 0.0
    for piece, space in _pieces(paragraph):
        piece_width = text_width(piece, font_file, size)
        if used and used + piece_width > width:
            lines, used = lines + 1, 0.0
        if piece_width > width:  # broken anywhere, its last line taken as full
            lines, used = lines + math.ceil(piece_width / width) - 1, width
            continue
        used += piece_width + text_width(space, font_file, size)  # a space at the end hangs
    return lines


_IDEOGRAPHS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # kana, Han, hangul
# Where Pango breaks a line, as WeasyPrint lays it out: after spaces (not a no-break
# space); after a hyphen, an en dash or a slash within a word, before a letter
# ("midterm-B", not "11-2" nor "1/2"); either side of an em dash; between ideographs
_BREAK = re.compile(
    r"[ \t]+"
    r"|(?<=\S[-\u2010\u2013/])(?=[^\W\d_])"
    r"|(?<=\u2014)|(?=\u2014)"
    rf"|(?<=[{_IDEOGRAPHS}])(?=[{_IDEOGRAPHS}])"
)


def _pieces(paragraph: str) -> list[tuple[str, str]]:
    """``paragraph`` cut where a line may break: each piece, and the spaces after it."""
    pieces, start = [], 0
    for match in _BREAK.finditer(paragraph):
        pieces.append((paragraph[start : match.start()], match.group()))
        start = match.end()
    pieces.append((paragraph[start:], ""))
    return [(piece, space) for piece, space in pieces if piece or space]
