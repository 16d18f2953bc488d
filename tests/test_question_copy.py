"""A copy of a question with new options and answer (as ``--shuffle`` makes one) has its
own answer's letters and texts, even when the original's were read before copying."""

from __future__ import annotations

from exambank.model import Question


def test_a_copy_works_out_its_keys_from_its_own_answer_and_options() -> None:
    question = Question(
        id="q1",
        stem="Which service stores objects?",
        options={"A": "Amazon S3", "B": "Amazon EC2"},
        answer="A",
        explanation="S3 stores objects.",
    )
    assert (
        question.answer_letters,
        question.option_texts,
        question.key_texts,
    ) == (("A",), ("Amazon S3", "Amazon EC2"), ("Amazon S3",))
    copied = question.model_copy(
        update={"options": {"A": "Amazon EC2", "B": "Amazon S3 Glacier"}, "answer": "B"}
    )
    assert (
        copied.answer_letters,
        copied.option_texts,
        copied.key_texts,
    ) == (("B",), ("Amazon EC2", "Amazon S3 Glacier"), ("Amazon S3 Glacier",))
