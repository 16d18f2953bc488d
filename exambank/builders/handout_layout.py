"""A handout laid out in pages by WeasyPrint with its stylesheets, and laid out again until
its questions fit their pages (``question_fit.py``), its long identifiers their lines
(``identifier_fit.py``) and its footer its page count (``page_footer.py``). ``render.py``
writes the last layout as the PDF.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from exambank.builders.base import Settings
from exambank.builders.identifier_fit import overflowing_identifiers, wrapping_stylesheet
from exambank.builders.large_print_images import ImageSizes
from exambank.builders.local_files import LocalFiles
from exambank.builders.page_footer import PageFooter
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
from exambank.builders.stranded_numbers import numbers_stylesheet, stranded_numbers
from exambank.builders.student_pages import runs_over
from exambank.config import LARGE_PRINT_SIZE

ASSETS = Path(__file__).parent
STYLESHEET = ASSETS / "handout.css"
LARGE_PRINT = ASSETS / "large-print.css"  # on top of it, with ``--large-print``
RUN_ON_SECTIONS = ASSETS / "run-on-sections.css"  # on top of both, with ``--sections run-on``


def fitted_layout(
    html: str,
    root: Path,
    settings: Settings,
    images: ImageSizes,
    floors: dict[str, dict[str, float]] | None,
    logged: list[str] | None = None,
    footer: PageFooter | None = None,
) -> tuple[LocalFiles, Document, dict[str, float]]:
    """``html`` laid out (``lay_out``), and again with the caps that fit its questions on
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
    fetcher, document = lay_out(html, root, settings, caps, extra + _room(footer, digits))
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
        fetcher, document = lay_out(html, root, settings, caps, extra + footing)
    room = _room(footer, digits)
    given_back = _given_back(footer, digits, document)
    if given_back is not None:
        del document
        _before_layout(logged)
        lowered, room = False, _room(given_back, digits)  # as no question ran over
        fetcher, document = lay_out(html, root, settings, caps, extra + room)
        # More room may part a question from its heading, or break one (not seen so far):
        # then the layout that kept the line, as it was
        if runs_over(document) or image_caps(document, caps, floors) != caps:
            del document
            _before_layout(logged)
            lowered, room = lets_break(caps), _room(footer, digits)
            footing = room + _under_continued(lowered)
            fetcher, document = lay_out(html, root, settings, caps, extra + footing)
    if runs_over(document) == lowered:
        return fetcher, document, caps
    # A question let break fits after all, or one breaks that none was let: the footer
    # where its pages need it (which takes no room from the text: the margin is the same)
    del document
    _before_layout(logged)
    footing = room + _under_continued(not lowered)
    fetcher, document = lay_out(html, root, settings, caps, extra + footing)
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


def lay_out(
    html: str, root: Path, settings: Settings, caps: dict[str, float], enlarged: str
) -> tuple[LocalFiles, Document]:
    """``html`` laid out in pages, its images as wide as ``enlarged`` says (CSS, with the
    identifiers that wrap: ``identifier_fit.py``) and each
    question's capped as ``caps`` says, and the fetcher that served it, which knows what
    it refused."""
    fetcher = bank_fetcher(root)
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
    source = HTML(string=html, base_url=base_url(root), url_fetcher=fetcher)
    # Presentational hints number a list that starts at 3 (``<ol start="3">``) from 3:
    # they are off by default, and Markdown's HTML holds no other attribute they read.
    document = source.render(stylesheets=stylesheets, font_config=fonts, presentational_hints=True)
    # The layout leaves more objects unreachable than the pages it keeps (its context,
    # the box tree, each pagination pass), in reference cycles Python frees only later:
    # freed now, their memory serves the PDF's writing instead of new memory (906
    # questions: a trainer edition's peak 828 -> 655 MiB, for 3 to 4 s more processor time)
    gc.collect()
    return fetcher, document


def bank_fetcher(root: Path) -> LocalFiles:
    """A fetcher for a handout of the bank at ``root``: its files and the package's fonts."""
    return LocalFiles(root, ASSETS, bank=root)


def base_url(root: Path) -> str:
    return root.resolve().as_uri() + "/"
