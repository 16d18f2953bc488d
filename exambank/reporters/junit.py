"""``--format junit``: JUnit XML, one testcase per question checked and one per manifest,
for CI test tabs.

A question's findings make its testcase fail (errors; warnings too with ``--strict``);
other warnings go to its ``system-out``. A manifest's testcase holds the findings on the
manifest (a section it lists that is missing, a bank-wide pattern), and passes without
any. Other findings that belong to no question (a file the manifest does not list, a
file that cannot be read) get a testcase named after their file. One testsuite per file,
in bank order: by bank, its manifest first, then its files as the bank orders them, one
that cannot be read where the manifest lists it, and those it does not list last.
A question whose id an earlier question of its file has too (both sides of a merge kept)
is a testcase of its own, named with its line ("q1 (line 10)"), and holds the findings
from its first line on.

A testcase's ``classname`` is its file's path without the extension, its folders and
name joined by dots (``bank.it.01-netzwerk``), as a Java class is named: Jenkins' JUnit
plugin splits a classname at its last dot into package and class (CaseResult's
getPackageName), so each bank folder is a package and each file a class, and GitLab shows
the classname as the test's suite. A dot within a folder or file name is written ``_``
(``v1.2-netz.yaml`` is class ``v1_2-netz``), so that no split falls inside a name; the
root and ``..`` are left out. The ``file`` attribute, which GitLab links, keeps the path.
A failure's and an output's text list the findings as the text format does (``path:line:
col: severity rule message``), a control character in a file's name as its escape
(``\\x1b``, ``\\n``), as the messages quote a name, so that no name breaks a line.

A finding a question's ``lint: ignore`` dropped fails nothing: it is listed in its
question's ``system-out``, after the warnings, with the entry's place and reason, so a
CI test tab (GitLab's, whose Code Quality report has no suppressed issue) shows what was
switched off. With ``--errors-only``, only the errors it dropped, as for the findings.

Printed into a CI log, the report gives the runner no command: the ``[`` of a ``##[`` is
written ``&#91;``, and the first ``:`` of a text's line that starts with ``::`` ``&#58;``
(exambank.reporters.ci_log), which an XML parser reads as the characters themselves.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import PurePosixPath

from exambank.diagnostics import Diagnostic
from exambank.reporters.base import PLAIN, CheckedQuestion, Context
from exambank.reporters.ci_log import markup_without_commands
from exambank.reporters.text import controls_escaped

# Characters XML 1.0 forbids: a finding may quote them from a broken file, and a file name
# may hold them, or a byte that is not UTF-8 (read as a lone surrogate).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Case = tuple[str, str]  # (path, testcase name)
# The questions of a file with one id, in file order: (first line, testcase name).
SameId = dict[Case, list[tuple[int, str]]]


def junit(diagnostics: Sequence[Diagnostic], context: Context = PLAIN) -> str:
    files = [(path, _file_name(path)) for path in context.manifests]
    questions, same_id = _question_cases(context.questions)
    cases: dict[Case, list[Diagnostic]] = {case: [] for case in [*files, *questions]}
    for found in diagnostics:
        cases.setdefault((found.path, _case_name(found, same_id)), []).append(found)
    suppressed: dict[Case, list[str]] = {}  # by testcase: lines for its system-out
    for entry in context.suppressed:
        for found in sorted(entry.dropped):
            its_case = (found.path, _case_name(found, same_id))
            cases.setdefault(its_case, [])
            where = _place(entry.path, entry.line, entry.column)
            said = f"{_line(found)}\n    suppressed by lint: ignore at {where}: {entry.reason}"
            suppressed.setdefault(its_case, []).append(said)
    notes: dict[str, str] = {}  # by file: a file may have several (pyproject.toml's globs)
    for note in context.notes:
        said = f"{_place(note.path, note.line, note.column)}: note {note.message}"
        notes[note.path] = f"{notes[note.path]}\n{said}" if note.path in notes else said
        cases.setdefault((note.path, _file_name(note.path)), [])  # pyproject.toml has none
    suites: dict[str, list[ET.Element]] = {}
    for (path, name), findings in cases.items():
        noted = notes.get(path) if name == _file_name(path) else None
        dropped = suppressed.get((path, name), [])
        testcase = _testcase(path, name, findings, context.strict, noted, dropped)
        suites.setdefault(path, []).append(testcase)
    root = ET.Element("testsuites", name="exambank lint")
    rank = {path: at for at, path in enumerate(context.files)}
    # Files in no bank read (pyproject.toml, a stray file) last, in the findings' order.
    for path in sorted(suites, key=lambda path: rank.get(path, len(rank))):
        testcases = suites[path]
        suite = ET.SubElement(root, "testsuite", name=path)
        suite.extend(testcases)
        _count(suite, testcases)
    _count(root, [case for testcases in suites.values() for case in testcases])
    ET.indent(root)
    # Every attribute and text at once, so none is missed (the markup holds no such character).
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _xml(ET.tostring(root, "unicode")) + "\n"


def _question_cases(questions: Sequence[CheckedQuestion]) -> tuple[list[Case], SameId]:
    """Each question's testcase, in bank order, named by its id; a later one with an id
    used above in its file, by the id and its line."""
    cases: list[Case] = []
    same_id: SameId = {}
    for path, question, line in questions:
        named = same_id.setdefault((path, question), [])
        named.append((line, f"{question} (line {line})" if named else question))
        cases.append((path, named[-1][1]))
    return cases, same_id


def _case_name(found: Diagnostic, same_id: SameId) -> str:
    """The testcase of ``found``: its question's (of those with its id, the last to start
    at or above it), else its file's."""
    if found.question is None:
        return _file_name(found.path)
    named = same_id.get((found.path, found.question))
    if not named:
        return found.question
    return next((name for line, name in reversed(named) if line <= found.line), named[0][1])


