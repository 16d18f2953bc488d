"""Options that are only truth values ("True" / "False", "Yes, it does" / "No, it does
not", "Valid" / "Invalid"): the reading, and the rule that reports such a question."""

# ruff: noqa: RUF001, RUF002, RUF003  # Russian words are the point

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.screen import Screen

# An option, without spaces, dots and "!", that is one of these (case-folded) is a truth
# value, true or false; "T" / "F" and "Y" / "N" are how answer sheets abbreviate them.
# Then German, whose teachers write "Richtig" / "Falsch", "Trifft zu" / "Trifft nicht zu"
# and "Stimmt" / "Stimmt nicht"; and the true/false and yes/no of the other languages the
# handouts print labels in, so a length cue is read in none of them (longest_key.py).
_AFFIRMATIVE = frozenset(
    {"true", "t", "yes", "y", "correct", "right"}
    | {"richtig", "wahr", "ja", "korrekt", "zutreffend", "trifft zu", "stimmt"}
    | {"vrai", "vraie", "oui", "verdadero", "verdadera", "cierto", "cierta", "sí", "si"}
    | {"correcto", "correcta", "verdadeiro", "verdadeira", "certo", "correto", "correta"}
    | {"sim", "vero", "vera", "corretto", "sì", "waar", "juist", "prawda"}
    | {"верно", "правда", "да", "правильно", "истина", "истинно"}
)
_NEGATIVE = frozenset(
    {"false", "f", "no", "n", "incorrect", "wrong"}
    | {"falsch", "unwahr", "nein", "inkorrekt", "unzutreffend", "nicht zutreffend"}
    | {"trifft nicht zu", "stimmt nicht", "nicht korrekt", "nicht richtig"}
    | {"faux", "fausse", "non", "falso", "falsa", "incorrecto", "incorrecta", "errado"}
    | {"incorreto", "incorreta", "não", "sbagliato", "onwaar", "onjuist", "nee", "fałsz"}
    | {"неверно", "ложь", "нет", "неправильно", "не верно", "не правильно", "ложно"}
)
# An English short answer, "Yes, it does" / "No, it does not" ("No, they can't"): a truth
# value too, its pronoun and auxiliary only echo the question.
_SHORT_ANSWER = re.compile(
    r"(yes|no),?[ \t]+(?:it|they|he|she|we|you|i|there|this|that)[ \t]+"
    r"(?:(?:is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might"
    r"|must|has|have|had)(?:n['\u2019]t|[ \t]+not)?|can['\u2019]t|cannot|won['\u2019]t)"
)
# "Valid" / "Invalid", "Legal" / "Not legal": a claim and its negation are the two truth
# values of one statement. The claim is one word of four letters or more ("it" / "unit").
_NEGATING_PREFIXES = frozenset(
    {"not ", "non-", "non", "un", "in", "im", "il", "ir", "dis", "nicht ", "не ", "не"}
)  # "Nicht zulässig", "Не поддерживается", "Недопустимо"
_CLAIM = re.compile(r"[^\W\d_][\w-]{3,}")
# A prefix (un-, in-, dis- ...) negates a claim that reads as an adjective or a participle
# ("valid", "stable", "secure", "allowed"); before other words it only makes another word
# ("Bound" / "Inbound", "Port" / "Import", "Card" / "Discard", "Come" / "Income"). Russian
# "не" joined to a word negates an adjective or an adverb ("Допустимо" / "Недопустимо",
# "Обязателен" / "Необязателен"), not a noun ("Друг" / "Недруг").
_ADJECTIVE_ENDINGS = (
    *("able", "ible", "al", "id", "ect", "ent", "ant", "ate", "ete", "ful", "ive", "ed"),
    *("ous", "ic", "ure", "ue"),
)
_RUSSIAN_ADJECTIVE_ENDINGS = (
    *("о", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ен", "на", "но", "ны"),
)
_WORD_PREFIXES = {
    **dict.fromkeys(("non", "un", "in", "im", "il", "ir", "dis"), _ADJECTIVE_ENDINGS),
    "не": _RUSSIAN_ADJECTIVE_ENDINGS,
}
# Screens every question that ``is_true_false`` can hold, in case-folded options: a line
# that is a truth value, starts with the word "yes" or "no", or is one word after a
# negating prefix; as one tree of first letters, which the search tries fastest. Such a
# question always has a false option, so the other languages' true values need no branch,
# and their false values that start with a letter of their own are behind one test. It
# matches after a line break, as the screen searches for it (rules/screen.py), so it is
# compiled once: compiling it again for the screen cost 5.6 M instructions.
_END = r"[ .!]*$"
_WORD = rf"[\w-]+{_END}"
_TRUTH_OPTION = re.compile(
    rf"\n[ .!]*(?:t(?:rue|rifft nicht zu)?{_END}|f(?:alse|alsch|alsa|also|aux|ausse|ałsz)?{_END}"
    rf"|y(?:es\b|{_END})|n(?:o\b|ot {_WORD}|on{_WORD}|icht {_WORD}|(?:on|ein|ee|ão)?{_END})"
    rf"|correct{_END}|i[nmlr]{_WORD}|right{_END}|wrong{_END}|un{_WORD}|dis{_WORD}"
    rf"|(?=[seoнл])(?:stimmt nicht|sbagliato|errado|onwaar|onjuist|не ?[\w-]+|ложь|ложно){_END})",
    re.MULTILINE,
)


def is_true_false(texts: Sequence[str]) -> bool:
    """Whether ``texts`` (a question's options) are only truth values, both true and
    false: "True" / "False", "T" / "F", "Yes, it does" / "No, it does not"; or two
    options, a claim and its negation ("Valid" / "Invalid", "Allowed" / "Not allowed")."""
    if len(texts) == 2:
        first, second = (text.strip(" .!").casefold() for text in texts)
        if _negates(first, second) or _negates(second, first):
            return True
    values = set()
    for text in texts:  # most options are no truth value: stop at the first one
        value = _truth_value(text.strip(" .!").casefold())
        if value is None:
            return False
        values.add(value)
    return len(values) == 2


def key_truth(texts: Sequence[str], key_at: int) -> bool | None:
    """Whether the key of a true/false question (``texts``, its options, the key at
    ``key_at``) is its true value ("True", "Yes, it does", "Valid", "Allowed") rather than
    its false one; None where the key reads as neither."""
    key = texts[key_at].strip(" .!").casefold()
    value = _truth_value(key)
    if value is not None or len(texts) != 2:
        return value
    other = texts[1 - key_at].strip(" .!").casefold()
    if _negates(key, other):  # "Invalid" against "Valid"
        return False
    return True if _negates(other, key) else None


def _truth_value(folded: str) -> bool | None:
    """True or False for an option that is a truth value; None for any other."""
    if folded in _AFFIRMATIVE:
        return True
    if folded in _NEGATIVE:
        return False
    if not folded.startswith(("yes", "no")):
        return None
    answer = _SHORT_ANSWER.fullmatch(folded)
    return None if answer is None else answer.group(1) == "yes"


def _negates(negated: str, claim: str) -> bool:
    """Whether ``negated`` is ``claim`` with a negating prefix ("invalid", "not legal"); a
    prefix joined to the word negates only an adjective or a participle (``_WORD_PREFIXES``)."""
    prefix = negated[: len(negated) - len(claim)]
    return (
        negated.endswith(claim)
        and prefix in _NEGATING_PREFIXES
        and _CLAIM.fullmatch(claim) is not None
        and (prefix not in _WORD_PREFIXES or claim.endswith(_WORD_PREFIXES[prefix]))
    )


class TrueFalseOptions(QuestionRule):
    """The options are only True and False (or Yes and No, or a claim and its negation).

    Such a question is a true/false item in a multiple-choice frame: it is guessed half the
    time and says little about what the candidate knows. Heuristic: every option, without
    spaces, dots and "!", is a truth value, and both true and false are there: true, false,
    yes, no, correct, incorrect, right, wrong, the letters T, F, Y and N, or an English
    short answer, yes or no with a pronoun and an auxiliary ("Yes, it does", "No, they
    cannot"); or there are two options, one word of four letters or more and that word
    negated by "not", by "non-" or, when it reads as an adjective or a participle (-able,
    -ible, -al, -id, -ect, -ent, -ate, -ed, -ure ...), by a prefix (non, un-, in-, im-, il-,
    ir-, dis-: "Valid" / "Invalid", "Allowed" / "Not allowed", "Stable" / "Unstable"; not
    "Bound" / "Inbound", "Port" / "Import", "Card" / "Discard"). In German: richtig, falsch,
    wahr, unwahr, ja, nein, korrekt, inkorrekt, zutreffend, unzutreffend, "trifft zu",
    "trifft nicht zu", "stimmt", "stimmt nicht", and a word against "nicht" and that word
    ("Korrekt" / "Nicht korrekt", "Zulässig" / "Nicht zulässig"). In Russian: верно,
    неверно, "не верно", правильно, неправильно, правда, истина, истинно, ложь, ложно, да,
    нет, and a word against "не" and that word ("Поддерживает" / "Не поддерживает"), or
    against "не" joined to an adjective or an adverb ("Допустимо" / "Недопустимо"; not a
    noun). "Yes, at any time", "Ja, aber nur ...", "Falsch positiv", "Trifft auf IPv4 zu"
    and "Да, но только ..." are answers of their own and do not count. The true and false,
    and the yes and no, of French, Spanish, Portuguese, Italian, Dutch and Russian, and the
    Polish "Prawda" / "Fałsz" ("Vrai" / "Faux", "Certo" / "Errado", "Correcto" /
    "Incorrecto", "Верно" / "Неверно") are read too, so `longest-option-key` leaves such
    questions out in any bank, and the rule runs on banks in those languages (measured on
    English, German and Russian banks only). Known false positives: none seen on the real
    banks; two adjectives that only look like a word and its negation ("Famous" /
    "Infamous"), and a pair of classes ("Direct" / "Indirect"), which is a two-choice item
    all the same. Source: Haladyna, Downing & Rodriguez (2002), guideline 18 (as many
    effective choices as you can; three is adequate). Their guideline 9 accepts true/false
    and alternate-choice items as formats of their own: this rule is for a bank of
    multiple-choice questions, where a two-option question is guessed half the time. A
    true/false question kept on purpose says so in the question: `lint: {ignore:
    [true-false-options], reason: "..."}`.

    Bad:
        stem: Amazon SageMaker trains, tunes and deploys ML models.
        options: {A: "True", B: "False"}

    Good:
        stem: Which AWS service trains, tunes and deploys ML models?
    """

    name = "true-false-options"
    severity = "warning"
    # "True", "Yes, it does", "Invalid"; "Richtig", "Trifft zu"; "Верно", "Не поддерживается";
    # and the true and false, yes and no of the other languages in the word lists above
    languages = ("en", "de", "es", "fr", "it", "nl", "pl", "pt", "ru")

    def screen(self, options: Options) -> Screen:
        return Screen("options_folded", _TRUTH_OPTION, line_start=True)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        texts = ref.question.option_texts
        if is_true_false(texts):
            yield self.report(
                ref,
                ("options",),
                f"the options are only {' / '.join(text.strip() for text in texts)}: "
                "a true/false item, guessed half the time",
                "ask for the fact itself, with three or more plausible options; to keep a "
                "true/false question on purpose: "
                'lint: {ignore: [true-false-options], reason: "..."}',
            )
