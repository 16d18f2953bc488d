"""``--format junit``: JUnit XML, one testcase per question checked and one per manifest,
for CI test tabs.

A question's findings make its testcase fail (errors; warnings too with ``--strict``);
other warnings go to its ``system-out``. A manifest's testcase holds the findings on the
manifest (a section it lists that is missing, a bank-wide pattern), and passes without
any. Other findings that belong to no question (a file the manifest does not list, a
file that cannot be read) get a testcase named after their file. One testsuite per file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, Context

# Characters XML 1.0 forbids: a finding may quote them from a broken file, and a file name
# may hold them, or a byte that is not UTF-8 (read as a lone surrogate).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Case = tuple[str, str]  # (path, testcase name)


def junit(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    files = [(path, _file_name(path)) for path in context.manifests]
    cases: dict[Case, list[Diagnostic]] = {case: [] for case in [*files, *context.questions]}
    for found in diagnostics:
        name = found.question or _file_name(found.path)
        cases.setdefault((found.path, name), []).append(found)
    notes = {
        note.path: f"{note.path}:{note.line}:{note.column}: note {note.message}"
        for note in context.notes
    }
    suites: dict[str, list[ET.Element]] = {}
    for (path, name), findings in cases.items():
        note = notes.get(path) if name == _file_name(path) else None
        suites.setdefault(path, []).append(_testcase(path, name, findings, context.strict, note))
    root = ET.Element("testsuites", name="exambank lint")
    for path, testcases in suites.items():
        suite = ET.SubElement(root, "testsuite", name=path)
        suite.extend(testcases)
        _count(suite, testcases)
    _count(root, [case for testcases in suites.values() for case in testcases])
    ET.indent(root)
    # Every attribute and text at once, so none is missed (the markup holds no such character).
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _xml(ET.tostring(root, "unicode")) + "\n"


def _testcase(
    path: str, name: str, found: list[Diagnostic], strict: bool, note: str | None
) -> ET.Element:
    case = ET.Element("testcase", name=name, classname=path, file=path)
    failing = [one for one in found if one.severity == "error" or strict]
    if failing:
        count = len(failing)
        summary = f"{count} problem{'s' if count > 1 else ''}: {failing[0].message}"
        failure = ET.SubElement(case, "failure", message=summary, type=failing[0].rule)
        failure.text = "\n".join(map(_line, failing))
    passing = [_line(one) for one in found if one not in failing]
    if passing or note:  # a manifest's note (rules that did not run) passes too
        ET.SubElement(case, "system-out").text = "\n".join(passing + ([note] if note else []))
    return case


def _count(element: ET.Element, testcases: list[ET.Element]) -> None:
    failures = sum(case.find("failure") is not None for case in testcases)
    element.set("tests", str(len(testcases)))
    element.set("failures", str(failures))
    element.set("errors", "0")


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _line(found: Diagnostic) -> str:
    hint = f"\n    hint: {found.hint}" if found.hint else ""
    where = f"{found.path}:{found.line}:{found.column}"
    return f"{where}: {found.severity} {found.rule} {found.message}{hint}"


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
