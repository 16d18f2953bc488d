"""A finding's fingerprint: the same in every run while the finding stays the same.

It leaves out what can change while the finding stays the same: the line and column (a
question added above moves every finding below it), the hint, the severity, and every
number a message quotes: a line ("first at line 12"), a place ("used at 02-amt.yaml:49"),
a count that grows with the bank ("31 of 55 keys"). What is left is the file, the rule,
the question and the message. The caller gives the path relative to the folder the
fingerprints are kept for (a baseline's folder, a repository's root).

Two findings can be identical in all of that (the same flaw twice in one question). The
plain ``fingerprint`` is then the same for both, and whoever counts them (the baseline)
counts it twice; it also leaves out the folders of a file a message names ("as q3 at
bank/aws/02-amt.yaml:49"), which lint names from where it runs. GitLab needs a
fingerprint of its own for each finding, and one that stays what it was, so
``numbered_fingerprint`` adds how many identical findings came before one and keeps a
named file's folders: for the first of them, and a message that names no folder, the two
agree.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

Identity = tuple[str, str, str, str]  # path, rule, question ("" for none), message
_NUMBER = re.compile(r"\d+")
_FOLDERS = re.compile(r"[/\\]?(?:[^\s/\\\"'(]+[/\\])+")  # "bank/aws/" of "bank/aws/02-amt.yaml"


def fingerprint(path: str, rule: str, question: str | None, message: str) -> str:
    """The fingerprint of the finding of ``rule`` in ``path`` (with forward slashes)."""
    said = _NUMBER.sub("#", _FOLDERS.sub("", message))
    return _digest((path, rule, question or "", said), 0)


def numbered_fingerprint(identity: Identity, seen: Counter[tuple[str, ...]]) -> str:
    """A fingerprint unique within one report: ``identity``'s, and how many identical
    findings ``seen`` counted before this one (counted in ``seen`` as it goes)."""
    path, rule, question, message = identity
    key = (path, rule, question, _NUMBER.sub("#", message))
    repeat = seen[key]
    seen[key] += 1
    return _digest(key, repeat)


def _digest(key: Identity, repeat: int) -> str:
    parts = ["exambank", *key, str(repeat)]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
