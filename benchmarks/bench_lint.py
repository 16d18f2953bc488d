"""nox -s bench: lint a generated 10,000-question bank against the libyaml parse floor.

Each measurement runs in a fresh process (best of --repeat), so peak memory is that of the
measured work alone. The floor is what libyaml needs to read and compose the same files;
the target is a full lint within 1.5 times that. ``--bank DIR`` (repeatable) times banks of
your own instead of the generated one. ``--instructions`` counts instructions with
valgrind instead of timing: the ratios a noisy, shared machine cannot give.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader  # here: the floor's timing must not include it

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate_bank

# The well-formedness rules of the foundation; the item-writing rules come on top.
FOUNDATION_RULES = (
    "manifest",
    "duplicate-id",
    "answer-not-in-options",
    "answer-count",
    "option-letters",
    "too-few-options",
    "duplicate-option",
    "empty-text",
    "answer-key-balance",
    "longest-option-key",
)


# Options that switch on checks a rule leaves off by default.
ALL_CHECKS = {"longest-option-key": {"per_question": True}}


def _files(roots: list[Path]) -> list[Path]:
    """The YAML files of the banks ``roots`` name (bank folders or folders of banks)."""
    from exambank.load import iter_yaml_files
    from exambank.paths import find_banks

    return [path for bank in find_banks(roots) for path in iter_yaml_files(bank)]


def _compose(path: Path) -> None:
    """Read ``path`` and let libyaml compose its node tree, nothing more: the floor."""
    loader = CSafeLoader(path.read_text(encoding="utf-8"))
    try:
        loader.get_single_node()
    finally:
        loader.dispose()


def _unreadable(paths: list[Path]) -> str | None:
    """Why libyaml cannot compose one of ``paths`` (the floor would have nothing to
    measure), or None when it composes them all."""
    from ruamel.yaml.error import YAMLError

    for path in paths:
        try:
            _compose(path)
        except (OSError, UnicodeDecodeError, YAMLError) as error:
            problem = str(error).splitlines()[0] if str(error) else type(error).__name__
            return f"{path}: libyaml cannot read it ({problem}); 'exambank lint' says where"
    return None


def _child(kind: str, roots: list[Path]) -> None:
    """Do the work of ``kind`` and print its figures; ``KIND:setup`` stops short of the
    work (what --instructions subtracts: the interpreter, the imports, the file list)."""
    from exambank.config import Config
    from exambank.lint import lint

    setup_only = kind.endswith(":setup")
    kind = kind.removesuffix(":setup")
    stages: dict[str, float] = {}
    files = _files(roots) if kind == "floor" else []
    start = time.perf_counter()
    if setup_only:
        pass
    elif kind == "floor":
        for path in files:
            _compose(path)
    else:
        from exambank.rules import RULES

        chosen = {"foundation": set(FOUNDATION_RULES), "every": set(RULES)}.get(kind)
        config = None if chosen is None else Config(select=chosen)
        if kind == "every":  # every check there is, the per-question ones too
            config = Config(select=set(RULES), rule_options=ALL_CHECKS)
        elif kind.startswith("plus:"):  # the defaults and one more rule or check
            added = kind.removeprefix("plus:")
            config = Config()
            config.select.add(added)
            config.rule_options = {added: ALL_CHECKS.get(added, {})}
        result = lint(roots, config)
        stages = result.seconds_by_stage
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "stages": stages}))


def _measure(kind: str, roots: list[Path], repeat: int) -> dict[str, Any]:
    runs = []
    for _ in range(repeat):
        child = subprocess.run(
            [sys.executable, __file__, "--child", kind, *map(str, roots)],
            check=False,
            capture_output=True,
            text=True,
        )
        if child.returncode != 0:
            sys.exit(f"bench: the '{kind}' run failed:\n{child.stderr.strip()}")
        runs.append(json.loads(child.stdout))
    return min(runs, key=lambda run: run["seconds"])


def _instructions(kind: str, roots: list[Path]) -> int:
    """The instructions the work of ``kind`` runs, as valgrind's callgrind counts them: the
    same for the same code and input whatever else the machine does, where seconds vary
    by a third from run to run on a shared machine. The count of a run stopped short of
    the work (the interpreter's start, the imports) is subtracted."""
    counts = []
    for child in (kind, f"{kind}:setup"):
        with tempfile.TemporaryDirectory() as folder:
            counter = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out"]
            run = subprocess.run(
                [*counter, sys.executable, __file__, "--child", child, *map(str, roots)],
                check=False,
                capture_output=True,
                text=True,
            )
        found = re.search(r"Collected : (\d+)", run.stderr)
        if "unhandled instruction bytes" in run.stderr:
            sys.exit(
                f"bench: valgrind cannot count the '{child}' run on this machine: the compiled "
                "code it runs (ruamel.yaml.clibz, or Python's) uses an instruction valgrind "
                "does not know (AVX-512, most likely); time it instead (nox -s bench, "
                "without --instructions), or count on a machine without AVX-512"
            )
        if run.returncode != 0 or found is None:
            sys.exit(f"bench: callgrind could not count the '{child}' run:\n{run.stderr.strip()}")
        counts.append(int(found[1]))
    return counts[0] - counts[1]


def _print_instructions(roots: list[Path]) -> None:
    floor = _instructions("floor", roots)
    print(f"{'instructions (callgrind)':<31} {'count':>15}  ratio to the floor")
    print(f"{'libyaml compose (parse floor)':<31} {floor:>15,}  1.00x")
    for label, kind in (
        ("lint, foundation rules only", "foundation"),
        ("lint, every default rule", "lint"),
        ("lint, every rule (off ones too)", "every"),
    ):
        count = _instructions(kind, roots)
        print(f"{label:<31} {count:>15,}  {count / floor:4.2f}x")


def _stage(run: dict[str, Any], rule: str) -> float:
    seconds: float = run["stages"][f"rule {rule}"]
    return seconds


def _at_least_one(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=_at_least_one, default=10_000)
    parser.add_argument("--repeat", type=_at_least_one, default=3)
    parser.add_argument(
        "--bank",
        action="append",
        type=Path,
        metavar="DIR",
        help="time this bank, or the banks in this folder, instead of a generated one",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind instead of timing (slow: 10-20 minutes)",
    )
    parser.add_argument("--child", nargs="+", metavar="KIND ROOT", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        _child(arguments.child[0], [Path(root) for root in arguments.child[1:]])
        return
    from exambank.errors import UsageError
    from exambank.rules import RULES  # here, not above: the floor's process imports none of it

    with tempfile.TemporaryDirectory() as folder:
        if arguments.bank:
            roots = arguments.bank
            for root in roots:
                if not root.is_dir():
                    parser.error(f"{root}: not a folder (give a bank folder, or a folder of banks)")
            try:
                paths = _files(roots)
            except UsageError as error:
                parser.error(str(error))
            problem = _unreadable(paths)
            if problem:
                parser.error(problem)
            described = f"{len(roots)} folder{'s' if len(roots) > 1 else ''} given"
        else:
            roots = [generate_bank(Path(folder) / "bank", arguments.questions)]
            paths = _files(roots)
            described = f"{arguments.questions} generated questions"
        size = sum(path.stat().st_size for path in paths)
        if arguments.instructions:
            if shutil.which("valgrind") is None:
                parser.error("--instructions needs valgrind (apt-get install valgrind)")
            print(f"bank: {described}, {len(paths)} files, {size / 1e6:.1f} MB")
            _print_instructions(roots)
            return
        floor = _measure("floor", roots, arguments.repeat)
        foundation = _measure("foundation", roots, arguments.repeat)
        full = _measure("lint", roots, arguments.repeat)
        every = _measure("every", roots, arguments.repeat)
        extra = [name for name, rule in RULES.items() if not rule.enabled_by_default]
        extra += [name for name in ALL_CHECKS if RULES[name].enabled_by_default]
        plus = {name: _measure(f"plus:{name}", roots, arguments.repeat) for name in extra}
    print(f"bank: {described}, {len(paths)} files, {size / 1e6:.1f} MB")
    rows = [
        ("libyaml compose (parse floor)", floor),
        ("lint, foundation rules only", foundation),
        ("lint, every default rule", full),
        ("lint, every rule (off ones too)", every),
    ]
    for label, run in rows:
        ratio = run["seconds"] / floor["seconds"]
        print(
            f"{label:<31} {run['seconds']:6.3f} s  {ratio:4.2f}x floor  "
            f"peak {run['peak_mib']:4.0f} MiB"
        )
    print("target: lint within 1.5x the parse floor")
    # What one more rule adds is its own time in that run (for a check, what it adds to
    # its rule's time): the whole runs differ by more than that from run to run.
    added = {
        name: _stage(run, name) - (_stage(full, name) if name in ALL_CHECKS else 0.0)
        for name, run in plus.items()
    }
    print("turning on one more rule or check, on top of the defaults (its own time):")
    for name, seconds in sorted(added.items(), key=lambda item: -item[1]):
        label = name + (" (per question)" if name in ALL_CHECKS else "")
        ratio = (full["seconds"] + seconds) / floor["seconds"]
        print(f"  {label:<36} {seconds * 1000:+7.0f} ms  {ratio:4.2f}x")
    print("stages and rules of the lint with every rule, slowest first:")
    for stage, seconds in sorted(every["stages"].items(), key=lambda item: -item[1]):
        print(f"  {stage:<32} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
