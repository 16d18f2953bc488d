"""The commands that write an author's files: ``init``, ``new``, ``lint --fix``'s fixes,
and ``schemas`` (the editor's copy of the schemas); ``fmt`` has a module of its own. Each
writes a file whole or not at all."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from exambank import pyproject
from exambank.builders import Output
from exambank.builders.labels import english_words_note
from exambank.cli.common import (
    EXIT_OK,
    Commands,
    add_config,
    named_path,
)
from exambank.errors import CannotWrite, UsageError
from exambank.fixes import fix_file
from exambank.init_arguments import SLUG_HINT
from exambank.paths import display_path
from exambank.reporters.text import visible
from exambank.rewrite import NotSaved, RewriteError, bank_files
from exambank.saving import save
from exambank.scaffold import add_section, listing_note, start_bank, starts_section
from exambank.schema import MODELS, schema_dir
from exambank.schema_copies import refusals
from exambank.skeleton import MAX_OPTIONS, add_question
from exambank.staging import write


def add_init(commands: Commands) -> None:
    command = commands.add_parser(
        "init",
        help="start a bank: a folder with a manifest and a file per section",
        description="Make FOLDER a bank: write its bank.yaml (its id is the folder's name) "
        "and, for each section of --sections, an <nn>-<id>.yaml with its title and no "
        "questions yet. Nothing is written over: a folder that holds YAML is refused.",
    )
    command.add_argument(
        "folder",
        type=named_path,
        metavar="FOLDER",
        help="the bank's folder, new or without YAML; its name is the bank's id, e.g. "
        "bank/it-grundlagen",
    )
    command.add_argument(
        "--title", required=True, help="the bank's title, as the handouts' cover prints it"
    )
    command.add_argument(
        "--language",
        default="en",
        metavar="TAG",
        help="the language the bank is written in, a BCP 47 tag (default: en)",
    )
    command.add_argument(
        "--sections",
        default="",
        metavar="ID[=TITLE],...",
        help="the sections in teaching order, separated by commas: each an id, and after "
        "'=' its title if you have it, e.g. 'erste-hilfe=Erste Hilfe,ohm' (quoted for the "
        "shell). A title cannot hold a comma: write such a title in the section's file. A "
        "section given no title gets one made from its id, to replace there",
    )
    command.set_defaults(run=_init)


def add_new(commands: Commands) -> None:
    command = commands.add_parser(
        "new",
        help="append a question skeleton to a section file",
        description="Append a question with empty stem, options and explanation to FILE; "
        "lint reports each empty part until it is written. A FILE not there yet in a bank's "
        "folder is started as a section (<nn>-<section-id>.yaml) and listed in bank.yaml.",
    )
    command.add_argument(
        "question_id",
        metavar="QUESTION-ID",
        help=f"the new question's id, in {SLUG_HINT}, that the bank does not use yet, e.g. it-q1",
    )
    command.add_argument(
        "--section",
        type=_section_file,
        required=True,
        metavar="FILE",
        help="the section file to append it to; one not there yet in a bank's folder "
        "(<nn>-<section-id>.yaml) is started and listed in bank.yaml",
    )
    command.add_argument(
        "--type",
        choices=["single", "multiple"],
        default="single",
        help="single: one right option (default); multiple: several, the answer a list of "
        "letters such as [A, C]",
    )
    command.add_argument(
        "--options",
        type=int,
        default=4,
        metavar="N",
        help=f"number of options, 2 to {MAX_OPTIONS} (default: 4)",
    )
    add_config(command)  # max-file-bytes: a file lint refuses to read is not added to
    command.set_defaults(run=_new)


def add_schemas(commands: Commands) -> None:
    command = commands.add_parser(
        "schemas",
        help="write the JSON Schemas into a folder, for editors and converters",
        description="Write this version's manifest, section and export JSON Schemas into DIR, "
        "so the '# yaml-language-server: $schema=../../schemas/section.schema.json' line of "
        "each bank file finds them; run it again after upgrading exambank.",
    )
    command.add_argument(
        "folder",
        nargs="?",
        type=named_path,
        default=Path("schemas"),
        metavar="DIR",
        help="where to write them (default: schemas)",
    )
    command.set_defaults(run=_schemas)


def _section_file(text: str) -> Path:
    """``--section``'s FILE: a path that does not end in a '/' (which a shell's completion
    adds to a folder's name) or a '/.'; pathlib drops them, and a file would be started."""
    slashes = re.escape("/" + os.sep)
    named = re.sub(rf"(?:[{slashes}]\.?)+$", "", text)
    if named != text:
        raise argparse.ArgumentTypeError(
            f"{text} ends in '{text[len(named) :]}', as a folder's name does: name the "
            f"section file, e.g. {named or '.'}"
            f"{'' if named.endswith('.yaml') else '/02-topic.yaml'}"
        )
    return Path(text)


