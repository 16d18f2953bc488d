"""Which rules run, at what severity, with which options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from exambank.diagnostics import Diagnostic, Severity
from exambank.rules import RULES


@dataclass
class Config:
    """Defaults: every rule on at its own severity with its own options."""

    select: set[str] = field(default_factory=lambda: set(RULES))
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def enabled(self, rule: str) -> bool:
        return rule in self.select

    def options_for(self, rule: str) -> dict[str, Any]:
        return {**RULES[rule].options, **self.rule_options.get(rule, {})}

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop findings of disabled rules and set each finding's configured severity."""
        kept = []
        for found in diagnostics:
            if not self.enabled(found.rule):
                continue
            severity = self.severity.get(found.rule, found.severity)
            kept.append(found if severity == found.severity else replace(found, severity=severity))
        return kept
