"""The handouts, read back as a reader sees them: the text of each page."""

from __future__ import annotations

import io
import re
import socket
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.glyphs import font_notes
from exambank.builders.handout import handout_html
from exambank.builders.local_files import LocalFiles
from exambank.builders.pdf import PdfBuilder
from exambank.markdown import typeset
from tests.builders.conftest import SEED_ID, as_extracted
from tests.conftest import QUESTION, embedded_fonts, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def squeeze(text: str) -> str:
    """Text as printed (typeset: ' -- ' is a dash, '->' an arrow) without whitespace, since
    PDF extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", typeset(text))


def pages(path_or_bytes: Path | bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    source = path_or_bytes if isinstance(path_or_bytes, Path) else io.BytesIO(path_or_bytes)
    return [" ".join(page.extract_text().split()) for page in PdfReader(source).pages]


def images(data: bytes) -> int:
    """How many distinct images the PDF holds."""
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for item in (page["/Resources"].get("/XObject") or {}).values():
            if item.get_object()["/Subtype"] == "/Image":
                found.add(item.idnum)
    return len(found)


@pytest.fixture(scope="module")
def student(seed_dist: Path) -> list[str]:
    return pages(seed_dist / f"{SEED_ID}-student.pdf")


@pytest.fixture(scope="module")
def trainer(seed_dist: Path) -> list[str]:
    return pages(seed_dist / f"{SEED_ID}-trainer.pdf")


def taught(section) -> str:
    """What a section teaches outside its questions, where an explanation may repeat."""
    parts = [section.summary or "", section.notes or "", *section.exam_tips]
    parts.extend(term.definition for term in section.key_terms)
    return squeeze(" ".join(parts))


def test_both_editions_print_every_stem_and_option(student, trainer, seed_bank):
    for edition in (student, trainer):
        text = squeeze(" ".join(edition))
        for ref in seed_bank.questions():
            assert squeeze(f"{ref.number} {ref.question.stem}") in text, ref.question.id
            for letter in ref.question.options:
                assert squeeze(f"{letter} {ref.question.option_text(letter)}") in text


def test_only_the_trainer_edition_prints_explanations_and_feedback(student, trainer, seed_bank):
    student_text, trainer_text = squeeze(" ".join(student)), squeeze(" ".join(trainer))
    feedback_count = 0
    for ref in seed_bank.questions():
        explanation = squeeze(ref.question.explanation)
        assert explanation in trainer_text, ref.question.id
        assert f"Answer:{','.join(ref.question.answer_letters)}" in trainer_text
        if explanation not in taught(ref.section):
            assert explanation not in student_text, ref.question.id
        for letter in ref.question.options:
            feedback = ref.question.option_feedback(letter)
            if feedback:
                feedback_count += 1
                assert squeeze(feedback) in trainer_text
    assert feedback_count > 0
    assert "Answer:" not in student_text


def test_the_answer_key_is_alone_on_the_last_page(student, trainer, seed_bank):
    refs = list(seed_bank.questions())
    # a run per section under its number and title: a trainer who set one section as a
    # quiz finds its answers together
    key = " ".join(
        f"{number} {as_extracted(section.title)} "
        + " ".join(
            f"{ref.number} {','.join(ref.question.answer_letters)}"
            for ref in refs
            if ref.section is section
        )
        for number, section in enumerate(seed_bank.sections, start=1)
    )
    for edition in (student, trainer):
        assert "Answer key" in edition[-1] and key in edition[-1]
        assert not any(squeeze(ref.question.stem) in squeeze(edition[-1]) for ref in refs)
        assert "Answer key" not in edition[-2]


def test_the_key_has_no_section_headings_when_one_section_holds_every_question(make_bank):
    second = QUESTION.replace("id: q1", "id: q2")
    manifest = "id: b\ntitle: B\nsections: [main, empty]\n"
    sections = {"01-main.yaml": section_yaml(QUESTION, second)}
    sections["02-empty.yaml"] = "id: empty\ntitle: Nothing asked here\nsummary: Notes only.\n"
    key = handout_html(make_bank(sections, manifest), "student", Settings()).split("answer-key")[-1]
    assert key.count('<span class="key-number">') == 2
    assert "key-section" not in key and "Nothing asked here" not in key


def test_no_question_is_split_across_pages(student, trainer, seed_bank):
    for edition in (student, trainer):
        for ref in seed_bank.questions():
            question = ref.question
            start = squeeze(f"{ref.number} {question.stem}")
            (page,) = [squeeze(text) for text in edition if start in squeeze(text)]
            last_option = squeeze(question.option_text(list(question.options)[-1]))
            assert last_option in page[page.index(start) :], question.id


def test_title_page(student, trainer, seed_bank):
    manifest = seed_bank.manifest
    for edition, label in ((student, "Student edition"), (trainer, "Trainer edition")):
        cover = edition[0]
        assert as_extracted(manifest.title) in cover and label in cover
        assert manifest.exam.upper() in cover  # printed in capitals
        assert "Version 1.0" in cover and "Built 2026-01-01" in cover
        assert "11 sections, 55 practice questions" in cover
        assert "Page" not in cover  # no running header or footer on the cover


def test_contents_give_the_page_each_section_starts_on(student, seed_bank):
    contents = student[1]
    assert contents.startswith("Contents")
    for number, section in enumerate(seed_bank.sections, start=1):
        title = re.escape(as_extracted(section.title))
        listed = re.search(rf"{number} {title} questions \d+\u2013\d+ (\d+)", contents)
        assert listed, section.title
        heading = f"SECTION {number} {as_extracted(section.title)}"
        starts = [index + 1 for index, text in enumerate(student) if heading in text]
        assert starts == [int(listed.group(1))], section.title
    answer_key = re.search(r"Answer key (\d+)", contents)
    assert answer_key and int(answer_key.group(1)) == len(student)


def test_running_header_and_page_x_of_y(student, seed_bank):
    for number, text in enumerate(student[1:], start=2):
        assert as_extracted(seed_bank.manifest.title) in text, number
        assert f"Page {number} of {len(student)}" in text


def test_fonts_are_embedded_and_ours(seed_dist):
    names = embedded_fonts(seed_dist / f"{SEED_ID}-trainer.pdf")
    assert names and all(name.startswith("Exambank-") for name in names), names


def test_paper_sizes(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    for paper, size in (("a4", (595, 842)), ("letter", (612, 792))):
        output = PdfBuilder().build(bank, Settings(paper=paper))[0]
        box = PdfReader(io.BytesIO(output.data)).pages[0].mediabox
        assert (round(box.width), round(box.height)) == size


@pytest.mark.parametrize(("declared", "language"), [("", "en"), ("language: de-CH\n", "de-CH")])
def test_the_pdf_declares_the_banks_language(make_bank, declared, language):
    """Screen readers pick their voice, and checkers their verdict, by the PDF's /Lang."""
    manifest = f"id: test-bank\ntitle: Test bank\n{declared}sections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    output = PdfBuilder().build(bank, Settings())[0]
    assert PdfReader(io.BytesIO(output.data)).trailer["/Root"]["/Lang"] == language


