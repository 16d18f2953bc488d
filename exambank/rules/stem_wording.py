"""A negative in the stem: a question candidates read past, or a double negative."""

# ruff: noqa: RUF002  # Russian words are the point

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules import negatives, negatives_german, negatives_russian
from exambank.rules.base import Options, QuestionRule
from exambank.rules.negatives import Negative
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import Screen
from exambank.rules.wording import code_spans, inside

# The two rules share one search of the bank's stems, for the negatives of the bank's
# language (its pattern, and the openings each match starts with): each opening is one
# more pass over the stems, and an English bank's stems need no search for "nicht" or
# "kein" (a Cyrillic opening costs nothing in a stem text without Cyrillic letters).
# "fals" opens English "false" and German "falsch".
_NEGATIVE_TERMS = {
    "en": (negatives.ANY_NEGATIVE, negatives.NEGATIVE_OPENINGS),
    "de": (negatives_german.ANY_GERMAN_NEGATIVE, (*negatives_german.GERMAN_OPENINGS, "fals")),
    "ru": (negatives_russian.ANY_RUSSIAN_NEGATIVE, negatives_russian.RUSSIAN_OPENINGS),
}


@cache
def _negative_screen(language: str | None) -> Screen:
    """The screen for the negatives ``_stem_negatives`` reads in a bank in ``language`` (a
    primary subtag), or in a bank of any language (None): those of all three. Compiled
    when first asked: an English lint compiles no German or Russian pattern."""
    if language is None:
        chosen = list(_NEGATIVE_TERMS.values())
    else:
        chosen = [_NEGATIVE_TERMS.get(language, _NEGATIVE_TERMS["en"])]
    pattern = "|".join(terms for terms, _ in chosen)
    openings = tuple(dict.fromkeys(opening for _, each in chosen for opening in each))
    return Screen("stem_folded", re.compile(pattern), openings)


def _stem_negatives(ref: QuestionRef) -> Iterator[Negative]:
    """The negatives of a question's lead-in, read in its bank's language."""
    language = primary_language(ref.language)
    if language == "de":
        return negatives_german.german_stem_negatives(ref.question)
    if language == "ru":
        return negatives_russian.russian_stem_negatives(ref.question)
    return negatives.stem_negatives(ref.question)


def _option_negative(ref: QuestionRef) -> re.Pattern[str]:
    language = primary_language(ref.language)
    if language == "de":
        return negatives_german.OPTION_NEGATIVE
    if language == "ru":
        return negatives_russian.OPTION_NEGATIVE
    return negatives.OPTION_NEGATIVE


def _negates(option: str, negative: re.Pattern[str]) -> bool:
    """Whether an option holds a ``negative`` outside its code (`` `x is not None` ``
    is Python's "not", not a negated statement)."""
    code = code_spans(option)
    return any(not inside(code, match.start()) for match in negative.finditer(option))


