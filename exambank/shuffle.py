"""Shuffled editions (``exambank build --shuffle SEED``): each question's options in an
order fixed by the seed and the question's id, relettered A, B, C ...; questions whose
options read wrong once moved keep their order, and the JSON export says which."""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import replace

from exambank.bank import Bank
from exambank.by_identity import ByIdentity
from exambank.language_codes import primary_language
from exambank.model import Question
from exambank.rules.numeric_options import is_numeric_scale
from exambank.rules.option_references import (
    GERMAN_OPTION_NOUNS,
    GERMAN_POINTING_BACK,
    RUSSIAN_OPTION_NOUNS,
    RUSSIAN_POINTING_BACK,
)
from exambank.rules.option_wording import points_at_options
from exambank.rules.wording import option_text

# The build reads the English wording through the rules; in the languages the handouts have
# labels for, an option pointing at the ones "above", at all of them, at none or at both
# ("Alle oben genannten", "Aucune de ces réponses", "Tout ce qui précède", "Les deux",
# "Todas las anteriores", "Todas son correctas", "Todas as alternativas acima", "Ambas",
# "N.D.A.", "Nenhuma delas", "As duas primeiras", "Keine davon", Russian "vse otvety"), an
# option of letters with a word or two around them ("A e B", "Nur A und C"; Cyrillic
# letters too, as a Russian keyboard types them) and a note naming an option's letter
# ("Antworten B und C", "Lösung: B", "Richtig ist B", "réponse B", "opción B", "Gabarito:
# c", "Item c") keep the order. The German and Russian words that point back and their
# nouns for options are those `all-of-the-above` reads (exambank/rules/option_references.py).
# Shuffling less than it could costs nothing; a relettered "see B" prints a wrong handout.
_POINTS_UP = re.compile(
    rf"\b(?:oben|{GERMAN_POINTING_BACK}|ci-dessus|pr[ée]c[ée]dent\w*|anterior\w*"
    rf"|arriba|sopra|precedent\w*|powy[żz]sz\w*|bovenstaande|выше\w*|{RUSSIAN_POINTING_BACK}"
    r"|toutes les r[ée]ponses|aucune de ces|toutes ces|todas las respuestas"
    r"|ninguna de las|tutte le risposte|nessuna delle|wszystkie odpowiedzi|[żz]adna z"
    rf"|вс[её][ \t]+{RUSSIAN_OPTION_NOUNS}|ни один из|ничего из|acima|supracitad\w*|amb[ao]s"
    r"|todas as (?:alternativas|op[çc][õo]es|respostas)|nenhuma das|nenhum dos"
    rf"|alle[ \t]+(?:{GERMAN_OPTION_NOUNS})|keine[ \t]+(?:der|davon|von)"
    r"|beide\w*|sowohl|tout ce qui pr[ée]c[èée]de|(?:toutes|aucune)[ \t]+(?:les[ \t]+)?"
    r"(?:r[ée]ponses?|propositions?)|les[ \t]+deux[ \t]+(?:premi|derni)\w*"
    r"|[ao]s[ \t]+(?:duas|dois|tr[êe]s)[ \t]+(?:primeir|[úu]ltim)[ao]s)\b"
    # an option that is only a word for none, all or both: "Keine", "Aucune", "Les deux"
    r"|^[ \t]*(?:keine|alle|aucune|toutes|ninguna|todas|nenhuma|nessuna|tutte|[żz]adna"
    r"|wszystkie|geen|les[ \t]+deux|никакой|никакие|все|[nt]\.[ \t]?d\.[ \t]?a\.?"
    r"|\u043e\u0431\u0430)[ \t.!]*$"  # Russian "both"
    # Spanish "Todas son correctas", "Ninguna es verdadera", "Ninguna de ellas", "Todas
    # ellas", "Todas las opciones", "Ninguna opción es correcta"; Portuguese "Todas elas",
    # "Todas estão corretas", "Nenhuma é verdadeira"
    r"|^[ \t¡]*(?:todas|ninguna|nenhuma)[ \t]+(?:ell?as|de[ \t]+ellas|delas|(?:las[ \t]+)?"
    r"(?:opciones|respuestas|alternativas|afirmaciones)|opci[óo]n|respuesta|alternativa"
    r"|afirmaci[óo]n|(?:son|es|s[ãa]o|est[ãa]o|est[áa]|é)[ \t]+(?:in)?"
    r"(?:correct|corret|verdad|v[áa]lid|fals|ciert|cert)\w*)\b",
    re.IGNORECASE,
)
_LETTER = "[A-Z\u0410-\u042f]"  # a Latin or Cyrillic capital
# letters joined by a comma, "&" or "+" or a short word: "A, B y C", Russian "A i B"
_JOINED = r"(?:[ \t]*[,&+][ \t]*(?:\w{1,4}[ \t]+)?|[ \t]+(?:\w{1,4}[ \t]+){1,2})"
# ... perhaps after a word and before two ("Nur A und C", "A und C sind richtig")
_LETTERS_ONLY = re.compile(
    rf"[ \t]*(?:[^\W\d_]{{2,10}}[ \t]+)?{_LETTER}(?!\w)(?:{_JOINED}{_LETTER}(?!\w))+"
    rf"(?:[ \t]+[^\W\d_]{{2,12}}){{0,2}}[ \t.!]*"
)
# A note naming an option by its letter, in any of those languages or English: the noun in
# any case and number ("answer", "Antworten", "réponse", "ответ"), perhaps a word after it
# ("correcte", "correct"), then the letter alone or after "is", ":" or a dash ("answer B",
# "Answer: B", "the correct answer is C", "правильный ответ: B"); or the letter before its
# verdict, perhaps after an article ("B is correct", "(D) ist richtig", "C est fausse",
# "B é a correta", "A e C estão erradas", "B è corretta").
_NOUN = (
    r"answers?|options?|choices?|antwort(?:en)?|variante[n]?|optionen|r[ée]ponses?"
    r"|opci[óo]n(?:es)?|respuestas?|rispost[ae]|opzion[ei]|odpowied[źz]\w*|antwoord(?:en)?"
    r"|alternativas?|op[çc](?:[ãa]o|[õo]es)|respostas?|letra|вариант\w*|ответ\w*"
    r"|solutions?|l[öo]sung(?:en)?|soluci[óo]n(?:es)?|solu[çc](?:[ãa]o|[õo]es)|soluzion[ei]"
    r"|gabaritos?|ite(?:m|ns)"
    r"|rozwi[ąa]zani\w*|oplossing(?:en)?|решени\w*"
)
_IS = (
    r"is|are|was|were|ist|sind|war|est|sont|es|son|era|é|são|está|estão|è|sono|jest|są"
    r"|zijn|это"
)
_ARTICLE = r"the|a|o|as|os|la|las|il|le"  # "B is the right one", "B é a correta"
_VERDICT = (
    r"(?:in)?correct\w*|right|wrong|true|false|richtig\w*|falsch\w*|vrai\w*|faux|fausses?"
    r"|verdader\w*|verdadeir[ao]s?|fals[aoei]s?|errad[ao]s?|cert[ao]s?|(?:in|s)?corret\w*"
    r"|giust[aoei]|sbagliat[aoei]|errat[aoei]|ver[aoei]|poprawn\w*|błędn\w*|juist|fout"
    r"|верн\w*|неверн\w*|правильн\w*|неправильн\w*"
)
_NAMES_A_LETTER = re.compile(
    rf"\b(?i:{_NOUN})(?:[ \t]+[^\W\d_]{{2,12}})?"
    rf"(?:[ \t]*[:=\u2013\u2014-][ \t]*|[ \t]+(?:(?i:{_IS})[ \t]+)?)\(?{_LETTER}\)?(?![\w-])"
    rf"|(?<![\w.-])\(?{_LETTER}\)?[ \t]+(?:(?i:{_IS})|[\u2013\u2014-])[ \t]+"
    rf"(?:(?i:{_ARTICLE})[ \t]+)?(?i:{_VERDICT})\b"
    # the verdict first ("Correct: B", "Richtig ist B", "Richtig sind A und C"), or the
    # letter before a verb that says it ("C trifft zu")
    rf"|\b(?i:{_VERDICT})(?:[ \t]*[:=\u2013\u2014-][ \t]*|[ \t]+(?i:{_IS})[ \t]+)"
    rf"\(?{_LETTER}\)?(?![\w-])"
    rf"|(?<![\w.-])\(?{_LETTER}\)?[ \t]+(?i:trifft[ \t]+zu|stimmt)\b"
)

