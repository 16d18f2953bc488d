"""What ``exambank init`` checks of its arguments before it writes anything: the folder,
the bank id its name gives, the title, the language tag and the sections (an id each,
and a title after '=' where one is given)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from exambank.errors import UsageError
from exambank.file_names import MANIFEST, is_yaml
from exambank.language_codes import code_of
from exambank.model import LANGUAGE_PATTERN, SLUG_PATTERN
from exambank.schema_words import language_hint
from exambank.skeleton import as_id

_LINE_BREAK = re.compile("[\r\n\x85\u2028\u2029]")
SLUG_HINT = "lowercase letters, digits and single hyphens"


def init_problems(folder: Path, title: str, language: str, sections: list[str]) -> list[str]:
    """Everything wrong with ``init``'s arguments, one message each."""
    problems = [
        problem for check in (check_new_folder, folder_id) for problem in _problem(check, folder)
    ]
    return problems + _argument_problems(title, language, sections)


def _problem(check: Callable[[Path], object], folder: Path) -> list[str]:
    """What ``check`` says is wrong with ``folder``, if anything."""
    try:
        check(folder)
    except UsageError as error:
        return list(error.messages)
    return []


def _argument_problems(title: str, language: str, sections: list[str]) -> list[str]:
    """What is wrong with ``init``'s --title, --language and --sections."""
    problems = []
    if not title.strip():
        what = "empty" if not title else "blank"
        problems.append(f"--title is {what}: give the bank's title, as the handouts print it")
    elif _LINE_BREAK.search(title):
        problems.append("--title: give the bank's title on one line, as the handouts print it")
    if not re.fullmatch(LANGUAGE_PATTERN, language):
        problems.append(f"--language '{language}' is not a language tag: {language_hint(language)}")
    elif coded := code_of(language):
        problems.append(
            f"--language '{language}' is the ISO 639-2 code of {coded[1]}: write its "
            f"BCP 47 tag; did you mean '{coded[0]}'?"
        )
    try:
        check_sections(sections)
    except UsageError as error:
        problems += error.messages
    return problems


def check_new_folder(folder: Path) -> None:
    """UsageError if a bank may not be started in ``folder``: a file or link there, a
    folder that holds YAML or banks, one in a bank."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        what = "a link" if folder.is_symlink() else "not a folder"
        raise UsageError(f"{folder}: {what}; name a new folder for the bank")
    for parent in folder.absolute().parents:
        if (parent / MANIFEST).is_file():
            raise UsageError(
                f"{folder}: in the bank {parent}, whose subfolders lint does not read; "
                "start the bank beside it"
            )
    if (folder / MANIFEST).is_file():
        raise UsageError(
            f"{folder}: already a bank; add a section with exambank new QUESTION-ID "
            f"--section {folder / '<nn>-<section-id>.yaml'}"
        )
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if is_yaml(entry):
            raise UsageError(f"{folder}: holds {entry.name}; start the bank in a new folder")
        if (entry / MANIFEST).is_file():
            raise UsageError(
                f"{folder}: holds the bank {entry.name}; start the new one beside it, "
                f"in {folder / '<bank-id>'}"
            )


def folder_id(folder: Path) -> str:
    """The bank's id: the folder's name."""
    name = folder.resolve().name
    if re.fullmatch(SLUG_PATTERN, name):
        return name
    suggestion = as_id(name)
    new_name = suggestion or "my-bank"
    renamed = folder.with_name(new_name) if folder.name not in ("", "..") else new_name
    example = f"; did you mean {renamed}?" if suggestion else f", e.g. {renamed}"
    raise UsageError(
        f"{folder}: the folder's name is the bank's id, and '{name}' is not one: use "
        f"{SLUG_HINT}{example}"
    )


def split_section(item: str) -> tuple[str, str | None]:
    """A section of --sections: its id, and the title after its first '=' if it has one
    ("erste-hilfe=Erste Hilfe"), each without the spaces around it."""
    section_id, equals, title = item.partition("=")
    return section_id.strip(), title.strip() if equals else None


def check_sections(sections: list[str]) -> None:
    """UsageError naming every id of ``sections`` (each "id" or "id=title") that is not a
    section id, in one message with one suggestion for the whole list; every id named
    twice; and every '=' with no id before it or no title after it."""
    split = [split_section(item) for item in sections]
    problems = [
        problem
        for item, (section_id, title) in zip(sections, split, strict=True)
        if (problem := _title_problem(item, section_id, title))
    ]
    # "=Erste Hilfe" is told apart above: no id, not a malformed one
    ids = [section_id for section_id, title in split if section_id or title is None]
    malformed = [name for name in ids if not re.fullmatch(SLUG_PATTERN, name)]
    if malformed:
        shown = [f"'{name}'" if name else "an empty name" for name in dict.fromkeys(malformed)]
        named = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
        verb = "is not a section id" if len(shown) == 1 else "are not section ids"
        # Each id once: "Basics,basics" is one section, and a suggestion naming it twice
        # would be refused in turn; each with the title the author gave it, quoted for
        # the shell where it has a space ("erste-hilfe=Erste Hilfe")
        suggested: dict[str, str | None] = {}
        for section_id, title in split:
            kept = title if title and not _LINE_BREAK.search(title) else None
            suggested.setdefault(as_id(section_id or title or ""), kept)
        suggestions = ",".join(
            section_id if title is None else f"{section_id}={title}"
            for section_id, title in suggested.items()
        )
        example = (
            f"; did you mean --sections {shlex.quote(suggestions)}?{_merged(ids)}"
            if all(suggested)
            else ", e.g. --sections basics,ohm,power"
        )
        problems.insert(
            0, f"--sections: {named} {verb}: use {SLUG_HINT}, separated by commas{example}"
        )
    valid = [name for name in ids if name not in malformed]
    repeated = dict.fromkeys(name for at, name in enumerate(valid) if name in valid[:at])
    problems += [f"--sections: '{name}' is named twice" for name in repeated]
    if problems:
        raise UsageError(*problems)


def _title_problem(item: str, section_id: str, title: str | None) -> str | None:
    """What is wrong with a section written "id=title", if anything."""
    if title is None:
        return None
    if not section_id:
        said = f"--sections: '{item}' names no section id before its '=': write id=title"
        suggestion = as_id(title)
        if suggestion and suggestion == title:  # "=ohm" is an id: "ohm=ohm" would say nothing
            return f"{said}, or {title} alone to take the title from the id"
        example = f"{suggestion}={title}" if suggestion else "erste-hilfe=Erste Hilfe"
        return f"{said}, e.g. --sections {shlex.quote(example)}"
    if not title:
        return (
            f"--sections: '{section_id}=' gives no title after its '=': write "
            f"{section_id}=title, or {section_id} alone to take the title from the id"
        )
    if _LINE_BREAK.search(title):
        return f"--sections: give the title of '{section_id}' on one line"
    return None


def _merged(sections: list[str]) -> str:
    """What the suggestion makes one section of two names, said, so that it is not done
    silently ("A b" and "a-b" both give a-b); "" where it merges none."""
    names: dict[str, list[str]] = {}
    for name in dict.fromkeys(sections):
        names.setdefault(as_id(name), []).append(name)
    merged = [(given, found) for found, given in names.items() if len(given) > 1]
    return "".join(
        f" ({' and '.join(repr(name) for name in given)} both give {found}: rename one to keep "
        "two sections)"
        for given, found in merged
    )
