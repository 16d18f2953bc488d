"""Answers that cannot be right: a letter with no option, or the wrong number of them."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any, ClassVar

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.language_codes import primary_language
from exambank.rules.answer_requests import REQUEST_LANGUAGES, WHICH, hides_count
from exambank.rules.answer_requests import request as asked_for
from exambank.rules.base import Options, QuestionRule

# An option that names several things: "Britain and France", "L network, pi network and
# C network", "Both A & B", "Nepal e China", "Непал и Китай" (but not the "e" of "e.g.").
_SEVERAL = re.compile(r",|&|\b(?:and|und|et|y|e(?![.-])|и)\b")

# How to set an answer left empty, by the question's type.
_SET_ANSWER = {
    "single": "write the correct option's letter: answer: <letter>",
    "multiple": "write the correct options' letters: answer: [<letter>, <letter>]",
}


class AnswerNotInOptions(QuestionRule):
    """An answer letter names no option.

    Switched off for a question or a project, it still stops ``exambank build``: no
    handout or export prints a key that names no option.

    Bad:
        options: {A: Lambda, B: SageMaker, C: EC2, D: Bedrock}
        answer: E

    Good:
        options: {A: Lambda, B: SageMaker, C: EC2, D: Bedrock}
        answer: B
    """

    name = "answer-not-in-options"
    severity = "error"

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        lettered = ref.question.options.keys()
        answer = ref.question.answer
        if not lettered and answer:  # 'options: {}': there is no letter to name
            written = answer if isinstance(answer, str) else f"[{', '.join(answer)}]"
            yield self.report(
                ref,
                ("answer",),
                f"answer {written} names no option: the question has no options",
                "add the options under 'options:', each a letter and its text (A: ..., B: ...)",
            )
            return
        for letter in ref.question.answer_letters:
            if letter not in lettered:
                # The letter after the last option: most likely that option was forgotten.
                added = (
                    f", or add the missing option {letter}" if _follows(letter, lettered) else ""
                )
                yield self.report(
                    ref,
                    ("answer",),
                    f"answer {letter} names no option (options are {', '.join(lettered)})",
                    f"point the answer at an existing option letter{added}",
                )


def _states_no_count(ref: QuestionRef) -> bool:
    """Whether a stem that asks for no number ("Select TWO") leaves the candidate without
    one: it does not leave the number open on purpose ("Select all that apply"), and its
    bank is in a language whose requests are read (a request in another would go unread)."""
    return primary_language(ref.language) in REQUEST_LANGUAGES and not hides_count(
        ref.question.stem
    )


def _follows(letter: str, options: Collection[str]) -> bool:
    """Whether ``letter`` comes right after the last of the option letters (D after A-C)."""
    last = [*options][-1] if options else ""
    return len(last) == 1 and ord(letter) == ord(last) + 1


class AnswerCount(QuestionRule):
    """A question has the wrong number of answers for its type or its stem.

    A ``single`` question has exactly one answer. A ``multiple`` question has at least
    two, and exactly as many as its stem asks for ("Select TWO", "Choose 3"). A
    ``single`` question whose stem asks for several answers is reported too -- unless it
    asks "which two ..." and its key names that many things in one option ("Which two
    countries border Everest?" -- "Nepal and China"), as pairs and lists are offered as
    single options.

    The request is read in English, German, French, Spanish, Portuguese and Russian, in
    any bank: "Choose TWO", "Wählen Sie ZWEI", "Choisissez deux", "Quelles sont les deux",
    "Elija dos", "Marca dos", "¿Qué dos ...?", "Escolha DUAS", "Assinale as duas corretas",
    "Выберите ДВА" (a count word
    up to five, or a number; after a word for "which", a number from 2 to 9 before the
    things counted, as "Which 802.11 standard" and "Which 2.4 GHz channels" ask for none; a
    Spanish tú command such as "Marca" or "Indica" only where a sentence starts, as "El LED
    indica dos estados" asks for nothing, and "qué" or "cuáles" only where a question
    opens, as "¿Por qué dos procesos ...?" asks for nothing; Portuguese "quais" after an
    article, "dos quais dois", is a relative clause, not a question), a count in brackets before
    the word for answers ("(2 réponses)", "(2 Antworten)", "(3 answers)", "(2
    opciones)"), or "Hay dos respuestas correctas". A stem that leaves the count open on
    purpose ("Select all that apply", "Cochez la ou les bonnes réponses", "Marque todas
    las correctas") asks for no number. In other languages only the number of answers is
    checked against the question's type. An answer left empty, ``answer: []`` as
    ``exambank new`` writes it, is reported as not set yet. Such an answer, several
    answers to a ``single`` question and a letter listed twice stop ``exambank build``
    even where the rule is switched off: the key would print untrue.

    A ``multiple`` stem need not say how many to choose: the handouts print "Choose 2
    answers." under a stem that states no count, and the JSON and CSV exports carry that
    line as the question's ``instruction``. Where the stems are shown without it (a quiz
    tool that imports the stem and not the ``instruction``), ``count_in_stem = true``
    reports a ``multiple`` stem that states neither a count nor that any number may be
    right ("Which are storage services?"; Haladyna, Downing & Rodriguez 2002, guideline
    14: clear directions), in a bank written in one of the languages above. It reports
    them as warnings, which do not stop ``exambank build``.

    Options: ``count_in_stem`` (default false).

    Bad:
        type: multiple
        stem: Which two services store features? (Select TWO.)
        answer: [A, B, C]

    Good:
        type: multiple
        stem: Which two services store features? (Select TWO.)
        answer: [A, C]
    """

    name = "answer-count"
    severity = "error"
    # Off: the handouts and the exports state the count themselves (see the docstring).
    options: ClassVar[dict[str, Any]] = {"count_in_stem": False}

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        untrue = self.untrue_key(ref)
        if ref.question.type == "single" or not ref.question.answer_letters:
            yield from [untrue] if untrue else self._single_stem(ref)
            return
        yield from self._multiple_count(ref, options)
        if untrue:
            yield untrue

    def untrue_key(self, ref: QuestionRef) -> Diagnostic | None:
        """The finding that the question's key would print untrue: its answer not set yet,
        several answers to a single-answer question, or a letter listed twice."""
        question = ref.question
        count = len(question.answer_letters)
        if not count:  # 'answer: []', as exambank new writes it for the author to set
            return self.report(
                ref, ("answer",), "answer is not set yet", _SET_ANSWER[question.type]
            )
        if question.type == "single" and count != 1:
            return self.report(
                ref,
                ("answer",),
                f"a single-answer question has {count} answers",
                "keep one letter, or set 'type: multiple'",
            )
        if len(set(question.answer_letters)) != count:
            return self.report(
                ref, ("answer",), "an answer letter is listed twice", "list each letter once"
            )
        return None

    def _single_stem(self, ref: QuestionRef) -> Iterator[Diagnostic]:
        """A single-answer question, of one answer, whose stem asks for several."""
        question = ref.question
        request = asked_for(question.stem)
        asked = request and request[1]
        if request and request[0] in WHICH:
            key = question.options.get(question.answer_letters[0])
            key_text = key if isinstance(key, str) or key is None else key.text
            if key_text and _SEVERAL.search(key_text):
                return  # one option that names the things asked for
        if asked and asked > 1:
            yield self.report(
                ref,
                ("stem",),
                f"the stem asks for {asked} answers but the question is single-answer",
                "set 'type: multiple' and list the answers",
            )

    def _multiple_count(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        """A multiple-answer question of fewer than two answers, or not as many as its stem
        asks for, or (``count_in_stem``) whose stem does not say how many."""
        question = ref.question
        count = len(question.answer_letters)
        request = asked_for(question.stem)
        asked = request and request[1]
        if count < 2:
            yield self.report(
                ref,
                ("answer",),
                f"a multiple-answer question has {count} answer{'s' if count != 1 else ''}",
                "list at least two letters, or set 'type: single'",
            )
        elif asked is not None and asked != count:
            yield self.report(
                ref,
                ("answer",),
                f"the stem asks for {asked} answers but {count} are given",
                "make the answer list match what the stem asks for",
            )
        elif request is None and options["count_in_stem"] and _states_no_count(ref):
            # A warning, as the item-writing rules report: the handouts and the exports
            # state the count, so it must not stop ``exambank build`` as errors do.
            yield ref.diagnostic(
                self.name,
                "warning",
                ("stem",),
                "the stem does not say how many answers to choose",
                f'add "(Select {count}.)" to the stem, or "Select all that apply." where the '
                "number is left open on purpose",
            )


def untrue_key_findings(ref: QuestionRef) -> list[Diagnostic]:
    """What would make the key of ``ref`` print untrue: an answer letter that names no
    option, a letter listed twice, several answers to a single-answer question, or none
    set; as ``answer-not-in-options`` and ``answer-count`` report it. ``exambank build``
    refuses such a question even where those rules are switched off."""
    named = list(AnswerNotInOptions().check(ref, AnswerNotInOptions.options))
    counted = AnswerCount().untrue_key(ref)
    return named if counted is None else [*named, counted]
