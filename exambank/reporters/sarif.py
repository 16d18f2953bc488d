"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every registered rule is described in ``tool.driver.rules`` from its own docstring, and so
is ``config`` (a mistake in pyproject.toml, which no rule finds), each with a ``help``, which
GitHub's code scanning requires; each result points at its rule by ``ruleId`` and
``ruleIndex``. Columns count code points, as exambank counts them. The driver's
``informationUri`` is the homepage the installed package's [project.urls] names, if any.

Each result carries exambank's fingerprint (``exambank.fingerprint``, of the path from the
source root) in ``partialFingerprints``, under a key of exambank's own: the same while the
finding stays the same, wherever its line moves, for a viewer that matches results by it.
Code scanning adds its own ``primaryLocationLineHash`` when the report is uploaded.

A file's ``uri`` is relative to the source root ``%SRCROOT%`` (its ``uriBaseId``), which
``originalUriBaseIds`` names: the checkout, ``GITHUB_WORKSPACE``, in a GitHub job, else the
working folder, described and not named, so the report is the same file in every checkout
(SARIF 2.1.0, 3.4.4 and 3.14.14). Code scanning reads a relative ``uri`` as relative to the
repository's root, so a run in a folder below it still lands on the right files. A file
outside the root is an absolute ``file:`` URI, with no base. A file a message quotes
("already used at bank/it/01-netz.yaml:2") is named from the source root too.

Judged by a baseline (``lint --baseline``), each result says whether it is ``new``
(``baselineState``). The findings the baseline holds, and those a question's ``lint:
ignore`` dropped, are left out: GitHub code scanning does not read SARIF's
``suppressions`` and opens an alert for every result it gets (github/codeql-action#1230;
projects that upload Semgrep's suppressed results strip them first), so a baseline would
open an alert for each finding it exists to quiet. Left out, their alerts close. With
``list_suppressed`` (``--list-suppressed``, for viewers that honour suppressions: Visual
Studio's, Azure DevOps) they are results too, suppressed: the baseline's ``unchanged``
(``kind: external``; 3.27.23, 3.35), the dropped ones ``new`` (``kind: inSource``, the
reason as its ``justification``, the entry's place as its ``location``), each with the
fingerprint it would have unsuppressed; and every other result has an empty
``suppressions`` list, as SARIF asks for all or none (3.27.23). Lint refuses
``--errors-only`` with this format: left out, the warnings' alerts would close as fixed.

A ``##[`` in a string is written ``##\\u005b``, as in ``--format json``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from exambank import installed_version
from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.fingerprint import Fingerprints
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.ci_log import json_without_commands
from exambank.reporters.repository import FromRoot, relative_to, repository_root
from exambank.rule_docs import CONFIG, CONFIG_DOC
from exambank.rules import RULES, Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# The key of a result's fingerprint in partialFingerprints: a name of exambank's own, as
# SARIF asks (3.27.17), versioned, so that a change to how it is worked out is a new key.
# Not "primaryLocationLineHash": GitHub's upload works that out itself from the line and
# warns of any other value there.
FINGERPRINT_KEY = "exambank/v2"
# Where the project's [project.urls] may point, in the order informationUri prefers them.
_HOMEPAGE_LABELS = ("homepage", "documentation", "repository", "source")
SOURCE_ROOT = "%SRCROOT%"  # the name CodeQL and the SARIF specification's examples use
# A file name byte that is not UTF-8 (read as a lone surrogate) has no place in UTF-8 text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def sarif(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    rules = [*(describe(rule) for rule in RULES.values()), CONFIG_RULE]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    driver: dict[str, Any] = {"name": "exambank", "version": installed_version()}
    homepage = information_uri()
    if homepage is not None:
        driver["informationUri"] = homepage
    driver["rules"] = rules
    workspace = repository_root("GITHUB_WORKSPACE")
    root = workspace or os.getcwd()
    # In lint's order, as they would be listed unsuppressed: the second of two identical
    # findings keeps its number.
    listed = context.list_suppressed
    in_source = sorted(
        ((found, entry) for entry in context.suppressed if listed for found in entry.dropped),
        key=lambda pair: pair[0],
    )
    known = context.known if listed else ()
    found_in = [*diagnostics, *known, *(found for found, _ in in_source)]
    files = {*(found.path for found in found_in), *(note.path for note in context.notes)}
    files |= {entry.path for _, entry in in_source}
    relative = {path: relative_to(path, root) for path in files}  # once per file
    artifacts = {path: _artifact(path, relative[path]) for path in files}
    # Each file as its findings' fingerprints name it: from the source root, as its uri.
    named = {path: relative[path] or PurePath(os.path.abspath(path)).as_posix() for path in files}
    fingerprints = Fingerprints(context.bank_ids)
    from_root = FromRoot(root)  # the files a message quotes, named from the source root
    results = [
        _result(found, index, artifacts[found.path], named, fingerprints, from_root)
        for found in diagnostics
    ]
    if context.baseline is not None:
        for result in results:
            result["baselineState"] = "new"
        for found in known:
            result = _result(found, index, artifacts[found.path], named, fingerprints, from_root)
            result["baselineState"] = "unchanged"
            justification = f"in the baseline {context.baseline}"
            result["suppressions"] = [{"kind": "external", "justification": justification}]
            results.append(result)
    for found, entry in in_source:
        result = _result(found, index, artifacts[found.path], named, fingerprints, from_root)
        if context.baseline is not None:
            result["baselineState"] = "new"  # no baseline holds a suppressed finding
        result["suppressions"] = [_in_source(entry, artifacts[entry.path])]
        results.append(result)
    if len(results) > len(diagnostics):  # some are suppressed: the others say they are not
        for result in results:
            result.setdefault("suppressions", [])
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SOURCE_ROOT: _source_root(workspace)},
        "columnKind": "unicodeCodePoints",  # without it, SARIF counts UTF-16 code units
        "results": results,
    }
    if context.notes:  # what the run did not do is no result: the tool's own notification
        notes = [_notification(artifacts[note.path], from_root(note)) for note in context.notes]
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    document = json.dumps(log, indent=2, ensure_ascii=False)
    return json_without_commands(_LONE_SURROGATE.sub("\ufffd", document)) + "\n"


def describe(rule: type[Rule]) -> dict[str, Any]:
    """A SARIF reportingDescriptor: the docstring's summary, its prose, and all of it."""
    return _descriptor(rule.name, rule.doc(), rule.severity, rule.enabled_by_default)


def _descriptor(name: str, doc: str, level: str, enabled: bool) -> dict[str, Any]:
    summary = doc.splitlines()[0]
    prose = doc.split("\nBad:", 1)[0].partition("\n")[2].strip()
    return {
        "id": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": prose or summary},
        "help": {"text": doc},  # GitHub's code scanning refuses a rule without it
        "defaultConfiguration": {"level": level, "enabled": enabled},
    }


# A mistake in pyproject.toml, which no rule finds, described as a rule is.
CONFIG_RULE = _descriptor(CONFIG, CONFIG_DOC, "error", True)


def information_uri() -> str | None:
    """Where to read about exambank: the homepage (or else the documentation, the
    repository) that the installed package's [project.urls] names; None when it names
    none, as exambank's own pyproject.toml does (it has no public homepage)."""
    try:
        said = metadata("exambank").get_all("Project-URL") or []
    except PackageNotFoundError:  # run from a checkout that was never installed
        return None
    urls: dict[str, str] = {}
    for entry in said:  # "Homepage, https://..."
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().casefold(), url.strip())
    return next((urls[label] for label in _HOMEPAGE_LABELS if urls.get(label)), None)


