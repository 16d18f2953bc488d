"""Runs of one key letter in bank order, as a handout prints the questions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Least, Options

_KEY_OF = " is the key of "  # after the letter, in every message; identity() splits there


class AnswerRun(BankRule):
    """The same key letter several questions in a row.

    Runs ("B, B, B, B") make candidates doubt a right answer or guess by pattern, and
    show that the key position was not varied. Heuristic: ``min_run`` or more
    consecutive single-answer questions in bank order (across sections, as a handout
    prints them) with the same key letter; a multiple-answer question ends a run, and so
    does a question that failed the schema (or a listed section file that did): lint
    cannot read its key, so the questions on either side of it are not in a row. Each
    question of the run is reported. Known false positives: banks that are always
    shuffled before use (the run never reaches a candidate). A random key makes such runs
    too: with four options, a run of four or more in about half of 55-question banks and
    in nearly every bank of 450 (a run is what candidates notice, not proof of a biased
    writer); ``min_run`` 7 keeps that chance under 1% for 55 questions, 9 for 450.
    ``stats`` counts runs apart from the questions' own flaws, with the chance of a run as
    long in a random key of the bank's size. The hint is to hand out shuffled editions
    (``exambank build --shuffle SEED``: each question's options in an order drawn at
    random, relettered) rather than to break runs by hand: writers who reletter to avoid
    runs make keys that change letter more often than chance, which test-wise candidates
    exploit in turn (Bar-Hillel & Attali 2002, "Seek whence: answer sequences and their
    consequences in key-balanced multiple-choice tests", The American Statistician
    56(4)). Lint still reports the runs of a bank handed out only in shuffled editions,
    as it checks the source: such a bank turns the rule off in pyproject.toml, with
    `ignore = ["answer-run"]` under `[tool.exambank]`. Source: Haladyna, Downing &
    Rodriguez (2002), guideline 20 (vary the location of the right answer).

    Options: ``min_run`` (default 4).

    Bad:
        four consecutive questions whose answer is B

    Good:
        keys B, D, A, C
    """

    name = "answer-run"
    severity = "warning"
    on_questions = True  # its findings name their question
    about_order = True  # a flaw of the bank's order, not of the questions it names
    options: ClassVar[dict[str, Any]] = {"min_run": 4}
    # a run is two questions or more: min_run 1 would report every question
    option_least: ClassVar[dict[str, tuple[Least, float]]] = {"min_run": ("at least", 2)}

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for run in answer_runs(bank, options["min_run"]):
            letter = run[0].question.answer_letters[0]
            for place, ref in enumerate(run, start=1):
                yield ref.diagnostic(
                    self.name,
                    self.severity,
                    ("answer",),
                    f"{letter}{_KEY_OF}{len(run)} question{'s' if len(run) > 1 else ''} in a row "
                    f"({run[0].question.id} to {run[-1].question.id}); this is number {place}",
                    "hand out shuffled editions (exambank build --shuffle SEED) rather than "
                    "reletter by hand, which makes the key change letter too often; a bank "
                    'always handed out shuffled turns this rule off: ignore = ["answer-run"] '
                    "under [tool.exambank] in pyproject.toml",
                )

    @classmethod
    def identity(cls, message: str) -> str:
        """The key letter alone: a question is the same finding while it is in a run of
        that letter, whatever the run's ends and length (fixing one question of a run
        splits or shortens it) and the question's place in it."""
        letter, said, _ = message.partition(_KEY_OF)
        return letter if said else message


def answer_runs(bank: Bank, min_run: int) -> Iterator[list[QuestionRef]]:
    """The runs of ``min_run`` or more single-answer questions in a row, in bank order,
    with the same key letter (``Bank.questions_in_a_row``: none across a question that
    failed the schema)."""
    run: list[QuestionRef] = []
    for ref in bank.questions_in_a_row():
        letter = _single_key(ref)
        if ref is not None and run and letter is not None and letter == _single_key(run[0]):
            run.append(ref)
            continue
        if len(run) >= min_run:
            yield run
        run = [ref] if ref is not None and letter is not None else []
    if len(run) >= min_run:
        yield run


def keyed_letters(bank: Bank) -> list[str | None]:
    """Each question's option letters ("ABCD") in bank order, as ``answer_runs`` walks
    them; None for a question that ends a run (one that is not single-answer, or failed
    the schema)."""
    keyed: list[str | None] = []
    for ref in bank.questions_in_a_row():
        key = _single_key(ref)
        keyed.append(None if ref is None or key is None else "".join(ref.question.options) or key)
    return keyed


def _single_key(ref: QuestionRef | None) -> str | None:
    if ref is None or len(ref.question.answer_letters) != 1:
        return None
    return ref.question.answer_letters[0]
