"""Plain-text helpers the item-writing rules share: words, shingles, the lead-in.

Twenty rules read the same stems and options, so what they derive is computed once and
cached: words and shingles by text, the options as one text by the question's options
mapping (each option's text is the question's own ``option_texts``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from exambank.by_identity import ByIdentity
from exambank.model import Question

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")  # "auto-scaling" and "isn't" are one word
# The same words in case-folded ASCII text, where a letter or digit is one of these: a
# fifth faster than testing each character's Unicode category.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# Faster still, where every "'" and "-" of such a text stands between two letters or
# digits (no ``_LOOSE_MARK``): every other character made a space (``_SPACED``), the
# text splits into those words, in half the time findall takes (it starts a search
# again after each word; translate and split make one pass each).
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'-")
_SPACED = bytes(byte if byte in _WORD_BYTES else ord(" ") for byte in range(256))
_LOOSE_MARK = re.compile(r"['-](?:(?<![a-z0-9]['-])|(?![a-z0-9]))")
# "(Choose TWO.)", "(Select 2)" at the end of a stem: instructions, not the lead-in.
_INSTRUCTION = re.compile(r"\((?:choose|select|pick|mark)\b[^)]*\)[\s.]*$", re.IGNORECASE)
# The same as a sentence of its own, "... not serverless? Select TWO.", "Choose two
# answers.", "Select one.", "Select the best answer.", "Select all that apply.": nothing
# in it but how many answers to mark ("Select TWO services that ..." asks the question).
_BARE_INSTRUCTION = re.compile(
    r"(?<=[.?!:])\s+(?:choose|select|pick|mark)\s+"
    r"(?:(?:the\s+)?(?:one|two|three|four|five|\d)|all|the\s+(?:best|correct|right))"
    r"(?:\s+(?:correct|right|best))?(?:\s+(?:answers?|options?|choices?|responses?))?"
    r"(?:\s+that\s+apply)?[\s.!]*$",
    re.IGNORECASE,
)
# How far from a stem's end ``_BARE_INSTRUCTION`` is looked for: its longest form fits.
_BARE_INSTRUCTION_LENGTH = 60
# Text in parentheses; a run of spaces is tried from its first space only (not again
# from each of its spaces: that took quadratic time).
_PARENTHESES = re.compile(r"(?<!\s)\s*\(([^)]*)\)")
# A parenthesis of up to this many words is an aside ("(RMS)", "(Amazon EC2)"); a longer
# one is a qualification the candidate reads, unless it spells out an acronym.
_ASIDE_WORDS = 4
# Words an acronym's letters skip: "National Institute of Standards and Technology".
_NOT_IN_ACRONYMS = frozenset(("a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "&"))
# Languages that capitalise every noun (German, Luxembourgish), and the lowercase words
# that link the words of a name there: German "und" and English function words that are
# no German word ("an" and "in" are German prepositions).
_NOUNS_CAPITALISED = frozenset(("de", "lb"))
_NAME_LINKS = frozenset(("a", "and", "as", "by", "for", "of", "on", "the", "to", "und"))
_BACKTICKS = re.compile(r"`+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^\s\da-z])|\n\s*\n")


class QuotationMarks(NamedTuple):
    """A language's quotation marks: what opens a quotation, and for each opening mark a
    pattern of what closes it and of the end of its line, which closes none."""

    opening: re.Pattern[str]
    closing: Mapping[str, re.Pattern[str]]


# A quotation opens with ", “, or ' not after a letter; it closes on the same line with
# ", ” or ' not before a letter (the apostrophe in "isn't" closes nothing).
ENGLISH_QUOTES = QuotationMarks(
    re.compile(r"[\"\u201c]|(?<!\w)'"),
    {
        '"': re.compile(r'["\n]'),
        "\u201c": re.compile(r"[\u201d\n]"),
        "'": re.compile(r"'(?!\w)|\n"),
    },
)

# Function words and the words every exam stem uses; none of them carries content.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into
    is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours
    following best describes statement true false correct incorrect option options answer
    answers choose select two three four company companies customer customers use used
    using want wants need needs should must may might one new many multiple several
    various different
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in order, case-folded, punctuation dropped."""
    folded = text.casefold().replace("\u2019", "'")
    if not folded.isascii():
        return tuple(_WORD.findall(folded))
    if ("'" in folded or "-" in folded) and _LOOSE_MARK.search(folded):
        return tuple(_ASCII_WORD.findall(folded))
    return tuple(folded.encode().translate(_SPACED).decode().split())


