"""How a bank's files fit together: the manifest and the section files it lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from exambank.bank import Bank, section_id_of
from exambank.diagnostics import Diagnostic
from exambank.file_names import is_yaml, shown_name
from exambank.invisible import shown_finding
from exambank.paths import git_root
from exambank.rules.base import BankRule, Options
from exambank.rules.manifest_entries import (
    SLUG,
    case_alone,
    files_named,
    misspelt_entries,
    named_for,
    renamed_files,
    unlisted,
    unread_file,
    unread_files,
    written_id,
)
from exambank.source import Source


class ManifestRule(BankRule):
    """The manifest's `sections` and the section files disagree.

    Each id in `bank.yaml`'s `sections` needs exactly one file named
    `<nn>-<id>.yaml` whose `id` is that id; each section file must be listed. A file
    that is not listed (a stray copy, a section not added yet) is no part of the bank:
    handouts and exports never print it, so the other rules neither check it nor count
    its questions, and an id it shares with a listed file is reported in it, not in the
    listed one. An entry that is a file's name ('02-amt.yaml') gets the id to write; an
    entry with no file that is close to an unlisted file's id (a slip, 'network' for
    02-networks.yaml) and that file point at each other; so do an entry and the unlisted
    file whose own id it is (a file renamed on its own), with the name to rename it to
    (in a git repository, with `git mv` where the case alone differs: '02-Amt.yaml').
    A section file whose name has something after it is not read: saved as text
    ('02-amt.yaml.txt') or ending in a dot or a space ('02-amt.yaml.', which Git for
    Windows cannot check out). Its entry, or the file itself when no entry lists it, is
    told to rename it.

    Bad:
        sections: [sagemaker, amt]     # but only 01-sagemaker.yaml exists

    Good:
        sections: [sagemaker]
    """

    name = "manifest"
    severity = "error"

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # An id quoted back with a character the screen does not show ('hardware\ufeff') is
        # shown escaped and named: "correct it to 'hardware'" read as nothing to correct.
        yield from map(shown, self._check(bank, options))

    def _check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        listed = bank.manifest.sections
        files_for: dict[str, list[Source]] = {}
        for source in bank.sources:
            files_for.setdefault(section_id_of(source.path), []).append(source)
        manifest = bank.manifest_source
        named = files_named(listed, files_for)
        renamed = renamed_files(listed, files_for, named)
        misspelt = misspelt_entries(listed, files_for, named, renamed)
        unread = unread_files(bank.root)
        unread_for: dict[str, Path] = {}
        for path, name in unread.items():
            unread_for.setdefault(section_id_of(Path(name.meant)), path)
        # Whether a rename of the case alone must be made with git mv: asked once, and
        # only when one is to be told.
        in_git = cache(lambda: git_root(bank.root) is not None)
        first_listed: dict[str, int] = {}
        for index, section_id in enumerate(listed):
            if section_id in named:
                file_id = section_id_of(named[section_id].path)
                if file_id in listed:
                    message, hint = (
                        f"section '{section_id}' names {named[section_id].path.name}, listed "
                        f"already as '{file_id}'",
                        "remove this entry",
                    )
                else:
                    message, hint = (
                        f"section '{section_id}' is a file name; sections lists section ids",
                        f"write '{file_id}': the file's name without its number and .yaml",
                    )
                yield self.report(manifest, ("sections", index), message, hint)
                continue
            if section_id in first_listed:
                line = manifest.where(("sections", first_listed[section_id]))[0]
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' is listed twice (first at line {line})",
                    "list each section once",
                )
                continue
            first_listed[section_id] = index
            found = files_for.get(section_id, [])
            new_id = section_id_of(Path(section_id)) if is_yaml(Path(section_id)) else section_id
            if not found and section_id in renamed:
                moved = renamed[section_id].path
                new_name = named_for(moved, section_id)
                hint = f"rename {shown_name(moved.name)} to {new_name}"
                hint += _or_rename_section(section_id_of(moved), "here")
                hint, places = _git_mv(renamed[section_id], new_name, in_git) or (hint, ())
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' has no file: {shown_name(moved.name)} has its id",
                    hint,
                    places=places,
                )
            elif not found and section_id in misspelt:
                meant = misspelt[section_id]
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' has no file",
                    f"did you mean '{meant}' ({files_for[meant][0].path.name})? write "
                    f"'{meant}' here, or rename the file",
                )
            elif not found and section_id in unread_for:
                text = unread_for.pop(section_id)
                name = unread.pop(text)
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' has no file: {shown_name(text.name)} {name.slip}",
                    f"rename {shown_name(text.name)} to {name.meant} ({name.why})",
                )
            elif not found and SLUG.fullmatch(new_id):  # else the schema says it is no id
                write = "" if new_id == section_id else f"write '{new_id}' (an id), "
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' has no file",
                    f"{write}create {new_id}.yaml (e.g. {index + 1:02d}-{new_id}.yaml) "
                    "or remove it from sections",
                )
            for extra in found[1:]:
                yield self.report(
                    extra,
                    (),
                    f"section '{section_id}' has a second file (first: {found[0].path.name})",
                    "merge the files: a section has exactly one",
                )
        named_paths = {source.path for source in named.values()}
        meant_by = {meant: entry for entry, meant in misspelt.items()}
        renamed_from = {source.path: entry for entry, source in renamed.items()}
        for source in bank.sources:
            section_id = section_id_of(source.path)
            if section_id in listed or source.path in named_paths:
                continue
            if source.path in renamed_from:
                entry = renamed_from[source.path]
                line = manifest.where(("sections", listed.index(entry)))[0]
                new_name = named_for(source.path, entry)
                hint = f"rename it to {new_name}"
                hint += _or_rename_section(section_id, f"at line {line} of bank.yaml")
                hint, places = _git_mv(source, new_name, in_git) or (hint, ())
                yield self.report(
                    source,
                    (),
                    f"{shown_name(source.path.name)} is not listed in bank.yaml, but its id "
                    f"'{entry}' is (line {line}): the file was renamed",
                    hint,
                    places=places,
                )
                continue
            if section_id in meant_by and files_for[section_id][0] is source:
                entry = meant_by[section_id]
                line = manifest.where(("sections", listed.index(entry)))[0]
                yield self.report(
                    source,
                    (),
                    f"{source.path.name} is not listed in bank.yaml, which lists '{entry}' "
                    f"(line {line})",
                    f"if '{entry}' means this file, correct it to '{section_id}'",
                )
                continue
            yield self.report(source, (), *unlisted(source, listed, files_for))
        for path, name in unread.items():  # those no entry was told of
            shown = str(Path(manifest.display).with_name(path.name))
            message, hint = unread_file(path, name, listed, files_for)
            yield Diagnostic(shown, 1, 1, self.severity, self.name, message, hint)
        for source in bank.sources:
            written = written_id(source)
            expected = section_id_of(source.path)
            if written is not None and written != expected and expected in listed:
                yield self.report(
                    source,
                    ("id",),
                    f"the file is named for section '{expected}' but its id is '{written}'",
                    f"set 'id: {expected}', or rename the file and its manifest entry",
                )


def _git_mv(
    source: Source, new_name: str, in_git: Callable[[], bool]
) -> tuple[str, tuple[str, ...]] | None:
    """The hint, and the paths it names, for a rename of the case alone in a git
    repository (``case_alone``); None for any other."""
    git_mv = case_alone(source, new_name)
    return git_mv if git_mv is not None and in_git() else None


def _or_rename_section(new_id: str, where: str) -> str:
    """The other way to mend a renamed section file: the section takes the file's name,
    where that name is an id."""
    if not SLUG.fullmatch(new_id):
        return ""
    return f"; to rename the section, write '{new_id}' {where} and as the file's 'id:'"


def shown(found: Diagnostic) -> Diagnostic:
    """``found``, each character the screen does not show in its message and hint escaped
    and named once (``invisible.shown_finding``)."""
    message, hint = shown_finding(found.message, found.hint)
    return replace(found, message=message, hint=hint)
