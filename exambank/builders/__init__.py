"""The registry of every output format, by its name. Nothing is discovered by magic."""

from __future__ import annotations

from exambank.builders.base import Builder, CsvText, Output, Paper, Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder


def _registry(*builders: type[Builder]) -> dict[str, type[Builder]]:
    by_name: dict[str, type[Builder]] = {}
    for builder in builders:
        if builder.name in by_name:
            raise ValueError(f"two builders are named {builder.name!r}")
        by_name[builder.name] = builder
    return by_name


BUILDERS: dict[str, type[Builder]] = _registry(PdfBuilder, JsonBuilder, CsvBuilder)

__all__ = ["BUILDERS", "Builder", "CsvText", "Output", "Paper", "Settings"]
