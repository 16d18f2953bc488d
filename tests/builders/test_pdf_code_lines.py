"""A code line too long for the page wraps visibly continued: its further rows hang two
columns right of the line's own indentation, after a drawn "↪", in both editions and in
large print, while the PDF's text (what a copy or a search gets) stays the code as written."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import text_positions
from tests.conftest import QUESTION, section_yaml

LONG = 'print("a line of code far too long for the line of any page", ' + "1, " * 30 + "2)"
INDENTED = "    total = compute(" + ", ".join(f"argument_{n}={n}" for n in range(12)) + ")"
CODE = f"for item in items:\n{INDENTED}\n\n{LONG}\n    \tdone = True\n"
STEM = "stem: |\n  What does it print?\n\n  ```python\n" + "".join(
    f"  {line}\n" if line else "\n" for line in CODE.splitlines()
)
MONO_ADVANCE = 1233 / 2048  # DejaVu Sans Mono's advance (every character's), in em


def _question() -> str:
    return QUESTION.replace("stem: Which AWS service trains, tunes and deploys ML models?", STEM)


def test_each_line_of_a_code_block_is_a_block_carrying_its_indentation(make_bank):
    short, medium = "y = '" + "a" * 24 + "'", "z = '" + "b" * 40 + "'"  # 30 and 46 columns
    explanation = f"explanation: |\n  Two blocks:\n\n      {short}\n\n  And:\n\n      {medium}\n"
    question = _question().replace(
        "explanation: SageMaker covers the whole ML lifecycle.\n", explanation
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    html = handout_html(bank, "trainer", Settings()).replace("&#x27;", "'")
    block = html[html.index("<pre") : html.index("</pre>")]
    assert block == (
        '<pre><code class="language-python">'
        '<span class="code-line">for item in items:\n</span>'
        '<span class="code-line code-wraps" style="--indent: 4ch">'
        f'<span class="code-text">{INDENTED}</span>\n</span>'
        '<span class="code-line">\n</span>'
        '<span class="code-line code-wraps"><span class="code-text">'
        f"{LONG.replace(chr(34), '&quot;')}</span>\n</span>"
        # a tab runs to the next multiple of eight columns
        '<span class="code-line" style="--indent: 8ch">    \tdone = True\n</span></code>'
    )
    # A block whose lines are all too short to wrap stays as it was: up to 60 columns, in
    # large print up to 30
    assert f"<pre><code>{short}\n</code></pre>" in html
    assert f"<pre><code>{medium}\n</code></pre>" in html
    large = handout_html(bank, "trainer", Settings(large_print=True)).replace("&#x27;", "'")
    assert f"<pre><code>{short}\n</code></pre>" in large
    assert (
        f'<pre><code><span class="code-line code-wraps"><span class="code-text">{medium}' in large
    )


@pytest.mark.parametrize(("large_print", "size"), [(False, 8), (True, 14)])
def test_a_wrapped_code_line_hangs_its_rows_and_its_text_stays_the_code(
    make_bank, large_print, size
):
    bank = make_bank({"01-main.yaml": section_yaml(_question())})
    data = PdfBuilder().build(bank, Settings(large_print=large_print))[1].data  # trainer
    pages = [[(x, text) for x, _, text in runs] for runs in text_positions(data)]
    first = "for item in items:"
    page, left = next((n, x) for n, runs in enumerate(pages) for x, text in runs if text == first)
    runs = pages[page]
    column = size * MONO_ADVANCE

    def rows(line: str) -> list[tuple[float, str]]:
        """The runs a source line prints as, in order: its first row starts the line."""
        first = next(index for index, (_, text) in enumerate(runs) if line.startswith(text))
        found, printed = [runs[first]], runs[first][1]
        while len(printed.rstrip()) < len(line.rstrip()):
            found.append(runs[first + len(found)])
            printed += found[-1][1]
        return found

    for line, hang in ((LONG, 2), (INDENTED, 4 + 2)):
        first, *continued = rows(line)
        assert continued, line  # it did wrap
        assert abs(first[0] - left) < 0.1
        for x, _ in continued:  # each further row: the indentation and two columns in
            assert abs(x - left - hang * column) < 0.1, (line, x, left)
    text = PdfReader(io.BytesIO(data)).pages[page].extract_text()
    assert "\u21aa" not in text  # the mark is drawn, not text
    assert "for item in items:\n" in text
    # the rows of a wrapped line are its words as written, nothing added between them
    assert "".join(text for _, text in rows(LONG)) == LONG
    # the mark is drawn: a pattern of the code block's (the page has no other)
    assert PdfReader(io.BytesIO(data)).pages[page]["/Resources"].get("/Pattern")
