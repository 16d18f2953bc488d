"""The line a handout prints under a multiple-answer question's stem ("Choose 2 answers.",
in its labels' language), and where it prints none. The JSON and the CSV export carry the
same text, so that a tool showing a question tells the student how many to pick exactly
where the handouts do: never twice beside a stem's own "(Choose TWO)"."""

from __future__ import annotations

from exambank.builders.labels import Labels
from exambank.model import Question
from exambank.rules.answer_requests import hides_count, requested_count


def answer_instruction(question: Question, labels: Labels) -> str | None:
    """The plain text printed under ``question``'s stem, or None where none is: a
    single-answer question, or a stem that asks for as many ("Select TWO.") or leaves the
    number open on purpose ("Select all that apply")."""
    count = len(question.answer_letters)
    if (
        question.type != "multiple"
        or requested_count(question.stem) == count
        or hides_count(question.stem)
    ):
        return None
    return labels.count(labels.choose, count)