def test_markdown_renders_and_raw_html_stays_text(make_bank):
    question = QUESTION.replace(
        STEM,
        'stem: "Which is **bold** and `code_name`? <b>raw</b> <script>x()</script>\\n\\n'
        '| Service | Role |\\n| --- | --- |\\n| Clarify | bias |\\n\\n- first\\n- second"',
    ).replace("  A: Amazon SageMaker", "  A: '**Amazon** `SageMaker`'")
    notes = "notes: |\n  | Col A | Col B |\n  | --- | --- |\n  | cell-1 | cell-2 |\n"
    bank = make_bank({"01-main.yaml": section_yaml(question, extra=notes)})
    html = handout_html(bank, "student", Settings())
    assert "<strong>bold</strong>" in html and "<code>code_name</code>" in html
    assert "<strong>Amazon</strong> <code>SageMaker</code>" in html
    assert html.count("<table>") == 2 and "<li>first</li>" in html
    assert "<b>raw</b>" not in html and "<script>" not in html
    assert "&lt;b&gt;raw&lt;/b&gt;" in html
    text = " ".join(pages(PdfBuilder().build(bank, Settings())[0].data))
    assert "<b>raw</b>" in text and "<script>x()</script>" in text  # printed as text
    assert "Service Role Clarify bias" in text and "Col A Col B cell-1 cell-2" in text


