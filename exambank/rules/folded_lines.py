"""Statements or a list typed on lines of their own in a text YAML folds into one line."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.folded_texts import folded_texts
from exambank.rules.base import BankRule, Options

_SHOWN = 40  # characters of a line quoted in the message


class FoldedLines(BankRule):
    """Lines typed as statements or a list below a text without '|' print as one line.

    YAML joins the lines of a text that is not a block: indented below `stem:` without a
    `|`, or in quotes, "Which are true?", "I. S3 stores objects." and "II. EBS is block
    storage." become one line, and the handouts print them run together, where the same
    lines in a `|` block each start a line (statements as the README describes them, or a
    Markdown list). Heuristic: a Markdown text (a stem, an option's text or feedback, an
    explanation, a definition, an exam tip, a summary, notes, the manifest's description)
    written plain or quoted over several lines, one of which would start a line of its own
    in a `|` block: a statement's marker (`I.`, `II -`, `a)`, `(3)`, `Statement 1:`) after
    a line that ends a sentence or a lead-in, after another statement or before a capital,
    or a list item (`- `, `1.`) after such a line or another item. `fmt`, `lint --fix` and
    `new` refuse the file until it is mended: they would write such a text on one line,
    and its typed lines would be lost. Known false
    positives: prose wrapped where a line happens to start "I. " or "(2) A" after a
    sentence; write that marker on the line above. Known misses: a double-quoted text
    with an escape, a text with a comment after its last line, and a `>` block (which
    `fmt` writes for long prose). Source: the YAML 1.2 specification, 6.5 (line folding)
    and 7.3 (flow scalar styles).

    Bad:
        stem: Which statements are true?
          I. S3 stores objects.
          II. EBS is block storage.

    Good:
        stem: |
          Which statements are true?
          I. S3 stores objects.
          II. EBS is block storage.
    """

    name = "folded-lines"
    changes_print = True  # the build lists it in full
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for source in bank.read_files():
            for folded in folded_texts(source):
                own = folded.own
                shown = own if len(own) <= _SHOWN else own[: _SHOWN - 3] + "..."
                key = "-" if isinstance(folded.path[-1], int) else f"{folded.path[-1]}:"
                quotes = ", drop the quotes" if folded.quoted else ""
                yield self.report(
                    source,
                    folded.path,
                    f"{folded.lines} lines of this text print as one line, '{shown}' among "
                    "them: YAML joins the lines of a text written without '|'",
                    f"write '{key} |'{quotes} and put the text's lines below it, all indented "
                    "alike",
                    source.question_id(folded.path),
                )
