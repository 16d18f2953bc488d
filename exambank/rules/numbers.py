"""How the numeric rules read the numbers and ranges of an option, in the bank's language.

English (``en``, any region) is read as it always was: a comma groups thousands. The
languages below write a decimal comma ("1,5 GB"), group thousands with spaces ("10 000")
and, but for French, Russian and Polish, points ("10.000"), and ranges in their own words
("от 1 до 5", "de 1 à 5"). Only a separator before exactly three digits needs the
convention ("1,500" is 1.5 in German): where it may not hold (``es-MX``, another
language) such a number is not read. Other languages get the signs of a range ("1–5",
"< 1", "10+") but no words, and no option with a word before its first number.
"""

# ruff: noqa: RUF001, RUF002  # Cyrillic words and the en dash are the point

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from exambank.language_codes import primary_language
from exambank.rules.dates import DATE_UNIT, day_of

Bound = tuple[int | None, bool]  # (which number, None for unbounded; whether included)
Shapes = dict[tuple[str, ...], tuple[Bound, Bound]]  # of a range: numbers '#', no units
# The kinds of range, in the order each language lists its forms: the bounds each sets.
_KINDS: tuple[tuple[Bound, Bound], ...] = (
    ((0, True), (1, True)),  # 1-5
    ((None, False), (0, False)),  # less than 5
    ((None, False), (0, True)),  # up to 5
    ((0, False), (None, False)),  # more than 5
    ((0, True), (None, False)),  # at least 5
)
_ENGLISH_FORMS = (
    "# - #|# \u2013 #|# \u2014 #|# to #|between # and #|from # to #",
    "less than #|fewer than #|under #|below #|< #",
    "up to #|at most #|# or less|# or fewer|<= #",
    "more than #|greater than #|over #|above #|> #",
    "at least #|# or more|# +|# and above|>= #",
)
_SIGNS = ("# - #|# \u2013 #|# \u2014 #", "< #", "<= #|\u2264 #", "> #", ">= #|\u2265 #|# +")


