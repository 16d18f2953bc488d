"""HTML to PDF through WeasyPrint, for the handouts and the stats report.

Both PDFs are tagged: WeasyPrint builds their structure tree from the HTML's elements, so a
screen reader reads headings, lists, tables and links as such and in order, and it marks the
PDF as tagged, in the document's language, showing its title (``MarkInfo``, ``Lang``,
``DisplayDocTitle``). The running header and footer stay out of the tree, marked as the
page's header and footer (``margin_artifacts.py``), and an element that runs over a page is
one element in it (``page_fragments.py``).

Handout HTML comes from ``handout.py``, styled by ``handout.css``. A source can
never make the build fetch anything, nor a small image make it take minutes and
gigabytes: WeasyPrint reads through ``LocalFiles`` (``local_files.py``), which serves only
the bank's image files and this package's fonts, each image measured first.
"""

from __future__ import annotations

import copy
import gc
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document, DocumentMetadata
from weasyprint.text.fonts import FontConfiguration

from exambank.builders.base import Settings
from exambank.builders.code_rows import whole_code_lines
from exambank.builders.decorative_images import decorative_images
from exambank.builders.element_boxes import paired_boxes, text_marks
from exambank.builders.figure_boxes import figure_boxes_in_points
from exambank.builders.glyphs import font_notes
from exambank.builders.hyphenated_words import whole_hyphenated_words
from exambank.builders.identifier_fit import (
    numbered_identifiers,
    overflowing_identifiers,
    whole_bookmarks,
    without_breaks,
    wrapping_stylesheet,
)
from exambank.builders.label_language import tag_label_language
from exambank.builders.large_print_images import ImageSizes, measured_images
from exambank.builders.large_print_tables import wide_tables_as_records
from exambank.builders.link_annotations import annotations_in_links
from exambank.builders.local_files import LocalFiles
from exambank.builders.margin_artifacts import margins_as_artifacts
from exambank.builders.option_labels import body_list_items, label_key_numbers, label_options
from exambank.builders.page_footer import PageFooter
from exambank.builders.page_fragments import element_origins, join_fragments
from exambank.builders.question_ends import untag_question_ends
from exambank.builders.question_fit import (
    FIT_PASSES,
    caps_stylesheet,
    heading_caps,
    heading_stylesheet,
    image_caps,
    late_starts,
    lets_break,
    starts_stylesheet,
)
from exambank.builders.question_headings import name_question_headings
from exambank.builders.split_questions import split_questions
from exambank.builders.stranded_numbers import numbers_stylesheet, stranded_numbers
from exambank.builders.student_pages import question_pages, runs_over
from exambank.config import LARGE_PRINT_SIZE

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


