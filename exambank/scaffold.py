"""Starting a bank, and a section of one: ``exambank init``, and ``exambank new`` into a
section file that is not there yet.

What is written lints clean: a manifest, and sections with an id, a title and no questions
(or the new question's skeleton), each file headed by the ``# yaml-language-server`` line
that leads an editor to the schemas. A new file is written whole or not at all, and never
over another: a temporary file beside it is read back with lint's reader, and only then
given its name. A command writes all its files or none.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exambank.bank import section_id_of
from exambank.errors import CannotWrite, UsageError
from exambank.file_names import MANIFEST, unread_name
from exambank.init_arguments import SLUG_HINT, folder_id, init_problems, split_section
from exambank.language_codes import primary_language
from exambank.load import iter_yaml_files, read_source
from exambank.manifest_text import with_section
from exambank.model import SLUG_PATTERN
from exambank.replaced_files import as_folder_owner
from exambank.rewrite import NotSaved, Rewrite, RewriteError, read
from exambank.rules.manifest_entries import named_for
from exambank.saving import same_data, save, verify
from exambank.skeleton import as_id, check_question, check_unused, inline, skeleton, with_question
from exambank.source import Source
from exambank.temporary_names import beside

SCHEMAS = "schemas"  # the folder ``exambank schemas`` writes into by default
_MANIFEST_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S*)manifest\.schema\.json", re.M)
# A title made from a section's id capitalises its first word; in German (and
# Luxembourgish), which capitalises every noun, every word ("erste-hilfe": "Erste Hilfe")
# but German's articles, conjunctions and prepositions ("Grundlagen der Elektrotechnik").
_EVERY_WORD = frozenset({"de", "lb"})
_GERMAN_SMALL_WORDS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem"}
    | {"einen", "und", "oder", "sowie", "an", "am", "auf", "aus", "bei", "beim", "bis"}
    | {"durch", "fuer", "gegen", "im", "in", "mit", "nach", "ohne", "um", "unter", "ueber"}
    | {"vom", "von", "vor", "zu", "zum", "zur"}
)


@dataclass(frozen=True)
class NewFile:
    """A file to write: its text, and the data lint must read from it."""

    path: Path
    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Schemas:
    """The folder a bank's first lines lead to, and whether the schemas are in it yet."""

    folder: Path
    found: bool


@dataclass(frozen=True)
class Started:
    """What ``start_bank`` wrote, where its files' first lines say the schemas are, and
    the sections given no title, whose title was made from their id."""

    written: list[Path]
    schemas: Schemas
    untitled: list[str]


def start_bank(folder: Path, title: str, language: str, sections: list[str]) -> Started:
    """Write a new bank into ``folder``, a new folder or one without YAML: its manifest
    and a file per section, each of ``sections`` an id or "id=title" (UsageError,
    nothing written, if it may not be started). The title is written without the blanks
    around it, as a section's is: a quoted "  Title  " would print its spaces."""
    problems = init_problems(folder, title, language, sections)
    if problems:  # every one at once: a run per mistake would be three runs for three
        raise UsageError(*problems)
    title = title.strip()
    titles = dict(map(split_section, sections))
    sections = list(titles)
    bank_id = folder_id(folder)
    schemas = _find_schemas(folder)
    prefix = _prefix(schemas.folder, folder)
    listed = "".join(f"\n  - {inline(section_id)}" for section_id in sections) or " []"
    text = (
        f"{_modeline(prefix, 'manifest')}id: {inline(bank_id)}\ntitle: {inline(title)}\n"
        f"language: {inline(language)}\nsections:{listed}\n"
    )
    data = {"id": bank_id, "title": title, "language": language, "sections": sections}
    width = max(2, len(str(len(sections))))
    files = [NewFile(folder / MANIFEST, text, data)]
    for number, (section_id, given) in enumerate(titles.items(), start=1):
        path = folder / f"{number:0{width}}-{section_id}.yaml"
        files.append(_section_file(path, prefix, given or title_of(section_id, language)))
    untitled = [section_id for section_id, given in titles.items() if given is None]
    return Started(_write_all(files), schemas, untitled)


def title_of(section_id: str, language: str) -> str:
    """A section's title made from its id, for the author to replace: "Erste hilfe",
    and in German "Erste Hilfe"."""
    words, code = section_id.split("-"), primary_language(language)
    if code not in _EVERY_WORD:
        return " ".join(words).capitalize()
    small = _GERMAN_SMALL_WORDS if code == "de" else frozenset()
    return " ".join(
        word if at and word in small else word.capitalize() for at, word in enumerate(words)
    )


