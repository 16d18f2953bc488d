"""Images that would cost minutes and gigabytes to print are left out with a note, before
WeasyPrint reads them; images WeasyPrint cannot read are noted too."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.local_files import MAX_PIXELS, MAX_SVG_ELEMENTS, LocalFiles
from exambank.builders.pdf import PdfBuilder
from tests.conftest import QUESTION, section_yaml

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


def nested_uses(levels: int, href: str = "href") -> str:
    """The review's reproduction: each level's <use> elements repeat the level below ten
    times, so 6 levels in about 1 kB draw a million 7x3 rectangles."""
    groups = ['<g id="l0"><rect width="7" height="3"/></g>']
    groups += [
        f'<g id="l{n}">' + f'<use {href}="#l{n - 1}"/>' * 10 + "</g>" for n in range(1, levels + 1)
    ]
    return SVG.format(f'<defs>{"".join(groups)}</defs><use {href}="#l{levels}"/>')


def blank_png(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of any size: its rows of zeros compress to almost nothing (20 kB
    for 13000x13000 pixels) but decode to every pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = bytes(1 + (width + 7) // 8)  # filter type 0, then the packed bits
    compress = zlib.compressobj(9)
    pixels = b"".join(compress.compress(row) for _ in range(height)) + compress.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, grayscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def build_with_images(make_bank, files: dict[str, bytes | str]):
    """The student edition of a bank whose question shows each of ``files``."""
    shown = " ".join(f"![{name}]({name})" for name in files)
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    bank = make_bank(
        {"01-main.yaml": section_yaml(QUESTION.replace(stem, f"stem: 'Which? {shown}'"))}
    )
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (bank.root / name).write_bytes(data)
    return bank, PdfBuilder().build(bank, Settings())[0]


def drawn(data: bytes) -> str:
    """The PDF's page content: an SVG image is drawn there, not kept as an image object."""
    return "".join(
        page.get_contents().get_data().decode("latin-1")
        for page in PdfReader(io.BytesIO(data)).pages
    )


def images(data: bytes) -> int:
    """How many distinct raster images the PDF holds (pages share them)."""
    return len(
        {
            item.idnum
            for page in PdfReader(io.BytesIO(data)).pages
            for item in (page["/Resources"].get("/XObject") or {}).values()
            if item.get_object()["/Subtype"] == "/Image"
        }
    )


def test_an_svg_whose_uses_expand_past_the_limit_is_noted_and_never_rendered(
    make_bank, monkeypatch
):
    rendered: list[str] = []

    def renderer(tree: object, url: str, *rest: object) -> None:
        rendered.append(url)  # and stop there: rendering it takes minutes and gigabytes
        raise RuntimeError("the SVG reached WeasyPrint's renderer")

    monkeypatch.setattr("weasyprint.images.SVGImage", renderer)
    bank, output = build_with_images(make_bank, {"u.svg": nested_uses(6)})
    assert rendered == []
    url = (bank.root / "u.svg").resolve().as_uri()
    assert output.notes == (
        f"not printed: {url} (more than 20,000 elements once its <use> references are "
        "expanded: simplify it or save it as PNG)",
    )
    assert "0 0 7 3 re" not in drawn(output.data)


