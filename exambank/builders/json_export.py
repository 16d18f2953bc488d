"""``<bank>.json``: the whole bank in one document (see ``schemas/export.schema.json``), and
beside it every image its texts show, under the same relative path, so that the paths in
the texts lead to them from the document as they do from the bank folder.

The document lists the images it ships (with their SHA-256), so this builder copies them:
files and list come from one read. The CSV ships the ones its rows show (the build writes
an image both ship once); the PDFs embed their images and need none.
"""

from __future__ import annotations

from exambank.bank import Bank
from exambank.builders.base import Builder, Output, Settings
from exambank.export import export_document
from exambank.export_images import shown_images


class JsonBuilder(Builder):
    name = "json"
    description = "the whole bank as one JSON document, and the images its texts show"

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        images = shown_images(bank)
        text = export_document(bank, images.files).model_dump_json(indent=2) + "\n"
        document = Output(self.file_names(bank.id)[0], text.encode("utf-8"), images.left_out)
        return [document, *(Output(path, data) for path, data in images.files.items())]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return (f"{bank_id}.json",)
