"""``exambank build``: lint, then write each bank's handouts and exports."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from exambank import baseline, pyproject
from exambank.build import build
from exambank.builders import BUILDERS
from exambank.builders.base import STUDENT_KEYS, Settings
from exambank.cli.build_progress import progress, shown_size
from exambank.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    add_config,
    add_paths,
    bank_paths,
    named_path,
)
from exambank.config import (
    LARGE_PRINT_SIZE,
    LARGE_PRINT_SIZES,
    LARGE_PRINT_SIZES_WORDS,
    PAPERS,
    SECTION_STARTS,
    Config,
)
from exambank.errors import UsageError
from exambank.lint import LintResult, lint
from exambank.paths import display_path
from exambank.reporters.text import listing, note_lines, visible
from exambank.rules import RULES
from exambank.rules.base import all_of
from exambank.stats_words import noun

# The options (their ``dest``) that set a field of ``Settings`` of another name; the others
# set the field of their own name. Given where no format built reads the field (its
# builder's ``settings``), an option is refused.
_FIELD_OF = {"shuffle": "shuffle_seed"}
_SETTING_OPTIONS = (
    "paper",
    "sections",
    "large_print",
    "large_print_size",
    "shuffle",
    "student_key",
    "answer_sheet",
    "csv_text",
    "csv_guard",
)

# Warnings the build says in full, as lint does (``Rule.changes_print``): a trainer who
# only builds would otherwise hand out what they change.
SAID_IN_FULL = frozenset(name for name, rule in RULES.items() if rule.changes_print)


def add_build(commands: Commands) -> None:
    command = commands.add_parser(
        "build",
        help="lint, then write handouts and exports",
        description="Lint the banks (any error stops the build), then write each format's "
        "files into DIR/<bank-id>/ (--out DIR, default dist).",
    )
    add_paths(command)
    command.add_argument(
        "--only",
        type=_formats,
        default=list(BUILDERS),
        metavar="FORMATS",
        help="build only these formats, comma-separated: "
        + "; ".join(f"{name} ({builder.description})" for name, builder in BUILDERS.items()),
    )
    command.add_argument(
        "--out",
        type=named_path,
        default=Path("dist"),
        metavar="DIR",
        help="write into DIR/<bank-id>/ (default: dist)",
    )
    command.add_argument(
        "--paper",
        type=str.lower,  # "A4" and "Letter", as everyone writes them
        choices=PAPERS,
        help="PDF paper size (default: paper in [tool.exambank], else a4)",
    )
    command.add_argument(
        "--sections",
        type=str.lower,
        choices=SECTION_STARTS,
        help="where the PDFs' sections start: new-page (each on a page of its own), or run-on "
        "(below the section before it, saving paper: a section starts a new page only where "
        "less than a quarter of the page is left, and its title never ends a page) (default: "
        "sections in [tool.exambank], else new-page)",
    )
    command.add_argument(
        "--large-print",
        action="store_true",
        help="PDFs in large print: 16 pt sans serif (or --large-print-size), 1.5 line "
        "spacing, no italics",
    )
    command.add_argument(
        "--large-print-size",
        type=_large_print_size,
        metavar="PT",
        help=f"PDFs in large print with a body of PT points, {LARGE_PRINT_SIZES[0]} to "
        f"{LARGE_PRINT_SIZES[-1]} (implies --large-print): 16 is UKAAF's least for large "
        "print, 18 its ideal and US large print's, 20 to 24 what many readers with low "
        "vision need (UKAAF's modified large print, RNIB); above 18 the answer sheet "
        "holds four answers a row, not five, and so does the key of a bank of 100 "
        "questions or more (default: large-print-size in "
        f"[tool.exambank], else {LARGE_PRINT_SIZE})",
    )
    command.add_argument(
        "--shuffle",
        type=_shuffle_seed,
        metavar="SEED",
        help="print each question's options in an order drawn from SEED (same seed, same PDF)",
    )
    command.add_argument(
        "--student-key",
        type=str.lower,
        choices=STUDENT_KEYS,
        help="the student edition's answer key: at its end, on a page of its own (end); "
        "none, for a quiz in class; or separate: none in the student edition, and the key "
        "alone in <bank>-answer-key.pdf, which a later build without separate removes "
        "(default: student-key in [tool.exambank], else end)",
    )
    command.add_argument(
        "--answer-sheet",
        action=argparse.BooleanOptionalAction,
        help="also write <bank>-answer-sheet.pdf, a sheet the class marks its answers on: "
        "lines for a name and a date, the version, and each question's number with a "
        "circle per option letter, in the answer key's grid, so that the key laid beside "
        "it grades a paper row by row; a later build without it removes it (default: "
        "answer-sheet in [tool.exambank], else no sheet)",
    )
    command.add_argument(
        "--csv-text",
        choices=["markdown", "plain"],
        help="the CSV's stem, option, feedback and explanation cells as written (markdown, "
        "the default) or as plain text, for an importer that shows Markdown literally "
        "(plain: the JSON's _text)",
    )
    command.add_argument(
        "--csv-guard",
        choices=["on", "off"],
        help="on (the default): a CSV cell that starts with =, +, -, @, a tab or a line "
        "break (OWASP's list; =, +, - or @ past spaces too) gets a leading ' so that a "
        "spreadsheet does not run it as a formula, and the guarded column names each such "
        "cell; off: every cell exactly as the text is, guarded empty, for an importer (an "
        "LMS, Kahoot) that would keep the ' (never open such a file in a spreadsheet)",
    )
    add_config(command)
    command.set_defaults(run=_build)


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


def _large_print_size(text: str) -> int:
    """A size of large print in points, a whole number in range."""
    written = text.strip()
    if written.isascii() and written.isdigit() and int(written) in LARGE_PRINT_SIZES:
        return int(written)
    raise argparse.ArgumentTypeError(f"{LARGE_PRINT_SIZES_WORDS}, not {text!r}")


def _shuffle_seed(text: str) -> str:
    """A seed a shuffle can hash and a handout print: text, not bytes a terminal in
    another encoding passed on (Python holds them as lone surrogates), and not blank, as
    a script's unset variable gives ('--shuffle "$VERSION"'), which would print a version
    mark with no version. A no-break space is read as a space: the large-print footer
    ties a seed's short last word to the one before with one ("version\u00a0B"), and a
    seed copied from it is the seed printed."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "the seed is blank: give the version's seed, such as --shuffle 7"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            "the seed is not UTF-8 text (the terminal sent it in another encoding): set the "
            "terminal to UTF-8, or use a seed of ASCII letters and digits"
        ) from None
    return text


