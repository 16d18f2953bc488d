"""The one value every stage of the pipeline produces: a located finding."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

Severity = Literal["error", "warning"]
# What a hint says of a finding ``exambank lint --fix`` mends, at its end: the author need
# not type the fix.
LINT_FIX_DOES_THIS = "exambank lint --fix does this"
FIXED_BY_LINT = f" ({LINT_FIX_DOES_THIS})"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at ``path:line:column`` (both 1-based), found by ``rule``.

    ``places``: the paths its message and hint quote, as lint names files (relative to the
    working folder): "already used at bank/it/01-netz.yaml:2". A report that names files
    from the repository's root names these from there too (``reporters.repository``); no
    part of what a finding is (equality, order, fingerprint)."""

    path: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str
    hint: str | None = None
    question: str | None = None
    places: tuple[str, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
            "question": self.question,
        }


@dataclass(frozen=True)
class Note:
    """No finding, and never a failure, but what a report must say: the rules that did
    not run on a bank written in another language than theirs, a setting that matches
    nothing."""

    path: str  # the file the note is about, as lint prints it
    line: int
    column: int
    message: str
    rules_not_run: int = 0  # how many enabled rules did not run, for the language
    places: tuple[str, ...] = field(default=(), compare=False)  # as a Diagnostic's


@dataclass(frozen=True)
class Suppressed:
    """A bank file's suppression entry that dropped findings: at ``path:line:column``, its
    rule's place in the question's ``lint: ignore``; how many it dropped, the reason given,
    and the findings themselves (``dropped``, in lint's order), which the reports for tools
    list as suppressed. A reviewer sees what a change switched off."""

    path: str
    line: int
    column: int
    question: str
    rule: str
    findings: int
    reason: str
    dropped: tuple[Diagnostic, ...] = ()

    def only(self, severity: Severity) -> Suppressed | None:
        """The entry with only the findings of ``severity`` it dropped; None if none."""
        kept = tuple(found for found in self.dropped if found.severity == severity)
        return replace(self, findings=len(kept), dropped=kept) if kept else None


def not_fixed(found: list[Diagnostic], refused: Mapping[str, str]) -> list[Diagnostic]:
    """``found`` with each hint that says ``lint --fix`` mends it, in a file ``--fix``
    just left as it was (``refused``: by path, as lint names it, why), saying that it did
    not and why: the author would otherwise run it again, to the same end."""
    return [
        replace(item, hint=item.hint.replace(LINT_FIX_DOES_THIS, _not_done(refused[item.path])))
        if item.path in refused and item.hint and LINT_FIX_DOES_THIS in item.hint
        else item
        for item in found
    ]


def _not_done(why: str) -> str:
    return f"exambank lint --fix did not: it left this file as it was; {why}"
