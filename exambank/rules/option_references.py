"""The wording of an option that stands for other options: "All of the above", "None of
the mentioned", "A and C", "Sólo A y C", "Apenas A e B".

Every pattern runs once over all of a question's options, one option a line (``^`` and
``$`` are an option's start and end), so a space is matched as a space or a tab, never as
a line break.
"""

# ruff: noqa: RUF001, RUF003  # Russian words and Cyrillic letters are the point

from __future__ import annotations

import re
from collections.abc import Collection

_FLAGS = re.IGNORECASE | re.MULTILINE
_VERDICT = r"(?:correct|true|right|valid|incorrect|false|wrong|invalid)"
# Words that point back at the other options, perhaps after "the"; "options", "answers"
# and "choices" perhaps after "other", as "others" ("None of the other options", "All
# the others"). A participle ("mentioned", "listed", "given", "following") comes after
# "the" and ends the option, perhaps with one noun ("All of the listed services"): "All
# the given inputs are valid" is a claim of its own.
_REFERS_BACK = (
    r"(?:(?:the[ \t]+)?(?:above|previous|preceding|these|those|them|others"
    r"|(?:other[ \t]+)?(?:options|answers|choices))\b"
    r"|the[ \t]+(?:mentioned|listed|given|following)(?:[ \t]+[^\W\d_]+)?[^\w\n]*$)"
)
_COUNT = r"(?:one|two|three|four|five|six|[1-9])"
# "All (three) of the above", "Both of these", "Any (one) of the above", "Any combination
# of the above"; "any" only with "of" ("Any previous snapshot" is a claim).
_EVERY = (
    rf"(?:(?:all|both|each)[ \t]+(?:{_COUNT}[ \t]+)?(?:of[ \t]+)?"
    rf"|any[ \t]+(?:(?:{_COUNT}|combination)[ \t]+)?of[ \t]+){_REFERS_BACK}"
)
# The whole option says every option is right without pointing back at them in words, as
# German "Alle drei" and "Alle sind richtig" do: "All three", "All 3", "All are correct",
# "All four are true", "Both are correct"; "All three regions" and "All are encrypted" say
# something of their own.
_EVERY_RIGHT = (
    rf"(?:(?:all|both|each)[ \t]+(?:{_COUNT}[ \t]+)?(?:are|is)[ \t]+(?:all[ \t]+)?"
    rf"(?:correct|true|right|valid)|all[ \t]+{_COUNT})[^\w\n]*$"
)
# "All of the above are incorrect", "All of these answers are not correct": every option
# is wrong, a none-of-the-above. The verdict, perhaps with a noun for the options ("are
# false statements") and an aside ("(none applies)", ", so none applies"), must be the
# whole predicate of the options themselves: "All of the above reduce false positives"
# and "All of the above are false positives" are claims about their subject.
_OPTIONS_NOUN = r"(?:answers?|choices?|options?|statements?)"
_SAY_WRONG = (
    rf"(?:[ \t]+{_OPTIONS_NOUN})?[ \t]+(?:are|is)[ \t]+(?:all[ \t]+)?"
    r"(?:incorrect|wrong|false|invalid|untrue|not[ \t]+(?:correct|true|right|valid))"
    rf"(?:[ \t]+{_OPTIONS_NOUN})?(?:[ \t]*\([^()\n]*\)|[ \t]*,[ \t]*so[ \t][^\n]*)?"
    r"[^\w\n]*$"
)
_DENY = (
    rf"(?:none|neither)[ \t]+(?:of[ \t]+)?{_REFERS_BACK}"
    r"|neither[ \t]+[A-H][ \t]+n?or[ \t]+[A-H]\b"
    r"|no[ \t]+(?:correct[ \t]+)?(?:answer|option|choice)[ \t]+is[ \t]+"
    r"(?:listed|given|shown|correct)\b"
    r"|(?:none|neither)[^\w\n]*$"
)
# German: words that point back at the options ("genannten", "oben aufgeführten",
# "obigen", "vorherigen"; "erstgenannten"), and the options' own nouns ("Alle Antworten");
# exambank/shuffle.py keeps an option that holds one in its place.
GERMAN_POINTING_BACK = (
    r"(?:erst|zuerst|zuletzt)?(?:genannt|aufgef[üu]hrt|aufgelistet|aufgez[äa]hlt|angef[üu]hrt"
    r"|angegeben|erw[äa]hnt)\w*|obige\w*|vorherige\w*|vorstehende\w*"
)
GERMAN_OPTION_NOUNS = r"antworten|aussagen|optionen|(?:antwort)?m[öo]glichkeiten|alternativen"
# In German an option points back only as a whole: "Alle (drei) (der) (oben) genannten
# (Maßnahmen)", "Alles oben Genannte", "Alle Antworten", "Jedes der genannten Geräte",
# "Beide erstgenannten", "Alle drei", perhaps with a verdict after it ("Alle Antworten sind
# richtig", "... treffen zu"); "Alle genannten Ausnahmen gelten nur ..." is a claim of its
# own.
_DE_COUNT = r"(?:zwei|drei|vier|f[üu]nf|sechs|[2-9])[ \t]+"
_DE_REFERS_BACK = (
    rf"(?:{_DE_COUNT})?(?:der[ \t]+)?(?:(?:(?:weiter[ \t]+)?oben|zuvor|vorher|hier)[ \t]+)?"
    rf"(?:(?:{GERMAN_POINTING_BACK})(?:[ \t]+[^\W\d_]+)?|(?:{GERMAN_OPTION_NOUNS}))"
)
_DE_TRUE = (
    r"(?:(?:ist|sind)[ \t]+(?:alle[ \t]+|beide[ \t]+)?(?:richtig|korrekt|zutreffend|wahr)"
    r"|tr(?:ifft|effen)[ \t]+zu|stimm(?:t|en))"
)
_DE_FALSE = (
    r"(?:(?:ist|sind)[ \t]+(?:alle[ \t]+|beide[ \t]+)?(?:falsch|unzutreffend|inkorrekt|unrichtig"
    r"|nicht[ \t]+(?:richtig|korrekt|zutreffend))|tr(?:ifft|effen)[ \t]+nicht[ \t]+zu"
    r"|stimm(?:t|en)[ \t]+nicht)"
)
_DE_END = r"[^\w\n]*$"
_DE_EVERY = r"(?:alle|jede|(?:die[ \t]+)?beide)[nrs]?[ \t]+"
_DE_ALL = (
    rf"{_DE_EVERY}(?:{_DE_REFERS_BACK}(?:[ \t]+{_DE_TRUE})?|{_DE_TRUE}|drei|vier|f[üu]nf)"
    rf"{_DE_END}"
)
# "Keine der genannten (Antworten)", "Keine der Aussagen trifft zu", "Keine Antwort ist
# richtig", "Keine davon", "Nichts davon (trifft zu)", "Weder A noch B", "Alle genannten
# Antworten sind falsch", or "Keine" alone.
_DE_NONE = r"kein(?:e[rsmn]?|s)?"
_DE_ONE_OPTION = r"(?:antwort|aussage|option|m[öo]glichkeit|alternative)"
_DE_DENY = (
    rf"{_DE_EVERY}(?:{_DE_REFERS_BACK}[ \t]+)?{_DE_FALSE}{_DE_END}"
    rf"|{_DE_NONE}[ \t]+(?:(?:der|von[ \t]+den)[ \t]+{_DE_REFERS_BACK}(?:[ \t]+{_DE_TRUE})?"
    rf"|{_DE_ONE_OPTION}[ \t]+{_DE_TRUE}){_DE_END}"
    rf"|(?:{_DE_NONE}|nichts)[ \t]+(?:davon|von[ \t]+all(?:e)?dem)(?:[ \t]+{_DE_TRUE})?{_DE_END}"
    r"|weder[ \t]+\(?(?:[A-H]|I{1,3}|IV)\)?[ \t]+noch[ \t]+\(?(?:[A-H]|I{1,3}|IV)\)?(?!\w)"
    rf"|{_DE_NONE}{_DE_END}"
)
# Russian: words that point back at the options ("перечисленные", "вышеперечисленное",
# "указанные выше", "приведённые"), and the options' own nouns ("все ответы", "варианты");
# exambank/shuffle.py keeps an option that holds one in its place.
RUSSIAN_POINTING_BACK = (
    r"(?:выше[ \t]*)?(?:перечисленн|указанн|приведённ|приведенн|названн|упомянут)\w*"
)
RUSSIAN_OPTION_NOUNS = r"(?:ответ|вариант|утверждени|высказывани|суждени|пункт)\w*"
# In Russian, too, an option points back only as a whole: "Все (выше)перечисленное", "Всё
# вышеперечисленное", "Все из перечисленного", "Все перечисленные ответы верны", "Все
# ответы (варианты) верны", "Все три", "Верно всё перечисленное", "Оба варианта верны", "И
# то, и другое"; "Все порты выше 1024" and "Все ответы сервера кэшируются" are claims.
_RU_BACK = rf"(?:из[ \t]+)?{RUSSIAN_POINTING_BACK}(?:[ \t]+выше)?(?:[ \t]+[^\W\d_]+)?"
_RU_COUNT = r"(?:два|две|три|четыре|пять|[2-9])"
_RU_TRUE = r"(?:(?:являются[ \t]+)?(?:вер(?:ен|н\w*)|правил(?:ен|ьн\w*)|истин(?:ен|н\w*)))"
_RU_FALSE = (
    r"(?:(?:являются[ \t]+)?(?:не[ \t]*(?:вер(?:ен|н\w*)|правил(?:ен|ьн\w*))"
    r"|ошибоч\w*|лож(?:ен|н\w*)))"
)
_RU_END = r"[^\w\n]*$"
_RU_EVERY = rf"вс[её][ \t]+(?:{_RU_COUNT}[ \t]+)?"
_RU_ITEMS = rf"{RUSSIAN_OPTION_NOUNS}(?:[ \t]+{RUSSIAN_OPTION_NOUNS})?"  # "варианты ответов"
_RU_ALL = (
    rf"(?:{_RU_EVERY}(?:{_RU_BACK}|{_RU_ITEMS})|вс[её][ \t]+{_RU_COUNT}"
    rf"(?:[ \t]+{_RU_ITEMS})?|об[ае](?:[ \t]+{_RU_ITEMS})?)"
    rf"(?:[ \t]+{_RU_TRUE})?{_RU_END}"
    rf"|{_RU_TRUE}[ \t]+вс[её][ \t]+(?:{_RU_BACK}|{_RU_ITEMS}){_RU_END}"
    rf"|и[ \t]+то,?[ \t]+и[ \t]+другое{_RU_END}"
)
# "Ни один из вариантов (не верен)", "Ни одно из утверждений не верно", "Ничего из
# перечисленного", "Никакой из перечисленных", "Нет правильного ответа", "Правильного ответа
# нет", "Все ответы неверны", "Ни то, ни другое", "Ни A, ни B", or "Ни один", "Никакой" alone;
# "Ни один из узлов не получит пакет", "Ничего не произойдёт", "Нет ответа от сервера" say
# something of their own.
_RU_NONE = r"(?:ни[ \t]+одн(?:ого|ой|ому|им|ом|а|о|у)|ни[ \t]+один|никак(?:ой|ая|ое|ие|их|ого))"
_RU_TRUE_ANSWER = r"(?:верн|правильн|подходящ)\w*[ \t]+(?:ответ|вариант)\w*"
_RU_DENY = (
    rf"(?:{_RU_NONE}|ничего)[ \t]+из[ \t]+(?:{_RU_BACK}|{_RU_ITEMS}|них|этих|этого)"
    rf"(?:[ \t]+(?:не[ \t]+)?(?:{_RU_TRUE}|подход\w*))?{_RU_END}"
    rf"|нет[ \t]+{_RU_TRUE_ANSWER}{_RU_END}|{_RU_TRUE_ANSWER}[ \t]+нет{_RU_END}"
    rf"|{_RU_EVERY}(?:{_RU_BACK}[ \t]+|{_RU_ITEMS}[ \t]+)+{_RU_FALSE}{_RU_END}"
    rf"|ни[ \t]+то,?[ \t]+ни[ \t]+другое(?:,?[ \t]+ни[ \t]+третье)?{_RU_END}"
    r"|ни[ \t]+\(?(?:[A-H]|I{1,3}|IV)\)?,?[ \t]+ни[ \t]+\(?(?:[A-H]|I{1,3}|IV)\)?(?!\w)"
    rf"|{_RU_NONE}{_RU_END}"
)
# Spanish, Portuguese and French, as German: an option points back only as a whole, "Todas
# las (opciones) anteriores", "Todas as alternativas acima", "Toutes les réponses
# ci-dessus", "Toutes ces réponses", "Todas ellas", "Todo lo anterior", "Tout ce qui
# précède", perhaps with a verdict ("Todas son correctas", "Todas estão corretas", "Ambas
# son correctas"); "Todas las instancias se reinician" is a claim of its own.
_RO_BACK = (
    r"(?:anterior(?:es)?|acima|supracitad[ao]s|ci-dessus|pr[ée]c[ée]dentes?|mencionad[ao]s"
    r"|citad[ao]s|listad[ao]s)"
)
_RO_ITEMS = (
    r"(?:opci(?:ones|[óo]n)|respuestas?|alternativas?|afirmaci(?:ones|[óo]n)|op[çc](?:[õo]es"
    r"|[ãa]o)|respostas?|afirmativas?|assertivas?|r[ée]ponses?|propositions?|affirmations?)"
)
_RO_IS = r"(?:son|es|s[ãa]o|est[ãa]o|est[áa]|é|sont|est)[ \t]+"
_RO_TRUE = rf"{_RO_IS}(?:correct|corret|verdader|verdadeir|v[áa]lid|ciert|cert|just|vrai|exact)\w*"
_RO_FALSE = rf"{_RO_IS}(?:in(?:correct|corret|v[áa]lid|exact)|fals|faux|fausse|errad|err[óo]n)\w*"
_RO_END = r"[^\w\n]*$"
_RO_EVERY = r"(?:tod[ao]s|toutes|tous)[ \t]+(?:(?:las|los|as|os|les|ces|estas|estes)[ \t]+)?"
_RO_REFERS_BACK = rf"(?:{_RO_ITEMS}(?:[ \t]+{_RO_BACK})?|{_RO_BACK}|ell?[ao]s|del[ao]s)"
_RO_ALL = (
    rf"(?:{_RO_EVERY}{_RO_REFERS_BACK}(?:[ \t]+{_RO_TRUE})?|(?:tod[ao]s|toutes)[ \t]+{_RO_TRUE}"
    r"|todo[ \t]+lo[ \t]+anterior|tudo[ \t]+(?:o[ \t]+que[ \t]+foi[ \t]+dito[ \t]+)?acima"
    rf"|tout[ \t]+ce[ \t]+qui[ \t]+pr[ée]c[èée]de|amb[ao]s[ \t]+{_RO_TRUE}){_RO_END}"
)
# "Ninguna de las anteriores", "Nenhuma das alternativas (acima)", "Aucune de ces réponses",
# "Ninguna es correcta", "Aucune n'est correcte", "Todas son incorrectas", "N.D.A.", or
# "Ninguna", "Nenhuma", "Aucune" alone.
_RO_NONE = r"(?:ningun[ao]?|ningún|nenhum[ao]?|aucun[e]?)"
_RO_OF = r"(?:de[ \t]+(?:las|los|ces|ses)|das|dos|des|de)[ \t]+"
_RO_DENY = (
    rf"{_RO_NONE}(?:[ \t]+(?:{_RO_OF}{_RO_REFERS_BACK}|de[ \t]+ell[ao]s|del[ao]s|{_RO_ITEMS}))?"
    rf"(?:[ \t]+(?:n['\u2019][ \t]*)?{_RO_TRUE})?{_RO_END}"
    rf"|{_RO_EVERY}(?:{_RO_REFERS_BACK}[ \t]+)?{_RO_FALSE}{_RO_END}"
    r"|n\.[ \t]?d\.[ \t]?a\.?[^\w\n]*$"
)
ALL_OF = re.compile(
    rf"^[^\w\n]*(?:{_EVERY}(?!{_SAY_WRONG})|{_EVERY_RIGHT}|{_DE_ALL}|{_RU_ALL}"
    rf"|(?!{_RO_EVERY}[^\n]*?{_RO_FALSE}){_RO_ALL})",
    _FLAGS,
)
NONE_OF = re.compile(
    rf"^[^\w\n]*(?:{_EVERY}(?={_SAY_WRONG})|{_DENY}|{_DE_DENY}|{_RU_DENY}|{_RO_DENY})", _FLAGS
)
# Either of the two: one search of a bank's options screens for both rules. The first two
# letters of every branch ("all", "any", "both", "beide", "each", "jede", "none", "no",
# "kein", "nichts", "weder", "die beiden"; Russian "все", "оба", "ни", "нет", "верно",
# "правильно", "истинно", "и то") come first: most options start otherwise, and trying the
# branches one by one on them took twice as long on the bench bank's options (and a test
# of the first letter alone, before the tests of two, keeps the Russian ones from tripling
# it). It matches after a line break, as the screen searches for it (rules/screen.py), so
# it is compiled once: compiling it again for the screen cost 0.14 G instructions, more
# than the search; an option alone is matched with a line break before it.
ALL_OR_NONE_OF = re.compile(
    r"\n[^\w\n]*(?=[abejnkwdtвобнпи])(?:(?=a[ln]|b[oe]|ea|je|n[oei]|ke|we|di)"
    rf"(?:{_EVERY}|{_EVERY_RIGHT}|{_DENY}|{_DE_ALL}|{_DE_DENY})"
    rf"|(?=to|tu|am|au|ni|ne|n\.)(?:{_RO_ALL}|{_RO_DENY})"
    rf"|(?=вс|об|н[ие]|ве|пр|ис|и[ \t])(?:{_RU_ALL}|{_RU_DENY}))",
    _FLAGS,
)

