"""HTML to PDF through WeasyPrint, for the handouts and the stats report.

Handout HTML comes from ``handout.py``, styled by ``handout.css``. A source can
never make the build fetch anything: the URL fetcher reads only files inside the bank folder
and this package's own fonts, and refuses the network and every other file.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from fontTools.ttLib import TTFont
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from exambank.builders.base import Settings

ASSETS = Path(__file__).parent
STYLESHEET = ASSETS / "handout.css"
FONTS = ASSETS / "fonts"
# WeasyPrint warnings reported otherwise or not at all: refused fetches come from the
# fetcher's own list, missing glyphs from one note per file; the fontTools fallback for font
# subsetting works as well.
_NOT_FOR_AUTHORS = ("Failed to load", ".notdef glyph", "Using fontTools instead of HarfBuzz")


class LocalFiles(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """A WeasyPrint URL fetcher that reads files under ``roots`` and refuses everything
    else (http, data, files elsewhere), remembering what it refused."""

    def __init__(self, *roots: Path) -> None:
        super().__init__()
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []
        self.missing: list[str] = []  # inside a root, but no file there

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self._path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"exambank fetches only files inside the bank folder, not {url}")
        if not path.is_file():
            self.missing.append(url)
            raise ValueError(f"no such file in the bank folder: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def _path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # resolves symlinks and ".."
        return path if any(path.is_relative_to(root) for root in self.roots) else None


def render_pdf(html: str, root: Path, settings: Settings) -> tuple[bytes, tuple[str, ...]]:
    """The PDF of ``html``, whose relative links resolve inside ``root``, and notes on
    anything that did not print as written."""
    fetcher = LocalFiles(root, ASSETS)
    fonts = FontConfiguration()
    stylesheets = [
        CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=fonts),
        CSS(string=f"@page {{ size: {settings.paper} }}", font_config=fonts),
    ]
    with _collected_warnings() as warnings, _font_timestamps(settings.build_date):
        source = HTML(string=html, base_url=root.resolve().as_uri() + "/", url_fetcher=fetcher)
        document = source.render(stylesheets=stylesheets, font_config=fonts)
        data = document.write_pdf()
    notes = [
        f"not fetched: {url} (only files inside the bank folder are)" for url in fetcher.refused
    ]
    notes.extend(_split_questions(document))
    notes.extend(f"not printed: {url} (no such file in the bank folder)" for url in fetcher.missing)
    notes.extend(message for message in warnings if not message.startswith(_NOT_FOR_AUTHORS))
    notes.extend(_font_notes(html))
    return bytes(data), tuple(dict.fromkeys(notes))


def _split_questions(document: Document) -> list[str]:
    """A note for each question that prints across pages: CSS keeps a question whole
    unless it is longer than a page. A box with an id puts an anchor on every page it
    is on, so a question (``q-N``) split in two has two."""
    pages: dict[str, list[int]] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith("q-"):
                pages.setdefault(anchor, []).append(number)
    return [
        f"question {anchor[2:]} is longer than a page and prints across pages "
        f"{on[0]}-{on[-1]} (shorten it to fit on one page)"
        for anchor, on in pages.items()
        if len(on) > 1
    ]


# The shipped sans serif, which a report names first ("Exambank Sans", sans-serif): its
# PDF looks the same on every machine, and a browser falls back to its own sans serif.
_REPORT_FONTS = """
@font-face { font-family: "Exambank Sans"; src: url(fonts/DejaVuSansCondensed.ttf); }
@font-face {
  font-family: "Exambank Sans"; src: url(fonts/DejaVuSansCondensed-Bold.ttf); font-weight: bold;
}
"""


def render_report_pdf(html: str) -> bytes:
    """The PDF of a self-contained report (``exambank stats``), set in the shipped sans
    serif; it may fetch nothing but the package's fonts."""
    fetcher = LocalFiles(ASSETS)
    fonts = FontConfiguration()
    stylesheet = CSS(
        string=_REPORT_FONTS, base_url=ASSETS.as_uri() + "/", url_fetcher=fetcher, font_config=fonts
    )
    with _collected_warnings(), _font_timestamps(None):
        document = HTML(string=html, url_fetcher=fetcher)
        return bytes(document.write_pdf(stylesheets=[stylesheet], font_config=fonts))


@contextmanager
def _collected_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings while rendering, kept for the build's report, not printed."""
    collected: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            collected.append(record.getMessage().splitlines()[0])

    logger = logging.getLogger("weasyprint")
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def _font_timestamps(build_date: datetime | None) -> Iterator[None]:
    """fontTools stamps each font subset it embeds with the clock unless SOURCE_DATE_EPOCH
    is set: set it to the build date while rendering, so two builds are byte-identical."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(build_date.timestamp()) if build_date else 0)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@cache
def _shipped_characters() -> frozenset[int]:
    covered: set[int] = set()
    for path in FONTS.glob("*.ttf"):
        with TTFont(path) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def _font_notes(text: str) -> list[str]:
    """A note when the text has characters the shipped fonts lack, saying whether the
    machine has a font for them or they will print as empty boxes."""
    missing = sorted({ord(c) for c in text if c.isprintable()} - _shipped_characters())
    if not missing:
        return []
    sample = "".join(map(chr, missing[:8]))
    if _installed_fonts_cover(missing):
        return [f"{len(missing)} characters ({sample}...) printed with an installed font"]
    return [
        f"{len(missing)} characters ({sample}...) have no font on this machine and print "
        "as boxes: install one that has them (Debian: apt install fonts-noto-cjk)"
    ]


def _installed_fonts_cover(characters: list[int]) -> bool:
    """Whether every character is in some installed font, as fontconfig lists them."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    listing = subprocess.run(
        [fc_list, "--format", "%{charset}\n"], capture_output=True, text=True, check=False
    ).stdout
    installed: set[int] = set()
    for span in listing.split():
        first, _, last = span.partition("-")
        installed.update(range(int(first, 16), int(last or first, 16) + 1))
    return installed.issuperset(characters)
