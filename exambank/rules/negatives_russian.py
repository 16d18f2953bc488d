"""Where a Russian stem is negative: each "не", "нет", "нельзя", "кроме" and "за
исключением" (ending the lead-in), "неверно", "неправильный", "ошибочный" and "ложный" in
the main clause of its lead-in, and whether it is written in capitals or bold.
``negative-stem`` and ``negative-options`` read it in a bank written in Russian, as
exambank/rules/negatives.py reads the English words.

Russian, as German, sets its subordinate clauses off with commas, so the lead-in is read
clause by clause as exambank/rules/negatives_german.py reads German (``CommaReading``): a
clause that opens with "если", "чтобы", "потому что" ..., after a comma also with "что",
"когда", "где", "как" or a verb and "ли", is subordinate, and so is one that opens with
"который" (in any case, perhaps after a preposition: "в котором") or "кто", unless the
clause before names the answer asked for ("Выберите утверждение, которое не ...", "то, что
не ..."). "Что произойдёт, если сервер не отвечает?" asks positively.

The screen looks for these words in every bank's stems, whatever its language; in a text
with no letter beyond U+00FF (most English banks) looking for a Cyrillic word costs nothing,
as ``str.find`` knows at once that it cannot be there.
"""

# ruff: noqa: RUF001, RUF003  # Russian words are the point

from __future__ import annotations

import re
from collections.abc import Iterator

from exambank.model import Question
from exambank.rules.negatives import Negative
from exambank.rules.negatives_german import CommaReading, comma_stem_negatives
from exambank.rules.wording import QuotationMarks

