"""The typed model of a bank: what a manifest and a section file may hold.

The JSON Schemas in ``schemas/`` are generated from these classes (``nox -s schemas``),
so the models are the single definition of the source format.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic.config import JsonDict

from exambank.schema_patterns import WHITE_SPACE
from exambank.worked_out import worked_out

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LETTER_PATTERN = r"^[A-Z]$"
# A tag is one line, not empty, without ';', which joins tags in the CSV export, and without
# white space around it, which the exports would keep ("aws " and "aws": two tags).
TAG_PATTERN = rf"^[^;{WHITE_SPACE}]([^;\r\n\u2028\u2029]*[^;{WHITE_SPACE}])?$"
# A well-formed BCP 47 tag (RFC 5646, 2.1), read with no registry: a language of 2 or 3
# letters and up to three extended ones ("zh-yue"), then each optional, in this order: a
# script ("sr-Latn"), a region of 2 letters or 3 digits ("pt-BR", "es-419"), variants of 5 to
# 8 letters and digits or a digit and 3 ("de-CH-1996"), extensions (a singleton and subtags
# of 2 to 8) and a private use part ("x-" and subtags of 1 to 8). "en-US-tag" is none.
LANGUAGE_PATTERN = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*"
    r"(-[Xx](-[A-Za-z0-9]{1,8})+)?$"
)
# A suppression's reason holds more than blanks and dots: "..." is the placeholder of the
# hints that show a suppression, which pasted as written would say nothing. (The blanks
# spelt out: "\s" in a class is more to Python than to the model's Rust regex.)
REASON_PATTERN = rf"[^{WHITE_SPACE}.\u2026]"
# A section file's lists of items: what an item is called, and the key it starts with
LIST_ITEMS = {"questions": ("question", "id"), "key_terms": ("key term", "term")}
FIRST_KEYS = frozenset(first for _, first in LIST_ITEMS.values())

# Marks the keywords an editor checks as the author types but lint's validator drops: lint
# reports these mistakes by their own rules (empty-text, answer-count, unused-suppression),
# with their messages, after the rest of the question has been checked.
EDITOR_ONLY = "editor only: exambank lint reports this by a rule of its own"


def editor_only(keywords: JsonDict) -> JsonDict:
    """``keywords`` in an ``allOf`` entry that lint's validator leaves out."""
    return {"allOf": [{"$comment": EDITOR_ONLY, **keywords}]}


NOT_BLANK = editor_only(
    {"pattern": r"\S", "patternErrorMessage": "Blank: write the text (lint: empty-text)."}
)


def _add_at(schema: JsonDict, steps: tuple[str | int, ...], keywords: JsonDict) -> None:
    """Add ``keywords`` to the schema ``steps`` below ``schema`` (a list's items, a union's
    branch), where a field's own ``json_schema_extra`` cannot write them."""
    target: Any = schema
    for step in steps:
        target = target[step]
    target.update(keywords)


def _letters(letters: str, first: int) -> JsonDict:
    """Options as a snippet's body, their texts tab stops from ``first`` on."""
    return {letter: f"${first + index}" for index, letter in enumerate(letters)}


def _each_once(tags: list[str]) -> list[str]:
    """``tags``, refused where one is listed twice: the exports would carry it twice."""
    if len(set(tags)) < len(tags):
        raise ValueError("a tag is listed twice")
    return tags


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Letter = Annotated[str, StringConstraints(pattern=LETTER_PATTERN)]
Tag = Annotated[str, StringConstraints(pattern=TAG_PATTERN)]
Tags = Annotated[
    list[Tag], AfterValidator(_each_once), Field(json_schema_extra={"uniqueItems": True})
]
# Its dialect is stated once in each schema, at the top (``schema_files.MARKDOWN_DIALECT``).
Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/markdown"})]
# How hard the author judges a question; exambank sets no scale of its own.
Difficulty = Literal["easy", "medium", "hard"]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must never be silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    text: Markdown = Field(
        description="What the option says, in Markdown. E.g. SageMaker Automatic Model Tuning",
        json_schema_extra=NOT_BLANK,
    )
    feedback: Markdown | None = Field(
        default=None,
        description="Why this option is right or wrong, in Markdown; the trainers' handout "
        "prints it under the option (optional).",
    )


class KeyTerm(Strict):
    term: str = Field(
        description="The term to learn, plain text. E.g. Objective Metric",
        json_schema_extra=NOT_BLANK,
    )
    definition: Markdown = Field(
        description="What the term means, in Markdown. E.g. The metric AMT tries to optimize.",
        json_schema_extra=NOT_BLANK,
    )


class Suppression(Strict):
    """Rules switched off for one question, with the reason; unused ones are reported."""

    ignore: list[str] = Field(
        min_length=1,
        description="The rules to switch off for this question, as exambank rules lists "
        "them. E.g. [answer-run]",
        json_schema_extra=editor_only({"uniqueItems": True}),
    )
    reason: str = Field(
        pattern=REASON_PATTERN,
        description="Why the rules do not apply to this question (not blank, nor the "
        "placeholder '...' of lint's hints).",
    )


