"""The image files the exports ship beside the JSON and the CSV: which of them a bank's
texts show, read as lint reads the targets, and what type each is."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from exambank.bank import Bank
from exambank.markdown import Target, target_path, targets

# By extension, as a web server serving the folder would say; not ``mimetypes``, whose
# table changes with the Python version and the system's mime.types, so the same bank
# would export differently on two machines.
MEDIA_TYPES = {
    ".apng": "image/apng",
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".gif": "image/gif",
    ".ico": "image/vnd.microsoft.icon",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}
UNKNOWN_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class ShownImages:
    """The image files a bank's texts show, by their path in the bank folder, sorted; and
    a note for each image target that names no regular file inside the folder."""

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


def image_paths(texts: Iterable[str | None]) -> set[str]:
    """The paths of the images ``texts`` show."""
    return {path for text in texts if text for path, _ in image_targets(text)}


def shown_images(bank: Bank, questions_only: bool = False) -> ShownImages:
    """Every image file the bank's texts show (its questions' alone if ``questions_only``).
    Lint refuses a target outside the folder, but a question may switch that rule off, so
    the export reads only regular files inside the bank folder, whatever a link points at,
    as the PDF renderer does."""
    fields = bank.markup_fields
    paths = image_paths(text for _, _, text, qid in fields if qid or not questions_only)
    root = bank.root.resolve()
    files, left_out = {}, []
    for path in sorted(paths):
        found = (root / path).resolve()  # follows links and "..", as the renderer does
        if found.is_relative_to(root) and found.is_file():  # not a pipe, device or folder
            files[path] = found.read_bytes()
        else:
            left_out.append(f"not shipped: the image {path} (no file inside the bank folder)")
    return ShownImages(files, tuple(left_out))
