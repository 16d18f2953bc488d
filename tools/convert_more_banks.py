"""Convert more real, publicly licensed multiple-choice questions into exambank bank folders.

Test input for the item-writing rules that found nothing in the first real banks
(tools/convert_realdata.py): all-of-the-above, none-of-the-above, true-false-options,
combination-options, fill-in-blank, grammatical-cue, numeric-order, overlapping-ranges and
the rest. Standalone: needs only ruamel.yaml (and ``dpkg-deb`` to unpack the .deb sources).

    apt-get download hamexam=1.7.0-3 auto-multiple-choice-common=1.6.0-1 gbrainy=1:2.4.6-1
    python tools/convert_more_banks.py --realdata ../shared/realdata --debs . --out /tmp/realbanks2

Sources (each bank is written to OUT/<bank>/):

* ``fuhrmanator-gift``  -- realdata/fuhrmanator-gift/tests/questions/*.json, the GIFT parser's
  expected output for each *.gift test file (MIT). MC and TF questions only.
* ``gpoore-text2qti``   -- realdata/gpoore-text2qti/demo/quiz.txt (BSD-3-Clause). MC and
  multiple-answer questions only.
* ``hamexam-technician``, ``hamexam-general``, ``hamexam-extra`` -- the US amateur radio
  (FCC/NCVEC) question pools shipped by Debian's ``hamexam`` package (DEBS_DIR/hamexam_*.deb),
  one file per question: ``T1A01 (C) [97.1]``, stem, ``A.`` .. ``D.``.
* ``gbrainy-analogies`` -- the "MultipleOptions" verbal analogies of Debian's ``gbrainy``
  (DEBS_DIR/gbrainy_*.deb, usr/share/games/gbrainy/verbal_analogies.xml, GPL-2.0+).
* ``amc-models``        -- the English example projects shipped by Debian's
  ``auto-multiple-choice-common`` (DEBS_DIR/auto-multiple-choice-common_*.deb), LaTeX
  ``\\begin{question}`` / ``\\correctchoice`` and AMC-TXT ``*`` / ``+`` / ``-``.

Question text is never edited. Only mechanical conversion is done: HTML of GIFT ``[html]``
questions is reduced to text, LaTeX markup of the AMC examples becomes Markdown, and
questions that are exact repeats (same stem, options and key) of an earlier one in the same
bank are left out. Every question left out is listed on stderr with its reason, and counted
in OUT/conversion-report.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from draft_bank import LETTERS, Bank, Draft, Section, slug, unpack_deb, write_bank

GIFT_FOLDER = Path("fuhrmanator-gift/tests/questions")
TEXT2QTI_FILE = Path("gpoore-text2qti/demo/quiz.txt")


# --------------------------------------------------------------------------- GIFT


class _TextFromHtml(HTMLParser):
    """HTML of a GIFT ``[html]`` text reduced to plain text: paragraphs and line breaks
    kept, comments, images and every other tag dropped, entities decoded."""

    _BLOCK = frozenset({"p", "div", "br", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str) -> str:
    parser = _TextFromHtml()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\r\n]+", " ", line).strip() for line in joined.split("\n")]
    # Source line breaks inside a paragraph were soft wraps: join them; blank runs end one.
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


# A text that CommonMark would read as a heading, a thematic break, a list or a quote
# marker with nothing after it (GIFT option "#", "{", ...): escape its first character.
_BARE_MARKER = re.compile(r"^(?:#+|[-*_=+>]|\d+[.)])$")


def gift_text(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    text = value.get("text") or ""
    if value.get("format") == "html":
        text = html_to_text(text)
    text = text.strip()
    if _BARE_MARKER.match(text):
        text = "\\" + text
    return text


def read_gift_file(path: Path) -> Iterator[Draft]:
    """The parser's expected output for one GIFT test file: a JSON list of questions."""
    for number, item in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
        where = f"{path.with_suffix('.gift').name}#{number}"
        kind = item.get("type")
        if kind not in ("MC", "TF"):
            yield Draft(where, "", skip=f"GIFT type {kind} has no options+answer form")
            continue
        draft = Draft(where, gift_text(item.get("stem")))
        draft.explanation = gift_text(item.get("globalFeedback"))
        if kind == "TF":
            draft.add_option("True", item["isTrue"], gift_text(item.get("trueFeedback")))
            draft.add_option("False", not item["isTrue"], gift_text(item.get("falseFeedback")))
            yield draft
            continue
        choices = item.get("choices") or []
        full = [bool(c.get("isCorrect")) for c in choices]
        weights = [c.get("weight") for c in choices]
        # "=" marks full credit (a "~%50%" partial-credit option is not the key); with
        # no "=", a weighted multiple-answer question: the options with positive credit.
        positive = [w is not None and float(w) > 0 for w in weights]
        correct = full if any(full) else positive
        for choice, is_correct in zip(choices, correct, strict=True):
            draft.add_option(
                gift_text(choice.get("text")), is_correct, gift_text(choice.get("feedback"))
            )
        if any(w is not None for w in weights) and any(full):
            partial = [LETTERS[i] for i, w in enumerate(weights) if w is not None and float(w) > 0]
            if partial:
                note = f"Partial credit in the source: {', '.join(partial)}."
                draft.explanation = f"{draft.explanation}\n\n{note}".strip()
        yield draft


