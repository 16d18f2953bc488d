"""Where a stem is negative: each "not", "except", "least" ... in its lead-in, and whether
it reverses the question (a reduced relative clause, a purpose, a quotation, code do not)
or is written in capitals or bold. ``negative-stem`` and ``negative-options`` read it.

The lead-in is indexed once (``_LeadIn``), so each negative is judged by the words around
it, in time linear in the stem, however many negatives a hostile stem holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from exambank.model import Question
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import whole_words
from exambank.rules.wording import (
    code_spans,
    ends_before,
    inside,
    lead_in,
    mark_ends,
    quotations,
    words,
)

# "least" reverses the question only before an adjective of judgement ("LEAST likely");
# "at least", "least privilege" and "the least effort" ask for a minimum, not a reversal.
_LEAST_OF = (
    "likely|appropriate|suitable|accurate|correct|useful|effective|cost-effective|efficient|"
    "important|relevant|helpful|true|valid|probable|common|beneficial|secure|reliable|"
    "scalable|preferred|recommended"
)
_CONTRACTED_VERBS = "is are was were do does did ca wo should would could has have had need"
_CONTRACTED = "(?:" + "|".join(_CONTRACTED_VERBS.split()) + ")n['\u2019]t"
# The negatives as ``words`` spells them: a cheap first test that most stems fail.
_NEGATIVE_WORDS = frozenset(
    ["not", "cannot", "except", "false", "incorrect", "least"]
    + [f"{verb}n't" for verb in _CONTRACTED_VERBS.split()]
)
# Every word of _NEGATIVE_WORDS is one of these whole words or ends in "n't": the screen
# of both negative rules, in case-folded stems ("notebook" is no match). Its openings:
# "cannot" is looked for at its "not", and "false" as "fals", which German "falsch"
# shares, as each opening is one more pass over the stems.
_NEGATIVE_TERMS = ["not", "except", "false", "incorrect", "least"]
ANY_NEGATIVE = whole_words(_NEGATIVE_TERMS) + r"|not\b(?<=cannot)(?<!\wcannot)|n't|n\u2019t"
NEGATIVE_OPENINGS = ("not", "except", "fals", "incorrect", "least", "n't", "n\u2019t")
_NEGATIVE = re.compile(
    r"\b(?P<word>not|cannot|except|(?<!true or )(?<!true/)false|incorrect|" + _CONTRACTED + r")\b"
    r"(?!\s+(?:positives?|negatives?|alarms?)\b)"
    rf"|\b(?P<least>least)\s+(?:{_LEAST_OF})\b",
    re.IGNORECASE,
)
_AUXILIARIES = (
    "am|is|are|was|were|be|been|being|do|does|did|can|could|may|might|must|shall|should|"
    "will|would|has|have|had|need"
)
_AUXILIARY = frozenset(_AUXILIARIES.split("|"))
# A word that opens a subordinate clause; in first place "when" and "where" ask the
# question instead when a verb follows ("When do the rules NOT apply?").
_SUBORDINATORS = (
    "if|whether|because|while|unless|until|since|although|though|once|provided|providing|"
    "assuming|as long as|when|whenever|where"
)
_SUBORDINATE = re.compile(rf"\b(?:that|which|who|whose|whom|so|{_SUBORDINATORS})\b", re.IGNORECASE)
# A relative clause that says which thing the question asks for is the question itself:
# "Choose the statement that is false", "Which of the following is a protocol that is not
# routable?", "Which features that are not free ...?". What comes before its "that" or
# "which": after "Which", a noun (or two joined by "or", after names such as "AWS"), not a
# verb that takes a clause ("What ensures that a message is not processed twice?" asks
# positively; "Which service stores data that ..." has a clause of its own); after "Which
# of the following is a", a thing, not a reason, a sign or a way ("... is a reason that the
# instance does not start?" asks positively).
_CLAUSE_VERBS = (
    "ensures|shows|proves|indicates|guarantees|means|implies|suggests|confirms|demonstrates|"
    "explains|states|says|determines|verifies|checks|causes|tells|reveals|signals|predicts|"
    "requires|assumes|happens|is|are|was|were|does|do|did|has|have|can|could|should|would|will"
)
_NOUN = rf"(?!(?:{_CLAUSE_VERBS})\b)[\w-]+"
_CLAIMS = (
    "reason|sign|indication|indicator|evidence|way|cause|proof|guarantee|consequence|result|"
    "effect|fact|assumption|symptom|clue|hint|explanation|requirement|condition"
)
_ASKED_FOR = re.compile(
    r"^\W*(?:(?:\w+\s+){0,4}?(?:the|an?)\s+"
    r"(?:statement|option|answer|choice|one|sentence|description|example|item)s?"
    r"|(?:select|choose|identify|pick|name|find)\s+(?:the|an?)(?:\s+[\w-]+){1,2}"
    rf"|(?:which|what)(?:\s+(?-i:[A-Z])[\w-]*)*\s+{_NOUN}(?:\s+(?:or|and)\s+{_NOUN})?"
    r"|(?:which|what)\s+of\s+(?:the\s+following|these|those)\s+(?:is|are)\s+(?:an?|the)"
    rf"(?:\s+[\w-]+)?\s+(?!(?:{_CLAIMS})s?\b)[\w-]+)\s+$",
    re.IGNORECASE,
)
# An opening phrase's comma just before a word, and any question word. The phrase opens
# with a preposition or "To" ("Under the Wills Act,", "During ARQ,", "To insert RF
# energy,"): after a clause ("Refer to the exhibit, which does not show ...") a "which" is
# relative, unless "of" follows it ("Consider the code, which of these lines ...").
_AFTER_COMMA = re.compile(r",\s*$")
_OPENING_PHRASE = re.compile(
    r"\W*(?:under|in|during|for|according|given|among|on|at|with|without|after|before|to|"
    r"from|by|as|within|per|regarding|considering|based|upon|across|between|of|about)\b",
    re.IGNORECASE,
)
_WHICH_OF = re.compile(r"\w+\s+of\b", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"\b(?:which|what|who|whom|how|why|when|where)\b", re.IGNORECASE)
_OPENING_SUBORDINATE = re.compile(
    rf"\W*(?:{_SUBORDINATORS})\b(?!\s+(?:{_AUXILIARIES})\b)", re.IGNORECASE
)
_FIRST_WORD = re.compile(r"\W*\w+")
# A comma ends a clause, unless a conjunction carries the clause on ("..., but ... not").
_CLAUSE_COMMA = re.compile(r",(?!\s*(?:and|but|or|nor|yet)\b)", re.IGNORECASE)
# "not" before a participle or adjective, with no verb just before: a reduced relative
# ("respects not covered by", "an impedance not equal to").
_MODIFIED = re.compile(
    r"\s+(?:\w+(?:ed|en|ing)|equal|available|applicable|possible|necessary|subject)\b",
    re.IGNORECASE,
)
# "Except for ..., what is ...": a hedge the comma closes, not a reversed question.
_HEDGE = re.compile(r"\s+(?:for|in|when|where|as|if)\b[^,:?]*,", re.IGNORECASE)
# A question about a reason ("Why ... not ...?", "a reason not to use ..."): every option
# is a reason against, so the negative reverses nothing; "Which of these reasons is not
# valid?" does reverse it. So "why" anywhere before the negative, or "reasons" or
# "reasons for" just before it ("reasons why ..." has a "why").
_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
_REASONS = re.compile(r"\breasons?\s+(?:for\s+)?", re.IGNORECASE)
# A lead-in that ends by asking for the reason: "Long waveguides are not desirable
# because:", "... is not used because ___".
_ENDS_ASKING_WHY = re.compile(r"\bbecause[\s_.\u2026]*(?::\s*)?$", re.IGNORECASE)
OPTION_NEGATIVE = re.compile(r"\b(?:not|never|cannot|none|" + _CONTRACTED + r")\b", re.IGNORECASE)
# An option that gives a reason: the stem ("... is not feasible because:") asked for one.
_REASON_OPTION = re.compile(r"\W*(?:because|since|due to|in order (?:that|to))\b", re.IGNORECASE)


def _answers_with_reasons(options: tuple[str, ...]) -> bool:
    """Half the options or more start with "Because", "Since", "Due to" or "In order
    that" (options that stand for others, "A & B", "None of the above", left out)."""
    own = [text for text in options if not points_at_options(text)]
    return bool(own) and sum(bool(_REASON_OPTION.match(text)) for text in own) * 2 >= len(own)


