"""A finding's fingerprint: the same in every run while the finding stays the same.

A finding is known by where it is, its rule and what its message says, and "where" is
what a bank keeps while its files change: question ids are unique in a bank, and a bank's
id is its manifest's ``id``, not its folder's name. So the place a fingerprint names is

- for a finding on a question, the bank's id and the question's id: it holds when the
  question moves to another file, its file is renumbered (``01-x.yaml`` -> ``13-x.yaml``:
  the number only orders the files) or the bank's folder is renamed;
- for a finding on the manifest (most bank-wide ones: the answer key's balance), the
  bank's id;
- for any other finding in a section file (a section too small), the bank's id and the
  section's id, the file's name without its number;
- for a file in no bank, or in one whose manifest gives no id, the file's path, which the
  caller gives relative to the folder the fingerprints are kept for (a baseline's folder,
  a repository's root).

The bank's id is read from the ``bank.yaml`` beside the finding's file, once per folder;
for a bank lint checked, the reports take it from what lint read (``bank_ids``) rather than
read the manifest again: a manifest lint refused (over ``max-file-bytes``: 1.4 s to read
47 MB) gives no id, as lint took none from it. One a merge conflict left unreadable gives
the id both its sides give (``merge_sides``), which two branches that each list a new
section leave alone; none if the sides give different ids. Two banks of one id (which ``build``
refuses) are one bank to a fingerprint.

Of the message it leaves out what can change while the finding stays the same: every
place it quotes ("as q3 at bank/aws/02-amt.yaml:49": the other question's id stays, its
file and line go), the folders of any other path, and every number (a line, a count that
grows with the bank: "31 of 55 keys"). Where a rule's message says more than what tells
its findings on one question apart, ``Rule.identity`` keeps only that: ``answer-run``
keeps the key letter, so a question stays the same finding while it is in a run, however
the run grows, shrinks or splits around it (its ends are in the message). The line,
column, hint and severity are no part of it.

Two findings can be identical in all of that (the same flaw twice in one question). The
plain fingerprint (``Fingerprints.of``) is then the same for both, and whoever counts
them (the baseline) counts it twice. GitLab needs a fingerprint of its own for each
finding, so ``Fingerprints.numbered`` adds how many identical findings came before one:
for the first of them the two agree.

``v1_fingerprint`` is how exambank fingerprinted findings before (the file's path, rule,
question and message): a baseline written then (version 1) still matches by it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from exambank import merge_sides
from exambank.bank import Bank, section_id_of
from exambank.diagnostics import Diagnostic
from exambank.file_names import MANIFEST, is_yaml
from exambank.load import read_source
from exambank.rules import RULES
from exambank.source import Source

Identity = tuple[str, ...]  # what a fingerprint hashes: a place, the rule, the message's gist
_NUMBER = re.compile(r"\d+")
_FOLDERS = re.compile(r"[/\\]?(?:[^\s/\\\"'(]+[/\\])+")  # "bank/aws/" of "bank/aws/02-amt.yaml"
# A place a message quotes: "at bank/aws/02-amt.yaml:49", up to the first file:line after "at".
_PLACE = re.compile(r"\bat [^\"'()]*?\.ya?ml:\d+(?::\d+)?")
_VERSION = "exambank/2"  # no identity hashes to what a v1 fingerprint hashed


BankIds = Iterable[tuple[str, str | None]]  # (bank folder as lint names it, the bank's id)


class Fingerprints:
    """The fingerprints of one run's findings; each bank's id is read once, from the
    manifest beside a finding's file (``Diagnostic.path``, as lint names it), unless
    ``known`` (``bank_ids``) gives it for that file's folder."""

    def __init__(self, known: BankIds = ()) -> None:
        self._places: dict[str, Identity | None] = {}  # by file, as lint names it
        self._bank_ids: dict[Path, str | None] = {
            Path(folder): bank_id for folder, bank_id in known
        }
        self._seen: Counter[Identity] = Counter()

    def of(self, found: Diagnostic, path: str) -> str:
        """The fingerprint of ``found``, whose file is ``path`` (with forward slashes)
        where a fingerprint names a file."""
        return _digest(self.identity(found.path, path, found.rule, found.question, found.message))

    def identity(
        self, shown: str, path: str, rule: str, question: str | None, message: str
    ) -> Identity:
        """What the fingerprint of a finding of ``rule`` in ``shown`` (the file as lint
        names it, ``path`` as the fingerprint would) hashes."""
        gist = _gist(rule, message)
        if shown not in self._places:
            self._places[shown] = self._place(Path(shown))
        place = self._places[shown]
        if place is None:
            return ("file", path, question or "", rule, gist)
        if question:  # a question's id is the bank's: its file does not matter
            bank = place[1]
            return ("question", bank, question, rule, gist)
        return (*place, rule, gist)

    def numbered(self, identity: Identity) -> str:
        """A fingerprint unique among those this object numbered: ``identity``'s, and how
        many identical findings came before this one."""
        repeat = self._seen[identity]
        self._seen[identity] += 1
        return _digest(identity, repeat)

    def _place(self, file: Path) -> Identity | None:
        """Where a finding on no question in ``file`` is: ("bank", id) for the manifest,
        ("section", bank id, section id) for a section file; None in no bank."""
        if not is_yaml(file):  # pyproject.toml is in no bank, though beside one
            return None
        if file.parent not in self._bank_ids:
            self._bank_ids[file.parent] = _read_bank_id(file.parent / MANIFEST)
        bank = self._bank_ids[file.parent]
        if bank is None:
            return None
        return ("bank", bank) if file.name == MANIFEST else ("section", bank, section_id_of(file))


