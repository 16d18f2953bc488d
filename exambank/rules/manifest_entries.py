"""Which section file a manifest entry means, and what to tell an author when an entry and
the files disagree: an entry that is a file's name, a slip for an unlisted file's id, a
file renamed without its id, a copy, a file no entry names."""

from __future__ import annotations

import difflib
import re
import shlex
from pathlib import Path

from exambank.bank import section_id_of
from exambank.file_names import MANIFEST, UnreadName, is_yaml, shown_name, unread_name
from exambank.model import SLUG_PATTERN
from exambank.source import Source

SLUG = re.compile(SLUG_PATTERN)
Problem = tuple[str, str]  # message, hint


def files_named(listed: list[str], files_for: dict[str, list[Source]]) -> dict[str, Source]:
    """The entries of ``listed`` that name no section but a section file ('02-amt.yaml',
    'amt.yml', '02-amt'), each with that file."""
    by_name: dict[str, Source] = {}
    for sources in files_for.values():
        for source in sources:
            by_name[source.path.name] = by_name[source.path.stem] = source
    named: dict[str, Source] = {}
    for entry in listed:
        if entry in files_for:
            continue
        found = by_name.get(entry)
        if found is None and is_yaml(Path(entry)):
            found = next(iter(files_for.get(section_id_of(Path(entry)), [])), None)
        if found is not None and SLUG.fullmatch(section_id_of(found.path)):
            named[entry] = found
    return named


def renamed_files(
    listed: list[str], files_for: dict[str, list[Source]], named: dict[str, Source]
) -> dict[str, Source]:
    """Listed ids with no file, each with the one unlisted file whose own ``id`` it is: a
    section file renamed without its id and its manifest entry."""
    by_id: dict[str, list[Source]] = {}
    for found, sources in files_for.items():
        if found not in listed:
            for source in sources:
                if source not in named.values() and (written := written_id(source)):
                    by_id.setdefault(written, []).append(source)
    return {
        entry: by_id[entry][0]
        for entry in listed
        if entry not in files_for
        and entry not in named
        and SLUG.fullmatch(entry)  # else the schema says it is no id: no name to give
        and len(by_id.get(entry, ())) == 1
    }


def named_for(path: Path, section_id: str) -> str:
    """The name of a section file for ``section_id`` in ``path``'s place, its order number
    kept: '06-tech.yml', '06_Tech notes.yaml' and ' 06-tech.yaml' -> '06-<section_id>.yaml'."""
    return f"{order_prefix(path)}{section_id}.yaml"


def order_prefix(path: Path) -> str:
    """The order number that starts ``path``'s name, with a hyphen ('06-'), a space before
    it left out; '' for a name with none."""
    number = re.match(r"\s*(\d+)", path.name)
    return f"{number[1]}-" if number else ""


def misspelt_entries(
    listed: list[str],
    files_for: dict[str, list[Source]],
    named: dict[str, Source],
    renamed: dict[str, Source],
) -> dict[str, str]:
    """Listed ids with no file, each with the unlisted section id it is likely a slip for
    ('netzwerk' for the file 02-netzwerke.yaml); each such id is paired once. Renamed
    files and the entries they were listed as are left out."""
    taken = {section_id_of(source.path) for source in [*named.values(), *renamed.values()]}
    unlisted = sorted(found for found in files_for if found not in listed and found not in taken)
    pairs: dict[str, str] = {}
    for entry in listed:
        if entry in files_for or entry in named or entry in renamed or not unlisted:
            continue
        close = difflib.get_close_matches(entry, unlisted, n=1, cutoff=0.75)
        if close:
            pairs[entry] = close[0]
            unlisted.remove(close[0])
    return pairs