@pytest.mark.parametrize("href", ["href", "xlink:href"])
def test_the_svg_limit_counts_elements_with_each_use_expanded(tmp_path, href):
    fetch = LocalFiles(tmp_path)
    files = {
        "flat-at-limit.svg": SVG.format("<rect/>" * (MAX_SVG_ELEMENTS - 1)),
        "flat-past-limit.svg": SVG.format("<rect/>" * MAX_SVG_ELEMENTS),
        "three-levels.svg": nested_uses(3, href),  # 6,802 elements
        "four-levels.svg": nested_uses(4, href),  # 68,024
        "eight-levels.svg": nested_uses(8, href),  # 680 million, counted in milliseconds
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("flat-at-limit.svg", "three-levels.svg"):
        assert fetch((tmp_path / name).as_uri()).read() == files[name].encode()
    for name in ("flat-past-limit.svg", "four-levels.svg", "eight-levels.svg"):
        with pytest.raises(ValueError):
            fetch((tmp_path / name).as_uri())
    assert [url.rsplit("/", 1)[1] for url, _ in fetch.too_costly] == [
        "flat-past-limit.svg",
        "four-levels.svg",
        "eight-levels.svg",
    ]
    assert fetch.refused == fetch.missing == []


@pytest.mark.parametrize(
    "body",
    [
        '<use id="a" href="#a"/>',
        '<g id="a"><g><use href="#a"/></g></g>',
        '<g id="a"><use href="#b"/></g><g id="b"><use xlink:href="#a"/></g>',
        '<g id="a"><use href="u.svg#a"/></g>',  # the same file, by name
    ],
)
def test_an_svg_whose_uses_lead_back_to_themselves_is_refused(tmp_path, body):
    (tmp_path / "u.svg").write_text(SVG.format(body), encoding="utf-8")
    fetch = LocalFiles(tmp_path)
    with pytest.raises(ValueError):
        fetch((tmp_path / "u.svg").as_uri())
    assert [why for _, why in fetch.too_costly] == ["its <use> references form a loop"]


@pytest.mark.parametrize(
    "svg",
    [
        SVG.format('<g id="a"><use href="b.svg#a"/></g>'),  # another file
        SVG.format('<use href="#a"/>').replace("<svg ", '<svg id="a" ', 1),  # the root
    ],
)
def test_a_use_weasyprint_does_not_follow_is_not_counted(tmp_path, svg):
    (tmp_path / "u.svg").write_text(svg, encoding="utf-8")
    assert LocalFiles(tmp_path)((tmp_path / "u.svg").as_uri()).read() == svg.encode()


def test_a_small_svg_and_png_still_print(make_bank):
    svg = SVG.format('<rect width="37" height="19" fill="#00f"/>')
    _, output = build_with_images(make_bank, {"chart.svg": svg, "photo.png": blank_png(40, 20)})
    assert output.notes == ()
    assert "0 0 37 19 re" in drawn(output.data)
    assert images(output.data) == 1


def test_a_png_of_more_pixels_than_the_limit_is_noted_and_never_decoded(make_bank, recwarn):
    bank, output = build_with_images(make_bank, {"scan.png": blank_png(13000, 13000)})
    url = (bank.root / "scan.png").resolve().as_uri()
    assert output.notes == (
        f"not printed: {url} (13000x13000 pixels, more than 40 megapixels: scale it down)",
    )
    assert images(output.data) == 0
    assert [
        str(warning.message) for warning in recwarn
    ] == []  # Pillow's warning came from decoding


def test_the_pixel_limit_reads_only_the_header(tmp_path):
    files = {
        "at-limit.png": blank_png(8000, MAX_PIXELS // 8000),
        "past-limit.png": blank_png(8001, MAX_PIXELS // 8000),
        "past-pillows-limit.png": blank_png(20000, 20000),  # Pillow gives no size for it
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    fetch = LocalFiles(tmp_path)
    assert fetch((tmp_path / "at-limit.png").as_uri()).read() == files["at-limit.png"]
    for name in ("past-limit.png", "past-pillows-limit.png"):
        with pytest.raises(ValueError):
            fetch((tmp_path / name).as_uri())
    assert [why for _, why in fetch.too_costly] == [
        "8001x5000 pixels, more than 40 megapixels: scale it down",
        "more than 40 megapixels: scale it down",
    ]


def test_an_image_that_cannot_be_read_is_noted(make_bank):
    laughs = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{f"&{a};" * 10}">' for a, b in zip("abcdefg", "bcdefgh", strict=True)
    )
    files = {
        "corrupt.png": b"\x89PNG\r\n\x1a\n" + b"not a PNG after all",
        "unclosed.svg": SVG.format("<rect>"),
        "laughs.svg": laughs + "]>" + SVG.format("<text>&h;</text>"),  # expat refuses it
    }
    bank, output = build_with_images(make_bank, files)
    assert output.notes == tuple(
        f"not printed: {(bank.root / name).resolve().as_uri()} (could not be read as an image)"
        for name in files
    )
    assert images(output.data) == 0
