"""The handouts (and the stats report) are tagged PDFs: their structure tree, read back as a
screen reader gets it, holds each question as one article with its options as a list, the
title page's facts as a table, links that hold only their words, and headings in order."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.builders.render import render_report_pdf
from exambank.lint import lint
from exambank.markdown import typeset
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from tests.builders.conftest import SEED_ID, as_extracted
from tests.builders.test_pdf_continued import LONG, SHORT_AFTER
from tests.conftest import QUESTION, SEED_BANK, section_yaml

EDITIONS = ("student", "trainer")


@dataclass
class Element:
    """A structure element: its type (``Art``, ``LI``...), the text of its own marked
    content and of the elements inside it, and the link annotations it holds."""

    tag: str
    raw: DictionaryObject
    kids: list[Element] = field(default_factory=list)
    content: list[str | Element] = field(default_factory=list)  # text and kids, in order
    annotations: list[int] = field(default_factory=list)  # object numbers

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def words(self) -> str:
        """What a reader hears, whitespace collapsed: an element's replacement text
        (``/ActualText``) or description (``/Alt``) in place of what it holds."""
        for replaced_by in ("/ActualText", "/Alt"):
            if replaced_by in self.raw:
                return " ".join(str(self.raw[replaced_by]).split())
        parts = (part if isinstance(part, str) else part.words() for part in self.content)
        return " ".join(" ".join(parts).split())

    def find(self, tag: str) -> list[Element]:
        """The elements of this type inside this one, not counting itself."""
        return [element for element in self.walk() if element.tag == tag and element is not self]


def _marked_text(page: PageObject) -> dict[int, str]:
    """The text of each marked-content sequence on a page, by its MCID."""
    found: dict[int, str] = {}
    open_ids: list[int | None] = []

    def before(operator: bytes, operands: list[Any], *_: object) -> None:
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            is_dict = isinstance(properties, DictionaryObject)
            open_ids.append(properties.get("/MCID") if is_dict else None)
        elif operator == b"BMC":
            open_ids.append(None)
        elif operator == b"EMC" and open_ids:
            open_ids.pop()

    def text(value: str, *_: object) -> None:
        mcid = next((mcid for mcid in reversed(open_ids) if mcid is not None), None)
        if mcid is not None:
            found[mcid] = found.get(mcid, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


def _pagination_text(page: PageObject) -> dict[str, str]:
    """The text a page marks as a pagination artifact, by its subtype (``Header``)."""
    found: dict[str, str] = {}
    open_kinds: list[str | None] = []

    def before(operator: bytes, operands: list[Any], *_: object) -> None:
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            pagination = operands[0] == "/Artifact" and isinstance(properties, DictionaryObject)
            open_kinds.append(str(properties.get("/Subtype")) if pagination else None)
        elif operator == b"BMC":
            open_kinds.append(None)
        elif operator == b"EMC" and open_kinds:
            open_kinds.pop()

    def text(value: str, *_: object) -> None:
        kind = next((kind for kind in reversed(open_kinds) if kind is not None), None)
        if kind is not None:
            found[kind] = found.get(kind, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


def read_tags(data: bytes) -> tuple[PdfReader, Element]:
    """The PDF and the root of its structure tree (the ``Document`` element)."""
    reader = PdfReader(io.BytesIO(data))
    page_index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    marked = [_marked_text(page) for page in reader.pages]

    def element(raw: DictionaryObject, page: int | None) -> Element:
        if "/Pg" in raw:
            page = page_index[raw.raw_get("/Pg").idnum]
        read = Element(str(raw["/S"])[1:], raw)
        kids = raw.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]:
            if isinstance(kid, int):
                assert page is not None
                read.content.append(marked[page].get(kid, ""))
                continue
            child = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if child.get("/Type") == "/MCR":  # marked content on another page than its element's
                on = page_index[child.raw_get("/Pg").idnum]
                read.content.append(marked[on].get(child["/MCID"], ""))
            elif child.get("/Type") == "/OBJR":
                read.annotations.append(child.raw_get("/Obj").idnum)
            else:
                read.kids.append(element(child, page))
                read.content.append(read.kids[-1])
        return read

    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    [document] = tree["/K"]
    return reader, element(document.get_object(), None)


def parents(root: Element) -> Iterator[tuple[Element, Element]]:
    """Every (parent, child) pair in the tree."""
    for parent in root.walk():
        for kid in parent.kids:
            yield parent, kid


@pytest.fixture(scope="module")
def seed_tags(seed_dist: Path) -> dict[str, tuple[PdfReader, Element]]:
    return {
        edition: read_tags((seed_dist / f"{SEED_ID}-{edition}.pdf").read_bytes())
        for edition in EDITIONS
    }


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", typeset(text))


def test_the_handouts_are_tagged_and_say_their_language_and_title(seed_tags, seed_bank):
    labels = {"student": "Student edition", "trainer": "Trainer edition \u2013 with answers"}
    for edition, (reader, document) in seed_tags.items():
        catalog = reader.trailer["/Root"]
        assert catalog["/MarkInfo"]["/Marked"].value is True
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True  # not its file name
        assert catalog["/Lang"] == "en"
        # the title a viewer shows and a screen reader announces names the edition
        title = f"{as_extracted(seed_bank.manifest.title)} \u2013 {labels[edition]}"
        assert reader.metadata.title.startswith(title)
        assert document.tag == "Document"
        assert [element.tag for element in document.kids[:2]] == ["Sect", "Sect"]  # cover, contents


def test_each_question_is_one_article_holding_its_options_as_a_list(seed_tags, seed_bank):
    refs = list(seed_bank.questions())
    for edition, (_, document) in seed_tags.items():
        articles = document.find("Art")
        assert len(articles) == len(refs), edition
        for article, ref in zip(articles, refs, strict=True):
            assert not article.find("Art"), ref.question.id  # no article inside an article
            number, body = article.kids  # the number, then stem, options and solution
            heading = f"Question {ref.number}"
            assert (number.tag, number.words(), body.tag) == ("H4", heading, "Div")
            [options] = [kid for kid in body.kids if kid.tag == "L"]
            assert [item.tag for item in options.kids] == ["LI"] * len(ref.question.options)
            for item, letter in zip(options.kids, ref.question.options, strict=True):
                # an item is its letter (the trainer's tick too) as its label, then its text
                label, option = item.kids
                assert (label.tag, option.tag) == ("Lbl", "LBody")
                ticked = edition == "trainer" and letter in ref.question.answer_letters
                assert label.words() == (f"\u2713 {letter}" if ticked else letter)
                assert [kid.tag for kid in option.kids] == ["Div"]
                text = squeeze(ref.question.option_text(letter))
                assert squeeze(option.words()).startswith(text)


def test_list_items_sit_in_lists_and_bodies_in_items(seed_tags):
    for edition, (_, document) in seed_tags.items():
        for parent, kid in parents(document):
            if kid.tag == "LI":
                assert parent.tag == "L", (edition, parent.tag, kid.words())
            if kid.tag in ("LBody", "Lbl"):
                assert parent.tag == "LI", (edition, parent.tag, kid.words())


def test_every_list_item_is_its_body_after_its_label(seed_tags):
    """An exam tip (a paragraph in an item) is a body too, as an option is (review s34,
    finding 8): WeasyPrint tagged it as its bullet's Lbl and a P, with no LBody."""
    for edition, (_, document) in seed_tags.items():
        items = document.find("LI")
        assert len(items) > 400, edition
        for item in items:
            tags = [kid.tag for kid in item.kids]
            assert tags in (["LBody"], ["Lbl", "LBody"]), (edition, tags, item.words())


