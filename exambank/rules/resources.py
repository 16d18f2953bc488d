"""Links and images must stay inside the bank folder."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.link_targets import Target, target_path, targets
from exambank.rules.base import BankRule, Options
from exambank.rules.locate import Placer
from exambank.shipped_files import Refusal, outside, shippable
from exambank.source import JsonPath, Source

_IMAGES_ONLY = "handouts and exports use only image files inside the bank folder, none hidden"
# A URL scheme (http:, file:, mailto:, data:) or a Windows drive (C:).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _problem(url: str) -> str | None:
    """Why ``url`` is not a relative path inside the bank folder as written, or None if it
    is. The URL is percent-decoded first, as the renderer decodes it (%2e%2e is '..')."""
    decoded = unquote(url)
    if _SCHEME.match(decoded):
        return f"uses '{decoded.split(':', 1)[0]}:'"
    if decoded.startswith(("/", "\\")):
        return "is an absolute path"
    # A backslash is a separator on Windows: leaving through one counts as leaving.
    path = _slashed(url)
    if path == ".." or path.startswith("../"):
        return "leaves the bank folder"
    return None


def _slashed(url: str) -> str:
    """The path ``url`` names, "\\" read as "/" and normalised."""
    return posixpath.normpath(target_path(url).replace("\\", "/"))


def _fault(target: Target, root: Path) -> tuple[str, str] | None:
    """What is wrong with where ``target`` leads, and the hint: outside the bank folder,
    as written or through a link, or, for an image, a file the handouts and exports leave
    out (``shippable``, which the builders ask too); None if nothing is, or if its path is
    the folder itself, no name at all or holds a NUL: missing-resource's to report."""
    what, problem = f"{target.kind} '{target.url}'", _problem(target.url)
    if problem is None:
        path = _slashed(target.url)
        if path == "." or "\x00" in path:
            return None
        if target.kind == "image":
            found = shippable(root, target_path(target.url))
            if isinstance(found, Refusal):
                return f"{what} {found.reason}; {_IMAGES_ONLY}", found.hint
            return None
        problem = outside(root, path)  # a link that leads out, or into a loop
    if problem is None:
        return None
    return f"{what} {problem}; handouts use only files inside the bank folder", _hint(target)


class ExternalResource(BankRule):
    """A link or image points outside the bank folder.

    Handouts are built offline and from the bank folder alone: an image on a web server or
    elsewhere on the author's disk would be fetched at build time (a leak and a
    non-reproducible build), and a link to one prints as a dead reference. Every Markdown
    text is checked (stems, options, feedback, explanations, notes, key term definitions,
    exam tips, the manifest's description); a target is accepted only when it is a relative
    path that stays inside the bank folder, or a '#fragment'. An image's file is embedded
    in the handouts and copied beside the exports, which CI may publish, so it must also be
    an image by its extension (.png, .jpg, .svg ... as written and once links are followed)
    and hidden nowhere (no part of its path, as written or where a link leads, starts with
    '.'): in a bank at the top of a repository, ``![logo](.git/config)`` would ship the
    token CI cloned with. The build leaves out what this rule refuses, with a note. Known
    false positives: a web link meant only as a reference; print the address as code
    instead. An image kept under git-annex in a bank at the top of its repository (its
    link leads into .git/annex); unlock it (git annex unlock).

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
            fault = _fault(target, bank.root)
            if fault is None:
                continue
            yield self.report(source, path, *fault, question, at=found.where(source, path, target))


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
        """Where ``target.url`` is written (``Placer.place_target``)."""
        return self._placer.place_target(source, path, target.url)


def _hint(target: Target) -> str:
    if target.kind == "image":
        return "copy the image into the bank folder and give its relative path (images/x.png)"
    return "write the address as code (`https://...`) or link to a file inside the bank"


class _Folder:
    """The names in the bank folder as the disk spells them; each folder is listed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._names: dict[Path, dict[str, list[str]]] = {}

    def find(self, path: str, target: Target) -> str | None:
        """``path`` ("/" between names) as the folder spells it, if it is what ``target``
        needs: each name as written if it is there, else the first that differs from it
        only in case or in Unicode form (a disk that ignores case, on Windows or macOS, or
        the form, on macOS, finds either)."""
        here, found = self.root, []
        for name in path.split("/"):
            if name in ("", "."):
                continue
            alike = self._listed(here).get(_folded(name), [])
            if name not in alike:
                if not alike:
                    return None
                name = alike[0]
            found.append(name)
            here = here / name
        return ("/".join(found) or ".") if _is_there(here, target) else None

    def _listed(self, folder: Path) -> dict[str, list[str]]:
        """The names in ``folder`` by their ``_folded`` form."""
        if folder not in self._names:
            self._names[folder] = {}
            try:
                for entry in sorted(folder.iterdir()):
                    self._names[folder].setdefault(_folded(entry.name), []).append(entry.name)
            except OSError:  # not a folder, or not readable
                pass
        return self._names[folder]


