"""The files a handout may print, and nothing else: the URL fetcher WeasyPrint reads
through (``LocalFiles``).

It reads only files inside the bank folder that the exports may ship too (image files,
none hidden: ``shipped_files.shippable``) and this package's own fonts, and refuses the
network and every other file. Nor can a small image make the build take minutes and
gigabytes: the fetcher measures each image before WeasyPrint sees it (``MAX_PIXELS`` and
``MAX_SVG_ELEMENTS``) and has each SVG drawn alone within a budget first
(``image_budget.py``). An SVG with no size of its own is served with its viewBox's
(``svg_sizes.py``).
"""

from __future__ import annotations

import io
import mimetypes
import warnings
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import url2pathname
from xml.etree import ElementTree

from PIL import Image
from weasyprint.urls import URLFetcher, URLFetcherResponse

from exambank.builders.image_budget import drawing_cost
from exambank.builders.svg_sizes import sized_svg
from exambank.shipped_files import Refusal, shippable

# What an image may cost to print. WeasyPrint decodes every pixel of a raster image and
# draws a copy of what each SVG <use> names, so a 20 kB PNG of 13000x13000 pixels or a 1 kB
# SVG whose <use> elements each repeat the level below ten times would take minutes and
# gigabytes. A 300 dpi A4 page is 8.7 megapixels. Exported charts and diagrams stay below
# the SVG limit: 462 elements for a matplotlib line chart, 883 for a draw.io diagram of 80
# boxes, 5,122 for 100 placed icons, 15,229 for a 5,000-point scatter plot (2 s to print);
# 20,000 plain elements print in about 1 s.
MAX_PIXELS = 40_000_000
MAX_SVG_ELEMENTS = 20_000


class LocalFiles(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """A WeasyPrint URL fetcher that reads files under ``roots`` and refuses everything
    else (http, data, files elsewhere), images too costly to print, and in the ``bank``
    folder (one of the roots) any file ``shippable`` refuses (hidden, or no image),
    remembering what it refused and what it served."""

    def __init__(self, *roots: Path, bank: Path | None = None, draw_svgs_alone: bool = True):
        super().__init__()
        self.roots = [root.resolve() for root in roots]
        self.bank = None if bank is None else bank.resolve()
        # Fetches, by these rules, what an SVG drawn alone references; that is not drawn
        # alone again, as it counts in the SVG's own budget
        self.alone = (
            LocalFiles(*roots, bank=bank, draw_svgs_alone=False) if draw_svgs_alone else None
        )
        self.refused: list[str] = []
        self.missing: list[str] = []  # inside a root, but no file there
        self.withheld: list[tuple[str, str]] = []  # (url, why), in the bank but refused
        self.too_costly: list[tuple[str, str]] = []  # (url, why), images past the limits
        self.served: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self._path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"exambank fetches only files inside the bank folder, not {url}")
        refused = self._refusal(url, path)
        if refused is not None:
            self.withheld.append((url, refused.reason))
            raise ValueError(f"not printed: {url} ({refused.reason})")
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:  # a name too long for the system, a file not readable
            data = None
        if data is None:
            self.missing.append(url)
            raise ValueError(f"no such file in the bank folder: {url}")
        why = _too_costly(data, url)
        if why is None and self.alone is not None:
            why = drawing_cost(data, url, self.alone)
        if why:
            self.too_costly.append((url, why))
            raise ValueError(f"not printed: {url} ({why})")
        self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, sized_svg(data), {"Content-Type": content_type})

    def _path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # resolves symlinks and ".."
        return path if any(path.is_relative_to(root) for root in self.roots) else None

    def _refusal(self, url: str, path: Path) -> Refusal | None:
        """Why ``shippable`` refuses the file at ``url`` (``path`` once resolved), if it is
        in the bank folder: judged by its path there as the URL names it, links and all."""
        if self.bank is None or not path.is_relative_to(self.bank):
            return None
        named = Path(url2pathname(urlsplit(url).path))
        inside = named if named.is_relative_to(self.bank) else path  # else reached by a link
        found = shippable(self.bank, inside.relative_to(self.bank).as_posix())
        return found if isinstance(found, Refusal) else None


def _too_costly(data: bytes, url: str) -> str | None:
    """Why an image is too costly to print, or None. Judged by content, as WeasyPrint
    does (a file Pillow cannot open is tried as SVG whatever its name), reading a raster
    image's header only; a file that is neither is left for WeasyPrint to fail on."""
    try:
        with warnings.catch_warnings():  # Pillow warns past 89 megapixels
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # past 179 megapixels Pillow gives no size
        return f"more than {MAX_PIXELS // 10**6} megapixels: scale it down"
    except Exception:  # not a raster image Pillow knows
        try:
            elements = _expanded_size(ElementTree.fromstring(data), url)
        except ElementTree.ParseError:
            return None
        if elements is None:
            return "its <use> references form a loop"
        if elements > MAX_SVG_ELEMENTS:
            return (
                f"more than {MAX_SVG_ELEMENTS:,} elements once its <use> references are "
                "expanded: simplify it or save it as PNG"
            )
        return None
    if width * height > MAX_PIXELS:
        return f"{width}x{height} pixels, more than {MAX_PIXELS // 10**6} megapixels: scale it down"
    return None


_HREFS = ("{http://www.w3.org/1999/xlink}href", "href")  # WeasyPrint's order


def _expanded_size(svg: ElementTree.Element, url: str) -> int | None:
    """How many elements the SVG at ``url`` has once each <use> is replaced by a copy
    of the element it names in the same file, as WeasyPrint draws it; None if a <use>
    leads back to itself. Each element is counted once, so this is linear in the file's
    size, and an explicit stack keeps deep nesting from overflowing Python's."""
    named: dict[str, ElementTree.Element] = {}
    for element in svg.iter():  # WeasyPrint looks below the root, first match wins
        if element is not svg and (name := element.get("id")):
            named.setdefault(name, element)
    here = urldefrag(url).url
    parts: dict[ElementTree.Element, list[ElementTree.Element]] = {}  # once started
    sizes: dict[ElementTree.Element, int] = {}  # once finished
    stack = [svg]
    while stack:
        element = stack[-1]
        if element in sizes:  # reached a second way
            stack.pop()
        elif element in parts:  # every part above it on the stack is finished
            stack.pop()
            sizes[element] = 1 + sum(sizes[part] for part in parts[element])
        else:
            parts[element] = list(element)
            if element.tag.rpartition("}")[2] == "use":
                href = next((value for name in _HREFS if (value := element.get(name))), "")
                target, fragment = urldefrag(urljoin(url, href))
                if fragment in named and target == here:
                    parts[element].append(named[fragment])
            for part in parts[element]:
                if part in parts and part not in sizes:
                    return None  # started, not finished: it contains this element
                stack.append(part)
    return sizes[svg]
