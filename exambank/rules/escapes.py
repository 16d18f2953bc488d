"""A backslash in double-quoted text that YAML read as an escape: "C:\\temp" holds a tab."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.escapes import MADE_OF
from exambank.rules.base import BankRule, Options
from exambank.source import Position


class EscapeInText(BankRule):
    """In double quotes, a backslash and a letter became a tab, line break or control character.

    YAML reads a backslash in double-quoted text as the start of an escape: "\\t" is a
    tab, "\\n" a line break, "\\a", "\\b", "\\e" and "\\0" control characters, "\\_" a
    no-break space. So `stem: "Open C:\\temp\\novos"` prints "Open C:", a tab, "emp", a
    new line and "ovos"; an image path `imagens\\rede.png` loses its "\\r"; and Markdown's
    `snake\\_case` prints with a no-break space. Heuristic: one of `\\t \\r \\a \\b \\e
    \\f \\v \\0 \\N \\_ \\L \\P` directly followed by a letter or digit, unless right after
    another escape (the "\\t" of "\\n\\tprint(x)" indents code); a "\\n", which texts
    often mean ("Step 1.\\nStep 2"), only in a word that holds one of those too
    (`C:\\temp\\novos`) or names a file after it (`imagens\\nede.png`). Known false
    positives: a tab or control character meant before a letter; switch the rule off
    for that question. Known misses: "\\n" before a folder name alone (`C:\\novos`).
    `\\\\`, `\\"`, `\\x41`, `\\u00e9` and single-quoted or block text are not reported.
    Source: the YAML 1.2 specification, 5.7 (escaped characters).

    Bad:
        stem: "Which command lists the folder C:\\temp\\reports?"

    Good:
        stem: "Which command lists the folder C:/temp/reports?"
    """

    name = "escape-in-text"
    changes_print = True  # the build lists it in full
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for source in bank.read_files():
            for path, slips in source.escape_slips.items():
                yield self.report(
                    source,
                    path,
                    f"in double quotes {_read_as(slips)}, not as a backslash and a letter",
                    "use '/' in paths, or write the text in single quotes, or '\\\\' for a "
                    "backslash",
                    source.question_id(path),
                    at=slips[0][0],
                )


def _read_as(slips: list[tuple[Position, str]]) -> str:
    """What YAML made of each escape, once each, in order: "'\\t' is read as a tab and
    '\\n' as a line break"."""
    escapes = list(dict.fromkeys(escape for _, escape in slips))
    said = [f"'{escape}' as {MADE_OF[escape[1]][1]}" for escape in escapes]
    said[0] = said[0].replace(" as ", " is read as ", 1)
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
