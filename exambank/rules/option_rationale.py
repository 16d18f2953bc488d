"""Options that carry their own justification: "Amazon SageMaker -- because ..."."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.option_wording import matching_options
from exambank.rules.screen import Screen
from exambank.rules.wording import option_text

# Patterns run once over all of a question's options, one option a line (as in
# exambank/rules/option_references.py).
_FLAGS = re.IGNORECASE | re.MULTILINE
# Where a justification can be, in case-folded options: a dash, or "because", "as" or
# "since" after a comma, semicolon or parenthesis ("as" and "since" with one space
# after them, as a reason is written). Every match starts with one of the screen's
# openings, single characters that str.find finds at memory speed.
_RATIONALE_MARK = re.compile(
    r"--|\u2014|\u2013|[,;(][ \t]*because|[,;] (?:as|since) |\((?:as|since) "
)
_RATIONALE_SCREEN = Screen(
    "options_folded", _RATIONALE_MARK, ("-", "\u2014", "\u2013", ",", ";", "(")
)
_YES_OR_NO = re.compile(r"\W*(?:yes|no)\b", re.IGNORECASE)  # an answer to a yes/no question
# "as" and "since" give a reason only when a clause follows, a subject and its verb: a
# personal pronoun ("as it runs"), or up to four words, none of them "as", then an
# auxiliary or a verb in -ed ("as usage in all accounts is combined", "since the vendor
# patched it"); "as long as", "as opposed to", "as frequency increases" and "since 2010"
# are no reasons.
_CLAUSE = (
    r"(?:(?:it|they|he|she|we|you|there)\b|(?!as\b)[^\W\d_][\w'-]*(?:[ \t]+(?!as\b)[\w'-]+){0,3}"
    r"[ \t]+(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would|may|might|must"
    r"|should|shall|[^\W\d_]+ed)\b)"
)
_RATIONALE = re.compile(
    r"\S[ \t]+(?:--|\u2014|\u2013)[ \t]+\S|[,;(][ \t]*because\b"
    rf"|(?:[,;] |\()(?:as|since) {_CLAUSE}",
    _FLAGS,
)


class OptionRationale(QuestionRule):
    """An option carries its own justification ("Batch Transform -- because ...").

    The reason an option is right or wrong belongs in its ``feedback``: in the option it
    lengthens the choice, and a justification the key has and other options lack gives the
    key away. Heuristic: an option has text on both sides of a spaced double dash, em dash
    or en dash; or, after a comma, semicolon or parenthesis, "because", or "as" or "since"
    that opens a clause: a personal pronoun ("TCP, as it retransmits lost segments") or up
    to four words, none of them "as", then an auxiliary or a verb in -ed ("Volume discounts,
    as usage in all accounts is combined", "Neon, since the outer shell is full"), so "as
    long as", "as opposed to", "as frequency increases" and "since 2010" do not count. The
    options that do are reported when a key is one of them and some option is not (a
    justification on distractors alone gives nothing away: a dash that continues a
    procedure, "-- repeat as necessary", or a distractor's own misconception, "None, because
    ..."). Answers to a yes/no question, every option starting "Yes" or "No" ("Yes, because
    ...", "No, the sideband ..."), are not judged. Known false positives: a dash inside a
    name or a range ("Reserved Instances -- All Upfront", "1 -- 5 GB") in the key; "as" or
    "since" of time or manner before a clause ("..., as frequency is increased", "since the
    license was issued"). Source: Haladyna, Downing & Rodriguez (2002), guidelines 13
    (minimise reading) and 24 (keep choices about equal in length).

    Bad:
        options: {A: Amazon SageMaker -- because it covers the whole ML lifecycle,
                  B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}

    Good:
        options:
          A: {text: Amazon SageMaker, feedback: it covers the whole ML lifecycle}
          B: AWS Lambda
          C: Amazon EC2
          D: Amazon Bedrock
    """

    name = "option-rationale"
    severity = "warning"
    # "because"; and a dash between words is a copula in Russian, no justification
    languages = ("en",)
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def screen(self, options: Options) -> Screen:
        return _RATIONALE_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        shown = option_text(ref.question)
        if not _RATIONALE_MARK.search(shown.folded):
            return
        if all(_YES_OR_NO.match(text) for text in shown.texts):
            return
        explained = list(matching_options(ref, _RATIONALE))
        keys = set(ref.question.answer_letters)
        if len(explained) == len(shown.texts) or keys.isdisjoint(dict(explained)):
            return
        for letter, _ in explained:
            yield self.report(
                ref,
                ("options", letter),
                f"option {letter} explains itself",
                "move the explanation into the option's feedback: {text: ..., feedback: ...}",
            )
