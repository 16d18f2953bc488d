"""The export document: a whole bank in one JSON value, as ``<bank>.json`` holds it.

Generated into ``schemas/export.schema.json`` like the source schemas. Text is kept exactly
as written in the sources (Markdown, unrendered); every key is always present, in the order
declared here, so consumers and diffs see a stable shape. ``schema_version`` changes only
when a consumer would have to change.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from exambank.bank import Bank
from exambank.model import KeyTerm, Letter, Manifest, Markdown, Question, Slug, Strict
from exambank.shuffle import keeps_its_order

SCHEMA_VERSION = 1


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
    answer: list[Letter] = Field(description="The correct letters; one for a single question.")
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


class ExportDocument(Strict):
    """A whole bank: its manifest, then its sections in teaching order."""

    schema_version: Literal[1] = Field(description="Bumped on any incompatible change.")
    manifest: Manifest
    sections: list[ExportSection]


def export_document(bank: Bank) -> ExportDocument:
    refs = list(bank.questions())
    sections = [
        ExportSection(
            id=section.id,
            title=section.title,
            summary=section.summary,
            notes=section.notes,
            key_terms=section.key_terms,
            exam_tips=section.exam_tips,
            questions=[
                _question(ref.question, ref.number) for ref in refs if ref.section is section
            ],
        )
        for section in bank.sections
    ]
    return ExportDocument(schema_version=SCHEMA_VERSION, manifest=bank.manifest, sections=sections)


def _question(question: Question, number: int) -> ExportQuestion:
    answer = question.answer_letters
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
        number=number,
        type=question.type,
        stem=question.stem,
        options=options,
        answer=answer,
        explanation=question.explanation,
        tags=question.tags,
        difficulty=question.difficulty,
        shuffle=not keeps_its_order(question),
    )