def _schemas(arguments: argparse.Namespace) -> int:
    folder: Path = arguments.folder
    if folder.is_symlink():  # as a build refuses one: it writes only into real folders
        raise UsageError(f"{folder}: a link; name the folder it leads to, if it should be that")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder; name the folder to write the schemas into")
    if refused := refusals(folder):
        raise UsageError(*refused)
    written = 0
    for name in MODELS:
        data = (schema_dir() / name).read_bytes()
        target = folder / name
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            continue
        try:  # atomically, and over a link at the name, never through it
            write(folder, Output(name, data))
        except OSError as error:
            raise CannotWrite(f"{folder}: cannot write into it: {error.strerror}") from None
        print(f"wrote {visible(str(target))}")
        written += 1
    if not written:
        print(f"{visible(str(folder))}: the schemas are up to date")
    return EXIT_OK


def fix(paths: list[Path], size_limit: int) -> dict[str, RewriteError]:
    """Make the fixes that cannot alter meaning in the banks' files, each listed on stderr;
    the files left as they were, as lint names them, and why (``NotSaved``: one that
    could not be written). A file of more than ``size_limit`` bytes is left as it is."""
    refused: dict[str, RewriteError] = {}
    for path in bank_files(paths):
        try:
            rewrite, fixed, laid_out = fix_file(path, str(path), size_limit)
            if rewrite.changed:
                save(rewrite)
        except RewriteError as error:
            refused[display_path(path)] = error
            where = f"{visible(str(path))}:{error.line}:{error.column}"
            print(f"{where}: not fixed: {visible(str(error))}", file=sys.stderr)
            continue
        for change in fixed:
            print(visible(str(change)), file=sys.stderr)
        fixed_lines = {change.line for change in fixed}
        if laid_out and rewrite.changed and (more := rewrite.lines_changed_besides(fixed_lines)):
            lines = "line" if more == 1 else "lines"
            print(
                f"{visible(str(path))}: also {more} more {lines} rewritten: indented as "
                "'exambank fmt' indents, a text or [...] list typed over lines on one line; "
                "key order and quotes stay as written ('exambank fmt' lays those out)",
                file=sys.stderr,
            )
    return refused


def _init(arguments: argparse.Namespace) -> int:
    folder: Path = arguments.folder
    sections = (
        [part.strip() for part in arguments.sections.split(",")] if arguments.sections else []
    )
    started = start_bank(folder, arguments.title, arguments.language, sections)
    for path in started.written:
        print(f"wrote {visible(str(path))}")
    # A tag lint takes (it notes the rules that do not run) whose words the handouts lack
    if words := english_words_note(arguments.language):
        print(f"note: {words}")
    first = started.written[1] if sections else folder / "01-<section-id>.yaml"
    print(f"next: exambank new QUESTION-ID --section {visible(str(first))}")
    untitled = started.untitled
    if untitled and len(untitled) == len(sections):
        print("each section's title is made from its id for now: write the real one in its file")
    elif untitled:  # the others have the titles given in --sections
        print(
            f"the sections given no title ({', '.join(untitled)}) have a title made from their id "
            "for now: write the real one in each file"
        )
    if not started.schemas.found:
        where = os.path.relpath(started.schemas.folder)
        command = "exambank schemas" + ("" if where == "schemas" else f" {where}")
        print(f"for editors: run {visible(command)} here, to write the schemas the files name")
    return EXIT_OK


def _new(arguments: argparse.Namespace) -> int:
    section = arguments.section
    size_limit = pyproject.load(arguments.config, nothing_was="added").max_file_bytes
    if starts_section(section):
        manifest = add_section(section, arguments.question_id, arguments.type, arguments.options)
        listed = f", listed in {visible(str(manifest))}," if manifest else ""
        print(
            f"started section {visible(str(section))}{listed} with question "
            f"{arguments.question_id}: write its stem, options, answer and explanation "
            "(exambank lint lists what is still empty)"
        )
        return EXIT_OK
    try:
        rewrite = add_question(
            section, arguments.question_id, arguments.type, arguments.options, size_limit
        )
        save(rewrite)
    except RewriteError as error:
        stop = CannotWrite if isinstance(error, NotSaved) else UsageError
        raise stop(f"{section}:{error.line}:{error.column}: {error}") from None
    note = listing_note(section, rewrite.data.get("id"))
    if note is not None:  # lint would not list what is empty
        print(visible(f"added question {arguments.question_id} to {section}; note: {note}"))
        return EXIT_OK
    print(
        f"added question {arguments.question_id} to {visible(str(section))}: write its stem, "
        "options, answer and explanation (exambank lint lists what is still empty)"
    )
    return EXIT_OK
