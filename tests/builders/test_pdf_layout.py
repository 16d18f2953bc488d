"""The handouts' layout where a reader would notice it, read back from the PDF with where each
text run and image is drawn (pypdf), or from the HTML the builder hands WeasyPrint."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.pdf import PdfBuilder
from exambank.builders.render import render_pdf
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

SEVEN_OPTIONS = QUESTION.replace(
    "  D: Amazon Bedrock\n",
    "  D: Amazon Bedrock\n  E: Amazon S3\n  F: AWS Glue\n  G: Amazon Athena\n",
)


def pages(data: bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def layout(data: bytes, page: int) -> list[str]:
    """One page's lines as laid out, spaces standing for the distance from the left edge."""
    text = PdfReader(io.BytesIO(data)).pages[page].extract_text(extraction_mode="layout")
    return [line for line in text.splitlines() if line.strip()]


MM = 72 / 25.4  # points
HEADER = 297 * MM - 24 * MM  # text above this line on an A4 page is the running header
Matrix = tuple[float, float, float, float, float, float]


def _times(first: Matrix, then: Matrix) -> Matrix:
    """The PDF matrix product ``first`` x ``then`` (``cm`` prepends to the current matrix)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def image_boxes(data: bytes) -> list[tuple[int, float, float, float, float]]:
    """Where each image is drawn: page index, then left, bottom, right, top in points."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for index, page in enumerate(reader.pages):
        matrix: Matrix = (1, 0, 0, 1, 0, 0)
        saved: list[Matrix] = []
        xobjects = page["/Resources"].get("/XObject") or {}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(matrix)
            elif operator == b"Q":
                matrix = saved.pop()
            elif operator == b"cm":
                matrix = _times(tuple(float(x) for x in operands), matrix)
            elif operator == b"Do" and xobjects[operands[0]]["/Subtype"] == "/Image":
                a, b, c, d, e, f = matrix
                xs, ys = (e, e + a + c), (f, f + b + d)
                found.append((index, min(xs), min(ys), max(xs), max(ys)))
    return found


def text_positions(data: bytes) -> list[list[tuple[float, float, str]]]:
    """Each page's text runs: the left and baseline point they start at, in points, and text."""
    found: list[list[tuple[float, float, str]]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = tm[4], tm[5]
            found[-1].append((x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5], text))

    for page in PdfReader(io.BytesIO(data)).pages:
        found.append([])
        page.extract_text(visitor_text=visit)
    return found


def test_a_wrapping_answer_key_entry_continues_under_its_letters(make_bank):
    # sixteen letters: fewer fit the two columns an answer of four letters or more takes
    letters = "ABCDEFGHIJKLMNOP"
    options = "".join(f"  {letter}: Option {letter}\n" for letter in letters)
    question = QUESTION.replace(
        QUESTION[QUESTION.index("  A:") : QUESTION.index("answer")], options
    )
    question = question.replace("answer: A", f"type: multiple\nanswer: [{', '.join(letters)}]")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    lines = layout(PdfBuilder().build(bank, Settings())[0].data, -1)
    (first,) = [index for index, line in enumerate(lines) if line.lstrip().startswith("1 ")]
    letters = lines[first].index("A, B")
    continued = lines[first + 1]
    assert continued.strip().endswith("P"), lines  # the key did wrap
    assert len(continued) - len(continued.lstrip()) == letters, lines


def test_a_leading_hash_or_a_row_of_dashes_in_a_question_is_text_but_notes_keep_their_headings(
    make_bank,
):
    question = (
        QUESTION.replace("stem: Which", "stem: '# Which")
        .replace("models?", "models?'")
        .replace("  B: AWS Lambda", "  B: {text: '# is a control character', feedback: '# too'}")
        .replace("  C: Amazon EC2", "  C: '-----'")
        .replace("explanation: SageMaker", "explanation: |-\n  SageMaker\n  ===\n ")
    )
    extra = "summary: '# Overview'\nnotes: '## Details'\nexam_tips: ['# tip']\nkey_terms:\n"
    extra += "  - {term: Hash, definition: '# starts a comment'}\n"
    bank = make_bank({"01-main.yaml": section_yaml(question, extra=extra)})
    html = handout_html(bank, "trainer", Settings())
    texts = ("# Which", "# is a control", "# too", "-----", "SageMaker\n===", "# tip", "# starts")
    for text in texts:
        assert f"<p>{text}" in html, text
    # each field's top-most heading ranks below the section's title (tests/test_markdown.py)
    assert "<h3>Overview</h3>" in html and "<h3>Details</h3>" in html
    assert html.count("<h1") == 1  # the book title