def _testcase(
    path: str,
    name: str,
    found: list[Diagnostic],
    strict: bool,
    note: str | None,
    suppressed: list[str],
) -> ET.Element:
    case = ET.Element("testcase", name=name, classname=_class_name(path), file=path)
    failing = [one for one in found if one.severity == "error" or strict]
    if failing:
        count = len(failing)
        summary = f"{count} problem{'s' if count > 1 else ''}: {failing[0].message}"
        failure = ET.SubElement(case, "failure", message=summary, type=failing[0].rule)
        failure.text = "\n".join(map(_line, failing))
    passing = [_line(one) for one in found if one not in failing] + suppressed
    if passing or note:  # a manifest's note (rules that did not run) passes too
        ET.SubElement(case, "system-out").text = "\n".join(passing + ([note] if note else []))
    return case


def _count(element: ET.Element, testcases: list[ET.Element]) -> None:
    failures = sum(case.find("failure") is not None for case in testcases)
    element.set("tests", str(len(testcases)))
    element.set("failures", str(failures))
    element.set("errors", "0")


def _class_name(path: str) -> str:
    *folders, name = path.replace("\\", "/").split("/")
    parts = [*(part for part in folders if part not in ("", ".", "..")), PurePosixPath(name).stem]
    return ".".join(part.replace(".", "_") for part in parts)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _line(found: Diagnostic) -> str:
    hint = f"\n    hint: {found.hint}" if found.hint else ""
    where = _place(found.path, found.line, found.column)
    return f"{where}: {found.severity} {found.rule} {found.message}{hint}"


def _place(path: str, line: int, column: int) -> str:
    """``path:line:column`` in a failure's or an output's text, a line of it as the text
    format prints it: a control character in the file's name as its escape, as the
    messages quote it, not a line break or a character XML cannot hold."""
    return f"{controls_escaped(path)}:{line}:{column}"


def _xml(text: str) -> str:
    return markup_without_commands(_NOT_XML.sub("\ufffd", text))