# A lower-case letter of the question's names an option, in any language, where it is written
# as a list's letter ("b) y c) son correctas", "(b)", in Cyrillic too; not a paragraph of a
# rule, "97.119 (a)", nor the last argument of a call, "add(a, b)"), after "la", "las" or
# "les" ("la b", "Son correctas la a y la c", "(la a)", "les b et c"), as the upper-case
# letters are named: after the noun for an option, perhaps a word after it ("opción c",
# "respuesta correcta: d", "the answer is c"), after its verdict ("Correcta: b"), before it
# ("b es correcta", "Only b is correct", "b trifft zu"), or as "ni a ni c", "neither a nor
# c". A bare one is a word too often (Spanish "a la red", "o bien", "y"; "e-mail", "c++"):
# it does not count, nor does "a", "e", "o", "y" ... after a noun or a verdict that a word
# follows ("answer a question", "respuesta correcta a la pregunta") unless the word joins it
# to another of the question's letters ("opciones a y c", "options a and c"), nor before a
# verdict after a word ("rápido e é correto") other than "only" ("Solo a es correcta").
_LOWER = "[a-z\u0430-\u044f]"
_LOWER_ENDS = r"(?![\w'\u2019+#-]|\.\w)"
_LOWER_LETTER = re.compile(
    rf"(?<![\w.\-/\\()])(?<![\d)][ \t])\(?(?P<listed>{_LOWER})\)"
    rf"|(?<![\w-])(?i:la|las|les)[ \t]+(?P<after_article>{_LOWER}){_LOWER_ENDS}"
    rf"|(?:\b(?i:{_NOUN})(?:[ \t]+[^\W\d_]{{2,12}})?"
    rf"(?:[ \t]*[:=\u2013\u2014-][ \t]*|[ \t]+(?:(?i:{_IS})[ \t]+)?)"
    rf"|\b(?i:{_VERDICT})(?:[ \t]*[:=\u2013\u2014-][ \t]*|[ \t]+(?i:{_IS})[ \t]+))"
    rf"(?P<named>{_LOWER}){_LOWER_ENDS}"
    rf"|(?<![\w.'\u2019-])(?P<judged>{_LOWER})[ \t]+(?:(?:(?i:{_IS})|[\u2013\u2014-])[ \t]+"
    rf"(?:(?i:{_ARTICLE})[ \t]+)?(?i:{_VERDICT})|(?i:trifft[ \t]+zu|stimmt))\b"
    rf"|\b(?i:ni|neither|weder)[ \t]+(?P<neither>{_LOWER})[ \t]+(?i:ni|nor|noch)[ \t]+"
    rf"(?P<nor>{_LOWER}){_LOWER_ENDS}"
)
_LOWER_WORD_LETTERS = frozenset("aeikosuvwyz\u0430\u0432\u0438\u043a\u043e\u0441\u0443\u044f")
_A_WORD_NEXT = re.compile(rf"[ \t\u00a0]+(?!(?i:{_IS})\b)\w")
_AND_ANOTHER = re.compile(
    r"(?:[ \t]*[,&][ \t]*|[ \t]+(?i:y|e|o|u|i|ni|and|or|nor|und|oder|et|ou|ed|и|или)[ \t]+)"
    rf"({_LOWER}){_LOWER_ENDS}"
)
_ONLY = re.compile(
    r"\b(?i:only|just|solo|sólo|solamente|únicamente|nur|seulement|somente|apenas)[ \t]*$"
)
# An option that is only lower-case letters of the question, joined ("a y c", "Sólo b y d").
_LOWER_LETTERS_ONLY = re.compile(_LETTERS_ONLY.pattern.replace(_LETTER, _LOWER))
_LOWER_ALONE = re.compile(rf"(?<!\w){_LOWER}(?!\w)")