def starts_section(path: Path) -> bool:
    """Whether ``exambank new`` into ``path`` starts a section: nothing is there yet, in a
    bank's folder."""
    return not os.path.lexists(path) and (path.parent / MANIFEST).is_file()


def _section_name(path: Path) -> str | None:
    """The section file name ``path`` was most likely meant to have: its name as a YAML
    name ('02-two.yaml' for '02-two.yaml.txt' or '02-two.yaml.yaml'), its id made one
    ('02-netzwerk.yaml' for '02-Netzwerk.yml'); None where no id is left beside the number
    ('02-.yaml', '.yaml'). It may be the manifest's (for 'bank.yml')."""
    unread = unread_name(path)
    name = unread.meant if unread else path.name
    stem = re.sub(r"(?:\.ya?ml)+$", "", name, flags=re.IGNORECASE)
    stem = Path(name).stem if stem == name else stem
    number = re.match(r"\d+-", stem)
    words = as_id(stem[number.end() :] if number else stem)
    if not words or words.isdigit():
        return None
    return f"{number[0] if number else ''}{words}.yaml"


def add_section(path: Path, question_id: str, kind: str, option_count: int) -> Path | None:
    """Write the section ``path`` names, with a question's skeleton, into its bank, and
    list it in the manifest; the manifest if it was changed (UsageError, nothing written,
    if the section may not be started)."""
    check_question(question_id, option_count)
    section_id = section_id_of(path)
    if path.suffix != ".yaml" or not re.fullmatch(SLUG_PATTERN, section_id):
        suggestion = _section_name(path)
        misspelt = suggestion == MANIFEST  # 'bank.yml': never suggested, as it is refused
        example = (
            f"; did you mean {path.with_name(suggestion)}?"
            if suggestion and not misspelt
            else ", e.g. 04-hardware.yaml"
        )
        said = f" is the manifest's name, {MANIFEST}, misspelt" if misspelt else ""
        raise UsageError(
            f"{path}{said}: name a new section file <nn>-<section-id>.yaml or "
            f"<section-id>.yaml, the id in {SLUG_HINT}{example}"
        )
    bank = path.parent
    files = [file for file in iter_yaml_files(bank) if file.name != MANIFEST]
    owner = next((file for file in files if section_id_of(file) == section_id), None)
    if owner is not None:
        raise UsageError(f"{path}: section '{section_id}' is in {owner}; add the question there")
    check_unused(bank, question_id)
    source = _read_manifest(bank / MANIFEST)
    manifest = _listed(bank / MANIFEST, source, section_id)
    raw = (bank / MANIFEST).read_bytes()
    prefix = _manifest_prefix(raw.decode("utf-8-sig")) or _prefix(_find_schemas(bank).folder, bank)
    empty = _section_file(path, prefix, title_of(section_id, _language(source)))
    question = skeleton(question_id, kind, option_count)
    text = with_question(empty.text, question)
    _write_all([NewFile(path, text, {**empty.data, "questions": [question]})], manifest)
    return manifest.path if manifest else None


def listing_note(section: Path, written: object) -> str | None:
    """What to tell an author who added a question to ``section``, a section file whose id
    is ``written``, if the manifest beside it does not list it (lint then checks its form
    only): to list it, and for a copy of a listed section's file, which has that section's
    id, to give it an id of its own first. None if it is listed (by the file's name, as
    lint reads a bank), or there is no manifest to read (lint reports that)."""
    manifest = section.parent / MANIFEST
    try:
        sections = read(manifest).data.get("sections") if manifest.is_file() else None
    except RewriteError:
        return None
    section_id = section_id_of(section)
    if not isinstance(sections, list) or section_id in sections:
        return None
    then = "then exambank lint lists what is still empty"
    if written not in sections:
        return (
            f"bank.yaml does not list section '{written}', so lint checks only the file's "
            f"form: list it in bank.yaml's sections, {then}"
        )
    files = [file for file in iter_yaml_files(section.parent) if file.name != MANIFEST]
    original = next((file for file in files if section_id_of(file) == written), None)
    if original is None:  # renamed: lint reads a listed section from the file named for it
        return (
            f"bank.yaml lists its id '{written}', but lint reads a section from the file named "
            f"for it: rename it {named_for(section, str(written))}"
        )
    own_id = (
        f"write 'id: {section_id}' in it (as its name says) and add '{section_id}'"
        if re.fullmatch(SLUG_PATTERN, section_id)
        else "give it an id of its own, name the file for it and add the id"
    )
    return (
        f"{section.name} looks like a copy of {original.name} (both have id '{written}'), "
        f"and bank.yaml does not list it, so lint checks only its form: to make it a new "
        f"section, {own_id} to bank.yaml's sections; {then}"
    )


