"""The contents as a reader follows them: an entry's "questions 16-20" (an en dash) never
split across lines, and dots (about eight at least) leading from the end of its words to its
page number, however long its title, never a dot or two. Large print, whose lines hold the
fewest words, is where a long title meets its number."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PageObject, PdfReader

from exambank.builders import Settings
from exambank.builders.glyphs import text_width
from exambank.builders.handout import handout_html
from exambank.builders.render import render_pdf
from tests.conftest import QUESTION, section_yaml

TITLE = "Human Feedback \u2013 SageMaker Ground Truth and its labelling workforce"
# From the words to the page number, in em: 25 pt at 10.5 pt of dots, about eight, and the
# page number's own 0.57 em (handout.css), less a little for kerning
LEADER = 2.38 + 0.57 - 0.05


def _bank(make_bank):  # type: ignore[no-untyped-def]
    """Sixteen sections of two questions, each title a letter longer than the one before:
    between them they end at every point of a large-print line near its page number, on A4
    and on Letter, from a line with room to spare to one whose range wraps."""
    sections = {}
    for number in range(16):
        questions = [QUESTION.replace("id: q1", f"id: q{number}-{n}") for n in (1, 2)]
        section = section_yaml(*questions, section_id=f"s{number}")
        sections[f"{number:02}-s{number}.yaml"] = section.replace(
            "title: Main", f"title: {TITLE[: 32 + number]}"
        )
    return make_bank(sections)


Run = tuple[int, float, float, str, float, str]


def _contents_runs(make_bank, paper: str) -> list[Run]:  # type: ignore[no-untyped-def]
    """The contents' text runs: page, left, baseline, text, size in points and font file."""
    bank = _bank(make_bank)
    html = handout_html(bank, "student", Settings(paper=paper, large_print=True))
    # The sections' questions cost the layout time and change no page the contents give
    html = re.sub(r'<article class="question".*?</article>', "", html, flags=re.DOTALL)
    data, _ = render_pdf(html, bank.root, Settings(paper=paper, large_print=True))
    found: list[Run] = []
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages[1:], start=1):
        if page.extract_text().startswith("Section 1"):
            break
        found.extend((index, *run) for run in _runs(page))
    return found


def _runs(page: PageObject) -> list[tuple[float, float, str, float, str]]:
    """A page's text runs: left, baseline, text, size in points and font file."""
    found = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and isinstance(font, dict):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            bold = "Bold" in str(font.get("/BaseFont"))
            face = "DejaVuSansCondensed-Bold.ttf" if bold else "DejaVuSansCondensed.ttf"
            found.append((x, y, text, size * abs(tm[3]) * abs(cm[3]), face))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_contents_keep_each_range_whole_and_lead_to_each_page_with_dots(make_bank, paper):
    runs = _contents_runs(make_bank, paper)
    spans = [run[3].strip() for run in runs if run[3].startswith("question")]
    assert len(spans) == 16
    assert all(re.fullmatch(r"questions \d+\u2013\d+", span) for span in spans), spans
    numbers = [run for run in runs if run[3].strip().isdigit() and run[1] > 300]
    assert len(numbers) == 17  # sixteen sections and the answer key
    for page, page_x, baseline, number, size, _ in numbers:
        line = [run for run in runs if run[0] == page and abs(run[2] - baseline) < 3]
        _, x, _, text, text_size, face = max(run for run in line if run[1] < page_x)
        end = x + text_width(text.rstrip(), face, text_size)  # of the words before the dots
        assert page_x - end >= LEADER * size, (number, text, (page_x - end) / size)