# In a bank not in English the phrasings are too many to list ("La B est la seule correcte",
# "Il fallait cocher B", "contrairement à B"), so any of the question's letters standing
# alone as a word names an option: Latin, or Cyrillic as a Russian keyboard types it (a
# twin of the Latin letter, or the letter at the same place in the Russian alphabet).
_TWINS = str.maketrans(
    "ABCEHKMOPTX", "\u0410\u0412\u0421\u0415\u041d\u041a\u041c\u041e\u0420\u0422\u0425"
)
_RUSSIAN_ORDER = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
# Not a letter in a word, a name or a path ("C'est", "A4", "C++", "R&D", "A/B", "C:\\", "S.A.").
_STANDALONE = re.compile(r"(?<![\w.\-/\\°#+&])[A-Z\u0410-\u042f](?![\w#+&]|['\u2019.\-/]\w|:[\\/])")
# ... nor a unit after a number ("10 A", "230 V") or a name that a letter ends ("classe C",
# "langage C", "enregistrement A", "lecteur C", "Vitamin C", "Typ B").
_NAMED = re.compile(
    r"(?:\d|\b(?i:class\w*|klass\w*|clase|язык\w*|langage|language|sprache|lenguaje"
    r"|linguaggio|linguagem|j[ęe]zyk\w*|vitamin\w*|witamin\w*|витамин\w*|typ\w*|tipo"
    r"|тип\w*|enregistrement|record|eintrag|registro|запис\w*|plan|lecteur|laufwerk|drive"
    r"|unidad|unit[àa]|unidade|dysk|диск\w*))[ \t\u00a0\u202f]*$"
)
# A letter that is also a word ("A resposta", "O modelo", Spanish "Y", Italian "E", Polish
# "W", "Z", Russian "v", "s", "a", "i") reads as that word at the start of a sentence,
# before a number, a quotation or a word that is not a verb ("A 5G", "A est la bonne
# réponse", "A é a correta"). A letter joined to another ("A et C", "A und B", "A e C")
# still counts: the second one does.
_WORD_LETTERS = frozenset("AEIKOSUVWYZ\u0410\u0412\u0418\u041a\u041e\u0421\u0423\u042f")
_OPENERS = " \t\u00a0\"'«»“”„\u2018\u2019([¿¡*_>•\u2013\u2014-"
_SENTENCE_ENDS = ".!?…:;\n"
_WORD_NEXT = re.compile(
    r"[ \t\u00a0]+(?!(?i:est|sont|ist|sind|es|son|é|são|è|sono|jest|są)\b)[\w\"'«“„\u2018]"
)