@lru_cache(maxsize=1 << 16)
def word_set(text: str) -> frozenset[str]:
    """The set of ``words`` of ``text``."""
    return frozenset(words(text))


@lru_cache(maxsize=1 << 16)
def shingles(text: str) -> frozenset[int]:
    """The runs of four consecutive words of ``text``, hashed (two different runs with
    the same hash are as good as impossible). A text of fewer than four words has none."""
    return frozenset(map(hash, runs_of_four(words(text))))


def runs_of_four(found: tuple[str, ...]) -> Iterator[tuple[str, str, str, str]]:
    """The runs of four consecutive words of ``found`` (a text's ``words``), in order."""
    return zip(found, found[1:], found[2:], found[3:], strict=False)


def is_name(text: str, language: str = "en") -> bool:
    """Half or more of the words capitalised: a product or proper name ("AWS Identity and
    Access Management"), not a phrase ("Rotate the keys regularly"). In a ``language``
    (a primary subtag, "de") that capitalises every noun, a capital says "noun", so a name
    also holds no lowercase word but those names link with: "Überbrückung von
    Stromausfällen für Server" is a phrase, "Amazon Simple Storage Service" and "Software
    as a Service" are names."""
    raw = text.split()
    capitalised = sum(word[:1].isupper() for word in raw) * 2 >= len(raw)
    if language not in _NOUNS_CAPITALISED:
        return capitalised
    return capitalised and not any(word.islower() and word not in _NAME_LINKS for word in raw)


def without_instructions(stem: str) -> str:
    """The stem without a trailing "(Choose TWO)" and without trailing spaces."""
    stem = stem.rstrip()
    opening = stem.rfind("(")
    if opening >= 0 and _INSTRUCTION.match(stem, opening):
        return stem[:opening].rstrip()
    return stem


def _without_bare_instruction(text: str) -> str:
    """``text`` without a last sentence that only asks for answers ("Select TWO.")."""
    bare = _BARE_INSTRUCTION.search(text, max(0, len(text) - _BARE_INSTRUCTION_LENGTH))
    return text[: bare.start()] if bare else text


def without_parentheses(text: str) -> str:
    """``text`` without its asides in parentheses: those of up to four words ("Root mean
    square (RMS)", "(Amazon EC2)") and those that spell out the acronym before them ("NIST
    (National Institute of Standards and Technology)") add length, not detail. A longer
    parenthesis stays: "TLS (encrypting every byte between client and server)" qualifies
    the option, and the candidate sees its length."""
    if "(" not in text:
        return text.strip()
    # After the last ")" no parenthesis closes: not searched (from each "(" in turn).
    closed = text.rfind(")") + 1
    return (_PARENTHESES.sub(_aside_removed, text[:closed]) + text[closed:]).strip()


def each_without_parentheses(texts: Sequence[str]) -> list[str]:
    """``without_parentheses`` of each of ``texts`` (a question's options): where none has
    a parenthesis, as in most questions, each stripped, at half the cost of a call each."""
    if "(" not in "".join(texts):
        return list(map(str.strip, texts))
    return list(map(without_parentheses, texts))


def _aside_removed(parenthesis: re.Match[str]) -> str:
    inside = parenthesis[1].split()
    if len(inside) <= _ASIDE_WORDS or _spells_out(parenthesis.string, parenthesis.start(), inside):
        return ""
    return parenthesis[0]


def _spells_out(text: str, end: int, expansion: list[str]) -> bool:
    """Whether the initials of ``expansion`` (function words left out) are the letters
    of the acronym that ends ``text[:end]``."""
    before = text[:end].rsplit(maxsplit=1)
    acronym = before[-1] if before else ""
    letters = [letter for letter in acronym if letter.isalpha()]
    if len(letters) < 2 or not acronym.isupper():
        return False
    initials = [word[0].upper() for word in expansion if word.casefold() not in _NOT_IN_ACRONYMS]
    return initials == letters


