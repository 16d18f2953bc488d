"""Read bank files into plain data, remembering where every value came from.

Linting reads libyaml's parse events (through ruamel.yaml's C binding), which carry every
value's line and column at C speed; the pure-Python round-trip loader, about ten times
slower, is kept for rewriting files. ``exambank.event_reader`` builds the data from the
events; this module reads the file and reports what keeps it from being read: a refused
path, its size, its encoding, a syntax error, a merge conflict, a line break only YAML sees.
"""

from __future__ import annotations

import codecs
import dataclasses
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from exambank import other_breaks
from exambank.block_texts_as_keys import block_texts_read_as_keys
from exambank.code_pages import not_utf8
from exambank.diagnostics import FIXED_BY_LINT, Diagnostic
from exambank.event_reader import ALIASES_REFUSED, EventReader
from exambank.file_names import MANIFEST, is_yaml
from exambank.source import (
    OTHER_BREAKS,
    Position,
    Source,
    line_and_column,
)
from exambank.texts_as_keys import texts_read_as_keys
from exambank.unreadable_files import not_text, unreadable

_CTRL_Z = "\x1a"  # DOS editors ended a text file with it
# How read_source's helpers report: rule, (line, column), message, hint.
Report = Callable[[str, Position, str, str | None], None]


def read_source(
    path: Path,
    display: str | None = None,
    raw: bytes | None = None,
    size_limit: int | None = None,
) -> tuple[Source, list[Diagnostic]]:
    """Read one YAML file (or ``raw``, its bytes as they are to be read: ``lint --fix``
    reads a file with its unquoted ': ' quoted before writing it). A file of more than
    ``size_limit`` bytes is reported and not read. ``Source.data`` is None when nothing
    usable could be read."""
    source = Source(path=path, display=display or str(path))
    problems: list[Diagnostic] = []

    def report(rule: str, position: Position, message: str, hint: str | None) -> None:
        problems.append(Diagnostic(source.display, *position, "error", rule, message, hint))

    refused = refusal(path)
    if refused is not None:
        report("yaml-syntax", (1, 1), *refused)
        return source, problems
    too_big = None if size_limit is None or raw is not None else oversize(path, size_limit)
    if too_big is not None:
        report("file-size", (1, 1), *too_big)
        return source, problems
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        report("yaml-syntax", (1, 1), *unreadable(path, error, source.display))
        return source, problems
    no_text = not_text(raw, source.display)  # UTF-16, or a program or image: no one byte
    if no_text is not None:
        report("encoding", (1, 1), *no_text)
        return source, problems
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: read past it
    except UnicodeDecodeError as error:
        # The decoder counts from after a byte-order mark, which it drops (and so does an
        # editor that shows the file).
        body = raw.removeprefix(codecs.BOM_UTF8)
        report("encoding", *not_utf8(body, error, raw.startswith(codecs.BOM_UTF8)))
        return source, problems
    mark = dos_end(text)
    dos_mark = None  # where in ``problems`` the DOS end mark is, to say --fix removes it
    if mark is not None:  # reported, and the rest of the file is read without it
        if not text[:mark].strip():
            report(
                "schema",
                (1, 1),
                "the file is empty: it holds only a DOS end-of-file mark (Ctrl-Z, U+001A)",
                "a bank file is a mapping: start with 'id:'",
            )
            return source, problems
        report(
            "yaml-syntax",
            line_and_column(text, mark),
            "the file ends with a DOS end-of-file mark (Ctrl-Z, U+001A)",
            "delete the file's last " + ("character" if mark == len(text) - 1 else "characters"),
        )
        dos_mark = len(problems) - 1
        text = text[:mark]

    def removed_by_fix() -> None:
        """lint --fix removes the DOS end mark only once the rest of the file reads, or
        reads with the lines it mends mended, and is a file it rewrites: its hint then
        says so (``fix_unreadable.recover``)."""
        if dos_mark is not None:
            said = problems[dos_mark]
            problems[dos_mark] = dataclasses.replace(said, hint=f"{said.hint}{FIXED_BY_LINT}")

    if not text.strip():
        report("schema", (1, 1), "the file is empty", "a bank file is a mapping: start with 'id:'")
        return source, problems
    told = len(problems)  # a DOS end mark lint --fix removes: any later problem stops it
    if any(map(text.__contains__, OTHER_BREAKS)):
        source.text_with_other_breaks = text
    conflicted = _report_conflicts(text, report)
    try:
        source.data = EventReader(source, problems).read(text)
    except MarkedYAMLError as error:
        if conflicted:  # libyaml failed on a marker: the markers say what is wrong
            source.conflicted_text = text
            return source, problems
        if source.text_with_other_breaks is not None:  # its lines may not be the author's
            said = other_breaks.syntax_error(text, error)
            report("yaml-syntax", line_and_column(text, said.index), said.message, said.hint)
        else:
            from exambank import syntax_hints  # only a broken file needs it

            found = syntax_hints.explain(text, error) or syntax_hints.in_libyaml_words(text, error)
            first = (found.index, found.message, found.hint)
            as_text, mended = _report_every_syntax_error(text, error, first, report)
            if mended:  # lint --fix mends the lines, so the rest reads: the mark goes too
                removed_by_fix()
            # '*nix systems' is text to quote, not the alias the reader saw before it failed
            problems[:] = [
                problem
                for problem in problems
                if problem.message != ALIASES_REFUSED
                or (problem.line, problem.column) not in as_text
            ]
        return source, problems
    except ReaderError as error:  # a character YAML does not allow
        from exambank.syntax_hints.text import control_character

        said = control_character(text, error.position, error.character)
        report("yaml-syntax", line_and_column(text, said.index), said.message, said.hint)
        return source, problems
    except YAMLError as error:
        report("yaml-syntax", (1, 1), f"not valid YAML: {error}".strip(), None)
        return source, problems
    source.texts_read_as_keys = texts_read_as_keys(source, text)
    for slip in block_texts_read_as_keys(source, text):
        report("yaml-syntax", slip.position, slip.message, slip.hint)
        source.block_text_keys.update(dict.fromkeys(slip.keys, slip.block))
    if source.data is None and not source.values:
        report("schema", (1, 1), "the file holds only comments", "start with 'id:'")
    elif source.data is None and len(problems) == told:
        # '---', '~' or 'null' alone, read without a problem: the bank would lose the
        # section without a word (a reading that stopped has said why)
        where = source.position(source.values[()])
        message = "the file holds one empty value ('---', '~' or 'null' alone), not a mapping"
        report("schema", where, message, "a bank file is a mapping: start with 'id:'")
    if source.text_with_other_breaks is not None:
        for index, message, hint in other_breaks.misread(text):
            report("yaml-syntax", line_and_column(text, index), message, hint)
    source.fix_refused = len(problems) > told
    if dos_mark is not None and is_bank_file(source.data) and not source.fix_refuses():
        removed_by_fix()  # a file --fix rewrites
    return source, problems