def option_order(question: Question, seed: str) -> list[str]:
    """The question's option letters in the order ``seed`` prints them. Each question's
    order depends only on the seed and its own id, so adding a question reorders no other."""

    def rank(letter: str) -> bytes:
        return hashlib.sha256(f"{seed}\0{question.id}\0{letter}".encode()).digest()

    return sorted(question.options, key=rank)


def shuffled(bank: Bank, seed: str) -> Bank:
    """The bank with every question's options reordered by ``seed`` and relettered A, B, C
    ...; answers follow their options."""
    files = []
    for file in bank.files:
        questions = [
            _shuffle(question, seed, bank.manifest.language) for question in file.section.questions
        ]
        section = file.section.model_copy(update={"questions": questions})
        files.append(replace(file, section=section))
    return replace(bank, files=files)


def keeps_its_order(question: Question, language: str = "en") -> bool:
    """Questions whose options read wrong once moved: the source says ``shuffle: false``,
    options point at other options or letters ("Both A and B", "None of the above"),
    feedback or an explanation names a letter (in English and the languages in
    ``_POINTS_UP``; in any bank, a lower-case letter of the question's as "b)", "la b",
    "opción c", "opciones a y c" or "b es correcta"; in a bank not in English, any of the
    question's letters alone as a word in an option, a feedback or the explanation), or the
    options are a numeric scale as the bank's ``language`` writes numbers, which prints in
    its own order.

    A build asks it of each question more than once (the JSON, the CSV, a shuffle and its
    note): the answer is kept by the question's identity."""
    keeps = _KEEPS_ITS_ORDER.get(question, language)
    if keeps is None:
        keeps = _KEEPS_ITS_ORDER.put(
            question,
            not question.shuffle
            or points_at_options(option_text(question).joined)
            or is_numeric_scale(question.option_texts, language)
            or _refers_in_other_words(question, language),
            language,
        )
    return keeps


