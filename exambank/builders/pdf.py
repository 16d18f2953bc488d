"""PDF handouts: a student and a trainer edition of every bank, ready to print.

WeasyPrint is imported only when a PDF is built, so linting never pays for loading it.
"""

from __future__ import annotations

from exambank.bank import Bank
from exambank.builders.base import Builder, Output, Settings
from exambank.builders.handout import EDITIONS, handout_html


class PdfBuilder(Builder):
    name = "pdf"
    description = "student and trainer handouts, ready to print"
    shuffles_options = True
    prints_date = True

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        from exambank.builders.render import render_pdf  # WeasyPrint loads in about 0.35 s

        outputs = []
        for edition, name in zip(EDITIONS, self.file_names(bank.id), strict=True):
            html = handout_html(bank, edition, settings.build_date, settings.shuffle_seed)
            data, notes = render_pdf(html, bank.root, settings)
            outputs.append(Output(name, data, notes))
        return outputs

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return tuple(f"{bank_id}-{edition}.pdf" for edition in EDITIONS)
