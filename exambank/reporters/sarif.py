"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every registered rule is described in ``tool.driver.rules`` from its own docstring, and so
is ``config`` (a mistake in pyproject.toml, which no rule finds); each result points at its
rule by ``ruleId`` and ``ruleIndex``. Columns count code points, as exambank counts them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from exambank import installed_version
from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context
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
# A file name byte that is not UTF-8 (read as a lone surrogate) has no place in UTF-8 text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def sarif(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    rules = [*(describe(rule) for rule in RULES.values()), CONFIG_RULE]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    driver = {"name": "exambank", "version": installed_version(), "rules": rules}
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",  # without it, SARIF counts UTF-16 code units
        "results": [_result(found, index) for found in diagnostics],
    }
    if context.notes:  # what the run did not do is no result: the tool's own notification
        notes = [
            _notification(note.path, note.line, note.column, note.message) for note in context.notes
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


def _result(found: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": found.rule, "ruleIndex": index[found.rule]}
    result["level"] = found.severity
    message = found.message + (f" (hint: {found.hint})" if found.hint else "")
    result["message"] = {"text": message}
    region = {"startLine": found.line, "startColumn": found.column}
    location = {"artifactLocation": {"uri": _uri(found.path)}, "region": region}
    result["locations"] = [{"physicalLocation": location}]
    if found.question:
        result["properties"] = {"question": found.question}
    return result


def _notification(path: str, line: int, column: int, message: str) -> dict[str, Any]:
    region = {"startLine": line, "startColumn": column}
    location = {"artifactLocation": {"uri": _uri(path)}, "region": region}
    return {
        "level": "note",
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
    }


def _uri(path: str) -> str:
    """Relative paths stay relative (to the checkout, as code scanning expects). A name
    byte that is not UTF-8 is percent-encoded as itself, so the URI names the real file."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix(), errors="surrogateescape")