def _find_schemas(bank: Path) -> Schemas:
    """The nearest ``schemas/`` with the schemas in it, in the folders above ``bank`` up
    to its repository's (the one with ``.git``); else where ``exambank schemas`` would put
    them: in the repository's folder, the current one if ``bank`` is in it, or two folders
    up, as ``bank/<bank>/`` has it."""
    bank = bank.absolute()
    for folder in bank.parents:
        if (folder / SCHEMAS / "manifest.schema.json").is_file():
            return Schemas(folder / SCHEMAS, True)
        if (folder / ".git").exists():
            return Schemas(folder / SCHEMAS, False)
    here = Path.cwd()
    root = here if here in bank.parents else bank.parents[min(1, len(bank.parents) - 1)]
    return Schemas(root / SCHEMAS, False)


def _prefix(schemas: Path, bank: Path) -> str:
    """What precedes ``manifest.schema.json`` in a first line of ``bank``'s files."""
    return Path(os.path.relpath(schemas, bank.absolute())).as_posix() + "/"


def _manifest_prefix(text: str) -> str | None:
    """The schemas' folder as a manifest's first line names it, if it has that line."""
    found = _MANIFEST_LINE.search(text)
    return found[1] if found else None


def _modeline(prefix: str, kind: str) -> str:
    return f"# yaml-language-server: $schema={prefix}{kind}.schema.json\n"


def _read_manifest(manifest: Path) -> Source:
    """The manifest as lint reads it, once: for its sections and its language."""
    try:
        return read(manifest)
    except RewriteError as error:
        raise UsageError(f"{manifest}:{error.line}:{error.column}: {error}") from None


def _language(manifest: Source) -> str:
    """The language a bank's manifest names (en, the default, if it names none)."""
    language = manifest.data.get("language")  # ``read`` gives a mapping with an id
    return language if isinstance(language, str) else "en"


def _section_file(path: Path, prefix: str, title: str) -> NewFile:
    """A section with an id from its file's name, ``title`` and no questions."""
    section_id = section_id_of(path)
    text = (
        f"{_modeline(prefix, 'section')}id: {inline(section_id)}\ntitle: {inline(title)}\n"
        "questions: []\n"
    )
    return NewFile(path, text, {"id": section_id, "title": title, "questions": []})


def _listed(manifest: Path, source: Source, section_id: str) -> Rewrite | None:
    """The manifest (read into ``source``) with ``section_id`` at the end of its sections,
    checked as ``save`` checks it; None if it lists it already."""
    try:
        sections = source.data.get("sections")
        if isinstance(sections, list) and section_id in sections:
            return None
        raw = manifest.read_bytes()
        bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
        new = bom + with_section(raw.decode("utf-8-sig"), section_id)
        data = {**source.data, "sections": [*(sections or []), section_id]}
        rewrite = Rewrite(manifest, raw, new, data, source)
        verify(rewrite)
    except RewriteError as error:
        raise UsageError(f"{manifest}:{error.line}:{error.column}: {error}") from None
    return rewrite


def _write_all(files: list[NewFile], manifest: Rewrite | None = None) -> list[Path]:
    """Write ``files`` (and the folders they go in), then save ``manifest``: all, or
    nothing."""
    written: list[Path] = []
    made: list[Path] = []
    try:
        for file in files:
            new_folders = [folder for folder in file.path.parents if not folder.exists()]
            made[:0] = new_folders
            try:
                file.path.parent.mkdir(parents=True, exist_ok=True)
                for folder in reversed(new_folders):  # outermost first, as made
                    as_folder_owner(folder, folder.parent)
                _create(file)
            except OSError as error:
                raise CannotWrite(f"{file.path}: cannot write it: {error.strerror}") from None
            written.append(file.path)
        if manifest is not None:
            try:
                save(manifest)
            except RewriteError as error:
                stop = CannotWrite if isinstance(error, NotSaved) else UsageError
                raise stop(f"{manifest.path}: {error}") from None
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return written


def _create(file: NewFile) -> None:
    """Write ``file`` whole or not at all, never over what is at its name."""
    temporary = beside(file.path, "tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(file.text)
            stream.flush()
            os.fsync(stream.fileno())
        source, problems = read_source(temporary)
        if problems or not same_data(source.data, file.data):
            raise UsageError(f"{file.path}: would not read as intended; please report this")
        if os.path.lexists(file.path):
            raise UsageError(f"{file.path}: already there; nothing was written")
        as_folder_owner(temporary, file.path.parent)
        os.replace(temporary, file.path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
