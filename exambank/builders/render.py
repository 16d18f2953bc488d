"""HTML to PDF through WeasyPrint, for the handouts and the stats report.

Both PDFs are tagged: WeasyPrint builds their structure tree from the HTML's elements, so a
screen reader reads headings, lists, tables and links as such and in order, and it marks the
PDF as tagged, in the document's language, showing its title (``MarkInfo``, ``Lang``,
``DisplayDocTitle``). The running header and footer stay out of the tree.

Handout HTML comes from ``handout.py``, styled by ``handout.css``. A source can
never make the build fetch anything: the URL fetcher reads only files inside the bank folder
that the exports may ship too (image files, none hidden: ``shipped_files.shippable``) and
this package's own fonts, and refuses the network and every other file. Nor can a small
image make it take minutes and gigabytes: the fetcher measures each image before WeasyPrint
sees it (see ``MAX_PIXELS`` and ``MAX_SVG_ELEMENTS``) and has each SVG drawn alone within a
budget first (``image_budget.py``).
"""

from __future__ import annotations

import copy
import gc
import io
import logging
import mimetypes
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import url2pathname
from xml.etree import ElementTree

from PIL import Image
from weasyprint import CSS, HTML
from weasyprint.document import Document, DocumentMetadata
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from exambank.builders.base import Settings
from exambank.builders.figure_boxes import figure_boxes_in_points
from exambank.builders.glyphs import font_notes
from exambank.builders.hyphenated_words import whole_hyphenated_words
from exambank.builders.identifier_fit import (
    numbered_identifiers,
    overflowing_identifiers,
    wrapping_stylesheet,
)
from exambank.builders.image_budget import drawing_cost
from exambank.builders.label_language import tag_label_language
from exambank.builders.large_print_images import ImageSizes, measured_images
from exambank.builders.large_print_tables import wide_tables_as_records
from exambank.builders.option_labels import label_options
from exambank.builders.question_fit import (
    FIT_PASSES,
    broken,
    caps_stylesheet,
    image_caps,
)
from exambank.builders.question_headings import name_question_headings
from exambank.builders.student_pages import question_pages
from exambank.shipped_files import Refusal, shippable

ASSETS = Path(__file__).parent
STYLESHEET = ASSETS / "handout.css"
LARGE_PRINT = ASSETS / "large-print.css"  # on top of it, with ``--large-print``
RUN_ON_SECTIONS = ASSETS / "run-on-sections.css"  # on top of both, with ``--sections run-on``

# WeasyPrint warnings reported otherwise or not at all: refused fetches and images that
# failed to load come from the fetcher's own lists, missing glyphs from one note per file,
# an image without a description (which tagging asks for) from lint's image-alt, with its
# place, which the build prints in full; the fontTools fallback for subsetting works as well.
_NOT_FOR_AUTHORS = (
    "Failed to load",
    ".notdef glyph",
    'Image "',  # ... has no required alt description
    "Using fontTools instead of HarfBuzz",
)
# What an image may cost to print. WeasyPrint decodes every pixel of a raster image and
# draws a copy of what each SVG <use> names, so a 20 kB PNG of 13000x13000 pixels or a 1 kB
# SVG whose <use> elements each repeat the level below ten times would take minutes and
# gigabytes. A 300 dpi A4 page is 8.7 megapixels. Exported charts and diagrams stay below
# the SVG limit: 462 elements for a matplotlib line chart, 883 for a draw.io diagram of 80
# boxes, 5,122 for 100 placed icons, 15,229 for a 5,000-point scatter plot (2 s to print);
# 20,000 plain elements print in about 1 s.
MAX_PIXELS = 40_000_000
MAX_SVG_ELEMENTS = 20_000


