"""What a bank's files are named, and names that are nearly right: a manifest saved as
'bank.yml' or 'bank.yaml.txt', a section whose name ends in a dot. exambank reads none of
them, and says so."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

MANIFEST = "bank.yaml"
YAML_SUFFIXES = frozenset({".yaml", ".yml"})  # in any case: "x.YAML" is read as YAML


def is_yaml(path: Path) -> bool:
    """Whether ``path`` is named as a YAML file: ``.yaml`` or ``.yml``, in any case."""
    return path.suffix.casefold() in YAML_SUFFIXES


class UnreadName(NamedTuple):
    """A YAML file's name with something after it, so that exambank does not read the file
    as YAML while the author sees the name meant."""

    meant: str  # '02-amt.yaml'
    slip: str  # what is wrong, said after the name: 'is saved as text', 'ends in a dot'
    why: str  # how such a name comes about, for the hint that renames the file


# What to tell the author of such a file, after 'rename it to ...'.
SAVED_AS_TEXT = "Notepad adds .txt unless 'Save as type' is 'All files (*.*)'"
LAST_DOT_OR_SPACE = (
    "Windows drops a name's last dots and spaces: Git for Windows cannot check the file out"
)


def unread_name(path: Path) -> UnreadName | None:
    """The YAML name ``path`` was meant to have, where an addition keeps it from being read:
    '02-amt.yaml.txt' (Windows' Notepad adds .txt unless told otherwise, and Explorer hides
    it), '02-amt.yaml.' or '02-amt.yaml ' (a last dot or space, which a listing hardly
    shows, and which a clone on Windows cannot hold). None for any other name."""
    name = path.name
    meant = name.rstrip(". ")
    if meant != name and is_yaml(Path(meant)):
        slip = "ends in a dot" if name.endswith(".") else "ends in a space"
        return UnreadName(meant, slip, LAST_DOT_OR_SPACE)
    if path.suffix.casefold() == ".txt" and is_yaml(Path(path.stem)):
        return UnreadName(path.stem, "is saved as text", SAVED_AS_TEXT)
    return None


def shown_name(name: str) -> str:
    """A file's name as a message quotes it: in quotes if a space starts or ends it, or a
    dot ends it, which the reader would not see or would read as the sentence's."""
    return f"'{name}'" if name != name.strip() or name.endswith(".") else name


def misnamed_manifest(folder: Path) -> Path | None:
    """A file in ``folder`` that is a manifest not named ``bank.yaml`` ("bank.yml",
    "Bank.yaml", "bank.yaml.txt", "bank.yaml."), which exambank does not read."""
    return next((path for path in sorted(folder.iterdir()) if is_misnamed_manifest(path)), None)


def is_misnamed_manifest(path: Path) -> bool:
    """Whether ``path`` is named like a manifest but not ``bank.yaml`` and may be one: not
    when every key at the start of its lines is another tool's. A GitHub workflow named
    ``bank.yml`` (name, on, jobs) is no manifest; a file with no such key (empty, in
    flow style, or unreadable) may be."""
    unread = unread_name(path)
    yaml_name = Path(unread.meant) if unread else path
    named_like = yaml_name.stem.casefold() == "bank" and is_yaml(yaml_name)
    return named_like and path.name != MANIFEST and path.is_file() and _may_be_manifest(path)


_MANIFEST_KEYS = frozenset({"id", "title", "sections"})  # what every manifest must have
_TOP_LEVEL_KEY = re.compile(r"""(["']?)([^\s"'#:{}\[\]-][^\s"':]*)\1[ \t]*:(?:\s|$)""")
_HEAD_BYTES = 64 * 1024  # a manifest's keys come first; a large file is no manifest anyway


def _may_be_manifest(path: Path) -> bool:
    """Whether one of the keys at the start of ``path``'s lines is a manifest's, or none is
    found at all."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES).decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:  # reported where it is read
        return True
    keys = {found[2] for line in head.splitlines() if (found := _TOP_LEVEL_KEY.match(line))}
    return not keys or not keys.isdisjoint(_MANIFEST_KEYS)
