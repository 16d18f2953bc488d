"""How a stem asks for a number of answers ("Select TWO", "¿Qué dos ...?", "(2 réponses)")
or leaves it open on purpose ("Select all that apply"), in the languages read: what
``answer-count`` checks a question's answers against, and what the handout's count label
follows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from exambank.rules.wording import words

# The request words and count words of the languages whose requests are read, case-folded;
# each language's verbs with its own numbers only ("Which DOS command ...?" asks for no two).
_LANGUAGES = {
    "en": (
        ["select", "choose", "pick", "mark", "which", "identify"],
        {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
        | {"nine": 9, "ten": 10},
    ),
    "de": (
        ["wählen", "wähle", "markieren", "kreuzen", "welche"],  # "Wählen Sie zwei"
        # "Welche beiden ...?", "Markieren Sie die beiden richtigen" (right after the verb:
        # "trifft auf beide Protokolle zu" asks for nothing)
        {"zwei": 2, "beiden": 2, "beide": 2, "drei": 3, "vier": 4, "fünf": 5},
    ),
    "fr": (
        ["choisissez", "sélectionnez", "cochez", "indiquez", "quels", "quelles"],
        {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5},
    ),
    # usted's and tú's forms of each verb ("Señale dos", "Marca dos"), and "¿Qué dos ...?"
    # (but not an unaccented "que": "Se sabe que dos equipos ...").
    "es": (
        [
            *("elija", "elige", "escoja", "escoge", "seleccione", "selecciona"),
            *("marque", "marca", "señale", "señala", "indique", "indica"),
            *("cuáles", "cuales", "qué"),
        ],
        {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5},
    ),
    # Brazil's spelling and Portugal's ("selecione", "seleccione"), and the usual Brazilian
    # "Assinale DUAS", "Aponte as duas corretas".
    "pt": (
        [
            *("assinale", "aponte", "escolha", "selecione", "seleccione", "marque"),
            *("indique", "quais"),
        ],
        {"duas": 2, "dois": 2, "três": 3, "quatro": 4, "cinco": 5},
    ),
    "ru": (
        ["выберите", "выбери", "укажите", "отметьте", "какие"],
        {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5},
    ),
}
# The languages whose requests are read, as BCP 47 primary subtags: in a bank in another
# language a stem's "Scegli DUE" is no count that could be read.
REQUEST_LANGUAGES = frozenset(_LANGUAGES)
# A word two languages share ("marque", "cinco") is a word of each: a verb and a count word
# are read together when some language has both.
_VERBS = [verb for verbs, _ in _LANGUAGES.values() for verb in verbs]
_COUNT_WORDS = [word for _, numbers in _LANGUAGES.values() for word in numbers]
_COUNT_WORD_VALUES = {word: n for _, numbers in _LANGUAGES.values() for word, n in numbers.items()}
# "Which two ...?" -- a question that a single option naming both things may answer.
WHICH = [
    *("which", "identify", "welche", "quels", "quelles"),
    *("cuáles", "cuales", "qué", "quais", "какие"),
]
# Spanish tú commands that are also the third person ("El LED indica dos estados", "El
# planificador elige dos procesos") ask only where a sentence starts: "Marca dos.", "(Elige 2)".
_COMMAND_AT_START = frozenset({"elige", "escoge", "selecciona", "marca", "señala", "indica"})
_SENTENCE_STARTS = '.!?:;(¡¿*"«-\u2013\u2014'
# Spanish "qué" and "cuáles" ask where a question opens, perhaps after a preposition or a
# request ("¿En qué dos capas ...?", "Indique qué dos"); not "¿Por qué dos ...?", "¿A qué".
_SPANISHWHICH = frozenset({"qué", "cuáles", "cuales"})
_OPENS_BEFOREWHICH = re.compile(
    r"(?<!\w)(?:en|de|con|desde|entre|sobre|elija|escoja|seleccione|marque|señale|indique"
    r"|elige|escoge|selecciona|marca|señala|indica)\s*$"
)
# Portuguese "quais" after an article is a relative pronoun ("dos quais dois estão
# offline", "as quais"), not a question ("Quais duas ...?", "Em quais dois casos ...?").
_RELATIVE_QUAIS = re.compile(r"(?<!\w)(?:[dn]?[ao]s|aos|às|pel[ao]s)\s+$")
# After "which", a small number before a word that is no unit nor more of the number asks:
# "Which 3 services", "¿Qué 2 protocolos"; not "Which 802.11", "2.4 GHz", "2 elevado a 10".
_COUNTED_THINGS = re.compile(
    r"\s+(?!(?:[kmgt]?(?:hz|b|bps|ib)|[mkµnu]?[svwamg]|db[mi]?|ohms?|rpm|mil|millones?"
    r"|elevad[oa]s?|al|por|más|menos|veces|sobre|entre|coma|to|times|plus|minus|over"
    r"|raised|squared|cubed|thousand|million|billion|percent)\b)[^\W\d_]{2,}"
)


# Searched in the case-folded stem (a plain pattern there is a third faster than a
# case-blind one over the original), with the verbs and numbers of every language as one
# tree of their letters ("sel(?:ect|eccion...)"): a branch per word took 2.4 times as long
# on the bench bank, one branch per language 7 times. A verb with a letter just before it
# ("unmark") and a count word of another language than its verb's are passed over. A verb
# starting with "a" is searched without it ("ssinale", its "a" checked after): re tries
# the pattern only at the letters its words start with, and trying it at every "a" of every
# stem made the bench bank a tenth slower.
_WITHOUT_A = {verb[1:]: verb for verb in _VERBS if verb.startswith("a")}


def _letter_tree(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, sharing their common starts."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, Any]) -> str:
    ends = "" in node
    parts = [re.escape(letter) + _branches(rest) for letter, rest in sorted(node.items()) if letter]
    if not parts:
        return ""
    group = parts[0] if len(parts) == 1 and not ends else f"(?:{'|'.join(parts)})"
    return f"(?:{group})?" if ends else group


# A word or two may stand between the verb and the count: "Choose the two", "Wählen Sie
# zwei", "Escolha as duas", "Quelles sont les deux", "¿Cuáles son los dos", "Quais são os
# dois".
_BETWEEN = ["the", "sie", "die", "as", "os", "les", "los", "las", "are", "sont", "son", "são"]
_ASKS_FOR = re.compile(
    f"({_letter_tree(verb.removeprefix('a') for verb in _VERBS)})\\b"
    f"\\s+(?:{_letter_tree(_BETWEEN)}\\s+){{0,2}}"
    f"(\\d+|{_letter_tree(_COUNT_WORDS)})\\b"
)
# Or the count and the word for answers in brackets: "(2 réponses)", "(2 richtige
# Antworten)", "(3 answers)", "(2 ответа)".
_COUNT_IN_BRACKETS = re.compile(
    f"\\(\\s*(\\d+|{_letter_tree(_COUNT_WORDS)})\\s+(?:\\w+\\s+)?"
    "(answers?|choices?|options?|r[ée]ponses?|propositions?|antworten|respuestas?"
    "|respostas?|rispost[ae]|odpowiedzi|ответ\\w*|вариант\\w*|opci[óo]n(?:es)?)\\b[^)]*\\)"
)
# Or a Spanish "Hay dos respuestas correctas" (not "Hay dos tipos de memoria").
_THERE_ARE = re.compile(
    f"hay\\s+(\\d+|{_letter_tree(_LANGUAGES['es'][1])})\\s+(respuestas|opciones)\\s+"
    "(?:correctas|válidas|verdaderas)\\b"
)
# What each of the three holds: a count after a space or "(". Most stems hold none, and
# this is found in a third less time than a request: the letters request words start with
# are more common than a space, and a count word is tried only after one.
_COUNT = re.compile(f"[\\s(](?:\\d+|{_letter_tree(_COUNT_WORDS)})\\b")
# Before even that, the stem's ``words`` (which word-repeat, grammatical-cue and
# near-duplicate read too, kept by text): a count is a word of digits or a count word, so a
# stem whose words are all letters and none a count word holds none. A count word followed
# by "-" or "'" ("two-thirds") is part of a longer word there, which is not all letters
# either. Most stems are ruled out so: in a lint of 10,000 questions, casefolding and
# searching each stem cost 0.37 G instructions, the test 0.12 G (and the words 0.17 G,
# which word-repeat no longer pays).
_COUNT_WORD_SET = frozenset(_COUNT_WORDS)
# Stems that leave the number of answers to the candidate on purpose, in each language
# read: "Select all that apply", "Mark all correct answers", "Select all of the options
# below which ...", "More than one answer may be correct", "one or more", "at least one
# answer is correct", "(Mehrfachnennungen möglich)", "Kreuzen Sie alle richtigen Antworten
# an", "Cochez la ou les bonnes réponses", "Marque todas las correctas", "Assinale todas
# as alternativas corretas", "una o più", "одну или несколько", "Выберите все варианты, в
# которых ...", "jedną lub więcej", "een of meer" -- but not Spanish "opción múltiple" nor
# German "Multiple-Choice", the names of any multiple-choice question. Each says "all
# the right ones", "several may be right", "at least one" or "one or more" with the
# language's words for answers, so a stem about "all correct implementations" is no request
# (a Russian request verb with "все", as German "Wählen Sie alle", is an instruction
# itself: "Выберите все значения строки line, при которых ...").
_OPEN_COUNTS = {
    "en": r"\ball\s+that\s+apply|\bone\s+or\s+more\b"
    r"|\b(?:select|choose|mark|pick|identify|tick)\s+all\s+(?:of\s+)?(?:the\s+)?"
    r"(?:correct|true|right|valid|applicable|options|answers|choices|responses|statements)\b"
    r"|\ball\s+(?:the\s+)?(?:correct|true|right|valid)\s+(?:answers|options|choices|responses)"
    r"|\b(?:more\s+than\s+one|at\s+least\s+one)\s+(?:correct\s+)?(?:answer|option|choice"
    r"|response)s?\s+(?:is|are|may|can|might|could)\b|\b(?:several|multiple)\s+(?:answers"
    r"|options|choices|responses)\s+(?:may|can|might|could)\s+be\s+(?:correct|right|true)",
    "de": r"\beine[nr]?\s+oder\s+mehrere|\bmehrfach(?:nennung|antwort|auswahl)"
    r"|\b(?:markieren|kreuzen|wählen|markiere|kreuze|wähle)\s+(?:sie\s+)?alle\b"
    r"|\balle\s+zutreffenden|\balle\s+(?:richtigen|korrekten)\s+(?:antworten|aussagen|optionen)"
    r"|\b(?:mehr\s+als|mindestens)\s+eine\s+(?:richtige\s+)?(?:antwort|lösung)"
    r"|\bmehrere\s+(?:richtige\s+)?(?:antworten|aussagen|optionen|lösungen)\s+(?:sind\s+)?"
    r"(?:m[öo]glich|richtig|korrekt|zutreffend|können)|\bkönnen\s+(?:auch\s+)?mehrere\s+"
    r"(?:richtige\s+|richtig|korrekt|zutreffen|antworten|aussagen|optionen|lösungen)",
    "fr": r"\bla\s+ou\s+les\b|\bune?\s+ou\s+plusieurs"
    r"|plusieurs\s+(?:bonnes\s+)?(?:r[ée]ponses|propositions)\s+(?:sont\s+)?"
    r"(?:possibles|correctes|exactes|peuvent)|\btoutes\s+les\s+(?:bonnes\s+r[ée]ponses"
    r"|(?:r[ée]ponses|propositions|affirmations)\s+(?:correctes|exactes|justes|vraies))"
    r"|\b(?:plus\s+d['\u2019]une|au\s+moins\s+une)\s+(?:bonne\s+)?(?:r[ée]ponse|proposition)",
    "es": r"\bun[ao]\s+o\s+(?:más|vari[ao]s)\b"
    r"|\btodas\s+las\s+(?:(?:respuestas|opciones)\s+)?(?:correctas|verdaderas"
    r"|que\s+(?:correspondan|procedan|sean\s+(?:correctas|verdaderas)))"
    r"|\bpuede\s+haber\s+(?:varias|más\s+de\s+una)\b"
    r"|\b(?:más\s+de|al\s+menos)\s+una\s+(?:respuesta|opción)|\brespuesta\s+múltiple",
    "pt": r"\buma?\s+ou\s+mais\b"
    r"|\btodas\s+as\s+(?:(?:respostas|alternativas|opções|afirmativas)\s+)?(?:corretas"
    r"|verdadeiras|que\s+(?:se\s+aplicam|sejam\s+(?:corretas|verdadeiras)))"
    r"|\bpode\s+haver\s+(?:várias|mais\s+de\s+uma)\b"
    r"|\b(?:mais\s+de|pelo\s+menos)\s+uma\s+(?:resposta|alternativa|opção)",
    "it": r"\bun[ao]?\s+o\s+più\b",
    "ru": r"\b(?:один|одну|одна)\s+или\s+(?:несколько|более)"
    r"|\b(?:выбери|отметь|укажи)(?:те)?\s+все\b",
    "pl": r"\bjedn[aą]\s+lub\s+(?:więcej|kilka)",
    "nl": r"\b(?:een|één)\s+of\s+meer",
}
_HIDES_COUNT = re.compile("|".join(_OPEN_COUNTS.values()))


def requested_count(stem: str) -> int | None:
    """How many answers a stem asks for ("Select TWO" -> 2), if it says."""
    asked = request(stem)
    return asked and asked[1]


def hides_count(stem: str) -> bool:
    """Whether a stem leaves the number of answers open on purpose ("Select all that
    apply", "Cochez la ou les bonnes réponses")."""
    return _HIDES_COUNT.search(stem.casefold()) is not None


def request(stem: str) -> tuple[str, int] | None:
    """The word asking and the count: ("select", 2) for "Select TWO", ("réponses", 2) for
    "(2 réponses)"."""
    stem_words = words(stem)
    if _all_letters("".join(stem_words)) and _COUNT_WORD_SET.isdisjoint(stem_words):
        return None
    folded = stem.casefold()
    if not _COUNT.search(folded):
        return None
    for match in _ASKS_FOR.finditer(folded):
        start = match.start()
        verb, word = match.groups()
        if verb in _WITHOUT_A:
            if not start or folded[start - 1] != "a":
                continue  # "a ponte" is no "aponte"
            verb, start = _WITHOUT_A[verb], start - 1
        if start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            continue  # inside a word: "unmark two"
        if verb in _COMMAND_AT_START and not _starts_a_sentence(folded, start):
            continue  # "El LED indica dos estados"
        if verb in _SPANISHWHICH and not _opens_a_question(folded, start):
            continue  # "¿Por qué dos procesos ...?"
        if verb == "qué" and not folded[match.end(1) : match.start(2)].isspace():
            continue  # "¿Qué son dos procesos concurrentes?" defines; "¿Qué dos ...?" asks
        if verb == "quais" and _RELATIVE_QUAIS.search(folded, max(0, start - 8), start):
            continue  # "cinco servidores, dos quais dois estão offline"
        if word.isdigit():
            if verb in WHICH and not _counts_things(folded, match):
                continue  # "Which 802.11 standard ...?"
            return verb, int(word)
        for verbs, numbers in _LANGUAGES.values():
            if verb in verbs and word in numbers:
                return verb, numbers[word]
    bracketed = _COUNT_IN_BRACKETS.search(folded) or _THERE_ARE.search(folded)
    if bracketed is None:
        return None
    word, noun = bracketed.groups()
    count = int(word) if word.isdigit() else _COUNT_WORD_VALUES[word]
    return noun, count


def _all_letters(text: str) -> bool:
    """``text.isalpha()``; for ASCII text, asked of its bytes: a table look-up a character
    instead of a Unicode one, half the instructions."""
    return text.encode().isalpha() if text.isascii() else text.isalpha()


def _starts_a_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in _SENTENCE_STARTS


def _opens_a_question(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a question, or follows a word that does."""
    opening = _OPENS_BEFOREWHICH.search(text, max(0, index - 16), index)
    return _starts_a_sentence(text, opening.start() if opening else index)


def _counts_things(text: str, match: re.Match[str]) -> bool:
    """Whether the number ``match`` ends with is a small count of the things named next."""
    return 2 <= int(match.group(2)) <= 9 and _COUNTED_THINGS.match(text, match.end()) is not None
