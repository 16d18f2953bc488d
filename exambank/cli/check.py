"""``exambank lint``, and ``rules`` and ``rule``, which say what lint checks."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from exambank import baseline, baseline_summaries, pyproject
from exambank.cli.authoring import fix
from exambank.cli.common import (
    EXIT_CANNOT_WRITE,
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    add_config,
    add_paths,
    bank_paths,
    named_path,
)
from exambank.config import ConfigError, baseline_path, parse_rule_list
from exambank.diagnostics import not_fixed
from exambank.errors import UsageError
from exambank.lint import lint
from exambank.paths import display_path
from exambank.reporters import COLOR_CHOICES, REPORTER_BY_NAME, Context, use_color
from exambank.reporters.text import visible
from exambank.rewrite import NotSaved
from exambank.rule_docs import rule_page, rule_table


def add_lint(commands: Commands) -> None:
    command = commands.add_parser(
        "lint",
        help="check banks and report every problem",
        description="Check banks against the schemas and the rules; exit 1 on any error.",
    )
    add_paths(command)
    command.add_argument(
        "--format",
        choices=sorted(REPORTER_BY_NAME),
        default="text",
        help="text for people (default), json for scripts, github for GitHub Actions' "
        "annotations, gitlab for GitLab's Code Quality, sarif for code scanning, junit for "
        "CI test reports",
    )
    command.add_argument(
        "--select",
        type=_rules_to_run,
        action="extend",
        metavar="RULES",
        help="run only these rules (comma-separated) instead of the configured ones, even "
        'those the configuration turns off (ignore, severity = "off"); per-file-ignores '
        "still apply",
    )
    command.add_argument(
        "--ignore",
        type=_rules_to_skip,
        action="extend",
        default=[],
        metavar="RULES",
        help="skip these rules (comma-separated)",
    )
    shown = command.add_mutually_exclusive_group()
    shown.add_argument("--strict", action="store_true", help="fail on warnings too")
    shown.add_argument(
        "--errors-only",
        action="store_true",
        help="list only errors; warnings are counted in the text summary, not listed (not "
        "with --format sarif, whose warnings' alerts code scanning would close as fixed)",
    )
    command.add_argument(
        "--fix",
        action="store_true",
        help="first make the changes that cannot alter meaning (listed on stderr)",
    )
    command.add_argument(
        "--list-suppressed",
        action="store_true",
        help="--format json: also list the findings a question's lint: ignore dropped, each "
        "with a 'suppressed' key (left out by default: scripts count the list's items); "
        "--format sarif: also list those and the baseline's findings as suppressed results "
        "(left out by default: GitHub code scanning opens an alert for each)",
    )
    command.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    _add_baseline(command)
    add_config(command)
    command.set_defaults(run=_lint)


def _add_baseline(command: argparse.ArgumentParser) -> None:
    known = command.add_mutually_exclusive_group()
    known.add_argument(
        "--baseline",
        type=_baseline_file,
        metavar="FILE",
        help="report and fail on new findings only: those FILE does not hold "
        "(default: baseline in [tool.exambank])",
    )
    known.add_argument(
        "--write-baseline",
        type=_baseline_file,
        metavar="FILE",
        help="write the findings to FILE, for --baseline, then report as --baseline FILE does; "
        "over an old baseline, say what it added and dropped (unused-suppression's are not "
        "written: remove the stale suppression instead)",
    )
    known.add_argument(
        "--prune-baseline",
        type=_baseline_file,
        metavar="FILE",
        help="drop the fixed entries of the baseline FILE, and those of unused-suppression, and "
        "add none (of a merge conflict in FILE, keep both sides' other entries), then report "
        "as --baseline FILE does",
    )
    known.add_argument(
        "--no-baseline",
        action="store_true",
        help="report every finding, though [tool.exambank] names a baseline",
    )
    command.add_argument(
        "--drop-entries-of",
        type=_rules_to_run,
        metavar="RULES",
        help="with --prune-baseline: drop every entry of these rules too (comma-separated), "
        "such as a rule the configuration turns off for good; their findings are new if "
        "the rules run again",
    )


def _baseline_file(text: str) -> Path:
    """A baseline's FILE, read as ``baseline`` in [tool.exambank] is: a backslash as '/'."""
    named_path(text)  # not empty
    return baseline_path(text)


def add_rules(commands: Commands) -> None:
    listing = commands.add_parser(
        "rules",
        help="list every rule",
        description="List every rule with its severity; given a NAME, show that rule's "
        "documentation, as 'exambank rule NAME' does.",
    )
    listing.add_argument("name", nargs="?", metavar="NAME", help="show this rule instead")
    listing.set_defaults(run=_rules)
    command = commands.add_parser(
        "rule",
        help="show a rule's documentation",
        description="Show what a rule checks, a failing and a passing example, its settings.",
    )
    command.add_argument(
        "name",
        metavar="NAME",
        help="a rule's name, as reports give it (exambank rules lists them), or config",
    )
    command.set_defaults(run=_rule)


