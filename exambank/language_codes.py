"""The other ways authors write the languages exambank has words for: the three-letter
ISO 639-2 codes (a school's systems use "deu" or "ger") and the languages' names
("German", "Deutsch"). BCP 47 takes a language's two-letter code where it has one (RFC
5646, section 2.2.1), and only that tag picks the handouts' words, the reading of numbers
and the rules that read wording: "ger" is well formed, but no tag of German."""

from __future__ import annotations

import re
from typing import NamedTuple

from exambank.model import LANGUAGE_PATTERN


class Language(NamedTuple):
    codes: str  # ISO 639-2/T, then /B where it differs
    name: str  # in English
    own_names: str  # as the language writes it, with and without its accents


_LANGUAGES = {
    "en": Language("eng", "English", ""),
    "de": Language("deu ger", "German", "deutsch"),
    "fr": Language("fra fre", "French", "français francais"),
    "es": Language("spa", "Spanish", "español espanol castellano"),
    "pt": Language("por", "Portuguese", "português portugues"),
    "it": Language("ita", "Italian", "italiano"),
    "nl": Language("nld dut", "Dutch", "nederlands"),
    "pl": Language("pol", "Polish", "polski"),
    "ru": Language("rus", "Russian", "русский"),
}


def language_name(tag: str) -> str:
    """The English name of the language of ``tag`` ("pt-BR" -> "Portuguese"), if this
    module knows it; else the tag itself."""
    known = _LANGUAGES.get(primary_language(tag))
    return known.name if known else tag


def primary_language(tag: str) -> str:
    """The language of a BCP 47 tag, without region or script: "pt-BR" -> "pt"."""
    return tag.split("-", 1)[0].casefold()


_CODES = {code: tag for tag, language in _LANGUAGES.items() for code in language.codes.split()}
_NAMES = {
    name: tag
    for tag, language in _LANGUAGES.items()
    for name in (language.name.casefold(), *language.own_names.split())
}


def code_of(written: str) -> tuple[str, str] | None:
    """The tag meant by a tag that starts with an ISO 639-2 code of a language that has a
    two-letter one, and the language's name: ("de-CH", "German") for "deu-CH"."""
    code, dash, rest = written.partition("-")
    tag = _CODES.get(code.casefold())
    return (tag + dash + rest, _LANGUAGES[tag].name) if tag else None


def tag_named(written: str) -> str | None:
    """The tag of a language written as its name ("German", "Deutsch", "français" ->
    "fr"), or as a code ("ger"); None for anything else."""
    text = written.strip().casefold()
    return _NAMES.get(text) or _CODES.get(text)


def meant_tag(written: str) -> str | None:
    """The tag ``written`` stands for, if it is no tag but says one: a locale's "es_ES"
    (or "es_ES.UTF-8", as $LANG has it) or "de DE" is "es-ES" or "de-DE", a language's
    name ("Deutsch") its tag, and an ISO 639-2 code ("deu_CH") the two-letter one
    ("de-CH"): each suggestion a tag that ``init`` takes and lint reads as the language."""
    stripped = re.sub(r"[.@].*", "", written, flags=re.S).strip()
    tag = tag_named(stripped) or re.sub(r"[\s_-]+", "-", stripped)
    coded = code_of(tag)
    tag = coded[0] if coded else tag
    return tag if re.fullmatch(LANGUAGE_PATTERN, tag) else None