def test_the_title_page_facts_are_a_table_whose_values_name_their_row(seed_tags):
    for _, document in seed_tags.values():
        cover = document.kids[0]
        assert not cover.find("L")
        [table] = cover.find("Table")
        rows = table.find("TR")
        assert [[cell.tag for cell in row.kids] for row in rows] == [["TH", "TD"]] * 3
        assert [[cell.words() for cell in row.kids] for row in rows] == [
            ["Version", "1.0"],
            ["Built", "2026-01-01"],
            ["Contents", "11 sections, 55 practice questions"],
        ]
        for header, value in (row.kids for row in rows):
            assert list(value.raw["/A"]["/Headers"]) == [header.raw["/ID"]]


def test_a_link_holds_only_its_words_and_one_annotation(seed_tags, seed_bank):
    for edition, (_, document) in seed_tags.items():
        links = document.find("Link")
        assert all(not link.kids and len(link.annotations) == 1 for link in links), edition
        annotations = [number for link in links for number in link.annotations]
        assert len(set(annotations)) == len(annotations)
        contents = document.kids[1]
        titles = [as_extracted(section.title) for section in seed_bank.sections]
        assert [link.words() for link in contents.find("Link")] == [*titles, "Answer key"]
        # the page number still follows the entry, outside the link
        first = contents.find("LI")[0]
        assert re.fullmatch(rf"1 {re.escape(titles[0])} questions 1\u20135 3", first.words())


def test_every_text_is_in_the_tree_but_the_running_head_and_footer(seed_tags, seed_bank):
    # PDF/UA 7.1: each marked text is held by an element a reader reaches from the root,
    # and the margins' words are pagination artifacts, not content out of the tree
    for edition, (reader, document) in seed_tags.items():
        reached = {element.raw.indirect_reference.idnum for element in document.walk()}
        holders = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
        for number, page in enumerate(reader.pages):
            held = holders[2 * number + 1]
            for mcid in _marked_text(page):
                assert held[mcid].idnum in reached, (edition, number, mcid)
        pages = len(reader.pages)
        margins = {
            kind: " ".join(text.split()) for kind, text in _pagination_text(reader.pages[1]).items()
        }
        assert margins["/Header"] == " ".join(as_extracted(seed_bank.manifest.title).split())
        assert margins["/Footer"].endswith(f"Page 2 of {pages}"), edition