class LocalFiles(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """A WeasyPrint URL fetcher that reads files under ``roots`` and refuses everything
    else (http, data, files elsewhere), images too costly to print, and in the ``bank``
    folder (one of the roots) any file ``shippable`` refuses (hidden, or no image),
    remembering what it refused and what it served."""

    def __init__(self, *roots: Path, bank: Path | None = None, draw_svgs_alone: bool = True):
        super().__init__()
        self.roots = [root.resolve() for root in roots]
        self.bank = None if bank is None else bank.resolve()
        # Fetches, by these rules, what an SVG drawn alone references; that is not drawn
        # alone again, as it counts in the SVG's own budget
        self.alone = (
            LocalFiles(*roots, bank=bank, draw_svgs_alone=False) if draw_svgs_alone else None
        )
        self.refused: list[str] = []
        self.missing: list[str] = []  # inside a root, but no file there
        self.withheld: list[tuple[str, str]] = []  # (url, why), in the bank but refused
        self.too_costly: list[tuple[str, str]] = []  # (url, why), images past the limits
        self.served: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self._path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"exambank fetches only files inside the bank folder, not {url}")
        refused = self._refusal(url, path)
        if refused is not None:
            self.withheld.append((url, refused.reason))
            raise ValueError(f"not printed: {url} ({refused.reason})")
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:  # a name too long for the system, a file not readable
            data = None
        if data is None:
            self.missing.append(url)
            raise ValueError(f"no such file in the bank folder: {url}")
        why = _too_costly(data, url)
        if why is None and self.alone is not None:
            why = drawing_cost(data, url, self.alone)
        if why:
            self.too_costly.append((url, why))
            raise ValueError(f"not printed: {url} ({why})")
        self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": content_type})

    def _path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # resolves symlinks and ".."
        return path if any(path.is_relative_to(root) for root in self.roots) else None

    def _refusal(self, url: str, path: Path) -> Refusal | None:
        """Why ``shippable`` refuses the file at ``url`` (``path`` once resolved), if it is
        in the bank folder: judged by its path there as the URL names it, links and all."""
        if self.bank is None or not path.is_relative_to(self.bank):
            return None
        named = Path(url2pathname(urlsplit(url).path))
        inside = named if named.is_relative_to(self.bank) else path  # else reached by a link
        found = shippable(self.bank, inside.relative_to(self.bank).as_posix())
        return found if isinstance(found, Refusal) else None


def _too_costly(data: bytes, url: str) -> str | None:
    """Why an image is too costly to print, or None. Judged by content, as WeasyPrint
    does (a file Pillow cannot open is tried as SVG whatever its name), reading a raster
    image's header only; a file that is neither is left for WeasyPrint to fail on."""
    try:
        with warnings.catch_warnings():  # Pillow warns past 89 megapixels
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # past 179 megapixels Pillow gives no size
        return f"more than {MAX_PIXELS // 10**6} megapixels: scale it down"
    except Exception:  # not a raster image Pillow knows
        try:
            elements = _expanded_size(ElementTree.fromstring(data), url)
        except ElementTree.ParseError:
            return None
        if elements is None:
            return "its <use> references form a loop"
        if elements > MAX_SVG_ELEMENTS:
            return (
                f"more than {MAX_SVG_ELEMENTS:,} elements once its <use> references are "
                "expanded: simplify it or save it as PNG"
            )
        return None
    if width * height > MAX_PIXELS:
        return f"{width}x{height} pixels, more than {MAX_PIXELS // 10**6} megapixels: scale it down"
    return None


_HREFS = ("{http://www.w3.org/1999/xlink}href", "href")  # WeasyPrint's order


def _expanded_size(svg: ElementTree.Element, url: str) -> int | None:
    """How many elements the SVG at ``url`` has once each <use> is replaced by a copy
    of the element it names in the same file, as WeasyPrint draws it; None if a <use>
    leads back to itself. Each element is counted once, so this is linear in the file's
    size, and an explicit stack keeps deep nesting from overflowing Python's."""
    named: dict[str, ElementTree.Element] = {}
    for element in svg.iter():  # WeasyPrint looks below the root, first match wins
        if element is not svg and (name := element.get("id")):
            named.setdefault(name, element)
    here = urldefrag(url).url
    parts: dict[ElementTree.Element, list[ElementTree.Element]] = {}  # once started
    sizes: dict[ElementTree.Element, int] = {}  # once finished
    stack = [svg]
    while stack:
        element = stack[-1]
        if element in sizes:  # reached a second way
            stack.pop()
        elif element in parts:  # every part above it on the stack is finished
            stack.pop()
            sizes[element] = 1 + sum(sizes[part] for part in parts[element])
        else:
            parts[element] = list(element)
            if element.tag.rpartition("}")[2] == "use":
                href = next((value for name in _HREFS if (value := element.get(name))), "")
                target, fragment = urldefrag(urljoin(url, href))
                if fragment in named and target == here:
                    parts[element].append(named[fragment])
            for part in parts[element]:
                if part in parts and part not in sizes:
                    return None  # started, not finished: it contains this element
                stack.append(part)
    return sizes[svg]


