"""Measure how well lint reports syntax slips in real section files (README, "Syntax").

    python tools/syntax_slips.py /tmp/realbanks /tmp/realbanks2 [--kinds colon,tab,quote]

makes slips an author makes in every section file of the banks given (each file with three
questions or more), in memory, and reads each slipped text as ``lint`` does. Two runs a file
and round: a slip in one question of the file's last third alone, and slips in two questions
far apart (one of its first third too). It prints how often:

- with two slips, an error was reported inside each slipped question ("both reported"): one
  run of lint names both, where YAML itself stops at the first;
- with one slip, an error was reported inside the slipped question ("reported near it");
- an error was reported outside the slipped questions ("reported away"): a finding the author
  has to read past.

The kinds of slip: ``colon`` (a key's ": " written " ": ``answer B``), ``tab`` (a key's
indentation begun with a tab), ``quote`` (a stem opened with a '"' it never closes), and
``dash`` (a question's "- " lost: ``-id: q3``, or ``id: q3`` where the dash was or where its
keys start). Where a
question has no line for the kind drawn (no stem to quote), the file is left out of that
run. The draws come from ``random.Random`` seeded with the round and the file's path below
the folder given: the same banks give the same figures wherever they are.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from exambank.load import read_source

KINDS = ("colon", "tab", "quote", "dash")
QUESTION_START = re.compile(r"^( *)- id:")
SECTION_KEY = re.compile(r" *[\w-]+:")
# A lost "- ": its space ("-id:"), or the dash too, with "id" where the dash was or where the
# question's keys start
DASH_SLIPS = ("-id:", "id:", "  id:")
Rows = tuple[int, int]  # a question's first line and the line after its last, from 0


def questions(lines: list[str]) -> list[Rows]:
    """The rows of each question of the section's list (the first ``- id:`` lines' depth),
    up to the section's next key below the list, if any."""
    found = [
        (at, len(start[1]))
        for at, line in enumerate(lines)
        if (start := QUESTION_START.match(line))
    ]
    if not found:
        return []
    depth = found[0][1]
    starts = [at for at, indent in found if indent == depth]
    end = len(lines)
    for at in range(starts[-1] + 1, len(lines)):
        line = lines[at]
        indent = len(line) - len(line.lstrip(" "))
        if indent <= depth and not line.lstrip().startswith("-") and SECTION_KEY.match(line):
            end = at  # the section's next key: the list ended above
            break
    return list(zip(starts, [*starts[1:], end], strict=True))


def _one_of(rng: random.Random, lines: list[str], rows: range, pattern: str) -> int | None:
    candidates = [at for at in rows if re.match(pattern, lines[at])]
    return rng.choice(candidates) if candidates else None


def slip(lines: list[str], rows: Rows, kind: str, rng: random.Random) -> bool:
    """Make a slip of ``kind`` in the question on ``rows`` of ``lines``; False if the
    question has no line for it."""
    start, end = rows
    inside = range(start + 1, end)
    if kind == "colon":
        at = _one_of(rng, lines, inside, r"^ *(answer|explanation|[A-H]): \S")
        if at is None:
            return False
        lines[at] = lines[at].replace(": ", " ", 1)
    elif kind == "tab":
        at = _one_of(rng, lines, inside, r"^ {2,}[A-Za-z_]+:")
        if at is None:
            return False
        lines[at] = lines[at].replace("  ", "\t", 1)
    elif kind == "quote":
        stems = [at for at in inside if re.match(r"^ *stem: [^\"'|>&*!%@`\[{]", lines[at])]
        if not stems:
            return False
        lines[stems[0]] = lines[stems[0]].replace("stem: ", 'stem: "', 1)
    elif kind == "dash":
        lines[start] = lines[start].replace("- id:", rng.choice(DASH_SLIPS), 1)
    else:
        raise ValueError(f"no slip of kind {kind!r}")
    return True


def reported_lines(text: str, path: Path) -> list[int]:
    """The lines (from 0) of what lint reports reading ``text`` as ``path``: its syntax
    errors, and a key written twice (a question's ``id`` where its keys start)."""
    _, problems = read_source(path, raw=text.encode())
    return [problem.line - 1 for problem in problems]


def measure(
    folders: list[Path],
    kinds: list[str],
    rounds: int,
    errors: Callable[[str, Path], list[int]] = reported_lines,
) -> dict[str, Counter[str]]:
    """The counts the module's docstring describes, over every section file in
    ``folders`` (``bank.yaml`` left out)."""
    two: Counter[str] = Counter()
    one: Counter[str] = Counter()
    files = [
        (folder, path)
        for folder in folders
        for path in sorted(folder.rglob("*.yaml"))
        if path.name != "bank.yaml"
    ]
    for round_ in range(1, rounds + 1):
        for folder, path in files:
            rng = random.Random(f"{round_} {path.relative_to(folder).as_posix()}")
            lines = path.read_text(encoding="utf-8").split("\n")
            rows = questions(lines)
            if len(rows) < 3:
                continue
            first_kind, last_kind = rng.choice(kinds), rng.choice(kinds)
            early = rows[rng.randrange(0, len(rows) // 3 or 1)]
            late = rows[rng.randrange(len(rows) - len(rows) // 3, len(rows))]
            both = list(lines)
            if slip(both, early, first_kind, rng) and slip(both, late, last_kind, rng):
                found = errors("\n".join(both), path)
                two["files"] += 1
                two["both reported"] += all(_inside(found, rows) for rows in (early, late))
                two["reported away"] += any(not _within(at, early, late) for at in found)
            alone = list(lines)
            if slip(alone, late, last_kind, rng):
                found = errors("\n".join(alone), path)
                one["files"] += 1
                one["reported near it"] += _inside(found, late)
                one["reported away"] += any(not _within(at, late) for at in found)
    return {"two slips": two, "one slip": one}


def _inside(found: list[int], rows: Rows) -> bool:
    return any(_within(at, rows) for at in found)


def _within(at: int, *rows: Rows) -> bool:
    return any(start <= at < end for start, end in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of converted banks")
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help=f"slips to make (default: {','.join(KINDS)})"
    )
    parser.add_argument("--rounds", type=int, default=3, help="draws per file (default: 3)")
    arguments = parser.parse_args(argv)
    kinds = arguments.kinds.split(",")
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"no slip of kind {', '.join(unknown)}: choose from {', '.join(KINDS)}")
    counts = measure(arguments.folders, kinds, arguments.rounds)
    print(json.dumps({"kinds": kinds, **counts}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
