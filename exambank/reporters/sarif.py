"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every registered rule is described in ``tool.driver.rules`` from its own docstring, and so
is ``config`` (a mistake in pyproject.toml, which no rule finds); each result points at its
rule by ``ruleId`` and ``ruleIndex``. Columns count code points, as exambank counts them.

A file's ``uri`` is relative to the source root ``%SRCROOT%`` (its ``uriBaseId``), which
``originalUriBaseIds`` names: the checkout, ``GITHUB_WORKSPACE``, in a GitHub job, else the
working folder, described and not named, so the report is the same file in every checkout
(SARIF 2.1.0, 3.4.4 and 3.14.14). Code scanning reads a relative ``uri`` as relative to the
repository's root, so a run in a folder below it still lands on the right files. A file
outside the root is an absolute ``file:`` URI, with no base.

Judged by a baseline (``lint --baseline``), each result says whether it is ``new`` or
``unchanged`` (``baselineState``), and the findings the baseline holds are results too,
suppressed (``kind: external``; 3.27.23, 3.35): code scanning shows them as closed
alerts, rather than closing them as fixed because the report left them out.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from exambank import installed_version
from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.repository import relative_to, repository_root
from exambank.rules import RULES, Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
CONFIG_RULE: dict[str, Any] = {
    "id": "config",
    "shortDescription": {"text": "The [tool.exambank] table of pyproject.toml is wrong."},
    "fullDescription": {
        "text": "pyproject.toml is not UTF-8 or not valid TOML, or its [tool.exambank] table "
        "has a mistake: an unknown key, rule or option, or a value of the wrong type. "
        "Every mistake is reported at its line, and nothing is checked until they are fixed."
    },
    "defaultConfiguration": {"level": "error", "enabled": True},
}
SOURCE_ROOT = "%SRCROOT%"  # the name CodeQL and the SARIF specification's examples use
# A file name byte that is not UTF-8 (read as a lone surrogate) has no place in UTF-8 text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def sarif(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    rules = [*(describe(rule) for rule in RULES.values()), CONFIG_RULE]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    driver = {"name": "exambank", "version": installed_version(), "rules": rules}
    workspace = repository_root("GITHUB_WORKSPACE")
    root = workspace or os.getcwd()
    found_in = [*diagnostics, *context.known]
    files = {*(found.path for found in found_in), *(note.path for note in context.notes)}
    artifacts = {path: _artifact(path, root) for path in files}  # once per file
    results = [_result(found, index, artifacts[found.path]) for found in diagnostics]
    if context.baseline is not None:
        for result in results:
            result["baselineState"] = "new"
        for found in context.known:
            result = _result(found, index, artifacts[found.path])
            result["baselineState"] = "unchanged"
            justification = f"in the baseline {context.baseline}"
            result["suppressions"] = [{"kind": "external", "justification": justification}]
            results.append(result)
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SOURCE_ROOT: _source_root(workspace)},
        "columnKind": "unicodeCodePoints",  # without it, SARIF counts UTF-16 code units
        "results": results,
    }
    if context.notes:  # what the run did not do is no result: the tool's own notification
        notes = [
            _notification(artifacts[note.path], note.line, note.column, note.message)
            for note in context.notes
        ]
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return _LONE_SURROGATE.sub("\ufffd", json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def describe(rule: type[Rule]) -> dict[str, Any]:
    """A SARIF reportingDescriptor: the docstring's summary, its prose, and all of it."""
    doc = rule.doc()
    prose = doc.split("\nBad:", 1)[0].partition("\n")[2].strip()
    return {
        "id": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": prose or rule.summary()},
        "help": {"text": doc},
        "defaultConfiguration": {"level": rule.severity, "enabled": rule.enabled_by_default},
    }


def _result(found: Diagnostic, index: dict[str, int], artifact: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": found.rule, "ruleIndex": index[found.rule]}
    result["level"] = found.severity
    message = found.message + (f" (hint: {found.hint})" if found.hint else "")
    result["message"] = {"text": message}
    region = {"startLine": found.line, "startColumn": found.column}
    location = {"artifactLocation": artifact, "region": region}
    result["locations"] = [{"physicalLocation": location}]
    if found.question:
        result["properties"] = {"question": found.question}
    return result


def _notification(artifact: dict[str, str], line: int, column: int, message: str) -> dict[str, Any]:
    region = {"startLine": line, "startColumn": column}
    location = {"artifactLocation": artifact, "region": region}
    return {
        "level": "note",
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
    }


def _artifact(path: str, root: str) -> dict[str, str]:
    """An artifactLocation: relative to the source root, or else absolute. A name byte that
    is not UTF-8 is percent-encoded as itself, so the URI names the real file."""
    relative = relative_to(path, root)
    if relative is None:
        return {"uri": PurePath(os.path.abspath(path)).as_uri()}
    return {"uri": quote(relative, errors="surrogateescape"), "uriBaseId": SOURCE_ROOT}


def _source_root(workspace: str | None) -> dict[str, Any]:
    """The source root, as originalUriBaseIds holds it: in a GitHub job the checkout, an
    absolute URI ending in a slash; elsewhere a description only, which SARIF allows
    (3.14.14: the reader supplies the folder), so that a report is the same file in every
    checkout and names no one's home folder."""
    if workspace is None:
        return {"description": {"text": "The folder exambank ran in."}}
    uri = PurePath(workspace).as_uri()
    return {
        "uri": uri if uri.endswith("/") else uri + "/",
        "description": {"text": "The repository's root (GITHUB_WORKSPACE)."},
    }