def render_pdf(
    html: str, root: Path, settings: Settings, pages: dict[int, int] | None = None
) -> tuple[bytes, tuple[str, ...]]:
    """The PDF of ``html``, whose relative links resolve inside ``root``, and notes on
    anything that did not print as written. A question that runs over to another page is
    laid out again with its images shrunk, where that makes it fit (``question_fit.py``),
    and so is one with a long identifier that runs past its line, letting that identifier
    wrap at its case changes (``identifier_fit.py``). In large print a table too wide for
    the page prints as records, and the standard edition is laid out first where the
    handout shows images, so that none prints smaller (``large_print_tables.py``,
    ``large_print_images.py``). ``pages``, if given, is filled with the page each question
    starts on."""
    html = numbered_identifiers(html)
    with _collected_warnings() as logged, _font_timestamps(settings.build_date):
        images, floors = ImageSizes(), None
        if settings.large_print:  # its images grow with its text (large_print_images.py)
            images = measured_images(html, _base_url(root), _fetcher(root), settings.paper)
            if images.standard:  # none prints smaller than in the standard edition
                standard = replace(settings, large_print=False)
                floors = images.floors(_fitted_layout(html, root, standard, images, None)[1])
            html = wide_tables_as_records(html, settings.paper)
            logged.clear()  # what the handout's layout logs is what the PDF shows
        fetcher, document, caps = _fitted_layout(html, root, settings, images, floors, logged)
        data = document.write_pdf(pdf_tags=True, finisher=_finish)
        if pages is not None:
            pages.update(question_pages(document))
    notes = [
        f"not fetched: {url} (only files inside the bank folder are)" for url in fetcher.refused
    ]
    notes.extend(_split_questions(document, caps))
    notes.extend(f"not printed: {url} (no such file in the bank folder)" for url in fetcher.missing)
    notes.extend(f"not printed: {url} (it {why})" for url, why in fetcher.withheld)
    notes.extend(f"not printed: {url} ({why})" for url, why in fetcher.too_costly)
    notes.extend(
        f"not printed: {url} (could not be read as an image)"
        for url in fetcher.served
        if any(message.startswith(f"Failed to load image at {url!r}") for message in logged)
    )
    notes.extend(message for message in logged if not message.startswith(_NOT_FOR_AUTHORS))
    notes.extend(font_notes(html))
    notes.extend(images.size_notes(document))
    return bytes(data), tuple(dict.fromkeys(notes))


def _fitted_layout(
    html: str,
    root: Path,
    settings: Settings,
    images: ImageSizes,
    floors: dict[str, dict[str, float]] | None,
    logged: list[str] | None = None,
) -> tuple[LocalFiles, Document, dict[str, float]]:
    """``html`` laid out (``_layout``), and again with the caps that fit its questions on
    their pages (``question_fit.py``), clearing ``logged`` before each layout; the fetcher
    that served the last layout, and the caps."""
    caps: dict[str, float] = {}
    wrapped: set[int] = set()
    enlarged = images.stylesheet() if settings.large_print else ""
    fetcher, document = _layout(html, root, settings, caps, enlarged)
    for _ in range(FIT_PASSES):
        fitted = image_caps(document, caps, floors)
        wrapping = wrapped | overflowing_identifiers(document)
        if fitted == caps and wrapping == wrapped:
            break
        caps, wrapped = fitted, wrapping
        del document  # freed before the next layout, not beside it
        gc.collect()
        if logged is not None:
            logged.clear()  # what the next layout logs is what the PDF shows
        extra = enlarged + wrapping_stylesheet(wrapped)
        fetcher, document = _layout(html, root, settings, caps, extra)
    return fetcher, document, caps