def v1_fingerprint(path: str, rule: str, question: str | None, message: str) -> str:
    """The fingerprint exambank gave a finding before it knew banks and questions by their
    ids (baseline version 1): of ``path`` relative to the baseline's folder. Frozen."""
    said = _NUMBER.sub("#", _FOLDERS.sub("", message))
    parts = ["exambank", path, rule, question or "", said, "0"]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _gist(rule: str, message: str) -> str:
    found_by = RULES.get(rule)
    said = found_by.identity(message) if found_by is not None else message
    if ".y" in said:  # the regular expressions cost more than the test that skips them
        said = _PLACE.sub("at @", said)
    if "/" in said or "\\" in said:
        said = _FOLDERS.sub("", said)
    return _NUMBER.sub("#", said)


def bank_ids(banks: Iterable[Bank]) -> Iterator[tuple[str, str | None]]:
    """Each bank's folder, as lint names its files' folder, and the id its manifest gave
    lint: None where lint read none (a manifest missing, unreadable or over the size
    limit), so that a report does not read a manifest lint refused; of a manifest with a
    merge conflict, the id both sides give (``_manifest_id``)."""
    for bank in banks:
        folder = str(Path(bank.manifest_source.display).parent)
        yield folder, _manifest_id(bank.manifest_source)


def _read_bank_id(manifest: Path) -> str | None:
    """The ``id`` the manifest gives; None when there is no manifest or it gives none."""
    if not manifest.is_file():
        return None
    source, _ = read_source(manifest)
    return _manifest_id(source)


def _manifest_id(source: Source) -> str | None:
    """The ``id`` the manifest read into ``source`` gives. Of one a merge conflict kept
    from being read, the id each side gives, read as the whole file would be, if the two
    are the same: two branches that each list a new section in ``sections`` leave the id
    alone; None if they give different ids, or a side cannot be read."""
    if source.conflicted_text is None:
        return _id_in(source.data)
    sides = merge_sides.sides(source.conflicted_text)
    if sides is None:
        return None
    ids = {_id_in(read_source(source.path, raw=side.encode())[0].data) for side in sides}
    return ids.pop() if len(ids) == 1 else None


def _id_in(data: object) -> str | None:
    bank_id = data.get("id") if isinstance(data, dict) else None
    return bank_id if isinstance(bank_id, str) and bank_id else None


def _digest(identity: Identity, repeat: int = 0) -> str:
    parts = [_VERSION, *identity, str(repeat)]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
