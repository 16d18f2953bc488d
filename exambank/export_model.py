"""The export document: a whole bank in one JSON value, as ``<bank>.json`` holds it
(``export.export_document`` makes it).

Generated into ``schemas/export.schema.json`` like the source schemas. Text is kept exactly
as written in the sources (Markdown), each beside its HTML as the handouts render it and its
plain text (``plain_text``); every key is always present, in the order declared here, so
consumers and diffs see a stable shape. ``schema_version`` changes when a consumer would
have to change, and every object is closed (``additionalProperties: false``), so a consumer
that validates against the schema would refuse a new key: adding one is such a change too.
The images the texts show are shipped beside the document, under the paths the texts give,
and listed in ``resources``; each question and section names its own in ``images``, and in
``image_uses`` each place a text shows one, with its description, so that a converter that
attaches the files apart from the HTML can give a reader who cannot see them the words the
author wrote. An image the export does not ship (a web address, a file outside the bank
folder) is no img in the HTML: it prints as its description, as in the handouts, and nothing
is fetched.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from exambank.export_images import UNKNOWN_MEDIA_TYPE
from exambank.model import (
    KeyTerm,
    Letter,
    Manifest,
    Markdown,
    Option,
    Question,
    Section,
    Slug,
    Strict,
)

# 2: every Markdown text got its HTML, and questions and sections their ``images``.
# 3: questions and sections got ``image_uses`` (a new key is refused by a closed schema).
# 4: questions got ``instruction``, the manifest ``description_html``.
# 5: every text with an ``_html`` got its plain text beside it, in a key ending in ``_text``.
SCHEMA_VERSION = 5

Html = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/html"})]
PlainText = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/plain"})]

# What a source field's "(optional)" becomes here, where every key is written: what stands
# for a value not given.
_NOT_GIVEN = {"null": " (null where not given)", "empty": " (empty where none are given)"}
# Said of a text the export gives only as written (a title), which the handouts typeset.
_TYPESET_IN_PRINT = (
    "the handouts typeset it as the HTML is typeset (a spaced -- prints as an en dash)"
)


def _as_in_source(model: type[BaseModel], name: str, absent: str = "null") -> Any:
    """A field of the export that means what the field ``name`` of ``model`` means, described
    as the source schema describes that one; where the source may leave it out, it says what
    the export writes instead (``absent``, a key of ``_NOT_GIVEN``)."""
    description = model.model_fields[name].description or ""
    return Field(description=description.replace(" (optional)", _NOT_GIVEN[absent]))


def _html(text: str, nullable: bool = False) -> Any:
    """The field holding ``text`` ("The stem") as HTML."""
    null = "; null where it is null" if nullable else ""
    return Field(description=f"{text} as HTML, as the handouts render it{null}.")


def _plain(text: str, nullable: bool = False) -> Any:
    """The field holding ``text`` ("The stem") as plain text."""
    null = "; null where it is null" if nullable else ""
    return Field(description=f"{text} as plain text: what its HTML says, without markup{null}.")


class ExportImageUse(Strict):
    """A place where a text shows an image, with what a reader who cannot see it gets."""

    path: str = Field(description="The image, by its path in resources.")
    alt: str | None = Field(
        description="Its description (alt text): the words between its brackets, markup "
        "left out, as the HTML's alt holds them. null where the brackets hold none: the "
        'HTML then has no alt, since alt="" would tell a reader the image is decorative, '
        "when its description is only missing (lint's image-alt reports it)."
    )
    title: str | None = Field(
        description='The text in quotes after its target (![alt](path "title")), as the '
        "HTML's title holds it; null for none."
    )
    field: str = Field(
        description="The text that shows it, as a JSON Pointer (RFC 6901) from the question "
        "or section that lists it: /stem, /options/0/text, /options/0/feedback, "
        "/explanation; /summary, /notes, /key_terms/0/definition, /exam_tips/0."
    )


class ExportOption(Strict):
    """An option of a question: its letter, its text and feedback (each as written, as HTML
    and as plain text), and whether it is correct."""

    letter: Letter = Field(
        description="The option's letter, A, B, C ..., as the source gives it (a --shuffle "
        "build reletters the handouts' options, not the export's)."
    )
    text: Markdown = _as_in_source(Option, "text")
    text_html: Html = _html("The text")
    text_text: PlainText = _plain("The text")
    feedback: Markdown | None = _as_in_source(Option, "feedback")
    feedback_html: Html | None = _html("The feedback", nullable=True)
    feedback_text: PlainText | None = _plain("The feedback", nullable=True)
    correct: bool = Field(
        description="Whether the option is correct: true exactly for the letters in the "
        "question's answer."
    )


class ExportQuestion(Strict):
    """A question, numbered through the bank: its texts (each as written, as HTML and as
    plain text), its options and answer, and the images its texts show."""

    id: Slug = Field(
        description="The question's id, unique across the whole bank (lowercase letters, "
        "digits and single hyphens, e.g. amt-q1), as its author wrote it: unchanged when "
        "questions are added, moved or renumbered, so it is the key to update an imported "
        "question by (number is only its position)."
    )
    number: int = Field(
        ge=1,
        description="Its position in the bank, from 1, as the handouts number it: it changes "
        "when a question is added, removed or moved before it (id does not).",
    )
    type: Literal["single", "multiple"] = Field(
        description="single: one option is correct, and answer holds its letter; multiple: "
        "two or more are, answer holds their letters, and the student is to choose them all "
        "(instruction says how many, where the handouts do)."
    )
    stem: Markdown = _as_in_source(Question, "stem")
    stem_html: Html = _html("The stem")
    stem_text: PlainText = _plain("The stem")
    instruction: str | None = Field(
        description="The line the handouts print under the stem, plain text: how many "
        "answers to choose (\"Choose 2 answers.\"), in the handouts' words (the bank's "
        "language where they are translated into it, else English). null where they print "
        "none: a single-answer question, or a stem that asks for as many itself "
        '("Select TWO.") or leaves the number open on purpose ("Select all that apply").'
    )
    options: list[ExportOption] = Field(
        description="Its options, in letter order (A, B, C ... with no gap), the order the "
        "source writes them in."
    )
    answer: list[Letter] = Field(
        min_length=1,
        description="The correct letters, each once, in letter order (the options' order); "
        "one for a single question.",
        json_schema_extra={"uniqueItems": True},
    )
    explanation: Markdown = _as_in_source(Question, "explanation")
    explanation_html: Html = _html("The explanation")
    explanation_text: PlainText = _plain("The explanation")
    tags: list[str] = _as_in_source(Question, "tags", absent="empty")
    difficulty: Literal["easy", "medium", "hard"] | None = _as_in_source(Question, "difficulty")
    shuffle: bool = Field(
        description="Whether a tool may show the options in another order: false where the "
        "source says so, where options or the explanation refer to other options or letters "
        '("Both A and B", "None of the above"), and for numeric scales.'
    )
    images: list[str] = Field(
        description="The images its stem, options, feedback and explanation show, by their "
        "path in resources, sorted, each once (one the export does not ship is left out)."
    )
    image_uses: list[ExportImageUse] = Field(
        description="Each place its texts show one of its images, in reading order (stem, "
        "each option's text and feedback, explanation): an image shown twice is listed twice."
    )


class ExportKeyTerm(KeyTerm):
    """A key term of a section: the term, and its definition as written, as HTML and as
    plain text."""

    definition_html: Html = _html("The definition")
    definition_text: PlainText = _plain("The definition")


class ExportSection(Strict):
    """A section, in the manifest's order: its texts (each as written, as HTML and as plain
    text), the images they show, and its questions."""

    id: Slug = _as_in_source(Section, "id")
    title: str = Field(
        description=f"The section's title as written in its file, plain text: {_TYPESET_IN_PRINT}. "
        "E.g. Automatic Model Tuning (AMT)"
    )
    summary: Markdown | None = _as_in_source(Section, "summary")
    summary_html: Html | None = _html("The summary", nullable=True)
    summary_text: PlainText | None = _plain("The summary", nullable=True)
    notes: Markdown | None = _as_in_source(Section, "notes")
    notes_html: Html | None = _html("The notes", nullable=True)
    notes_text: PlainText | None = _plain("The notes", nullable=True)
    key_terms: list[ExportKeyTerm] = _as_in_source(Section, "key_terms", absent="empty")
    exam_tips: list[Markdown] = _as_in_source(Section, "exam_tips", absent="empty")
    exam_tips_html: list[Html] = Field(description="The tips' HTML, in the same order.")
    exam_tips_text: list[PlainText] = Field(description="The tips' plain text, in the same order.")
    images: list[str] = Field(
        description="The images its summary, notes, key terms and tips show, by their path "
        "in resources, sorted, each once (its questions list theirs)."
    )
    image_uses: list[ExportImageUse] = Field(
        description="Each place its texts show one of its images, in reading order (summary, "
        "notes, key terms, tips): an image shown twice is listed twice."
    )
    questions: list[ExportQuestion] = _as_in_source(Section, "questions")


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
    bytes: int = Field(ge=0, description="The file's size, in bytes.")


# The source's manifest fields: each export field below has its type, constraints and
# default (in ``Annotated``), and its description where it says the same to a reader here.
_MANIFEST = Manifest.model_fields


class ExportManifest(Strict):
    """The bank's manifest, bank.yaml: what the bank is, its sections in teaching order;
    and beside its description, the description's HTML and plain text."""

    # The source's fields, in its order. ``export_document`` passes them all, so a field
    # added to ``Manifest`` and not here stops every export (forbidden).
    id: Annotated[Slug, _MANIFEST["id"]] = _as_in_source(Manifest, "id")
    title: Annotated[str, _MANIFEST["title"]] = Field(
        description=f"The bank's title as written in bank.yaml, plain text: {_TYPESET_IN_PRINT}. "
        "E.g. AWS Certified AI Practitioner -- Amazon SageMaker Deep Dive"
    )
    language: Annotated[str, _MANIFEST["language"]] = _as_in_source(Manifest, "language")
    exam: Annotated[str | None, _MANIFEST["exam"]] = _as_in_source(Manifest, "exam")
    version: Annotated[str | None, _MANIFEST["version"]] = Field(
        description="The bank's version, as written in bank.yaml and always a string "
        '("1.0"), printed on the cover and every page\'s foot; null where not given.'
    )
    description: Annotated[Markdown | None, _MANIFEST["description"]] = _as_in_source(
        Manifest, "description"
    )
    description_html: Html | None = Field(
        description="The description as the handouts' cover prints it: block HTML, headings "
        "from h2 (the title being the h1); null where the bank has no description."
    )
    description_text: PlainText | None = Field(
        description="The description as plain text (its headings as paragraphs); null "
        "where the bank has no description."
    )
    sections: Annotated[list[Slug], _MANIFEST["sections"]] = _as_in_source(Manifest, "sections")