# The answer's shape follows the type, as answer-count reads it: a single question's
# answer is one letter (or a list of one), a multiple question's a list of two or more.
# "if single" holds where type is left out, as it is while an editor completes a question.
_ANSWER_BY_TYPE: JsonDict = {
    "if": {"properties": {"type": {"const": "single"}}},
    "then": {
        "properties": {
            "answer": {  # typed as the answer itself is, for editors that complete by type
                "anyOf": [
                    {
                        "type": "string",
                        "errorMessage": "A single question's answer is one letter, e.g. B; "
                        "for more, set type: multiple (lint: answer-count).",
                    },
                    {"type": "array", "minItems": 1, "maxItems": 1},
                ]
            }
        }
    },
    "else": {
        "properties": {
            "answer": {
                "type": "array",
                "minItems": 2,
                "uniqueItems": True,
                "errorMessage": "A multiple question's answer is a list of two or more "
                "letters, e.g. [A, C] (lint: answer-count).",
            }
        }
    },
}


def _options_schema(schema: JsonDict) -> None:
    """Letters only, A-D (or A-C) offered as snippets, an option's text not blank."""
    schema["additionalProperties"] = False
    schema["defaultSnippets"] = [
        {"label": "A-D", "description": "Four options", "body": _letters("ABCD", 1)},
        {"label": "A-C", "description": "Three options", "body": _letters("ABC", 1)},
    ]
    option: JsonDict = {"description": "An option: its text in Markdown, or {text, feedback}."}
    _add_at(schema, ("patternProperties", LETTER_PATTERN), option)
    _add_at(schema, ("patternProperties", LETTER_PATTERN, "anyOf", 0), NOT_BLANK)


class Question(Strict):
    model_config = ConfigDict(
        ignored_types=(worked_out,),  # answer_letters, option_texts ...: no fields
        json_schema_extra={
            "defaultSnippets": [
                {
                    "label": "new question",
                    "description": "A single-answer question with options A-D, as "
                    "exambank new writes it",
                    "body": {
                        "id": "$1",
                        "stem": "$2",
                        "options": _letters("ABCD", 3),
                        "answer": "${7|A,B,C,D|}",
                        "explanation": "$8",
                    },
                }
            ],
            **editor_only(_ANSWER_BY_TYPE),
        },
    )

    id: Slug = Field(
        description="The question's id: lowercase letters, digits and single hyphens, unique "
        "across the whole bank. E.g. amt-q1",
    )
    type: Literal["single", "multiple"] = Field(
        default="single",
        description="How many options are correct.",
        json_schema_extra={
            "enumDescriptions": [
                "One correct option (the default): answer is one letter, e.g. B.",
                "Two or more correct options: answer is a list, e.g. [A, C]; the handout "
                "tells the student how many to choose.",
            ]
        },
    )
    stem: Markdown = Field(
        description="The question the student reads, in Markdown. E.g. Which SageMaker "
        "feature finds the best learning rate automatically?",
        json_schema_extra=NOT_BLANK,
    )
    options: dict[Letter, Markdown | Option] = Field(
        description="The options, lettered A, B, C ... in order with no gap: each a letter "
        "and its text (A: SageMaker Clarify), or a letter and {text, feedback}.",
        json_schema_extra=_options_schema,
    )
    answer: Letter | list[Letter] = Field(
        description="The correct option: one letter for a single question (B), a list of "
        "letters for a multiple one ([A, C]).",
    )
    explanation: Markdown = Field(
        description="Why the answer is right, in Markdown; the trainers' handout prints it "
        "after the answer.",
        json_schema_extra=NOT_BLANK,
    )
    tags: Tags = Field(
        default_factory=list,
        description="Topics the question covers, for finding and grouping questions; the "
        "JSON and CSV exports carry them (optional). Each once, without spaces around it.",
        examples=[["amt", "hyperparameters"]],
    )
    difficulty: Difficulty | None = Field(
        default=None,
        description="How hard the question is, as its author judges it; exambank stats "
        "counts the questions by it (optional).",
    )
    shuffle: bool = Field(
        default=True,
        description="false: --shuffle leaves this question's options in their written order "
        "(options that refer to one another in words the build does not recognise).",
    )
    lint: Suppression | None = Field(
        default=None,
        description="Lint rules switched off for this question, and why: "
        "{ignore: [rule, ...], reason: ...} (optional).",
    )

    @worked_out
    def answer_letters(self) -> tuple[str, ...]:
        """The answer's letters (one for a single answer), worked out once: the rules ask
        for them 160,000 times in a lint of 10,000 questions, 0.3 G instructions when each
        asking made a new list."""
        return (self.answer,) if isinstance(self.answer, str) else tuple(self.answer)

    @worked_out
    def option_texts(self) -> tuple[str, ...]:
        """The options' texts in letter order (feedback left out), worked out once: the
        rules ask for them 50,000 times in a lint of 10,000 questions (looked up by the
        options' identity, they cost 0.1 G of the rules' 5.8 G instructions)."""
        return tuple(
            option if isinstance(option, str) else option.text for option in self.options.values()
        )

    @worked_out
    def key_texts(self) -> tuple[str, ...]:
        """The texts of the options the answer names, in the answer's order (a letter that
        names no option left out, as ``rules.wording.key_letters`` does), worked out once:
        the bank-wide rules group and compare questions by them (a loop: as a generator, or
        through ``key_letters`` and ``option_text``, 2,000 questions cost 6 to 10 M
        instructions more)."""
        options = self.options
        texts = []
        for letter in self.answer_letters:
            if letter in options:
                option = options[letter]
                texts.append(option if isinstance(option, str) else option.text)
        return tuple(texts)

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Question:
        """A copy; its worked-out properties (``answer_letters``, ``option_texts`` ...) are
        worked out again, from its own answer and options (pydantic copies what a
        worked-out property holds with the rest of the instance)."""
        copied = super().model_copy(update=update, deep=deep)
        for name in _WORKED_OUT:
            copied.__dict__.pop(name, None)
        return copied

    def option_text(self, letter: str) -> str:
        option = self.options[letter]
        return option if isinstance(option, str) else option.text

    def option_feedback(self, letter: str) -> str | None:
        option = self.options[letter]
        return None if isinstance(option, str) else option.feedback