_FLAGS = re.IGNORECASE
# The screen of both negative rules, in case-folded stems, whole words only ("необходимо",
# "некоторый", "кроме" in "кромешный" are none): every match starts with one of the
# openings ("за исключением" at its second word).
ANY_RUSSIAN_NEGATIVE = (
    r"не(?<![\w-]не)(?:верн\w*|верен|правильн\w*|правилен|льзя|т)?(?![\w-])"
    r"|кроме(?<![\w-]кроме)(?![\w-])|исключением(?<=за\sисключением)(?![\w-])"
    r"|ошибоч(?<![\w-]ошибоч)\w*|лож(?<![\w-]лож)(?:н\w*|ен)(?![\w-])"
)
RUSSIAN_OPENINGS = ("не", "кроме", "исключением", "ошибоч", "лож")
# the adjective in any form, not a compound ("ложноположительный")
_VERDICT = (
    r"(?:неверн|неправильн|ошибочн|ложн)(?:ый|ая|ое|ые|ого|ой|ому|ым|ыми|ых|ую|ом|о|а|ы)"
    r"|(?:невер|неправил|ошибоч|лож)ен"
)
_NEGATIVE = re.compile(
    rf"(?<![\w-])(?:не|нет|нельзя|кроме|за\sисключением|{_VERDICT})(?![\w-])", _FLAGS
)
# "неверно", "ошибочный" ... ask for the wrong answer at the end of their clause ("Какое
# утверждение неверно?", "... является ложным?") or before a noun for an answer ("Укажите
# неправильный ответ"); "неверного пароля", "ложное срабатывание" name a thing, and after
# a short participle ("Что настроено неверно?") the word says how something was done.
_VERDICT_ENDS = re.compile(r"\s*(?:[^\w\s]|$)")
_ANSWER_NOUN = re.compile(
    r"\s+(?:утверждени|ответ|вариант|высказывани|суждени|пункт|определени|пример)\w*", _FLAGS
)
_SHORT_PARTICIPLE = re.compile(r"\w+(?:а|я|е|ё|и)н[оаы]?\s+$", _FLAGS)
# "кроме" and "за исключением" ask for the exception when they end the lead-in (", кроме:",
# "кроме одного"); "кроме азота" names one thing beside others.
_EXCEPT_ENDS = re.compile(r"(?:\s+одно(?:го|й)?)?[\s:.,;!?\u2026_-]*$", _FLAGS)
# "не только ..., но и"; a limit asked positively ("не более", "не позднее", "не должна
# превышать"); "не" before a long-form participle or adjective and another word describes
# a thing ("работнику, не достигшему 18 лет", "не используемые порты"; "Какой ответ не
# правильный?" asks in the negative), as before an adverbial participle ("не считая").
_NOT_ONLY = re.compile(r"\s+только\b", _FLAGS)
_LIMIT = re.compile(
    r"\s+(?:(?:более|менее|больше|меньше|позднее|позже|ранее|раньше|реже|чаще|выше|ниже"
    r"|дольше|свыше)\b|(?:\w+\s+){0,2}?превыш\w*)",
    _FLAGS,
)
_ADJECTIVE = r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ую|юю|ого|его|ому|ему|ыми|ими|ей|ом|ем)"
_ATTRIBUTE = re.compile(
    rf"\s+(?!(?:верн|правильн|нужн|обязательн)\w*\s)[а-яё]+{_ADJECTIVE}\s+[\w«\"]"
    r"|\s+[а-яё]+(?:[^\Wс]я|ясь|вшись)\b",
    _FLAGS,
)
_RATHER_THAN = re.compile(r"(?:\bа|\bили|\bда\s+или)\s+$", _FLAGS)  # "а не", "или нет"
# "не допустить", "не позволить" (to prevent) ask positively; "с частицей не", "слова с не",
# "не пишется раздельно" name the particle (a question on spelling).
_PREVENT = re.compile(r"\s+(?:допустить|позволить)\b", _FLAGS)
_NAMED = re.compile(r"(?:частиц\w*|приставк\w*|\bс)\s+$", _FLAGS)
_SPELT = re.compile(r"\s+пиш\w*\s+(?:слитно|раздельно)", _FLAGS)
# A question about a reason: every option is a reason against ("Почему не рекомендуется
# ...?"), as are options that mostly start with "Потому что", "Так как", "Чтобы" ...
_WHY = re.compile(r"\b(?:почему|зачем|отчего|по\s+какой\s+причине|из-за\s+чего)\b", _FLAGS)
_REASON_OPTION = re.compile(
    r"\W*(?:потому|так\s+как|поскольку|чтобы|из-за|благодаря|для\s+того|ибо)\b", _FLAGS
)
_CARRIES_ON = re.compile(r"(?:но|а|и|или|либо|однако|зато)\b", _FLAGS)
_SUBORDINATORS = (
    r"если|чтобы|хотя|поскольку|пока|ибо|будто|словно|потому\s+что|так\s+как|несмотря"
    r"|после\s+того|перед\s+тем|прежде\s+чем|до\s+того|в\s+то\s+время|с\s+тех\s+пор"
)
# In first place after a comma only: these ask the question elsewhere ("Когда вышла ...?",
# "Где хранится ...?"); a verb and "ли" ("..., работает ли сервер") asks indirectly.
_AFTER_COMMA_ONLY = r"когда|где|куда|откуда|как|чем|[\w-]+\s+ли"
_OPENS_SUBORDINATE = re.compile(rf"\W*(?:{_SUBORDINATORS}|{_AFTER_COMMA_ONLY})\b", _FLAGS)
_OPENS_FIRST_SUBORDINATE = re.compile(rf"\W*(?:{_SUBORDINATORS})\b", _FLAGS)
_SUBORDINATOR_INSIDE = re.compile(rf"\b(?:{_SUBORDINATORS})\b", _FLAGS)
_PREPOSITION = r"в|во|на|с|со|из|от|для|при|по|к|ко|о|об|у|за|над|под|между|через|без|до"
# "который", and a question word after a comma: an indirect question ("Какой командой можно
# узнать, какие процессы не отвечают?") unless it is the last clause and asks the question
# ("Если пострадавший без сознания, какое действие не следует выполнять?").
_OPENS_RELATIVE = re.compile(
    rf"\W*(?:(?:{_PREPOSITION})\s+)?(?:котор\w+|чей|чья|чьё|чьи|что|кто|чего|кого|сколько"
    r"|как(?:ой|ая|ое|ие|ого|ому|им|ую|их|ими|ом))\b",
    _FLAGS,
)
# A relative clause that says which answer is asked for is the question itself: the clause
# before it ends with a noun for an answer, or opens with "Выберите", "Укажите" ... and a
# few words ("Выберите СУБД, которая не ...", "Выберите то, что не ...").
_ASKS_FOR = re.compile(
    r"(?:\b(?:утверждени|ответ|вариант|высказывани|суждени|пункт|определени|пример)\w*"
    r"|^\W*(?:выберите|укажите|отметьте|назовите|определите|найдите|выделите)(?:\s+[\w-]+){1,3})"
    r"\W*$",
    _FLAGS,
)
_QUESTION_WORD = re.compile(
    r"\b(?:как(?:ой|ая|ое|ие|ого|ому|им|ую|их|ими|ом)|что|чего|чем|кто|кого|кому|где|когда"
    r"|куда|откуда|сколько|почему|зачем|как|каков\w*|чей|чья|чьё|чьи)\b",
    _FLAGS,
)
# Russian quotations: «...» and „...“ (or „...”), each closed on its line.
_QUOTES = QuotationMarks(
    re.compile("[«\u201e]"),
    {"«": re.compile("[»\n]"), "\u201e": re.compile("[\u201c\u201d\n]")},
)
# An option that negates, for ``negative-options``: "не", "нет", "никогда", "нельзя", "ни".
OPTION_NEGATIVE = re.compile(r"(?<![\w-])(?:не|нет|никогда|нельзя|ни)(?![\w-])", _FLAGS)


def _reverses(text: str, match: re.Match[str]) -> bool:
    """Whether the negative ``match`` asks for the wrong one, rather than being part of a
    phrase that asks positively ("не только", "кроме азота", "неверного пароля")."""
    word, start, end = match.group().casefold(), match.start(), match.end()
    if word == "кроме" or word.startswith("за"):
        return _EXCEPT_ENDS.match(text, end) is not None
    if word.startswith(("невер", "неправил", "ошибоч", "лож")):
        if _ANSWER_NOUN.match(text, end):
            return True
        return (
            _VERDICT_ENDS.match(text, end) is not None
            and _SHORT_PARTICIPLE.search(text, max(0, start - 30), start) is None
        )
    if _RATHER_THAN.search(text, max(0, start - 8), start) or _NAMED.search(
        text, max(0, start - 12), start
    ):
        return False
    if word == "не":
        return not (
            _NOT_ONLY.match(text, end)
            or _LIMIT.match(text, end)
            or _PREVENT.match(text, end)
            or _SPELT.match(text, end)
            or _ATTRIBUTE.match(text, end)
        )
    return True  # нет, нельзя


_RUSSIAN = CommaReading(
    negative=_NEGATIVE,
    reverses=_reverses,
    why=_WHY,
    reason_option=_REASON_OPTION,
    quotes=_QUOTES,
    carries_on=_CARRIES_ON,
    opens_subordinate=_OPENS_SUBORDINATE,
    opens_first_subordinate=_OPENS_FIRST_SUBORDINATE,
    subordinator_inside=_SUBORDINATOR_INSIDE,
    opens_relative=_OPENS_RELATIVE,
    asks_for=_ASKS_FOR,
    question_word=_QUESTION_WORD,
)


def russian_stem_negatives(item: Question) -> Iterator[Negative]:
    """Negatives in the main clause of the lead-in of ``item``'s Russian stem, in order;
    none when its options are reasons ("Потому что ...")."""
    return comma_stem_negatives(item, _RUSSIAN)
