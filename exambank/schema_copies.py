"""The copies of the schemas ``exambank schemas`` writes into a folder, for editors: where
it may write them. ``schemas/manifest.schema.json`` is a common name (a web app's manifest
has one too): a file of that name that is not one of exambank's, of this version or an
earlier one, is not overwritten, and neither is a bank's folder written into.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from exambank.paths import among_authors_files, display_path
from exambank.schema import MODELS


def refusals(folder: Path) -> list[str]:
    """Why the schemas must not be written into ``folder``, one line for each file at
    fault; none if they may."""
    where = among_authors_files(folder / next(iter(MODELS)))
    if where is not None:
        return [
            f"{display_path(folder)}: the schemas would be {where}, so they are not "
            "written: name a folder outside the banks (exambank schemas DIR), such as schemas"
        ]
    return [why for name in MODELS if (why := _not_ours(folder / name)) is not None]


def _not_ours(path: Path) -> str | None:
    """Why the file at ``path`` is not to be overwritten, or None: nothing is there, or one
    of exambank's schemas of its name (every version names itself by its "$id", its file
    name)."""
    if not os.path.lexists(path):
        return None
    schema_id = _schema_id(path)
    if schema_id == path.name:
        return None
    told = f' (its "$id" is {json.dumps(schema_id)})' if isinstance(schema_id, str) else ""
    return (
        f"{display_path(path)}: not one of exambank's schemas{told}, so it is not "
        "overwritten: name another folder (exambank schemas DIR), or remove this file first"
    )


def _schema_id(path: Path) -> object:
    """The "$id" of the JSON object in ``path``; None where it holds none (a folder, a link
    that leads nowhere, a device, a file that is not such JSON)."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    return data.get("$id") if isinstance(data, dict) else None
