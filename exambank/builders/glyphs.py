"""Which characters of a handout the shipped fonts lack, and what printed them: an
installed font, or nothing (empty boxes), with the Debian package that has them."""

from __future__ import annotations

import shutil
import subprocess
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
