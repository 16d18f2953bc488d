"""The manifest's language against the script the stems are written in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.rules.base import BankRule, Options, primary_language

# The first code point of each range of letters of a script (Latin's Latin-1, Extended
# and Additional blocks; Japanese kana count with Han: the two share their languages).
_RANGES = (
    (0x0041, "Latin"),
    (0x0250, None),
    (0x0370, "Greek"),
    (0x0400, "Cyrillic"),
    (0x0530, None),
    (0x0590, "Hebrew"),
    (0x0600, "Arabic"),
    (0x0780, None),
    (0x0900, "Devanagari"),
    (0x0980, None),
    (0x0E00, "Thai"),
    (0x0E80, None),
    (0x1100, "Hangul"),
    (0x1200, None),
    (0x1E00, "Latin"),
    (0x1F00, "Greek"),
    (0x2000, None),
    (0x3040, "Han"),
    (0x3100, None),
    (0x3400, "Han"),
    (0xA000, None),
    (0xAC00, "Hangul"),
    (0xD7B0, None),
)
_STARTS = [start for start, _ in _RANGES]
# The languages written in each script, as BCP 47 primary subtags, the likeliest first. A
# language written in more than one (Serbian, Azerbaijani) or not listed is not checked.
_LANGUAGES_OF_SCRIPT = {
    "Latin": "en de fr es pt it nl pl cs sk sl hr bs ro hu fi sv da no nb nn is et lv lt tr id "
    "ms vi tl sw ca eu gl ga cy mt sq af",
    "Cyrillic": "ru uk bg be mk kk ky tg mn",
    "Greek": "el",
    "Arabic": "ar fa ur ps",
    "Hebrew": "he yi",
    "Devanagari": "hi mr ne",
    "Thai": "th",
    "Hangul": "ko",
    "Han": "zh ja",
}
_SCRIPT_OF_LANGUAGE = {
    tag: script for script, tags in _LANGUAGES_OF_SCRIPT.items() for tag in tags.split()
}
# Code is written in ASCII whatever the bank's language: fenced blocks and code spans, and
# indented blocks (lines indented by four columns, after a blank line or at the start, as
# CommonMark reads them: a paragraph's indented line goes on with the paragraph).
_CODE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1|\Z)|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_INDENTED = re.compile(
    r"(?:\A|^[ \t]*\n)(?: {4}| {0,3}\t).*(?:\n(?: {4}| {0,3}\t|[ \t]*$).*)*", re.MULTILINE
)
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def script_of(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in, code left out; None for
    text without letters or in a script not told apart here."""
    if "`" in text or "~~~" in text:
        text = _CODE.sub(" ", text)
    if "\n" in text or text.startswith((" ", "\t")):  # where an indented block may start
        text = _INDENTED.sub(" ", text)
    if text.isascii():
        return "Latin" if _ASCII_LETTER.search(text) else None
    letters: Counter[str | None] = Counter()
    for word in _WORD.findall(text):  # a word's letters are taken to share its first's script
        letters[_RANGES[bisect_right(_STARTS, ord(word[0])) - 1][1]] += len(word)
    letters.pop(None, None)
    return letters.most_common(1)[0][0] if letters else None


class LanguageMismatch(BankRule):
    """Most stems are written in another script than the manifest's language uses.

    The manifest's ``language`` (``en`` when it gives none) sets the handouts' words,
    hyphenation and the PDF's language for screen readers, and decides which rules read
    the wording: a Russian bank that says nothing is printed with English labels and
    checked for "None of the above". Heuristic: each stem's script is the one most of its
    letters are in, code spans and code blocks, fenced or indented, left out (code is
    ASCII in any language); reported when more than half of the stems with letters are
    in one script and the language is written in another. Only the script is compared,
    so German stems in an ``en`` bank, or Ukrainian ones in an ``ru`` bank, pass; a
    language written in more than one script (Serbian) or unknown here is not checked.
    Known false positives: a bank about a language, whose stems quote it ("What does
    «спасибо» mean?" in Russian letters for an English course). Measured: one finding in
    the 6,695 real questions, the Russian ``pyneng-quiz-ru``, whose converted manifest
    declares no language.
    Source: WCAG 2.1 success criterion 3.1.1 (Language of Page).

    Bad:
        language: en (or none), and the stems «Какая команда показывает ...?»

    Good:
        language: ru, and the stems «Какая команда показывает ...?»
    """

    name = "language-mismatch"
    severity = "warning"

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        language = bank.manifest.language
        expected = _SCRIPT_OF_LANGUAGE.get(primary_language(language))
        if expected is None:
            return
        found = (script_of(ref.question.stem) for ref in bank.questions())
        scripts = Counter(script for script in found if script)
        if not scripts:
            return
        script, count = scripts.most_common(1)[0]
        if script == expected or count * 2 <= sum(scripts.values()):
            return
        source = bank.manifest_source
        declared = isinstance(source.data, dict) and "language" in source.data
        said = f"'{language}'" if declared else f"'{language}' (the default: bank.yaml gives none)"
        first, *others = _LANGUAGES_OF_SCRIPT[script].split()[:3]
        # Greek, Thai, Korean: one language here, so one tag to name
        other = (
            f", or the tag of the bank's own language ({', '.join(others)} ...)" if others else ""
        )
        yield self.report(
            source,
            ("language",) if declared else ("id",),
            f"the bank's language is {said}, but {count} of {sum(scripts.values())} stems "
            f"are written in {script} script",
            f"give bank.yaml `language: {first}`{other}: it sets the handouts' words, "
            "hyphenation, the PDF's language and which rules read the wording",
        )
