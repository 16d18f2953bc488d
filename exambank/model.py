"""The typed model of a bank: what a manifest and a section file may hold.

The JSON Schemas in ``schemas/`` are generated from these classes (``nox -s schemas``),
so the models are the single definition of the source format.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LETTER_PATTERN = r"^[A-Z]$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"  # BCP 47: "en", "de-CH", "pt-BR"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Letter = Annotated[str, StringConstraints(pattern=LETTER_PATTERN)]
Markdown = Annotated[
    str,
    Field(
        description="Markdown: CommonMark with GFM tables and no other extension (no "
        "strikethrough, task lists or bare web addresses as links), as markdown-it-py's "
        '"commonmark" preset with "table" reads it. Raw HTML is shown as text, never as '
        "markup. Headings (a line starting with #, or underlined) only in notes, a section "
        "summary and the bank description; elsewhere such a line is text. Link and image "
        "targets are paths relative to the bank folder, inside it; the JSON export ships "
        "every image beside the JSON file under the same path, so an image's path leads "
        "to it from there too.",
        json_schema_extra={"contentMediaType": "text/markdown"},
    ),
]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must never be silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    text: Markdown
    feedback: Markdown | None = Field(
        default=None, description="Why this option is right or wrong, shown to trainers."
    )


class KeyTerm(Strict):
    term: str
    definition: Markdown


class Suppression(Strict):
    """Rules switched off for one question, with the reason; unused ones are reported."""

    ignore: list[str] = Field(
        min_length=1, description="Names of the rules to switch off, as `exambank rules` lists."
    )
    reason: str = Field(
        pattern=r"\S", description="Why the rules do not apply to this question (not blank)."
    )


class Question(Strict):
    id: Slug = Field(description="Unique across the whole bank.")
    type: Literal["single", "multiple"] = "single"
    stem: Markdown
    options: dict[Letter, Markdown | Option] = Field(
        description="Option letter (A-Z, in order) -> text, or -> {text, feedback}.",
        json_schema_extra={"additionalProperties": False},
    )
    answer: Letter | list[Letter] = Field(
        description="single: one letter; multiple: a list of letters."
    )
    explanation: Markdown
    tags: list[str] = Field(default_factory=list)
    difficulty: Literal["easy", "medium", "hard"] | None = None
    shuffle: bool = Field(
        default=True,
        description="false: --shuffle leaves this question's options in their written order "
        "(options that refer to one another in words the build does not recognise).",
    )
    lint: Suppression | None = Field(
        default=None, description="Suppress lint rules for this question: {ignore, reason}."
    )

    @property
    def answer_letters(self) -> list[str]:
        return [self.answer] if isinstance(self.answer, str) else list(self.answer)

    def option_text(self, letter: str) -> str:
        option = self.options[letter]
        return option if isinstance(option, str) else option.text

    def option_feedback(self, letter: str) -> str | None:
        option = self.options[letter]
        return None if isinstance(option, str) else option.feedback


# The keys whose values are booleans, written true or false (fmt keeps them, lint refuses
# YAML 1.1's "no" and "on" there).
BOOLEAN_KEYS = frozenset(
    name for name, field in Question.model_fields.items() if field.annotation is bool
)
BOOLEAN_SPELLINGS = ("true", "false")


class Section(Strict):
    id: Slug = Field(description="Unique in the bank; must match the manifest entry.")
    title: str
    summary: Markdown | None = None
    notes: Markdown | None = Field(default=None, description="Study notes; tables allowed.")
    key_terms: list[KeyTerm] = Field(default_factory=list)
    exam_tips: list[Markdown] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


class Manifest(Strict):
    id: Slug
    title: str
    language: str = Field(
        default="en",
        pattern=LANGUAGE_PATTERN,
        description="The language the bank is written in, as a BCP 47 tag (en, de, pt-BR); "
        "the handouts declare it for screen readers and hyphenate by it.",
    )
    exam: str | None = None
    version: str | None = None
    description: Markdown | None = None
    sections: list[Slug] = Field(description="Section ids in teaching order; one file each.")