def render_pdf(
    html: str,
    root: Path,
    settings: Settings,
    pages: dict[int, int] | None = None,
    footer: PageFooter | None = None,
) -> tuple[bytes, tuple[str, ...]]:
    """The PDF of ``html``, whose relative links resolve inside ``root``, and notes on
    anything that did not print as written. A question that runs over to another page is
    laid out again with its images shrunk, where that makes it fit (``question_fit.py``),
    and so is one with a long identifier that runs past its line, letting that identifier
    wrap at its case changes (``identifier_fit.py``). In large print a table too wide for
    the page prints as records, and the standard edition is laid out first where the
    handout shows images, so that none prints smaller (``large_print_tables.py``,
    ``large_print_images.py``). ``pages``, if given, is filled with the page each question
    starts on. A large-print ``footer`` is given the room its lines and its page count
    need (``page_footer.py``). Its bookmarks name a long identifier as it is written, not
    with its breaks (``identifier_fit.py``)."""
    html = numbered_identifiers(html)
    with _collected_warnings() as logged, _font_timestamps(settings.build_date):
        images, floors = ImageSizes(), None
        if settings.large_print:  # its images grow with its text (large_print_images.py)
            size = settings.large_print_size
            images = measured_images(html, _base_url(root), _fetcher(root), settings.paper, size)
            if images.standard:  # none prints smaller than in the standard edition
                standard = replace(settings, large_print=False)
                floors = images.floors(_fitted_layout(html, root, standard, images, None)[1])
            html = wide_tables_as_records(html, settings.paper, size)
            logged.clear()  # what the handout's layout logs is what the PDF shows
        fetcher, document, caps = _fitted_layout(
            html, root, settings, images, floors, logged, footer
        )
        whole_bookmarks(document)
        data = document.write_pdf(pdf_tags=True, finisher=_finish)
        if pages is not None:
            pages.update(question_pages(document))
    notes = [
        f"not fetched: {url} (only files inside the bank folder are)" for url in fetcher.refused
    ]
    notes.extend(split_questions(document, caps, settings))
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
    footer: PageFooter | None = None,
) -> tuple[LocalFiles, Document, dict[str, float]]:
    """``html`` laid out (``_layout``), and again with the caps that fit its questions on
    their pages (``question_fit.py``), each question longer than a page that starts under
    the one above too low on its page starting the next (``late_starts``), with the number
    of any question it left alone on a page out of the flow (``stranded_numbers.py``), and
    with room for the page count in ``footer`` where it runs to more digits than the first
    layout made room for (a thousand pages: the layout of most documents is not repeated
    for it), clearing ``logged`` before each layout; then, where no question runs over a
    page, without the footer's line for "Continued" (``_given_back``); and where questions
    run over, with the footer under that line on every page (``_under_continued``): laid
    out so from the caps that let them break, and again where the last layout tells
    otherwise. The fetcher that served the last layout, and the caps."""
    caps: dict[str, float] = {}
    wrapped: set[int] = set()
    stranded: set[str] = set()
    starts: set[str] = set()
    headed: dict[str, float] = {}
    digits = PageFooter.LEAST_DIGITS
    enlarged = images.stylesheet() if settings.large_print else ""
    extra = enlarged
    lowered = False  # the footer under the line for "Continued" (``_under_continued``)
    fetcher, document = _layout(html, root, settings, caps, extra + _room(footer, digits))
    for _ in range(FIT_PASSES):
        fitted = image_caps(document, caps, floors)
        below = headed | heading_caps(document, fitted)
        wrapping = wrapped | overflowing_identifiers(document)
        alone = stranded | stranded_numbers(document)
        moved = starts | late_starts(document, caps)
        counted = max(digits, len(str(len(document.pages))))
        if (
            fitted == caps
            and below == headed
            and wrapping == wrapped
            and alone == stranded
            and moved == starts
            and (footer is None or counted == digits)
        ):
            break
        caps, headed, wrapped, stranded, starts = fitted, below, wrapping, alone, moved
        digits = counted
        del document  # freed before the next layout, not beside it
        _before_layout(logged)
        extra = (
            enlarged
            + wrapping_stylesheet(wrapped)
            + numbers_stylesheet(stranded)
            + starts_stylesheet(starts)
            + heading_stylesheet(headed)
        )
        lowered = lets_break(caps)
        footing = _room(footer, digits) + _under_continued(lowered)
        fetcher, document = _layout(html, root, settings, caps, extra + footing)
    room = _room(footer, digits)
    given_back = _given_back(footer, digits, document)
    if given_back is not None:
        del document
        _before_layout(logged)
        lowered, room = False, _room(given_back, digits)  # as no question ran over
        fetcher, document = _layout(html, root, settings, caps, extra + room)
        # More room may part a question from its heading, or break one (not seen so far):
        # then the layout that kept the line, as it was
        if runs_over(document) or image_caps(document, caps, floors) != caps:
            del document
            _before_layout(logged)
            lowered, room = lets_break(caps), _room(footer, digits)
            footing = room + _under_continued(lowered)
            fetcher, document = _layout(html, root, settings, caps, extra + footing)
    if runs_over(document) == lowered:
        return fetcher, document, caps
    # A question let break fits after all, or one breaks that none was let: the footer
    # where its pages need it (which takes no room from the text: the margin is the same)
    del document
    _before_layout(logged)
    footing = room + _under_continued(not lowered)
    fetcher, document = _layout(html, root, settings, caps, extra + footing)
    return fetcher, document, caps


def _before_layout(logged: list[str] | None) -> None:
    """Ready for another layout, the last one's document deleted: its memory freed (it
    sits in reference cycles), not held beside the next; and ``logged`` cleared, as what
    the next layout logs is what the PDF shows."""
    gc.collect()
    if logged is not None:
        logged.clear()


# The footer's edition line and page number a line lower on every page, from the first
# (continued-gap set on the root), not only on a page a question runs over from (set by
# the question, and cleared by its end: handout.css)
_UNDER_CONTINUED = (
    'html { string-set: continued-gap "\\A" }\n'
    '.question-end { string-set: continued "", continued-gap "\\A" }\n'
)


