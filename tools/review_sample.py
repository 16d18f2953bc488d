"""Print a rule's findings on some banks for review by hand (docs/rule-precision.md).

    python tools/review_sample.py /tmp/realbanks bank --rule word-repeat

runs the rule alone and prints every finding, or ``--size`` of them drawn with ``--seed``
from the findings in lint order, each with its question's stem, options and key (``*``).
The same banks, rule, size and seed always give the same sample.

``--exclude SAMPLE`` leaves out the questions an earlier printout showed, matched by stem
(a reconverted bank keeps its text, not its numbering); a near-duplicate's twin counts as
shown. After a rule is changed to remove the false positives a sample showed, a draw from
the rest measures it on findings nobody has looked at: a held-out sample.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
from pathlib import Path

from exambank.bank import QuestionRef
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.rules import RULES

# A printout's stem line and a near-duplicate's twin, as the printouts show them.
_SHOWN_STEM = re.compile(r"^    STEM: (.*)$", re.MULTILINE)
_TWIN = re.compile(r"nearly the same question as (\S+) at (\S+):\d+")

Questions = dict[tuple[str, str], QuestionRef]


def shown_in(printouts: list[Path], questions: Questions) -> frozenset[str]:
    """The stems an earlier printout showed, with those of the twins its near-duplicates
    named. Stems, not paths and ids: a reconverted bank keeps its text, not its numbering."""
    stems: set[str] = set()
    for printout in printouts:
        text = printout.read_text(encoding="utf-8")
        stems.update(ast.literal_eval(stem) for stem in _SHOWN_STEM.findall(text))
        for question, path in _TWIN.findall(text):
            twin = questions.get((path, question))
            if twin is not None:
                stems.add(twin.question.stem)
    return frozenset(stems)


def sample(
    paths: list[Path],
    rule: str,
    size: int,
    seed: int,
    questions: Questions,
    exclude: frozenset[str] = frozenset(),
) -> tuple[int, list[Diagnostic]]:
    """How many findings the rule has, and the ones drawn for review (in lint order)."""

    def shown(finding: Diagnostic) -> bool:
        ref = questions.get((finding.path, finding.question or ""))
        return ref is not None and ref.question.stem in exclude

    found = [
        d for d in lint(paths, Config(select={rule})).diagnostics if d.rule == rule and not shown(d)
    ]
    if len(found) <= size:
        return len(found), found
    return len(found), sorted(random.Random(seed).sample(found, size))


def describe(finding: Diagnostic, questions: Questions) -> str:
    lines = [f"{finding.path}:{finding.line} {finding.question or ''}", f"    {finding.message}"]
    ref = questions.get((finding.path, finding.question or ""))
    if ref is not None:
        lines.append(f"    STEM: {ref.question.stem!r}")
        for letter in ref.question.options:
            mark = "*" if letter in ref.question.answer_letters else " "
            lines.append(f"    {mark}{letter}: {ref.question.option_text(letter)}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="banks to run the rule on")
    parser.add_argument("--rule", required=True, choices=sorted(RULES))
    parser.add_argument("--size", type=int, default=30, help="findings to draw (default 30)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the draw (default 2024)")
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="an earlier printout whose questions to leave out (repeatable)",
    )
    arguments = parser.parse_args()
    questions = {
        (ref.source.display, ref.question.id): ref
        for bank in lint(arguments.paths, Config(select=set())).banks
        for ref in bank.questions()
    }
    excluded = shown_in(arguments.exclude, questions)
    total, drawn = sample(
        arguments.paths, arguments.rule, arguments.size, arguments.seed, questions, excluded
    )
    left_out = f" (questions with {len(excluded)} stems shown before left out)" if excluded else ""
    print(f"# {arguments.rule}: {total} findings{left_out}; {len(drawn)} shown\n")
    for number, finding in enumerate(drawn, start=1):
        print(f"[{number}] {describe(finding, questions)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