def is_bank_file(data: Any) -> bool:
    """Whether ``data`` can be a manifest or section, which ``lint --fix`` rewrites
    (``rewrite.read``): told first, so a Compose file is not asked to quote its port
    numbers."""
    return isinstance(data, dict) and "id" in data


def dos_end(text: str) -> int | None:
    """Where the DOS end-of-file mark that ends ``text`` starts: one Ctrl-Z or more, maybe
    with line breaks after them, as DOS editors wrote it; None if there is none."""
    end = len(text)
    while end and text[end - 1] in "\r\n":
        end -= 1
    if not end or text[end - 1] != _CTRL_Z:
        return None
    while end and text[end - 1] == _CTRL_Z:
        end -= 1
    return end


def _report_every_syntax_error(
    text: str, error: MarkedYAMLError, first: tuple[int, str, str | None], report: Report
) -> tuple[set[Position], bool]:
    """Report ``first`` (index, message, hint), libyaml's first error explained, and
    what it hides: libyaml stops there, so each question is also read on its own
    (``syntax_hints.later``), and every line lint can mend (an unquoted ': ' ...) is found
    at once. Where an earlier question leaves a quote open to its end on its own,
    ``first`` is that one's consequence (the quote read on into later questions), and is
    not reported. Returns where each text refused for its first character starts, and
    whether ``lint --fix`` mends every line YAML refuses, so that the file then reads."""
    from exambank.syntax_hints import lines_to_mend
    from exambank.syntax_hints.early_quotes import LEFT_OPEN
    from exambank.syntax_hints.later import caused_by, question_errors, spills
    from exambank.syntax_hints.mends import Mends

    index, message, hint = first
    row = line_and_column(text, index)[0] - 1
    report = _every_tab_said_once(text, report)
    try:
        mends = lines_to_mend(text, error)
    except ReaderError:  # a control character further on: its question reports it
        mends = Mends([], text, parses=False)
    # lint --fix mends them all, where mended they keep every character and the file reads
    fixed = mends.parses and all(line.fixable for line in mends.lines)
    fixed = fixed and not mends.refused  # an anchor elsewhere, say: --fix mends nothing
    said = mends.lines[0].explanation if mends.lines else None
    if fixed and said and (said.index, said.message, said.hint) == (index, message, hint):
        hint = said.fixed_hint or hint
    questions = question_errors(text)
    # A quote left open above libyaml's first error: reported in its own question, and
    # that error too unless it is the quote's doing.
    open_above = [q for q in questions if q.row < row and q.unclosed and spills(text, q, row)]
    rows = set()
    seen_at: int | None = None
    for above in open_above:
        report("yaml-syntax", (above.row + 1, above.column + 1), above.message, above.hint)
        rows.add(above.row)
    if not open_above or not caused_by(text, open_above[0], (index, message)):
        report("yaml-syntax", line_and_column(text, index), message, hint)
        rows.add(row)
        # Where libyaml saw it: a later question's error on that row is the same one (its
        # other slips are its own: libyaml sees a first question that lost its '- ' at the
        # next one's dash), unless a quote left open read on to it (or to the file's end):
        # there the quote's text ended, and a slip is that line's own ('A: "x" more')
        open_to = "end of stream" in str(error.problem) or message.startswith(LEFT_OPEN)
        if error.problem_mark is not None and not open_to:
            seen_at = error.problem_mark.line
    for line in mends.lines[1:]:
        said = line.explanation
        how = (said.fixed_hint if fixed else None) or said.hint
        report("yaml-syntax", line_and_column(text, said.index), said.message, how)
        rows.add(line.row)
    for later in questions:
        below = later.row > row or (open_above and later.start > open_above[0].start)
        if below and later.row != seen_at and not any(later.start <= at < later.end for at in rows):
            report(later.rule, (later.row + 1, later.column + 1), later.message, later.hint)
    as_text = {
        (line.row + 1, line.column + 1) for line in mends.lines if line.explanation.refused_start
    }
    return as_text, fixed


