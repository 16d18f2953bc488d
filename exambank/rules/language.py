"""The manifest's language against the script and the words the stems are written in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.language_codes import code_of, primary_language
from exambank.rules import wording
from exambank.rules.base import BankRule, Options

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
# Function words each language writes often and the others (English above all) hardly
# ever, for the Latin-script languages the handouts have labels for: "die" and "as",
# "do", "no", "per", "in" and one-letter words are left out, English words too.
_FUNCTION_WORDS = {
    "en": "the which what of and is are for with following does how when that from this",
    "de": "der das und ist nicht welche welcher welches eine ein mit für von zu dem wird "
    "sind wie auf bei oder werden folgenden",
    "fr": "le les est une des du quel quelle quels quelles dans pour avec sont ce qui pas sur "
    "par suivantes suivants au aux",
    "es": "el los las es una qué cuál cuáles para con del son por siguientes se al cómo",
    "pt": "os é uma qual quais com não da dos das são em na seguintes um",
    "it": "il gli è una quale quali con non della del sono che nel nella seguenti di",
    "nl": "het een welke niet van voor met zijn wordt op te dat wat hoe volgende bij",
    "pl": "jest nie się który która które jak czy są oraz dla przez co",
}
_LANGUAGE_OF_WORD: dict[str, list[str]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGE_OF_WORD.setdefault(_word, []).append(_language)
_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
}
# A quotation: in straight or typographic quotes, not an apostrophe ("don't", "geht's").
# A quotation holds no opening mark of its own kind: from each of a run of unclosed
# marks ("„„„...") the search then stops at the next, not at the line's end (quadratic).
_QUOTED = re.compile(
    r"(?<!\w)'[^'\n]+'(?!\w)|\"[^\"\n]+\"|«[^»«\n]+»|„[^“”„\n]+[“”]|“[^”“\n]+”"
    r"|\u2018[^\u2019\u2018\n]+\u2019(?!\w)"  # single typographic quotes
)
_SAMPLE = 100  # stems read for their function words, spread over the bank
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _without_code(text: str) -> str:
    if "`" in text or "~~~" in text:
        text = _CODE.sub(" ", text)
    if "\n" in text or text.startswith((" ", "\t")):  # where an indented block may start
        text = _INDENTED.sub(" ", text)
    return text


def script_of(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in, code left out; None for
    text without letters or in a script not told apart here."""
    text = _without_code(text)
    if text.isascii():
        return "Latin" if _ASCII_LETTER.search(text) else None
    letters: Counter[str | None] = Counter()
    for word in _WORD.findall(text):  # a word's letters are taken to share its first's script
        letters[_RANGES[bisect_right(_STARTS, ord(word[0])) - 1][1]] += len(word)
    letters.pop(None, None)
    return letters.most_common(1)[0][0] if letters else None


def language_of(text: str) -> tuple[str, list[str]] | None:
    """The language of ``text`` by its function words, among those of _FUNCTION_WORDS,
    with the words that tell it: the one with the most, two at least and more than any
    other; else None. Code and quotations ("Translate 'Der Hund ist klein'") are left out:
    an English stem may quote any language, and code any word."""
    # Leaving out code and quotations leaves out whole words (each starts and ends beside
    # a character no letter), never makes one: a text of fewer than two function words in
    # all reads as no language. Its ``wording.words`` (kept by text) are these words where
    # all are letters; tested so, most stems need no search for quotations or words (they
    # cost 180,000 instructions a stem).
    known = wording.words(text)
    if "".join(known).isalpha() and sum(map(_LANGUAGE_OF_WORD.__contains__, known)) < 2:
        return None
    counts: Counter[str] = Counter()
    found: dict[str, list[str]] = {}
    words = _WORD.findall(_QUOTED.sub(" ", _without_code(text)).casefold())
    for word in filter(_LANGUAGE_OF_WORD.__contains__, words):  # most words are none
        for language in _LANGUAGE_OF_WORD[word]:
            counts[language] += 1
            found.setdefault(language, []).append(word)
    (best, most), (_, next_most) = [*counts.most_common(2), ("", 0), ("", 0)][:2]
    return (best, found[best]) if most >= 2 and most > next_most else None


