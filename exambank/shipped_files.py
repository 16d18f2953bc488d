"""Which files a bank's image targets may bring into its handouts and exports.

The PDF renderer embeds the file an image target names, and the JSON and CSV exports copy
it into ``dist/``, which CI may upload or publish. So a target brings in only what is meant
to be shown: an image file (by the extension of its name, as written and once links are
followed: ``MEDIA_TYPES``), inside the bank folder once links and ".." are followed, with
no part of its path, as written or as found, starting with "." (hidden). A bank at the top
of a git repository holds ``.git/config``, where CI keeps the token it cloned with, and
any other file of the folder may hold a secret (``.env``, notes, keys). Nor is a target
with a URL scheme ("https://...", "data:...") a path, even where the folder happens to hold
one of its name: a browser showing the exports' HTML would fetch it from elsewhere.

Lint (``external-resource``), the exports and the renderer's fetcher all ask ``shippable``,
so they cannot disagree: lint reports what it refuses at the target, and the builders
leave it out with a note, never validating on their own.
"""

from __future__ import annotations

import errno
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

# By extension, as a web server serving the folder would say; not ``mimetypes``, whose
# table changes with the Python version and the system's mime.types, so the same bank
# would export differently on two machines.
MEDIA_TYPES = {
    ".apng": "image/apng",
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".gif": "image/gif",
    ".ico": "image/vnd.microsoft.icon",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}
_IMAGE_HINT = "copy the image into the bank folder and give its relative path (images/x.png)"
_HIDDEN_HINT = (
    "move the image to a folder and a name that do not start with '.' (images/x.png): "
    "hidden files are never printed or shipped"
)
# A URL scheme ("https:", "data:", "javascript:") or a Windows drive ("C:") as a target's
# first name, with what a browser drops before reading one (spaces and control characters):
# the page a converter makes of the export would fetch it from elsewhere.
_SCHEME = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\t\n\r-]*):")
_TYPE_HINT = (
    "save the image as PNG, JPEG, GIF, SVG or WebP (.png, .jpg, .gif, .svg, .webp) and "
    "give that file's path"
)


@dataclass(frozen=True)
class Refusal:
    """Why an image target's file is neither printed nor shipped (after the target:
    "is in a hidden folder ('.git')"), and how its author fixes that."""

    reason: str
    hint: str


def outside(root: Path, path: str) -> str | None:
    """Why ``path``, relative to the bank folder ``root``, leads out of it once links and
    ".." are followed, or cannot be followed; None if it stays inside."""
    found = _followed(root, root.resolve(), path)
    return found if isinstance(found, str) else None


def shippable(root: Path, path: str) -> Path | Refusal:
    """The file ``path`` names in the bank folder ``root`` (as ``link_targets.target_path``
    reads an image target), links followed, if it may be printed and shipped, whether or
    not it exists; else why not. As written, the path must stay inside the folder, as a
    name the build can write ("\\" counted as a separator, as on Windows)."""
    slashed = path.replace("\\", "/")
    written = tuple(name for name in slashed.split("/") if name not in ("", "."))
    if "\x00" in path:
        return Refusal("holds a NUL character (%00), which no file name can", "remove the %00")
    if scheme := _SCHEME.match(slashed):
        scheme_name = re.sub(r"[\t\n\r]", "", scheme[1])
        return Refusal(f"uses '{scheme_name}:', not a path inside the bank folder", _IMAGE_HINT)
    if slashed.startswith("/"):
        return Refusal("is an absolute path", _IMAGE_HINT)
    if ".." in written:
        return Refusal("leaves the bank folder as written", _IMAGE_HINT)
    base = root.resolve()
    found = _followed(root, base, path)
    if isinstance(found, str):
        return Refusal(found, _IMAGE_HINT)
    inside = found.parts[len(base.parts) :]
    refused = _hidden(written, inside) or _not_an_image(written, found.name)
    return found if refused is None else refused


def _followed(root: Path, base: Path, path: str) -> Path | str:
    """``path`` in the folder ``root`` (``base`` once resolved) with links and ".."
    followed, or why it cannot be or leads out. Resolved from ``root`` as given: from a
    relative one, the folders above it are not looked up again."""
    try:
        found = (root / path).resolve()
    except RuntimeError:  # Python 3.10-3.12 raise this for a loop of links
        return "leads into a loop of symbolic links"
    except OSError as error:  # later Pythons raise ELOOP
        if error.errno == errno.ELOOP:
            return "leads into a loop of symbolic links"
        return f"cannot be followed ({error.strerror})"
    if found.parts[: len(base.parts)] != base.parts:
        return "leads out of the bank folder through a symbolic link"
    return found


def _hidden(written: tuple[str, ...], found: tuple[str, ...]) -> Refusal | None:
    """Why a path is hidden, by its names as written or as found in the folder."""
    for names, linked in ((written, False), (found, True)):
        hidden = next((name for name in names if name.startswith(".")), None)
        if hidden is None:
            continue
        place = "file" if hidden == names[-1] else "folder"  # the first hidden name
        if linked:
            to = "to" if place == "file" else "into"
            reason = f"leads {to} a hidden {place} ('{hidden}') through a symbolic link"
        else:
            reason = f"is {'a' if place == 'file' else 'in a'} hidden {place} ('{hidden}')"
        return Refusal(reason, _HIDDEN_HINT)
    return None


def _not_an_image(written: tuple[str, ...], found: str) -> Refusal | None:
    """Why a path names no image file by its extension: its last name as written, or the
    name ``found`` of the file a link leads to."""
    suffix = posixpath.splitext(written[-1] if written else "")[1]
    if suffix.lower() not in MEDIA_TYPES:
        kind = f"'{suffix}'" if suffix else "its name has no extension"
        return Refusal(f"is not an image file ({kind})", _TYPE_HINT)
    if posixpath.splitext(found)[1].lower() not in MEDIA_TYPES:
        reason = f"leads to '{found}', which is not an image file, through a symbolic link"
        return Refusal(reason, _TYPE_HINT)
    return None
