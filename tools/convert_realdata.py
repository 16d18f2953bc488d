"""Convert the real public banks in ``../shared/realdata`` into exambank bank folders.

They are test input for the item-writing rules (docs/rule-precision.md), not part of the
project: write them outside the checkout and do not commit them.

    python tools/convert_realdata.py ../shared/realdata /tmp/realbanks

makes ``/tmp/realbanks/clf-c02`` (the CLF-C02 Markdown practice exams, one section per
exam) and ``/tmp/realbanks/aif-c01`` (the AIF-C01 Org practice tests, one section each).
Questions the converter cannot read are listed on stderr and left out.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

CLF_FOLDER = Path("kananinirav-clf-c02/practice-exam")
AIF_FOLDER = Path("jwalsh-aif-c01/practice-tests")

_MD_QUESTION = re.compile(r"^\d+\.\s+(?P<stem>\S.*)$")
_MD_OPTION = re.compile(r"^\s*- (?P<letter>[A-Z])\.\s+(?P<text>.*)$")
_MD_INLINE_OPTION = re.compile(r"\s+- A\.\s+")
_MD_ANSWER = re.compile(r"correct answer:\s*(?P<letters>[A-Za-z ,]+)$", re.IGNORECASE)
_MD_SKIP = re.compile(r"^\s*(?:</?details|$)")
_BREAK = re.compile(r"\s*<br\s*/?>\s*")
# An autolink would point outside the bank (the external-resource rule): quote it as code.
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_ORG_QUESTION = re.compile(r"^\*\* Question \d+:\s*(?P<stem>\S.*)$")
_ORG_PROPERTY = re.compile(r"^\s*:(?P<name>ANSWER|EXPLANATION):\s*(?P<value>.*)$")
_ORG_OPTION = re.compile(r"^\s*- \[(?P<box>[ Xx])\]\s*(?P<text>.*)$")
_ORG_TITLE = re.compile(r"^#\+TITLE:\s*(?P<title>.*)$")


@dataclass
class Draft:
    """A question as read, before it is checked and written."""

    where: str
    stem: str
    options: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    answer_text: str = ""

    def as_question(self, question_id: str) -> dict[str, Any]:
        letters = [chr(ord("A") + index) for index in range(len(self.options))]
        question: dict[str, Any] = {"id": question_id}
        if len(self.answer) > 1:
            question["type"] = "multiple"
        question["stem"] = self.stem
        question["options"] = dict(zip(letters, self.options, strict=True))
        question["answer"] = self.answer if len(self.answer) > 1 else self.answer[0]
        question["explanation"] = (
            "\n".join(self.explanation) or f"The source gives no explanation ({self.where})."
        )
        return question

    def problem(self) -> str | None:
        if len(self.options) < 2:
            return "fewer than two options"
        if not self.answer:
            return "no answer"
        if any(ord(letter) - ord("A") >= len(self.options) for letter in self.answer):
            return f"answer {''.join(self.answer)} names no option"
        return None


def read_markdown_exam(path: Path) -> Iterator[Draft]:
    """A CLF-C02 practice exam: ``1. stem``, ``- A. option``, answer in ``<details>``."""
    draft: Draft | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        question = _MD_QUESTION.match(line)
        if question:
            if draft is not None:
                yield draft
            stem, *inline = _MD_INLINE_OPTION.split(question["stem"], maxsplit=1)
            draft = Draft(f"{path.name}:{number}", _markdown(_BREAK.sub("\n\n", stem)))
            draft.options.extend(_markdown(text) for text in inline)
            continue
        if draft is None or _MD_SKIP.match(line):
            continue
        option, answer = _MD_OPTION.match(line), _MD_ANSWER.search(line)
        if answer:
            draft.answer = sorted({c.upper() for c in answer["letters"] if c.isalpha()})
        elif option and not draft.answer:
            draft.options.append(_markdown(option["text"]))
        elif draft.answer:
            text = line.strip().removeprefix("- ").removeprefix("Explanation:").strip()
            if text:
                draft.explanation.append(_markdown(text))
    if draft is not None:
        yield draft


def _markdown(text: str) -> str:
    return _AUTOLINK.sub(r"`\1`", text).strip()


def read_org_test(path: Path) -> Iterator[Draft]:
    """An AIF-C01 practice test: ``** Question N: stem``, ``:ANSWER:``, ``- [X]`` options.
    Where no box is ticked, the option whose text is the ``:ANSWER:`` property is the key."""
    draft: Draft | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        question = _ORG_QUESTION.match(line)
        if question:
            if draft is not None:
                yield _with_org_answer(draft)
            draft = Draft(f"{path.name}:{number}", question["stem"].strip())
            continue
        if draft is None:
            continue
        prop, option = _ORG_PROPERTY.match(line), _ORG_OPTION.match(line)
        if prop and prop["name"] == "ANSWER":
            draft.answer_text = prop["value"].strip()
        elif prop:
            draft.explanation.append(prop["value"].strip())
        elif option:
            draft.options.append(option["text"].strip())
            if option["box"] != " ":
                draft.answer.append(chr(ord("A") + len(draft.options) - 1))
    if draft is not None:
        yield _with_org_answer(draft)


def _with_org_answer(draft: Draft) -> Draft:
    if not draft.answer and draft.answer_text in draft.options:
        draft.answer = [chr(ord("A") + draft.options.index(draft.answer_text))]
    return draft


def org_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        title = _ORG_TITLE.match(line)
        if title:
            return title["title"].split(": ", 1)[-1]
    return path.stem


def _exam_number(path: Path) -> int:
    return int(re.findall(r"\d+", path.stem)[-1])


def write_bank(
    root: Path, bank_id: str, title: str, sections: list[tuple[str, str, list[Draft]]]
) -> int:
    """Write one bank folder; return how many questions it holds."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 4096
    root.mkdir(parents=True, exist_ok=True)
    manifest = {"id": bank_id, "title": title, "sections": [sid for sid, _, _ in sections]}
    yaml.dump(manifest, root / "bank.yaml")
    written = 0
    for number, (section_id, section_title, drafts) in enumerate(sections, start=1):
        questions = []
        for index, draft in enumerate(drafts, start=1):
            problem = draft.problem()
            if problem:
                print(f"skipped {draft.where}: {problem}", file=sys.stderr)
                continue
            questions.append(draft.as_question(f"{section_id}-q{index}"))
        section = {"id": section_id, "title": section_title, "questions": questions}
        yaml.dump(section, root / f"{number:02d}-{section_id}.yaml")
        written += len(questions)
    return written