class ExportDocument(Strict):
    """A whole bank: its manifest, its sections in teaching order, the images they show.

    Each Markdown text (stem, text, feedback ...) is given as the author wrote it, and
    beside it as HTML (stem_html ...) and as plain text (stem_text ...). The texts given as
    written only (the bank's title and exam, a section's title, a term) are plain text:
    the handouts typeset them as the HTML is typeset. Every key is always present: null, or
    an empty list, stands for what the source does not give.

    Each Markdown text of a section or question has its HTML beside it (stem_html,
    text_html ...), as the handouts render it: block HTML (paragraphs, lists, tables, code
    in pre), raw HTML of the source escaped as text, a statement typed on its own line ("I.
    ...", "II. ...") kept on it with a br, headings only in notes and a summary, starting
    at h3. An img's src is the target as written, percent-encoded, relative to this file:
    cut off its ?query and #fragment and percent-decode it to find its path in resources.
    An img has no alt where the source gives the image no description (image_uses).
    The handouts' typesetting is kept: a spaced -- as an en dash, -> as an arrow, a
    no-break space between a number and its unit and inside guillemets, and thousands
    grouped with spaces kept on one line where the bank's language groups them so. A link
    is printed as its words, with a web address after them in brackets, never as an a
    element: the export ships no linked file. The manifest's description has its HTML
    too, its headings from h2, as on the handouts' cover.

    Each text with an HTML form also has a plain one (stem_text, text_text ...): what its
    HTML says, without markup, for a reader or a tool that takes none. Code as typed (a
    code span without its backticks, a code block as its lines), emphasis marks dropped,
    character references read, a link as its words with a web address after them in
    brackets unless the words are the address, an image as its description (nothing where
    it has none), as the HTML prints an image the export does not ship; the typesetting
    and the statement lines as in the HTML. Blocks (paragraphs, headings, code blocks,
    lists, tables) are separated by a blank line; a list is a line per item, "\u2022 " or
    its number before it, a nested list indented under its item; a table is a line per
    row, its cells joined by " | "; a line break within a paragraph is a space, as the
    HTML shows it, where the HTML does not keep it with a br."""

    schema_version: Literal[5] = Field(
        description="The version of this format: bumped on any change a consumer would have "
        "to follow, a new key included (every object refuses keys it does not list)."
    )
    manifest: ExportManifest = Field(
        description="What the bank is (bank.yaml), its description also as HTML and plain text."
    )
    sections: list[ExportSection] = Field(
        description="The bank's sections, in the manifest's order (teaching order)."
    )
    resources: list[ExportResource] = Field(
        description="Every image the texts show, once, sorted by path."
    )
