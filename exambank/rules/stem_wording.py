"""A negative in the stem: a question candidates read past, or a double negative."""

from __future__ import annotations

from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.negatives import NEGATIVE_SCREEN, OPTION_NEGATIVE, stem_negatives
from exambank.rules.option_wording import points_at_options
from exambank.rules.screen import Screen
from exambank.rules.wording import option_texts


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
    impedance not equal to 50 ohms"); a negative in parentheses or in quotation marks
    (a quoted line whose speaker is asked for: "Ask not what ..."). Nor does one count
    in a question about a reason ("Why should you not ...?", "a reason not to use ...",
    a lead-in that ends "because:", or a stem whose options mostly start with "Because"
    or "In order that"), whose
    options are all reasons against, nor "Except for ...," as an opening hedge or ",
    except at UHF," set off by commas; nor a limit asked for ("not exceed", "not
    continue for more than ___"), "the purpose of not putting ..." (a negated gerund), a
    purpose ("in order not to distort"), an instruction that opens the lead-in ("Don't
    be intimidated by ..."), or "false" before a noun it describes ("a false Distress
    alert"). A sentence in quotation marks is part of the sentence that quotes it. A
    stem whose first line ends in "?" or ":" and is followed by an exhibit (a program)
    asks with that line.
    "least" counts only before a word of judgement ("least likely"); "false positives"
    and "true or false" do not count. Known false positives: a negative inside a clause
    the heuristic takes for the main one (a subordinate clause without its subordinating
    word: "barriers they classically shouldn't"). Source: Haladyna, Downing & Rodriguez
    (2002), guideline 15 (word the stem positively; if a negative is used, capitalise
    and bold it).

    Bad:
        stem: Which AWS service does not train ML models?

    Good:
        stem: Which AWS service does NOT train ML models?
    """

    name = "negative-stem"
    severity = "warning"
    languages = ("en",)  # "not", "except", "least" and the clauses around them

    def screen(self, options: Options) -> Screen:
        return NEGATIVE_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        for word, emphasised in stem_negatives(ref.question):
            if not emphasised:
                yield self.report(
                    ref,
                    ("stem",),
                    f"the question asks in the negative with '{word}' in small letters: "
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
    and an option holds "not", "never", "cannot", "none" or an "n't" word ("None of the
    above" is no negated statement: ``none-of-the-above`` reports it). Known false
    positives: an option whose negative is part of a name or a fixed phrase. Source:
    Haladyna, Downing & Rodriguez (2002), guidelines 15 and 27 (phrase choices
    positively).

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
    languages = ("en",)  # as negative-stem, and "never", "cannot", "n't"
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def screen(self, options: Options) -> Screen:
        return NEGATIVE_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        negative = next(stem_negatives(ref.question), None)
        if negative is None:
            return
        negative_options = [
            letter
            for letter, text in zip(ref.question.options, option_texts(ref.question), strict=True)
            if OPTION_NEGATIVE.search(text) and not points_at_options(text)
        ]
        if negative_options:
            yield self.report(
                ref,
                ("options", negative_options[0]),
                f"the question asks '{negative.word}' and option"
                f"{'s' if len(negative_options) > 1 else ''} {', '.join(negative_options)} "
                "negate too: a double negative",
                "ask the question positively, or word the options without a negative",
            )
