"""The export document: a whole bank in one JSON value, as ``<bank>.json`` holds it.

Generated into ``schemas/export.schema.json`` like the source schemas. Text is kept exactly
as written in the sources (Markdown, unrendered); every key is always present, in the order
declared here, so consumers and diffs see a stable shape. ``schema_version`` changes only
when a consumer would have to change. The images the texts show are shipped beside the
document, under the paths the texts give, and listed in ``resources``.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from exambank.bank import Bank, QuestionRef
from exambank.markdown import target_path, targets
from exambank.model import KeyTerm, Letter, Manifest, Markdown, Slug, Strict
from exambank.shuffle import keeps_its_order

SCHEMA_VERSION = 1
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


class ExportOption(Strict):
    letter: Letter
    text: Markdown
    feedback: Markdown | None
    correct: bool


class ExportQuestion(Strict):
    id: Slug
    number: int = Field(ge=1, description="1-based position in the bank, as handouts print it.")
    type: Literal["single", "multiple"]
    stem: Markdown
    options: list[ExportOption] = Field(description="In source order.")
    answer: list[Letter] = Field(
        min_length=1,
        description="The correct letters, each once, in letter order (the options' order); "
        "one for a single question.",
        json_schema_extra={"uniqueItems": True},
    )
    explanation: Markdown
    tags: list[str]
    difficulty: Literal["easy", "medium", "hard"] | None
    shuffle: bool = Field(
        description="Whether a tool may show the options in another order: false where the "
        "source says so, where options or the explanation refer to other options or letters "
        '("Both A and B", "None of the above"), and for numeric scales.'
    )


class ExportSection(Strict):
    id: Slug
    title: str
    summary: Markdown | None
    notes: Markdown | None
    key_terms: list[KeyTerm]
    exam_tips: list[Markdown]
    questions: list[ExportQuestion]


class ExportResource(Strict):
    """A file the texts show (an image), shipped beside the document."""

    path: str = Field(
        description="Where the file is, relative to this JSON file, as in the bank folder: "
        "the image target a text gives, with any ?query or #fragment cut off, "
        "percent-decoded and normalised (./images/a.png and images/a.png are one file)."
    )
    media_type: str = Field(
        description="By the file's extension (image/png, image/svg+xml ...); "
        f"{UNKNOWN_MEDIA_TYPE} for one not known."
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Of the file's bytes, in hex.")
    bytes: int = Field(ge=0, description="The file's size.")


class ExportDocument(Strict):
    """A whole bank: its manifest, its sections in teaching order, the images they show."""

    schema_version: Literal[1] = Field(description="Bumped on any incompatible change.")
    manifest: Manifest
    sections: list[ExportSection]
    resources: list[ExportResource] = Field(
        description="Every image the texts show, once, sorted by path."
    )


@dataclass(frozen=True)
class ShownImages:
    """The image files a bank's texts show, by their path in the bank folder, sorted; and
    a note for each image target that names no regular file inside the folder."""

    files: dict[str, bytes]
    left_out: tuple[str, ...]


def shown_images(bank: Bank) -> ShownImages:
    """Every image file the bank's texts show, read as lint's ``missing-resource`` rule
    reads the paths. Lint refuses a target outside the folder, but a question may switch
    that rule off, so the export reads only regular files inside the bank folder, whatever
    a link points at, as the PDF renderer does. A target of a fragment alone names no file."""
    paths = {
        target_path(target.url)
        for _, _, text, _ in bank.markup_fields
        for target in targets(text)
        if target.kind == "image" and not target.url.startswith("#")
    }
    root = bank.root.resolve()
    files, left_out = {}, []
    for path in sorted(paths):
        found = (root / path).resolve()  # follows links and "..", as the renderer does
        if found.is_relative_to(root) and found.is_file():  # not a pipe, device or folder
            files[path] = found.read_bytes()
        else:
            left_out.append(f"not shipped: the image {path} (no file inside the bank folder)")
    return ShownImages(files, tuple(left_out))


def export_document(bank: Bank, images: Mapping[str, bytes] | None = None) -> ExportDocument:
    """The document for ``bank``. ``images`` are ``shown_images(bank).files``, read here unless
    the caller, which ships them, has read them already (listed and shipped bytes are then
    the same read)."""
    if images is None:
        images = shown_images(bank).files
    refs = list(bank.questions())
    sections = [
        ExportSection(
            id=section.id,
            title=section.title,
            summary=section.summary,
            notes=section.notes,
            key_terms=section.key_terms,
            exam_tips=section.exam_tips,
            questions=[_question(ref) for ref in refs if ref.section is section],
        )
        for section in bank.sections
    ]
    resources = [_resource(path, data) for path, data in sorted(images.items())]
    return ExportDocument(
        schema_version=SCHEMA_VERSION,
        manifest=bank.manifest,
        sections=sections,
        resources=resources,
    )


def _resource(path: str, data: bytes) -> ExportResource:
    extension = posixpath.splitext(path)[1].lower()
    return ExportResource(
        path=path,
        media_type=MEDIA_TYPES.get(extension, UNKNOWN_MEDIA_TYPE),
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
    )


def _question(ref: QuestionRef) -> ExportQuestion:
    question = ref.question
    # Lint keeps options in letter order, so sorted is the options' order: what a tool
    # compares a learner's choices with ("B", "D", never "D", "B"). Each letter once, also
    # where a question switched answer-count off: the schema says the letters are unique.
    answer = sorted(set(question.answer_letters))
    options = [
        ExportOption(
            letter=letter,
            text=question.option_text(letter),
            feedback=question.option_feedback(letter),
            correct=letter in answer,
        )
        for letter in question.options
    ]
    return ExportQuestion(
        id=question.id,
        number=ref.number,
        type=question.type,
        stem=question.stem,
        options=options,
        answer=answer,
        explanation=question.explanation,
        tags=question.tags,
        difficulty=question.difficulty,
        shuffle=not keeps_its_order(question, ref.language),
    )