def _under_continued(lowered: bool) -> str:
    """The rules that set the footer under the line for "Continued on the next page" on
    every page, where ``lowered``: set there only on the pages saying it, the page number
    jumped up and down through a printed stack (review s36-print #3)."""
    return _UNDER_CONTINUED if lowered else ""


def _given_back(footer: PageFooter | None, digits: int, document: Document) -> PageFooter | None:
    """``footer`` without its line for "Continued on the next page", where it keeps one
    that ``document`` prints on no page, as no question runs over a page (many a student
    edition), and the margin is deeper for it; None where it stays as it is. WeasyPrint
    sets the words where a page ends inside a question, and that page's footer takes a
    line more: kept on every page, the line left each footer's last a line above the 5 mm
    from the paper's edge it is measured for (page_footer.py)."""
    if footer is None or footer.continued is None or runs_over(document):
        return None
    without = replace(footer, continued=None)
    return without if without.stylesheet(digits) != footer.stylesheet(digits) else None


def _room(footer: PageFooter | None, digits: int) -> str:
    """The rules that make room for ``footer`` and a page count of ``digits`` digits."""
    return footer.stylesheet(digits) if footer else ""


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
    if settings.large_print:  # its sizes are large-print.css's at 16 pt, scaled
        scale = settings.large_print_size / LARGE_PRINT_SIZE
        scaled = f":root {{ --large-print-scale: {scale} }}"
        stylesheets.append(CSS(string=scaled, font_config=fonts))
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
    the anchor it leads to ("section-amt"), a long name in them as written (without its
    breaks: ``identifier_fit.py``); and the title is in XMP metadata too, as PDF/UA
    checkers look for it, with no version, which would claim PDF/UA conformance; and a
    PDF with bookmarks opens with them shown, as the way round its pages; and an option's
    letter is its list item's label, as a key's question number is, and an item's text its
    body (``option_labels.py``), a link's every annotation is in its ``Link`` tag
    (``link_annotations.py``), a question's heading is named "Question 37"
    (``question_headings.py``), a word hyphenated or a name wrapped is whole in the text
    (``hyphenated_words.py``), so is a code line's (``code_rows.py``), an image without a
    description is an artifact (``decorative_images.py``), an image's box is in points
    (``figure_boxes.py``), the empty element ending a question is not tagged
    (``question_ends.py``), the English words of a bank in a language without its own are
    tagged as English (``label_language.py``, first: it pairs elements with boxes as
    WeasyPrint made them), the running header and footer are pagination artifacts
    (``margin_artifacts.py``) and an element that runs over a page is one element, not one
    per page (``page_fragments.py``); each element's box is read first (``element_boxes.py``)."""
    paired = paired_boxes(document, pdf)
    origins, marks = element_origins(paired), text_marks(pdf, paired)
    tag_label_language(document, pdf)
    untag_question_ends(pdf)
    label_options(pdf)
    label_key_numbers(document, pdf)
    body_list_items(pdf)
    name_question_headings(document, pdf)
    whole_hyphenated_words(document, marks)
    whole_code_lines(document, marks)
    decorative_images(pdf)
    figure_boxes_in_points(document, pdf)
    margins_as_artifacts(document, pdf)
    join_fragments(pdf, origins)
    if "Outlines" in pdf.catalog:  # type: ignore[attr-defined]
        pdf.catalog["PageMode"] = "/UseOutlines"  # type: ignore[attr-defined]
    for page in document.pages:
        for _, _, _, box in page.links:
            annotation = getattr(box, "link_annotation", None)  # set as the page is written
            words = " ".join(without_breaks("".join(box.element.itertext())).split())
            if annotation is not None and "Contents" in annotation and words:
                annotation["Contents"].string = words
    annotations_in_links(document, pdf)
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
    serif, each element in another language than the report's tagged with it, as in the
    handouts (``label_language.py``); it may fetch nothing but the package's fonts."""
    fetcher = LocalFiles(ASSETS)
    fonts = FontConfiguration()
    stylesheet = CSS(
        string=_REPORT_FONTS, base_url=ASSETS.as_uri() + "/", url_fetcher=fetcher, font_config=fonts
    )
    with _collected_warnings(), _font_timestamps(None):
        source = HTML(string=html, url_fetcher=fetcher)
        document = source.render(stylesheets=[stylesheet], font_config=fonts)
        # WeasyPrint keeps the document's language alone: a bank's titles are in its own
        return bytes(document.write_pdf(pdf_tags=True, finisher=tag_label_language))


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
