"""The PDF handouts embed only what the exports may ship (``shippable``): an image named
as another type, or hidden, is not printed, even where its content is an image or an SVG
draws it; and their XMP metadata is well-formed XML whatever the bank's title holds."""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

from PIL import Image
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf import images, pages
from tests.conftest import QUESTION, section_yaml

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="30">{}</svg>'


def png(colour: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(data, format="PNG")
    return data.getvalue()


def test_a_hidden_or_misnamed_image_is_not_printed_whatever_it_holds(make_bank):
    shown = ["ok.png", "pic.txt", ".hid/pic.png", "drawing.xml", "nested.svg"]
    stem = "stem: 'Which? " + " ".join(f"![an image]({name})" for name in shown) + "'"
    question = QUESTION.replace(STEM, stem).replace(
        "answer: A", "answer: A\nlint: {ignore: [external-resource], reason: a test}"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    (bank.root / ".hid").mkdir()
    files = {
        "ok.png": png("red"),
        "pic.txt": png("green"),  # a PNG by its content
        ".hid/pic.png": png("blue"),
        "drawing.xml": SVG.format('<text x="0" y="20">SECRET-XML</text>').encode(),
        "nested.svg": SVG.format('<image href=".hid/pic.png" width="40" height="20"/>').encode(),
    }
    for name, data in files.items():
        (bank.root / name).write_bytes(data)
    for output in PdfBuilder().build(bank, Settings()):
        assert images(output.data) == 1  # ok.png alone
        assert "SECRET-XML" not in " ".join(pages(output.data))
        notes = "\n".join(output.notes)
        assert "pic.txt (it is not an image file ('.txt'))" in notes
        assert "drawing.xml (it is not an image file ('.xml'))" in notes
        assert ".hid/pic.png (it is in a hidden folder ('.hid'))" in notes


def xmp(pdf: bytes) -> ElementTree.Element:
    """The PDF's XMP packet, parsed."""
    stream = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data()
    packet = re.search(rb"<\?xpacket begin[^>]*\?>(.*)<\?xpacket end", stream, re.DOTALL)
    assert packet is not None
    return ElementTree.fromstring(packet[1])


def test_a_control_character_in_the_title_leaves_the_xmp_well_formed(make_bank):
    manifest = 'id: test-bank\ntitle: "Ctl \\x01 title\\x0b"\nsections: [main]\n'
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    assert bank.manifest.title == "Ctl \x01 title\x0b"
    for output in PdfBuilder().build(bank, Settings()):
        titles = [element.text for element in xmp(output.data).iter() if element.text]
        assert any(text.startswith("Ctl \ufffd title\ufffd \u2013 ") for text in titles), titles
        info = PdfReader(io.BytesIO(output.data)).metadata
        assert info is not None and str(info.title).startswith("Ctl \x01 title")  # as it was


def test_a_control_character_in_the_exam_leaves_the_xmp_well_formed(make_bank):
    manifest = 'id: test-bank\ntitle: Title\nexam: "Ctl \\x01 exam"\nsections: [main]\n'
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)}, manifest)
    assert bank.manifest.exam == "Ctl \x01 exam"
    output = PdfBuilder().build(bank, Settings())[0]
    texts = [element.text for element in xmp(output.data).iter() if element.text]
    assert "Ctl \ufffd exam" in texts, texts
    # the info dictionary keeps it, as it keeps a title's: a PDF string may hold any byte
    assert PdfReader(io.BytesIO(output.data)).metadata.subject == "Ctl \x01 exam"
