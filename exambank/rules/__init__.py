"""The registry of every rule, by its stable name. Nothing is discovered by magic."""

from __future__ import annotations

from collections.abc import Iterable

from exambank.diagnostics import Diagnostic
from exambank.rules.answer_runs import AnswerRun
from exambank.rules.answers import AnswerCount, AnswerNotInOptions
from exambank.rules.bank_patterns import KeyInOtherStem, SectionCoverage
from exambank.rules.bank_structure import ManifestRule
from exambank.rules.base import BankRule, LoadRule, QuestionRule, Rule
from exambank.rules.comments import CommentInText
from exambank.rules.duplicate_ids import DuplicateId
from exambank.rules.duplicates import DuplicateQuestion
from exambank.rules.empty_text import EmptyText
from exambank.rules.escapes import ControlCharacter, EscapeInText
from exambank.rules.folded_lines import FoldedLines
from exambank.rules.grammatical_cue import GrammaticalCue
from exambank.rules.image_alt import ImageAlt
from exambank.rules.key_patterns import AnswerKeyBalance
from exambank.rules.key_repeats import AnswerAlternation
from exambank.rules.language import LanguageMismatch
from exambank.rules.loading import DuplicateKey, Encoding, FileSize, Schema, YamlSyntax
from exambank.rules.longest_key import LongestOptionKey
from exambank.rules.markup import RawHtml
from exambank.rules.mojibake import Mojibake
from exambank.rules.near_duplicates import NearDuplicate
from exambank.rules.numeric_options import NumericOrder, OverlappingRanges
from exambank.rules.option_cues import AbsoluteTerms, OptionLengthSpread
from exambank.rules.option_rationale import OptionRationale
from exambank.rules.option_wording import (
    AllOfTheAbove,
    CombinationOptions,
    NoneOfTheAbove,
)
from exambank.rules.options import DuplicateOption, OptionLetters, TooFewOptions
from exambank.rules.resources import ExternalResource, MissingResource
from exambank.rules.stem_shape import FillInBlank, StemLeadIn
from exambank.rules.stem_wording import NegativeOptions, NegativeStem
from exambank.rules.suppression import ForbiddenSuppression, UnusedSuppression
from exambank.rules.true_false import TrueFalseOptions
from exambank.rules.unread_image import UnreadImageRule
from exambank.rules.word_repeat import WordRepeat


def _registry(*rules: type[Rule]) -> dict[str, type[Rule]]:
    by_name: dict[str, type[Rule]] = {}
    for rule in rules:
        if rule.name in by_name:
            raise ValueError(f"two rules are named {rule.name!r}")
        by_name[rule.name] = rule
    return by_name


RULES: dict[str, type[Rule]] = _registry(
    YamlSyntax,
    Encoding,
    FileSize,
    DuplicateKey,
    Schema,
    ManifestRule,
    DuplicateId,
    ControlCharacter,
    AnswerNotInOptions,
    AnswerCount,
    OptionLetters,
    TooFewOptions,
    DuplicateOption,
    EmptyText,
    ExternalResource,
    MissingResource,
    UnreadImageRule,
    ImageAlt,
    RawHtml,
    CommentInText,
    EscapeInText,
    FoldedLines,
    Mojibake,
    AnswerKeyBalance,
    LongestOptionKey,
    AllOfTheAbove,
    NoneOfTheAbove,
    NegativeStem,
    NegativeOptions,
    AbsoluteTerms,
    OptionLengthSpread,
    WordRepeat,
    GrammaticalCue,
    NumericOrder,
    OverlappingRanges,
    TrueFalseOptions,
    CombinationOptions,
    FillInBlank,
    StemLeadIn,
    OptionRationale,
    AnswerRun,
    AnswerAlternation,
    DuplicateQuestion,
    NearDuplicate,
    KeyInOtherStem,
    SectionCoverage,
    LanguageMismatch,
    UnusedSuppression,
    ForbiddenSuppression,
)


def unread_files(diagnostics: Iterable[Diagnostic]) -> set[str]:
    """The files (as lint shows them) lint did not read whole: those with a problem
    found while reading them (yaml-syntax, encoding, duplicate-key, schema), such as a
    merge conflict left in them. While one of a bank's files is, a rule that reads the
    whole bank (answer-run, near-duplicate ...) sees part of it only."""
    return {
        found.path
        for found in diagnostics
        if found.rule in RULES and issubclass(RULES[found.rule], LoadRule)
    }


__all__ = ["RULES", "BankRule", "LoadRule", "QuestionRule", "Rule", "unread_files"]
