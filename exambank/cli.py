"""The ``exambank`` command. It only wires: parse arguments, call the library, print, exit."""

from __future__ import annotations

import argparse
import difflib
import gc
import io
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from exambank import pyproject
from exambank.build import build, write
from exambank.builders import BUILDERS, Output
from exambank.config import ConfigError, parse_rule_list
from exambank.errors import UsageError
from exambank.fixes import fix_file
from exambank.layout import format_file
from exambank.lint import lint
from exambank.reporters import COLOR_CHOICES, REPORTER_BY_NAME, Context, text, use_color
from exambank.reporters.text import visible
from exambank.rewrite import RewriteError, bank_files
from exambank.rule_docs import rule_page, rule_table
from exambank.saving import save, verify
from exambank.skeleton import MAX_OPTIONS, add_question
from exambank.stats import UNCOUNTED, WORST_SHOWN, bank_stats, noun, render_text
from exambank.stats_html import render_html, write_pdf

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_BANKS = Path("bank")


def run() -> NoReturn:
    """The ``exambank`` command. Everything lint read is still alive when it ends; frozen,
    the interpreter's exit does not scan it all for cycles once more (0.4 s of a 2 s lint
    of 10,000 questions)."""
    status = main()
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    _set_up_streams(getattr(arguments, "format", "text") != "text")
    try:
        return int(arguments.run(arguments))
    except UsageError as error:
        print(f"exambank: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as error:
        if error.diagnostics:
            sys.stderr.write(text(error.diagnostics))
        print(f"exambank: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exambank: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # never show an author a traceback
        if os.environ.get("EXAMBANK_DEBUG"):
            raise
        print(
            f"exambank: internal error: {type(error).__name__}: {visible(str(error))}\n"
            "Please report it; EXAMBANK_DEBUG=1 shows the traceback.",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _set_up_streams(for_tools: bool) -> None:
    """What is printed for a tool (JSON, SARIF, JUnit, HTML) is UTF-8, as those formats
    say, whatever the console's encoding (a redirected stdout on Windows is cp1252); text
    for people never fails on a character the console lacks: it is shown escaped. So is a
    file name's byte that is not UTF-8 (``\\udcff``, which JSON reads back as it was)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if for_tools and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exambank", description="Lint and build exam question banks."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    lint_command = commands.add_parser(
        "lint",
        help="check banks and report every problem",
        description="Check banks against the schemas and the rules; exit 1 on any error.",
    )
    lint_command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="bank folders, files in them, or folders of banks (default: bank/)",
    )
    lint_command.add_argument("--format", choices=sorted(REPORTER_BY_NAME), default="text")
    lint_command.add_argument(
        "--select",
        type=_rules_to_run,
        action="extend",
        metavar="RULES",
        help="run only these rules (comma-separated), instead of the configured ones",
    )
    lint_command.add_argument(
        "--ignore",
        type=_rules_to_skip,
        action="extend",
        default=[],
        metavar="RULES",
        help="skip these rules (comma-separated)",
    )
    lint_command.add_argument("--strict", action="store_true", help="fail on warnings too")
    lint_command.add_argument(
        "--fix",
        action="store_true",
        help="first make the changes that cannot alter meaning (listed on stderr)",
    )
    lint_command.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    _add_config(lint_command)
    lint_command.set_defaults(run=_lint)
    _add_fmt_and_new(commands)

    build_command = commands.add_parser(
        "build",
        help="lint, then write handouts and exports",
        description="Lint the banks (any error stops the build), then write each format's "
        "files into DIR/<bank-id>/ (--out DIR, default dist).",
    )
    build_command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="bank folders, files in them, or folders of banks (default: bank/)",
    )
    build_command.add_argument(
        "--only",
        type=_formats,
        default=list(BUILDERS),
        metavar="FORMATS",
        help="build only these formats, comma-separated: "
        + "; ".join(f"{name} ({builder.description})" for name, builder in BUILDERS.items()),
    )
    build_command.add_argument(
        "--out",
        type=_named_path,
        default=Path("dist"),
        metavar="DIR",
        help="write into DIR/<bank-id>/ (default: dist)",
    )
    build_command.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", help="PDF paper size (default: a4)"
    )
    build_command.add_argument(
        "--shuffle",
        metavar="SEED",
        help="print each question's options in an order drawn from SEED (same seed, same PDF)",
    )
    _add_config(build_command)
    build_command.set_defaults(run=_build)

    commands.add_parser(
        "rules", help="list every rule", description="List every rule with its severity."
    ).set_defaults(run=_rules)
    rule_command = commands.add_parser(
        "rule",
        help="show a rule's documentation",
        description="Show what a rule checks, a failing and a passing example, its settings.",
    )
    rule_command.add_argument("name", metavar="NAME")
    rule_command.set_defaults(run=_rule)
    _add_stats(commands)
    return parser


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


def _formats(names: str) -> list[str]:
    chosen = [name.strip() for name in names.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in BUILDERS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(map(repr, unknown))}; choose from {', '.join(BUILDERS)}"
            if unknown
            else "name at least one format"
        )
    return chosen


def _add_config(command: argparse.ArgumentParser) -> None:
    """--config, the same for every command that lints: a build checks what lint checks."""
    command.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read [tool.exambank] from FILE, not from the nearest pyproject.toml",
    )


def _bank_paths(paths: list[Path]) -> list[Path]:
    if paths:
        return paths
    if not DEFAULT_BANKS.is_dir():
        raise UsageError("no PATH given and no bank/ folder here")
    return [DEFAULT_BANKS]


def _lint(arguments: argparse.Namespace) -> int:
    if arguments.fix:
        _fix(_bank_paths(arguments.paths))
    try:
        config = pyproject.load(arguments.config).override(arguments.select, arguments.ignore)
    except ConfigError as error:
        if arguments.format != "text" and error.diagnostics:  # a tool reads stdout: these too
            report = REPORTER_BY_NAME[arguments.format]
            sys.stdout.write(report(sorted(error.diagnostics), Context(strict=arguments.strict)))
        raise
    result = lint(_bank_paths(arguments.paths), config)
    color = use_color(arguments.color, sys.stdout, os.environ)
    context = Context.of(result, color=color, strict=arguments.strict)
    sys.stdout.write(REPORTER_BY_NAME[arguments.format](result.diagnostics, context))
    return EXIT_PROBLEMS if result.failed(arguments.strict) else EXIT_OK


def _build(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    result = lint(_bank_paths(arguments.paths), pyproject.load(arguments.config))
    if result.errors:
        sys.stdout.write(text(result.diagnostics))  # as `exambank lint` shows them
        print("exambank: nothing built: fix the errors first", file=sys.stderr)
        return EXIT_PROBLEMS
    if result.warnings:
        plural = "s" if result.warnings != 1 else ""
        print(f"lint: {result.warnings} warning{plural}, no errors ('exambank lint' lists them)")
    for said in result.notes:  # rules that did not run on a bank in another language
        print(f"lint: note: {visible(said.path)}:{said.line}: {visible(said.message)}")
    builders = [BUILDERS[name]() for name in dict.fromkeys(arguments.only)]
    files = total = 0
    for written in build(result.banks, builders, arguments.out, arguments.paper, arguments.shuffle):
        files, total = files + 1, total + written.size
        print(f"wrote {visible(str(written.path))} ({_size(written.size)})")
        for note in written.notes:
            print(f"    note: {visible(note)}")
    banks = len(result.banks)
    print(
        f"Built {files} {noun(files, 'file')} ({_size(total)}) for {banks} {noun(banks, 'bank')} "
        f"into {arguments.out} in {time.perf_counter() - started:.1f} s."
    )
    return EXIT_OK


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    return f"{size / 1000:.1f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def _rules(arguments: argparse.Namespace) -> int:
    sys.stdout.write(rule_table())
    return EXIT_OK


def _rule(arguments: argparse.Namespace) -> int:
    sys.stdout.write(rule_page(arguments.name))
    return EXIT_OK


def _add_fmt_and_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt_command = commands.add_parser(
        "fmt",
        help="rewrite bank files in the canonical layout, keeping every comment",
        description="Rewrite bank files in one layout: key order, indentation, block text, "
        "quoting. Comments and data are kept; a file whose data would change is not written.",
    )
    fmt_command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="bank files, bank folders, or folders of banks (default: bank/)",
    )
    fmt_command.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )
    fmt_command.add_argument(
        "--diff", action="store_true", help="change nothing; print the changes as a diff"
    )
    fmt_command.set_defaults(run=_fmt)

    new_command = commands.add_parser(
        "new",
        help="append a question skeleton to a section file",
        description="Append a question with empty stem, options and explanation to FILE; "
        "lint reports each empty part until it is written.",
    )
    new_command.add_argument("question_id", metavar="QUESTION-ID")
    new_command.add_argument("--section", type=Path, required=True, metavar="FILE")
    new_command.add_argument("--type", choices=["single", "multiple"], default="single")
    new_command.add_argument(
        "--options",
        type=int,
        default=4,
        metavar="N",
        help=f"number of options, 2 to {MAX_OPTIONS} (default: 4)",
    )
    new_command.set_defaults(run=_new)


def _fmt(arguments: argparse.Namespace) -> int:
    files = bank_files(_bank_paths(arguments.paths))
    dry_run = arguments.check or arguments.diff
    changed = failed = 0
    for path in files:
        try:
            rewrite = format_file(path)
            if rewrite.changed and dry_run:
                verify(rewrite)
            elif rewrite.changed:
                save(rewrite)
        except RewriteError as error:
            failed += 1
            where = f"{visible(str(path))}:{error.line}:{error.column}"
            print(f"{where}: cannot format: {visible(str(error))}", file=sys.stderr)
            continue
        if rewrite.changed:
            changed += 1
            verb = "would reformat" if dry_run else "reformatted"
            print(f"{verb} {visible(str(path))}", file=sys.stderr)
        if rewrite.changed and arguments.diff:
            old = rewrite.old.decode("utf-8-sig").splitlines(keepends=True)
            new = rewrite.new.splitlines(keepends=True)
            name = visible(str(path))  # a file name cannot start a line of its own
            sys.stdout.writelines(difflib.unified_diff(old, new, name, name))
    verb = "would be reformatted" if dry_run else "reformatted"
    summary = f"{changed} {verb}, {len(files) - changed - failed} unchanged"
    print(f"{summary}{f', {failed} not formatted' if failed else ''}", file=sys.stderr)
    return EXIT_PROBLEMS if failed or (dry_run and changed) else EXIT_OK


def _fix(paths: list[Path]) -> None:
    for path in bank_files(paths):
        try:
            rewrite, fixed = fix_file(path, str(path))
            if rewrite.changed:
                save(rewrite)
        except RewriteError as error:
            where = f"{visible(str(path))}:{error.line}:{error.column}"
            print(f"{where}: not fixed: {visible(str(error))}", file=sys.stderr)
            continue
        for change in fixed:
            print(visible(str(change)), file=sys.stderr)


def _new(arguments: argparse.Namespace) -> int:
    section = arguments.section
    try:
        save(add_question(section, arguments.question_id, arguments.type, arguments.options))
    except RewriteError as error:
        raise UsageError(f"{section}:{error.line}:{error.column}: {error}") from None
    print(
        f"added question {arguments.question_id} to {visible(str(section))}: write its stem, "
        "options, answer and explanation (exambank lint lists what is still empty)"
    )
    return EXIT_OK


def _add_stats(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats_command = commands.add_parser(
        "stats",
        help="count questions, key letters and item-writing flaws",
        description="Lint the banks, then report questions per section, type and difficulty, "
        "the key-letter spread and longest-key rate against chance, findings per rule and "
        "section, and the questions with the most findings.",
    )
    stats_command.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="bank folders, files in them, or folders of banks (default: bank/)",
    )
    stats_command.add_argument("--format", choices=["text", "json", "html"], default="text")
    stats_command.add_argument(
        "--out",
        type=_named_path,
        metavar="FILE",
        help="write the report to FILE; with --format html, a FILE ending in .pdf gets a PDF",
    )
    _add_config(stats_command)
    stats_command.add_argument(
        "--worst",
        type=int,
        default=WORST_SHOWN,
        metavar="N",
        help=f"list the N questions with the most findings (default: {WORST_SHOWN}; 0: all)",
    )
    stats_command.set_defaults(run=_stats)


def _named_path(text: str) -> Path:
    """An --out path; an empty one would quietly mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a path (an empty one would mean '.')")
    return Path(text)


def _stats(arguments: argparse.Namespace) -> int:
    out: Path | None = arguments.out
    pdf = out is not None and out.suffix.lower() == ".pdf"
    if pdf and arguments.format != "html":
        raise UsageError("a PDF is made from the HTML report: add --format html")
    if arguments.worst < 0:
        raise UsageError(f"--worst {arguments.worst}: give 0 (all) or more")
    config = pyproject.load(arguments.config)
    result = lint(_bank_paths(arguments.paths), config)
    if result.errors:
        # a file that cannot be read, or a question that fails the schema, is not counted
        schema = any(d.rule in UNCOUNTED for d in result.diagnostics)
        print(
            f"exambank: note: {result.errors} {noun(result.errors, 'error')} "
            "('exambank lint' lists them)"
            + (
                "; questions that cannot be read or fail the schema in substance are not counted"
                if schema
                else ""
            ),
            file=sys.stderr,
        )
    stats = bank_stats(result, config, arguments.worst)
    if arguments.format == "json":
        report = json.dumps([bank.as_dict() for bank in stats], indent=2) + "\n"
    else:
        report = render_html(stats) if arguments.format == "html" else render_text(stats)
    if out is None:
        sys.stdout.write(report)
        return EXIT_OK
    try:  # atomically, and over a symlink at ``out``, never through it
        write(out.parent, Output(out.name, write_pdf(report) if pdf else report.encode("utf-8")))
    except OSError as error:
        raise UsageError(f"{out}: cannot write: {error.strerror}") from None
    print(f"wrote {visible(str(out))}")
    return EXIT_OK
