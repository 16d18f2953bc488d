"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every registered rule is described in ``tool.driver.rules`` from its own docstring, and
each result points at its rule by ``ruleId`` and ``ruleIndex``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context
from exambank.rules import RULES, Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def sarif(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    index = {name: number for number, name in enumerate(RULES)}
    driver = {
        "name": "exambank",
        "version": _exambank_version(),
        "rules": [describe(rule) for rule in RULES.values()],
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": [_result(d, index) for d in diagnostics]}],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


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
    result: dict[str, Any] = {"ruleId": found.rule}
    if found.rule in index:
        result["ruleIndex"] = index[found.rule]
    result["level"] = found.severity
    message = found.message + (f" (hint: {found.hint})" if found.hint else "")
    result["message"] = {"text": message}
    region = {"startLine": found.line, "startColumn": found.column}
    location = {"artifactLocation": {"uri": _uri(found.path)}, "region": region}
    result["locations"] = [{"physicalLocation": location}]
    if found.question:
        result["properties"] = {"question": found.question}
    return result


def _uri(path: str) -> str:
    """Relative paths stay relative (to the checkout, as code scanning expects)."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _exambank_version() -> str:
    try:
        return version("exambank")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