# The question line of a stem whose exhibit follows it ("What is the output of the
# following code?" and then the program).
_QUESTION_LINE = re.compile(r"^[^\n]*[?:][ \t]*$", re.MULTILINE)
# "false" or "incorrect" before a noun other than these names a thing ("a false Distress
# alert"); before these, or at the end, it asks for the false one.
_VERDICT_NEXT = re.compile(
    r"\s+(?:statements?|answers?|options?|choices?|claims?|assertions?|about|regarding|"
    r"concerning|with|for|of|in|when|if|under|according|to|as|and|or|but)\b"
    r"|\s*(?:[^\w\s]|$)",
    re.IGNORECASE,
)
# "not exceed", "not ... be exceeded", "not continue for more than ___": a question about
# a limit, asked positively ("does not last longer than an hour" asks in the negative).
_LIMIT = re.compile(
    r"[\s,]+(?:\w+[\s,]+){0,3}?(?:(?:exceed|be exceeded)\b|"
    r"(?:more|less|fewer|longer|shorter|greater|lower|higher|later|earlier)\s+than"
    r"(?=\s*_{2,}|[:?]?\s*$))",
    re.IGNORECASE,
)
# "in order not to distort ...", "so as not to ...": a purpose, not the question reversed.
_PURPOSE = re.compile(r"\b(?:in\s+order|so\s+as)\s+", re.IGNORECASE)
# What may stand before an instruction's "Don't" (or "Do not"): quotation marks, bold.
_MARKS = " \t\"'*_(\u201c"
# "the purpose of not putting ...": a negated gerund, a thing named, not a question reversed.
_GERUND = re.compile(r"\s+\w+ing\b", re.IGNORECASE)