def test_a_question_that_runs_over_a_page_is_one_article_under_its_heading(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, LONG, SHORT_AFTER)})
    for output in PdfBuilder().build(bank, Settings()):
        reader, document = read_tags(output.data)
        [section] = [kid for kid in document.kids if kid.find("Art")]  # one, on all its pages
        articles = section.find("Art")
        assert [article.kids[0].words() for article in articles] == [
            f"Question {number}" for number in (1, 2, 3)
        ], output.name
        long = articles[1]
        pages = {reader.get_page_number(part.raw["/Pg"]) for part in long.walk()}
        assert len(pages) > 1, output.name  # it does run over a page
        _, body = long.kids  # its number, then all of its body
        [options] = [kid for kid in body.kids if kid.tag == "L"]
        assert [item.kids[0].words()[-1] for item in options.kids] == list("ABCDE")
        assert [item.kids[1].words().split()[0] for item in options.kids] == [
            "Amazon", "AWS", "Amazon", "Amazon", "Amazon"
        ]  # fmt: skip
        assert options.kids[-1].words().endswith("Osprey"), output.name


MANIFEST = (
    "id: test-bank\ntitle: Test bank\nsections: [one]\n"
    "description: |\n  # About this bank\n\n  For the exam.\n\n  ### In short\n\n  Study.\n"
)
NOTES = "notes: |\n  # Overview\n\n  Text.\n\n  ## Detail\n\n  More.\n"


def test_headings_descend_one_level_at_a_time_from_the_cover_on(make_bank):
    bank = make_bank(
        {"01-one.yaml": section_yaml(QUESTION, section_id="one", extra=NOTES)}, MANIFEST
    )
    for output in PdfBuilder().build(bank, Settings()):
        _, document = read_tags(output.data)
        headings = [
            (int(element.tag[1]), element.words())
            for element in document.walk()
            if re.fullmatch(r"H\d", element.tag)
        ]
        assert headings[:3] == [(1, "Test bank"), (2, "About this bank"), (3, "In short")]
        deepest = 0
        for level, words in headings:
            assert level <= deepest + 1, (words, headings)
            deepest = level


def _drawn_images(page: PageObject) -> list[str]:
    """For each image a page draws, the tag of the marked content it is drawn in."""
    found: list[str] = []
    open_tags: list[str] = []
    objects = page["/Resources"].get("/XObject", {})

    def before(operator: bytes, operands: list[Any], *_: object) -> None:
        if operator in (b"BDC", b"BMC"):
            open_tags.append(str(operands[0]))
        elif operator == b"EMC" and open_tags:
            open_tags.pop()
        elif operator == b"Do" and objects[operands[0]]["/Subtype"] == "/Image":
            found.append(open_tags[-1] if open_tags else "")

    page.extract_text(visitor_operand_before=before)
    return found


def test_an_image_is_a_figure_and_one_without_a_description_an_artifact(make_bank):
    """An image written with an empty description was a Figure with no /Alt (PDF/UA 7.3;
    review s34, finding 5): it is decoration, which a reader skips, left to lint to ask
    the author about."""
    stem = 'stem: "Which? ![A red square](pic.png) ![](pic.png)"'
    bank = make_bank(
        {"01-main.yaml": section_yaml(QUESTION.replace(QUESTION.splitlines()[1], stem))}
    )
    Image.new("RGB", (20, 20), "red").save(bank.root / "pic.png")
    assert "image-alt" in {diagnostic.rule for diagnostic in lint([bank.root]).diagnostics}
    for output in PdfBuilder().build(bank, Settings()):
        assert output.notes == ()  # lint's image-alt says which image, and where
        reader, document = read_tags(output.data)
        figures = document.find("Figure")
        assert [figure.raw.get("/Alt") for figure in figures] == ["A red square"]
        drawn = [tag for page in reader.pages for tag in _drawn_images(page)]
        assert drawn == ["/Figure", "/Artifact"]
        # the stem reads on around it, and every marked content left is in the tree
        [stem_paragraph] = [p for p in document.find("P") if p.words().startswith("Which?")]
        assert [kid.tag for kid in stem_paragraph.kids] == ["Span", "Figure", "Span"]
        reached = {element.raw.indirect_reference.idnum for element in document.walk()}
        holders = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
        for number, page in enumerate(reader.pages):
            for mcid in _marked_text(page):
                assert holders[2 * number + 1][mcid].idnum in reached, (number, mcid)


def test_the_stats_report_is_tagged_and_its_charts_are_described():
    html = render_html(bank_stats(lint([SEED_BANK])))
    reader, document = read_tags(render_report_pdf(html))
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"].value is True
    assert reader.trailer["/Root"]["/Lang"] == "en"
    described = re.findall(r'<svg [^>]*aria-label="([^"]*)"', html)
    assert described
    assert [figure.raw["/Alt"] for figure in document.find("Figure")] == [
        unescape(label) for label in described
    ]
    assert document.find("Table") and document.find("H1")