def gift_bank(realdata: Path) -> Bank:
    sections = []
    for path in sorted((realdata / GIFT_FOLDER).glob("*.json")):
        sections.append(
            Section(slug(path.stem), path.with_suffix(".gift").name, list(read_gift_file(path)))
        )
    return Bank(
        "fuhrmanator-gift",
        "GIFT-grammar-PEG.js test questions",
        "The multiple-choice and true/false questions of the test files of "
        "fuhrmanator/GIFT-grammar-PEG.js (MIT), one section per test file.",
        sections,
    )


# --------------------------------------------------------------------------- text2qti

_T2Q_QUESTION = re.compile(r"^\d+\.\s+(?P<text>.*)$")
_T2Q_CHOICE = re.compile(r"^(?P<star>\*?)(?P<letter>[a-z])\)\s+(?P<text>.*)$")
_T2Q_BOX = re.compile(r"^\[(?P<mark>[ *])\]\s+(?P<text>.*)$")
_T2Q_FEEDBACK = re.compile(r"^\.\.\.\s+(?P<text>.*)$")
_T2Q_OTHER = re.compile(r"^(?:=\s|\*\s|____|\^\^\^\^)")


def read_text2qti(path: Path) -> Iterator[Draft]:
    """text2qti plain text: ``1.  stem``, ``a)`` / ``*c)`` choices or ``[ ]`` / ``[*]``
    boxes, ``...`` feedback (after the stem: the question's; after a choice: that choice's).
    Numerical, short-answer, essay and file-upload questions have no options: left out."""
    draft: Draft | None = None
    title = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.rstrip()
        if line.startswith("Title:"):
            if draft is not None:
                yield draft
                draft = None
            title = line.removeprefix("Title:").strip()
            continue
        question = _T2Q_QUESTION.match(line)
        if question:
            if draft is not None:
                yield draft
            draft = Draft(f"{path.name}:{number} ({title})", question["text"].strip())
            continue
        if draft is None or not line:
            continue
        choice, box, feedback = (
            _T2Q_CHOICE.match(line),
            _T2Q_BOX.match(line),
            _T2Q_FEEDBACK.match(line),
        )
        if choice:
            draft.add_option(choice["text"].strip(), bool(choice["star"]))
        elif box:
            draft.add_option(box["text"].strip(), box["mark"] == "*")
        elif feedback and draft.options:
            draft.feedback[-1] = feedback["text"].strip()
        elif feedback:
            draft.explanation = feedback["text"].strip()
        elif _T2Q_OTHER.match(line) and not draft.options:
            draft.skip = "not a choice question (numerical, short-answer, essay or upload)"
    if draft is not None:
        yield draft


def text2qti_bank(realdata: Path) -> Bank:
    path = realdata / TEXT2QTI_FILE
    return Bank(
        "gpoore-text2qti",
        "text2qti demo quiz",
        "The choice questions of gpoore/text2qti demo/quiz.txt (BSD-3-Clause).",
        [Section("demo-quiz", "Sample Quiz", list(read_text2qti(path)))],
    )


# --------------------------------------------------------------------------- hamexam

_HAM_HEADER = re.compile(
    r"^(?P<id>[TGE]\d[A-Z]\d\d) \((?P<key>[A-D])\)(?:\s*\[(?P<ref>[^\]]*)\])?\s*$"
)
_HAM_OPTION = re.compile(r"^(?P<letter>[A-D])\. (?P<text>.*)$")
HAM_POOLS = {
    "T": ("technician", "Element 2 Technician Class question pool (2018-2022)"),
    "G": ("general", "Element 3 General Class question pool (2019-2023)"),
    "E": ("extra", "Element 4 Amateur Extra Class question pool (2016-2020)"),
}


