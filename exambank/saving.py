"""Saving a rewrite: only once its new text reads back, with lint's own reader, as exactly
the data intended, with every comment it held before, and with a '#' one space after plain
text in the same places (comment-in-text); otherwise the file is left alone and the reason
reported. The write is atomic: a temporary file in the same folder, flushed to disk, then
renamed over the original, so a failed or interrupted write leaves the old file whole.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from exambank.comment_places import comment_places, scanned_comments
from exambank.folded_texts import folded_texts
from exambank.load import read_source
from exambank.replaced_files import keep_access, why_not_replaced, why_not_saved
from exambank.rewrite import NotSaved, Rewrite, RewriteError, lf_text
from exambank.source import Source, line_and_column
from exambank.temporary_names import NEW_FILE, beside


def comments(text: str) -> Counter[str]:
    """Every comment line in ``text``, as the scanner sees it (independent of where the
    loader attaches comments, which is what could lose one)."""
    placed, unplaced = scanned_comments(text)
    found = Counter(comment for _, _, comment in placed)
    for comment in unplaced:
        found.update(line.strip() for line in comment.splitlines() if line.strip())
    # The scanner keeps no comment on a directive line ("%YAML 1.2  # why"), and the
    # dumper writes no directive: such a comment is counted here, so its loss shows.
    for line in text.split("\n"):
        if line.startswith("%") and (start := _DIRECTIVE_COMMENT.search(line)):
            found[line[start.end() - 1 :].strip()] += 1
    return found


_DIRECTIVE_COMMENT = re.compile(r"[ \t]#")
_EXPLICIT_KEY = re.compile(r"^[ \t]*\?(?:[ \t]|$)", re.MULTILINE)  # "? key" on its own line


def save(rewrite: Rewrite) -> None:
    """Replace the file with ``rewrite.new`` if it reads back as ``rewrite.data`` and keeps
    every comment and every text's typed lines; RewriteError (file untouched) if not."""
    _check_comments(rewrite)
    _check_folded(rewrite)
    try:
        _replace(rewrite)
    except OSError as error:
        raise NotSaved(why_not_saved(rewrite.path, error)) from error


def verify(rewrite: Rewrite) -> None:
    """The checks ``save`` makes, without writing the file: what ``fmt --check`` and
    ``--diff`` show must be what ``fmt`` would write."""
    _check_comments(rewrite)
    _check_folded(rewrite)
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / rewrite.path.name
        written.write_bytes(rewrite.new.encode("utf-8"))
        _check_data(written, rewrite)


def _check_comments(rewrite: Rewrite) -> None:
    old_text = _old_text(rewrite)
    try:
        new_comments = comments(rewrite.new)
    except YAMLError as error:  # the dumper wrote what no reader takes
        explicit = _EXPLICIT_KEY.search(old_text)
        if explicit is None:
            raise RewriteError("the rewrite would not be valid YAML; please report this") from error
        line, column = line_and_column(old_text, explicit.start())
        raise RewriteError(
            "fmt cannot rewrite a '? key' with a comment: write it as 'key: value'",
            line,
            column,
        ) from error
    lost = comments(old_text) - new_comments
    if lost:
        comment = next(iter(lost))
        line, column = _where_written(old_text, comment)
        advice = _keep_comment(old_text.split("\n"), line, column)
        raise RewriteError(
            f"the rewrite would lose the comment '{comment}': {advice}", line, column
        )


def _keep_comment(lines: list[str], line: int, column: int) -> str:
    """What to do with a comment the rewrite would lose, at ``line`` and ``column`` of
    ``lines``: move one after a value to a line of its own; indent one on a line of its
    own as the line below it, where fmt keeps it; move one above a directive ('%YAML') or
    after a '...' end marker, which fmt drops with them, to where the keys are. One that
    stands so already is fmt's to keep: the author can do nothing."""
    if lines[line - 1][: column - 1].strip():
        return "fmt cannot keep a comment there; move it to a line of its own above a key"
    below = next(
        (text for text in lines[line:] if text.strip() and not text.lstrip().startswith("#")),
        None,
    )
    if below is not None and below.startswith("%"):
        return (
            "fmt drops the file's directives and '---', and a comment above them with them; "
            "move it below the '---', to a line of its own above a key"
        )
    if any(text.rstrip() == "..." for text in lines[: line - 1]):
        return (
            "fmt drops the '...' that ends the document, and a comment after it with it; "
            "move it above the '...', to a line of its own above a key"
        )
    indent = None if below is None else len(below) - len(below.lstrip(" "))
    if indent is not None and indent != column - 1:
        return (
            "fmt cannot keep a comment line indented so; indent it as the line below it "
            f"({indent} spaces)"
        )
    return "fmt cannot keep a comment line there, though it should; please report this"