def convert(realdata: Path, out: Path) -> dict[str, int]:
    """Convert both banks; return the number of questions written per bank."""
    clf_files = sorted((realdata / CLF_FOLDER).glob("practice-exam-*.md"), key=_exam_number)
    clf = [
        (
            f"exam-{_exam_number(path)}",
            f"Practice Exam {_exam_number(path)}",
            list(read_markdown_exam(path)),
        )
        for path in clf_files
    ]
    aif_files = sorted((realdata / AIF_FOLDER).glob("*.org"), key=_exam_number)
    aif = [
        (f"test-{_exam_number(path)}", org_title(path), list(read_org_test(path)))
        for path in aif_files
    ]
    return {
        "clf-c02": write_bank(
            out / "clf-c02", "clf-c02", "AWS Certified Cloud Practitioner (CLF-C02)", clf
        ),
        "aif-c01": write_bank(
            out / "aif-c01", "aif-c01", "AWS Certified AI Practitioner (AIF-C01)", aif
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realdata", type=Path, help="the shared realdata folder")
    parser.add_argument("out", type=Path, help="where to write the bank folders")
    arguments = parser.parse_args()
    if not (arguments.realdata / CLF_FOLDER).is_dir():
        parser.error(f"{arguments.realdata}: no {CLF_FOLDER} here")
    for bank_id, count in convert(arguments.realdata, arguments.out).items():
        print(f"{arguments.out / bank_id}: {count} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