def read_ham_question(path: Path) -> Draft:
    lines = [line.rstrip("\r") for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip()]
    header = _HAM_HEADER.match(lines[0]) if lines else None
    draft = Draft(f"{path.parent.name}/{path.name}", lines[1].strip() if len(lines) > 1 else "")
    if header is None or header["id"] != path.name:
        draft.skip = "header line not 'ID (KEY) [reference]'"
        return draft
    for expected, line in zip("ABCD", lines[2:], strict=False):
        option = _HAM_OPTION.match(line)
        if option is None or option["letter"] != expected:
            draft.skip = f"option line {expected} not found"
            return draft
        draft.add_option(option["text"].strip(), option["letter"] == header["key"])
    if len(lines) != 6:
        draft.skip = f"{len(lines)} lines, expected 6"
    reference = (header["ref"] or "").strip()
    draft.explanation = (
        f"The source gives no explanation ({path.name}; FCC rule reference {reference})."
        if reference
        else f"The source gives no explanation ({path.name})."
    )
    return draft


def _subelement_order(name: str) -> tuple[int, str]:
    digit = int(name[1])
    return (10 if digit == 0 else digit, name)


def hamexam_banks(share: Path, version: str) -> list[Bank]:
    banks = []
    for pool, (name, title) in HAM_POOLS.items():
        files = sorted((share / pool).iterdir(), key=lambda p: (_subelement_order(p.name), p.name))
        by_subelement: dict[str, list[Draft]] = {}
        for path in files:
            by_subelement.setdefault(path.name[:2], []).append(read_ham_question(path))
        sections = [
            Section(slug(sub), f"Subelement {sub}", drafts) for sub, drafts in by_subelement.items()
        ]
        banks.append(
            Bank(
                f"hamexam-{name}",
                f"US amateur radio {title}",
                f"The NCVEC {title}, as shipped split into one file per question by the Debian "
                f"package hamexam {version}; one section per subelement. Questions that refer "
                "to a figure are kept, the figure is not.",
                sections,
                version=version,
            )
        )
    return banks


# --------------------------------------------------------------------------- AMC


def _braced(text: str, start: int) -> tuple[str, int]:
    """The contents of the ``{...}`` group opening at ``text[start]``, and the index after it."""
    assert text[start] == "{", text[start : start + 20]
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if char == "{" and text[index - 1] != "\\":
            depth += 1
        elif char == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
    raise ValueError("unbalanced braces")


_LATEX_MARKUP = [
    (re.compile(r"\\(?:emph|textit)\{([^{}]*)\}"), r"*\1*"),
    (re.compile(r"\\textbf\{([^{}]*)\}"), r"**\1**"),
    (re.compile(r"\\texttt\{([^{}]*)\}"), r"`\1`"),
    (re.compile(r"\\%"), "%"),
]


def latex_to_markdown(text: str) -> str:
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%"))
    for pattern, replacement in _LATEX_MARKUP:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


_AMC_QUESTION = re.compile(r"\\begin\{(?P<env>questionmult|question)\}\{(?P<name>[^}]*)\}")
_AMC_CHOICE = re.compile(r"\\(?P<kind>correctchoice|wrongchoice)(?=\{)")
_AMC_CHOICES_ENV = re.compile(
    r"\\begin\{(?:choices|choiceshoriz|reponses|reponseshoriz)\}(?:\[[^\]]*\])?"
)


def read_amc_latex(path: Path, label: str) -> Iterator[Draft]:
    source = path.read_text(encoding="utf-8")
    for match in _AMC_QUESTION.finditer(source):
        end = source.index(f"\\end{{{match['env']}}}", match.end())
        body = source[match.end() : end]
        choices_at = _AMC_CHOICES_ENV.search(body)
        where = f"{label}/{path.name} {{{match['name']}}}"
        if choices_at is None:
            yield Draft(where, "", skip="no choices environment")
            continue
        draft = Draft(where, latex_to_markdown(body[: choices_at.start()]))
        for choice in _AMC_CHOICE.finditer(body, choices_at.end()):
            text, _ = _braced(body, choice.end())
            draft.add_option(latex_to_markdown(text), choice["kind"] == "correctchoice")
        yield draft


def read_amc_txt(path: Path, label: str) -> Iterator[Draft]:
    """AMC-TXT: ``*`` single / ``**`` multiple question, ``+`` right / ``-`` wrong answers."""
    draft: Draft | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\*{1,2}\s", line):
            if draft is not None:
                yield draft
            draft = Draft(f"{label}/{path.name}:{number}", line.lstrip("*").strip())
        elif draft is not None and re.match(r"^[+-]\s", line):
            draft.add_option(line[1:].strip(), line[0] == "+")
    if draft is not None:
        yield draft