def _result(
    found: Diagnostic,
    index: dict[str, int],
    artifact: dict[str, str],
    named: dict[str, str],
    fingerprints: Fingerprints,
    from_root: FromRoot,
) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": found.rule, "ruleIndex": index[found.rule]}
    result["level"] = found.severity
    said = from_root(found)
    message = said.message + (f" (hint: {said.hint})" if said.hint else "")
    result["message"] = {"text": message}
    region = {"startLine": found.line, "startColumn": found.column}
    location = {"artifactLocation": artifact, "region": region}
    result["locations"] = [{"physicalLocation": location}]
    # exambank's fingerprint, as a baseline kept at the source root has it: the same while
    # the finding stays the same, wherever its line moves (code scanning's own hash is of
    # the line's text). A second identical finding is numbered, as in the GitLab report:
    # results of one fingerprint are one result to code scanning.
    identity = fingerprints.identity(
        found.path, named[found.path], found.rule, found.question, found.message
    )
    print_as = fingerprints.numbered(identity)
    result["partialFingerprints"] = {FINGERPRINT_KEY: print_as}
    if found.question:
        result["properties"] = {"question": found.question}
    return result


def _in_source(entry: Suppressed, artifact: dict[str, str]) -> dict[str, Any]:
    """The suppression a question's ``lint: ignore`` entry makes: its reason, and the
    rule's name in ``ignore`` as its place."""
    region = {"startLine": entry.line, "startColumn": entry.column}
    place = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    suppression: dict[str, Any] = {"kind": "inSource"}
    if entry.reason:
        suppression["justification"] = entry.reason
    suppression["location"] = place
    return suppression


def _notification(artifact: dict[str, str], note: Note) -> dict[str, Any]:
    region = {"startLine": note.line, "startColumn": note.column}
    location = {"artifactLocation": artifact, "region": region}
    return {
        "level": "note",
        "message": {"text": note.message},
        "locations": [{"physicalLocation": location}],
    }


def _artifact(path: str, relative: str | None) -> dict[str, str]:
    """An artifactLocation: relative to the source root (``relative``, None for a file
    outside it), or else absolute. A name byte that is not UTF-8 is percent-encoded as
    itself, so the URI names the real file."""
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
