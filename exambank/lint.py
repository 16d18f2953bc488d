"""The lint engine: find banks, read every file, validate, assemble the model, run rules.

Every problem of every file is collected in one run; nothing stops at the first.
"""

from __future__ import annotations

import gc
import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from exambank import schema
from exambank.bank import Bank, section_id_of
from exambank.config import Config
from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.file_names import (
    MANIFEST,
    is_misnamed_manifest,
    misnamed_manifest,
    shown_name,
    unread_name,
)
from exambank.load import iter_yaml_files, read_source
from exambank.model import LANGUAGE_PATTERN, Manifest, Section
from exambank.paths import (
    bank_above,
    display_path,
    find_banks,
    linked_banks,
    manifest_there,
    no_manifest,
    stray_files,
)
from exambank.rules import RULES, BankRule, QuestionRule
from exambank.rules.base import not_run_because_of_language
from exambank.rules.screen import BankText
from exambank.salvage import section_file, stand_in_manifest
from exambank.suppression import apply_suppressions


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    banks: list[Bank] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # the configuration's, then by bank
    suppressed: list[Suppressed] = field(default_factory=list)  # by a bank file's lint: ignore
    seconds_by_stage: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(found.severity == "error" for found in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(found.severity == "warning" for found in self.diagnostics)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a run; with ``strict``, warnings do too."""
        return bool(self.errors or (strict and self.warnings))


def lint(paths: Iterable[Path], config: Config | None = None) -> LintResult:
    config = config or Config()
    result = LintResult(notes=[*config.selection_notes(), *config.notes])
    paths = list(paths)
    roots = find_banks(paths)
    with _no_cycle_collection():
        for root in roots:
            _lint_one(root, config, result)
    result.diagnostics.extend(config.apply([_in_no_bank(path) for path in stray_files(paths)]))
    read = {root.resolve() for root in roots}
    linked = [path for path in linked_banks(paths) if path.parent.resolve() not in read]
    result.diagnostics.extend(config.apply([_linked_bank(path) for path in linked]))
    result.diagnostics.sort()
    return result


def _rename_misnamed(folder: Path) -> str | None:
    """The hint for a folder whose manifest is misnamed ("bank.yml"), if it is."""
    misnamed = misnamed_manifest(folder)
    if misnamed is None:
        return None
    if unread := unread_name(misnamed):
        return f"rename {shown_name(misnamed.name)} to {MANIFEST} ({unread.why})"
    return f"rename {misnamed.name} to {MANIFEST}: a bank's manifest is read by that name only"


def _in_no_bank(path: Path) -> Diagnostic:
    """A YAML file no bank holds, reported by ``manifest`` as an unlisted file is."""
    shown = display_path(path)
    places: tuple[str, ...] = ()  # the files the message quotes
    if is_misnamed_manifest(path):
        must = f"a bank's manifest must be named {MANIFEST}"
        message, hint = f"{path.name} is not read: {must}", f"rename it to {MANIFEST}"
        if unread := unread_name(path):  # 'bank.yaml.txt' looks right where .txt is hidden
            message = f"{shown_name(path.name)} {unread.slip}: nothing reads it, and {must}"
            hint += f" ({unread.why})"
    elif manifest_there(path.parent):
        message = f"{path.name} is in no bank: {no_manifest(path.parent)}"
        hint = "replace it with a manifest file: id, title and the list of sections"
    elif not misnamed_manifest(path.parent) and (above := bank_above(path.parent)):
        manifest = display_path(above / MANIFEST)
        message = f"{path.name} is in no bank: {manifest} reads only the files beside it"
        hint = f"move it beside {manifest} and list it there; nothing checks or builds it here"
        places = (manifest,)
    else:
        message = f"{path.name} is in no bank (no {MANIFEST} in its folder or above it)"
        hint = _rename_misnamed(path.parent) or (
            f"move it into a bank folder and list it in that bank's {MANIFEST}, or give its "
            f"folder a {MANIFEST}; nothing checks or builds it where it is"
        )
    return Diagnostic(shown, 1, 1, "error", "manifest", message, hint, places=places)


def _linked_bank(manifest: Path) -> Diagnostic:
    """A bank whose folder is a link, which the search did not follow, reported by
    ``manifest`` at its bank.yaml."""
    folder = display_path(manifest.parent)
    return Diagnostic(
        display_path(manifest),
        1,
        1,
        "error",
        "manifest",
        f"the bank in {folder} is not read: its folder is a link "
        f"(to {os.readlink(manifest.parent)}), and banks are not looked for through links",
        f"put the bank's folder there in place of the link, or lint it on its own "
        f"(exambank lint {folder}); nothing checks or builds it here",
        places=(folder,),
    )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a bank is checked.

    Reading builds hundreds of thousands of small objects, none of them in reference
    cycles, and each full collection rescans all of them: on the 10,000-question bench
    bank the collector cost about 0.45 s of a 1.7 s lint. Reference counting still frees
    everything; the collector resumes, as it was, when lint returns.

    Objects made while it was paused all still count as new, so the first collection
    after it resumes would scan them all at once (0.1 s on the bench bank). Freezing and
    unfreezing moves them to the oldest generation without a scan, where they wait for
    the next full collection like any long-lived data.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _lint_one(root: Path, config: Config, result: LintResult) -> None:
    bank, found = _lint_bank(root, config, result.seconds_by_stage)
    found = config.apply(found)
    if bank is not None:
        found, suppressed = apply_suppressions(bank, found, config)
        result.suppressed.extend(suppressed)
        result.banks.append(bank)
        if note := _language_note(bank, config):
            result.notes.append(note)
    result.diagnostics.extend(found)


def _language_note(bank: Bank, config: Config) -> Note | None:
    """Which enabled rules did not run, as they read wording in other languages than
    the bank's; None if every one ran, or if the language is no tag (the schema says so,
    and a note on it would only be noise)."""
    language = bank.manifest.language
    if not re.fullmatch(LANGUAGE_PATTERN, language):
        return None
    not_run = [
        rule
        for rule in RULES.values()
        if config.enabled(rule.name) and not rule.applies_to(language)
    ]
    if not not_run:
        return None
    line, column = bank.manifest_source.where(("language",))
    message = f"the bank's language is '{language}': {not_run_because_of_language(not_run)}"
    return Note(bank.manifest_source.display, line, column, message, len(not_run))


def _manifest_hint(manifest: Path) -> str:
    """How to give a bank the manifest ``manifest`` should be."""
    if manifest.is_symlink() and not manifest.exists():
        return "point the link at the bank's manifest, or replace it with the file"
    if manifest.is_dir():
        return "move the folder away and write the manifest there: id, title and sections"
    return "add a manifest with id, title and the list of sections"


def _lint_bank(
    root: Path, config: Config, seconds: dict[str, float]
) -> tuple[Bank | None, list[Diagnostic]]:
    found: list[Diagnostic] = []
    clock = time.perf_counter()
    manifest_path = root / MANIFEST
    misnamed = None  # a bank.yml standing for the manifest is no section, though YAML
    if not manifest_path.is_file():
        hint = _rename_misnamed(root) or _manifest_hint(manifest_path)
        misnamed = misnamed_manifest(root)
        # at a file that is there: the misnamed manifest, if nothing stands at bank.yaml
        at = (None if manifest_there(root) else misnamed) or manifest_path
        found.append(
            Diagnostic(display_path(at), 1, 1, "error", "manifest", no_manifest(root), hint)
        )
    limit = config.max_file_bytes
    shown = display_path(manifest_path)
    manifest_source, problems = read_source(manifest_path, shown, size_limit=limit)
    if manifest_path.is_file():
        found.extend(problems)
    sources = []
    for path in iter_yaml_files(root):
        if path.name != MANIFEST and path != misnamed:
            source, problems = read_source(path, display_path(path), size_limit=limit)
            sources.append(source)
            found.extend(problems)
    _add(seconds, "read", clock)

    clock = time.perf_counter()
    manifest = None
    if manifest_source.data is not None:
        valid, problems = schema.validate(manifest_source, Manifest)
        found.extend(problems)
        manifest = valid if isinstance(valid, Manifest) else None
    files = []
    for source in sources:
        if source.data is None:
            continue
        section, problems = schema.validate(source, Section)
        found.extend(problems)
        file = section_file(source, section)
        if file is not None:
            files.append(file)
    _add(seconds, "schema", clock)
    if manifest is None:  # reported above; check the sections all the same
        manifest = stand_in_manifest(root, manifest_source, sources)

    # A file the manifest does not list is not part of the bank: the build prints only
    # listed sections, so the rules (and bank-wide counts) cover only those.
    order = {section_id: index for index, section_id in enumerate(manifest.sections)}
    listed = [file for file in files if section_id_of(file.source.path) in order]
    unlisted = [file for file in files if section_id_of(file.source.path) not in order]
    listed.sort(key=lambda file: (order.get(file.section.id, len(order)), file.source.display))
    bank = Bank(root, manifest, manifest_source, listed, sources, unlisted)
    found.extend(_run_rules(bank, config, seconds))
    return bank, found


def _run_rules(bank: Bank, config: Config, seconds: dict[str, float]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    refs = list(bank.questions())
    text = BankText(refs)
    for name, rule_class in RULES.items():
        if not config.enabled(name) or not rule_class.applies_to(bank.manifest.language):
            continue
        clock = time.perf_counter()
        options = config.options_for(name)
        rule = rule_class()
        if isinstance(rule, QuestionRule):
            screen = rule.screen_in(options, bank.manifest.language)
            for ref in refs if screen is None else text.matching(screen):
                found.extend(rule.check(ref, options))
        elif isinstance(rule, BankRule):
            found.extend(rule.check(bank, options))
        _add(seconds, f"rule {name}", clock)
    return found


def _add(seconds: dict[str, float], stage: str, since: float) -> None:
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - since
