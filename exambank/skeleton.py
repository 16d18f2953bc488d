"""``exambank new``: append a question skeleton to a section file for an author to fill in.

The skeleton's stem, options and explanation are empty, so ``exambank lint`` reports each
as ``empty-text`` until it is written; its answer is a placeholder (A, or A and B for a
``multiple`` question) that the author must set. The rest of the file is kept as it was:
comments, blank lines, quoting.
"""

from __future__ import annotations

import copy
import re
import string
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from exambank.errors import UsageError
from exambank.load import iter_yaml_files, read_source
from exambank.model import SLUG_PATTERN
from exambank.paths import MANIFEST
from exambank.rewrite import Rewrite, dump, give_tail, load, replace_value, take_tail

MAX_OPTIONS = len(string.ascii_uppercase)


def add_question(section: Path, question_id: str, kind: str, option_count: int) -> Rewrite:
    """``section`` with a new question at the end (UsageError if it may not be added)."""
    _check_request(section, question_id, option_count)
    loaded = load(section)
    tree, data = loaded.tree, copy.deepcopy(loaded.source.data)
    if not isinstance(tree, CommentedMap) or not isinstance(data, dict) or "id" not in data:
        raise UsageError(f"{section}: not a section file (it has no 'id:' at the top)")
    _check_unused(section.parent, question_id)
    question = skeleton(question_id, kind, option_count)
    questions = tree.get("questions")
    if questions is None:
        _add_list(tree, question)
    elif isinstance(questions, CommentedSeq):
        _append(questions, question)
    else:
        line, column = loaded.source.where(("questions",))
        raise UsageError(f"{section}:{line}:{column}: 'questions' is not a list")
    data["questions"] = [*(data.get("questions") or []), _plain(question)]
    return Rewrite(section, loaded.raw, dump(tree), data, loaded.source)


def skeleton(question_id: str, kind: str, option_count: int) -> CommentedMap:
    """A question with every required key and nothing written yet."""
    empty = DoubleQuotedScalarString("")
    question = CommentedMap(id=question_id)
    if kind == "multiple":
        question["type"] = kind
    question["stem"] = empty
    letters = string.ascii_uppercase[:option_count]
    question["options"] = CommentedMap((letter, empty) for letter in letters)
    if kind == "multiple":
        question["answer"] = CommentedSeq(["A", "B"])
        question["answer"].fa.set_flow_style()
    else:
        question["answer"] = "A"
    question["explanation"] = empty
    return question


def _check_request(section: Path, question_id: str, option_count: int) -> None:
    if not re.fullmatch(SLUG_PATTERN, question_id):
        raise UsageError(
            f"'{question_id}' is not a valid question id: use lowercase letters, digits and "
            "single hyphens, e.g. 'amt-q6'"
        )
    if not 2 <= option_count <= MAX_OPTIONS:
        raise UsageError(f"--options must be between 2 and {MAX_OPTIONS}, not {option_count}")
    if section.name == MANIFEST:
        raise UsageError(f"{section}: this is the bank's manifest; name a section file")
    if not section.is_file():
        raise UsageError(f"{section}: no such file")
    if not (section.parent / MANIFEST).is_file():
        raise UsageError(f"{section}: not in a bank folder (no {MANIFEST} beside it)")


def _check_unused(bank: Path, question_id: str) -> None:
    for path in iter_yaml_files(bank):
        source, _ = read_source(path)
        questions = source.data.get("questions") if isinstance(source.data, dict) else None
        for index, question in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(question, dict) and question.get("id") == question_id:
                line, column = source.where(("questions", index, "id"))
                raise UsageError(
                    f"question id '{question_id}' is already used at {path}:{line}:{column}"
                )


def _append(questions: CommentedSeq, question: CommentedMap) -> None:
    """Append after the last question, before the comments that follow it, with the
    blank line the file puts between questions."""
    if questions.fa.flow_style():
        questions.fa.set_block_style()
    if not questions:
        questions.append(question)
        return
    spaced = len(questions) == 1
    for index in range(len(questions) - 1):
        between = take_tail(questions, index)
        give_tail(questions, index, between)
        spaced = spaced or any(not line.strip() for line in between.splitlines())
    last = questions[-1]
    own, after = _split_tail(take_tail(questions, len(questions) - 1), _key_column(last))
    questions.append(question)
    give_tail(questions, len(questions) - 2, own + ("\n" if spaced else ""))
    give_tail(questions, len(questions) - 1, after)


def _key_column(question: Any) -> int:
    """The column the last question's keys start at (0-based)."""
    return question.lc.col if isinstance(question, CommentedMap) else 0


def _split_tail(tail: str, column: int) -> tuple[str, str]:
    """The comment lines indented as the last question's keys, which belong to it, and
    what follows them, which comes after the new question."""
    lines = tail.splitlines(keepends=True)
    count = 0
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if not line.lstrip(" ").startswith("#") or indent < column or column == 0:
            break
        count += 1
    return "".join(lines[:count]), "".join(lines[count:])


def _add_list(section: CommentedMap, question: CommentedMap) -> None:
    """A first question: under an empty 'questions:', or in a new list at the end."""
    empty = "questions" in section
    after = take_tail(section, "questions" if empty else next(reversed(section)))
    if empty:
        replace_value(section, "questions", CommentedSeq([question]))
    else:
        section["questions"] = CommentedSeq([question])
    give_tail(section, "questions", after)


def _plain(value: Any) -> Any:
    """A round-trip value as the plain data lint reads."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, str) else value
