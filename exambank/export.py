"""The export document of a bank (``export_model``): its texts as written, as the
handouts render them (HTML) and as plain text, and the images it shows."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from functools import partial

from exambank.bank import Bank, QuestionRef
from exambank.export_images import image_targets, media_type, shipped_only, shown_images
from exambank.export_model import (
    SCHEMA_VERSION,
    ExportDocument,
    ExportImageUse,
    ExportKeyTerm,
    ExportManifest,
    ExportOption,
    ExportQuestion,
    ExportResource,
    ExportSection,
)
from exambank.markdown import blocks, render_short, to_html
from exambank.model import Question, Section
from exambank.plain_text import to_text, tokens_text
from exambank.rules.numbers import reading
from exambank.shuffle import keeps_its_order

# The model's names, where the builders and tests have always imported them from.
__all__ = [
    "SCHEMA_VERSION",
    "ExportDocument",
    "ExportImageUse",
    "ExportKeyTerm",
    "ExportManifest",
    "ExportOption",
    "ExportQuestion",
    "ExportResource",
    "ExportSection",
    "export_document",
    "image_uses",
    "question_image_uses",
]


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
    description = manifest.description
    return ExportDocument(
        schema_version=SCHEMA_VERSION,
        manifest=ExportManifest(
            **manifest.model_dump(),
            description_html=_block_html(description, grouped, images, top_level=2),
            description_text=_block_text(description, grouped),
        ),
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
    terms = []
    for term in section.key_terms:
        html, plain = _short_forms(term.definition, grouped, images)
        terms.append(
            ExportKeyTerm(
                term=term.term,
                definition=term.definition,
                definition_html=html,
                definition_text=plain,
            )
        )
    tips = [_short_forms(tip, grouped, images) for tip in section.exam_tips]
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
        summary_text=_block_text(section.summary, grouped),
        notes=section.notes,
        notes_html=_block_html(section.notes, grouped, images),
        notes_text=_block_text(section.notes, grouped),
        key_terms=terms,
        exam_tips=section.exam_tips,
        exam_tips_html=[html for html, _ in tips],
        exam_tips_text=[plain for _, plain in tips],
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
    html = to_html(text, top_level=top_level, space_groups=grouped, for_print=False)
    return shipped_only(html, shipped)


def _block_text(text: str | None, grouped: bool) -> str | None:
    """A summary's, notes' or the description's plain text (its headings as paragraphs)."""
    return None if text is None else to_text(text, grouped)


def _short_forms(text: str, grouped: bool, shipped: Mapping[str, bytes]) -> tuple[str, str]:
    """A short text's HTML, as the handouts print it (an image not ``shipped`` as its
    words), and its plain text: read once for both."""
    tokens = blocks(text, short=True, space_groups=grouped)
    plain = tokens_text(tokens)  # first: rendering sets an image's alt on its token
    return shipped_only(render_short(tokens, grouped, for_print=False), shipped), plain


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
        html, plain = _short_forms(text, grouped, images)
        said = (None, None) if feedback is None else _short_forms(feedback, grouped, images)
        options.append(
            ExportOption(
                letter=letter,
                text=text,
                text_html=html,
                text_text=plain,
                feedback=feedback,
                feedback_html=said[0],
                feedback_text=said[1],
                correct=letter in answer,
            )
        )
    stem_html, stem_text = _short_forms(question.stem, grouped, images)
    explanation_html, explanation_text = _short_forms(question.explanation, grouped, images)
    return ExportQuestion(
        id=question.id,
        number=ref.number,
        type=question.type,
        stem=question.stem,
        stem_html=stem_html,
        stem_text=stem_text,
        instruction=instruction(question),
        options=options,
        answer=answer,
        explanation=question.explanation,
        explanation_html=explanation_html,
        explanation_text=explanation_text,
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
