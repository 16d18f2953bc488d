"""The image files the exports ship beside the JSON and the CSV: which of them a bank's
texts show, read as lint reads the targets, and what type each is."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from exambank.bank import Bank, MarkdownField
from exambank.link_targets import Target, target_path, targets
from exambank.rules.locate import Placer
from exambank.shipped_files import MEDIA_TYPES, Refusal, shippable
from exambank.source import JsonPath, Source

UNKNOWN_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class ShownImages:
    """The image files a bank's texts show, by their path in the bank folder, sorted; and
    a note for each image target left out (refused by ``shippable``, or no regular file),
    ``path:line:col:`` first."""

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


@dataclass(frozen=True)
class _Reference:
    """Where an image is shown: the text's file, its path there, and the target as written
    (a note quotes it so: "https://a.example/x.png?v=1", not the path "https:/a.example/x.png")."""

    source: Source
    field: JsonPath
    url: str


def _references(fields: Iterable[MarkdownField]) -> dict[str, list[_Reference]]:
    """The paths of the images the texts of ``fields`` show, each with every reference to
    it, in the order of ``fields``."""
    paths: dict[str, list[_Reference]] = {}
    for source, field, text, _ in fields:
        for path, target in image_targets(text):
            paths.setdefault(path, []).append(_Reference(source, field, target.url))
    return paths


def shown_images(bank: Bank, questions_only: bool = False) -> ShownImages:
    """Every image file the bank's texts show (its questions' alone if ``questions_only``)
    that ``shippable`` lets through. Lint refuses the others, but a question may switch
    that rule off, so the export reads only what the check lets through, and only a
    regular file, whatever a link points at, as the PDF renderer does; each other image
    is left out with a note that starts where the bank first writes it, as lint's finding
    there does, and quotes it as written there: the same note whichever export leaves it
    out, so that the build says it once."""
    everywhere = _references(bank.markup_fields)
    in_questions = (field for field in bank.markup_fields if field[3])  # with a question id
    shown = _references(in_questions) if questions_only else everywhere
    files, placer = {}, Placer()
    left_out: list[tuple[str, int, int, str]] = []  # in the order lint lists its findings
    for path in sorted(shown):
        read = _image_file(bank.root, path)
        if isinstance(read, bytes):
            files[path] = read
            continue
        display, line, column, url = min(
            (reference.source.display, *_place(placer, reference), reference.url)
            for reference in everywhere[path]
        )
        note = f"{display}:{line}:{column}: not shipped: the image {url} ({read})"
        left_out.append((display, line, column, note))
    return ShownImages(files, tuple(note for *_, note in sorted(left_out)))


def _place(placer: Placer, reference: _Reference) -> tuple[int, int]:
    return placer.place_target(reference.source, reference.field, reference.url)


def _image_file(root: Path, path: str) -> bytes | str:
    """The image file at ``path`` in the bank folder ``root``, or why it is not shipped."""
    found = shippable(root, path)
    if isinstance(found, Refusal):
        return f"it {found.reason}"
    try:
        if found.is_file():  # not a pipe, device or folder
            return found.read_bytes()
        return "no file inside the bank folder"
    except OSError as error:  # a name too long for the system, a file not readable
        return f"it cannot be read: {error.strerror}"


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
