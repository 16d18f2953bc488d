"""What the real-bank converters share: a question as read (``Draft``), the bank it goes
into, and writing that bank as exambank YAML. Used by convert_more_banks.py and
convert_pypi_quizzes.py (run as scripts, so this folder is on the import path)."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Draft:
    """A question as read, before it is checked and written."""

    where: str
    stem: str
    options: list[str] = field(default_factory=list)
    feedback: list[str | None] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    explanation: str = ""
    skip: str | None = None  # set by a reader that knows the question cannot be used

    def add_option(self, text: str, correct: bool, feedback: str | None = None) -> None:
        if correct:
            self.answer.append(LETTERS[len(self.options)])
        self.options.append(text)
        self.feedback.append(feedback or None)

    def signature(self) -> tuple[Any, ...]:
        return (self.stem, tuple(self.options), tuple(self.answer))

    def problem(self) -> str | None:
        if self.skip:
            return self.skip
        if not self.stem.strip():
            return "empty stem"
        if len(self.options) < 2:
            return "fewer than two options"
        if len(self.options) > len(LETTERS):
            return "more than 26 options"
        if any(not text.strip() for text in self.options):
            return "an empty option"
        if not self.answer:
            return "no answer"
        if len(set(self.options)) < len(self.options):
            return "a repeated option (same text twice)"
        return None

    def as_question(self, question_id: str) -> dict[str, Any]:
        question: dict[str, Any] = {"id": question_id}
        if len(self.answer) > 1:
            question["type"] = "multiple"
        question["stem"] = self.stem
        options: dict[str, Any] = {}
        for letter, text, feedback in zip(LETTERS, self.options, self.feedback, strict=False):
            options[letter] = {"text": text, "feedback": feedback} if feedback else text
        question["options"] = options
        question["answer"] = list(self.answer) if len(self.answer) > 1 else self.answer[0]
        question["explanation"] = (
            self.explanation or f"The source gives no explanation ({self.where})."
        )
        return question


@dataclass
class Section:
    id: str
    title: str
    drafts: list[Draft]


@dataclass
class Bank:
    id: str
    title: str
    description: str
    sections: list[Section]
    version: str | None = None


def slug(text: str) -> str:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# Plain scalars that a YAML 1.1 reader takes for a boolean, null or number ("No", "on",
# "~"): written quoted so that they stay text.
_YAML11_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|~|[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+"
    r"|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


def _represent_str(representer: Any, data: str) -> Any:
    style = "'" if _YAML11_SPECIAL.match(data) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def write_bank(root: Path, bank: Bank, report: dict[str, Any]) -> int:
    """Write one bank folder; return how many questions it holds. Exact repeats within the
    bank and questions with a problem are left out (stderr and ``report``)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.representer.add_representer(str, _represent_str)
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("*.yaml"):
        old.unlink()
    seen: dict[tuple[Any, ...], str] = {}
    skipped: Counter[str] = Counter()
    kept_sections: list[tuple[Section, list[dict[str, Any]]]] = []
    for section in bank.sections:
        questions: list[dict[str, Any]] = []
        for draft in section.drafts:
            problem = draft.problem()
            if problem is None and draft.signature() in seen:
                problem = f"exact repeat of {seen[draft.signature()]}"
            if problem:
                print(f"{bank.id}: skipped {draft.where}: {problem}", file=sys.stderr)
                skipped[re.sub(r" of .*| \(.*", "", problem)] += 1
                continue
            seen[draft.signature()] = draft.where
            questions.append(draft.as_question(f"{section.id}-q{len(questions) + 1}"))
        if questions:
            kept_sections.append((section, questions))
        else:
            print(f"{bank.id}: section {section.id} left out: no questions kept", file=sys.stderr)
    manifest: dict[str, Any] = {"id": bank.id, "title": bank.title}
    if bank.version:
        manifest["version"] = bank.version
    manifest["description"] = bank.description
    manifest["sections"] = [section.id for section, _ in kept_sections]
    yaml.dump(manifest, root / "bank.yaml")
    written = 0
    for number, (section, questions) in enumerate(kept_sections, start=1):
        body = {"id": section.id, "title": section.title, "questions": questions}
        yaml.dump(body, root / f"{number:02d}-{section.id}.yaml")
        written += len(questions)
    report[bank.id] = {
        "questions": written,
        "sections": len(kept_sections),
        "skipped": dict(skipped),
    }
    return written


def find_one(src: Path, pattern: str) -> Path:
    found = sorted(src.glob(pattern))
    if not found:
        raise SystemExit(f"{src}: no {pattern} (see the module docstring for the downloads)")
    return found[-1]


def unpack_deb(src: Path, package: str, into: Path) -> tuple[Path, str]:
    """Unpack SRC/<package>_*.deb with dpkg-deb; return the folder and the version."""
    deb = find_one(src, f"{package}_*.deb")
    target = into / package
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return target, deb.name.split("_")[1].replace("%3a", ":")


def unpack_wheel(src: Path, pattern: str, into: Path) -> tuple[Path, str]:
    """Unpack the SRC/<pattern> wheel; return the folder and the version."""
    wheel = find_one(src, pattern)
    target = into / wheel.name
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target, wheel.name.split("-")[1]


def convert(description: str, read: Callable[[Path, Path], list[Bank]]) -> int:
    """A converter's command line: ``read(src, scratch)`` unpacks the downloads in
    ``--src`` into a scratch folder and reads the banks, which go to ``--out``, with a
    conversion-report.json of what was left out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--src", type=Path, required=True, help="folder with the downloads")
    parser.add_argument("--out", type=Path, required=True, help="where to write the bank folders")
    arguments = parser.parse_args()
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for bank in read(arguments.src, Path(scratch)):
            count = write_bank(arguments.out / bank.id, bank, report)
            print(f"{arguments.out / bank.id}: {count} questions")
    (arguments.out / "conversion-report.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0
