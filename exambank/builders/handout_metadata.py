"""What a handout's PDF says about itself: the title a viewer shows, the subject, the
generator and the dates, as HTML ``<head>`` elements WeasyPrint writes into the info
dictionary and the XMP metadata (``render.py`` completes the XMP)."""

from __future__ import annotations

from datetime import datetime
from html import escape

from exambank.bank import Bank
from exambank.builders.labels import Labels
from exambank.markdown import one_line, typeset


def metadata_html(
    bank: Bank, edition_words: str, build_date: datetime | None, labels: Labels, grouped: bool
) -> str:
    """The ``<title>`` and ``<meta>`` elements. The title names the edition: a viewer shows
    it, and a screen reader announces it, in place of the file's name. It joins the bank's
    title and the edition's words with the dash those words use (an en dash in English, an
    em dash in French), so one dash style runs through it, not an en dash then an em dash.
    The exam the bank prepares for is the PDF's subject (``/Subject``, and in the XMP
    ``dc:description``, as XMP maps it)."""
    dash = "\u2014" if "\u2014" in labels.trainer_edition else "\u2013"
    title = f"{one_line(typeset(bank.manifest.title, grouped))} {dash} {edition_words}"
    parts = [f"<title>{escape(title)}</title>\n", '<meta name="generator" content="exambank">\n']
    exam = bank.manifest.exam
    if exam and exam.strip():
        # render.py keeps the XMP well-formed
        subject = one_line(typeset(" ".join(exam.split()), grouped))
        parts.append(f'<meta name="description" content="{escape(subject)}">\n')
    if build_date is not None:
        stamp = build_date.strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(f'<meta name="dcterms.created" content="{stamp}">\n')
        parts.append(f'<meta name="dcterms.modified" content="{stamp}">\n')
    return "".join(parts)
