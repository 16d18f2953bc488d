"""``exambank fmt``: rewrite bank files in the canonical layout; with ``--check``, say
which would change, to a person on stderr and, with ``--format``, to a CI on stdout."""

from __future__ import annotations

import argparse
import difflib
import shlex
import sys
from pathlib import Path

from exambank import pyproject
from exambank.cli.common import (
    EXIT_CANNOT_WRITE,
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    add_config,
    add_paths,
    bank_paths,
)
from exambank.config import ConfigError
from exambank.diagnostics import Diagnostic
from exambank.errors import UsageError
from exambank.file_names import MANIFEST
from exambank.layout import format_file
from exambank.paths import stray_files
from exambank.reporters import REPORTER_BY_NAME
from exambank.reporters.ci_log import without_commands
from exambank.reporters.github import escape_data, escape_property
from exambank.reporters.repository import repository_paths, repository_root
from exambank.reporters.text import visible
from exambank.rewrite import NotSaved, Rewrite, RewriteError, bank_files
from exambank.saving import save, verify

FORMATS = ("text", "github", "gitlab", "json")
RULE = "fmt"  # the check_name and rule of each finding in a report


def add_fmt(commands: Commands) -> None:
    command = commands.add_parser(
        "fmt",
        help="rewrite bank files in the canonical layout, keeping every comment",
        description="Rewrite bank files in one layout: key order, indentation, block text, "
        "quoting. Comments and data are kept; a file whose data would change is not written.",
    )
    add_paths(command, named="bank files, bank folders")
    command.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )
    command.add_argument(
        "--diff", action="store_true", help="change nothing; print the changes as a diff"
    )
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="with --check, also report each file that would change on stdout, at its first "
        "changed line: github annotations, a gitlab Code Quality report or json "
        "(default: text, on stderr only)",
    )
    add_config(command)  # max-file-bytes: a file lint refuses to read is not rewritten
    command.set_defaults(run=_fmt)


def _fmt(arguments: argparse.Namespace) -> int:
    if arguments.format != "text" and (arguments.diff or not arguments.check):
        raise UsageError(
            f"--format {arguments.format} reports what --check finds: give "
            "--check, without --diff (both would write to stdout)"
        )
    try:
        size_limit = pyproject.load(arguments.config).max_file_bytes
    except ConfigError as error:
        if arguments.format != "text" and error.diagnostics:  # a tool reads stdout: these too
            sys.stdout.write(_report(arguments.format, sorted(error.diagnostics)))
        raise
    paths = bank_paths(arguments.paths)
    files = bank_files(paths)
    dry_run = arguments.check or arguments.diff
    changed = failed = unsaved = 0
    found: list[Diagnostic] = []  # for --format
    # No bank at all, where lint reports files in no bank (every bank.yaml gone): not a
    # pass with nothing formatted, but each file named, as lint names it.
    unbanked = [] if files else stray_files(paths)
    for path in unbanked:
        message = f"the file is in no bank (no {MANIFEST} in its folder or above it)"
        print(f"{visible(str(path))}:1:1: not formatted: {message}", file=sys.stderr)
        hint = "'exambank lint' says how to fix it; then format the bank"
        found.append(Diagnostic(str(path), 1, 1, "error", RULE, f"{message}: not formatted", hint))
    for path in files:
        try:
            rewrite = format_file(path, size_limit)
            if rewrite.changed and dry_run:
                verify(rewrite)
            elif rewrite.changed:
                save(rewrite)
        except RewriteError as error:
            failed += 1
            unsaved += isinstance(error, NotSaved)
            where = f"{visible(str(path))}:{error.line}:{error.column}"
            print(f"{where}: cannot format: {visible(str(error))}", file=sys.stderr)
            message = f"exambank fmt cannot format the file: {error}"
            found.append(Diagnostic(str(path), error.line, error.column, "error", RULE, message))
            continue
        if rewrite.changed:
            changed += 1
            verb = "would reformat" if dry_run else "reformatted"
            changes = rewrite.changes()  # the layout alone goes without saying
            said = f" ({', '.join(changes)})" if changes != ["layout"] else ""
            print(f"{verb} {visible(str(path))}{said}", file=sys.stderr)
            found.append(_would_change(path, rewrite, said))
        if rewrite.changed and arguments.diff:  # line endings and a BOM are said above
            _print_diff(path, rewrite)
    verb = "would be reformatted" if dry_run else "reformatted"
    summary = f"{changed} {verb}, {len(files) - changed - failed} unchanged"
    failed += len(unbanked)
    print(f"{summary}{f', {failed} not formatted' if failed else ''}", file=sys.stderr)
    if arguments.format != "text":
        sys.stdout.write(_report(arguments.format, found))
    if unsaved:
        return EXIT_CANNOT_WRITE  # the runner's trouble, as for any file exambank cannot write
    return EXIT_PROBLEMS if failed or (dry_run and changed) else EXIT_OK


