"""Where a German stem is negative: each "nicht", "kein", "außer", "falsch" and
"unzutreffend" in the main clause of its lead-in, and whether it is written in capitals or
bold. ``negative-stem`` and ``negative-options`` read it in a bank written in German, as
exambank/rules/negatives.py reads the English words.

German sets every subordinate clause off with commas, so the lead-in is read clause by
clause from comma to comma: a clause that opens with a subordinating word ("wenn", "dass",
"weil" ...) is subordinate, and so is one that opens with a relative pronoun ("der", "die",
"welche", "in dem" ...) unless it says which answer is asked for ("Wählen Sie die Aussage,
die nicht zutrifft"); a clause after a relative one goes on with the clause that was
interrupted ("Was passiert, wenn ein Paket, das zu groß ist, nicht ..."), any other clause
is a main clause ("Wenn ..., welche Aussage trifft nicht zu?"). When the last clause asks
with a question word and none comes before it, what comes before only sets the scene ("Ist
der Server nicht erreichbar, welche Ursache ...?"). Russian sets its clauses off the same
way: the reading is ``CommaReading``, which exambank/rules/negatives_russian.py fills with
Russian words.

"am wenigsten" ("least") is not read: the screen looks for each word in every stem of a
bank, whatever its language, and one more word costs about 1 ms on 10,000 stems.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

from exambank.model import Question
from exambank.rules.negatives import Negative, asked_lead_in
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import whole_words
from exambank.rules.wording import (
    QuotationMarks,
    code_spans,
    inside,
    mark_ends,
    quotations,
)

_FLAGS = re.IGNORECASE
_ADJECTIVE_ENDING = r"(?:e[mnrs]?)?"
# The screen of both negative rules, in case-folded stems ("außer" folds to "ausser"),
# whole words only ("Nichtigkeit", "keinesfalls" and "außerdem" are none): each match
# starts with one of the openings, or with "fals", which English "false" looks for too.
_INFLECTED = [
    f"{stem}{ending}"
    for stem in ("kein", "falsch", "unzutreffend")
    for ending in ("", "e", "em", "en", "er", "es")
]
ANY_GERMAN_NEGATIVE = whole_words(["nicht", "ausser", *_INFLECTED])
GERMAN_OPENINGS = ("nicht", "kein", "ausser", "unzutreffend")
_NEGATIVE = re.compile(
    rf"(?<![\w-])(?P<word>nicht|kein{_ADJECTIVE_ENDING}|au(?:ß|ss)er"
    rf"|falsch{_ADJECTIVE_ENDING}|unzutreffend{_ADJECTIVE_ENDING})(?![\w-])",
    _FLAGS,
)
# "falsch" and "unzutreffend" ask for the wrong answer at the end of their clause ("Welche
# Aussage ist falsch?", "... falsch sein?") or inflected before a noun for an answer ("die
# falsche Aussage"); "falsch positiv", "falsch konfiguriert" and "falsche Positive" do not.
_VERDICT_ENDS = re.compile(r"(?:\s+(?:ist|sind|sein|war|waren))?\s*(?:[^\w\s]|$)", _FLAGS)
_ANSWER_NOUN = re.compile(
    r"\s+(?:aussage|antwort|behauptung|option|antwortmöglichkeit|möglichkeit|alternative"
    r"|feststellung|angabe)(?:en|n)?\b",
    _FLAGS,
)
# "außer" asks for the exception when it ends the lead-in ("..., außer:", "... außer ___");
# "außer Stickstoff" names one thing beside others.
_ENDS_LEAD_IN = re.compile(r"[\s:.,;!?\u2026_-]*$")
# "nicht nur ..., sondern auch"; a limit asked positively ("darf nicht überschritten
# werden", "nicht länger als ___"); a purpose ("um nicht ... zu"); "nicht" before an
# inflected adjective and its noun ("die nicht genutzten Ports") describes a thing.
_NOT_ONLY = re.compile(r"\s+nur\b", _FLAGS)
_LIMIT = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:(?:über|unter)schr(?:eiten|itten)\b"
    r"|(?:mehr|weniger|länger|kürzer|höher|größer|kleiner|später|früher)\s+als"
    r"(?=\s*_{2,}|[:?.]?\s*$))",
    _FLAGS,
)
_PURPOSE = re.compile(r"\bum\s+$", _FLAGS)
_ATTRIBUTE = re.compile(
    r"\s+(?!(?:neben|zwischen|gegen|wegen|oben|unten|innen|außen|immer|wieder|alle|allen"
    r"|jede[mnrs]?|eine[mnrs]?|diese[mnrs]?|seine[mnrs]?|ihre[mnrs]?|unsere[mnrs]?|mehrere"
    r"|beide[n]?|andere[mnrs]?|sicher|unbedingt)\b)[a-zäöüß]+(?:e|en|er|es|em)\s+[A-ZÄÖÜ]"
)
# A question about a reason: every option is a reason against ("Warum sollte man ... nicht
# ...?"), as are options that mostly start with "Weil", "Da", "Damit", "Um" or "Wegen".
_WHY = re.compile(r"\b(?:warum|weshalb|wieso|weswegen|wozu|aus\s+welchem\s+grund)\b", _FLAGS)
_REASON_OPTION = re.compile(r"\W*(?:weil|da|damit|denn|wegen|um)\b", _FLAGS)
# Clauses: a comma, semicolon or colon ends one, unless a conjunction carries it on.
CLAUSE_BREAK = re.compile(r"[,;:](?!\d)\s*")
_CARRIES_ON = re.compile(
    r"(?:aber|sondern|oder|und|doch|jedoch|bzw\.?|beziehungsweise|sowie)\b", _FLAGS
)
_SUBORDINATORS = (
    "dass|daß|wenn|weil|ob|falls|obwohl|obgleich|sodass|nachdem|bevor|sobald|sofern|solange"
    "|indem|ehe|seitdem"
)
# In first place after a comma only: these are prepositions or adverbs elsewhere
# ("während des Betriebs", "Was ist da nicht richtig?").
_AFTER_COMMA_ONLY = "da|damit|so\\s+dass|während|bis|seit|als|wie|wo|wo[rd]?\\w+|weshalb|warum|um"
_OPENS_SUBORDINATE = re.compile(rf"\W*(?:{_SUBORDINATORS}|{_AFTER_COMMA_ONLY})\b", _FLAGS)
_OPENS_FIRST_SUBORDINATE = re.compile(rf"\W*(?:{_SUBORDINATORS})\b", _FLAGS)
_SUBORDINATOR_INSIDE = re.compile(rf"\b(?:{_SUBORDINATORS})\b", _FLAGS)
_PREPOSITION = (
    "in|mit|auf|bei|für|über|von|zu|an|durch|unter|nach|aus|ohne|gegen|um|vor|hinter"
    "|neben|zwischen|seit|während|wegen|trotz"
)
_OPENS_RELATIVE = re.compile(
    rf"\W*(?:(?:{_PREPOSITION})\s+)?(?:der|die|das|dem|den|deren|dessen|denen"
    r"|welche[mnrs]?)\b",
    _FLAGS,
)
# A relative clause that says which answer is asked for is the question itself: the clause
# before it ends with a noun for an answer, "diejenige", or "ist eine ..." in a question.
_ASKS_FOR = re.compile(
    r"(?:\b(?:aussage|antwort|behauptung|option|antwortmöglichkeit|möglichkeit|alternative"
    r"|feststellung)(?:en|n)?|\b(?:die|der|das)jenigen?"
    r"|^\W*(?:welche[mnrs]?|was|wer)\b.*\b(?:ist|sind)\s+(?:eine?[mnrs]?|der|die|das)\s+[\w-]+)"
    r"\W*$",
    _FLAGS,
)
_QUESTION_WORD = re.compile(r"\b(?:welche[mnrs]?|was|wer|wie|wo|wann|warum)\b", _FLAGS)
# German quotations: „...“ (or „...”), »...« and «...», each closed on its line.
_GERMAN_QUOTES = QuotationMarks(
    re.compile("[\u201e»«]"),
    {"\u201e": re.compile("[\u201c\u201d\n]"), "»": re.compile("[«\n]"), "«": re.compile("[»\n]")},
)
# An option that negates, for ``negative-options``: "nicht", "nie", "niemals", "kein" ...
OPTION_NEGATIVE = re.compile(
    rf"(?<![\w-])(?:nicht|nie|niemals|kein{_ADJECTIVE_ENDING}|keinesfalls)(?![\w-])", _FLAGS
)


class CommaReading(NamedTuple):
    """How a language that sets its subordinate clauses off with commas (German, Russian)
    shows a negative question: its negative words, which of them reverse what is asked, and
    the words that open each kind of clause."""

    negative: re.Pattern[str]  # a negative word, the whole match
    reverses: Callable[[str, re.Match[str]], bool]  # not part of a phrase that asks positively
    why: re.Pattern[str]  # a question about a reason
    reason_option: re.Pattern[str]  # an option that gives a reason ("Weil ...")
    quotes: QuotationMarks  # the language's own quotation marks
    carries_on: re.Pattern[str]  # after a comma, a conjunction that goes on with the clause
    opens_subordinate: re.Pattern[str]  # after a comma
    opens_first_subordinate: re.Pattern[str]  # at the start of the lead-in
    subordinator_inside: re.Pattern[str]  # a subordinating word inside a main clause
    opens_relative: re.Pattern[str]  # after a comma
    asks_for: re.Pattern[str]  # the clause before a relative one names an answer
    question_word: re.Pattern[str]


def comma_stem_negatives(item: Question, reading: CommaReading) -> Iterator[Negative]:
    """Negatives in the main clause of the lead-in of ``item``'s stem, in order, as
    ``reading`` reads them; none when its options are reasons."""
    text = asked_lead_in(item.stem)
    found = list(reading.negative.finditer(text))
    if not found or _answers_with_reasons(item.option_texts, reading.reason_option):
        return
    subordinate = _subordinate_spans(text, reading)
    quoted = sorted(quotations(text) + quotations(text, reading.quotes))
    code = code_spans(text)
    opened, closed = mark_ends(text, "("), mark_ends(text, ")")
    bold = [mark_ends(text, "**"), mark_ends(text, "__")]
    why = reading.why.search(text)
    subordinate_starts = [span[0] for span in subordinate]
    for match in found:
        start = match.start()
        if (
            _within(subordinate, subordinate_starts, start)
            or inside(quoted, start)
            or inside(code, start)
            or bisect_right(opened, start) > bisect_right(closed, start)
            or (why is not None and why.start() < start)
            or not reading.reverses(text, match)
        ):
            continue
        word = match.group()
        emphasised = word.replace("ß", "").isupper() or any(
            bisect_right(ends, start) % 2 for ends in bold
        )
        yield Negative(word, emphasised)


def german_stem_negatives(item: Question) -> Iterator[Negative]:
    """Negatives in the main clause of the lead-in of ``item``'s German stem, in order;
    none when its options are reasons ("Weil ...")."""
    return comma_stem_negatives(item, _GERMAN)


def _reverses(text: str, match: re.Match[str]) -> bool:
    """Whether the negative ``match`` asks for the wrong one, rather than being part of a
    phrase that asks positively ("nicht nur", "außer Stickstoff", "falsch positiv")."""
    word, end = match.group().casefold(), match.end()
    if word in ("ausser", "außer"):
        return _ENDS_LEAD_IN.match(text, end) is not None
    if word.startswith(("falsch", "unzutreffend")):
        if word in ("falsch", "unzutreffend"):
            return _VERDICT_ENDS.match(text, end) is not None
        return _ANSWER_NOUN.match(text, end) is not None
    if word == "nicht":
        return not (
            _NOT_ONLY.match(text, end)
            or _LIMIT.match(text, end)
            or _PURPOSE.search(text, max(0, match.start() - 8), match.start())
            or _ATTRIBUTE.match(text, end)
        )
    return True  # kein, keine ...


_GERMAN = CommaReading(
    negative=_NEGATIVE,
    reverses=_reverses,
    why=_WHY,
    reason_option=_REASON_OPTION,
    quotes=_GERMAN_QUOTES,
    carries_on=_CARRIES_ON,
    opens_subordinate=_OPENS_SUBORDINATE,
    opens_first_subordinate=_OPENS_FIRST_SUBORDINATE,
    subordinator_inside=_SUBORDINATOR_INSIDE,
    opens_relative=_OPENS_RELATIVE,
    asks_for=_ASKS_FOR,
    question_word=_QUESTION_WORD,
)


def _subordinate_spans(text: str, reading: CommaReading) -> list[tuple[int, int]]:
    """Where the subordinate clauses of a lead-in are, in order: from a subordinating word
    or relative pronoun to the end of its clause."""
    breaks = list(CLAUSE_BREAK.finditer(text))
    starts = [0] + [found.end() for found in breaks]
    after_comma = [False] + [found.group().startswith(",") for found in breaks]
    ends = [*starts[1:], len(text)]
    spans: list[tuple[int, int]] = []
    kind, before_relative = "main", "main"
    for index, (start, end, comma) in enumerate(zip(starts, ends, after_comma, strict=True)):
        clause = text[start:end]
        if comma and reading.carries_on.match(clause):
            pass  # ", aber nicht ...": the clause before goes on
        elif comma and reading.opens_relative.match(clause):
            if kind != "relative":
                before_relative = kind
            asks = reading.asks_for.search(text, starts[index - 1], start) or (
                end == len(text) and _asks(text, start, reading.question_word)
            )
            kind = "main" if asks else "relative"
        elif (reading.opens_subordinate if comma else reading.opens_first_subordinate).match(
            clause
        ):
            kind = "subordinate"
        else:
            kind = before_relative if kind == "relative" and comma else "main"
        if kind != "main":
            spans.append((start, end))
        elif inner := reading.subordinator_inside.search(clause):  # "Was passiert wenn ..."
            spans.append((start + inner.start(), end))
    if starts[-1] and _asks(text, starts[-1], reading.question_word):  # sets the scene
        return [(0, starts[-1]), *[span for span in spans if span[0] >= starts[-1]]]
    return spans


def _within(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is in one of ``spans`` (in order, not overlapping), which start
    at ``starts``."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


def _asks(text: str, start: int, question_word: re.Pattern[str]) -> bool:
    """Whether the question word that opens the last clause asks the question: none comes
    before it, and the lead-in asks ("Sie planen ein Netz, welche Aussage trifft nicht
    zu?", "Ist der Server nicht erreichbar, was ist die Ursache?")."""
    return (
        question_word.match(text, start) is not None
        and text.rstrip().endswith("?")
        and question_word.search(text, 0, start) is None
    )


def _answers_with_reasons(options: tuple[str, ...], reason_option: re.Pattern[str]) -> bool:
    """Half the options or more start with a word that gives a reason ("Weil", "Da",
    "Damit", "Um", "Wegen"; options that stand for others left out)."""
    own = [text for text in options if not points_at_options(text)]
    return bool(own) and sum(bool(reason_option.match(text)) for text in own) * 2 >= len(own)
