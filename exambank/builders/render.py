"""HTML to PDF through WeasyPrint, for the handouts and the stats report.

Both PDFs are tagged: WeasyPrint builds their structure tree from the HTML's elements, so a
screen reader reads headings, lists, tables and links as such and in order, and it marks the
PDF as tagged, in the document's language, showing its title (``MarkInfo``, ``Lang``,
``DisplayDocTitle``). The running header and footer stay out of the tree, marked as the
page's header and footer (``margin_artifacts.py``), and an element that runs over a page is
one element in it (``page_fragments.py``).

Handout HTML comes from ``handout.py``, styled by ``handout.css`` and laid out by
``handout_layout.py``. A source can never make the build fetch anything, nor a small image
make it take minutes and gigabytes: WeasyPrint reads through ``LocalFiles``
(``local_files.py``), which serves only the bank's image files and this package's fonts,
each image measured first.
"""

from __future__ import annotations

import copy
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
from exambank.builders.handout_layout import ASSETS, bank_fetcher, base_url, fitted_layout
from exambank.builders.hyphenated_words import whole_hyphenated_words
from exambank.builders.identifier_fit import numbered_identifiers, whole_bookmarks, without_breaks
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
from exambank.builders.question_headings import name_question_headings
from exambank.builders.split_questions import split_questions
from exambank.builders.student_pages import question_pages

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
            images = measured_images(html, base_url(root), bank_fetcher(root), settings.paper, size)
            if images.standard:  # none prints smaller than in the standard edition
                standard = replace(settings, large_print=False)
                floors = images.floors(fitted_layout(html, root, standard, images, None)[1])
            html = wide_tables_as_records(html, settings.paper, size)
            logged.clear()  # what the handout's layout logs is what the PDF shows
        fetcher, document, caps = fitted_layout(
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