def _old_text(rewrite: Rewrite) -> str:
    """The text the rewrite was made from, as both comment checks read it (one scan of it
    serves both: ``scanned_comments`` holds it)."""
    return lf_text(rewrite.old if rewrite.quoted is None else rewrite.quoted)


def _check_folded(rewrite: Rewrite) -> None:
    """A text typed over lines that a block would print apart (``folded-lines``) is one
    line to YAML, and the dumper writes it so: the lines its author typed would be lost,
    and with them the warning that tells how to keep them."""
    folded = next(folded_texts(rewrite.before), None)
    if folded is None or not rewrite.changed:
        return
    key = "-" if isinstance(folded.path[-1], int) else f"{folded.path[-1]}:"
    line, column = rewrite.before.where(folded.path)
    raise RewriteError(
        "the rewrite would write this text's lines as one line (folded-lines): write "
        f"'{key} |' and put the text's lines below it first, so they print as typed",
        line,
        column,
    )


def _where_written(text: str, comment: str) -> tuple[int, int]:
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find(comment)
        if column >= 0:
            return number, column + 1
    return 1, 1


def _check_data(written: Path, rewrite: Rewrite) -> None:
    source, _ = read_source(written)
    if not same_data(source.data, rewrite.data):
        raise RewriteError("the rewrite would change the file's data; please report this")
    # "+1" reads as 1 too: the data alone would not tell it was written otherwise.
    written_as = source.typed_scalars
    if any(written_as.get(path, was) != was for path, was in rewrite.before.typed_scalars.items()):
        raise RewriteError(
            "the rewrite would write a number, boolean or null otherwise; please report this"
        )
    _check_cuts(rewrite, source)
    _check_places(rewrite, source)


def _check_places(rewrite: Rewrite, new: Source) -> None:
    """Every comment line must stay in the question it was in (``comment_places``)."""
    old_text = _old_text(rewrite)
    places = comment_places(old_text, rewrite.before)
    was = Counter((place.comment, place.question) for place in places)
    now = Counter((place.comment, place.question) for place in comment_places(rewrite.new, new))
    moved = was - now
    if not moved:
        return
    comment, owner = next(iter(moved))
    went = next((question for text, question in now - was if text == comment), None)
    if owner and went:
        change = f"from question {owner} to question {went}"
    else:
        change = f"out of question {owner}" if owner else f"into question {went}"
    place = next(place for place in places if (place.comment, place.question) in moved)
    raise RewriteError(
        f"the rewrite would move the comment '{comment}' {change}: fmt keeps a comment "
        "with the key below it, or with the entry above if it is indented deeper; put it "
        "on a line of its own in line with the key it is about",
        place.line,
        place.column,
    )


def _check_cuts(rewrite: Rewrite, new: Source) -> None:
    """The rewrite must leave every '#' one space after plain text where comment-in-text
    sees it, and make none: it would hide a cut text, or report a note as one."""
    old = rewrite.before
    changed = set(old.comments_after) ^ set(new.comments_after)
    if changed:
        line, column = min(old.where(path) for path in changed)
        raise RewriteError(
            "the rewrite would change how a '#' after this text reads (comment-in-text): "
            "quote the whole text, with a note to yourself two spaces off after the quotes, "
            "or move the note to a line of its own",
            line,
            column,
        )


def _replace(rewrite: Rewrite) -> None:
    target = rewrite.path.resolve()  # through a symlink, not over it
    folder = target.parent
    refused = why_not_replaced(target)
    if refused is not None:
        raise NotSaved(refused)
    temporary = beside(target, "tmp")
    handle = os.open(temporary, NEW_FILE, 0o600)  # given the file's own once checked
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(rewrite.new)
            stream.flush()
            os.fsync(stream.fileno())
        _check_data(temporary, rewrite)
        not_kept = keep_access(temporary, target)
        if not_kept is not None:
            raise NotSaved(not_kept)
        if target.read_bytes() != rewrite.old:  # saved by an editor, or another exambank
            raise NotSaved(
                "the file changed while exambank worked on it, so it is not changed: "
                "run the command again"
            )
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open folders)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def same_data(left: Any, right: Any) -> bool:
    """Equal values of equal types: ``True == 1`` in Python, but not in a bank file."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_data(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_data, left, right))
    return bool(left == right or (left != left and right != right))  # NaN equals NaN here


# Comments and blank lines after an entry of a block mapping or list are kept by ruamel.yaml
# on the last scalar inside it. When entries move, these helpers move them along: the lines
# between two entries belong to the entry below them (a comment describes what follows).