class LanguageMismatch(BankRule):
    """Most stems are written in another script or language than the manifest says.

    The manifest's ``language`` (``en`` when it gives none) sets the handouts' words,
    hyphenation and the PDF's language for screen readers, and decides which rules read
    the wording: a Russian bank that says nothing is printed with English labels and
    checked for "None of the above". Heuristic: each stem's script is the one most of its
    letters are in, code spans and code blocks, fenced or indented, left out (code is
    ASCII in any language); reported when more than half of the stems with letters are
    in one script and the language is written in another. Where the script is right and
    the language is one the handouts have Latin-script labels for (English, German,
    French, Spanish, Portuguese, Italian, Dutch, Polish), up to 100 stems spread over the
    bank are read by their function words ("der", "ist", "nicht"; "le", "est", "une"): a
    stem reads as the language with two or more of its words and more than any other,
    and a finding needs more than half of the stems read so in one other language. So
    German stems in an ``en`` bank are reported, while Ukrainian ones in an ``ru`` bank,
    or Swedish ones in an ``en`` bank, pass; a language written in more than one script
    (Serbian) or unknown here is not checked. A language given by its three-letter ISO
    639-2 code ("deu" or "ger", "fra" or "fre", "spa", "por", "ita", "nld" or "dut",
    "pol", "rus", "eng") is reported with its tag ("de"): BCP 47 takes the two-letter
    code where there is one, and only that tag gives the handouts their words.
    Known false positives: a bank about a language, whose stems quote it ("What does
    «спасибо» mean?" in Russian letters for an English course). Measured: one finding in
    the 6,695 real questions, the Russian ``pyneng-quiz-ru``, whose converted manifest
    declares no language; of the 6,550 English stems among them 5,678 (87%) read as
    English by their words, 3 as another language, the rest as none. Code and quotations
    are not read for words ("What does 'Das ist nicht mein Auto' mean?" is English); a
    bank teaching a language that quotes it without quotation marks may read as that
    language (a known false positive).
    Source: WCAG 2.1 success criterion 3.1.1 (Language of Page).

    Bad:
        language: en (or none), and the stems «Какая команда показывает ...?»

    Good:
        language: ru, and the stems «Какая команда показывает ...?»
    """

    name = "language-mismatch"
    changes_print = True  # the build lists it in full
    severity = "warning"

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        language = bank.manifest.language
        if coded := code_of(language):
            tag, name = coded
            yield self.report(
                bank.manifest_source,
                ("language",),
                f"the bank's language is '{language}', the ISO 639-2 code of {name}: as a "
                f"BCP 47 tag it is '{tag}', and only '{tag}' gives the handouts {name} words",
                f"did you mean '{tag}'? give bank.yaml `language: {tag}`: it sets the "
                "handouts' words, hyphenation, the PDF's language and which rules read the "
                "wording",
            )
            return
        code = primary_language(language)
        expected = _SCRIPT_OF_LANGUAGE.get(code)
        if expected is None:
            return
        stems = [ref.question.stem for ref in bank.questions()]
        if expected == "Latin" and "".join(stems).isascii():
            # All in Latin letters, as expected: whether any stem has letters is all that
            # tells (most banks; counting each stem's script cost 5 M instructions a
            # thousand stems).
            if code in _FUNCTION_WORDS and any(map(script_of, stems)):
                yield from self._by_function_words(bank, code, stems)
            return
        scripts = Counter(script for script in map(script_of, stems) if script)
        if not scripts:
            return
        script, count = scripts.most_common(1)[0]
        if script != expected and count * 2 > sum(scripts.values()):
            first, *others = _LANGUAGES_OF_SCRIPT[script].split()[:3]
            # Greek, Thai, Korean: one language here, so one tag to name
            other = f", or the tag of the bank's own language ({', '.join(others)} ...)"
            found = f"{count} of {sum(scripts.values())} stems are written in {script} script"
            yield self._report(bank, found, first, other if others else "")
        elif code in _FUNCTION_WORDS and script == expected:
            yield from self._by_function_words(bank, code, stems)

    def _by_function_words(self, bank: Bank, code: str, stems: list[str]) -> Iterator[Diagnostic]:
        """The finding that most of a sample of the stems, in the expected script, read as
        another language than ``code`` by their function words, if they do."""
        sample = stems[:: max(1, len(stems) // _SAMPLE)]
        readings: list[tuple[str, list[str]]] = []
        own = 0
        for reading in filter(None, map(language_of, sample)):
            readings.append(reading)
            own += reading[0] == code
            if own * 2 >= len(sample):  # no other language can have more than half
                return
        read = Counter(language for language, _ in readings)
        if not read:
            return
        written, count = read.most_common(1)[0]
        if written != code and count * 2 > len(sample):
            words = Counter(
                word for language, told in readings if language == written for word in told
            )
            said = ", ".join(word for word, _ in words.most_common(4))
            found = (
                f"{count} of {len(sample)} stems read as {_NAMES[written]} "
                f"(by words such as {said})"
            )
            yield self._report(bank, found, written, "")

    def _report(self, bank: Bank, found: str, tag: str, other: str) -> Diagnostic:
        language = bank.manifest.language
        source = bank.manifest_source
        declared = "language" in bank.manifest.model_fields_set  # read, or its line's
        said = f"'{language}'" if declared else f"'{language}' (the default: bank.yaml gives none)"
        return self.report(
            source,
            ("language",) if declared else ("id",),
            f"the bank's language is {said}, but {found}",
            f"give bank.yaml `language: {tag}`{other}: it sets the handouts' words, "
            "hyphenation, the PDF's language and which rules read the wording",
        )