# Model projects whose questions are about the exam software, not a subject (the scoring
# demo asks "How many points would you like for this question?"): left out.
AMC_SKIPPED_MODELS = {"scoring": "questions demonstrate AMC scoring settings, not a subject"}


def amc_bank(models: Path, version: str) -> Bank:
    sections = []
    for archive in sorted((models / "en").glob("*.tgz")):
        label = archive.stem
        drafts: list[Draft] = []
        with tarfile.open(archive) as tar, tempfile.TemporaryDirectory() as tmp:
            tar.extractall(tmp, filter="data")
            for path in sorted(Path(tmp).rglob("*")):
                if path.suffix == ".tex":
                    drafts.extend(read_amc_latex(path, label))
                elif path.suffix == ".txt":
                    drafts.extend(read_amc_txt(path, label))
        if label in AMC_SKIPPED_MODELS:
            for draft in drafts:
                draft.skip = AMC_SKIPPED_MODELS[label]
        sections.append(Section(slug(label), f"AMC model: {label}", drafts))
    return Bank(
        "amc-models",
        "Auto Multiple Choice example questions",
        f"The questions of the English example projects (models/en/*.tgz) of the Debian "
        f"package auto-multiple-choice-common {version}; exact repeats across models left out.",
        sections,
        version=version,
    )


# --------------------------------------------------------------------------- gbrainy


def gbrainy_bank(share: Path, version: str) -> Bank:
    """gbrainy's verbal analogies: only the ``MultipleOptions`` ones have a question as the
    game shows it. ``PairOfWordsOptions`` / ``PairOfWordsCompare`` hold a template
    ("car / garage | plane") that the game wraps in a sentence of its own, so their stem is
    not in the data: left out."""
    import xml.etree.ElementTree as ET

    path = share / "verbal_analogies.xml"
    drafts = []
    for number, item in enumerate(ET.parse(path).getroot().iter("analogy"), start=1):
        question = item.find("_question")
        where = f"verbal_analogies.xml analogy {number}"
        kind = question.get("type") if question is not None else None
        if question is None or kind != "MultipleOptions":
            drafts.append(
                Draft(where, "", skip=f"type {kind}: the stem is a template, not in the data")
            )
            continue
        draft = Draft(where, (question.text or "").strip())
        for answer in item.findall("_answer"):
            draft.add_option((answer.text or "").strip(), answer.get("correct") == "yes")
        rationale = item.find("_rationale")
        if rationale is not None and rationale.text:
            draft.explanation = rationale.text.strip()
        drafts.append(draft)
    return Bank(
        "gbrainy-analogies",
        "gbrainy verbal analogies (multiple options)",
        f"The MultipleOptions verbal analogies of the Debian package gbrainy {version} "
        "(data/verbal_analogies.xml, GPL-2.0+). The game shuffles the options; the file "
        "order is kept here.",
        [Section("multiple-options", "Verbal analogies: multiple options", drafts)],
        version=version,
    )


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdata", type=Path, required=True, help="the shared realdata folder")
    parser.add_argument(
        "--debs",
        type=Path,
        required=True,
        help="folder with hamexam_*.deb, auto-multiple-choice-common_*.deb and gbrainy_*.deb",
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the bank folders")
    arguments = parser.parse_args()
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ham, ham_version = unpack_deb(arguments.debs, "hamexam", Path(tmp))
        amc, amc_version = unpack_deb(arguments.debs, "auto-multiple-choice-common", Path(tmp))
        brainy, brainy_version = unpack_deb(arguments.debs, "gbrainy", Path(tmp))
        banks = [
            gift_bank(arguments.realdata),
            text2qti_bank(arguments.realdata),
            *hamexam_banks(ham / "usr/share/hamexam", ham_version),
            amc_bank(amc / "usr/share/auto-multiple-choice/models", amc_version),
            gbrainy_bank(brainy / "usr/share/games/gbrainy", brainy_version),
        ]
        for bank in banks:
            count = write_bank(arguments.out / bank.id, bank, report)
            print(f"{arguments.out / bank.id}: {count} questions")
    (arguments.out / "conversion-report.json").write_text(json.dumps(report, indent=2) + "\n")
    sources = Path(__file__).with_name("SOURCES.md")
    if sources.is_file():  # the hand-written notes on each bank, kept beside this script
        (arguments.out / "SOURCES.md").write_text(
            sources.read_text(encoding="utf-8"), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