def _build(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    _refuse_options_for_no_file(arguments)
    config = pyproject.load(arguments.config, nothing_was="built")
    paths = bank_paths(arguments.paths)
    known = baseline.configured(config)
    result = lint(paths, config)
    warnings, said = _warnings(result, paths, config, known)
    if result.errors:  # the errors that stop the build, not buried under the warnings
        errors = [found for found in result.diagnostics if found.severity == "error"]
        for line in listing(errors):  # as `exambank lint` shows them
            print(line)
        summary = f"lint: {len(errors)} {noun(len(errors), 'error')}"
        if said:
            summary += f", {warnings} {noun(warnings, 'warning')} ({said})"
        print(summary)
        print("exambank: nothing built: fix the errors first", file=sys.stderr)
        return EXIT_PROBLEMS
    if said:
        print(f"lint: {warnings} {noun(warnings, 'warning')}, no errors ({said})")
    in_full = [found for found in result.diagnostics if found.rule in SAID_IN_FULL]
    for line in listing(in_full) + note_lines(result.notes):
        print(line)
    builders = [BUILDERS[name]() for name in dict.fromkeys(arguments.only)]
    choices = Settings(
        paper=arguments.paper or config.paper or "a4",
        shuffle_seed=arguments.shuffle,
        large_print=arguments.large_print or arguments.large_print_size is not None,
        large_print_size=arguments.large_print_size or config.large_print_size or LARGE_PRINT_SIZE,
        csv_text=arguments.csv_text or "markdown",
        csv_guard=arguments.csv_guard != "off",
        student_key=arguments.student_key or config.student_key or "end",
        answer_sheet=bool(
            config.answer_sheet if arguments.answer_sheet is None else arguments.answer_sheet
        ),
        sections=arguments.sections or config.sections or "new-page",
    )
    events = build(result.banks, builders, arguments.out, choices)
    files, total = progress(events, arguments.out, list(dict.fromkeys(arguments.only)))
    banks = len(result.banks)
    print(
        f"Built {files} {noun(files, 'file')} ({shown_size(total)}) for {banks} "
        f"{noun(banks, 'bank')} into {arguments.out} in {time.perf_counter() - started:.1f} s."
    )
    return EXIT_OK


def _refuse_options_for_no_file(arguments: argparse.Namespace) -> None:
    """A UsageError for each format ``--only`` leaves out whose options are given, where
    no format built reads them (``Builder.settings``): they would change nothing, and
    whoever typed ``--csv-text plain`` meant to build the CSV. The settings in
    ``[tool.exambank]`` are the project's, for every build: never refused."""
    read = {field for name in arguments.only for field in BUILDERS[name].settings}
    problems = []
    for name, builder in BUILDERS.items():
        typed = [
            flag
            for option in _SETTING_OPTIONS
            if (field := _FIELD_OF.get(option, option)) in builder.settings and field not in read
            if (flag := _as_typed(option, arguments))
        ]
        if not typed:
            continue
        named = all_of(typed)
        problems.append(
            f"{named} {'has' if len(typed) == 1 else 'have'} no effect: --only "
            f"{','.join(arguments.only)} builds no {name.upper()}; add {name} to --only, or "
            f"leave {'it' if len(typed) == 1 else 'them'} out"
        )
    if problems:
        raise UsageError(*problems)


def _as_typed(option: str, arguments: argparse.Namespace) -> str | None:
    """``--paper`` if it was given (``--no-answer-sheet`` for that one's "no"), else None."""
    value = getattr(arguments, option)
    if value is None or (value is False and option != "answer_sheet"):
        return None  # not given: a switch's default is False
    flag = option.replace("_", "-")
    return f"--no-{flag}" if value is False else f"--{flag}"


def _warnings(
    result: LintResult, paths: list[Path], config: Config, known: baseline.Baseline | str | None
) -> tuple[int, str]:
    """How many warnings ``exambank lint`` lists, and what to say of them: that it lists
    them, and how many more the baseline hides (lint neither lists nor counts those);
    nothing to say when there are none."""
    hidden, unread = 0, ""
    if isinstance(known, baseline.Baseline):
        checked = baseline.scope(result, paths, config)
        judged = baseline.compare(known, result.diagnostics, checked)
        hidden = sum(found.severity == "warning" for found in judged.known)
    elif known is not None:
        unread = f"; the baseline is not read: {known}"
    listed = result.warnings - hidden
    said = [f"'exambank lint' lists them{unread}"] if listed else []
    if hidden and isinstance(known, baseline.Baseline):
        more = " more" if listed else ""
        said.append(f"{hidden}{more} hidden by the baseline {display_path(known.path)}")
    return listed, visible("; ".join(said))
