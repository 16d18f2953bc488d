"""What a rule is. Rules yield plain diagnostics; they never print, exit or format."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Literal

from exambank.bank import Bank, QuestionRef
from exambank.diagnostics import Diagnostic, Severity
from exambank.language_codes import language_name, primary_language
from exambank.rules.screen import Screen
from exambank.source import JsonPath, Position, Source

Options = Mapping[str, Any]
Least = Literal["at least", "above"]


class Rule:
    """Base of every rule. The subclass docstring is the rule's user documentation: a
    summary line, what it checks and why, then ``Bad:`` and ``Good:`` examples."""

    name: ClassVar[str]
    severity: ClassVar[Severity]
    # Defaults of the rule's options. Numbers are positive; `p_value`, `threshold` and
    # `*_share` are proportions between 0 and 1 (the configuration checks both).
    options: ClassVar[dict[str, Any]] = {}
    # Numeric options whose least value is more than 0: "at least" or "above" a bound, as a
    # run of key letters is two questions or more (the configuration checks it too).
    option_least: ClassVar[dict[str, tuple[Least, float]]] = {}
    # Off by default until its measured precision is good enough (docs/rule-precision.md).
    enabled_by_default: ClassVar[bool] = True
    # Whether configuration or a suppression may turn the rule off.
    switchable: ClassVar[bool] = True
    # Whether its findings name the question they are about, where a question's
    # ``lint: {ignore: [...]}`` can suppress them.
    on_questions: ClassVar[bool] = False
    # Whether its findings are about the bank's order, not the questions they name (a key
    # letter in a run): ``stats`` counts them apart from the questions' own flaws.
    about_order: ClassVar[bool] = False
    # Whether its findings change what prints (text cut or run together, an image with no
    # description, the handouts' words in the wrong language): ``build`` lists them in full
    # where it only counts the other warnings.
    changes_print: ClassVar[bool] = False
    # The languages whose wording the heuristic reads, as BCP 47 primary subtags: a rule
    # that looks for "None of the above" runs only on a bank written in one of them (the
    # manifest's ``language``). None: any language (it reads structure, letters, numbers).
    languages: ClassVar[tuple[str, ...] | None] = None

    @classmethod
    def applies_to(cls, language: str) -> bool:
        """Whether the rule can judge a bank written in ``language`` (a BCP 47 tag:
        "en-GB" is English)."""
        return cls.languages is None or primary_language(language) in cls.languages

    @classmethod
    def identity(cls, message: str) -> str:
        """What of a finding's ``message`` tells it from the rule's other findings on the
        same question, for its fingerprint (exambank.fingerprint): all of it, unless the
        message also says what changes while the finding stays."""
        return message

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


def either(words: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return " or ".join([", ".join(words[:-1]), words[-1]] if len(words) > 2 else words)


def all_of(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 2 else words)


def language_names(languages: tuple[str, ...]) -> str:
    """ "English" for ``("en",)``, "English, German or Russian" for three; a tag without a
    name here is shown as itself."""
    return either([language_name(tag) for tag in languages])


def _english_first(tag: str) -> tuple[bool, str]:
    return tag != "en", tag


def not_run_because_of_language(rules: list[type[Rule]]) -> str:
    """Why ``rules`` (each scoped to some languages) did not run, in words."""
    scopes = sorted({tag for rule in rules for tag in rule.languages or ()}, key=_english_first)
    wording = f"{language_names(tuple(scopes))} wording"
    if len(rules) == 1:
        return f"{rules[0].name} reads {wording}, so it did not run"
    names = ", ".join(rule.name for rule in rules)
    return f"{len(rules)} rules read {wording}, so they did not run ({names})"


class LoadRule(Rule):
    """Checked while a file is read and validated against its schema (no ``check``).
    Never switched off: nothing else could be checked in a file's place."""

    switchable = False


class QuestionRule(Rule):
    """Checked on each question that passed the schema."""

    on_questions = True

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def screen(self, options: Options) -> Screen | None:
        """A pattern without which ``check`` finds nothing, to skip the questions it does
        not match (rules/screen.py); None checks every question."""
        return None

    def screen_in(self, options: Options, language: str) -> Screen | None:
        """``screen`` for a bank written in ``language`` (a BCP 47 tag): a rule that reads
        each language's own words need not look for the other languages' words."""
        return self.screen(options)

    def report(
        self, ref: QuestionRef, keys: tuple[str | int, ...], message: str, hint: str | None = None
    ) -> Diagnostic:
        return ref.diagnostic(self.name, self.severity, keys, message, hint)


class BankRule(Rule):
    """Checked once on the whole bank."""

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def report(
        self,
        source: Source,
        path: JsonPath,
        message: str,
        hint: str | None = None,
        question: str | None = None,
        at: Position | None = None,
        places: tuple[str, ...] = (),
    ) -> Diagnostic:
        """A finding at the value ``path`` of ``source`` (or at the position ``at``);
        ``places``: the files its message quotes (``Diagnostic.places``)."""
        line, column = at or source.where(path)
        return Diagnostic(
            source.display, line, column, self.severity, self.name, message, hint, question, places
        )
