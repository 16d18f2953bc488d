"""The names files are written under on their way to their place, beside it."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

# How such a file is opened: made new (O_EXCL), so that a link planted under its name is
# never written through, and written as bytes, line ends as they are (Windows).
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_RANDOM_BYTES = 8  # 16 hex digits
# The kind of a build's file on its way to its place (staging.py), which a later build
# removes where a killed one left it (leftovers.py)
STAGED = "partial"
# The kind of the file a build's file replaces, set aside while the build's files land
# (staging.py), which a later build puts back or removes where a killed one left it
# (set_aside.py)
SET_ASIDE = "previous"


def beside(target: Path, kind: str) -> Path:
    """A hidden name no one can guess in ``target``'s folder, for a file on its way there
    (``kind``: what it is, as its suffix). Of a fixed length, not ``target``'s name with a
    suffix: a name within the system's limit (255 bytes) stays within it, where a
    243-character section file's name with a suffix did not."""
    return target.parent / f".exambank-{secrets.token_hex(_RANDOM_BYTES)}.{kind}"


def is_temporary(name: str, kind: str) -> bool:
    """Whether ``name`` is one ``beside`` gives a file of ``kind``, and nothing else."""
    pattern = rf"\.exambank-[0-9a-f]{{{2 * _RANDOM_BYTES}}}\.{re.escape(kind)}"
    return re.fullmatch(pattern, name) is not None
