"""Print a rule's findings on some banks for review by hand (docs/rule-precision.md).

    python tools/review_sample.py /tmp/realbanks bank --rule word-repeat

runs the rule alone and prints every finding, or ``--size`` of them drawn with ``--seed``
from the findings in lint order, each with its question's stem, options and key (``*``).
The same banks, rule, size and seed always give the same sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from exambank.bank import QuestionRef
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.rules import RULES


def sample(paths: list[Path], rule: str, size: int, seed: int) -> tuple[int, list[Diagnostic]]:
    """How many findings the rule has, and the ones drawn for review (in lint order)."""
    found = [d for d in lint(paths, Config(select={rule})).diagnostics if d.rule == rule]
    if len(found) <= size:
        return len(found), found
    return len(found), sorted(random.Random(seed).sample(found, size))


def describe(finding: Diagnostic, questions: dict[tuple[str, str], QuestionRef]) -> str:
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
    arguments = parser.parse_args()
    total, drawn = sample(arguments.paths, arguments.rule, arguments.size, arguments.seed)
    questions = {
        (ref.source.display, ref.question.id): ref
        for bank in lint(arguments.paths, Config(select=set())).banks
        for ref in bank.questions()
    }
    print(f"# {arguments.rule}: {total} findings; {len(drawn)} shown\n")
    for number, finding in enumerate(drawn, start=1):
        print(f"[{number}] {describe(finding, questions)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