def unlisted(source: Source, listed: list[str], files_for: dict[str, list[Source]]) -> Problem:
    """Message and hint for a section file the manifest does not list: a copy of a listed
    section's file, a file misnamed for its listed id, or a section to list or delete."""
    name, section_id, written = source.path.name, section_id_of(source.path), written_id(source)
    prefix = source.path.stem.removesuffix(section_id) or order_prefix(source.path)
    message = f"{shown_name(name)} is not listed in bank.yaml"
    if written in listed:
        owners = files_for.get(written, [])
        if owners:
            message = f"{message}; it looks like a copy of {owners[0].path.name} "
            message += f"(both have id '{written}')"
            added = _questions_not_in(source, owners[0])
            if not added:
                return message, (
                    "delete the copy; for a new section, give it an id of its own, name "
                    "the file for it and add the id to the manifest's sections"
                )
            # Questions written into the copy ('exambank new' adds them there): deleting
            # it would lose them.
            own = SLUG.fullmatch(section_id) and section_id not in listed
            named = f" ('id: {section_id}', as its name says)" if own else ", name the file for it"
            held = "a question" if len(added) == 1 else f"{len(added)} questions"
            return message, (
                f"keep it: it holds {held} {owners[0].path.name} does not "
                f"({', '.join(added[:3])}{', ...' if len(added) > 3 else ''}); to make it a "
                f"section, give it an id of its own{named} and add the id to the manifest's "
                "sections"
            )
        return (
            f"{message}: its id '{written}' is listed, but the file is not named for it",
            f"rename it {prefix}{written}.yaml",
        )
    if SLUG.fullmatch(section_id):
        return message, f"add '{section_id}' to the manifest's sections, or delete the file"
    message = f"{message}, and '{section_id}' cannot be a section id"
    slug = re.sub(r"[^a-z0-9]+", "-", section_id.lower()).strip("-")
    new_id = next(
        (found for found in (written, slug) if SLUG.fullmatch(found or "") and found not in listed),
        None,
    )
    if new_id is None:
        return message, (
            "delete it, or name it <nn>-<id>.yaml for an id of lowercase letters, digits "
            "and hyphens, and add the id to the manifest's sections"
        )
    set_id = "" if written == new_id else f", set 'id: {new_id}' in it"
    return message, (
        f"delete it, or rename it {prefix}{new_id}.yaml{set_id} and add '{new_id}' "
        "to the manifest's sections"
    )


def unread_files(root: Path) -> dict[Path, UnreadName]:
    """The files in ``root`` named as section files with something after the name
    ('02-amt.yaml.txt', '02-amt.yaml.'), which are not read, each with the name meant. A
    manifest so named is the missing manifest's to report, a hidden file nobody's."""
    try:
        paths = sorted(root.iterdir())
    except OSError:
        return {}
    return {
        path: unread
        for path in paths
        if not path.name.startswith(".")
        and (unread := unread_name(path))
        and Path(unread.meant).stem.casefold() != Path(MANIFEST).stem
    }


def unread_file(
    path: Path, unread: UnreadName, listed: list[str], files_for: dict[str, list[Source]]
) -> Problem:
    """Message and hint for a file named as a section file with something after the name,
    which no manifest entry is told of: nothing reads it, and without a word CI would pass
    it unchecked (and a clone on Windows may fail on it)."""
    name, section_id = shown_name(path.name), section_id_of(Path(unread.meant))
    owners = files_for.get(section_id, [])
    if not owners and section_id in listed:  # its entry was told of another file
        return (
            f"{name} {unread.slip}: nothing reads it, so section '{section_id}' has no file",
            f"rename it to {unread.meant} ({unread.why})",
        )
    if owners:
        owner = shown_name(owners[0].path.name)
        return (
            f"{name} {unread.slip}: nothing reads it, and {owner} is read as section "
            f"'{section_id}'",
            f"delete it if it is a copy of {owner}, else move what it holds into {owner} "
            f"({unread.why})",
        )
    message = f"{name} {unread.slip}: nothing reads it, and it is not listed in bank.yaml"
    if SLUG.fullmatch(section_id):
        return message, (
            f"rename it to {unread.meant} and add '{section_id}' to the manifest's "
            f"sections, or delete it ({unread.why})"
        )
    return f"{message}, and '{section_id}' cannot be a section id", (
        "delete it, or name it <nn>-<id>.yaml for an id of lowercase letters, digits and "
        f"hyphens and add the id to the manifest's sections ({unread.why})"
    )


def case_alone(source: Source, new_name: str) -> tuple[str, tuple[str, str]] | None:
    """For a section file to rename to ``new_name`` when the case alone differs
    ('02-Amt.yaml'), the git command that does it, and the two paths it names; None for
    any other rename. On Windows and macOS git reads names in any case: a file renamed so
    in Explorer or Finder keeps its old name in git, and CI fails again."""
    old = source.path.name
    if old == new_name or old.casefold() != new_name.casefold():
        return None
    new = str(Path(source.display).with_name(new_name))
    command = f"git mv {shlex.quote(source.display)} {shlex.quote(new)}"
    return (
        f"{command} (the case alone differs: renamed any other way on Windows or macOS, "
        "the file keeps its old name in git)",
        (source.display, new),
    )


def _questions_not_in(copy: Source, original: Source) -> list[str]:
    """The questions of ``copy`` whose id ``original`` does not hold, by id ("a question"
    for one without): what an author added to a copied section file."""
    held = {question.get("id") for question in _questions(original)}
    return [
        question_id if isinstance(question_id, str) else "a question with no id"
        for question in _questions(copy)
        if (question_id := question.get("id")) not in held or question_id is None
    ]


def _questions(source: Source) -> list[dict[str, object]]:
    found = source.data.get("questions") if isinstance(source.data, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def written_id(source: Source) -> str | None:
    written = source.data.get("id") if isinstance(source.data, dict) else None
    return written if isinstance(written, str) else None
