"""``--format github``: workflow commands, so a pull request shows each fault on its line.

``::error file=F,line=L,col=C,title=T::message``, escaped as GitHub's runner expects
(actions/toolkit ``escapeData`` and ``escapeProperty``). The runner reads ``file`` relative
to the checkout, ``GITHUB_WORKSPACE`` (actions/runner, ``IssueCommandExtension``), so paths
are written relative to it, also when lint runs in a folder below it, and so are the files
a message quotes ("already used at bank/it/01-netz.yaml:2").

A control character in a file's name stays as it is in ``file``, but for CR and LF: the
runner decodes no other escape (``ActionCommand.UnescapeProperty``: ``%25``, ``%0D``,
``%0A``, ``%3A``, ``%2C``), so ``%1B`` would put the annotation on no file. The runner
writes no annotation's command to the log (its ``OmitEcho``), only ``##[error]`` and the
message, which shows control characters as escapes (``\\x1b``), a file name's it quotes
too, as the text format does.

GitHub shows only the first 10 error and the first 10 warning annotations of a step
("GitHub Actions are limited to 10 warning annotations and 10 error annotations per
step": docs.github.com/rest/checks/runs, Update a check run). On a bank with 30 old
warnings, a pull request's new warning would be the 31st, in the log only. So errors come
first and, within each kind, the findings in the files the pull request changes, when git
can tell which (``repository.changed_in_pull_request``); each group is in bank order.

With ``GITHUB_STEP_SUMMARY`` set, every finding is also appended to the job summary as a
Markdown table, in that order. So is every suppression entry of the bank files that
dropped findings (``lint: {ignore: [...]}``), with how many and the reason given, those in
the files the pull request changes first: annotations and the log never show what a pull
request switched off, and a reviewer should see it. A step's summary holds at most 1 MiB,
or GitHub drops it (docs.github.com/actions/reference/workflows-and-actions/workflow-
commands, "Step isolation and limits"), so a longer table ends with a count of the rows
left out; the suppressions' table takes at most half the room. A summary that cannot be
written is said on stderr and fails nothing.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace

from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.repository import (
    FromRoot,
    changed_in_pull_request,
    in_files,
    repository_paths,
    repository_root,
)
from exambank.reporters.text import visible

SUMMARY_BYTES = 1024 * 1024
_ROOM_FOR_THE_END = 512  # the closing lines, which say what was left out
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&])")  # what a table cell would read as markup
_REASON_SHOWN = 200  # characters of a suppression's reason: where, what and how many matter


def github(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    workspace = repository_root("GITHUB_WORKSPACE")
    changed = changed_in_pull_request()
    findings, in_pull_request = pull_request_first(diagnostics, changed)
    suppressed, suppressed_in_pull_request = changed_first(context.suppressed, changed)
    paths = [*(found.path for found in findings), *(note.path for note in context.notes)]
    shown = repository_paths([*paths, *(entry.path for entry in suppressed)], workspace)
    from_root = FromRoot(workspace)  # the files a message quotes, named as the annotations'
    findings = [from_root(found) for found in findings]
    notes = tuple(map(from_root, context.notes))
    lines = [_annotation(found, shown[found.path]) for found in findings]
    for note in notes:  # a notice: shown on the file, failing nothing
        where = f"file={escape_property(shown[note.path])},line={note.line},col={note.column}"
        lines.append(f"::notice {where},title=exambank::{escape_data(visible(note.message))}\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        room = _room(summary_file)
        in_order = replace(context, suppressed=tuple(suppressed), notes=notes)
        summary = step_summary(
            findings, in_order, shown, in_pull_request, room, suppressed_in_pull_request
        )
        _append(summary_file, summary)
    return "".join(lines)


def pull_request_first(
    diagnostics: Sequence[Diagnostic], changed: frozenset[str] | None
) -> tuple[list[Diagnostic], int | None]:
    """Errors first, and within each kind the findings in the ``changed`` files first;
    bank order within each group. Also how many are in those files (None: not known)."""
    if changed is None:
        return sorted(diagnostics, key=lambda found: found.severity != "error"), None
    resolved: dict[str, str] = {}
    marked = [(in_files(found.path, changed, resolved), found) for found in diagnostics]
    marked.sort(key=lambda pair: (pair[1].severity != "error", not pair[0]))  # stable
    return [found for _, found in marked], sum(mark for mark, _ in marked)


def changed_first(
    entries: Sequence[Suppressed], changed: frozenset[str] | None
) -> tuple[list[Suppressed], int | None]:
    """The suppression entries in the ``changed`` files first, each group in bank order;
    also how many are in those files (None: not known)."""
    if changed is None:
        return list(entries), None
    resolved: dict[str, str] = {}
    marked = [(in_files(entry.path, changed, resolved), entry) for entry in entries]
    marked.sort(key=lambda pair: not pair[0])  # stable
    return [entry for _, entry in marked], sum(mark for mark, _ in marked)


def _annotation(found: Diagnostic, path: str) -> str:
    properties = {
        "file": path,
        "line": str(found.line),
        "col": str(found.column),
        "title": f"exambank ({found.rule})",
    }
    written = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    # A value's own control characters show as escapes; only the hint's break is real.
    hint = f"\nhint: {visible(found.hint)}" if found.hint else ""
    message = visible(found.message) + hint
    return f"::{found.severity} {written}::{escape_data(message)}\n"


def step_summary(
    findings: Sequence[Diagnostic],
    context: Context,
    shown: Mapping[str, str],
    in_pull_request: int | None,
    room: int = SUMMARY_BYTES,
    suppressed_in_pull_request: int | None = None,
) -> str:
    """The job summary: the counts, then a table of every finding (and note) in the order
    of the annotations, then one of the suppression entries, in their order, cut short to
    fit in ``room`` bytes. ``shown``: how to name each file, if not as lint does."""
    head = _summary_head(findings, context, in_pull_request)
    items: list[Diagnostic | Note] = [*findings, *context.notes]
    rows = [_row(item, shown.get(item.path, item.path)) for item in items]
    if rows:
        head += "| severity | where | rule | message |\n| --- | --- | --- | --- |\n"
    suppressions = _suppressions_head(context.suppressed, suppressed_in_pull_request)
    entries = [
        _suppressed_row(entry, shown.get(entry.path, entry.path)) for entry in context.suppressed
    ]
    room -= _size(head) + _size(suppressions) + _ROOM_FOR_THE_END
    # The suppressions keep half the room, or what the findings leave: many old findings
    # must not crowd out what a pull request switched off.
    entries_kept = _fitting(entries, max(room // 2, room - sum(map(_size, rows))))
    room -= sum(map(_size, entries[:entries_kept]))
    kept = _fitting(rows, room)
    end = ""
    if context.unlisted:
        end += f"\n{_count(len(context.unlisted), 'warning')} not listed (--errors-only).\n"
    if kept < len(rows):
        end += _not_shown(len(rows) - kept, " The step's log lists every one.")
    suppressions += "".join(entries[:entries_kept])
    if entries_kept < len(entries):
        suppressions += _not_shown(len(entries) - entries_kept)
    return head + "".join(rows[:kept]) + end + suppressions + "\n"


def _not_shown(count: int, besides: str = "") -> str:
    return f"\n...and {count} more, not shown: a step's summary holds at most 1 MiB.{besides}\n"


def _fitting(rows: Sequence[str], room: int) -> int:
    """How many of ``rows``, from the first, fit in ``room`` bytes."""
    kept = 0
    while kept < len(rows) and room >= _size(rows[kept]):
        room -= _size(rows[kept])
        kept += 1
    return kept


def _summary_head(
    findings: Sequence[Diagnostic], context: Context, in_pull_request: int | None
) -> str:
    everything = [*findings, *context.unlisted]
    suppressed = sum(
        entry.findings for entry in (*context.suppressed, *context.unlisted_suppressed)
    )
    besides = f" ({suppressed} suppressed)" if suppressed else ""
    if not everything:
        return f"### exambank lint: no problems found{besides}\n\n"
    errors = sum(found.severity == "error" for found in everything)
    counts = f"{_count(errors, 'error')}, {_count(len(everything) - errors, 'warning')}"
    head = f"### exambank lint: {counts}{besides}\n\n"
    if findings:
        head += (
            "GitHub annotates only the first 10 errors and the first 10 warnings of a step; "
            "this table lists every finding, errors first"
        )
        if in_pull_request:
            head += (
                " and, within each kind, those in files this pull request changes "
                f"({in_pull_request} of them) first."
            )
        else:
            head += "." if in_pull_request is None else ". None is in a file this PR changes."
        head += "\n\n"
    return head


def _suppressions_head(entries: Sequence[Suppressed], in_pull_request: int | None) -> str:
    """The heading of the suppressions' table (none without entries): how many findings
    were dropped, by how many entries, and which are listed first."""
    if not entries:
        return ""
    dropped = _count(sum(entry.findings for entry in entries), "finding")
    by = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}"
    head = (
        f"\n#### Suppressed in bank files: {dropped}, by {by}\n\n"
        "Each entry in a question's `lint: ignore` switches a rule off for that question, "
        "so neither the annotations nor the log show what it dropped"
    )
    if in_pull_request:
        head += f"; those in files this pull request changes ({in_pull_request}) come first."
    else:
        head += "." if in_pull_request is None else ". None is in a file this PR changes."
    return head + (
        "\n\n| where | question | rule | findings | reason |\n| --- | --- | --- | --- | --- |\n"
    )


def _suppressed_row(entry: Suppressed, path: str) -> str:
    reason = entry.reason
    if len(reason) > _REASON_SHOWN:
        reason = reason[:_REASON_SHOWN] + "…"
    cells = [f"{path}:{entry.line}:{entry.column}", entry.question, entry.rule]
    return f"| {' | '.join(map(_cell, cells))} | {entry.findings} | {_cell(reason)} |\n"


def _row(item: Diagnostic | Note, path: str) -> str:
    severity, rule, message = "note", "", item.message
    if isinstance(item, Diagnostic):
        severity, rule = item.severity, item.rule
        message += f" (hint: {item.hint})" if item.hint else ""
    where = f"{path}:{item.line}:{item.column}"
    return f"| {severity} | {_cell(where)} | {_cell(rule)} | {_cell(message)} |\n"


def _cell(words: str) -> str:
    """``words`` as the text of a table cell: one line, no markup."""
    return _MARKDOWN.sub(r"\\\1", visible(words))


def _room(path: str) -> int:
    """What is left of the step summary's 1 MiB, once what the step wrote before is in."""
    try:
        return SUMMARY_BYTES - os.stat(path).st_size
    except OSError:  # not there yet (or not readable: writing it will say so)
        return SUMMARY_BYTES


def _append(path: str, markdown: str) -> None:
    """Append to the summary, as GitHub asks: other steps' and commands' summaries stay."""
    try:
        with open(path, "a", encoding="utf-8", errors="replace", newline="\n") as summary:
            summary.write(markdown)
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"exambank: note: no job summary written to {visible(path)} "
            f"(GITHUB_STEP_SUMMARY): {visible(reason)}",
            file=sys.stderr,
        )


def _size(markdown: str) -> int:
    return len(markdown.encode("utf-8", "replace"))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