def test_a_tall_image_shrinks_to_the_page_keeping_its_shape(make_bank):
    question = QUESTION.replace("stem: Which", "stem: '![tall](tall.png) Which").replace(
        "models?", "models?'"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    Image.new("RGB", (600, 2600), "red").save(bank.root / "tall.png")
    for paper in ("a4", "letter"):
        data = PdfBuilder().build(bank, Settings(paper=paper))[0].data
        height = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.height)
        [(_, left, bottom, right, top)] = image_boxes(data)
        assert bottom >= 22 * MM and top <= height - 24 * MM + 0.5, (paper, bottom, top)
        assert abs((right - left) / (top - bottom) - 600 / 2600) < 0.01


def test_an_image_that_opens_a_stem_stands_above_its_text(make_bank):
    # Inline, a wide image left "In the topology shown," hanging at the right margin by
    # its bottom edge (new-author review s27 #3): the text starts under it, at the left.
    question = QUESTION.replace(
        "stem: Which", "stem: '![Topology](wide.png) In the topology shown, which"
    ).replace("models?", "models?'")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    Image.new("RGB", (400, 200), "red").save(bank.root / "wide.png")
    data = PdfBuilder().build(bank, Settings())[0].data
    [(page, left, bottom, _, _)] = image_boxes(data)
    [(x, y, _)] = [run for run in text_positions(data)[page] if "In the topology" in run[2]]
    assert y < bottom and abs(x - left) < 2, (x, y, left, bottom)


def test_a_long_description_runs_onto_cover_pages_with_printable_margins(make_bank):
    paragraph = "A long description that explains scope, sources, licence and audience. " * 4
    description = "\n\n".join(f"{number} {paragraph}" for number in range(40))
    manifest = "id: test-bank\ntitle: Test bank\nsections: [main]\ndescription: |\n"
    manifest += "".join(f"  {line}\n" for line in description.splitlines())
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    data = PdfBuilder().build(bank, Settings())[0].data
    covers = next(index for index, text in enumerate(pages(data)) if text.startswith("Contents"))
    assert covers > 1  # the description did run onto a second cover page
    for points in text_positions(data)[:covers]:
        assert min(x for x, _, _ in points) >= 15 * MM
        assert min(y for _, y, _ in points) >= 15 * MM
        assert max(y for _, y, _ in points) <= 297 * MM - 15 * MM


def test_long_titles_keep_the_running_header_on_one_line(make_bank):
    title = "A Deliberately Very Long Handout Title For Probing How The Running Header Copes"
    manifest = f"id: test-bank\ntitle: {title}\nsections: [main]\n"
    section = section_yaml(QUESTION).replace("title: Main", f"title: Section {title}")
    data = PdfBuilder().build(make_bank({"01-main.yaml": section}, manifest), Settings())[0].data
    interior = text_positions(data)[1:]
    # the contents: the whole title, which has the line to itself
    assert [text.strip() for _, y, text in interior[0] if y > HEADER] == [title]
    for points in interior[1:]:
        header = [(y, text) for _, y, text in points if y > HEADER]
        # one line, each title cut at a word with a "…", the PDF's text as printed
        assert len({round(y) for y, _ in header}) == 1, header
        book = header[0][1].strip()
        assert book == title or title.startswith(book.removesuffix("\u2026")), header
    assert [text.strip() for _, y, text in interior[-1] if y > HEADER] == [title, "Answer key"]
    printed = [text.strip() for _, y, text in interior[1] if y > HEADER][-1]
    assert printed.endswith("\u2026") and f"Section {title}".startswith(printed[:-1]), printed


def test_contents_name_a_lone_question_in_the_singular(make_bank):
    second = QUESTION.replace("id: q1", "id: q2")
    bank = make_bank(
        {
            "01-one.yaml": section_yaml(QUESTION, section_id="one"),
            "02-two.yaml": section_yaml(second, second.replace("q2", "q3"), section_id="two"),
            "03-none.yaml": section_yaml(section_id="none", extra="notes: Notes only.\n"),
        }
    )
    html = handout_html(bank, "student", Settings())
    spans = re.findall(r'<span class="toc-span">([^<]*)</span>', html)
    assert spans == ["question 1", "questions 2\u20133", "no questions"]


