"""The HTML report of ``exambank stats`` (and its PDF), with bar charts as inline SVG.

The page is self-contained: no script, no stylesheet or font to fetch, so it opens from
a CI artefact as it is, and WeasyPrint lays it out without touching the network.
"""

from __future__ import annotations

from html import escape

from exambank.markdown import typeset
from exambank.stats import BankStats, listed_counts, noun

_BAR = 18  # height of one bar, in px
_LABEL = 230  # width of the label column
_WIDTH = 620  # width of a whole chart
_FONTS = "Exambank Sans, sans-serif"  # the shipped font in the PDF, else the reader's
_STYLE = """
body { font-family: "Exambank Sans", sans-serif; margin: 2em; color: #222; max-width: 60em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; } td, th { padding: 0.2em 0.8em; text-align: left; }
td.n { text-align: right; } tr:nth-child(even) { background: #f4f4f4; }
.note { color: #555; }
@media print {
  @page { size: A4; margin: 16mm 14mm;
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
                          font-family: "Exambank Sans", sans-serif; } }
  body { margin: 0; max-width: none; font-size: 10pt; }
  table { width: 100%; } tr { break-inside: avoid; } h2 { break-after: avoid; }
}
"""


def render_html(stats: list[BankStats]) -> str:
    body = "\n".join(_bank_html(bank) for bank in stats) or "<p>No bank could be read.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>exambank stats</title><style>{_STYLE}</style></head>\n<body>\n{body}\n"
        "</body></html>\n"
    )


def write_pdf(html: str) -> bytes:
    """The report as PDF, set in the shipped fonts; nothing else is fetched."""
    from exambank.builders.render import render_report_pdf  # WeasyPrint: only when asked

    return render_report_pdf(html)


def _bank_html(bank: BankStats) -> str:
    keys, rate = bank.keys, bank.longest_key
    single = sum(keys.observed.values())
    parts = [
        f"<h1>{escape(typeset(bank.title))}</h1>",
        f"<p>{bank.questions} {noun(bank.questions, 'question')} in "
        f"{len(bank.sections)} {noun(len(bank.sections), 'section')}; "
        f"{bank.errors} {noun(bank.errors, 'error')} and "
        f"{bank.warnings} {noun(bank.warnings, 'warning')}. "
        f"Types: {escape(listed_counts(bank.types))}. "
        f"Difficulty: {escape(listed_counts(bank.difficulties))}.</p>",
        "<h2>Key letters</h2>",
        _bars(
            [(letter, count, keys.expected[letter]) for letter, count in keys.observed.items()],
            "single-answer questions whose key is this letter; the line marks an even spread",
        ),
        (
            f'<p class="note">{single} single-answer questions; the red line marks the '
            f"count an even spread would give; chi-square p = {keys.p_value:.2g}.</p>"
            if single
            else "<p>No single-answer questions.</p>"
        ),
    ]
    if rate.questions:
        parts.append(
            f"<p>The key is the longest option in {rate.longest} of {rate.questions} questions "
            f"({rate.longest / rate.questions:.0%}); chance gives {rate.chance:.1f} "
            f"({rate.chance / rate.questions:.0%}); binomial p = {rate.p_value:.2g}.</p>"
        )
    parts.append("<h2>Findings per section</h2>")
    parts.append(
        _bars(
            [(section.id, section.total_findings, None) for section in bank.sections],
            "findings in each section's file",
        )
    )
    parts.append("<h2>Findings per rule</h2>")
    parts.append(_bars([(rule, count, None) for rule, count in bank.findings.items()], "findings"))
    parts.append(_sections_table(bank))
    if bank.worst:
        parts.append("<h2>Questions with the most findings</h2>")
        parts.append(_worst_table(bank))
    return "\n".join(parts)


def _bars(rows: list[tuple[str, int, float | None]], title: str) -> str:
    """A horizontal bar chart; a row's optional third value is drawn as a marker line."""
    if not rows:
        return "<p>None.</p>"
    top = max(max(count, expected or 0) for _, count, expected in rows) or 1
    scale = (_WIDTH - _LABEL - 50) / top
    height = _BAR * len(rows) + 6
    items = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'role="img" font-family="{_FONTS}" font-size="13"><title>{escape(title)}</title>'
    ]
    for row, (label, count, expected) in enumerate(rows):
        y = row * _BAR + 3
        items.append(
            f'<text x="{_LABEL - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{_LABEL}" y="{y + 2}" width="{count * scale:.1f}" height="{_BAR - 5}" '
            f'fill="#4a78b0"/><text x="{_LABEL + max(count, expected or 0) * scale + 4:.1f}" '
            f'y="{y + 13}">{count}</text>'
        )
        if expected is not None:
            x = _LABEL + expected * scale
            items.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + _BAR}" stroke="#c0392b" '
                'stroke-width="2"/>'
            )
    items.append("</svg>")
    return "".join(items)


def _sections_table(bank: BankStats) -> str:
    rows = "".join(
        f"<tr><td>{escape(section.id)}</td><td>{escape(typeset(section.title))}</td>"
        f'<td class="n">{section.questions}</td><td class="n">{section.total_findings}</td></tr>'
        for section in bank.sections
    )
    return (
        "<h2>Sections</h2><table><tr><th>Section</th><th>Title</th><th>Questions</th>"
        f"<th>Findings</th></tr>{rows}</table>"
    )


def _worst_table(bank: BankStats) -> str:
    rows = "".join(
        f"<tr><td>{escape(question.id)}</td><td>{escape(question.path)}:{question.line}</td>"
        f'<td class="n">{len(question.rules)}</td>'
        f"<td>{escape(', '.join(sorted(set(question.rules))))}</td></tr>"
        for question in bank.worst
    )
    return (
        "<table><tr><th>Question</th><th>Where</th><th>Findings</th><th>Rules</th></tr>"
        f"{rows}</table>"
    )
