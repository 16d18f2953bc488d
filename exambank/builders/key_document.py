"""The answer key printed alone (``build --student-key separate``): the sheet a trainer
grades with, kept apart from the student edition handed out for a quiz in class."""

from __future__ import annotations

from exambank.bank import Bank
from exambank.builders.answer_key import bank_heading, headed_answer_key
from exambank.builders.base import Settings
from exambank.builders.editions import footer_text
from exambank.builders.handout import document_head
from exambank.builders.labels import labels_for
from exambank.builders.running_head import RunningHead
from exambank.markdown import typeset
from exambank.rules.numbers import reading


def key_document_html(bank: Bank, settings: Settings) -> str:
    """The key as the student edition ends with it, under a line naming the bank (its
    first heading: ``bank_heading``), with the handouts' running header and footer (the
    footer names the version and the seed, so a key is matched to its stack; in large
    print a mark under its heading names the size).
    No cover: for most banks the key is one page."""
    labels = labels_for(bank.manifest.language)
    grouped = reading(bank.manifest.language).space_groups
    refs = list(bank.questions())
    head = RunningHead.of(typeset(bank.manifest.title, grouped), settings)
    key = headed_answer_key(bank, refs, settings, labels, grouped, head, alone=True)
    document_start = document_head(
        bank, "answer-key", settings.build_date, len(str(len(refs))), labels, grouped
    )
    footer = footer_text(bank, "answer-key", settings, labels)
    bank_line = bank_heading(head, footer)
    return "".join(
        [
            document_start.replace('<body class="', '<body class="key-document ', 1),
            bank_line,
            key,
            "</body>\n</html>\n",
        ]
    )
