"""How the stem is built: a blank mid-sentence, or no question at all."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.screen import Screen
from exambank.rules.wording import without_instructions

_WORD_CHARACTER = re.compile(r"\w")
# A blank: underscores, "[...]", or dots standing for a word as a printed worksheet has
# them ("Das Protokoll ........ löst", "…………", "(...)", "durch … in"): a run of four dots
# or more, or two ellipses, at a line's start or after a word; dots in brackets after a
# space; and one "..." or "…" between two words. Dots after other marks are not a blank:
# Morse code ("1 - .... - 2"), a quoted "(e.g. .....)", a sequence ("2, 4, ..., 16"); nor
# are dots against a word ("Married... with Children") or a call's "f(...)".
_DOTS_AFTER = r"(?=[ \t]+[^\W\d_]|[ \t]*(?:[.!?:;,)]|\Z))"
_BLANK = re.compile(
    r"(?:\\?_){3,}|\[\s*(?:\.\.\.|…)\s*\]"
    rf"|(?:(?<![^\n])|(?<=[\w:] ))(?:\.{{4,}}|…{{2,}}){_DOTS_AFTER}"
    rf"|(?:(?<![^\n])|(?<=\s))\(\s*(?:\.{{3,}}|…+)\s*\){_DOTS_AFTER}"
    rf"|(?<=[^\W\d_] )(?:\.\.\.|…){_DOTS_AFTER}"
)
_BLANK_MARK = re.compile(r"[_\[…]|\.\.\.")
_BLANK_SCREEN = Screen("stem", _BLANK_MARK, ("_", "[", "…", "..."))
# A quotation, whose blank or omission is the quoted text's: straight, English and German
# double quotes, and guillemets.
_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|„[^“”\n]*[“”]|«[^»\n]*»|»[^«\n]*«')
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_INSTRUCTION_VERB = re.compile(
    r"^\W*(?:select|choose|pick|identify|match|name|indicate|complete|arrange|order|"
    r"classify|rank|mark|determine|list|give|calculate|compute|estimate)\b",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(
    r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|"
    r"could|should|would|will|has|have)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:])\s+|\n+")
_EXHIBIT = re.compile(r"^(?:```|~~~|\||>|[-*+] |\d+[.)] | {4})")


class FillInBlank(QuestionRule):
    """The stem has a blank (`___`, `[...]` or `........`) before its end.

    A blank mid-sentence makes candidates hold the sentence in mind while they try each
    option in the gap. Heuristic: a run of three or more underscores (or ``[...]``)
    followed by more words; or dots standing for a word, as printed worksheets have them:
    four or more ("Das Protokoll ........ löst"), two ellipses ("…………") or dots in
    brackets ("(...)") after a word or at a line's start, or one "..." or "…" with a word
    and a space on each side ("durch … in"). Dots after other marks (Morse code "1 - ....
    - 2", "2, 4, ..., 16") or against a word ("Married... with Children") are no blank.
    A blank that ends its sentence is a completion stem and is fine, and a blank inside
    a quotation ("...", “...”, „...“, «...») is a slot or an omission of the quoted text
    ('What Q-signal asks "Have you news of ____?"'), not the answer's. Known false
    positives: underscores that are not a blank (an identifier such as ``__init__``); an
    omission "..." between two words outside quotation marks. Source:
    Haladyna (2004), *Developing and Validating Multiple-Choice Test Items*: place the
    blank of a completion item at the end; NBME Item-Writing Guide.

    Bad:
        stem: ___ is the AWS service that trains, tunes and deploys ML models.

    Good:
        stem: The AWS service that trains, tunes and deploys ML models is ___.
    """

    name = "fill-in-blank"
    severity = "warning"

    def screen(self, options: Options) -> Screen:
        return _BLANK_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        stem = ref.question.stem
        if "_" not in stem and "[" not in stem and "…" not in stem and "..." not in stem:
            return
        text = without_instructions(stem)
        quoted = [match.span() for match in _QUOTED.finditer(text)]
        for blank in _BLANK.finditer(text):
            if any(start < blank.start() < end for start, end in quoted):
                continue  # a slot in a quoted phrase ("Have you news of ___?"), not the answer's
            if _SENTENCE_END.match(text, blank.end()) or not _WORD_CHARACTER.search(
                text, blank.end()
            ):
                return  # the blank ends its sentence: a completion
            yield self.report(
                ref,
                ("stem",),
                "the stem has a blank before its end: candidates must hold the sentence "
                "in mind while trying each option",
                "ask a question, or move the blank to the end of the stem",
            )
            return


class StemLeadIn(QuestionRule):
    """The stem does not end in a question or in a completion the options finish.

    A stem that is only a statement ("Amazon S3.") leaves the task to the options: the
    candidate cannot answer before reading them all. Heuristic: after dropping a trailing
    "(Choose TWO)" and any exhibit that follows the question (a code block, table, list
    or quote), the stem must end in "?", ":" or a blank, have a sentence that starts
    with an instruction ("Select two ...", "Match each ..."), or have a last sentence
    that starts with a question word ("What are the benefits of X (Select TWO)" is a
    whole question that lacks only its "?"). Known false positives:
    a completion stem that ends in an open phrase without a colon ("The main benefit
    is"); a True/False statement (``true-false-options`` reports those); a completion
    stem with its blank mid-sentence whose task is clear (``fill-in-blank`` reports
    those). Source: Haladyna, Downing & Rodriguez (2002), guidelines 14 (clear
    directions) and 15 (the central idea in the stem); NBME "cover the options" rule.

    Bad:
        stem: Amazon SageMaker and machine learning models.

    Good:
        stem: Which AWS service trains, tunes and deploys ML models?
    """

    name = "stem-lead-in"
    severity = "warning"
    languages = ("en",)  # English question words and instruction verbs
    enabled_by_default = False  # measured below 0.9 (docs/rule-precision.md)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        if ref.question.stem.rstrip().endswith(("?", ":")):
            return
        text = without_instructions(ref.question.stem)
        paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
        while len(paragraphs) > 1 and _EXHIBIT.match(paragraphs[-1]):
            paragraphs.pop()
        last = paragraphs[-1] if paragraphs else ""
        question = last.rstrip(" *_\"')")
        if not question or question.endswith(("?", ":")) or _BLANK.search(last[-8:]):
            return
        sentences = _SENTENCE_SPLIT.split(text)
        if any(_INSTRUCTION_VERB.match(sentence) for sentence in sentences):
            return
        if _QUESTION_WORD.match(sentences[-1]):  # a whole question without its "?"
            return
        last_words = question.split()[-6:]
        yield self.report(
            ref,
            ("stem",),
            f'the stem ends "...{" ".join(last_words)}" without a question: candidates '
            "must read the options to learn what is asked",
            "end the stem with the question (...?) or with a colon the options complete",
        )
