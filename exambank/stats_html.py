"""The HTML report of ``exambank stats`` (and its PDF), with bar charts as inline SVG.

The page is self-contained: no script, no stylesheet or font to fetch, so it opens from
a CI artefact as it is, and WeasyPrint lays it out without touching the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sized

from exambank.builders.system_libraries import loading_weasyprint
from exambank.markdown import one_line, typeset
from exambank.model import LANGUAGE_PATTERN
from exambank.reporters.ci_log import markup_without_commands
from exambank.stats_model import BankStats, SectionStats
from exambank.stats_text import listed_counts, more_flagged, sentence
from exambank.stats_words import expected_count, expected_decimals, noun

_BAR = 18  # height of one bar, in px
_WIDTH = 620  # width of a whole chart
_FONT_SIZE = 13  # of the chart's text, in px
# A label's width is guessed, not measured: 0.6 em a character is as wide as DejaVu Sans
# sets lowercase names (the PDF's condensed face, and most readers' sans serifs, are
# narrower), so a label always fits the room made for it.
_CHAR = 0.6 * _FONT_SIZE
_LABEL_ROOM = 300  # the most a label column takes; longer labels are cut in the middle
_GAP = 6  # between a label and its bar
_WHOLE = 32  # an id this long or shorter is never broken across lines in a table
# A table of this many rows or fewer moves whole to the next page rather than split: a
# quarter of an A4 page, the ten worst questions and most banks' sections.
_SHORT_TABLE = 15
_FONTS = "Exambank Sans, sans-serif"  # the shipped font in the PDF, else the reader's
_BAR_COLOUR = "#4a78b0"
# The even-spread marker: dark dashes on a white halo, told apart from the bars by shape
# and lightness, not hue, so it shows in grayscale print and to a colour-blind reader.
# WCAG 1.4.11 asks 3:1 against what is next to it: #222 is 15.9:1 against its halo and the
# page, 3.5:1 (3.3:1 in gray) against the bars; the halo is 4.6:1 against the bars. The
# note names it by its shape.
_MARKER = (
    '<line x1="{x}" x2="{x}" y1="{y1}" y2="{y2}" stroke="#fff" stroke-width="4"/>'
    '<line x1="{x}" x2="{x}" y1="{y1}" y2="{y2}" stroke="#222" stroke-width="2" '
    'stroke-dasharray="3 2"/>'
)
_STYLE = """
body { font-family: "Exambank Sans", sans-serif; margin: 2em; color: #222; max-width: 60em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; } td, th { padding: 0.2em 0.8em; text-align: left; }
td.n, th.n { text-align: right; } tr:nth-child(even) { background: #f4f4f4; }
.whole { white-space: nowrap; }
.note { color: #555; } .unread { color: #a12; }
svg { max-width: 100%; height: auto; }
@media print {
  @page { size: A4; margin: 16mm 14mm;
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
                          font-family: "Exambank Sans", sans-serif; } }
  body { margin: 0; max-width: none; font-size: 10pt; }
  table { width: 100%; } tr { break-inside: avoid; } h1, h2 { break-after: avoid; }
  /* Each bank on a page of its own, so a trainer can hand its pages out apart. */
  h1 ~ h1 { break-before: page; }
  /* A table that runs on: its header on each page, and never one row alone under it, at
     the foot of a page or at the top of the next (WeasyPrint 70 keeps rows that avoid a
     break inside together, moving the table whole where the first two do not fit). */
  thead { display: table-header-group; }
  tbody tr:first-child { break-after: avoid; } tbody tr:last-child { break-before: avoid; }
  /* A short table is read at a glance: it moves whole to the next page, under its
     heading (which avoids a break after it), rather than leave a few rows at a page's
     foot; the note on the questions it leaves out goes with it. */
  table.short { break-inside: avoid; } table + p.note { break-before: avoid; }
}
"""


def escape(text: str) -> str:
    """``text`` as HTML, and kept from giving a CI runner a command when the page is
    printed into a log (``stats --format html`` on stdout): a bank's title may hold one."""
    return markup_without_commands(html.escape(text))


def render_html(stats: list[BankStats]) -> str:
    body = "\n".join(_bank_html(bank) for bank in stats) or "<p>No bank could be read.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(_page_title(stats))}</title><style>{_STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def write_pdf(html: str) -> bytes:
    """The report as PDF, set in the shipped fonts; nothing else is fetched."""
    with loading_weasyprint("write the report as HTML, which needs no Pango: --out stats.html"):
        from exambank.builders.render import render_report_pdf  # WeasyPrint: only when asked

    return render_report_pdf(html)


def _page_title(stats: list[BankStats]) -> str:
    """The page's (and the PDF's) title: what a tab, a file list or a reader shows. Its
    dash is the en dash ``typeset`` makes of a title's "--", as an English handout's title
    has, so a bank titled "A -- B" is not followed by an em dash."""
    if not stats:
        return "exambank statistics"
    more = f" and {len(stats) - 1} more" if len(stats) > 1 else ""
    return f"{one_line(typeset(stats[0].title))}{more} \u2013 statistics"


def _bank_html(bank: BankStats) -> str:
    keys, rate = bank.keys, bank.longest_key
    parts = [
        f"<h1{_lang(bank)}>{escape(typeset(bank.title))}</h1>",
        f"<p>{bank.questions} {noun(bank.questions, 'question')} in "
        f"{len(bank.sections)} {noun(len(bank.sections), 'section')}; "
        f"{bank.errors} {noun(bank.errors, 'error')} and "
        f"{bank.warnings} {noun(bank.warnings, 'warning')}. "
        f"Types: {escape(listed_counts(bank.types))}. "
        f"Difficulty: {escape(listed_counts(bank.difficulties))}.</p>",
        *(
            f'<p class="unread">{escape(unread.file)}: {escape(unread.describe())}.</p>'
            for unread in bank.unread
        ),
        *([f'<p class="note">Note: {escape(bank.not_run)}.</p>'] if bank.not_run else []),
        *(
            [f'<p class="note">Note: {escape(held)}.</p>']
            if (held := bank.baseline_sentence())
            else []
        ),
        "<h2>Key letters</h2>",
    ]
    if keys.questions:
        parts += [
            _bars(
                [(letter, count, keys.expected[letter]) for letter, count in keys.observed.items()],
                f"key letters of {keys.questions} {noun(keys.questions, 'single-answer question')}",
            ),
            f'<p class="note">{keys.questions} '
            f"{noun(keys.questions, 'single-answer question')}; the dashed line marks the count "
            f"an even spread would give, written after each count{_by_letter(keys.expected)}."
            "</p>"
            f"{_paragraph(keys.sentences())}",
            _paragraph(rate.sentences()),
            *([_paragraph(shortest)] if (shortest := rate.shortest_sentences()) else []),
            _paragraph([bank.answer_runs.describe()]),
        ]
        repeats = bank.answer_runs.repeats
        if repeats and (said := repeats.sentences()):
            parts.append(_paragraph(said))
    else:
        parts.append(_paragraph([keys.unanswered_sentence() or "no single-answer questions"]))
    if untested := bank.untested_keys():
        parts.append(_paragraph([untested]))
    parts += [
        "<h2>Findings per section, answer runs aside</h2>",
        _bars(
            [(section.id, section.total_findings, None) for section in bank.sections],
            "findings per section, answer runs aside",
        ),
        "<h2>Findings per rule</h2>",
        _bars(_rule_rows(bank), "findings per rule, answer runs counted once a run"),
        _sections_table(bank),
    ]
    if bank.worst:
        parts += [
            "<h2>Questions with the most findings, answer runs aside</h2>",
            _worst_table(bank),
        ]
        if more := more_flagged(bank):
            parts.append(f'<p class="note">\u2026 {more}.</p>')
    return "\n".join(parts)


def _lang(bank: BankStats) -> str:
    """The attribute that tells a screen reader the bank's titles are not in English, the
    report's language; nothing for an English bank, nor for a language that is no tag (lint
    reports it; an empty or wrong ``lang`` would mislead the reader)."""
    if bank.language.casefold() == "en" or not re.fullmatch(LANGUAGE_PATTERN, bank.language):
        return ""
    return f' lang="{escape(bank.language)}"'


def _paragraph(sentences: list[str]) -> str:
    return "<p>" + " ".join(f"{escape(sentence(said))}." for said in sentences) + "</p>"


def _bars(rows: list[tuple[str, int, float | None]], title: str) -> str:
    """A horizontal bar chart; a row's optional third value is drawn as a marker line.
    ``title`` names the chart; with each row's label and count, it is the chart's
    accessible name, so a screen reader reads the numbers, not a picture. It is as wide as
    the page allows, up to its own width: its viewBox scales it, text and all, to a narrow
    window or a zoomed page, by the rule in ``_STYLE`` (not a style attribute, with which
    WeasyPrint 70 draws it square). An A4 or Letter page leaves it its own width."""
    if not rows:
        return "<p>None.</p>"
    decimals = expected_decimals(expected for _, _, expected in rows if expected is not None)
    described = f"{title}: " + ", ".join(
        f"{label} {count}"
        + ("" if expected is None else f" (even: {expected_count(expected, decimals)})")
        for label, count, expected in rows
    )
    label_room = min(max(len(label) for label, _, _ in rows) * _CHAR, _LABEL_ROOM) + _GAP
    top = max(max(count, expected or 0) for _, count, expected in rows) or 1
    # Room after the longest bar for its number, and the expected count beside it.
    said = [f"{count}" + _expected(expected, decimals) for _, count, expected in rows]
    scale = (_WIDTH - label_room - max(map(len, said)) * _CHAR - 14) / top
    height = _BAR * len(rows) + 6
    items = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" '
        f'role="img" aria-label="{escape(described)}" '
        f'font-family="{_FONTS}" font-size="{_FONT_SIZE}"><title>{escape(described)}</title>'
    ]
    for row, ((label, count, expected), number) in enumerate(zip(rows, said, strict=True)):
        y = row * _BAR + 3
        items.append(
            f"<g><title>{escape(label)}: {count}</title>"
            f'<text x="{label_room - _GAP:.1f}" y="{y + 13}" text-anchor="end">'
            f"{escape(_fitted(label))}</text>"
            f'<rect x="{label_room:.1f}" y="{y + 2}" width="{count * scale:.1f}" '
            f'height="{_BAR - 5}" fill="{_BAR_COLOUR}"/>'
            f'<text x="{label_room + max(count, expected or 0) * scale + 4:.1f}" '
            f'y="{y + 13}">{number}</text>'
        )
        if expected is not None:
            x = f"{label_room + expected * scale:.1f}"
            items.append(_MARKER.format(x=x, y1=y, y2=y + _BAR))
        items.append("</g>")
    items.append("</svg>")
    return "".join(items)


def _by_letter(expected: dict[str, float]) -> str:
    """Why the marker moves from row to row, where it does: questions with different
    numbers of options expect different counts of their letters."""
    if len({round(count, 6) for count in expected.values()}) < 2:
        return ""
    return ", which differs by letter, as the questions have different numbers of options"


def _expected(expected: float | None, decimals: int) -> str:
    """What follows a bar's number: the count an even spread gives, where the chart marks
    one (the number sits past the marker, which it must not be read as)."""
    return "" if expected is None else f" (expected {expected_count(expected, decimals)})"


def _fitted(label: str) -> str:
    """``label`` cut in the middle to fit the label column: a bank's names often share
    their start or their end, so both are kept ("s00-radio-frequen…bility-regulations")."""
    room = int(_LABEL_ROOM / _CHAR)
    if len(label) <= room:
        return label
    head = room // 2
    return f"{label[:head]}\u2026{label[len(label) - (room - 1 - head) :]}"


def _rule_rows(bank: BankStats) -> list[tuple[str, int, float | None]]:
    """The findings per rule, most first, with ``answer-run`` counted once a run: it warns
    on every question of a run, so one cause (a key letter used too often) drawn per
    question would outweigh the finding that names it (review s24, psychometrics #9)."""
    rows: list[tuple[str, int, float | None]] = [
        ("answer-run (runs)", len(bank.answer_runs.runs), None)
        if rule == "answer-run"
        else (rule, count, None)
        for rule, count in bank.findings.items()
    ]
    return sorted(rows, key=lambda row: -row[1])


def _sections_table(bank: BankStats) -> str:
    rows = "".join(
        f"<tr><td>{_whole_if_short(section.id)}</td>{_title_and_count(bank, section)}"
        f'<td class="n">{_with_findings(section)}</td>'
        f'<td class="n">{section.total_findings}</td></tr>'
        for section in bank.sections
    )
    return (
        f"<h2>Sections</h2><table{_short(bank.sections)}><thead><tr><th>Section</th>"
        '<th>Title</th><th class="n">Questions</th><th class="n">With findings</th>'
        f'<th class="n">Findings</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _with_findings(section: SectionStats) -> str:
    """How many of a section's questions have findings, and what share of its questions
    ("14 (21%)"), so sections of different sizes compare; "?" for a file not read."""
    if section.questions_with_findings is None:
        return "?"
    share = section.flagged_share()
    return f"{section.questions_with_findings}" + (f"\u00a0({share})" if share else "")


def _title_and_count(bank: BankStats, section: SectionStats) -> str:
    """A section's title and count of questions; for a file lint could not read, why, and
    a count that is not known."""
    if section.title is None or section.questions is None:
        return f'<td class="unread">{escape(bank.not_read(section) or "")}</td><td class="n">?</td>'
    return (
        f"<td{_lang(bank)}>{escape(typeset(section.title))}</td>"
        f'<td class="n">{section.questions}</td>'
    )


def _worst_table(bank: BankStats) -> str:
    """Where each question is, as the bank's folder names it ("03-inference.yaml:42"); a
    line number never ends up alone, and rule names break only between names."""
    rows = "".join(
        f"<tr><td>{_whole_if_short(question.id)}</td>"
        f'<td>{escape(question.file)}<span class="whole">:{question.line}</span></td>'
        f'<td class="n">{question.total_findings}</td><td>'
        + ", ".join(
            f'<span class="whole">{escape(rule)}{_times(count)}</span>'
            for rule, count in question.rules.items()
        )
        + "</td></tr>"
        for question in bank.worst
    )
    return (
        f'<table{_short(bank.worst)}><thead><tr><th>Question</th><th>Where</th><th class="n">'
        f"Findings</th><th>Rules</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _short(rows: Sized) -> str:
    """The class that keeps a table of ``rows`` on one page, if it is short."""
    return ' class="short"' if len(rows) <= _SHORT_TABLE else ""


def _whole_if_short(text: str) -> str:
    """``text`` kept on one line if that leaves the table room on an A4 page; a longer
    one breaks at its hyphens where it must."""
    if len(text) > _WHOLE:
        return escape(text)
    return f'<span class="whole">{escape(text)}</span>'


def _times(count: int) -> str:
    return f"\u00a0\u00d7{count}" if count > 1 else ""
