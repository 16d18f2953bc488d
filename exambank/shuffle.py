"""Shuffled editions (``exambank build --shuffle SEED``): each question's options in an
order fixed by the seed and the question's id, relettered A, B, C ...; questions whose
options read wrong once moved keep their order, and the JSON export says which."""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import replace

from exambank.bank import Bank
from exambank.model import Question
from exambank.rules.numeric_options import is_numeric_scale
from exambank.rules.option_wording import points_at_options
from exambank.rules.wording import option_text, option_texts

# The build reads the English wording through the rules; in the languages the handouts have
# labels for, an option pointing at the ones "above", at all of them, at none or at both
# ("Alle oben genannten", "Aucune de ces réponses", "Todas las anteriores", "Todas as
# alternativas acima", "Ambas", "Keine davon", Russian "vse otvety"), an option of letters
# with a word or two around them ("A e B", "Nur A und C"; Cyrillic letters too, as a
# Russian keyboard types them) and a note naming an option's letter ("Antworten B und C",
# "Lösung: B", "Richtig ist B", "réponse B", "opción B", "alternativa B") keep the order.
# Shuffling less than it could costs nothing; a relettered "see B" prints a wrong handout.
_POINTS_UP = re.compile(
    r"\b(?:oben|obige\w*|vorherige\w*|genannte\w*|ci-dessus|pr[ée]c[ée]dent\w*|anterior\w*"
    r"|arriba|sopra|precedent\w*|powy[żz]sz\w*|bovenstaande|вышеперечисленн\w*|выше\w*"
    r"|перечисленн\w*|toutes les r[ée]ponses|aucune de ces|toutes ces|todas las respuestas"
    r"|ninguna de las|tutte le risposte|nessuna delle|wszystkie odpowiedzi|[żz]adna z"
    r"|все ответы|все варианты|ни один из|ничего из|acima|supracitad\w*|amb[ao]s"
    r"|todas as (?:alternativas|op[çc][õo]es|respostas)|nenhuma das|nenhum dos"
    r"|alle[ \t]+(?:antworten|aussagen|optionen|m[öo]glichkeiten)|keine[ \t]+(?:der|davon|von)"
    r"|beide\w*|sowohl)\b"
    # an option that is only a word for none, all or both: "Keine", "Aucune", "Todas"
    r"|^[ \t]*(?:keine|alle|aucune|toutes|ninguna|todas|nenhuma|nessuna|tutte|[żz]adna"
    r"|wszystkie|geen|никакой|никакие|все|\u043e\u0431\u0430)[ \t.!]*$",  # Russian "both"
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
    r"|rozwi[ąa]zani\w*|oplossing(?:en)?|решени\w*"
)
_IS = (
    r"is|are|was|were|ist|sind|war|est|sont|es|son|era|é|são|está|estão|è|sono|jest|są"
    r"|zijn|это"
)
_ARTICLE = r"the|a|o|as|os|la|las|il|le"  # "B is the right one", "B é a correta"
_VERDICT = (
    r"(?:in)?correct\w*|right|wrong|true|false|richtig\w*|falsch\w*|vrai\w*|faux|fausse"
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
    ``_POINTS_UP``), or the options are a numeric scale as the bank's ``language`` writes
    numbers, which prints in its own order."""
    return (
        not question.shuffle
        or points_at_options(option_text(question).joined)
        or is_numeric_scale(option_texts(question), language)
        or _refers_in_other_words(question)
    )


def _refers_in_other_words(question: Question) -> bool:
    texts = option_texts(question)
    if any(map(_POINTS_UP.search, texts)) or any(map(_LETTERS_ONLY.fullmatch, texts)):
        return True
    notes = [question.explanation]
    notes.extend(question.option_feedback(letter) or "" for letter in question.options)
    return any(map(_NAMES_A_LETTER.search, notes))


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
