"""The system libraries WeasyPrint renders with (Pango, and the GLib, HarfBuzz and
fontconfig it brings), which pip cannot install: WeasyPrint loads them when it is first
imported, so only a command that makes a PDF needs them. Linting needs nothing beyond Python.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout

from exambank.errors import MissingLibrary

# How cffi names the library it could not load: "cannot load library 'libpango-1.0-0': ..."
_NOT_LOADED = re.compile(r"cannot load library '([^']+)'")


@contextmanager
def loading_weasyprint(without_it: str) -> Iterator[None]:
    """Around the first import of WeasyPrint: on a machine without Pango (a slim container
    image) the run stops with a MissingLibrary saying what to install, and ``without_it``,
    what the user can do without it, not with an internal error. WeasyPrint's own notice,
    which it prints on stdout before the OSError, is dropped: stdout may be a report a tool
    reads, and the message says more."""
    try:
        with redirect_stdout(io.StringIO()):
            yield
    except OSError as error:
        raise MissingLibrary(_missing_pango(error, without_it)) from None


def _missing_pango(error: OSError, without_it: str) -> str:
    """What to tell a user whose machine could not load one of WeasyPrint's libraries."""
    found = _NOT_LOADED.search(str(error))
    cause = f"{found[1]} cannot be loaded" if found else str(error)
    return (
        f"making a PDF needs Pango 1.44 or newer, a system library WeasyPrint renders with, "
        f"and this machine lacks it ({cause}): install it (Debian, Ubuntu: apt-get install "
        f"libpango-1.0-0 libpangoft2-1.0-0; macOS: brew install pango), or {without_it}"
    )
