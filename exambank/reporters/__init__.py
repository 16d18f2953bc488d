"""Ways to print a lint run: each format one small function over the same diagnostics."""

from __future__ import annotations

from exambank.reporters.base import PLAIN, CheckedQuestion, Context, Reporter
from exambank.reporters.github import github
from exambank.reporters.gitlab import gitlab
from exambank.reporters.json_list import json_list
from exambank.reporters.junit import junit
from exambank.reporters.sarif import sarif
from exambank.reporters.text import COLOR_CHOICES, text, use_color

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text,
    "json": json_list,
    "github": github,
    "gitlab": gitlab,
    "sarif": sarif,
    "junit": junit,
}

__all__ = [
    "COLOR_CHOICES",
    "PLAIN",
    "REPORTER_BY_NAME",
    "CheckedQuestion",
    "Context",
    "Reporter",
    "text",
    "use_color",
]