class NegativeStem(QuestionRule):
    """The lead-in asks a negative question with the negative in small letters.

    Candidates read "not", "except", "least likely", "false" or "incorrect" past and
    answer the positive question. Heuristic: the word (whole words only: "note" and
    "another" do not count) in the stem's last sentence, in its main clause, neither in
    capitals nor in bold. Not in the main clause: after "that", "which", "when", "if",
    "provided" ... unless a comma closes that clause (", but" carries it on), or the
    clause says which thing is asked for ("Choose the statement that is false:",
    "Which of the following is a service that is not serverless?", "Which service that
    is not ...?", but not "Which service stores data that is not ...", "What ensures
    that ... is not ...", "Which of the following is a reason that ..."), or the
    "which" asks after an opening phrase ("Under the Wills Act, which of these isn't
    required?", its clause running to the end of a lead-in that asks; not after a
    clause: "Refer to the exhibit, which does not show ..."), including
    a clause that opens the sentence ("When the operator is not the licensee, who ...?";
    "When do the rules not apply?" asks with "when"); a "not" after a noun and before a
    participle or adjective (a reduced relative: "respects not covered by", "an
    impedance not equal to 50 ohms"); a negative in parentheses, in quotation marks (a
    quoted line whose speaker is asked for: "Ask not what ...") or in code (Python's
    "not" in `` `not True` `` or `` `a is not b` ``, in a bank of any language). Nor does
    one count in a question about a reason ("Why should you not ...?", "a reason not to
    use ...", a lead-in that ends "because:", or a stem whose options mostly start with
    "Because" or "In order that"), whose options are all reasons against, nor "Except
    for ...," as an opening hedge or ", except at UHF," set off by commas; nor a limit
    asked for ("not exceed", "not continue for more than ___"), "the purpose of not
    putting ..." (a negated gerund), a purpose ("in order not to distort"), an
    instruction that opens the lead-in ("Don't be intimidated by ..."), or "false"
    before a noun it describes ("a false Distress alert"). A prohibition counts ("Which
    conductor must not be switched?", "Welcher Leiter darf nicht geschaltet werden?"):
    read past, the word leaves a question that asks the opposite, where a limit read past
    ("must not be exceeded") asks nothing. A sentence in quotation marks is part of the
    sentence that quotes it. A stem whose first line ends in "?" or ":" and is followed
    by an exhibit (a program) asks with that line. An instruction at the end is not the
    last sentence, whether in parentheses ("(Select TWO.)") or a sentence that only asks
    for answers ("Select TWO.", "Choose one answer.", "Select all that apply."): the
    sentence before it is.
    "least" counts only before a word of judgement ("least likely"); "false positives"
    and "true or false" do not count.
    In a German bank: "nicht", "kein" ("keine", "keinen" ...), "außer" ending the lead-in
    ("Alle folgenden ..., außer:"; not "außer Stickstoff"), "falsch" or "unzutreffend"
    ending their clause or before a noun for an answer ("die falsche Aussage"; not "falsch
    positiv", "falsche Positive"), whole words ("Nichtigkeit", "außerdem" do not count; "am
    wenigsten" is not read), in the main clause: German sets its clauses off with commas,
    and a clause that opens with "wenn", "dass", "weil", "ob" ... or a relative pronoun
    ("die", "der", "welche", "in dem" ...) is subordinate, as is the rest of a clause after
    "wenn" or "dass" with no comma before it, unless the relative clause says which answer
    is asked for ("Wählen Sie die Aussage, die nicht zutrifft."), and so are the clauses
    before a last one that asks with a question word ("Ist der Server nicht erreichbar,
    welche Ursache ...?"); nor "nicht nur", a limit ("nicht überschreiten"), "um nicht ...
    zu", "nicht" before an inflected adjective and its noun ("die nicht genutzten Ports"), a
    question about a reason ("Warum", "Aus welchem Grund", options that start "Weil" or
    "Da"), or a negative in parentheses or in quotation marks („...“, »...«, "..."). NICHT,
    KEIN and AUSSER in capitals, or in bold, are emphasised. In a Russian bank: "не",
    "нет", "нельзя", "кроме" or "за исключением" ending the lead-in ("..., кроме:", "кроме
    одного"; not "кроме азота"), "неверный" ("неверно", "неверен" ...), "неправильный",
    "ошибочный" or "ложный" ending their clause or before a noun for an answer ("Укажите
    неправильное утверждение"; not "неверного пароля", "ложноположительный", "Что настроено
    неверно?"), in the main clause, read as German is: "если", "чтобы", "потому что" ...,
    and after a comma "что", "когда", "где", "как", "который", a question word ("Как
    узнать, какие процессы не отвечают?") or a verb and "ли" open a subordinate clause,
    unless the clause before names the answer ("Выберите утверждение, которое не ...") or
    the last clause asks ("Если ..., какое действие не следует выполнять?"); nor "не
    только", "а не", "или нет", a limit ("не более", "не позднее", "не должна превышать"),
    "не допустить" (to prevent), "не" before a participle or adjective and a word after it
    ("работнику, не достигшему 18 лет") or before an adverbial participle ("не считая"), "не"
    named in a question on spelling ("с частицей не", "не пишется слитно"), a question about
    a reason ("Почему", "Зачем", options that start "Потому что"), or a negative in
    parentheses or «...». НЕ in capitals, or in bold, is emphasised. Known false positives: a
    negative inside a clause the heuristic takes for the main one (a subordinate clause
    without its subordinating word: "barriers they classically shouldn't"). Source:
    Haladyna, Downing & Rodriguez (2002), guideline 17 (word the stem positively; if a
    negative is used, capitalise and bold it).

    Bad:
        stem: Which AWS service does not train ML models?

    Good:
        stem: Which AWS service does NOT train ML models?
    """

    name = "negative-stem"
    severity = "warning"
    # "not", "nicht", "не", "except", "außer", "кроме" and the clauses around them
    languages = ("en", "de", "ru")

    def screen(self, options: Options) -> Screen:
        return _negative_screen(None)

    def screen_in(self, options: Options, language: str) -> Screen:
        return _negative_screen(primary_language(language))

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        for word, emphasised in _stem_negatives(ref):
            if not emphasised:
                written = "in small letters" if word.islower() else "neither in capitals nor bold"
                yield self.report(
                    ref,
                    ("stem",),
                    f"the question asks in the negative with '{word}' {written}: "
                    "candidates read past it",
                    f"ask the question positively, or write {word.upper()} or **{word}**",
                )
                return


