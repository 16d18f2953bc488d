"""pydantic (strict) decides validity and jsonschema explains failures, so the two must
agree on every document, or an error could pass unreported."""

import copy

import pytest

from exambank import schema
from exambank.model import Section

VALID = {
    "id": "main",
    "title": "Main",
    "questions": [
        {
            "id": "q1",
            "stem": "Which?",
            "options": {"A": "a", "B": {"text": "b", "feedback": "why"}},
            "answer": "A",
            "explanation": "Because.",
        }
    ],
}


def changed(path, value):
    document = copy.deepcopy(VALID)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


Q = ("questions", 0)
CASES = [
    VALID,
    changed((*Q, "options", "A"), 3.1),
    changed((*Q, "options", "A"), True),
    changed((*Q, "options", "A"), None),
    changed((*Q, "options", "a"), "lower"),
    changed((*Q, "options", "AB"), "two letters"),
    changed((*Q, "options"), {}),
    changed((*Q, "options", "B", "feedback"), None),
    changed((*Q, "options", "B", "extra"), "x"),
    changed((*Q, "options", "B", "text"), KeyError),
    changed((*Q, "answer"), ["A"]),
    changed((*Q, "answer"), "a"),
    changed((*Q, "answer"), 1),
    changed((*Q, "answer"), []),
    changed((*Q, "type"), "multiple"),
    changed((*Q, "type"), "essay"),
    changed((*Q, "tags"), "solo"),
    changed((*Q, "tags"), ["a", 1]),
    changed((*Q, "difficulty"), None),
    changed((*Q, "difficulty"), "Easy"),
    changed((*Q, "id"), "Q1"),
    changed((*Q, "id"), "q--1"),
    changed((*Q, "explanation"), KeyError),
    changed((*Q, "anwser"), "A"),
    changed(("summary",), None),
    changed(("summary",), 5),
    changed(("questions",), None),
    changed(("questions",), {}),
    changed(("key_terms",), [{"term": "t"}]),
    changed(("key_terms",), [{"term": "t", "definition": "d"}]),
    changed(("exam_tips",), ["tip", None]),
    changed(("title",), KeyError),
]


@pytest.mark.parametrize("document", CASES)
def test_pydantic_strict_and_the_committed_schema_agree(document):
    by_schema = schema.validator("section.schema.json").is_valid(document)
    try:
        Section.model_validate(document, strict=True)
        by_model = True
    except ValueError:
        by_model = False
    assert by_model == by_schema