def _every_tab_said_once(text: str, report: Report) -> Report:
    """``report``, which says at the first tab it reports how many lines of ``text``
    start with a tab: an author then mends them all in one go, not one a run."""
    from exambank.syntax_hints.indents import TAB, every_tab

    said = False

    def reporting(rule: str, where: Position, message: str, hint: str | None) -> None:
        nonlocal said
        if message == TAB and not said:
            said = True
            message, hint = every_tab(text, message, hint)
        report(rule, where, message, hint)

    return reporting


def _report_conflicts(text: str, report: Report) -> bool:
    """Report each merge conflict left in ``text``; whether there is one. Nearly every
    bank file holds neither a '<' nor a '>', which a one-character search rules out at
    memchr speed; only the others are searched for a marker."""
    if not (("<" in text and "<<<<<<<" in text) or (">" in text and ">>>>>>>" in text)):
        return False
    from exambank.syntax_hints.conflicts import conflicts  # only a conflicted file needs it

    found = conflicts(text)
    for conflict in found:
        report(
            "yaml-syntax", line_and_column(text, conflict.index), conflict.message, conflict.hint
        )
    return bool(found)


def refusal(path: Path) -> tuple[str, str] | None:
    """Why exambank will not read or write the bank file ``path`` (message, hint): a link
    out of its folder (a bank would quote, or rewrite, a file it does not hold) or
    something that is not a file (a device never ends); None for an ordinary file."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
            return (
                "the file is a link to a file outside its bank folder",
                "copy the file into the bank folder instead of linking to it",
            )
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            return "not a file (a device or a pipe)", "keep only bank files in a bank folder"
    except (OSError, RuntimeError):  # a link loop: reading it says what is wrong
        return None
    return None


def oversize(path: Path, size_limit: int) -> tuple[str, str] | None:
    """Why the bank file ``path`` is not read (message, hint): it holds more than
    ``size_limit`` bytes. Told from its size alone, before a byte is read: the round-trip
    reader ``fmt`` uses took 20 s per MB of a file of long lines, and lint's rules read
    every byte, so a pull request could otherwise hold a CI job for many minutes with one
    file. None for a file within the limit, or one whose size cannot be known (reading it
    says why)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= size_limit:
        return None
    split = (
        "a manifest holds only the bank's id, title and list of sections: remove the rest"
        if path.name == MANIFEST
        else "split its questions into more section files, each listed in bank.yaml"
    )
    return (
        f"the file is {size:,} bytes, over the limit of {size_limit:,} bytes for a bank "
        "file, so it is not read",
        f"{split}; or raise max-file-bytes in [tool.exambank] of pyproject.toml",
    )


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """The YAML files of a bank folder, in name order."""
    yield from sorted(path for path in directory.iterdir() if is_yaml(path))
