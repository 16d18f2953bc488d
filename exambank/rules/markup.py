"""Raw HTML in a Markdown text: not allowed by the source format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.markdown import html_tags
from exambank.rules.base import BankRule, Options
from exambank.rules.locate import Placer


class RawHtml(BankRule):
    """A text holds raw HTML.

    Text fields are CommonMark without raw HTML: handouts print a tag as the characters
    the author typed (never as markup, so a source cannot inject elements), and other
    tools that read the JSON export would each do something different with it. Markdown
    says the same things portably: `**bold**` for `<b>`, a blank line for `<br/>`.
    Heuristic: CommonMark's own HTML recognition (an HTML block, or an inline tag such as
    `<b>`, `</i>`, `<br/>` or `<!-- -->`); a `<` that starts no tag ("<= 6 MB") and
    autolinks (`<https://...>`) are not HTML. Known false positives: a tag meant to be
    shown as text outside a code span; put it in backticks.

    Bad:
        stem: "Which service <b>labels</b> data?"

    Good:
        stem: "Which service **labels** data?"
    """

    name = "raw-html"
    severity = "error"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        placer = Placer()
        for source, path, text, question in bank.markup_fields:
            tags = html_tags(text)
            if tags:
                shown = ", ".join(tags[:3]) + (" ..." if len(tags) > 3 else "")
                # at the first tag's first line: in a long block of notes, where it is
                first = re.compile(re.escape(tags[0].split("\n", 1)[0]))
                yield self.report(
                    source,
                    path,
                    f"raw HTML in the text: {shown}",
                    "write it in Markdown (**bold**, *italics*, a blank line for a break), "
                    "or put it in backticks to show it as code",
                    question,
                    at=placer.place(source, path, (first,), tags[0]),
                )