def asked_lead_in(stem: str) -> str:
    """The lead-in of the question a stem asks: of its first line when that line ends in
    "?" or ":" and an exhibit follows it (a program), else of the whole stem."""
    first_question = _QUESTION_LINE.search(stem)
    if first_question and stem[first_question.end() :].strip():
        stem = stem[: first_question.end()]  # the exhibit below is not the question
    return lead_in(stem)


class Negative(NamedTuple):
    word: str
    emphasised: bool  # in capitals or in bold


def stem_negatives(item: Question) -> Iterator[Negative]:
    """Negatives in the main clause of the lead-in of ``item``'s stem, in order and one at
    a time (a rule stops at the first it reports); none when its options are reasons
    ("Because ..."), and what else does not count is listed in ``negative-stem``'s
    documentation. A question word that opens the lead-in ("Which of these is not ...",
    "When do the rules NOT apply?") is not a subordinating word; "If", or "When" with no
    verb after it, is."""
    if _NEGATIVE_WORDS.isdisjoint(words(item.stem)) or _answers_with_reasons(item.option_texts):
        return
    question = _LeadIn(asked_lead_in(item.stem))
    for match in _NEGATIVE.finditer(question.text):
        word = match.group("word") or match.group("least")
        if question.reverses(word, match.start(), match.end()):
            yield Negative(word, question.emphasised(word, match.start()))


