"""What the rules can check of a bank whose files failed their schema: the parts that are
valid.

Apart from ``exambank.lint``, which runs the stages in order: this decides, for a section
or a manifest the schema refused, what of it stands in for the whole, so that one fault
does not hide every other finding of the run.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from exambank.bank import SectionFile, section_id_of
from exambank.load import refusal
from exambank.model import LANGUAGE_PATTERN, LETTER_PATTERN, Manifest, Question, Section
from exambank.source import Source


def section_file(source: Source, valid: BaseModel | None) -> SectionFile | None:
    """The validated section; after schema errors, whatever parts of it are valid, so the
    rules can still check every question that is well formed."""
    if isinstance(valid, Section):
        return SectionFile(source, valid, tuple(range(len(valid.questions))))
    data = source.data
    if not isinstance(data, dict):
        return None
    raw_questions = data.get("questions")
    kept: list[tuple[int, Question]] = []
    for index, raw in enumerate(raw_questions if isinstance(raw_questions, list) else []):
        question = _well_formed_enough(raw)
        if question is not None:
            kept.append((index, question))
    rest = {key: value for key, value in data.items() if key != "questions"}
    try:
        shell = Section.model_validate(rest, strict=True)
    except ValidationError as error:
        broken = {problem["loc"][0] for problem in error.errors() if problem["loc"]}
        kept_keys = {k: v for k, v in rest.items() if k not in broken}
        kept_keys.setdefault("id", section_id_of(source.path))  # stand-ins, already reported
        kept_keys.setdefault("title", kept_keys["id"])
        try:
            shell = Section.model_validate(kept_keys, strict=True)
        except ValidationError:
            return None
    section = shell.model_copy(update={"questions": [question for _, question in kept]})
    return SectionFile(source, section, tuple(index for index, _ in kept))


# Question keys whose faults leave the rest of the question to check: a 'difficulty:
# Hard' (reported by the schema) must not hide a wrong answer letter in the same run. Not
# a broken suppression: the rules it was meant to silence would speak up.
_ASIDE = frozenset({"difficulty", "tags"})
_OPTION_LETTER = re.compile(LETTER_PATTERN)


def _well_formed_enough(raw: object) -> Question | None:
    """``raw`` as a question; if only keys aside from its substance are at fault (a bad
    difficulty or tags, an unknown key), the question without them, for the rules to
    check; else None."""
    try:
        return Question.model_validate(raw, strict=True)
    except ValidationError as error:
        if not isinstance(raw, dict):
            return None
        faulty = set()
        for problem in error.errors():
            key = problem["loc"][0] if problem["loc"] else None
            unknown = problem["type"] == "extra_forbidden" and len(problem["loc"]) == 1
            if key not in _ASIDE and not (unknown and not _OPTION_LETTER.fullmatch(str(key))):
                return None  # an option letter out of 'options:' is no key of its own
            faulty.add(key)
    try:
        return Question.model_validate(
            {key: value for key, value in raw.items() if key not in faulty}, strict=True
        )
    except ValidationError:
        return None


def stand_in_manifest(root: Path, source: Source, sections: list[Source]) -> Manifest:
    """What can be taken from a manifest that failed its schema (or is missing): the
    sections it lists, or else the section files found (each once), so every rule still
    runs; and its language (``_language_of``)."""
    data = source.data if isinstance(source.data, dict) else {}
    listed = data.get("sections")
    section_ids = (
        [item for item in listed if isinstance(item, str)]
        if isinstance(listed, list)
        else list(dict.fromkeys(section_id_of(file.path) for file in sections))
    )
    given, language = _language_of(source)
    if not re.fullmatch(LANGUAGE_PATTERN, language):  # 'English': the schema reports it
        language = _UNKNOWN
    bank_id, title = data.get("id"), data.get("title")
    return Manifest.model_construct(
        # which fields the manifest gives: a rule tells the default language from a given one
        {"id", "title", "sections", *(["language"] if given else [])},
        id=bank_id if isinstance(bank_id, str) else root.name,
        title=title if isinstance(title, str) else root.name,
        language=language,
        exam=None,
        version=None,
        description=None,
        sections=section_ids,
    )


# Not known (no text, or no tag: 'English'): no rule that reads wording runs, none is
# told unused for it (``suppression``), language-mismatch compares nothing, and numbers
# are read as in the default language, English (``rules.numbers.reading``).
_UNKNOWN = ""
_LANGUAGE_LINE = re.compile(r"^language[ \t]*:(.*)$", re.MULTILINE)  # a top-level key
_TAG = re.compile(r"""[ \t]*(["']?)([A-Za-z0-9-]+)\1[ \t]*(?:#.*)?""")  # quoted or not


def _language_of(source: Source) -> tuple[bool, str]:
    """Whether the manifest gives a language, and the language: the one it gives if it is
    text, else _UNKNOWN; "en", the default, if it gives none. Of a manifest that could not
    be read as YAML (saved as Windows-1252, broken elsewhere), its ``language:`` line is
    read, so a German bank's rules read German, not the default's English."""
    if source.data is not None:
        data = source.data if isinstance(source.data, dict) else {}
        given = data.get("language", "en")
        return "language" in data, given if isinstance(given, str) else _UNKNOWN
    if not source.path.is_file():
        return False, "en"  # no manifest: it gives none
    try:
        raw = None if refusal(source.path) else source.path.read_bytes()
    except OSError:
        raw = None
    if raw is None:
        return True, _UNKNOWN
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    # Any other encoding writes the line's ASCII as UTF-8 does: what else fails is replaced.
    lines = _LANGUAGE_LINE.findall(raw.decode("utf-16" if utf16 else "utf-8-sig", "replace"))
    if not lines:
        return False, "en"
    tag = _TAG.fullmatch(lines[0]) if len(lines) == 1 else None
    return True, tag[2] if tag else _UNKNOWN
