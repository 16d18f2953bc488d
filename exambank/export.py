"""The export document: a whole bank in one JSON value, as ``<bank>.json`` holds it.

Generated into ``schemas/export.schema.json`` like the source schemas. Text is kept exactly
as written in the sources (Markdown), each beside its HTML as the handouts render it; every
key is always present, in the order declared here, so consumers and diffs see a stable
shape. ``schema_version`` changes when a consumer would have to change, and every object is
closed (``additionalProperties: false``), so a consumer that validates against the schema
would refuse a new key: adding one is such a change too. The images the texts show are
shipped beside the document, under the paths the texts give, and listed in ``resources``;
each question and section names its own in ``images``, and in ``image_uses`` each place a
text shows one, with its description, so that a converter that attaches the files apart
from the HTML can give a reader who cannot see them the words the author wrote. An image
the export does not ship (a web address, a file outside the bank folder) is no img in the
HTML: it prints as its description, as in the handouts, and nothing is fetched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import Field

from exambank.bank import Bank, QuestionRef
from exambank.export_images import (
    UNKNOWN_MEDIA_TYPE,
    image_targets,
    media_type,
    shipped_only,
    shown_images,
)
from exambank.markdown import short_html, to_html
from exambank.model import KeyTerm, Letter, Manifest, Markdown, Question, Section, Slug, Strict
from exambank.rules.numbers import reading
from exambank.shuffle import keeps_its_order

# 2: every Markdown text got its HTML, and questions and sections their ``images``.
# 3: questions and sections got ``image_uses`` (a new key is refused by a closed schema).
# 4: questions got ``instruction``, the manifest ``description_html``.
SCHEMA_VERSION = 4

Html = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/html"})]


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
    letter: Letter
    text: Markdown
    text_html: Html
    feedback: Markdown | None
    feedback_html: Html | None
    correct: bool


class ExportQuestion(Strict):
    id: Slug
    number: int = Field(ge=1, description="1-based position in the bank, as handouts print it.")
    type: Literal["single", "multiple"]
    stem: Markdown
    stem_html: Html
    instruction: str | None = Field(
        description="The line the handouts print under the stem, plain text: how many "
        "answers to choose (\"Choose 2 answers.\"), in the handouts' words (the bank's "
        "language where they are translated into it, else English). null where they print "
        "none: a single-answer question, or a stem that asks for as many itself "
        '("Select TWO.") or leaves the number open on purpose ("Select all that apply").'
    )
    options: list[ExportOption] = Field(description="In source order.")
    answer: list[Letter] = Field(
        min_length=1,
        description="The correct letters, each once, in letter order (the options' order); "
        "one for a single question.",
        json_schema_extra={"uniqueItems": True},
    )
    explanation: Markdown
    explanation_html: Html
    tags: list[str]
    difficulty: Literal["easy", "medium", "hard"] | None
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
    definition_html: Html


class ExportSection(Strict):
    id: Slug
    title: str = Field(description="Plain text.")
    summary: Markdown | None
    summary_html: Html | None
    notes: Markdown | None
    notes_html: Html | None
    key_terms: list[ExportKeyTerm]
    exam_tips: list[Markdown]
    exam_tips_html: list[Html] = Field(description="The tips' HTML, in the same order.")
    images: list[str] = Field(
        description="The images its summary, notes, key terms and tips show, by their path "
        "in resources, sorted, each once (its questions list theirs)."
    )
    image_uses: list[ExportImageUse] = Field(
        description="Each place its texts show one of its images, in reading order (summary, "
        "notes, key terms, tips): an image shown twice is listed twice."
    )
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


def _as_in_manifest(name: str) -> Any:
    """The field ``name`` of the source's manifest, type, constraints and description."""
    return Manifest.model_fields[name]


class ExportManifest(Strict):
    """The bank's manifest, bank.yaml: what the bank is, its sections in teaching order;
    and beside its description, the description's HTML."""

    # The source's fields, in its order, each as it declares them. ``export_document`` passes
    # them all, so a field added to ``Manifest`` and not here stops every export (forbidden).
    id: Slug = _as_in_manifest("id")
    title: str = _as_in_manifest("title")
    language: str = _as_in_manifest("language")
    exam: str | None = _as_in_manifest("exam")
    version: str | None = _as_in_manifest("version")
    description: Markdown | None = _as_in_manifest("description")
    description_html: Html | None = Field(
        description="The description as the handouts' cover prints it: block HTML, headings "
        "from h2 (the title being the h1); null where the bank has no description."
    )
    sections: list[Slug] = _as_in_manifest("sections")


class ExportDocument(Strict):
    """A whole bank: its manifest, its sections in teaching order, the images they show.

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
    too, its headings from h2, as on the handouts' cover."""

    schema_version: Literal[4] = Field(description="Bumped on any incompatible change.")
    manifest: ExportManifest
    sections: list[ExportSection]
    resources: list[ExportResource] = Field(
        description="Every image the texts show, once, sorted by path."
    )


