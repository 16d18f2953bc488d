"""``--format gitlab``: a GitLab Code Quality report, so a merge request shows each finding.

A JSON array of issues with the fields GitLab reads (docs.gitlab.com/ci/testing/code_quality,
"Implement a custom tool"): ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (``path`` and ``lines.begin``); no byte order mark, which GitLab refuses.

Severities follow ESLint's and ruff's GitLab reports, so exambank's findings rank among
theirs in one widget: an error (it stops the build) is ``major``, a warning ``minor``, and a
note (rules that did not run on a bank in another language) ``info``.

GitLab pairs a finding in a merge request with the same finding on the target branch by its
fingerprint, so it leaves out what can change while the finding stays the same: the line
and column (a question added above moves every finding below it), the hint, the severity,
and every number a message quotes: a line ("first at line 12"), a place ("used at
02-amt.yaml:49"), a count that grows with the bank ("31 of 55 keys"). What is left (file,
rule, question and message) can repeat within a file, so the second of two identical
findings adds "1", the third "2": each is told apart, and each keeps its fingerprint when
lines move or questions are added.

Paths are relative to the repository, as GitLab expects: to ``CI_PROJECT_DIR`` in a GitLab
job (as ruff's report does), else to the working folder, as every format's are.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from exambank.diagnostics import Diagnostic
from exambank.fingerprint import numbered_fingerprint
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.repository import repository_path, repository_root

SEVERITY = {"error": "major", "warning": "minor"}
NOTE_SEVERITY, NOTE_CHECK = "info", "note"


def gitlab(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    project = repository_root("CI_PROJECT_DIR")
    seen: Counter[tuple[str, ...]] = Counter()
    issues = []
    for found in diagnostics:
        path = repository_path(found.path, project)
        description = found.message + (f" (hint: {found.hint})" if found.hint else "")
        identity = (path, found.rule, found.question or "", found.message)
        fingerprint = numbered_fingerprint(identity, seen)
        severity = SEVERITY[found.severity]
        issues.append(_issue(description, found.rule, severity, path, found.line, fingerprint))
    for note in context.notes:
        path = repository_path(note.path, project)
        fingerprint = numbered_fingerprint((path, NOTE_CHECK, "", note.message), seen)
        issues.append(_issue(note.message, NOTE_CHECK, NOTE_SEVERITY, path, note.line, fingerprint))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(
    description: str, check: str, severity: str, path: str, line: int, fingerprint: str
) -> dict[str, object]:
    return {
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }
