"""Options that are not answers in their own right: "all of the above", "A and C" (True/False:
exambank/rules/true_false.py; options that carry their own justification:
exambank/rules/option_rationale.py)."""

# ruff: noqa: RUF002  # Russian words and Cyrillic letters are the point

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.bank import QuestionRef
from exambank.diagnostics import Diagnostic
from exambank.rules.base import Options, QuestionRule
from exambank.rules.option_references import (
    ALL_OF,
    ALL_OR_NONE_OF,
    COMBINATION,
    NONE_OF,
    combines,
)
from exambank.rules.screen import Screen
from exambank.rules.wording import option_text

# "None" or "Neither" alone (German "Keine", "Keines"; Russian "Ни одного", "Никакой"); as
# code or a quotation ("`None`", '"None"') it is a value, and "None", "Keine" or "Ни одного"
# is beside options that are values.
_ALONE = re.compile(
    r"^\W*(?:none|neither|kein(?:e[rsmn]?|s)?|ни\s+од(?:ин|н\w*)|никак\w*|ningun[ao]?|ningún"
    r"|nenhum[ao]?|aucune?)\W*$",
    re.IGNORECASE,
)
_NONE_ALONE = re.compile(
    r"\W*(?:none|kein|ни\s+од|никак|ningun|ningún|nenhum|aucun)", re.IGNORECASE
)
_QUOTE_MARK = re.compile("[`'\"\u2018\u201c]")
# An option that is a value: it starts with a number ("0", "-1", "10 meter band only"),
# or is a literal in quotes, backticks or brackets ("'3'", "('100', '1')").
_VALUE = re.compile(r"\s*(?:[-+]?\.?\d|(['\"`]).*\1\s*$|[(\[{]\s*['\"\d])")
# Or it is a number in words, alone ("Two", "Einen", "Drei", "Dos"): beside such options a
# "None" ("Keinen", "Ninguno") is the quantity zero too.
_NUMBER_WORD = re.compile(
    r"\W*(?:one|two|three|four|five|six|ein(?:e[nmrs]?|s)?|zwei|drei|vier|f[üu]nf|sechs"
    r"|un[oa]?|dos|tres|cuatro|cinco|seis|uma?|dois|duas|tr[êe]s|quatro|une?|deux|trois"
    r"|quatre|cinq|один|одна|одно|два|две|три|четыре|пять)\W*$",
    re.IGNORECASE,
)
# The two rules share one search of the bank's options.
_ALL_OR_NONE_SCREEN = Screen("options", ALL_OR_NONE_OF, line_start=True)


def points_at_options(text: str) -> bool:
    """Whether an option (or several, a line each) stands for other options: "All of the
    above", "None of these", "Both A and C"."""
    after_break = "\n" + text  # both patterns match after a line break
    if "\n" not in text:  # one option: both patterns match at its start or nowhere
        return bool(ALL_OR_NONE_OF.match(after_break) or COMBINATION.match(after_break))
    return bool(ALL_OR_NONE_OF.search(after_break) or COMBINATION.search(after_break))


def matching_options(ref: QuestionRef, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(letter, text) of each option ``pattern`` finds something in. A pattern that opens
    with the line break before an option (``COMBINATION``) is searched with one before the
    first option too: a match at offset p of that text is at the break before the option
    that starts at offset p of ``shown.joined``, as ``index_at`` reads it."""
    shown = option_text(ref.question)
    after_break = pattern.pattern.startswith(r"\n")
    reported = -1
    for match in pattern.finditer("\n" + shown.joined if after_break else shown.joined):
        index = shown.index_at(match.start())
        if index != reported:
            reported = index
            yield list(ref.question.options)[index], shown.texts[index].strip()


class AllOfTheAbove(QuestionRule):
    """An option is "All of the above" (or "Both of the above", "Any of these").

    A candidate who knows that two options are right picks it without knowing the rest, and
    one who knows any option is wrong rules it out: the option tests partial knowledge.
    Heuristic: the option text starts with all/both/each, perhaps with a number ("All
    three"), (of) (the) above/these/those/the (other) options or the others, or with "any
    (one, two, combination) of" them ("Any of the above", "All of the other answers"); or
    ends with "the mentioned", "the listed", "the given" or "the following" and perhaps one
    noun ("All of the mentioned", "All of the listed services"); or the whole option is
    "All" and a number ("All three", "All 3") or says they are all right ("All are
    correct", "All four are true", "Both are correct"; not "All three regions", "All are
    encrypted"). "All of the above are
    incorrect" (wrong, false), with nothing after the verdict, says none is right: it is
    left to `none-of-the-above` ("All of the above reduce false positives" is not). In a
    German bank the whole option is "Alle" or "Alles" ("Jedes", "Beide", "Die beiden"),
    perhaps a number and "der", then (oben, zuvor) "genannten", "aufgeführten",
    "aufgelisteten", "angegebenen", "erwähnten", "obigen" or "vorherigen" and perhaps one
    noun ("Alle oben genannten Pflichten", "Alles oben Genannte", "Jedes der genannten
    Geräte", "Beide erstgenannten"), or "Antworten", "Aussagen", "Optionen", "Möglichkeiten"
    ("Alle Antworten"), perhaps with "sind richtig" (korrekt, zutreffend, wahr), "treffen
    zu" or "stimmen" after it ("Alle Antworten sind richtig", "Alle sind richtig"), or "Alle
    drei" ("vier", "fünf"); an option that goes on ("Alle genannten Ausnahmen gelten nur für
    ...", "Alle Ports oberhalb von 1024", "Alles oder nichts") does not count. In a Russian
    bank the whole option is "Все" or "Всё", perhaps a number and "из", then
    "(выше)перечисленное" ("указанные", "приведённые", "названные", "упомянутые", perhaps
    "выше" after it) and perhaps one noun, or "ответы", "варианты", "утверждения", perhaps
    with "верны" (правильные, истинны) after it ("Всё вышеперечисленное", "Все из
    перечисленного", "Все ответы верны", "Все перечисленные ответы правильные"), "Все три",
    "Верно всё перечисленное", "Оба (варианта) верны" or "И то, и другое"; "Все порты выше
    1024" and "Все ответы сервера кэшируются" say something of their own. In a Spanish,
    Portuguese or French bank, too, the whole option points back: "Todas (las, as, les,
    ces) (opciones, respuestas, alternativas, réponses ...) (anteriores, acima,
    ci-dessus)", "Todas ellas", "Todo lo anterior", "Tout ce qui précède", perhaps with a
    verdict ("Todas son correctas", "Todas estão corretas", "Ambas son correctas");
    "Todas las instancias se reinician" does not count. Known false positives: an option
    that genuinely talks about "all of these" things of the stem.
    Source: Haladyna, Downing & Rodriguez (2002), guideline 26 "Avoid all-of-the-above";
    NBME Item-Writing Guide.

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: All of the above}

    Good:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
    """

    name = "all-of-the-above"
    severity = "warning"
    # "all", "above", "these"; "alle", "genannten"; "все"; "todas", "anteriores", "ci-dessus"
    languages = ("en", "de", "es", "fr", "pt", "ru")

    def screen(self, options: Options) -> Screen:
        return _ALL_OR_NONE_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        for letter, text in matching_options(ref, ALL_OF):
            yield self.report(
                ref,
                ("options", letter),
                f'option {letter} is "{text}": knowing two options are right is enough to pick it',
                "replace it with a plausible distractor, or make the question type: multiple",
            )


class NoneOfTheAbove(QuestionRule):
    """An option is "None of the above" (or "Neither of these", "None").

    When it is the key, it rewards knowing what is wrong rather than what is right; when it
    is not, test-wise candidates ignore it, so it is a wasted option. Heuristic: the option
    starts with none/neither (of) (the) above/these/the (other) options or the others ("None
    of the other answers") or ends with "the mentioned" ("the listed", "the given", "the
    following") and perhaps one noun ("None of the listed services"), is "Neither A nor B"
    ("Neither A or B"), "No correct answer is listed" (given, shown; "No answer is
    correct"), "All of the above are incorrect" (wrong, false, invalid, not correct; "All of
    these answers are wrong") with nothing after the verdict, or is just "None" or
    "Neither"; "Neither service offers X" is a statement of its own and does not count. Nor
    does "None" as a value: written as code or quoted ("`None`", '"None"'), or beside an
    option that is a value (that starts with a number, "0" or "10 meter band only", is a
    literal in quotes or brackets, "'3'" or "('100', '1')", or is a number in words, "Two"
    or "Zwei"), where it is Python's None or the quantity zero ("How many servers must you
    patch? 0, 1, 2, None"; "Wie viele ...? Einen, Zwei, Drei, Keinen"). Known false
    positives: a question whose right answer is genuinely "none" among options in words
    ("Which service ...? None"); Python's None beside options in words ("Division by zero.",
    "Error"); "None of these choices is correct; ..." followed by a claim of its own. In a
    German bank: the whole option is "Keine" ("Keiner", "Keines") "der" or "von den" and
    what `all-of-the-above` reads after "Alle" ("Keine der (oben) genannten (Antworten)",
    "Keine der Aussagen"), perhaps with "ist richtig" or "trifft zu"; "Keine Antwort
    (Aussage, Option) ist richtig" ("trifft zu", "stimmt"); "Keine davon", "Nichts davon
    (trifft zu)"; "Weder A noch B"; "Alle (genannten) Antworten sind falsch" (unzutreffend,
    nicht richtig; "treffen nicht zu"); or "Keine" alone, a value beside numbers as "None"
    is. "Keine Verschlüsselung", "Keine Ahnung" and "Keiner der Beteiligten ..." say
    something of their own and do not count. In a Russian bank: "Ни один" ("Ни одно",
    "Никакой") or "Ничего" "из" and what `all-of-the-above` reads after "Все" ("Ни один из
    вариантов", "Ничего из перечисленного"), perhaps with "(не) верен" or "подходит"; "Нет
    правильного (верного) ответа", "Правильного ответа нет"; "Все ответы неверны"
    (ошибочны, ложны, не верны); "Ни то, ни другое"; "Ни A, ни B"; or "Ни один", "Ни
    одного", "Никакой" alone, a value beside numbers as "None" is. "Ничего не произойдёт",
    "Нет ответа от сервера" and "Ни один из узлов не получит пакет" do not count. In a
    Spanish, Portuguese or French bank: "Ninguna (Nenhuma, Aucune) de las (das, de ces,
    des) (opciones, alternativas, réponses ...) (anteriores, acima, ci-dessus)", "Ninguna
    de ellas", "Nenhuma delas", "Ninguna (opción) es correcta", "Aucune n'est correcte",
    "Todas son incorrectas", "N.D.A.", or "Ninguna", "Nenhuma", "Aucune" alone, a value
    beside numbers as "None" is; "Ningún servidor responde" does not count. Source:
    Haladyna, Downing & Rodriguez (2002), guideline 25 "None-of-the-above should be used
    carefully"; NBME Item-Writing Guide.

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: None of the above}

    Good:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
    """

    name = "none-of-the-above"
    severity = "warning"
    # "none", "neither", "above"; "keine"; "ни один из"; "ninguna", "nenhuma", "aucune"
    languages = ("en", "de", "es", "fr", "pt", "ru")

    def screen(self, options: Options) -> Screen:
        return _ALL_OR_NONE_SCREEN

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        for letter, text in matching_options(ref, NONE_OF):
            if _is_a_value(text, ref.question.option_texts):
                continue
            yield self.report(
                ref,
                ("options", letter),
                f'option {letter} is "{text}": it tests what is wrong, not what is right',
                "replace it with a plausible distractor",
            )


def _is_a_value(text: str, options: tuple[str, ...]) -> bool:
    """Whether an option that is "None" alone is a value, not "none of these": written as
    code or quoted ("`None`", '"None"'), or beside options that are values, where it is
    Python's None or the quantity zero ("How many ...? 0, 1, 2, None"; German "Keine"), or
    beside numbers in words ("Einen", "Zwei", "Drei", "Keinen")."""
    if not _ALONE.match(text):
        return False
    if _QUOTE_MARK.search(text):
        return True
    return _NONE_ALONE.match(text) is not None and any(
        _VALUE.match(option) or _NUMBER_WORD.match(option) for option in options
    )


class CombinationOptions(QuestionRule):
    """An option combines other options ("A and C", "Either A or B", "I and III only").

    Such complex (type K) items test test-taking logic more than knowledge: knowing one
    part rules out whole groups of options. Heuristic: the whole option is two or more
    option letters ("A", "(b)", "b)"), roman numerals or statement numbers joined by
    commas, "&", "+" or a short word in any language ("and", "or", "und", "et", "y",
    "e", "и": "A и B", "I e III"), but not by "to", "of", "in", "by", "per", "x" or "vs"
    ("1 to 1" is a ratio, "A to B" a direction); optionally with "both", "either",
    "only", "options", "choices", "answers" or "are (both) correct" (or true, valid,
    invalid ...) in English ("Answers A and C are both correct"); with "sólo",
    "solamente", "ambas", "tanto ... como", "(las) respuestas", "(las) opciones" or "son
    correctas" (or verdaderas, falsas ...) in Spanish ("Sólo A y C", "Las respuestas A y
    C son correctas"); with "apenas", "somente" (perhaps followed by "as afirmativas",
    "as alternativas", "as assertivas", "as opções" or "as respostas", which may also
    open the option after "as"), "tanto ... quanto", or "estão corretas" / "são
    corretas" (or corretos, incorretas, verdadeiras, falsas, válidas ...) in Portuguese
    ("Apenas A e B", "Somente as afirmativas I e III estão corretas", "Tanto A quanto B"); with
    "nur (die Aussagen)", "sowohl ... als auch", "entweder", "beide", "(die) Antworten",
    "Aussagen", "Optionen", "sind richtig" (korrekt, zutreffend, falsch) or "treffen zu" in
    German ("Nur I und III", "Sowohl A als auch B", "Die Antworten A und C sind richtig";
    "Weder A noch B" is `none-of-the-above`'s); with (one or two of) "только", "лишь",
    "оба" ("обе"), "и", "верны" ("правильные"), "вариант(ы)", "ответы" or "утверждения"
    before, or "верны" ("правильные", "являются верными") after the references in Russian
    ("Только A и C", "Варианты A и C", "Верны A и C", "И A, и C", "Оба варианта A и B",
    "Ответы A и C правильные"). Cyrillic capitals count as the Latin letters they look
    like ("А и С" is A and C), or in Russian order (А Б В Г Д Е, so В is C) when the option
    has Б, Г or Д ("А и Б"). A letter counts only if the question has
    that option ("F" in "V, F, V" is no option of A-D); a lower-case letter only with its
    bracket ("b) y c)", as "a y c" may be Spanish words); an option that names one reference
    twice is a sequence of truth values, not a combination ("V, F, V", Portuguese
    verdadeiro/falso; "C, E, C", Cebraspe's certo/errado); numbers count only when the stem
    numbers its statements ("1. ...", "(2) ..."), as "1, 2, 3" is otherwise a value (a
    program's output). Known false positives: a pair of real values in a question that also
    numbers statements; a two-statement certo/errado answer ("C, E") in a question with
    options C and E. A question with several such options ("I и III", "II и III", "I, II и
    III") is one flaw and gets one finding, at its first. Source: Haladyna, Downing &
    Rodriguez (2002), guideline 9 (avoid the complex MC, type K, format); NBME Item-Writing
    Guide.

    Bad:
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: A and C}

    Good:
        type: multiple
        stem: Which two AWS services can host a training job? (Select TWO.)
        options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}
        answer: [A, C]
    """

    name = "combination-options"
    severity = "warning"

    def screen(self, options: Options) -> Screen:
        return Screen("options", COMBINATION, line_start=True)

    def check(self, ref: QuestionRef, options: Options) -> Iterator[Diagnostic]:
        question = ref.question
        combined = [
            (letter, text)
            for letter, text in matching_options(ref, COMBINATION)
            if combines(text, question.options, question.stem)
        ]
        if not combined:
            return
        # One finding a question: options "I и III", "II и III", "I, II и III" are one
        # question in the complex format, not three flaws.
        named = [f'{letter} ("{text}")' for letter, text in combined]
        if len(named) == 1:
            message = f"option {named[0]} combines other options"
        else:
            message = f"options {', '.join(named[:-1])} and {named[-1]} combine other options"
        yield self.report(
            ref,
            ("options", combined[0][0]),
            message,
            "make the question type: multiple and list the right options as its answer",
        )