# What ``Question.model_copy`` works out again: every worked-out property.
_WORKED_OUT = tuple(name for name, value in vars(Question).items() if isinstance(value, worked_out))

# The keys whose values are booleans, written true or false (fmt keeps them, lint refuses
# YAML 1.1's "no" and "on" there).
BOOLEAN_KEYS = frozenset(
    name for name, field in Question.model_fields.items() if field.annotation is bool
)
BOOLEAN_SPELLINGS = ("true", "false")


class Section(Strict):
    """A section file, <nn>-<section-id>.yaml: one topic's notes, tips and questions."""

    id: Slug = Field(
        description="The section's id: lowercase letters, digits and single hyphens, as in "
        "the file's name (02-amt.yaml: amt) and in the manifest's sections.",
    )
    title: str = Field(
        description="The section's title, as the handouts print it. "
        "E.g. Automatic Model Tuning (AMT)",
        json_schema_extra=NOT_BLANK,
    )
    summary: Markdown | None = Field(
        default=None,
        description="A few lines that open the section, in Markdown; headings allowed (optional).",
    )
    notes: Markdown | None = Field(
        default=None,
        description="Study notes, in Markdown; headings and tables allowed (optional).",
    )
    key_terms: list[KeyTerm] = Field(
        default_factory=list,
        description="Terms to learn, each a term and its definition (optional).",
    )
    exam_tips: list[Markdown] = Field(
        default_factory=list,
        description="Short tips for the exam, in Markdown, one per list item (optional).",
        examples=[["AMT = automated hyperparameter tuning."]],
        json_schema_extra=lambda schema: _add_at(schema, ("items",), NOT_BLANK),
    )
    questions: list[Question] = Field(
        default_factory=list,
        description="The section's questions, numbered in this order through the bank.",
    )


class Manifest(Strict):
    """The bank's manifest, bank.yaml: what the bank is, its sections in teaching order."""

    id: Slug = Field(
        description="The bank's id: lowercase letters, digits and single hyphens; the build "
        "writes dist/<id>/. E.g. aws-ai-practitioner",
    )
    title: str = Field(
        description="The bank's title, as the handouts' cover prints it. "
        "E.g. AWS Certified AI Practitioner -- Amazon SageMaker Deep Dive",
        json_schema_extra=NOT_BLANK,
    )
    language: str = Field(
        default="en",
        pattern=LANGUAGE_PATTERN,
        description="The language the bank is written in, as a BCP 47 tag (default en); "
        "the handouts declare it for screen readers and hyphenate by it.",
        examples=["en", "pt-BR"],
    )
    exam: str | None = Field(
        default=None,
        description="The exam the bank prepares for, printed above the title (optional). "
        "E.g. AWS Certified AI Practitioner (AIF-C01)",
    )
    version: str | None = Field(
        default=None,
        description="The bank's version, printed on the cover and every page's foot "
        '(optional). Quote it ("1.0"), or YAML reads a number.',
        examples=["1.0"],
    )
    description: Markdown | None = Field(
        default=None,
        description="What the bank covers, in Markdown, printed on the cover; headings "
        "allowed (optional).",
    )
    sections: list[Slug] = Field(
        description="The section ids in teaching order; each names one file, "
        "<nn>-<section-id>.yaml.",
        examples=[["sagemaker", "amt"]],
    )