def _layout(
    html: str, root: Path, settings: Settings, caps: dict[str, float], enlarged: str
) -> tuple[LocalFiles, Document]:
    """``html`` laid out in pages, its images as wide as ``enlarged`` says (CSS, with the
    identifiers that wrap: ``identifier_fit.py``) and each
    question's capped as ``caps`` says, and the fetcher that served it, which knows what
    it refused."""
    fetcher = _fetcher(root)
    fonts = FontConfiguration()
    sheets = [STYLESHEET, LARGE_PRINT] if settings.large_print else [STYLESHEET]
    if settings.sections == "run-on":
        sheets.append(RUN_ON_SECTIONS)
    stylesheets = [
        *(CSS(filename=str(sheet), url_fetcher=fetcher, font_config=fonts) for sheet in sheets),
        CSS(string=f"@page {{ size: {settings.paper} }}", font_config=fonts),
    ]
    if enlarged:
        stylesheets.append(CSS(string=enlarged, font_config=fonts))
    if caps:
        stylesheets.append(CSS(string=caps_stylesheet(caps), font_config=fonts))
    source = HTML(string=html, base_url=_base_url(root), url_fetcher=fetcher)
    # Presentational hints number a list that starts at 3 (``<ol start="3">``) from 3:
    # they are off by default, and Markdown's HTML holds no other attribute they read.
    document = source.render(stylesheets=stylesheets, font_config=fonts, presentational_hints=True)
    # The layout leaves more objects unreachable than the pages it keeps (its context,
    # the box tree, each pagination pass), in reference cycles Python frees only later:
    # freed now, their memory serves the PDF's writing instead of new memory (906
    # questions: a trainer edition's peak 828 -> 655 MiB, for 3 to 4 s more processor time)
    gc.collect()
    return fetcher, document


def _fetcher(root: Path) -> LocalFiles:
    """A fetcher for a handout of the bank at ``root``: its files and the package's fonts."""
    return LocalFiles(root, ASSETS, bank=root)


def _base_url(root: Path) -> str:
    return root.resolve().as_uri() + "/"


def _finish(document: Document, pdf: object) -> None:
    """What WeasyPrint's tagged PDF lacks that a reader needs, added before it is written:
    a link's description (``/Contents``, what a screen reader announces) is its words, not
    the anchor it leads to ("section-amt"); and the title is in XMP metadata too, as PDF/UA
    checkers look for it, with no version, which would claim PDF/UA conformance; and a
    PDF with bookmarks opens with them shown, as the way round its pages; and an option's
    letter is its list item's label (``option_labels.py``), a question's heading is named
    "Question 37" (``question_headings.py``), a word hyphenated in a table is whole in the
    text (``hyphenated_words.py``), an image's box is in points (``figure_boxes.py``) and
    the English words of a bank in a language without its own are tagged as English
    (``label_language.py``, first: it pairs elements with boxes as WeasyPrint made them)."""
    tag_label_language(document, pdf)
    label_options(pdf)
    name_question_headings(document, pdf)
    whole_hyphenated_words(document, pdf)
    figure_boxes_in_points(document, pdf)
    if "Outlines" in pdf.catalog:  # type: ignore[attr-defined]
        pdf.catalog["PageMode"] = "/UseOutlines"  # type: ignore[attr-defined]
    for page in document.pages:
        for _, _, _, box in page.links:
            annotation = getattr(box, "link_annotation", None)  # set as the page is written
            words = " ".join("".join(box.element.itertext()).split())
            if annotation is not None and "Contents" in annotation and words:
                annotation["Contents"].string = words
    _xml_safe(document.metadata).include_in_pdf(pdf, "ua", None, None, compress=True)


# What XML 1.0 forbids in a document (its Char production): control characters but tab
# and line breaks, lone surrogates, U+FFFE and U+FFFF. ElementTree writes them as they are.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(metadata: DocumentMetadata) -> DocumentMetadata:
    """``metadata`` with each character XML 1.0 forbids (a "\\x01" in a bank's title or
    exam) as U+FFFD, so that its XMP is well-formed; the info dictionary, already written,
    keeps them as they are."""
    safe = copy.copy(metadata)
    safe.title = _NOT_XML.sub("\ufffd", metadata.title or "")
    safe.description = _NOT_XML.sub("\ufffd", metadata.description or "") or None
    return safe


def _split_questions(document: Document, caps: dict[str, float]) -> list[str]:
    """A note for each question that prints across pages: CSS keeps a question whole
    unless it is longer than a page, or ``caps`` broke it after its images. A box with an
    id puts an anchor on every page it is on, so a question (``q-N``) split in two has two."""
    pages: dict[str, list[int]] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith("q-"):
                pages.setdefault(anchor, []).append(number)
    return [
        f"question {anchor[2:]} prints across pages {on[0]}-{on[-1]}, broken after its "
        "images: on one page they would print smaller than in the standard edition"
        if broken(caps.get(anchor, 0.0))
        else f"question {anchor[2:]} is longer than a page and prints across pages "
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
        return bytes(document.write_pdf(stylesheets=[stylesheet], font_config=fonts, pdf_tags=True))


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