def _rules_to_run(names: str) -> list[str]:
    try:
        return parse_rule_list(names, turning_off=False)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _rules_to_skip(names: str) -> list[str]:
    try:
        return parse_rule_list(names, turning_off=True)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _lint(arguments: argparse.Namespace) -> int:
    if arguments.list_suppressed and arguments.format not in ("json", "sarif"):
        raise UsageError(
            f"--list-suppressed adds to --format json or sarif only; --format "
            f"{arguments.format} shows what lint: ignore dropped without it (text and github "
            "count or list them, junit lists them, gitlab leaves them out)"
        )
    if arguments.drop_entries_of and arguments.prune_baseline is None:
        raise UsageError(
            "--drop-entries-of goes with --prune-baseline FILE: it drops those rules' "
            "entries from the baseline FILE"
        )
    if arguments.errors_only and arguments.format == "sarif":
        raise UsageError(
            "--errors-only does not go with --format sarif: code scanning would close the "
            "alerts of the warnings it leaves out as fixed; a SARIF report lists every "
            "finding, and code scanning filters its alerts by severity"
        )
    try:
        configured = pyproject.load(arguments.config)
    except ConfigError as error:
        if arguments.format != "text" and error.diagnostics:  # a tool reads stdout: these too
            report = REPORTER_BY_NAME[arguments.format]
            sys.stdout.write(report(sorted(error.diagnostics), Context(strict=arguments.strict)))
        raise
    config = configured.override(arguments.select, arguments.ignore)
    paths = bank_paths(arguments.paths)
    # Read before anything is changed or checked: a baseline at fault stops the run.
    reading = None if arguments.no_baseline else arguments.baseline or config.baseline
    writing: Path | None = arguments.write_baseline
    pruning: Path | None = arguments.prune_baseline
    known = None
    if pruning is not None:
        known = baseline.merged(pruning)
    elif reading is not None and writing is None:
        known = baseline.read(reading)
    replaced = baseline.previous(writing) if writing is not None else None
    refused = fix(paths, config.max_file_bytes) if arguments.fix else {}
    result = lint(paths, config)
    if refused:  # a hint must not promise what --fix just left undone
        why = {path: f"at {error.line}:{error.column}, {error}" for path, error in refused.items()}
        result = replace(result, diagnostics=not_fixed(result.diagnostics, why))
    judged = None
    if writing is not None or known is not None:
        checked = baseline.scope(result, paths, config, configured)
        if writing is not None:
            known, changes = baseline.write(writing, result.diagnostics, checked, replaced)
            for line in baseline_summaries.written(known, changes):
                print(visible(line), file=sys.stderr)
        elif known is not None and pruning is not None:
            dropping = frozenset(arguments.drop_entries_of or ())
            known, changes = baseline.prune(known, result.diagnostics, checked, dropping)
            for line in baseline_summaries.pruned(known, changes):
                print(visible(line), file=sys.stderr)
        if known is not None:
            judged = baseline.compare(known, result.diagnostics, checked)
    if judged is not None:
        result = replace(result, diagnostics=judged.new)
    color = use_color(arguments.color, sys.stdout, os.environ)
    listed, unlisted = result.diagnostics, []
    if arguments.errors_only:
        listed = [found for found in result.diagnostics if found.severity == "error"]
        unlisted = [found for found in result.diagnostics if found.severity != "error"]
    context = Context.of(result, color=color, strict=arguments.strict, unlisted=tuple(unlisted))
    context = replace(context, list_suppressed=arguments.list_suppressed)
    if arguments.errors_only:  # what a lint: ignore dropped, as the findings: errors listed
        context = replace(
            context,
            suppressed=tuple(filter(None, (entry.only("error") for entry in result.suppressed))),
            unlisted_suppressed=tuple(
                filter(None, (entry.only("warning") for entry in result.suppressed))
            ),
        )
    if known is not None and judged is not None:
        context = replace(context, baseline=display_path(known.path), known=tuple(judged.known))
    sys.stdout.write(REPORTER_BY_NAME[arguments.format](listed, context))
    if known is not None and judged is not None:  # after the text summary; beside a tool's
        for line in baseline_summaries.summary(judged, known.path):  # report, not in it
            print(visible(line), file=sys.stdout if arguments.format == "text" else sys.stderr)
    if any(isinstance(error, NotSaved) for error in refused.values()):  # said above
        return EXIT_CANNOT_WRITE
    return EXIT_PROBLEMS if result.failed(arguments.strict) else EXIT_OK


def _rules(arguments: argparse.Namespace) -> int:
    if arguments.name is not None:  # "exambank rules negative-stem": the page asked for
        return _rule(arguments)
    sys.stdout.write(rule_table())
    return EXIT_OK


def _rule(arguments: argparse.Namespace) -> int:
    sys.stdout.write(rule_page(arguments.name))
    return EXIT_OK
