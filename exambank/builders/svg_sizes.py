"""An SVG that gives no size of its own prints at its viewBox's size, in CSS px.

An SVG whose root has a ``viewBox`` but no width and height (or percentages, as a drawing
exported "responsive" has) has a shape but no size. WeasyPrint then follows the suggestion
of CSS 2 (10.3.2): as wide as its column, as tall as that makes it. A narrow one grew to
the most any image is given (a viewBox of 50x400: 225 mm high), and set in a sentence it
left the sentence's words at its foot, a page below the question's number; and large print,
which enlarges an image by its own width (``large_print_images.py``), could not enlarge it.
Browsers differ (Chrome takes 300 px, Firefox the column), so the build picks the size
most drawing tools give such a file on its own (rsvg-convert, CairoSVG): the viewBox's
width and height, a unit a CSS px, as a raster image's pixels are. So it is served to
WeasyPrint with those as its ``width`` and ``height``, and prints as an SVG drawn at that
size does, in both editions and on both papers; the file the exports ship is unchanged.
"""

from __future__ import annotations

import re
from xml.parsers import expat


class _Root(Exception):
    """Raised at the root's start tag: where it is, its name and its attributes."""

    def __init__(self, offset: int, name: str, attributes: dict[str, str]) -> None:
        super().__init__(name)
        self.offset, self.name, self.attributes = offset, name, attributes


def sized_svg(data: bytes) -> bytes:
    """``data`` with its viewBox's width and height as the root's ``width`` and ``height``
    where it is an SVG with a viewBox and neither a width nor a height of its own (as
    WeasyPrint reads them: missing, or a percentage); else ``data`` as it is."""
    parser = expat.ParserCreate()

    def start(name: str, attributes: dict[str, str]) -> None:
        raise _Root(parser.CurrentByteIndex, name, attributes)

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Root as root:
        return _with_size(data, root)
    except expat.ExpatError:  # not XML: a raster image, or an SVG WeasyPrint cannot read
        return data
    return data


def _with_size(data: bytes, root: _Root) -> bytes:
    attributes = root.attributes
    if root.name.rpartition(":")[2] != "svg" or any(
        "%" not in attributes.get(side, "%") for side in ("width", "height")
    ):
        return data  # not an SVG, or one with a size, or a shape from one side (WeasyPrint's)
    try:
        _, _, width, height = map(float, attributes["viewBox"].replace(",", " ").split())
    except (KeyError, ValueError):
        return data  # no shape either: left to WeasyPrint
    tag = _START_TAG.match(data, root.offset)
    if width <= 0 or height <= 0 or tag is None or tag[1] != root.name.encode():
        return data  # a viewBox that draws nothing, or a file in UTF-16
    attributes_written = _SIDE.sub(b"", tag[2])  # a percentage is replaced, not repeated
    size = f' width="{width:g}" height="{height:g}"'.encode()
    return data[: tag.start()] + b"<" + tag[1] + size + attributes_written + data[tag.end(2) :]


# A start tag as XML writes it: its name, then its attributes, each value quoted (a ">"
# inside a value is no end)
_START_TAG = re.compile(rb"""<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)""")
_SIDE = re.compile(rb"""\s+(?:width|height)\s*=\s*(?:"[^"]*"|'[^']*')""")