def _folded(name: str) -> str:
    """``name`` with its case and its Unicode form ("í" as one character or as "i" and
    an accent) left out: the differences a disk may ignore."""
    return unicodedata.normalize("NFC", name).casefold()


def _form(name: str) -> str:
    forms = [form for form in ("NFC", "NFD") if unicodedata.is_normalized(form, name)]
    return forms[0] if forms else "a mix of forms"


_CASE_NOTE = "the case differs: it builds on Windows and macOS, not in CI"
_FORM_NOTE = "the names look alike, but only macOS reads them as one: it fails in CI"


def _misnamed(named: str, folder: _Folder, target: Target) -> tuple[str, str] | None:
    """What is wrong with the path ``named`` and how to fix it, or None if it names the
    file (or, for a link, the folder) as written."""
    slashed = posixpath.normpath(named.replace("\\", "/"))
    # a "\" is a separator only where no name holds it
    spelled = folder.find(named, target) or folder.find(slashed, target)
    if spelled == named:
        return None
    if spelled is None:
        if "\\" in named:
            hint = f"use forward slashes, and save the file as {slashed} in the bank folder"
        else:
            hint = (
                f"save the file as {named} in the bank folder, or correct the path "
                "(it is relative to the bank folder)"
            )
        return "names no file in the bank folder", hint
    if spelled == slashed:
        hint = f"use forward slashes: {spelled}"
    elif spelled.casefold() != slashed.casefold():  # equal but for case and Unicode form
        hint = (
            f"the file's name is in another Unicode form ({_form(spelled)}; the path is in "
            f"{_form(slashed)}): rename the file to {slashed} as the path writes it, or write "
            f"the path as the file names it ({_FORM_NOTE})"
        )
    elif "\\" in named:
        hint = f"use forward slashes and this case: {spelled} ({_CASE_NOTE})"
    else:
        hint = f"did you mean {spelled}? ({_CASE_NOTE})"
    return "names no file in the bank folder as written", hint


class MissingResource(BankRule):
    """A link or image names a file the bank folder does not have.

    The handout would print without the image (the build only notes that it could not
    read it), or with a link to nothing. Heuristic: a target that is a relative path
    inside the bank folder (``external-resource`` reports the others), counted from the
    bank folder, with any ``#fragment`` or ``?query`` split off and then percent-decoded
    as the renderer does (``x%23y.png`` names ``x#y.png``), that is no file there (for a
    link, no file or folder), or is one only in another case (``Chart.png`` for
    ``chart.png``: it builds on Windows and macOS, whose disks ignore case, and fails on
    Linux, in CI), or only in another Unicode form (``topología.png`` saved with the
    accent as a mark of its own, as macOS tools may: the names look alike, and only macOS
    reads them as one), or only with "/" for a "\\" (``images\\chart.png``, which names one
    file with a backslash in its name). A target of a fragment alone (``#answer-key``) names
    no file. Image syntax Markdown does not read as an image is ``unread-image``'s to
    report. Known false positives: none; a file added to the folder later clears it.

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
        found, folder = _Targets(bank), _Folder(bank.root)
        for source, path, question, target in found:
            if _fault(target, bank.root) is not None:
                continue  # outside the folder, hidden, no image: external-resource says so
            if target.url.startswith("#"):
                continue  # a place in the handout, not a file
            named = target_path(target.url)
            if "\x00" in named:
                fault: tuple[str, str] | None = (
                    "holds a NUL character (%00), which no file name can",
                    "remove the %00 from the path",
                )
            else:
                fault = _misnamed(named, folder, target)
            if fault is None:
                continue
            yield self.report(
                source,
                path,
                f"{target.kind} '{target.url}' {fault[0]}",
                fault[1],
                question,
                at=found.where(source, path, target),
            )