def export_document(bank: Bank, images: Mapping[str, bytes] | None = None) -> ExportDocument:
    """The document for ``bank``. ``images`` are ``shown_images(bank).files``, read here unless
    the caller, which ships them, has read them already (listed and shipped bytes are then
    the same read)."""
    # Imported here, not above: the builders' package imports this module (the CSV lists
    # images as this document does), so importing it first would import this one half-made.
    from exambank.builders.answer_instruction import answer_instruction
    from exambank.builders.labels import labels_for

    if images is None:
        images = shown_images(bank).files
    manifest = bank.manifest
    # "1 000 €" is one number where the bank's language groups thousands so (``typeset``)
    grouped = reading(manifest.language).space_groups
    # "Choose 2 answers." where the handouts print it, in their words
    instruction = partial(answer_instruction, labels=labels_for(manifest.language))
    refs = list(bank.questions())
    sections = [
        _section(
            section, [ref for ref in refs if ref.section is section], images, grouped, instruction
        )
        for section in bank.sections
    ]
    resources = [_resource(path, data) for path, data in sorted(images.items())]
    description_html = _block_html(manifest.description, grouped, images, top_level=2)
    return ExportDocument(
        schema_version=SCHEMA_VERSION,
        manifest=ExportManifest(**manifest.model_dump(), description_html=description_html),
        sections=sections,
        resources=resources,
    )


def _section(
    section: Section,
    refs: list[QuestionRef],
    images: Mapping[str, bytes],
    grouped: bool,
    instruction: Callable[[Question], str | None],
) -> ExportSection:
    terms = [
        ExportKeyTerm(
            term=term.term,
            definition=term.definition,
            definition_html=_short_html(term.definition, grouped, images),
        )
        for term in section.key_terms
    ]
    texts = [
        ("/summary", section.summary),
        ("/notes", section.notes),
        *((f"/key_terms/{index}/definition", t.definition) for index, t in enumerate(terms)),
        *((f"/exam_tips/{index}", tip) for index, tip in enumerate(section.exam_tips)),
    ]
    uses = image_uses(texts, images)
    return ExportSection(
        id=section.id,
        title=section.title,
        summary=section.summary,
        summary_html=_block_html(section.summary, grouped, images),
        notes=section.notes,
        notes_html=_block_html(section.notes, grouped, images),
        key_terms=terms,
        exam_tips=section.exam_tips,
        exam_tips_html=[_short_html(tip, grouped, images) for tip in section.exam_tips],
        images=sorted({use.path for use in uses}),
        image_uses=uses,
        questions=[_question(ref, images, grouped, instruction) for ref in refs],
    )


def _block_html(
    text: str | None, grouped: bool, shipped: Mapping[str, bytes], top_level: int = 3
) -> str | None:
    """A summary's, notes' or the description's HTML, headings kept from ``top_level`` (h3
    below a section's title, h2 on the cover), as the handouts print them."""
    if text is None:
        return None
    return shipped_only(to_html(text, top_level=top_level, space_groups=grouped), shipped)


def _short_html(text: str, grouped: bool, shipped: Mapping[str, bytes]) -> str:
    """A short text's HTML, as the handouts print it: an image not ``shipped`` as its words."""
    return shipped_only(short_html(text, grouped), shipped)


def _resource(path: str, data: bytes) -> ExportResource:
    return ExportResource(
        path=path,
        media_type=media_type(path),
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
    )


def _question(
    ref: QuestionRef,
    images: Mapping[str, bytes],
    grouped: bool,
    instruction: Callable[[Question], str | None],
) -> ExportQuestion:
    question = ref.question
    # Lint keeps options in letter order, so sorted is the options' order: what a tool
    # compares a learner's choices with ("B", "D", never "D", "B"). Each letter once, also
    # where a question switched answer-count off: the schema says the letters are unique.
    answer = sorted(set(question.answer_letters))
    uses = question_image_uses(question, images)
    options = []
    for letter in question.options:
        text, feedback = question.option_text(letter), question.option_feedback(letter)
        options.append(
            ExportOption(
                letter=letter,
                text=text,
                text_html=_short_html(text, grouped, images),
                feedback=feedback,
                feedback_html=None if feedback is None else _short_html(feedback, grouped, images),
                correct=letter in answer,
            )
        )
    return ExportQuestion(
        id=question.id,
        number=ref.number,
        type=question.type,
        stem=question.stem,
        stem_html=_short_html(question.stem, grouped, images),
        instruction=instruction(question),
        options=options,
        answer=answer,
        explanation=question.explanation,
        explanation_html=_short_html(question.explanation, grouped, images),
        tags=question.tags,
        difficulty=question.difficulty,
        shuffle=not keeps_its_order(question, ref.language),
        images=sorted({use.path for use in uses}),
        image_uses=uses,
    )


def question_image_uses(question: Question, shipped: Mapping[str, bytes]) -> list[ExportImageUse]:
    """Each place ``question``'s texts show an image of ``shipped``, in reading order."""
    texts: list[tuple[str, str | None]] = [("/stem", question.stem)]
    for index, letter in enumerate(question.options):
        texts += [
            (f"/options/{index}/text", question.option_text(letter)),
            (f"/options/{index}/feedback", question.option_feedback(letter)),
        ]
    texts.append(("/explanation", question.explanation))
    return image_uses(texts, shipped)


def image_uses(
    texts: Iterable[tuple[str, str | None]], shipped: Mapping[str, bytes]
) -> list[ExportImageUse]:
    """Each place the ``texts`` (a JSON Pointer and its text) show an image of ``shipped``,
    in reading order."""
    return [
        ExportImageUse(
            path=path,
            alt=target.alt if target.alt.strip() else None,  # as the HTML has no alt then
            title=target.title or None,
            field=pointer,
        )
        for pointer, text in texts
        if text
        for path, target in image_targets(text)
        if path in shipped
    ]
