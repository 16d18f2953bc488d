"""Read ``[tool.exambank]`` from ``pyproject.toml``: every mistake is a located diagnostic.

Here the file is found and read as TOML (a file that cannot be read, or is no valid TOML,
is reported where it fails); ``exambank.config_table`` checks the table's keys and values.
TOML readers give no positions, so a small scanner notes the line of every table header
and key; a mistake is reported at the key or rule name it is about, and a value of the
wrong kind or out of range at the value.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path
from typing import Any

from exambank.config import (
    ALL,
    Config,
    ConfigError,
    matches_glob,
    normal_glob,
    switchable,
)
from exambank.config_table import TableParser
from exambank.diagnostics import Diagnostic, Note
from exambank.paths import display_path, yaml_files
from exambank.rules import RULES
from exambank.source import position_of_byte
from exambank.toml_source import (
    TOML_POSITION,
    Locator,
    deepest_nesting,
    explain_error,
    merge_conflicts,
    toml_lines,
)
from exambank.toml_unclosed import explain_unclosed
from exambank.unreadable_files import holds_in_utf16, saved_as_utf16

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
NAME = "exambank"  # of the table [tool.exambank]
# Windows PowerShell 5.1's > and Out-File write UTF-16 by default, as Notepad's "Unicode" does
_SAVE_UTF16_AS_UTF8 = (
    "save the file as UTF-8, as TOML files are (Notepad: Save as -> Encoding: UTF-8; in "
    "Windows PowerShell, write it with Out-File -Encoding utf8, not >)"
)


def load(
    explicit: Path | None = None, start: Path | None = None, *, nothing_was: str = "checked"
) -> Config:
    """The configuration in ``explicit``, else in the nearest ``pyproject.toml`` with a
    ``[tool.exambank]`` table at or above ``start`` (the working folder) and no higher
    than its repository's root, else defaults. A table with problems stops the command,
    which did nothing: "nothing was ``nothing_was``" ("built")."""
    if explicit is not None:
        return read(explicit, nothing_was)
    found = find(start or Path.cwd())
    return Config() if found is None else read(found, nothing_was)


def find(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.exambank]`` table, at ``start`` or
    above it. The search ends at a repository's root (the folder holding ``.git``, a
    folder or, in a worktree, a file): a table in a parent folder, a home folder's or a
    monorepo's, would configure one author's checkout and not another's."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / PYPROJECT
        if (
            candidate.is_file()
            and _may_configure(candidate)
            and _exambank_table(_read_toml(candidate)[1]) is not None
        ):
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def _may_configure(path: Path) -> bool:
    """Whether ``path`` mentions exambank at all: another project's pyproject.toml above
    the bank, broken or not UTF-8, must not stop a run it has nothing to say about. One
    that does, in any encoding, is read, and one that is not UTF-8 stops the run: saved
    as UTF-16 (Notepad's "Unicode", Windows PowerShell's >), a file that holds
    [tool.exambank] would otherwise be passed over, and its rules with it."""
    try:
        raw = path.read_bytes()
    except OSError:
        return True  # reading it again reports why it cannot be read
    return NAME.encode() in raw or holds_in_utf16(raw, NAME)


def read(path: Path, nothing_was: str = "checked") -> Config:
    text, data = _read_toml(path)
    table = _exambank_table(data)
    display = display_path(path)
    if table is None:
        raise ConfigError(f"{display} has no [tool.exambank] table")
    parser = TableParser(Locator(text, display))
    config = parser.parse(table, root=path.resolve().parent)
    if parser.problems:
        count = len(parser.problems)
        raise ConfigError(
            f"{count} problem{'s' if count > 1 else ''} in [tool.exambank] of {display}; "
            f"nothing was {nothing_was}",
            sorted(parser.problems),  # as written in the file, not as the keys were read
        )
    config.notes = _unmatched_globs(config, parser.where)
    if not any(map(switchable, config.select)):
        config.empty_selection = _empty_selection(table, parser.where)
    return config


def _empty_selection(table: dict[str, Any], where: Locator) -> Note:
    """The note for a configuration that selects no rule that can be switched off, at
    the setting that chose the rules: ``select``, else ``ignore``, else the table."""
    always = ", ".join(name for name in RULES if not switchable(name))
    mend = 'list the rules to run in select ("ALL": every rule), or remove it for the default set'
    if "select" in table:
        line, column = where.value(("tool", "exambank", "select"))
        named = table["select"] if isinstance(table["select"], list) else []
        if any(name == ALL or switchable(name) for name in named):  # all turned off again
            mend = (
                'every rule select names is turned off by ignore or severity = "off", which '
                'win over select: take them out of ignore, or drop their severity = "off"'
            )
    elif "ignore" in table:
        line, column = where.value(("tool", "exambank", "ignore"))
        mend = "take rules out of ignore"
    else:
        line, column = where(("tool", "exambank"), None)
        mend = "switch rules back on"
    message = (
        f"no rule is selected, so only the checks that cannot be switched off ran ({always}): "
        f"{mend}"
    )
    return Note(where.display, line, column, message)


def _unmatched_globs(config: Config, where: Locator) -> list[Note]:
    """A note at each per-file-ignores glob that matches no YAML file under the
    configuration's folder: misspelt, or left behind when its files went. (Not an error:
    the findings it was to silence still show, or there are none left to silence.)"""
    notes = []
    for glob in config.per_file_ignores:
        if not _matches_a_file(config.root, glob):
            line, column = where(("tool", "exambank", "per-file-ignores", glob), glob)
            message = (
                f"per-file-ignores: '{glob}' matches no YAML file, so it switches nothing "
                f"off (a glob is relative to the folder of {where.display}, and '*' crosses "
                "folders); mend its path, or remove it if its files are gone"
            )
            notes.append(Note(where.display, line, column, message, places=(where.display,)))
    return notes


def _matches_a_file(root: Path, glob: str) -> bool:
    """Whether ``glob`` matches a YAML file lint could read or report on under ``root``
    (a '02-amt.yaml.txt' it names as not read is silenced by a glob too). Only the folder
    its fixed part names is searched ('bank/legacy' of 'bank/legacy/*.yaml'), and only
    until a file matches: a repository's other files cost nothing."""
    fixed = re.split(r"[*?\[]", normal_glob(glob), maxsplit=1)[0]
    top = root / fixed.rsplit("/", 1)[0] if "/" in fixed else root
    if not top.is_dir() or not top.resolve().is_relative_to(root.resolve()):
        return False  # no such folder, or outside the root, where no glob applies
    return any(matches_glob(path.relative_to(root).as_posix(), glob) for path in yaml_files(top))


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    display = display_path(path)

    def problem(line: int, column: int, message: str, hint: str | None) -> Diagnostic:
        return Diagnostic(display, line, column, "error", "config", message, hint)

    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/zero: endless
        raise ConfigError(f"cannot read {display}: a device or a pipe, not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read {display}: {error.strerror}") from None
    utf16 = saved_as_utf16(raw)
    if utf16 is not None:  # no one byte is to blame
        found = problem(1, 1, f"the file is saved as {utf16}, not UTF-8", _SAVE_UTF16_AS_UTF8)
        raise ConfigError(f"{display} is saved as UTF-16, not UTF-8", [found])
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM, as Notepad writes one
    except UnicodeDecodeError as error:  # located, as a bank file's would be
        bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # not shown
        line, column = position_of_byte(raw[bom:], error.start - bom)
        found = problem(
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (TOML files are UTF-8)",
        )
        raise ConfigError(f"{display} is not UTF-8", [found]) from None
    lone_cr = re.search(r"\r(?!\n)", text)
    if lone_cr:  # TOML ends lines at LF or CRLF; an old Mac editor's CR is neither
        lines = toml_lines(text[: lone_cr.start()])
        found = problem(
            len(lines),
            len(lines[-1]) + 1,
            "not valid TOML: a carriage return (CR) alone is no line end TOML knows",
            "save the file with LF or CRLF line ends (most editors: 'Line endings')",
        )
        raise ConfigError(f"{display} is not valid TOML", [found])
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        conflicts = merge_conflicts(text)  # where TOML fails on a marker, or before one
        if conflicts:
            found_all = [problem(*conflict) for conflict in conflicts]
            raise ConfigError(f"{display} holds an unresolved merge conflict", found_all) from None
        where = TOML_POSITION.search(str(error))
        lines = toml_lines(text.rstrip("\r\n"))
        line, column = len(lines), max(len(lines[-1]), 1)  # "at end of document"
        at_end = not (where and where[1])
        if where and where[1]:
            line, column = int(where[1]), int(where[2])
        reason = TOML_POSITION.sub("", str(error))
        line, column, message, hint = explain_unclosed(
            reason, text, line, column, at_end
        ) or explain_error(reason, toml_lines(text), line, column)
        found = problem(line, column, f"not valid TOML: {message}", hint)
        raise ConfigError(f"{display} is not valid TOML", [found]) from None
    except RecursionError:  # tomllib reads a nested value by recursing, level by level
        line, column, depth = deepest_nesting(text)
        found = problem(
            line,
            column,
            f"a value nested too deeply to read ({depth} levels of lists or tables)",
            'exambank\'s settings nest two levels at most: ignore = ["answer-run"]',
        )
        raise ConfigError(f"{display} has a value nested too deeply", [found]) from None


def _exambank_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("exambank") if isinstance(tool, dict) else None