# Per language: its words for each kind of range, as _ENGLISH_FORMS (the signs go without
# saying), then the words a number after labels a thing ("Abbildung 3"), as a pattern.
_LANGUAGES = {
    "de": (
        "# bis #|von # bis #|zwischen # und #",
        "weniger als #|kleiner als #|niedriger als #|unter #",
        "bis #|bis zu #|höchstens #|maximal #|# oder weniger|nicht mehr als #",
        "mehr als #|größer als #|höher als #|über #",
        "mindestens #|wenigstens #|ab #|# oder mehr|# und mehr|nicht weniger als #",
        "abbildung|abb|schritt|tabelle|tab|frage|aufgabe|abschnitt|kapitel|seite|zeile|"
        "version|artikel|teil|kanal|anlage|anhang|aussage|symbol|diagramm|punkt|nummer|nr",
    ),
    "fr": (
        "# à #|de # à #|entre # et #",
        "moins de #|inférieur à #|inférieure à #|en dessous de #|en - dessous de #|sous #",
        "jusqu à #|au plus #|au maximum #|# ou moins|pas plus de #",
        "plus de #|supérieur à #|supérieure à #|au - dessus de #|au - delà de #",
        "au moins #|au minimum #|# ou plus|# et plus|à partir de #|pas moins de #",
        "figure|fig|étape|tableau|question|section|chapitre|page|ligne|version|article|"
        "partie|canal|annexe|affirmation|énoncé|schéma|symbole|numéro",
    ),
    "es": (
        "# a #|de # a #|entre # y #|desde # hasta #|de # hasta #",
        "menos de #|menor que #|menor de #|inferior a #|por debajo de #",
        "hasta #|como máximo #|a lo sumo #|# o menos|no más de #",
        "más de #|mayor que #|mayor de #|superior a #|por encima de #",
        "al menos #|por lo menos #|como mínimo #|desde #|a partir de #|# o más|no menos de #",
        "figura|fig|paso|tabla|pregunta|sección|capítulo|página|línea|versión|artículo|"
        "parte|canal|anexo|afirmación|enunciado|diagrama|símbolo|puerto|número|núm",
    ),
    "pt": (
        "# a #|de # a #|entre # e #|# até #|de # até #",
        "menos de #|menor que #|menor do que #|inferior a #|abaixo de #",
        "até #|no máximo #|# ou menos|não mais de #|não mais que #",
        "mais de #|maior que #|maior do que #|superior a #|acima de #",
        "pelo menos #|no mínimo #|a partir de #|# ou mais|não menos de #|não menos que #",
        "figura|fig|passo|etapa|tabela|questão|pergunta|seção|secção|capítulo|página|"
        "linha|versão|artigo|parte|canal|anexo|afirmação|diagrama|símbolo|porta|número",
    ),
    "it": (
        "# a #|da # a #|tra # e #|fra # e #",
        "meno di #|inferiore a #|sotto #",
        "fino a #|al massimo #|al più #|# o meno|non più di #",
        "più di #|superiore a #|oltre #|sopra #",
        "almeno #|come minimo #|a partire da #|# o più|non meno di #",
        "figura|fig|passo|fase|tabella|domanda|sezione|capitolo|pagina|riga|linea|"
        "versione|articolo|parte|canale|allegato|affermazione|diagramma|simbolo|porta|numero",
    ),
    "nl": (
        "# tot #|van # tot #|# tot en met #|van # tot en met #|tussen # en #",
        "minder dan #|kleiner dan #|lager dan #|onder #",
        "tot #|tot en met #|hoogstens #|ten hoogste #|maximaal #|# of minder|niet meer dan #",
        "meer dan #|groter dan #|hoger dan #|boven #",
        "minstens #|ten minste #|minimaal #|vanaf #|# of meer|niet minder dan #",
        "figuur|afbeelding|stap|tabel|vraag|sectie|hoofdstuk|pagina|regel|lijn|versie|"
        "artikel|deel|kanaal|bijlage|stelling|diagram|symbool|poort|nummer|nr",
    ),
    "ru": (
        "от # до #|с # по #|между # и #",
        "менее #|меньше #|меньше чем #|ниже #",
        "до #|не более #|не больше #|максимум #|# и менее|# и меньше|# или меньше",
        "более #|больше #|больше чем #|свыше #|выше #",
        "от #|не менее #|не меньше #|минимум #|как минимум #|# и более|# и больше|# или больше",
        r"рис|рисун\w*|шаг\w*|этап\w*|табл|таблиц\w*|вопрос\w*|задани[еяю]|раздел\w*|"
        r"глав[аеуы]|стр|страниц\w*|строк[аеуи]|верси[яиюей]|стать[яиюей]|част[ьиюей]|"
        r"канал\w*|приложени[еяю]|утверждени[еяю]|схем[аеуы]|символ\w*|порт\w*|пункт\w*|номер\w*",
    ),
    "pl": (
        "# do #|od # do #|między # a #",
        "mniej niż #|poniżej #",
        "do #|co najwyżej #|maksymalnie #|nie więcej niż #|# lub mniej",
        "więcej niż #|powyżej #|ponad #",
        "od #|co najmniej #|przynajmniej #|minimum #|nie mniej niż #|# lub więcej|# i więcej",
        r"rys|rysun\w*|krok\w*|etap\w*|tabel\w*|pytani\w*|zadani\w*|sekcj\w*|rozdział\w*|"
        r"str|stron\w*|wiersz\w*|lini\w*|wersj\w*|artykuł\w*|częś\w*|kanał\w*|załącznik\w*|"
        r"twierdzeni\w*|schemat\w*|symbol\w*|port\w*|punkt\w*|pkt|numer\w*|nr",
    ),
}
# Where "10.000" is ten thousand; the regions where a decimal comma surely holds (in
# every region of the other languages).
_POINT_GROUPS = frozenset({"de", "es", "pt", "it", "nl"})
_COMMA_REGIONS = {
    "de": "DE AT BE LU IT",
    "fr": "FR BE CA LU MC",
    "es": "ES AR CL CO EC UY VE",
    "it": "IT SM VA",
}
# A number after one of these words labels a thing ("Symbol 2", "Figure 3", "Step 1").
_ENGLISH_LABELS = (
    "symbol|figure|fig|step|item|table|diagram|exhibit|statement|question|section|"
    "chapter|page|line|pin|port|version|amendment|article|part|channel|ch"
)
_SPACES = " \u00a0\u202f"  # that group thousands: a space, a no-break one, a narrow one
_CURRENCY = re.compile(r"[$€£¥]")
_DIGIT = re.compile(r"\d")
_SEPARATOR = re.compile(r"\D")
# A comma between digits groups thousands in English only before three digits ("1,500");
# "0,5" is a decimal comma, "1,2,3" a list: neither reads as an English number.
_GROUPING_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_UNGROUPED_COMMA = re.compile(r"\d,(?!\d{3}(?!\d))\d")
_ENGLISH_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TOKEN = re.compile(r"#|[^\W\d_]+|%|<=|>=|[<>+\-\u2013\u2014\u2264\u2265]")


