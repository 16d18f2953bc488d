"""`exambank build --large-print-size PT` and ``large-print-size`` in the config: large
print of 17 to 24 pt, for a reader who needs more than UKAAF's least (review s27, finding
5). Everything large print sizes from its body grows with it: the header and footer, the
columns beside questions and options, images, and the width at which a table prints as
records; nothing falls below its floor (3/4 of the body: a question's id)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from weasyprint.formatting_structure.boxes import MarginBox

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.code_lines import code_lines
from exambank.builders.glyphs import text_width
from exambank.builders.handout import handout_html
from exambank.builders.handout_layout import lay_out
from exambank.builders.labels import LABELS
from exambank.builders.large_print_tables import wide_tables_as_records
from exambank.builders.page_footer import PageFooter
from exambank.builders.pdf import PdfBuilder
from exambank.builders.running_head import RunningHead
from exambank.cli import main
from tests.builders.chosen_settings import build_recording_settings
from tests.builders.test_large_print import EXTRA, LONG, printed_sizes, sizes_and_fonts
from tests.builders.test_pdf_layout import MM, image_boxes, text_positions
from tests.conftest import QUESTION, section_yaml, write_bank


def eighteen() -> Settings:
    return Settings(large_print=True, large_print_size=18)


def test_large_print_of_18_pt_sets_its_body_at_18_pt_and_nothing_below_its_floor(
    make_bank: Callable[..., Bank],
) -> None:
    bank = make_bank({"01-main.yaml": section_yaml(LONG, extra=EXTRA)})
    trainer = PdfBuilder().build(bank, eighteen())[1].data
    sizes, _ = sizes_and_fonts(trainer)
    assert sizes.most_common(1)[0][0] == 18.0, sizes  # the body, its table too
    assert min(sizes) >= 13.5, sizes  # a question's id: 3/4 of the body, 12 pt at 16 pt
    # the running header and footer, page numbers included: 14 pt at 16 pt, 7/8 of the body
    header = [size for text, size in printed_sizes(trainer) if text.strip().startswith("Page ")]
    assert header and {round(size, 2) for size in header} == {15.75}, header
    assert [size for text, size in printed_sizes(trainer) if "Costs" in text] == [18.0]


def test_large_print_of_18_pt_widens_the_columns_beside_the_questions_and_options(
    make_bank: Callable[..., Bank],
) -> None:
    """The columns that hold a question's number and an option's letter grow with the body:
    the number's 13 mm at 16 pt is 14.6 mm at 18, the letter's 11 mm (its circle 8.2 mm)
    12.4 mm (its circle 9.2 mm)."""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    for size in (16, 18):
        student = PdfBuilder().build(bank, Settings(large_print=True, large_print_size=size))
        runs = [run for page in text_positions(student[0].data) for run in page]
        [stem] = [x for x, _, text in runs if text.startswith("Which AWS service")]
        [option] = [x for x, _, text in runs if text.startswith("AWS Lambda")]
        assert stem - 22 * MM == pytest.approx(13 * MM * size / 16, abs=0.1)  # page's margin
        assert option - stem == pytest.approx(11 * MM * size / 16, abs=0.1)


def test_large_print_of_18_pt_enlarges_images_18_over_9_5_times(
    make_bank: Callable[..., Bank],
) -> None:
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    question = QUESTION.replace(stem, f"{stem} ![A chart](chart.png)")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    Image.new("RGB", (200, 100), "red").save(bank.root / "chart.png")
    widths = [
        right - left
        for settings in (Settings(), eighteen())
        for _, left, _, right, _ in image_boxes(PdfBuilder().build(bank, settings)[0].data)
    ]
    assert widths == pytest.approx([200 * 0.75, 200 * 0.75 * 18 / 9.5], rel=0.01)


def test_a_table_that_fits_at_16_pt_prints_as_records_at_18_pt() -> None:
    # one line of its cells: 432 pt at 16 pt, within the 476 pt of A4's text; 483 pt at 18
    table = (
        "<table><tr><th>Service</th><th>Latency</th><th>Payload</th></tr>"
        "<tr><td>Real-Time Inference</td><td>Low (milliseconds)</td><td>Up to 60 MB</td></tr>"
        "</table>"
    )
    assert wide_tables_as_records(table, "a4", 16) == table
    assert wide_tables_as_records(table, "a4", 18).startswith('<div class="records">')


def test_code_marks_where_it_wraps_in_fewer_columns_as_large_print_grows() -> None:
    # a list in an option holds 44 columns at 16 pt, about 39 at 18: the mark from 27 on
    block = "<pre><code>" + "x" * 28 + "\n</code></pre>"
    assert code_lines(block, True, 16) == block
    assert "code-wraps" in code_lines(block, True, 18)


@pytest.mark.parametrize(
    ("table", "flags", "chosen"),
    [
        ("", ["--large-print"], (True, 16)),
        ("", ["--large-print-size", "18"], (True, 18)),  # it implies --large-print
        ("large-print-size = 18", ["--large-print"], (True, 18)),
        ("large-print-size = 18", ["--large-print-size", "17"], (True, 17)),  # the flag wins
        ("large-print-size = 18", [], (False, 18)),  # the size of large print, not a switch
        ("", ["--large-print-size", "19"], (True, 19)),  # modified large print: 20 to 24 pt
        ("", ["--large-print-size", "24"], (True, 24)),
        ("large-print-size = 22", ["--large-print"], (True, 22)),
    ],
)
def test_large_print_size_comes_from_the_config_unless_the_command_line_says(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    flags: list[str],
    chosen: tuple[bool, int],
) -> None:
    # --large-print takes no value: the bank after it is still the bank
    status, asked, _ = build_recording_settings(tmp_path, monkeypatch, table, flags)
    assert status == 0
    built = [(settings.large_print, settings.large_print_size) for settings in asked]
    assert built == [chosen, chosen]


@pytest.mark.parametrize("size", ["15", "25", "17.5", "18pt", "large"])
def test_a_large_print_size_out_of_range_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str
) -> None:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    with pytest.raises(SystemExit) as exit_status:
        main(["build", str(bank), "--large-print-size", size, "--out", str(tmp_path / "dist")])
    assert exit_status.value.code == 2
    assert (
        f"argument --large-print-size: a whole number of points from 16 to 24, not '{size}'"
        in capsys.readouterr().err
    )
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(
    ("language", "size"), [("en", 16), ("en", 18), ("en", 20), ("en", 24), ("de", 18), ("ru", 24)]
)
def test_the_page_number_s_box_holds_a_page_count_of_three_digits(
    make_bank: Callable[..., Bank], language: str, size: int
) -> None:
    # "Page 110 of 118" at 20 pt wrapped in a quarter of the line, its "118" alone below,
    # and "Seite 100 von 104" at 18 pt, its "104"
    manifest = f"id: test-bank\ntitle: Test bank\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    settings = Settings(large_print=True, large_print_size=size)
    html = handout_html(bank, "student", settings)
    footer = PageFooter.of(bank, "student", settings).stylesheet(3)
    page = lay_out(html, bank.root, settings, {}, footer)[1].pages[1]._page_box
    boxes = {box.at_keyword: box for box in page.children if isinstance(box, MarginBox)}
    left, right = boxes["@bottom-left"], boxes["@bottom-right"]
    page_words = LABELS[language].page.format(page=888, pages=888)
    words = text_width(page_words, RunningHead.FONT, 14 * size / 16) * 96 / 72  # px
    assert right.width >= words
    assert left.position_x + left.margin_width() <= right.position_x + 0.01  # side by side
    if language == "en" and size == 16:  # a quarter of the line, as it was
        assert right.width == pytest.approx((210 - 42) * 96 / 25.4 / 4)
