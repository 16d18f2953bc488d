"""The aws-ai-practitioner bank keeps every word of the guide it was transcribed from.

The seed is the JavaInUse "Amazon SageMaker deep dive" page, saved as plain text
beside the checkout (``../shared/seeds``). It is parsed here on its own terms -- regexes
over its practice question blocks, key-term tables and exam-tip lists -- and compared
with the YAML bank, so a transcription slip (a changed word, a dropped option, a wrong
answer letter) fails CI.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

SEED_PATH = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_7fc18d97625c1639.txt"
BANK_DIR = Path(__file__).resolve().parents[1] / "bank" / "aws-ai-practitioner"

PAGE_TITLE = "AWS AI Practitioner - Amazon SageMaker - Deep Dive"
SECTION_COUNT = 11
QUESTIONS_PER_SECTION = 5

PRACTICE_QUESTIONS = "Practice Questions"
KEY_TERMS_HEADING = "Key Terms"
KEY_TERMS_HEADER_ROW = "TermDefinition"
EXAM_TIPS = "Exam Tips:"

QUESTION = re.compile(r"^Q(?P<number>\d+)\. (?P<stem>\S.*)$")
BULLET = re.compile(r"^  • (?P<text>\S.*)$")
ANSWER = re.compile(r"^Answer: (?P<letter>[A-Z])$")
# Explanations are prose; a line without a sentence end after one is the next heading.
SENTENCE_END = re.compile(r"[.!?]$")


@dataclass
class SeedQuestion:
    number: int
    stem: str
    options: list[str] = field(default_factory=list)
    answer: str = ""
    paragraphs: list[str] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class SeedSection:
    title: str
    teaching: list[str]
    key_terms: list[str]
    exam_tips: list[str]
    questions: list[SeedQuestion]


def _next_filled(lines: list[str], start: int) -> int:
    """Index of the first non-blank line at or after ``start``."""
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _previous_filled(lines: list[str], index: int) -> int:
    """Index of the last non-blank line at or before ``index``."""
    while index > 0 and not lines[index].strip():
        index -= 1
    return index


def _split_body(title: str, body: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split the text before a section's questions into teaching, key terms, tips."""
    assert EXAM_TIPS in body, f"seed section {title!r} has no {EXAM_TIPS!r} list"
    tips_at = body.index(EXAM_TIPS)
    key_terms: list[str] = []
    teaching_end = tips_at
    if KEY_TERMS_HEADER_ROW in body[:tips_at]:
        header_at = body.index(KEY_TERMS_HEADER_ROW)
        key_terms = [line for line in body[header_at + 1 : tips_at] if line.strip()]
        teaching_end = header_at
        if body[_previous_filled(body, header_at - 1)] == KEY_TERMS_HEADING:
            teaching_end = _previous_filled(body, header_at - 1)
    exam_tips: list[str] = []
    for line in body[tips_at + 1 :]:
        bullet = BULLET.match(line)
        if bullet:
            exam_tips.append(bullet["text"])
        else:
            assert not line.strip(), f"seed section {title!r}: unexpected {line!r} after exam tips"
    teaching = [line for line in body[:teaching_end] if line.strip()]
    return teaching, key_terms, exam_tips


def _parse_questions(lines: list[str], start: int) -> tuple[list[SeedQuestion], int]:
    """Read questions from ``start``; return them and the index of the line after."""
    questions: list[SeedQuestion] = []
    index = start
    while index < len(lines):
        line = lines[index]
        question, bullet, answer = (
            QUESTION.match(line),
            BULLET.match(line),
            ANSWER.match(line),
        )
        if question:
            questions.append(SeedQuestion(int(question["number"]), question["stem"]))
        elif not line.strip():
            pass
        elif not questions:
            raise AssertionError(f"seed line {index + 1}: expected a question, got {line!r}")
        elif bullet and not questions[-1].answer:
            questions[-1].options.append(bullet["text"])
        elif answer and not questions[-1].answer:
            questions[-1].answer = answer["letter"]
        elif questions[-1].answer and SENTENCE_END.search(line):
            questions[-1].paragraphs.append(line)
        else:
            break  # the next section's heading (or the page footer)
        index += 1
    return questions, index


