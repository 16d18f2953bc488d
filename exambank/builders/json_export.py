"""``<bank>.json``: the whole bank in one document (see ``schemas/export.schema.json``)."""

from __future__ import annotations

from exambank.bank import Bank
from exambank.builders.base import Builder, Output, Settings
from exambank.export import export_document


class JsonBuilder(Builder):
    name = "json"
    description = "the whole bank as one JSON document"

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        text = export_document(bank).model_dump_json(indent=2) + "\n"
        return [Output(f"{bank.id}.json", text.encode("utf-8"))]