class Parsed(NamedTuple):  # a tuple: made for every option with a digit, fast to make
    shape: tuple[str, ...]  # what is not a unit, numbers as '#' ("less", "than", "#")
    units: tuple[str, ...]  # the other words, and '%'
    numbers: tuple[str, ...]  # as float() reads them ("1.5")
    shown: tuple[str, ...]  # as written ("1,5", "1.000"; English "$1,200" as 1200)


@dataclass(frozen=True)
class Reading:
    """What the numeric rules read in one language."""

    shapes: Shapes
    form_words: frozenset[str]  # the words of those shapes, which are no units
    labelled: re.Pattern[str]  # a number after a label word ("Figure 3")
    decimal: str  # "." (English: a comma groups thousands), "," or "" (not known)
    known: bool = True  # False: no words, and no word before the first number
    point_groups: bool = False  # "10.000" is ten thousand
    space_groups: bool = False  # "10 000" is ten thousand (a no-break space, a narrow one)
    language: str = ""  # the primary subtag of a language read: its dates are read too

    def parse(self, text: str) -> Parsed | None:
        """The shape, units and numbers of an option, each '#' of the shape one of the
        numbers; None if it holds no number, one that cannot be read for sure, or a
        number sign ("#5" labels a thing, "C# 7" names one)."""
        if not _DIGIT.search(text) or "#" in text:
            return None
        written = text.strip()
        if written[-1:].isdigit() and (day := day_of(written, self.language)):
            # a unit no text has: a date is never compared with "2024"
            return Parsed(("#",), (DATE_UNIT,), (day,), (written,))
        marked = self._mark(text)
        if marked is None:
            return None
        folded, numbers, shown = marked
        found = _TOKEN.findall(folded)
        if not self.known and any(
            token[0].isalpha() for token in itertools.takewhile("#".__ne__, found)
        ):
            return None  # a label or a comparison in words, which we cannot tell apart
        shape, units = _split(found, self.form_words)
        if self.decimal != "." and shape != ("#",) and shape not in self.shapes:
            shape, units = _split(found, frozenset())  # "5 Go de RAM": "de" is no range
        return Parsed(shape, units, tuple(numbers), tuple(shown))

    def _mark(self, text: str) -> tuple[str, list[str], list[str]] | None:
        """The text case-folded, with '#' for each number; the numbers as float() reads
        them and as shown. None if one cannot be read for sure."""
        if self.decimal == ".":
            if _UNGROUPED_COMMA.search(text):  # "0,5": a decimal comma, or a list
                return None
            folded = _CURRENCY.sub("", _GROUPING_COMMA.sub("", text.casefold()))
            folded = folded.strip().rstrip(".")
            numbers = _ENGLISH_NUMBER.findall(folded)
            return _ENGLISH_NUMBER.sub("#", folded), numbers, numbers
        folded = _CURRENCY.sub("", text.casefold()).strip().rstrip(".")
        pattern = _number_pattern(self.space_groups)
        numbers, shown = [], []
        for written in pattern.findall(folded):
            number = self._number(written)
            if number is None:
                return None
            numbers.append(number)
            shown.append(written)  # "1.000" as the bank groups it, "1,5" with its comma
        return pattern.sub("#", folded), numbers, shown

    def _number(self, written: str) -> str | None:
        """A number as float() reads it; None if its separators could mean either a
        decimal or thousands ("1.500" in Russian)."""
        runs, separators = _SEPARATOR.split(written), _SEPARATOR.findall(written)
        if not separators:
            return written
        last = separators[-1]
        if last in _SPACES or (len(separators) > 1 and last == separators[-2]):
            decimal = ""  # every separator groups thousands
        elif len(separators) > 1 or len(runs[-1]) != 3 or last == self.decimal:
            decimal = last
        elif last == "." and self.point_groups:
            decimal = "." if runs[0] == "0" else ""  # no one groups "0.125" as thousands
        else:
            return None
        whole = runs[:-1] if decimal else runs
        groups = separators[:-1] if decimal else separators
        if groups and (
            len(set(groups)) > 1 or len(whole[0]) > 3 or any(len(run) != 3 for run in whole[1:])
        ):
            return None
        integer = "".join(whole)
        return f"{integer}.{runs[-1]}" if decimal else integer


