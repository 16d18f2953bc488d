"""The image files the exports ship beside the JSON and the CSV: which of them a bank's
texts show, read as lint reads the targets, and what type each is."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from exambank.bank import Bank
from exambank.link_targets import Target, target_path, targets
from exambank.shipped_files import MEDIA_TYPES, Refusal, shippable

UNKNOWN_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class ShownImages:
    """The image files a bank's texts show, by their path in the bank folder, sorted; and
    a note for each image target left out (refused by ``shippable``, or no regular file)."""

    files: dict[str, bytes]
    left_out: tuple[str, ...]


def media_type(path: str) -> str:
    return MEDIA_TYPES.get(posixpath.splitext(path)[1].lower(), UNKNOWN_MEDIA_TYPE)


def image_targets(text: str) -> Iterator[tuple[str, Target]]:
    """The images ``text`` shows, in reading order, each with the path it names, read as
    lint's ``missing-resource`` rule reads them. A target of a fragment alone names no
    file."""
    for target in targets(text):
        if target.kind == "image" and not target.url.startswith("#"):
            yield target_path(target.url), target


def image_paths(texts: Iterable[str | None]) -> dict[str, str]:
    """The paths of the images ``texts`` show, each with the first target that names it,
    as written (a note quotes it so: "https://a.example/x.png?v=1", not the path
    "https:/a.example/x.png")."""
    paths: dict[str, str] = {}
    for text in texts:
        for path, target in image_targets(text) if text else ():
            paths.setdefault(path, target.url)
    return paths


def shown_images(bank: Bank, questions_only: bool = False) -> ShownImages:
    """Every image file the bank's texts show (its questions' alone if ``questions_only``)
    that ``shippable`` lets through. Lint refuses the others, but a question may switch
    that rule off, so the export reads only what the check lets through, and only a
    regular file, whatever a link points at, as the PDF renderer does; each other target
    is left out with a note."""
    fields = bank.markup_fields
    paths = image_paths(text for _, _, text, qid in fields if qid or not questions_only)
    files, left_out = {}, []
    for path, written in sorted(paths.items()):
        found = shippable(bank.root, path)
        if isinstance(found, Refusal):
            left_out.append(f"not shipped: the image {written} (it {found.reason})")
            continue
        try:
            if found.is_file():  # not a pipe, device or folder
                files[path] = found.read_bytes()
                continue
            why = "no file inside the bank folder"
        except OSError as error:  # a name too long for the system, a file not readable
            why = f"it cannot be read: {error.strerror}"
        left_out.append(f"not shipped: the image {written} ({why})")
    return ShownImages(files, tuple(left_out))


# An image as the Markdown renderer writes it: its src, its alt if it has one, its title if
# it has one, and its class if it opens a paragraph of text ("lead-image"), each escaped (no
# '"' inside). A source's raw HTML is written escaped, as text, so every "<img" of the HTML
# is an image of the Markdown.
_IMG = re.compile(r'<img src="([^"]*)"(?: alt="([^"]*)")?(?: title="[^"]*")?(?: class="[^"]*")? />')


def shipped_only(html: str, shipped: Container[str]) -> str:
    """``html`` with each image whose file is not in ``shipped`` (by path: a web address,
    a path leaving the bank folder, a file refused or missing) printed as the handouts
    print it, as its description (nothing where it has none), never as an img a reader's
    browser would fetch from elsewhere: each img left leads to a shipped file."""
    if "<img" not in html:
        return html  # most texts

    def printed(image: re.Match[str]) -> str:
        kept = target_path(unescape(image[1])) in shipped
        return image[0] if kept else image[2] or ""  # the alt, escaped as text needs too

    return _IMG.sub(printed, html)