class NegativeOptions(QuestionRule):
    """A negative stem has negative options: a double negative.

    "Which is NOT true? -- It does not scale" makes the candidate negate twice, which
    tests reading rather than knowledge. Heuristic: the lead-in has a negative in its
    main clause (as for ``negative-stem``, in any case: not in a subordinate clause, a
    ", but" clause that carries one on, parentheses or a reduced relative, nor in a
    question about a reason, whose negatively worded reasons are no double negative),
    and an option holds "not", "never", "cannot", "none" or an "n't" word outside code
    (`` `x is not None` `` is Python's "not"; "None of the above" is no negated statement:
    ``none-of-the-above`` reports it).
    In a German bank, the stem is read as for ``negative-stem`` and an option holds "nicht",
    "nie", "niemals", "kein" ("keine" ...) or "keinesfalls" ("Keine der genannten" is left
    to ``none-of-the-above``). In a Russian bank, an option holds "не", "нет", "никогда",
    "нельзя" or "ни" ("Ни один из вариантов" is left to ``none-of-the-above``). Known false
    positives: an option whose negative is part of a name or a fixed phrase. Source:
    Haladyna, Downing & Rodriguez (2002), guidelines 17 and 27 (phrase choices positively).

    Bad:
        stem: Which statement about Amazon SageMaker is NOT true?
        options: {A: It does not train models, B: It hosts endpoints, C: It tunes models,
                  D: It labels data}

    Good:
        stem: Which statement about Amazon SageMaker is NOT true?
        options: {A: It only runs on premises, B: It hosts endpoints, C: It tunes models,
                  D: It labels data}
    """

    name = "negative-options"
    severity = "warning"
    languages = ("en", "de", "ru")  # as negative-stem, and "never", "n't"; "nie"; "никогда"
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def screen(self, options: Options) -> Screen:
        return _negative_screen(None)

    def screen_in(self, options: Options, language: str) -> Screen:
        return _negative_screen(primary_language(language))

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        negative = next(_stem_negatives(ref), None)
        if negative is None:
            return
        option_negative = _option_negative(ref)
        negative_options = [
            letter
            for letter, text in zip(ref.question.options, ref.question.option_texts, strict=True)
            if _negates(text, option_negative) and not points_at_options(text)
        ]
        if negative_options:
            yield self.report(
                ref,
                ("options", negative_options[0]),
                f"the question asks '{negative.word}' and option"
                f"{'s' if len(negative_options) > 1 else ''} {', '.join(negative_options)} "
                f"negate{'' if len(negative_options) > 1 else 's'} too: a double negative",
                "ask the question positively, or word the options without a negative",
            )