def _print_diff(path: Path, rewrite: Rewrite) -> None:
    """The changes as a unified diff on stdout, with no line a CI runner would obey: a
    "+" or "-" before a line keeps it from starting one, but the runner takes "##["
    anywhere and reads a context line from after its space. The lines where that took an
    escape are counted on stderr: there the diff no longer matches the file."""
    name = visible(str(path))  # a file name cannot start a line of its own
    diff = [
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
        for line in difflib.unified_diff(_lines(rewrite.old_text), _lines(rewrite.new), name, name)
    ]
    shown = [without_commands(line) for line in diff]
    sys.stdout.writelines(shown)
    escaped = sum(line != as_shown for line, as_shown in zip(diff, shown, strict=True))
    if escaped:
        lines = "line of the diff shows" if escaped == 1 else "lines of the diff show"
        print(
            f"{name}: note: {escaped} {lines} a [ after ## as \\x5b or a "
            "leading :: as \\x3a:, which a CI log would obey as commands: apply the changes "
            "with exambank fmt, not with this diff",
            file=sys.stderr,
        )


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as patch and git read them: ended by "\\n" alone, the last
    one maybe by nothing. ``splitlines`` also ends one at "\\u2028", "\\x85" and others a
    quoted YAML text may hold, which would make a diff no tool applies."""
    lines = text.split("\n")
    return [f"{line}\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _would_change(path: Path, rewrite: Rewrite, said: str) -> Diagnostic:
    """A file ``--check`` finds would change, at its first changed line."""
    message = f"the file is not in the layout exambank fmt writes{said}"
    hint = f"run 'exambank fmt {shlex.quote(str(path))}' and commit the result"
    line = first_changed_line(rewrite.old_text, rewrite.new)
    return Diagnostic(str(path), line, 1, "error", RULE, message, hint)


def first_changed_line(old_text: str, new_text: str) -> int:
    """The first line of ``old_text`` that ``new_text`` changes; 1 if none does (only the
    line endings or byte-order mark change); its last line if lines are only added at its
    end."""
    old, new = _lines(old_text), _lines(new_text)  # numbered as the diff numbers them
    for number, (before, after) in enumerate(zip(old, new, strict=False), start=1):
        if before != after:
            return number
    if len(old) == len(new):
        return 1
    return min(len(old), len(new)) + 1 if len(old) > len(new) else max(len(old), 1)


def _report(format_name: str, found: list[Diagnostic]) -> str:
    """``found`` as ``--format`` writes it on stdout."""
    return _github(found) if format_name == "github" else REPORTER_BY_NAME[format_name](found)


def _github(found: list[Diagnostic]) -> str:
    """A workflow command per finding, as ``lint --format github`` writes them: paths
    relative to ``GITHUB_WORKSPACE``, where the runner looks for them."""
    shown = repository_paths([item.path for item in found], repository_root("GITHUB_WORKSPACE"))
    lines = []
    for item in found:
        where = f"file={escape_property(shown[item.path])},line={item.line},col={item.column}"
        hint = f"\nhint: {visible(item.hint)}" if item.hint else ""
        message = escape_data(visible(item.message) + hint)
        lines.append(f"::error {where},title={escape_property('exambank fmt')}::{message}\n")
    return "".join(lines)