def parse_seed(text: str) -> list[SeedSection]:
    lines = text.splitlines()
    title_at = _next_filled(lines, lines.index(PAGE_TITLE) + 1)
    sections: list[SeedSection] = []
    while PRACTICE_QUESTIONS in lines[title_at:]:
        title = lines[title_at]
        questions_at = lines.index(PRACTICE_QUESTIONS, title_at)
        teaching, key_terms, exam_tips = _split_body(title, lines[title_at + 1 : questions_at])
        questions, title_at = _parse_questions(lines, questions_at + 1)
        sections.append(SeedSection(title, teaching, key_terms, exam_tips, questions))
    return sections


@pytest.fixture(scope="module")
def seed() -> list[SeedSection]:
    if not SEED_PATH.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed text missing: {SEED_PATH}")
        pytest.skip("seed text not present beside the checkout")
    return parse_seed(SEED_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe", pure=True).load(BANK_DIR / "bank.yaml")
    return loaded


@pytest.fixture(scope="module")
def bank(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The section files, in manifest order."""
    yaml = YAML(typ="safe", pure=True)
    sections = []
    for number, section_id in enumerate(manifest["sections"], start=1):
        path = BANK_DIR / f"{number:02d}-{section_id}.yaml"
        assert path.is_file(), f"manifest section {section_id!r} has no file {path.name}"
        sections.append(yaml.load(path))
    return sections


def _option_as_seed_text(option: str | dict[str, Any]) -> str:
    if isinstance(option, str):
        return option
    feedback = option.get("feedback")
    return option["text"] if feedback is None else f"{option['text']} -- {feedback}"


def _differs(what: str, seed_value: object, bank_value: object) -> str:
    return f"{what} differs\n    seed: {seed_value!r}\n    bank: {bank_value!r}"


def _compare_question(section_id: str, seed_q: SeedQuestion, bank_q: dict[str, Any]) -> list[str]:
    question_id = f"{section_id}-q{seed_q.number}"
    problems: list[str] = []
    if bank_q.get("id") != question_id:
        problems.append(_differs("id", question_id, bank_q.get("id")))
    if bank_q.get("type", "single") != "single":
        problems.append(_differs("type", "single", bank_q.get("type")))
    if bank_q.get("stem") != seed_q.stem:
        problems.append(_differs("stem", seed_q.stem, bank_q.get("stem")))
    options = bank_q.get("options") or {}
    letters = [chr(ord("A") + offset) for offset in range(len(seed_q.options))]
    if list(options) != letters:
        problems.append(_differs("option letters", letters, list(options)))
    for letter, seed_option in zip(letters, seed_q.options, strict=True):
        if letter in options and _option_as_seed_text(options[letter]) != seed_option:
            bank_option = _option_as_seed_text(options[letter])
            problems.append(_differs(f"option {letter}", seed_option, bank_option))
        elif letter in options and " -- " in seed_option:
            option = options[letter]
            if isinstance(option, str) or " -- " in option["text"]:
                problems.append(
                    f"option {letter} is not split at its first ' -- ' into text "
                    f"and feedback: {seed_option!r}"
                )
    if bank_q.get("answer") != seed_q.answer:
        problems.append(_differs("answer", seed_q.answer, bank_q.get("answer")))
    if bank_q.get("explanation") != seed_q.explanation:
        problems.append(_differs("explanation", seed_q.explanation, bank_q.get("explanation")))
    return [f"{question_id}: {problem}" for problem in problems]


def _teaching_key(text: str) -> str:
    """Letters and digits only: notes may re-lay text as tables, lists and headings."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def test_seed_has_eleven_sections_of_five_questions(seed: list[SeedSection]) -> None:
    assert len(seed) == SECTION_COUNT
    assert [len(section.questions) for section in seed] == [QUESTIONS_PER_SECTION] * SECTION_COUNT
    assert sum(len(section.questions) for section in seed) == 55
    for section in seed:
        assert [q.number for q in section.questions] == [1, 2, 3, 4, 5], section.title
        for question in section.questions:
            where = f"{section.title!r} Q{question.number}"
            assert len(question.options) == 4, f"{where}: {question.options}"
            assert question.answer, f"{where}: no answer"
            assert question.paragraphs, f"{where}: no explanation"


def test_bank_has_one_file_per_seed_section(
    seed: list[SeedSection], manifest: dict[str, Any], bank: list[dict[str, Any]]
) -> None:
    files = sorted(path.name for path in BANK_DIR.glob("[0-9][0-9]-*.yaml"))
    expected = [f"{n:02d}-{sid}.yaml" for n, sid in enumerate(manifest["sections"], start=1)]
    assert files == expected
    assert len(files) == len(seed) == SECTION_COUNT
    assert [section.get("id") for section in bank] == manifest["sections"]


def test_section_titles_match_seed(seed: list[SeedSection], bank: list[dict[str, Any]]) -> None:
    assert [section.get("title") for section in bank] == [section.title for section in seed]


def test_questions_match_seed(seed: list[SeedSection], bank: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for seed_section, bank_section in zip(seed, bank, strict=True):
        bank_questions = bank_section.get("questions") or []
        if len(bank_questions) != len(seed_section.questions):
            problems.append(
                f"{bank_section['id']}: {len(bank_questions)} questions, "
                f"the seed has {len(seed_section.questions)}"
            )
        for seed_q, bank_q in zip(seed_section.questions, bank_questions, strict=False):
            problems.extend(_compare_question(bank_section["id"], seed_q, bank_q))
    assert sum(len(section.get("questions") or []) for section in bank) == 55
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_key_terms_match_seed(seed: list[SeedSection], bank: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for seed_section, bank_section in zip(seed, bank, strict=True):
        section_id = bank_section["id"]
        key_terms = bank_section.get("key_terms") or []
        if len(key_terms) != len(seed_section.key_terms):
            problems.append(
                f"{section_id}: {len(key_terms)} key terms, the seed has "
                f"{len(seed_section.key_terms)}"
            )
        for number, (seed_row, key_term) in enumerate(
            zip(seed_section.key_terms, key_terms, strict=False), start=1
        ):
            term, definition = key_term.get("term", ""), key_term.get("definition", "")
            where = f"{section_id}: key term {number} ({term!r})"
            if not term.strip() or not definition.strip():
                problems.append(f"{where}: term and definition must both be filled")
            if term + definition != seed_row:
                joined = term + definition
                problems.append(f"{where}: {_differs('term + definition', seed_row, joined)}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_exam_tips_match_seed(seed: list[SeedSection], bank: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for seed_section, bank_section in zip(seed, bank, strict=True):
        tips = bank_section.get("exam_tips") or []
        if tips != seed_section.exam_tips:
            problems.append(
                f"{bank_section['id']}: " + _differs("exam tips", seed_section.exam_tips, tips)
            )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_teaching_text_is_kept(seed: list[SeedSection], bank: list[dict[str, Any]]) -> None:
    """Each label and value taught outside the questions is in summary or notes."""
    problems: list[str] = []
    for seed_section, bank_section in zip(seed, bank, strict=True):
        taught = _teaching_key(
            f"{bank_section.get('summary') or ''}\n{bank_section.get('notes') or ''}"
        )
        for line in seed_section.teaching:
            bullet = BULLET.match(line)
            text = bullet["text"] if bullet else line.strip()
            label, _, value = text.partition(": ")
            for part in (label.rstrip(":"), value):
                if part and _teaching_key(part) not in taught:
                    problems.append(f"{bank_section['id']}: summary/notes lack {part!r}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