@cache
def _number_pattern(space_groups: bool) -> re.Pattern[str]:
    """A number with its separators; a space only before a group of three digits."""
    space = f"|[{_SPACES}](?=\\d{{3}}(?!\\d))" if space_groups else ""
    return re.compile(rf"\d+(?:(?:[.,]{space})\d+)*")


def _split(
    tokens: list[str], form_words: frozenset[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    shape: list[str] = []
    units: list[str] = []
    for token in tokens:
        if token == "%" or (token[0].isalpha() and token not in form_words):
            if token not in units:
                units.append(token)
        else:
            shape.append(token)
    return tuple(shape), tuple(units)


def _shapes(forms: Sequence[str]) -> Shapes:
    return {
        tuple(shape.casefold().split()): bounds
        for bounds, kind in zip(_KINDS, forms, strict=True)
        for shape in kind.split("|")
    }


def _words(shapes: Shapes) -> frozenset[str]:
    return frozenset(token for shape in shapes for token in shape if token[0].isalpha())


_ENGLISH_SHAPES = _shapes(
    [f"{words}|{signs}" for words, signs in zip(_ENGLISH_FORMS, _SIGNS, strict=True)]
)
_ENGLISH_LABELLED = rf"\b(?:{_ENGLISH_LABELS})\.?[ \t]*(?:no\.?|#|-)?[ \t]*\d"
ENGLISH = Reading(
    _ENGLISH_SHAPES, _words(_ENGLISH_SHAPES), re.compile(_ENGLISH_LABELLED, re.IGNORECASE), "."
)


@cache
def reading(tag: str) -> Reading:
    """How the numeric rules read a bank written in ``tag`` (BCP 47)."""
    code = primary_language(tag)
    if code in ("en", ""):  # "": none known, while the manifest's is no tag: the default's
        return ENGLISH
    language = _LANGUAGES.get(code)
    if language is None:
        return Reading(_shapes(_SIGNS), frozenset(), _labelled(""), "", known=False)
    *forms, labels = language
    shapes = _shapes([f"{words}|{signs}" for words, signs in zip(forms, _SIGNS, strict=True)])
    # the region: "MX" of "es-MX", "419" of "es-419", none in "de" or "sr-Latn"
    region = next((part for part in tag.upper().split("-")[1:3] if len(part) in (2, 3)), None)
    comma = code not in _COMMA_REGIONS or region in (None, *_COMMA_REGIONS[code].split())
    return Reading(
        shapes,
        _words(shapes),
        _labelled(labels),
        "," if comma else "",
        point_groups=comma and code in _POINT_GROUPS,
        space_groups=True,
        language=code,
    )


def _labelled(words: str) -> re.Pattern[str]:
    """A number after a label word, English or ``words`` ("Abb. 3", "Schritt 1", "№ 5"),
    a no-break space or a narrow one between them too."""
    space = "[ \t\u00a0\u202f]*"
    label = f"{_ENGLISH_LABELS}|{words}" if words else _ENGLISH_LABELS
    return re.compile(
        rf"(?:\b(?:{label})\.?{space}(?:no\.?|nr\.?|n[°º]|№|#|-)?|\bn[°º]|№){space}\d",
        re.IGNORECASE,
    )
