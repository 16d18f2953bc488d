"""The two sides of the merge conflicts git left in a file.

git writes each conflict as ``<<<<<<< ours``, the one side's lines, (``||||||| base``, the
common ancestor's, in merge.conflictStyle diff3 or zdiff3,) ``=======``, the other side's,
``>>>>>>> theirs``: each marker at the start of its line. A side is the file as it would be
had every conflict been resolved that side's way, so what a conflict left out of every
hunk can be read from either: a baseline reads both sides' entries (``baseline_file``), a
report the id both sides of a manifest give (``fingerprint``).
"""

from __future__ import annotations

import re

# Git's markers: ours, the common base (diff3 or zdiff3), theirs, end. In a file with CRLF
# line ends git ends them with CRLF too, and '$' matches only before the LF.
MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?: |\r?$)", re.MULTILINE)


def sides(text: str) -> tuple[str, str] | None:
    """The two sides of the merge conflicts in ``text`` (a diff3 base left out); None if
    the markers do not pair up."""
    ours: list[str] = []
    theirs: list[str] = []
    part = "both"  # of the line read: "both", "ours", "base" or "theirs"
    follows = {"<": ("both", "ours"), "|": ("ours", "base"), ">": ("theirs", "both")}
    for line in text.splitlines(keepends=True):
        marker = MARKER.match(line)
        if marker is None:
            if part in ("both", "ours"):
                ours.append(line)
            if part in ("both", "theirs"):
                theirs.append(line)
            continue
        kind = marker[1][0]
        if kind == "=":
            if part not in ("ours", "base"):
                return None
            part = "theirs"
        elif follows[kind][0] != part:
            return None
        else:
            part = follows[kind][1]
    return ("".join(ours), "".join(theirs)) if part == "both" else None