# An option letter, roman numeral or statement number, as "A", "(B)", "b)", "III" or "2";
# a Russian keyboard types the letters in Cyrillic ("А и С", "Б и В", "в)").
_REFERENCE = r"(?:\(?(?:[A-HАБВГДЕС]|I{1,3}|IV|VI{0,3}|[1-9])\)?|\(?[a-hа-е]\))"
# Between two references, in any language: a comma, "&" or "+" (perhaps with a word
# after it), or a short word ("and", "or", "und", "et", "y", "e", "и", "или"), the
# Portuguese "quanto" or the German "als auch"; never nothing ("AB"), "/" ("A/B" is a
# test), nor an English word that relates the two: a ratio "1 to 1", odds "1 in 3", a
# size "2 x 4", a direction "A to B".
_JOINING_WORD = r"(?!(?:to|of|in|by|per|x|vs)[ \t])(?:[^\W\d_]{1,4}|quanto|als[ \t]+auch)[ \t]+"
_JOINER = rf"(?:[ \t]*[,&+][ \t]*(?:{_JOINING_WORD})?|[ \t]+{_JOINING_WORD})"
# Before them, English "Both", "Either", "Only", "All of", "Options", "Choices",
# "Answers"; Spanish "Sólo", "Solamente", "Ambas", "Tanto (A como C)", "(Las) respuestas",
# "(Las) opciones", "Son correctas (las)"; Portuguese "Apenas", "Somente" (each perhaps
# with "as afirmativas" ...), "Tanto (A quanto B)", "As alternativas" ...; German "Nur
# (die Aussagen)", "Sowohl (A als auch B)", "Entweder", "Beide", "(Die) Antworten",
# "Aussagen", "Optionen"; Russian (one or two of) "Только", "Лишь", "Оба", "И (A, и C)",
# "Верны", "Правильные", "Вариант(ы)", "Ответы", "Утверждения": as one tree of first
# letters, since a branch per word took twice as long on the bench bank's options.
_ES_VERDICT = r"(?:(?:in)?correct|verdader|fals|v[áa]lid)as"
_PT_VERDICT = r"(?:(?:in)?corret|verdadeir|fals|v[áa]lid)[ao]s"
_PT_ITEMS = r"[ \t]+(?:afirmativas|alternativas|assertivas|op[çc][õo]es|respostas)"
_DE_ITEMS = r"[ \t]+(?:Antworten|Aussagen|Optionen)"
_DE_VERDICT = (
    r"(?:sind|ist)[ \t]+(?:(?:beide|alle)[ \t]+)?(?:richtig|korrekt|zutreffend|falsch|wahr)"
    r"|treffen[ \t]+zu|stimmen"
)
_BEFORE = (
    r"(?:[Bb](?:oth|eide)|[Ee](?:ither|ntweder)|[Cc]hoices?|[Oo](?:nly|pciones|ptions?|ptionen)"
    rf"|[Tt]anto|[Rr]espuestas|[Nn]ur(?:[ \t]+die(?:{_DE_ITEMS})?|{_DE_ITEMS})?|[Dd]ie{_DE_ITEMS}"
    rf"|[Aa](?:ll[ \t]+of|mbas|nswers?|ntworten|ussagen|penas(?:[ \t]+as{_PT_ITEMS})?|s{_PT_ITEMS})"
    rf"|[Ss](?:[óo]lo|olamente|omente(?:[ \t]+as{_PT_ITEMS})?|on[ \t]+{_ES_VERDICT}(?:[ \t]+las)?"
    r"|owohl)|[Ll]as[ \t]+(?:respuestas|opciones)"
    # behind a test for a Cyrillic letter, which a Latin option fails at once: without it
    # the Russian words doubled the time of the search of the bench bank's options
    rf"|(?=[\u0400-\u04ff])(?i:(?:только|лишь|об[ае]|и|(?:верн|правильн)\w*|{RUSSIAN_OPTION_NOUNS})"
    rf"(?:[ \t]+(?:только|(?:верн|правильн)\w*|{RUSSIAN_OPTION_NOUNS}))?))[ \t]+"
)
_RU_VERDICT = r"(?i:(?:являются[ \t]+)?(?:верн|правильн|истинн)\w*)"
# It matches after a line break, as the screen searches for it (rules/screen.py), so it is
# compiled once, as ``ALL_OR_NONE_OF`` is (compiling it again cost 22 M instructions); an
# option alone is matched with a line break before it.
COMBINATION = re.compile(
    rf"\n[ \t]*(?:{_BEFORE})?{_REFERENCE}"
    rf"(?:{_JOINER}{_REFERENCE})+"
    rf"(?:[ \t]+(?:only|are[ \t]+(?:both[ \t]+)?{_VERDICT}|son[ \t]+{_ES_VERDICT}"
    rf"|(?:est[ãa]o|s[ãa]o)[ \t]+{_PT_VERDICT}|{_DE_VERDICT}|{_RU_VERDICT}))?"
    r"[^\w\n]*$",
    re.MULTILINE,
)
# The references of an option COMBINATION matched; and numbered statements in a stem
# ("1. ...", "(2) ..."), without which "1, 2, 3" is a value (a program's output).
_REFERENCES = re.compile(r"\b(?:[A-HАБВГДЕС]|[a-hа-е](?=\))|I{1,3}|IV|VI{0,3}|[1-9])\b")
_NUMBERED_STATEMENT = re.compile(r"(?:^|\s)\(?[1-9][.)]\s", re.MULTILINE)
_OPTION_LETTERS = frozenset("ABCDEFGH")
# Cyrillic letters stand for Latin ones by their look ("А и С": A and C), unless the option
# uses a letter with no Latin twin, Б, Г or Д: then it letters in Russian order, А Б В Г Д Е
# (A B C D E F), and В is C.
_LOOK_ALIKE = str.maketrans("АВСЕ", "ABCE")
_RUSSIAN_ORDER = str.maketrans("АБВГДЕ", "ABCDEF")


def combines(text: str, letters: Collection[str], stem: str) -> bool:
    """Whether an option COMBINATION matched names two or more other options. A letter
    (a Cyrillic one read as its Latin twin) counts only if it is one of the question's
    ``letters`` ("F" in "V, F, V" is no option of A-D); an option that names one twice is
    a sequence of truth values ("V, F, V", Portuguese verdadeiro/falso; "C, E, C",
    certo/errado), not a combination; numbers count only when the ``stem`` numbers its
    statements."""
    found = [part.upper() for part in _REFERENCES.findall(text)]
    table = _RUSSIAN_ORDER if any(part in ("Б", "Г", "Д") for part in found) else _LOOK_ALIKE
    named = [
        part
        for part in (part.translate(table) for part in found)
        if part in letters or part not in _OPTION_LETTERS
    ]
    if len(named) < 2 or len(set(named)) < len(named):
        return False
    if all(part.isdigit() for part in named):
        return len(_NUMBERED_STATEMENT.findall(stem)) >= 2
    return True
