"""``--format gitlab``: a GitLab Code Quality report, so a merge request shows each finding.

A JSON array of issues with the fields GitLab reads (docs.gitlab.com/ci/testing/code_quality,
"Implement a custom tool"): ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (``path`` and ``lines.begin``); no byte order mark, which GitLab refuses.

Severities follow ESLint's and ruff's GitLab reports, so exambank's findings rank among
theirs in one widget: an error (it stops the build) is ``major``, a warning ``minor``, and a
note (rules that did not run on a bank in another language) ``info``.

GitLab pairs a finding in a merge request with the same finding on the target branch by its
fingerprint, the baseline's (exambank.fingerprint): a finding on a question keeps it while
the bank and the question keep their ids, whatever file the question is in and wherever
in it, and a finding's message counts without its numbers and the places it quotes. That
can repeat within a question, so the second of two identical findings adds "1", the third
"2": each is told apart, and each keeps its fingerprint when lines move or questions are
added.

A finding a question's ``lint: ignore`` dropped is no issue: Code Quality has no notion
of a suppressed issue, and every issue it is given is an open one in the merge request's
widget. The job summary (github), sarif and json (when asked) list them.

Paths are relative to the repository, as GitLab expects: to ``CI_PROJECT_DIR`` in a GitLab
job (as ruff's report does), else to the working folder, as every format's are; so are
the files a description quotes ("already used at bank/it/01-netz.yaml:2"). A ``##[``
in a string is written ``##\\u005b``, as in ``--format json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from exambank.diagnostics import Diagnostic
from exambank.fingerprint import Fingerprints
from exambank.reporters.base import PLAIN, Context
from exambank.reporters.ci_log import json_without_commands
from exambank.reporters.repository import FromRoot, repository_path, repository_root

SEVERITY = {"error": "major", "warning": "minor"}
NOTE_SEVERITY, NOTE_CHECK = "info", "note"


def gitlab(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    project = repository_root("CI_PROJECT_DIR")
    from_root = FromRoot(project)  # the files a description quotes, named as its location
    fingerprints = Fingerprints(context.bank_ids)
    issues = []
    for found in diagnostics:
        path = repository_path(found.path, project)
        said = from_root(found)
        description = said.message + (f" (hint: {said.hint})" if said.hint else "")
        identity = fingerprints.identity(
            found.path, path, found.rule, found.question, found.message
        )
        fingerprint = fingerprints.numbered(identity)
        severity = SEVERITY[found.severity]
        issues.append(_issue(description, found.rule, severity, path, found.line, fingerprint))
    for note in context.notes:
        path = repository_path(note.path, project)
        identity = fingerprints.identity(note.path, path, NOTE_CHECK, None, note.message)
        fingerprint = fingerprints.numbered(identity)
        description = from_root(note).message
        issues.append(_issue(description, NOTE_CHECK, NOTE_SEVERITY, path, note.line, fingerprint))
    return json_without_commands(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"


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
