"""Text that is present but says nothing."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options
from exambank.source import JsonPath, Source


class EmptyText(BankRule):
    """A title, stem, option, explanation, key term or exam tip is blank.

    Blank means nothing but spaces after stripping; a blank option prints as an empty
    bullet, a blank explanation leaves the trainer with nothing to say, and a blank title
    (the bank's, or a section's) prints an empty cover or heading. A '|' or '>' text
    left empty because its lines are not indented under its key is a `yaml-syntax`
    error instead, told at those lines.

    Bad:
        stem: "   "

    Good:
        stem: Which service trains models?
    """

    name = "empty-text"
    severity = "error"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        if not bank.manifest.title.strip() and isinstance(bank.manifest_source.data, dict):
            yield from self._blank(bank.manifest_source, ("title",), "the bank's title")
        for file in bank.files:
            section = file.section
            if not section.title.strip():
                yield from self._blank(file.source, ("title",), "the section's title")
            for index, term in enumerate(section.key_terms):
                for field in ("term", "definition"):
                    if not getattr(term, field).strip():
                        path = ("key_terms", index, field)
                        yield from self._blank(file.source, path, f"key term {index + 1}, {field}")
            for index, tip in enumerate(section.exam_tips):
                if not tip.strip():
                    tip_path = ("exam_tips", index)
                    hint = "write the tip, or remove the entry"
                    yield from self._blank(
                        file.source, tip_path, f"exam tip {index + 1}", hint=hint
                    )
            for index, question in zip(file.indices, section.questions, strict=True):
                texts: dict[str, str] = {"stem": question.stem, "explanation": question.explanation}
                for field, text in texts.items():
                    if not text.strip():
                        path = ("questions", index, field)
                        yield from self._blank(file.source, path, field, question.id)
                for letter, option in question.options.items():
                    if not (option if isinstance(option, str) else option.text).strip():
                        option_path = ("questions", index, "options", letter)
                        label = f"option {letter}"
                        hint = "write the text (or remove the option and reletter the rest)"
                        yield from self._blank(file.source, option_path, label, question.id, hint)

    def _blank(
        self,
        source: Source,
        path: JsonPath,
        label: str,
        question: str | None = None,
        hint: str = "write the text",  # a stem, explanation or key term is required
    ) -> Iterator[Diagnostic]:
        # A block text whose lines YAML read as keys, not indented under it: told where
        # the file was read, and said there to be indented, not written.
        if path not in source.block_text_keys.values():
            yield self.report(source, path, f"{label} is blank", hint, question)
