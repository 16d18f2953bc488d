"""``--format json``: a list of objects, one per diagnostic, keys as Diagnostic.as_dict,
and its ``fingerprint`` (exambank.fingerprint; a file in no bank by its path as shown, with
forward slashes): a script can key its own baseline on it, counting identical findings.
A ``##[`` in a string is written ``##\\u005b``: the same string to a parser, and no
command to a CI runner that prints the report (exambank.reporters.ci_log).

The findings a question's ``lint: ignore`` dropped are listed only when asked
(``Context.list_suppressed``): the report is a bare list, with no version to say its items
changed meaning, and scripts count its items as the findings that fail a run. Listed, each
comes after the findings, keys as theirs, its fingerprint the one it would have
unsuppressed, and ``suppressed``: the ``reason`` and where the entry that dropped it is
(``path``, ``line``, ``column``: the rule's name in ``ignore``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath

from exambank.diagnostics import Diagnostic
from exambank.fingerprint import Fingerprints
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.ci_log import json_without_commands


def json_list(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    posix: dict[str, str] = {}  # by path: once per file, not per finding
    fingerprints = Fingerprints(context.bank_ids)

    def listed(found: Diagnostic) -> dict[str, object]:
        if found.path not in posix:
            posix[found.path] = PurePath(found.path).as_posix()
        return {**found.as_dict(), "fingerprint": fingerprints.of(found, posix[found.path])}

    items = [listed(found) for found in diagnostics]
    if context.list_suppressed:
        for entry in context.suppressed:
            where = {"path": entry.path, "line": entry.line, "column": entry.column}
            by = {"reason": entry.reason, **where}
            items.extend({**listed(found), "suppressed": by} for found in sorted(entry.dropped))
    return json_without_commands(json.dumps(items, indent=2, ensure_ascii=False)) + "\n"
