"""How a bank's files fit together: the manifest, and ids unique across files."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank, section_id_of
from exambank.diagnostics import Diagnostic
from exambank.load import JsonPath, Source
from exambank.rules.base import BankRule, Options


class ManifestRule(BankRule):
    """The manifest's `sections` and the section files disagree.

    Each id in `bank.yaml`'s `sections` needs exactly one file named
    `<nn>-<id>.yaml` whose `id` is that id; each section file must be listed.

    Bad:
        sections: [sagemaker, amt]     # but only 01-sagemaker.yaml exists

    Good:
        sections: [sagemaker]
    """

    name = "manifest"
    severity = "error"

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        listed = bank.manifest.sections
        files_for: dict[str, list[Source]] = {}
        for source in bank.sources:
            files_for.setdefault(section_id_of(source.path), []).append(source)
        manifest = bank.manifest_source
        first_listed: dict[str, int] = {}
        for index, section_id in enumerate(listed):
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
            if not found:
                yield self.report(
                    manifest,
                    ("sections", index),
                    f"section '{section_id}' has no file",
                    f"create {section_id}.yaml (e.g. {index + 1:02d}-{section_id}.yaml) "
                    "or remove it from sections",
                )
            for extra in found[1:]:
                yield self.report(
                    extra,
                    (),
                    f"section '{section_id}' has a second file (first: {found[0].path.name})",
                    "merge the files: a section has exactly one",
                )
        for section_id, sources in files_for.items():
            if section_id not in listed:
                yield self.report(
                    sources[0],
                    (),
                    f"{sources[0].path.name} is not listed in bank.yaml",
                    f"add '{section_id}' to the manifest's sections, or delete the file",
                )
        for source in bank.sources:
            written = source.data.get("id") if isinstance(source.data, dict) else None
            expected = section_id_of(source.path)
            if isinstance(written, str) and written != expected and expected in listed:
                yield self.report(
                    source,
                    ("id",),
                    f"the file is named for section '{expected}' but its id is '{written}'",
                    f"set 'id: {expected}', or rename the file and its manifest entry",
                )


class DuplicateId(BankRule):
    """A section or question id is used twice in the bank.

    Ids name questions in exports, answer keys and suppressions, so each must be unique
    across the whole bank. The message names both places.

    Bad:
        - id: amt-q1
          ...
        - id: amt-q1

    Good:
        - id: amt-q1
          ...
        - id: amt-q2
    """

    name = "duplicate-id"
    severity = "error"
    # Ids name questions in suppressions, exports and answer keys: never switched off.
    switchable = False

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        # Where each id was first used, as (file, path): placed only for the few reports.
        sections: dict[str, tuple[Source, JsonPath]] = {}
        questions: dict[str, tuple[Source, JsonPath]] = {}
        for file in bank.files:
            section_id = file.section.id
            yield from self._claim(sections, section_id, file.source, ("id",), "section", None)
            for index, question in zip(file.indices, file.section.questions, strict=True):
                path = ("questions", index, "id")
                yield from self._claim(
                    questions, question.id, file.source, path, "question", question.id
                )

    def _claim(
        self,
        first: dict[str, tuple[Source, JsonPath]],
        key: str,
        source: Source,
        path: JsonPath,
        kind: str,
        question: str | None,
    ) -> Iterator[Diagnostic]:
        if key in first:
            used_in, used_at = first[key]
            yield self.report(
                source,
                path,
                f"{kind} id '{key}' is already used at "
                f"{used_in.display}:{used_in.where(used_at)[0]}",
                "give each section and question its own id",
                question,
            )
        else:
            first[key] = (source, path)
