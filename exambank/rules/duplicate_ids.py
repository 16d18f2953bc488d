"""Ids used twice in a bank: each section and question id must be unique across it."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.bank_structure import shown
from exambank.rules.base import BankRule, Options
from exambank.rules.wording import words
from exambank.source import JsonPath, Source

HINT = "give each section and question its own id"
# Two stems that share this much of their words in order (difflib's ratio) are one
# question's, a word or two reworded: "Which AWS service stores objects durably at low
# cost?" and "... at the lowest cost?" share 0.84; two questions on one stock stem, "What
# is the maximum size of an S3 object?" and "... of an SQS message?", 0.78.
_NEARLY = 0.8
UNLISTED_HINT = (
    "the file is not listed in bank.yaml: delete it if it is a copy, "
    "else give each section and question its own id"
)


class DuplicateId(BankRule):
    """A section or question id is used twice in the bank.

    Ids name questions in exports, answer keys and suppressions, so each must be unique
    across the whole bank. The message names both places. Where the two questions have
    the same stem (in two files, nearly the same: a word or two reworded), it says so,
    and the hint says to keep one copy with both copies' edits: a merge that takes a
    question moved to another file on one branch and edited on another leaves it twice,
    and a new id for the copy would keep it twice.

    Bad:
        - id: amt-q1
          ...
        - id: amt-q1

    Good:
        - id: amt-q1
          ...
        - id: amt-q2
    """

    name = "duplicate-id"
    severity = "error"
    # Ids name questions in suppressions, exports and answer keys: never switched off.
    switchable = False

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # ids quoted back with a hidden character shown, as the manifest rule's
        yield from map(shown, self._check(bank, options))

    def _check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # Where each id was first used, as (file, path): placed only for the few reports.
        sections: dict[str, tuple[Source, JsonPath]] = {}
        questions: dict[str, tuple[Source, JsonPath]] = {}
        # Listed files claim their ids first: a reused id is reported in an unlisted file
        # (a stray copy, say), the one to delete or change, never in the listed original.
        claimants = [(file, HINT) for file in bank.files]
        claimants += [(file, UNLISTED_HINT) for file in bank.unlisted]
        stems: dict[str, str] = {}  # the stem of the question that first used each id
        for file, hint in claimants:
            source = file.source
            yield from self._claim(sections, file.section.id, source, ("id",), hint, None)
            for index, question in zip(file.indices, file.section.questions, strict=True):
                path = ("questions", index, "id")
                said, how = "", hint
                if hint == HINT and question.id in questions:
                    said, how = _one_question(
                        stems[question.id], question.stem, questions[question.id][0] is source
                    )
                stems.setdefault(question.id, question.stem)
                yield from self._claim(questions, question.id, source, path, how, question.id, said)

    def _claim(
        self,
        first: dict[str, tuple[Source, JsonPath]],
        key: str,
        source: Source,
        path: JsonPath,
        hint: str,
        question: str | None,
        said: str = "",
    ) -> Iterator[Diagnostic]:
        if key in first:
            used_in, used_at = first[key]
            yield self.report(
                source,
                path,
                f"{'section' if question is None else 'question'} id '{key}' is already used "
                f"at {used_in.display}:{used_in.where(used_at)[0]}{said}",
                hint,
                question,
                places=(used_in.display,),
            )
        else:
            first[key] = (source, path)


def _one_question(first_stem: str, stem: str, same_file: bool) -> tuple[str, str]:
    """What the message adds, and the hint, for a question whose id the question with
    ``first_stem`` used first: where the stems are the same, or in two files nearly the
    same (a word or two reworded), one question is in the bank twice, as a merge leaves
    it that takes a question moved to another file on one branch and edited where it was
    on another. Giving the copy an id of its own would keep it twice (``near-duplicate``,
    off by default, is all that would see it). In one file a nearly equal stem is more
    likely a second question, two authors' parallel items under the next free id."""
    first_words, its_words = words(first_stem), words(stem)
    if not first_words:
        return "", HINT
    if first_words == its_words:
        same = "the same stem"
    elif not same_file and SequenceMatcher(None, first_words, its_words).ratio() >= _NEARLY:
        same = "nearly the same stem"
    else:
        return "", HINT
    if same_file:
        how = "the same question twice (both sides of a merge kept?)"
    else:
        how = "one question in two files (moved on one branch, edited on another?)"
    return (
        f", by a question with {same}",
        f"{how}: keep one copy, with the edits of both, and delete the other; "
        "two questions need two ids",
    )
