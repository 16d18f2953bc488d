"""The stats report's charts read without colour: the even-spread marker stands out from
the bars in grayscale too and is named by its shape; on screen a chart shrinks with the
window, and in the PDF it keeps its size."""

import io
import re

from exambank.cli import main
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import section_yaml, write_bank
from tests.rules.item_writing import question


def keyed_page(tmp_path) -> str:
    questions = [question(f"q{n}", answer=key) for n, key in enumerate("ABBB", start=1)]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    return render_html(bank_stats(lint([root])))


def luminance(colour: str) -> float:
    """WCAG's relative luminance of "#rgb" or "#rrggbb"."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def gray(colour: str) -> str:
    """``colour`` as a grayscale print gives it (ITU-R BT.601 luma)."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return "#" + f"{round(0.299 * red + 0.587 * green + 0.114 * blue):02x}" * 3


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_marker_has_3_to_1_against_bars_and_page_in_colour_and_in_gray(tmp_path):
    chart = keyed_page(tmp_path).split("</svg>", 1)[0]
    (bar,) = set(re.findall(r'<rect [^>]*fill="(#[0-9a-f]+)"', chart))
    markers = re.findall(r"<line [^>]*/>", chart)
    assert len(markers) == 2 * 4  # a halo and a line on each of the 4 letters' rows
    halo, line = (re.search(r'stroke="(#[0-9a-f]+)"', marker)[1] for marker in markers[:2])
    assert "stroke-dasharray" in markers[1]  # told apart by its shape, not its hue
    for shade in (lambda colour: colour, gray):
        for neighbour in (bar, halo, "#ffffff"):
            assert contrast(shade(line), shade(neighbour)) >= 3, (line, neighbour)
        assert contrast(shade(halo), shade(bar)) >= 3


def test_the_note_names_the_marker_by_its_shape_not_its_colour(tmp_path):
    page = keyed_page(tmp_path)
    assert "the dashed line marks the count an even spread would give, written after" in page
    assert "red" not in page


def test_a_chart_scales_to_a_narrow_window(tmp_path):
    page = keyed_page(tmp_path)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    sizes = re.findall(r'<svg [^>]*width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"', page)
    assert len(sizes) == 3 and all(size[:2] == size[2:] for size in sizes)
    assert "svg { max-width: 100%; height: auto; }" in page


def figure_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """The width and height of each Figure of the PDF's tag tree, in CSS px as WeasyPrint
    writes its BBox."""
    from pypdf import PdfReader

    boxes = []
    pending = [PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]]
    while pending:
        node = pending.pop()
        kids = node.get("/K", []) if hasattr(node, "get") else []
        pending.extend(kid.get_object() for kid in (kids if isinstance(kids, list) else [kids]))
        if hasattr(node, "get") and node.get("/S") == "/Figure":
            left, bottom, right, top = (float(value) for value in node["/A"]["/BBox"])
            boxes.append((round(right - left, 1), round(abs(top - bottom), 1)))
    return boxes


def test_in_the_pdf_a_chart_keeps_its_size(tmp_path):
    page = keyed_page(tmp_path)
    out = tmp_path / "report.pdf"
    assert main(["stats", str(tmp_path / "bank"), "--format", "html", "--out", str(out)]) == 0
    sizes = re.findall(r'<svg [^>]*width="(\d+)" height="(\d+)"', page)
    assert len(sizes) == 3
    expected = sorted((float(width), float(height)) for width, height in sizes)
    assert sorted(figure_boxes(out.read_bytes())) == expected


def test_each_count_is_written_with_the_count_an_even_spread_gives(tmp_path):
    """Review s24 (psychometrics) #9: a count below its even spread is written past the
    marker, where it read as the marker's own value; it now says which is which."""
    due = "(expected 1.0)"
    assert counts_written(keyed_page(tmp_path)) == [f"1 {due}", f"3 {due}", f"0 {due}", f"0 {due}"]


def counts_written(page: str) -> list[str]:
    """What the key letters' chart writes after each bar."""
    chart = page.split("</svg>", 1)[0]
    return re.findall(r"<text x=\"[\d.]+\" y=\"\d+\">([^<]*)</text>", chart)


def test_one_chart_writes_its_expected_counts_to_one_precision(tmp_path):
    """Review s34 #4: "expected 1.8" beside "expected 1.25" in one chart. Where a letter
    expects less than one key (pooled, it must not read "1.0"; review s24 #10), every
    count is written to two decimals; else all to one."""
    four = [question(f"q{n}", answer=key) for n, key in enumerate("ABABABAB", start=1)]
    five = question("q9", options={x: f"option {x}" for x in "ABCDE"}, answer="A")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*four, five)})
    text = render_text(bank_stats(lint([root])))
    assert (
        "  A     5  (expected 2.20)\n  B     4  (expected 2.20)\n  C     0  (expected 2.20)\n"
        "  D     0  (expected 2.20)\n  E     0  (expected 0.20)\n" in text
    )
    assert counts_written(render_html(bank_stats(lint([root])))) == [
        "5 (expected 2.20)",
        "4 (expected 2.20)",
        "0 (expected 2.20)",
        "0 (expected 2.20)",
        "0 (expected 0.20)",
    ]
    two = question("q9", options={"A": "Amazon S3", "B": "AWS Lambda"}, answer="A")
    root = write_bank(tmp_path / "two", {"01-main.yaml": section_yaml(*four[:4], two)})
    assert (
        "  A     3  (expected 1.5)\n  B     2  (expected 1.5)\n  C     0  (expected 1.0)\n"
        "  D     0  (expected 1.0)\n" in render_text(bank_stats(lint([root])))
    )


def test_the_note_says_why_the_marker_moves_where_option_counts_differ(tmp_path):
    four = question("q1")
    two = question("q2", options={"A": "Yes, always", "B": "No, never"})
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(four, two)})
    assert "which differs by letter" in render_html(bank_stats(lint([root])))
    assert "which differs by letter" not in keyed_page(tmp_path / "even")
