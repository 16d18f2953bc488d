"""PDF handouts: a student and a trainer edition of every bank, ready to print.

WeasyPrint is imported only when a PDF is built, so linting never pays for loading it.
Each edition is a step of its own: the build writes one before laying out the next.
"""

from __future__ import annotations

from functools import partial

from exambank.bank import Bank
from exambank.builders.base import Builder, Output, Settings, Step
from exambank.builders.handout import EDITIONS, Edition, handout_html


class PdfBuilder(Builder):
    name = "pdf"
    description = "student and trainer handouts, ready to print"
    shuffles_options = True
    prints_date = True

    def build(self, bank: Bank, settings: Settings) -> list[Output]:
        return [step.make() for step in self.steps(bank, settings)]

    def steps(self, bank: Bank, settings: Settings) -> list[Step]:
        return [
            Step(name, f"the {edition} handout", partial(_edition, bank, edition, name, settings))
            for edition, name in zip(EDITIONS, self.file_names(bank.id), strict=True)
        ]

    def file_names(self, bank_id: str) -> tuple[str, ...]:
        return tuple(f"{bank_id}-{edition}.pdf" for edition in EDITIONS)


def _edition(bank: Bank, edition: Edition, name: str, settings: Settings) -> Output:
    from exambank.builders.render import render_pdf  # WeasyPrint loads in about 0.35 s

    html = handout_html(
        bank,
        edition,
        settings.build_date,
        settings.shuffle_seed,
        settings.paper,
        settings.large_print,
    )
    data, notes = render_pdf(html, bank.root, settings)
    return Output(name, data, notes)