def quotations(text: str, marks: QuotationMarks = ENGLISH_QUOTES) -> list[tuple[int, int]]:
    """The spans of the quotations in ``text`` (by default "...", “...” and '...'), in
    order; an opening mark inside a quotation is part of it. In linear time: an opening
    with no closing mark before the line ends shows that no opening of its kind before that
    point has one, so none of them is searched again."""
    spans = []
    unclosed_before = dict.fromkeys(marks.closing, 0)
    position = 0
    while opening := marks.opening.search(text, position):
        start, position = opening.span()
        if start < unclosed_before[opening.group()]:
            continue
        closing = marks.closing[opening.group()].search(text, position)
        if closing and closing.group() != "\n":
            spans.append((start, closing.end()))
            position = closing.end()
        else:
            unclosed_before[opening.group()] = closing.start() if closing else len(text)
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the code spans in ``text`` (`` `a is not b` ``), in order, as Markdown
    reads them: a run of backticks up to the next run of as many; a run that no such run
    follows is a backtick as typed. In linear time: each run's next run of its length is
    found in one pass from the end."""
    if "`" not in text:
        return []
    runs = [run.span() for run in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    latest: dict[int, int] = {}  # by length, the run of that length found last
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        following[index] = latest.get(end - start)
        latest[end - start] = index
    spans = []
    index = 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
        else:
            spans.append((runs[index][0], runs[closing][1]))
            index = closing + 1
    return spans


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` is strictly inside one of ``spans`` (in order, not overlapping)."""
    index = bisect_left(spans, (offset,)) - 1
    return index >= 0 and offset < spans[index][1]


def mark_ends(text: str, mark: str) -> list[int]:
    """Where each ``mark`` in ``text`` ends, in order, counted as ``str.count`` counts."""
    ends: list[int] = []
    while (found := text.find(mark, ends[-1] if ends else 0)) >= 0:
        ends.append(found + len(mark))
    return ends


def ends_before(text: str, end: int, suffixes: str | tuple[str, ...]) -> bool:
    """Whether ``text[:end].rstrip()`` ends with ``suffixes``, reading back from ``end``
    only as far as the spaces before it."""
    while end and text[end - 1].isspace():
        end -= 1
    return text.endswith(suffixes, 0, end)


def lead_in(stem: str) -> str:
    """The stem's last sentence: the question (or completion) the options answer; an
    instruction after it, "(Select TWO.)" or "Select TWO.", is not. A sentence inside
    quotation marks is part of the sentence that quotes it ("Which signal means "I am
    busy. Please do not interfere"?")."""
    text = _without_bare_instruction(without_instructions(stem))
    quoted = quotations(text)
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if not inside(quoted, match.start()):
            start = match.end()
    return text[start:]


class OptionText(NamedTuple):
    """A question's option texts (feedback left out), one by one and as one text, so a
    rule can test all of them with one regular-expression search."""

    texts: tuple[str, ...]
    joined: str  # one option a line; a line break inside an option becomes a space
    folded: str  # ``joined``, case-folded

    def index_at(self, offset: int) -> int:
        """Which option ``joined[offset]`` belongs to."""
        return self.joined.count("\n", 0, offset)


_OPTION_TEXT: ByIdentity[OptionText] = ByIdentity()


def option_text(question: Question) -> OptionText:
    """The question's option texts, kept by the identity of its options mapping."""
    options = question.options
    found = _OPTION_TEXT.get(options)
    if found is not None:
        return found
    texts = question.option_texts
    joined = one_a_line(texts)
    return _OPTION_TEXT.put(options, OptionText(texts, joined, joined.casefold()))


def one_a_line(texts: tuple[str, ...]) -> str:
    """Option texts one a line, a line break inside an option a space (``OptionText.joined``)."""
    joined = "\n".join(texts)
    if joined.count("\n") >= len(texts):  # an option of several lines (most have one)
        joined = "\n".join(text.replace("\n", " ") for text in texts)
    return joined


def key_letters(question: Question) -> list[str]:
    """The answer letters that name an option."""
    return [letter for letter in question.answer_letters if letter in question.options]
