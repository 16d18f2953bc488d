"""A backslash in double-quoted text that YAML read as an escape: "C:\\temp" holds a tab,
and "\\e[31m" a control character."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.escapes import MADE_OF, made_of
from exambank.invisible import control_name
from exambank.rules.base import BankRule, Options, all_of
from exambank.source import Position


class EscapeInText(BankRule):
    """In double quotes, a backslash and a letter became a tab, line break or no-break space.

    YAML reads a backslash in double-quoted text as the start of an escape: "\\t" is a
    tab, "\\n" a line break, "\\_" a no-break space. So `stem: "Open C:\\temp\\novos"`
    prints "Open C:", a tab, "emp", a new line and "ovos"; an image path
    `imagens\\rede.png` loses its "\\r"; and Markdown's `snake\\_case` prints with a
    no-break space. Heuristic: one of `\\t \\r \\_ \\L \\P` directly followed by a letter
    or digit, unless right after another escape (the "\\t" of "\\n\\tprint(x)" indents
    code); a "\\n", which texts often mean ("Step 1.\\nStep 2"), only in a word that holds
    one of those too (`C:\\temp\\novos`, `C:\\archive\\new`) or names a file after it
    (`imagens\\nede.png`). An escape that writes a control character (`\\a`, `\\e`, `\\0`
    ...) is the error `control-character`, not reported here. Known false positives: a tab
    meant before a letter; switch the rule off for that question. Known misses: "\\n"
    before a folder name alone (`C:\\novos`). `\\\\`, `\\"`, `\\x41`, `\\u00e9` and
    single-quoted or block text are not reported. Source: the YAML 1.2 specification, 5.7
    (escaped characters).

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
            for path, all_slips in source.escape_slips.items():
                slips = [slip for slip in all_slips if not _writes_control(slip[1])]
                if not slips:
                    continue  # control-character reports them
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
    return all_of(said)


def _writes_control(escape: str) -> bool:
    """Whether ``escape`` writes a control character, which ``control-character`` reports."""
    return control_name(made_of(escape)) is not None


class ControlCharacter(BankRule):
    """In double quotes, an escape wrote a control character that no handout or export can hold.

    YAML refuses a control character typed as it is, but in double quotes an escape
    writes one: "\\0" a null, "\\a" a bell, "\\b" a backspace, "\\e" an escape (as in
    the colour code "\\e[31m"), "\\f", "\\v", "\\N", and any "\\x", "\\u" or "\\U" escape of
    U+0000-U+001F or U+007F-U+009F ("\\x00", "\\x1b", "\\u0007"). The handouts cannot
    print it, the JSON export's HTML is then not well-formed XML (an import into an LMS
    fails), a null ends the text for many CSV readers, and an escape printed in a
    terminal or a CI log runs its colour code. Each such escape is an error at its
    backslash, named with the character. A tab, a line feed and a carriage return ("\\t",
    "\\n", "\\r") are text: `escape-in-text` warns where one most likely stood for a
    backslash and a letter. Not a heuristic: an escape writes the character or it does
    not, so there are no false positives, and no text needs one; the rule cannot be
    turned off, so the build never prints one. Source: the YAML 1.2 specification, 5.7
    (escaped characters); XML 1.0, 2.2 (characters).

    Bad:
        stem: "Which sequence does \\e[31m start in a terminal?"

    Good:
        stem: 'Which sequence does \\e[31m start in a terminal?'
    """

    name = "control-character"
    severity = "error"
    # Nothing prints it and no text needs it: never switched off, so no build prints one.
    switchable = False

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for source in bank.read_files():
            for path, escapes in source.control_escapes.items():
                question = source.question_id(path)
                for at, escape in escapes:
                    character = made_of(escape)
                    yield self.report(
                        source,
                        path,
                        f"in double quotes '{escape}' writes the control character "
                        f"{control_name(character)}, which no handout or export can hold",
                        _HINT + (_LINE_BREAK_HINT if character in _BREAKING else ""),
                        question,
                        at=at,
                    )


_HINT = (
    "delete it; a backslash meant as text is written '\\\\' in double quotes, or write the "
    "text in single quotes or as a block scalar (|)"
)
_LINE_BREAK_HINT = "; a line break is written '\\n'"
_BREAKING = "\v\f\x85"  # controls that end a line: the author may have meant a line break
