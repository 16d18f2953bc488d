"""``--format json``: a list of objects, one per diagnostic, keys as Diagnostic.as_dict,
and its ``fingerprint`` (exambank.fingerprint; a file in no bank by its path as shown, with
forward slashes): a script can key its own baseline on it, counting identical findings.
A ``##[`` in a string is written ``##\\u005b``: the same string to a parser, and no
command to a CI runner that prints the report (exambank.reporters.ci_log)."""

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
    fingerprints = Fingerprints()
    listed = []
    for found in diagnostics:
        if found.path not in posix:
            posix[found.path] = PurePath(found.path).as_posix()
        print_as = fingerprints.of(found, posix[found.path])
        listed.append({**found.as_dict(), "fingerprint": print_as})
    return json_without_commands(json.dumps(listed, indent=2, ensure_ascii=False)) + "\n"
