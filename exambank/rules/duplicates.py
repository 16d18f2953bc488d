"""Questions that repeat exactly: the same stem over the same options. Each finding names
every other copy, so deleting one copy never leaves a finding that names it; near copies
are ``near_duplicates``'s."""

# ruff: noqa: RUF002  # Russian words, and its letters yo and ie, are the point

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.lookalikes import without_yo
from exambank.rules.base import BankRule, Options

# Kept as written: code (a fenced block, a code span, a line indented as code) and the
# target of a link or an image ("](img/Fig-A.png)").
_AS_WRITTEN = re.compile(
    r"^(```|~~~).*?^\1[^\n]*|`[^`]+`|^(?: {4}|\t)[^\n]*|\]\([^)]*\)", re.MULTILINE | re.DOTALL
)
# Emphasis: a word or words between a matching pair of "*", "**", "***" or "_" ("**not**",
# "*all* of them", "_tomb_"); not a lone "*" ("int *p", "2*3", "a * b"), "snake_case" or a
# Python name's "__" ("__init__").
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_(?!_))(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
# For ``_rough``: what ``str.split`` takes for white space in ASCII, and the emphasis marks.
_SPACE_AND_EMPHASIS = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f*_"
# A word of three letters or more in title case that opens a sentence: its capital is the
# sentence's ("Paying only for time used." and "paying only for time used."). Not a
# symbol or unit ("Co" beside "CO", "Mg" beside "mg"), nor a name inside a sentence.
_OPENER = r"[^\W\d_][^\W\d_A-Z]{2,}\b"
_SENTENCE_OPENER = re.compile(rf"(?<=[.?!:]\s){_OPENER}")
_TEXT_OR_SENTENCE_OPENER = re.compile(rf"(?:^|(?<=[.?!:]\s)){_OPENER}")
_START = 24  # bytes of a stem's rough form the first sieve compares
_NAMED = 5  # the most other questions a finding names; "and N more" after them


class DuplicateQuestion(BankRule):
    """Two or more questions are the same question: the same stem and the same options.

    A copy pasted under a new id is counted twice in a score and, in a handout, answers
    itself; with another key, one of the keys is wrong. Reported on every copy, naming the
    others, when their stems are the same and so are their options (as a set, in any order,
    each option compared as the stem is), after this much normalisation: Markdown emphasis
    marks dropped where they come in pairs around words ("**not**", "*all* of them",
    "_tomb_") and every run of white space (spaces, tabs, line breaks) read as one space,
    outside code and link targets, and the capital of a word of three letters or more that
    opens the text or a sentence ("Paying only for time used." and "paying only ..."),
    and the Russian ё read as е ("задаёт" and "задает": Russian writes е for ё freely);
    code (a fenced block, a code span, a line indented four spaces or a tab) is compared
    as written, bar the spaces that end its lines, since indentation changes a program.
    Case counts everywhere else ("Co" is cobalt, "CO" carbon monoxide; "100 MB" is not
    "100 Mb"; an option "Mg" is not "mg"), and so do punctuation, numbers, a lone "*" or "_"
    ("int *p", "__init__") and the targets of links and images ("img/Fig-A.png"): texts
    that differ in them may be two questions, and a finding would tell their author that a
    right key is wrong. A question asked twice under one id is left to ``duplicate-id``,
    and blank stems (``exambank new``'s placeholders) to ``empty-text``; ``near-duplicate``,
    when it is on, reports these copies too, and also copies that differ in other capitals
    ("aws cloud", "AWS Cloud"). Found with hash maps, never question by question: the stems by the
    start of a rough form (white space and every "*" and "_" dropped, made at C speed), then
    by all of it; only stems alike in both are normalised and their options compared. Known
    false positives: a stem that points at a figure or exhibit kept outside its text, where
    two copies may show different ones. A copy kept on purpose (one item in two practice
    exams) is a copy all the same: suppress the finding on each copy. Source: Haladyna,
    Downing & Rodriguez (2002), guideline 4 (keep the content of each item independent of
    other items).

    Bad:
        q1 and q7 both "Which service stores objects durably?" over the options Amazon S3,
        Amazon EBS, Amazon EFS (in any order)

    Good:
        q7 asks about something else, or is deleted; or the same stem over other options
    """

    name = "duplicate-question"
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # Three sieves, each finer and dearer than the last, each only over the questions
        # the last one found alike: the stem's start, the whole stem, the question.
        for starting_alike in _alike(bank.questions(), lambda ref: _start(ref.question.stem)):
            for alike in _alike(starting_alike, lambda ref: _rough(ref.question.stem)):
                for copies in _alike(alike, _normalised_question):
                    if _copies_of_a_question(copies):
                        yield from self._report(copies)

    def _report(self, copies: list[QuestionRef]) -> Iterator[Diagnostic]:
        same_key = len({_key_texts(ref) for ref in copies}) == 1
        wrong = "" if same_key else "; their keys differ, so one is wrong"
        hint = (
            "keep one of them; suppress this on a copy kept on purpose"
            if same_key
            else "keep one of them, with the right key"
        )
        for ref in copies:
            others = [other for other in copies if other is not ref]
            yield ref.diagnostic(
                self.name,
                self.severity,
                ("stem",),
                f"the same stem and options as {listed(others)}{wrong}",
                hint,
                places_of(others),
            )


def _alike(
    refs: Iterable[QuestionRef], key: Callable[[QuestionRef], Hashable]
) -> Iterator[list[QuestionRef]]:
    """The groups of two or more of ``refs`` with the same ``key``."""
    by_key: dict[Hashable, list[QuestionRef]] = {}
    for ref in refs:
        by_key.setdefault(key(ref), []).append(ref)
    return (group for group in by_key.values() if len(group) > 1)


def _copies_of_a_question(copies: list[QuestionRef]) -> bool:
    """Not one id asked twice (``duplicate-id``'s), nor blank placeholders, as ``exambank
    new`` writes them (``empty-text``'s)."""
    return bool(copies[0].question.stem.strip()) and len({ref.question.id for ref in copies}) > 1


def _normalised_question(ref: QuestionRef) -> tuple[str, frozenset[str]]:
    question = ref.question
    return normalised(question.stem), frozenset(map(normalised, question.option_texts))


def normalised(text: str) -> str:
    """``text`` as ``duplicate-question`` compares it: outside code and link targets,
    emphasis marks dropped, spacing collapsed and ё read as е; code as written, bar the
    spaces ending its lines; link and image targets as written."""
    parts, start = [], 0
    for kept in _AS_WRITTEN.finditer(text):
        parts += [_prose(text[start : kept.start()], start == 0), _as_written(kept.group())]
        start = kept.end()
    parts.append(_prose(text[start:], start == 0))
    return "\n".join(part for part in parts if part)


def _start(text: str) -> bytes:
    """``_rough(text)[:_START]``, from the text's start alone when that holds enough."""
    start = _rough(text[: 2 * _START])
    if len(start) < _START and len(text) > 2 * _START:
        start = _rough(text)
    return start[:_START]


def _rough(text: str) -> bytes:
    """``text`` in small letters without white space, "*" and "_", ё read as е: the same
    for any two texts ``normalised`` makes the same (it only drops some of these, puts some
    capitals in small letters and reads ё as е outside code)."""
    if text.isascii():  # most texts: the deletions in one pass over the bytes
        return text.encode().translate(None, _SPACE_AND_EMPHASIS).lower()
    return "".join(without_yo(text.lower()).split()).encode().translate(None, b"*_")


def _prose(text: str, opens_the_text: bool) -> str:
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if not text.isascii():
        text = without_yo(text)
    text = " ".join(text.split())
    # a text's first word opens a sentence; a word after code may not
    return (_TEXT_OR_SENTENCE_OPENER if opens_the_text else _SENTENCE_OPENER).sub(_small, text)


def _small(word: re.Match[str]) -> str:
    return word[0].lower()


def _as_written(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _key_texts(ref: QuestionRef) -> frozenset[str]:
    return frozenset(map(normalised, ref.question.key_texts))


def listed(refs: Sequence[QuestionRef]) -> str:
    """ "q2 at 01-a.yaml:14, q3 at 02-b.yaml:5 and q4 at ...": each question by id and the
    place of its stem, the first ``_NAMED``, then how many more."""
    named = [f"{ref.question.id} at {place(ref)}" for ref in refs[:_NAMED]]
    if len(refs) > _NAMED:
        named.append(f"{len(refs) - _NAMED} more")
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def place(ref: QuestionRef) -> str:
    return f"{ref.source.display}:{ref.where('stem')[0]}"


def places_of(refs: Iterable[QuestionRef]) -> tuple[str, ...]:
    """The files ``listed`` and ``place`` quote for ``refs`` (``Diagnostic.places``)."""
    return tuple(dict.fromkeys(ref.source.display for ref in refs))