_KEEPS_ITS_ORDER: ByIdentity[bool] = ByIdentity()


def _refers_in_other_words(question: Question, language: str) -> bool:
    texts = question.option_texts
    if any(map(_POINTS_UP.search, texts)) or any(map(_LETTERS_ONLY.fullmatch, texts)):
        return True
    notes = [question.explanation]
    notes.extend(question.option_feedback(letter) or "" for letter in question.options)
    if any(map(_NAMES_A_LETTER.search, notes)):
        return True
    letters = _letters(question)
    lower = {letter.lower() for letter in letters}
    if any(_is_lower_letters(text, lower) for text in texts) or any(
        _names_a_lower_letter(text, lower) for text in [*texts, *notes]
    ):
        return True
    if primary_language(language) == "en":
        return False
    return any(_names_a_letter(text, letters) for text in [*texts, *notes])


def _letters(question: Question) -> set[str]:
    """The question's letters as an author may type them, on a Latin or Russian keyboard."""
    letters = set(question.options)
    letters.update(letter.translate(_TWINS) for letter in question.options)
    letters.update(_RUSSIAN_ORDER[ord(letter) - ord("A")] for letter in question.options)
    return letters


def _names_a_letter(text: str, letters: set[str]) -> bool:
    """Whether one of ``letters`` stands alone as a word in ``text``, not as an article."""
    for match in _STANDALONE.finditer(text):
        letter = match.group()
        if letter not in letters or _NAMED.search(text, max(0, match.start() - 20), match.start()):
            continue
        head = text[: match.start()].rstrip(_OPENERS)
        starts_a_sentence = not head or head[-1] in _SENTENCE_ENDS
        if letter in _WORD_LETTERS and starts_a_sentence and _WORD_NEXT.match(text, match.end()):
            continue
        return True
    return False


def _names_a_lower_letter(text: str, letters: set[str]) -> bool:
    """Whether one of ``letters``, lower-case, is written as an option's letter in ``text``."""
    for match in _LOWER_LETTER.finditer(text):
        listed, after_article, named, judged, neither, nor = match.groups()
        letter = listed or after_article or named or judged or neither
        if letter not in letters or (nor and nor not in letters):
            continue
        if listed and not match.group().startswith("(") and _inside_brackets(text, match.start()):
            continue  # "add(a, b)"
        if letter in _LOWER_WORD_LETTERS and (
            (named and _A_WORD_NEXT.match(text, match.end()) and not _joined(text, match, letters))
            or (judged and not _starts_its_claim(text, match.start()))
        ):
            continue  # "answer a question", "respuesta a la pregunta", "rápido e é correto"
        return True
    return False


def _joined(text: str, match: re.Match[str], letters: set[str]) -> bool:
    """Whether a joiner and another of ``letters`` follow: "opciones a y c", "options a and c"."""
    joined = _AND_ANOTHER.match(text, match.end())
    return joined is not None and joined.group(1) in letters


def _starts_its_claim(text: str, index: int) -> bool:
    """Whether only a sentence's start or "only" stands before ``index``: "Solo a es ..."."""
    head = text[:index].rstrip(_OPENERS)
    return not head or head[-1] in _SENTENCE_ENDS or _ONLY.search(head) is not None


def _inside_brackets(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("(") > before.count(")")


def _is_lower_letters(option: str, letters: set[str]) -> bool:
    """Whether an option is only lower-case letters joined ("a y c"), two of them the
    question's (the "y" of "a y c" is a word)."""
    if not _LOWER_LETTERS_ONLY.fullmatch(option):
        return False
    return len(letters.intersection(_LOWER_ALONE.findall(option))) >= 2


def _shuffle(question: Question, seed: str, language: str) -> Question:
    if keeps_its_order(question, language):
        return question
    order = option_order(question, seed)
    new_letter = {old: string.ascii_uppercase[index] for index, old in enumerate(order)}
    options = {new_letter[old]: question.options[old] for old in order}
    answer = sorted(new_letter[letter] for letter in question.answer_letters)
    update = {
        "options": options,
        "answer": answer[0] if isinstance(question.answer, str) else answer,
    }
    return question.model_copy(update=update)