def test_four_digit_numbers_keep_a_gap_and_stems_stay_aligned(make_bank):
    questions = [QUESTION.replace("id: q1", f"id: q{number}") for number in range(1, 1001)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    html = handout_html(bank, "student", Settings())
    # print only questions 999 and 1000: laying out all thousand takes half a minute
    head = html[: html.index("<section")]
    kept = re.findall(r'<article class="question" id="q-(?:999|1000)">.*?</article>', html, re.S)
    data, _ = render_pdf(f"{head}{''.join(kept)}</body></html>", bank.root, Settings())
    runs = text_positions(data)[0]
    numbers = {text.strip(): x for x, _, text in runs if text.strip() in ("999", "1000")}
    stems = [x for x, _, text in runs if text.startswith("Which AWS")]
    assert len(stems) == 2 and stems[0] == stems[1], stems
    assert stems[0] - numbers["1000"] >= 4 * 2.2 * MM + 1 * MM, (numbers, stems)


SHAPES = """\
id: shapes
type: multiple
stem: Which are right?
options:
  A: A paragraph
  B: "```\\n[0, 6, 8]\\n```"
  C: "- item one\\n- item two"
  D: "`inline_code()`"
  E: "| Col |\\n| --- |\\n| cell |"
  F: A wrong one
answer: [A, B, C, D, E]
explanation: All but F.
"""


def bold_runs(data: bytes, page: int) -> set[str]:
    """The text runs a page sets in a bold font."""
    found: set[str] = set()

    def visit(
        text: str, cm: object, tm: object, font: dict[str, object] | None, *_: object
    ) -> None:
        if font and "Bold" in str(font.get("/BaseFont", "")):
            found.add(text.strip())

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found


def test_every_shape_of_correct_option_is_ticked_and_emphasised(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(SHAPES)})
    student, trainer = (output.data for output in PdfBuilder().build(bank, Settings()))
    question_page = [page for page in pages(trainer) if "Which are right?" in page]
    assert question_page[0].count("\u2713") == 5 and "\u2713" not in " ".join(pages(student))
    assert "\u2713 A A paragraph \u2713 B [0, 6, 8]" in question_page[0]  # read in order
    bold = bold_runs(trainer, 2)
    assert {"A paragraph", "item one", "item two", "cell"} <= bold, bold
    assert "A wrong one" not in bold


def test_an_option_that_is_code_has_its_letter_on_the_code_s_first_line(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(SHAPES)})
    runs = text_positions(PdfBuilder().build(bank, Settings())[0].data)[2]
    baseline = {text.strip(): y for _, y, text in runs}
    plain = baseline["A"] - baseline["A paragraph"]
    assert abs(baseline["B"] - baseline["[0, 6, 8]"] - plain) < 0.5, (baseline, plain)


def test_a_long_section_title_wraps_under_itself_in_the_contents(make_bank):
    title = "Edge Cases In Long Tokens, Code Blocks, Tables And Options That Stretch The Page"
    section = section_yaml(QUESTION).replace("title: Main", f"title: {title} {title}")
    data = PdfBuilder().build(make_bank({"01-main.yaml": section}), Settings())[0].data
    runs = [(x, text) for x, y, text in text_positions(data)[1] if y < HEADER]
    starts = {text.split()[0]: x for x, text in runs}
    assert starts["Edge"] - starts["1"] >= 5 * MM
    first, second = [x for x, text in runs if text.strip() in f"{title} {title}"]
    assert second == first, runs  # the title's second line


@pytest.mark.parametrize(
    ("version", "seed", "student", "trainer"),
    [
        ("1.2", "7", "Student edition · v1.2 · shuffle 7", "not for students · v1.2 · shuffle 7"),
        ("v3", None, "Student edition · v3", "not for students · v3"),
        (None, None, "Student edition", "not for students"),
    ],
)
def test_every_page_s_footer_names_edition_version_and_seed(
    make_bank, version, seed, student, trainer
):
    manifest = "id: test-bank\ntitle: Test bank\nsections: [main]\n"
    manifest += f"version: '{version}'\n" if version else ""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    outputs = PdfBuilder().build(bank, Settings(shuffle_seed=seed))
    for output, footer in zip(outputs, (student, trainer), strict=True):
        for points in text_positions(output.data)[1:]:
            lines = [text.strip() for _, y, text in points if y < 22 * MM]
            assert lines[0].endswith(footer) and len(lines) == 2, lines  # and "Page X of Y"