def test_a_source_can_never_make_the_pdf_fetch_anything(make_bank, tmp_path, monkeypatch):
    attempts: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda *a: attempts.append(a))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: attempts.append(a))
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET", encoding="utf-8")
    question = QUESTION.replace(
        STEM,
        "stem: '![x](file:///etc/passwd) ![y](http://example.com/a.png) "
        f"![z](file://{secret}) ![w](../secret.txt) ![v](link.png)'",
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / "link.png").symlink_to(secret)
    outputs = PdfBuilder().build(bank, Settings())
    assert attempts == []
    for output in outputs:
        text = " ".join(pages(output.data))
        assert "TOP-SECRET" not in text and "root:x" not in text
        assert b"TOP-SECRET" not in output.data
        refused = "\n".join(output.notes)
        for target in ("http://example.com/a.png", "secret.txt", "link.png"):
            assert target in refused, output.notes
        assert images(output.data) == 0


def test_an_image_inside_the_bank_folder_is_printed(make_bank):
    from PIL import Image

    question = QUESTION.replace(STEM, "stem: 'What does this show? ![chart](images/chart.png)'")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / "images").mkdir()
    Image.new("RGB", (40, 20), "red").save(bank.root / "images" / "chart.png")
    output = PdfBuilder().build(bank, Settings())[0]
    assert output.notes == ()
    assert images(output.data) == 1


def test_a_missing_image_is_noted_as_missing_not_as_refused(make_bank):
    # lint stops such a bank (missing-resource); a builder handed one still says why
    question = QUESTION.replace(STEM, "stem: 'What does this show? ![chart](images/chart.png)'")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / "images").mkdir()
    output = PdfBuilder().build(bank, Settings())[0]
    [note] = output.notes
    assert note.startswith("not printed: ") and note.endswith(
        "images/chart.png (no such file in the bank folder)"
    )
    assert images(output.data) == 0


def test_the_fetcher_reads_only_files_under_its_roots(tmp_path):
    inside = tmp_path / "bank"
    inside.mkdir()
    (inside / "ok.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "outside.css").write_text("p {}", encoding="utf-8")
    fetch = LocalFiles(inside)
    assert fetch((inside / "ok.css").as_uri()).read() == b"p {}"
    for url in (
        (tmp_path / "outside.css").as_uri(),
        (inside / "sub" / ".." / ".." / "outside.css").as_uri(),
        "http://example.com/a.png",
        "https://example.com/a.png",
        "data:image/png;base64,AAAA",
        "file://otherhost/share/a.png",
    ):
        with pytest.raises(ValueError):
            fetch(url)
    assert len(fetch.refused) == 6


def test_characters_the_shipped_fonts_lack_are_reported(monkeypatch):
    assert font_notes("Ελληνικά, café, naïve, Привет, -> ✓") == []
    monkeypatch.setattr("shutil.which", lambda name: None)
    (note,) = font_notes("漢字 and 한국어")
    assert note == (
        "5 characters (字漢국어한) have no font on this machine and print as boxes: "
        "install one that has them (Debian: apt install fonts-noto-cjk)"
    )


def test_only_the_characters_no_font_has_are_blamed_for_boxes(monkeypatch):
    """Hebrew printed with an installed font; only the Chinese and the emoji are boxes."""

    class Listing:
        stdout = "20-7e 5d0-5ea\n"  # a font with ASCII and the Hebrew letters

    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr("subprocess.run", lambda *a, **k: Listing())
    assert font_notes("\u05e9\u05dc\u05d5\u05dd \u4e2d \U0001f600") == [
        "4 characters (\u05d5\u05dc\u05dd\u05e9) printed with an installed font",
        "2 characters (\u4e2d\U0001f600) have no font on this machine and print as boxes: "
        "install one that has them (Debian: apt install fonts-noto-cjk fonts-noto-color-emoji)",
    ]


def test_a_font_installed_for_them_is_reported_as_used(monkeypatch):
    class Listing:
        stdout = "20-7e a0-17f\n4e00-9fff 5b57\n"

    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr("subprocess.run", lambda *a, **k: Listing())
    assert font_notes("漢字") == ["2 characters (字漢) printed with an installed font"]


def test_print_typesets_dashes_and_arrows_but_not_code():
    from exambank.markdown import to_html

    html = to_html("prepare -> train -- tune, but `a -> b -- c` stays")
    assert "prepare \u2192 train\u00a0\u2013 tune" in html and "<code>a -&gt; b -- c</code>" in html