class _LeadIn:
    """A lead-in, and where its clauses start, its subordinating words, parentheses,
    quotations, reasons ... are, each found in one pass: judging a negative then reads
    no more than the words around it (reading the text before each negative again took
    quadratic time on a stem of many negatives)."""

    def __init__(self, text: str) -> None:
        self.text = text
        first_word = _FIRST_WORD.match(text)
        self.first_word_end = first_word.end() if first_word else 0
        opens_clause = _OPENING_SUBORDINATE.match(text)
        # where a subordinating word may first start
        self.opening = 0 if opens_clause else self.first_word_end
        self.clause_starts = [comma.end() for comma in _CLAUSE_COMMA.finditer(text)]
        self._subordinators: list[tuple[int, int]] | None = None  # found when first asked
        self.opened, self.closed = mark_ends(text, "("), mark_ends(text, ")")
        self.quoted = quotations(text)
        self.code = code_spans(text)
        why = _WHY.search(text)
        self.why_end = why.end() if why else len(text)
        self.after_reasons = {match.end() for match in _REASONS.finditer(text)}
        asks_why = _ENDS_ASKING_WHY.search(text)
        self.asks_why_from = asks_why.start() if asks_why else -1
        self.after_purpose = {match.end() for match in _PURPOSE.finditer(text)}
        marks = len(text) - len(text.lstrip(_MARKS))
        self.dont = range(marks + 1)  # where the "Don't" of an instruction may start
        self.do_not = range(0)  # and the "not" of its "Do not"
        if text[marks : marks + 2].casefold() == "do":
            self.do_not = range(marks + 2, len(text) - len(text[marks + 2 :].lstrip(_MARKS)) + 1)
        self.bold = [mark_ends(text, "**"), mark_ends(text, "__")]

    def reverses(self, word: str, start: int, end: int) -> bool:
        """Whether the negative ``word``, ``text[start:end]``, is in the main clause and
        reverses what is asked."""
        text = self.text
        if (
            self._in_subordinate_clause(start)
            or bisect_right(self.opened, start) > bisect_right(self.closed, start)
            or inside(self.quoted, start)  # 'To be, or not to be'
            or inside(self.code, start)  # `a is not b`: Python's "not"
            or self.why_end <= start
            or start in self.after_reasons
            or self.asks_why_from >= end
        ):
            return False
        folded = word.casefold()
        if folded == "except":  # "Except for ..., what is ...?" hedges what is asked
            if ends_before(text, start, ","):
                return text.find(",", end) < 0  # ", except at UHF," set off by commas
            # "Except for ..., what ...?" when "except" opens the lead-in
            return self.first_word_end < end or not _HEDGE.match(text, end)
        if folded in ("false", "incorrect") and not _VERDICT_NEXT.match(text, end):
            return False  # "a false Distress alert"
        if folded == "not" and (
            _LIMIT.match(text, end)
            or (ends_before(text, start, (" of", " for")) and _GERUND.match(text, end))
            or start in self.after_purpose
        ):
            return False  # "not exceed:", "the purpose of not putting ...", "in order not to"
        if (folded.replace("\u2019", "'") == "don't" and start in self.dont) or (
            folded == "not" and start in self.do_not
        ):
            return False  # "Don't be intimidated by ...": an instruction, not a question
        if folded == "not":  # "all respects not covered by ...": a reduced relative clause
            # unless a verb comes just before: "are not covered", "are users not allowed"
            near = words(text[max(0, start - 40) : start])[-4:]
            return not (_AUXILIARY.isdisjoint(near) and _MODIFIED.match(text, end))
        return True

    def _in_subordinate_clause(self, start: int) -> bool:
        """Whether a subordinating word opens the clause ``start`` is in."""
        commas = bisect_right(self.clause_starts, start)
        clause_start = max(self.clause_starts[commas - 1] if commas else 0, self.opening)
        if self._subordinators is None:  # where each subordinating word starts and ends
            self._subordinators = [
                (word.start(), word.end())
                for word in _SUBORDINATE.finditer(self.text)
                if word[0].casefold() not in ("that", "which", "who")
                or not (_ASKED_FOR.match(self.text, 0, word.start()) or self._asks(word.start()))
            ]
        found = self._subordinators
        first = bisect_left(found, (clause_start, 0))
        return first < len(found) and found[first][1] <= start

    def _asks(self, start: int) -> bool:
        """Whether the "which" or "who" at ``start`` asks the question after an opening
        phrase ("Under the Wills Act 1837, which of these isn't required?"): it follows
        that phrase's comma, no question word comes before it, and its clause runs to the
        end of the lead-in, which asks ("The device, which is not connected, needs what?"
        has a relative clause)."""
        return (
            _AFTER_COMMA.search(self.text, 0, start) is not None
            and _QUESTION_WORD.search(self.text, 0, start) is None
            and "," not in self.text[start:]
            and self.text.rstrip().endswith(("?", ":"))
            and (_OPENING_PHRASE.match(self.text) or _WHICH_OF.match(self.text, start)) is not None
        )

    def emphasised(self, word: str, offset: int) -> bool:
        """Written in capitals, or inside Markdown bold (``**not**``, ``__not__``)."""
        return word.isupper() or any(bisect_right(ends, offset) % 2 for ends in self.bold)