def test_a_question_longer_than_a_page_is_named_in_a_note(make_bank):
    # CSS keeps a question whole when it fits on a page; one that cannot fit splits, and
    # the build says which, so the README's promise is never broken in silence.
    long_stem = " ".join(["Consider this long scenario sentence about model hosting."] * 250)
    bank = make_bank(
        {
            "01-main.yaml": section_yaml(
                QUESTION,
                QUESTION.replace("q1", "q2").replace(
                    "stem: Which AWS service trains, tunes and deploys ML models?",
                    f"stem: {long_stem} Which?",
                ),
            )
        }
    )
    for output in PdfBuilder().build(bank, Settings()):
        [note] = output.notes
        assert re.fullmatch(
            r"question 2 is longer than a page and prints across pages \d+-\d+ "
            r"\(shorten it to fit on one page\)",
            note,
        ), note
    short = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    assert all(not output.notes for output in PdfBuilder().build(short, Settings()))


def test_large_print_names_the_questions_it_runs_over_a_page_in_one_note(make_bank):
    # At 24 pt a page holds a third of the standard page's words, and most questions with
    # their explanation run over one: a note each, saying "shorten it", was forty-seven
    # lines of advice no author would take. One note lists them; images' breaks keep theirs.
    long_stem = " ".join(["Consider this long scenario sentence about model hosting."] * 250)
    long_question = QUESTION.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {long_stem} Which?"
    )
    bank = make_bank(
        {
            "01-main.yaml": section_yaml(
                QUESTION,
                long_question.replace("q1", "q2"),
                QUESTION.replace("q1", "q3"),
                long_question.replace("q1", "q4"),
                long_question.replace("q1", "q5"),
            )
        }
    )
    settings = Settings(large_print=True, large_print_size=24)
    for output in PdfBuilder().build(bank, settings):
        [note] = output.notes
        assert note.startswith("3 questions (2, 4-5) print across pages, longer at 24 pt "), note
        assert "shorten" not in note
    one = make_bank({"01-main.yaml": section_yaml(QUESTION, long_question.replace("q1", "q2"))})
    for output in PdfBuilder().build(one, settings):
        [note] = output.notes
        assert re.match(r"question 2 prints across pages \d+-\d+, longer at 24 pt ", note), note
    every = make_bank(
        {"01-main.yaml": section_yaml(long_question, long_question.replace("q1", "q2"))}
    )
    for output in PdfBuilder().build(every, settings):
        [note] = output.notes
        assert note.startswith("all 2 questions print across pages, longer at 24 pt "), note
    standard = [note for output in PdfBuilder().build(bank, Settings()) for note in output.notes]
    assert [re.match(r"question (\d) is longer than a page", note)[1] for note in standard] == [
        "2",
        "4",
        "5",
    ] * 2


def test_a_link_prints_as_its_words_so_every_clone_builds_the_same_pdf(tmp_path):
    # a relative link became a file:// URI naming the build folder: a different PDF in
    # every clone, and a dead link for whoever reads it
    question = QUESTION.replace(
        "models?", "models? See [the chart](chart.png) or [AWS](https://aws.amazon.com/sagemaker)."
    )
    built = []
    for folder in ("one", "two/deeper"):
        root = write_bank(tmp_path / folder / "bank", {"01-main.yaml": section_yaml(question)})
        Image.new("RGB", (4, 4), "red").save(root / "chart.png")
        bank = lint([root]).banks[0]  # external-resource objects; the builder is shown anyway
        built.append(PdfBuilder().build(bank, Settings())[0].data)
    assert built[0] == built[1]
    assert b"/URI" not in built[0]
    words = pages(built[0])[2].replace(" ", "")  # a long address may wrap anywhere
    assert "See the chart or AWS (https://aws.amazon.com/sagemaker).".replace(" ", "") in words


def test_practice_questions_straight_under_the_title_take_no_second_rule(make_bank):
    with_summary = section_yaml(QUESTION, extra="summary: Read this first.\n")
    gaps = []
    for section in (section_yaml(QUESTION), with_summary):
        data = PdfBuilder().build(make_bank({"01-main.yaml": section}), Settings())[0].data
        runs = {text.strip(): y for _, y, text in text_positions(data)[2] if y < HEADER}
        gaps.append(runs["Main"] - runs["Practice questions"])
    # the title's own rule sets the heading off: no grey rule, nor its room, below it
    assert gaps[0] < 36, gaps
