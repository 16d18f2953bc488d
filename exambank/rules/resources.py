"""Links and images must stay inside the bank folder."""

from __future__ import annotations

import errno
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.markdown import Target, target_path, targets
from exambank.rules.base import BankRule, Options
from exambank.rules.locate import Placer
from exambank.source import JsonPath, Source

# A URL scheme (http:, file:, mailto:, data:) or a Windows drive (C:).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _problem(url: str, root: Path) -> str | None:
    """Why ``url`` is not a relative path inside the bank folder ``root``, or None if it
    is. The URL is percent-decoded first, as the renderer decodes it (%2e%2e is '..'),
    and a path that leads out through a symlink is refused too."""
    decoded = unquote(url)
    if _SCHEME.match(decoded):
        return f"uses '{decoded.split(':', 1)[0]}:'"
    if decoded.startswith(("/", "\\")):
        return "is an absolute path"
    # A backslash is a separator on Windows: leaving through one counts as leaving.
    path = posixpath.normpath(target_path(url).replace("\\", "/"))
    if path == ".." or path.startswith("../"):
        return "leaves the bank folder"
    if path == "." or "\x00" in path:
        return None  # the folder itself, or no name at all: missing-resource's to report
    try:
        inside = (root / path).resolve().is_relative_to(root.resolve())
    except RuntimeError:  # Python 3.10-3.12 raise this for a loop of links
        return "leads into a loop of symbolic links"
    except OSError as error:  # later Pythons raise ELOOP
        if error.errno == errno.ELOOP:
            return "leads into a loop of symbolic links"
        return f"cannot be followed ({error.strerror})"
    return None if inside else "leads out of the bank folder through a symbolic link"


class ExternalResource(BankRule):
    """A link or image points outside the bank folder.

    Handouts are built offline and from the bank folder alone: an image on a web server or
    elsewhere on the author's disk would be fetched at build time (a leak and a
    non-reproducible build), and a link to one prints as a dead reference. Every Markdown
    text is checked (stems, options, feedback, explanations, notes, key term definitions,
    exam tips, the manifest's description); a target is accepted only when it is a relative
    path that stays inside the bank folder, or a '#fragment'. Known false positives: a web
    link meant only as a reference; print the address as code instead.

    Bad:
        stem: "Which service does this logo stand for? ![logo](https://example.com/logo.png)"

    Good:
        stem: "Which service does this logo stand for? ![logo](images/logo.png)"
    """

    name = "external-resource"
    severity = "error"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        found = _Targets(bank)
        for source, path, question, target in found:
            problem = _problem(target.url, bank.root)
            if problem is None:
                continue
            yield self.report(
                source,
                path,
                f"{target.kind} '{target.url}' {problem}; handouts use only files "
                "inside the bank folder",
                _hint(target),
                question,
                at=found.where(source, path, target),
            )


def _is_there(path: Path, target: Target) -> bool:
    """Whether ``path`` is what ``target`` needs: a file for an image, anything for a link.
    A name the system refuses (too long) is no file."""
    try:
        return path.is_file() if target.kind == "image" else path.exists()
    except OSError:
        return False


class _Targets:
    """The link and image targets of every Markdown text of a bank, and where each one is
    written."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self._placer = Placer()

    def __iter__(self) -> Iterator[tuple[Source, JsonPath, str | None, Target]]:
        for source, path, text, question in self.bank.markup_fields:
            for target in targets(text):
                yield source, path, question, target

    def where(self, source: Source, path: JsonPath, target: Target) -> tuple[int, int]:
        """Where ``target.url`` is written: whole (not "a.png" inside "images/a.png"), as
        a target ("(a.png" or "<a.png") before as a word."""
        url, end = re.escape(target.url), r"(?![^)>\s\"'])"
        written = (re.compile(rf"(?<=[(<]){url}{end}"), re.compile(rf"(?<!\S){url}{end}"))
        return self._placer.place(source, path, written, target.url)


def _hint(target: Target) -> str:
    if target.kind == "image":
        return "copy the image into the bank folder and give its relative path (images/x.png)"
    return "write the address as code (`https://...`) or link to a file inside the bank"


class MissingResource(BankRule):
    """A link or image names a file the bank folder does not have.

    The handout would print without the image (the build only notes that it could not
    read it), or with a link to nothing. Heuristic: a target that is a relative path
    inside the bank folder (``external-resource`` reports the others), counted from the
    bank folder, with any ``#fragment`` or ``?query`` split off and then percent-decoded
    as the renderer does (``x%23y.png`` names ``x#y.png``), that is no file there (for a
    link, no file or folder). A target of a fragment alone (``#answer-key``) names no
    file. Known false positives: none; a file added to the folder later clears it.

    Bad:
        stem: "Which service does this logo stand for? ![logo](images/logo.png)", with no
        images/logo.png in the bank folder

    Good:
        the same stem, with the image saved as images/logo.png in the bank folder
    """

    name = "missing-resource"
    severity = "error"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        found = _Targets(bank)
        for source, path, question, target in found:
            if _problem(target.url, bank.root) is not None:
                continue  # outside the folder: external-resource says so
            if target.url.startswith("#"):
                continue  # a place in the handout, not a file
            named = target_path(target.url)
            if "\x00" in named:
                message = "holds a NUL character (%00), which no file name can"
                hint = "remove the %00 from the path"
            elif _is_there(bank.root / named, target):
                continue
            else:
                message = "names no file in the bank folder"
                hint = (
                    f"save the file as {named} in the bank folder, or correct the path "
                    "(it is relative to the bank folder)"
                )
            yield self.report(
                source,
                path,
                f"{target.kind} '{target.url}' {message}",
                hint,
                question,
                at=found.where(source, path, target),
            )
