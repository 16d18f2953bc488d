"""Text that YAML cut short at a ' #', reading the rest of the line as a comment."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.source import JsonPath

# Values that hold prose, by the path's last key; and where they sit (top level, or in a
# question, a key term or an option).
_PROSE_KEYS = frozenset({"title", "summary", "notes", "description", "exam"})
_QUESTION_PROSE = frozenset({"stem", "explanation"})
_OPTION_PROSE = frozenset({"text", "feedback"})
_SHOWN = 40  # characters of a long comment quoted in the message


class CommentInText(BankRule):
    """A ' #' in unquoted text starts a YAML comment: the rest of the line is dropped.

    In an unquoted value, YAML reads a '#' after a space or tab as the start of a
    comment, so `stem: Which strategy is best? #1 choice` gives the stem "Which strategy
    is best?", and `B: Only grid search # exhaustive` the option "Only grid search":
    the handouts, the JSON and the CSV print the shorter text, and nothing else says so.
    Heuristic: a comment one space (or tab) after the last line of an unquoted value that
    is prose -- a stem, an option's text or feedback, an explanation, a title, a summary,
    study notes, a key term or its definition, an exam tip, a suppression's reason, the
    manifest's description or exam -- is reported at its '#'. A comment set off by two
    spaces or more, as style guides write a note beside a value, is taken as meant;
    comments after ids, answers, types, difficulties and tags, and comments on lines of
    their own, are never reported; quoted and block (`|`, `>`) text keeps its '#'. Known
    false positives: a note beside the text written one space away; set it two spaces
    off or move it to a line of its own. A text that starts with '#' (`A: #1 traceroute`)
    is all comment, and the value empty: the schema reports it, naming the comment.
    Source: the YAML 1.2 specification, section 6.6 (comments).

    Bad:
        stem: Which strategy is best? #1 choice

    Good:
        stem: "Which strategy is best? #1 choice"
    """

    name = "comment-in-text"
    changes_print = True  # the build lists it in full
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        for source in bank.read_files():
            for path, (position, comment) in source.comments_after.items():
                if not _is_prose(path):
                    continue
                shown = comment if len(comment) <= _SHOWN else comment[: _SHOWN - 3] + "..."
                yield self.report(
                    source,
                    path,
                    f"the text stops before '{shown}': YAML reads a ' #' in unquoted text "
                    "as the start of a comment",
                    "put the whole text in double quotes to keep it; if it is a note to "
                    "yourself, set it two spaces off or on a line of its own",
                    source.question_id(path),
                    at=position,
                )


def _is_prose(path: JsonPath) -> bool:
    if len(path) == 1:
        return path[0] in _PROSE_KEYS
    head, last = path[0], path[-1]
    if head == "exam_tips":
        return len(path) == 2
    if head == "key_terms":
        return last in ("term", "definition")
    if head != "questions" or len(path) < 3:
        return False
    field = path[2]
    if field == "options":
        return len(path) == 4 or (len(path) == 5 and last in _OPTION_PROSE)
    if field == "lint":
        return last == "reason"
    return len(path) == 3 and field in _QUESTION_PROSE
