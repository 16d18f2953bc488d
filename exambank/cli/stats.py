"""``exambank stats``: lint, then count and report, as text, JSON, HTML or a PDF of it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from exambank import baseline, pyproject
from exambank.builders import Output
from exambank.cli.common import EXIT_OK, Commands, add_config, add_paths, bank_paths, named_path
from exambank.errors import CannotWrite, UsageError
from exambank.lint import LintResult, lint
from exambank.paths import among_authors_files, display_path
from exambank.reporters.ci_log import json_without_commands
from exambank.reporters.text import visible
from exambank.staging import write
from exambank.stats import UNCOUNTED, WORST_SHOWN, Held, bank_stats
from exambank.stats_html import render_html, write_pdf
from exambank.stats_text import render_text
from exambank.stats_words import noun


def add_stats(commands: Commands) -> None:
    command = commands.add_parser(
        "stats",
        help="count questions, key letters and item-writing flaws",
        description="Lint the banks, then report questions per section, type and difficulty, "
        "the key-letter spread and longest-key rate against chance, findings per rule and "
        "section, and the questions with the most findings.",
    )
    add_paths(command)
    command.add_argument(
        "--format",
        choices=["text", "json", "html"],
        default="text",
        help="text (default), json (the same as data) or html (a page with charts)",
    )
    command.add_argument(
        "--out",
        type=named_path,
        metavar="FILE",
        help="write the report to FILE; with --format html, a FILE ending in .pdf gets a PDF",
    )
    add_config(command)
    command.add_argument(
        "--worst",
        type=int,
        default=WORST_SHOWN,
        metavar="N",
        help=f"list the N questions with the most findings (default: {WORST_SHOWN}; 0: all)",
    )
    command.set_defaults(run=_stats)


def _stats(arguments: argparse.Namespace) -> int:
    out: Path | None = arguments.out
    if out is not None and (where := among_authors_files(out)):
        raise UsageError(
            f"--out {display_path(out)}: {where}, so the report is not written there: name a "
            "file outside the banks, such as stats.txt"
        )
    if out is not None:
        _refuse_other_than_a_file(out)
    pdf = out is not None and out.suffix.lower() == ".pdf"
    if pdf and arguments.format != "html":
        raise UsageError("a PDF is made from the HTML report: add --format html")
    if arguments.worst < 0:
        raise UsageError(f"--worst {arguments.worst}: give 0 (all) or more")
    config = pyproject.load(arguments.config)
    paths = bank_paths(arguments.paths)
    known = baseline.configured(config)  # read before lint runs, as lint reads it
    result = lint(paths, config)
    held: Held | None = None
    if isinstance(known, baseline.Baseline):
        checked = baseline.scope(result, paths, config)
        held = display_path(known.path), baseline.compare(known, result.diagnostics, checked).known
    elif known is not None:
        print(f"exambank: note: the baseline is not read: {visible(known)}", file=sys.stderr)
    if result.errors:
        print(f"exambank: note: {_errors(result, held)}", file=sys.stderr)
    stats = bank_stats(result, config, arguments.worst, held)
    if arguments.format == "json":
        report = json.dumps([bank.as_dict() for bank in stats], indent=2, ensure_ascii=False)
        report = json_without_commands(report) + "\n"
    else:
        report = render_html(stats) if arguments.format == "html" else render_text(stats)
    if out is None:
        sys.stdout.write(report)
        return EXIT_OK
    try:  # atomically, and over a symlink at ``out``, never through it
        write(out.parent, Output(out.name, write_pdf(report) if pdf else report.encode("utf-8")))
    except OSError as error:
        raise CannotWrite(f"{out}: cannot write: {error.strerror}") from None
    print(f"wrote {visible(str(out))}")
    return EXIT_OK


def _errors(result: LintResult, held: Held | None) -> str:
    """What to say of the errors counted: that lint lists them, or that the baseline holds
    them and lint hides them; and that questions that cannot be read are not counted."""
    hidden = sum(found.severity == "error" for found in held[1]) if held else 0
    listed = result.errors - hidden
    where = []
    if listed:
        where.append(
            f"'exambank lint' lists {_them(listed) if listed == result.errors else listed}"
        )
    if held and hidden:
        holds = hidden if listed else _them(hidden)
        where.append(f"the baseline {visible(held[0])} holds {holds}, which lint hides")
    said = f"{result.errors} {noun(result.errors, 'error')} ({'; '.join(where)})"
    # a file that cannot be read, or a question that fails the schema, is not counted
    if any(found.rule in UNCOUNTED for found in result.diagnostics):
        said += "; questions that cannot be read or fail the schema in substance are not counted"
    return said


def _them(count: int) -> str:
    return "it" if count == 1 else "them"


def _refuse_other_than_a_file(out: Path) -> None:
    """A UsageError for an ``out`` that is a folder, or a device, pipe or socket (or a
    link to one, as ``/dev/stdout`` is): the report replaces what is there, and as root it
    replaced ``/dev/full`` with a text file. A link to a file, or to nothing, is replaced."""
    if out.is_dir():
        raise UsageError(
            f"--out {display_path(out)}: a folder; name a file in it, such as "
            f"{display_path(out / 'stats.txt')}"
        )
    if out.exists() and not out.is_file():
        raise UsageError(
            f"--out {display_path(out)}: a device or a pipe, not a file; leave --out out to "
            "write the report to standard output"
        )
