"""``lint --fix`` of a multiple-answer key typed as one text: ``answer: A, C``, which YAML
reads as the text "A, C", becomes ``answer: [A, C]``, the list the author meant; so does
``answer: [A; C]``, which YAML reads as a list of the one item "A; C". Only on a question
of ``type: multiple`` whose options are all lettered, when every part of the text is one
of its option letters (``listable``): on a single-answer question the author must choose
one letter, or make the question multiple, and lint's hint says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from exambank.schema_answer_texts import listable
from exambank.source import JsonPath
from exambank.tree_edits import replace_value

Change = tuple[JsonPath, str]  # where, and what was done


def answer_lists(data: Any) -> Iterator[Change]:
    """Each ``answer: A, C`` (or ``[A; C]``) of a multiple-answer question made
    ``answer: [A, C]``."""
    questions = data.get("questions") if isinstance(data, dict) else None
    for index, question in enumerate(questions if isinstance(questions, list) else []):
        letters = listable(question)
        if letters is None:
            continue
        written = question["answer"]
        if isinstance(question, CommentedMap):
            answer = CommentedSeq(letters)
            answer.fa.set_flow_style()  # on the line it was typed on, as '[A, C]'
            replace_value(question, "answer", answer)
        else:
            question["answer"] = letters
        listed = f"[{', '.join(letters)}]"
        if isinstance(written, list):  # '[A; C]' as YAML read it: ["A; C"]
            said = f"answer [{', '.join(written)}]: letters not separated by commas"
        else:
            said = f"answer '{written}' written as one text"
        yield ("questions", index, "answer"), f"{said} -> {listed}"
