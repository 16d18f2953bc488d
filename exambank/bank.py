"""A loaded bank: the validated model plus where each part of it was written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from exambank.diagnostics import Diagnostic, Severity
from exambank.model import Manifest, Question, Section
from exambank.source import JsonPath, Source
from exambank.worked_out import worked_out

_ORDER_PREFIX = re.compile(r"^\d+-")
# A Markdown text of a bank: its file, its path there, the text, its question's id.
MarkdownField = tuple[Source, JsonPath, str, str | None]


def section_id_of(path: Path) -> str:
    """The section a file is named for: `03-inference.yaml` -> `inference`."""
    return _ORDER_PREFIX.sub("", path.stem)


def _may_hold_markup(text: str) -> bool:
    """Whether ``text`` holds a "<", "](" or "]:", as a link, an image or raw HTML must."""
    # "]" first: a search for one character runs at memory speed, for two 14 times slower
    return "<" in text or ("]" in text and ("](" in text or "]:" in text))


def _all_texts(question: Question) -> str:
    """The question's Markdown texts, a line each: one test of them for a mark
    (``_may_hold_markup``) costs half as much as a test of each."""
    feedback = [
        option.feedback or "" for option in question.options.values() if not isinstance(option, str)
    ]
    return "\n".join((question.stem, question.explanation, *question.option_texts, *feedback))


@dataclass(frozen=True)
class SectionFile:
    """A section and its file. ``indices[i]`` is where ``section.questions[i]`` sits in
    the file: questions that failed the schema are left out of the model."""

    source: Source
    section: Section
    indices: tuple[int, ...]


@dataclass(frozen=True)
class QuestionRef:
    """A question with its section, file and index, so findings can point at its lines."""

    question: Question
    section: Section
    source: Source
    index: int
    number: int  # 1-based position in the whole bank, as printed in handouts
    language: str = "en"  # the bank's (its manifest's ``language``), for rules that read it

    def where(self, *keys: str | int) -> tuple[int, int]:
        return self.source.where(("questions", self.index, *keys))

    def diagnostic(
        self,
        rule: str,
        severity: Severity,
        keys: JsonPath,
        message: str,
        hint: str | None,
        places: tuple[str, ...] = (),
    ) -> Diagnostic:
        """A finding at ``keys`` of the question; ``places``: the files its message
        quotes (``Diagnostic.places``)."""
        line, column = self.where(*keys)
        question = self.question.id
        return Diagnostic(
            self.source.display, line, column, severity, rule, message, hint, question, places
        )


@dataclass
class Bank:
    """One bank folder. ``files`` holds the sections the manifest lists that passed the
    schema, in manifest order: the bank the rules check and the builders print.
    ``unlisted`` holds the other section files that passed it (a stray copy, a section
    not listed yet), checked only for their place in the manifest and ids they reuse;
    ``sources`` every YAML file found besides the manifest, readable or not."""

    root: Path
    manifest: Manifest
    manifest_source: Source
    files: list[SectionFile] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    unlisted: list[SectionFile] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def sections(self) -> list[Section]:
        return [file.section for file in self.files]

    @property
    def listed_sources(self) -> list[Source]:
        """The section files the manifest lists, whether or not they passed the schema."""
        listed = set(self.manifest.sections)
        return [source for source in self.sources if section_id_of(source.path) in listed]

    @property
    def made_of(self) -> set[str]:
        """The files the bank is made of, as lint shows them: its manifest and the
        section files it lists (readable or not)."""
        return {self.manifest_source.display, *(source.display for source in self.listed_sources)}

    def sources_in_order(self) -> list[Source]:
        """The manifest, then the bank's other files in bank order: the section files as
        ``files`` has them, a listed one that could not be read (or failed the schema) at
        its place in the manifest, then the files the manifest does not list, by name."""
        order = {section_id: at for at, section_id in enumerate(self.manifest.sections)}
        placed = {id(file.source): order.get(file.section.id, len(order)) for file in self.files}

        def place(source: Source) -> tuple[int, str]:
            at = placed.get(id(source), order.get(section_id_of(source.path), len(order)))
            return at, source.display

        return [self.manifest_source, *sorted(self.sources, key=place)]

    def read_files(self) -> Iterator[Source]:
        """The manifest and the listed section files that were read to the end (a file
        that was not says why by yaml-syntax); never a stray file."""
        return (
            source
            for source in (self.manifest_source, *self.listed_sources)
            if source.data is not None
        )

    def questions(self) -> Iterator[QuestionRef]:
        """Every question in bank order (many rules walk them: built once)."""
        return iter(self._refs)

    def questions_in_a_row(self) -> Iterator[QuestionRef | None]:
        """``questions``, with None where questions that failed the schema stand between
        two of them (or a listed section file that failed it): rules about the order of
        the bank, as a handout prints it, do not take two questions for neighbours when
        one lint cannot read stands between them."""
        return iter(self._in_a_row)

    @worked_out
    def markup_fields(self) -> list[MarkdownField]:
        """The Markdown texts that may hold a link, an image or raw HTML (a "<", "](" or
        "]:" in them): (file, path in it, text, question id or None). Two rules read
        them; most texts hold none, so only these are listed, once."""
        found: list[MarkdownField] = []

        def add(source: Source, path: JsonPath, text: str | None, qid: str | None) -> None:
            if text and _may_hold_markup(text):
                found.append((source, path, text, qid))

        add(self.manifest_source, ("description",), self.manifest.description, None)
        for file in self.files:
            source, section = file.source, file.section
            add(source, ("summary",), section.summary, None)
            add(source, ("notes",), section.notes, None)
            for index, term in enumerate(section.key_terms):
                add(source, ("key_terms", index, "definition"), term.definition, None)
            for index, tip in enumerate(section.exam_tips):
                add(source, ("exam_tips", index), tip, None)
            for index, question in zip(file.indices, section.questions, strict=True):
                if not _may_hold_markup(_all_texts(question)):
                    continue  # most questions: one test, not one a text
                qid = question.id
                add(source, ("questions", index, "stem"), question.stem, qid)
                add(source, ("questions", index, "explanation"), question.explanation, qid)
                for letter, option in question.options.items():
                    at = ("questions", index, "options", letter)
                    if isinstance(option, str):
                        add(source, at, option, qid)
                    else:
                        add(source, (*at, "text"), option.text, qid)
                        add(source, (*at, "feedback"), option.feedback, qid)
        return found

    @worked_out
    def single_answer_questions(self) -> list[QuestionRef]:
        """The questions with one answer that names one of at least two options, in bank
        order: whose key letters answer-key-balance tests, and key lengths
        longest-option-key (listed once for both: listing them again cost 0.03 G
        instructions in a lint of 10,000 questions). Read, never changed."""
        return [
            ref
            for ref in self._refs
            if len(ref.question.answer_letters) == 1
            and ref.question.answer_letters[0] in ref.question.options
            and len(ref.question.options) >= 2
        ]

    @worked_out
    def single_answer_true_false(self) -> list[bool]:
        """Whether each of ``single_answer_questions`` is a true/false question
        (``is_true_false``): longest-option-key leaves those out, and answer-key-balance
        tests their keys by value (worked out once for both: 10 M instructions less in a
        lint of 2,000 questions). Read, never changed."""
        from exambank.rules.true_false import is_true_false  # the rules import this module

        return [is_true_false(ref.question.option_texts) for ref in self.single_answer_questions]

    @worked_out
    def _refs(self) -> list[QuestionRef]:
        refs: list[QuestionRef] = []
        language = self.manifest.language
        for file in self.files:
            for index, question in zip(file.indices, file.section.questions, strict=True):
                number = len(refs) + 1
                refs.append(
                    QuestionRef(question, file.section, file.source, index, number, language)
                )
        return refs

    @worked_out
    def _in_a_row(self) -> list[QuestionRef | None]:
        refs = iter(self._refs)
        order = {section_id: at for at, section_id in enumerate(self.manifest.sections)}
        read = {id(file.source) for file in self.files}
        unread = sorted(
            order[section_id_of(source.path)]
            for source in self.listed_sources
            if id(source) not in read
        )
        places: list[QuestionRef | None] = []
        for file in self.files:
            at = order.get(file.section.id, len(order))
            if unread and unread[0] < at:  # a section file that failed: its questions
                places.append(None)
                unread = [place for place in unread if place > at]
            held = list(islice(refs, len(file.indices)))
            written = file.source.data.get("questions")  # a section file's data: a mapping
            count = len(written) if isinstance(written, list) else 0
            if len(held) < count:  # some failed the schema: a gap where each stands
                at_index = {ref.index: ref for ref in held}
                places += [at_index.get(index) for index in range(count)]
            else:
                places += held
        return places
