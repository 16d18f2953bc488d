"""The fixed words of a printed handout, in the languages they are translated into.

A bank's language tag picks a table by its primary subtag ("de-CH" -> German); a language
without one gets the English labels. A count agrees with its noun by the language's plural
rule (CLDR's, for whole numbers): Russian "1 раздел, 2 раздела, 5 разделов". Portuguese has
two tables, as Brazil and Portugal differ in half these words (Seção and Secção, Gabarito
and Soluções, embaralhadas and baralhadas) and in the plural of 0 (CLDR: "0 seção" in
Brazil, "0 secções" in Portugal): the tag's region picks one (see ``labels_for``).
"""

# ruff: noqa: RUF001  # the table's Cyrillic and typographic apostrophes are meant

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace


def _one_other(count: int) -> int:
    return 0 if count == 1 else 1


def _zero_one_other(count: int) -> int:  # French, Brazilian Portuguese
    return 0 if count in (0, 1) else 1


def _russian(count: int) -> int:
    if count % 10 == 1 and count % 100 != 11:
        return 0
    return 1 if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else 2


def _polish(count: int) -> int:
    if count == 1:
        return 0
    return 1 if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else 2


@dataclass(frozen=True)
class Labels:
    """One language's labels. A tuple holds a counted phrase's forms, in the order its
    ``plural`` rule numbers them; braces mark what is filled in."""

    language: str  # the tag they are written in: a primary subtag, or one with its region
    plural: Callable[[int], int]
    section: str
    key_terms: str
    exam_tips: str
    practice_questions: str
    choose: tuple[str, ...]
    answer: str
    answer_key: str
    key_note: str
    key_note_shuffled: str
    contents: str
    page: str  # the page number in the footer: {page} and {pages}
    student_edition: str
    trainer_edition: str
    version: str
    built: str
    contents_fact: str
    options_fact: str
    shuffled: str
    sections: tuple[str, ...]
    questions: tuple[str, ...]
    no_questions: str
    one_question: str
    question_range: str
    footer_shuffle: str
    fallback: bool = False  # standing in for a language that has no labels

    def count(self, forms: tuple[str, ...], count: int) -> str:
        """The form of a counted phrase that ``count`` takes, filled in."""
        return forms[self.plural(count)].format(count=count)


ENGLISH = Labels(
    language="en",
    plural=_one_other,
    section="Section {number}",
    key_terms="Key terms",
    exam_tips="Exam tips",
    practice_questions="Practice questions",
    choose=("Choose {count} answer.", "Choose {count} answers."),
    answer="Answer: {letters}",
    answer_key="Answer key",
    key_note="Question number and correct option.",
    key_note_shuffled="Question number and correct option (options shuffled with seed {seed}).",
    contents="Contents",
    page="Page {page} of {pages}",
    student_edition="Student edition",
    trainer_edition="Trainer edition \u2014 with answers, not for students",
    version="Version",
    built="Built",
    contents_fact="Contents",
    options_fact="Options",
    shuffled="shuffled with seed {seed}",
    sections=("{count} section", "{count} sections"),
    questions=("{count} practice question", "{count} practice questions"),
    no_questions="no questions",
    one_question="question {number}",
    question_range="questions {first}\u2013{last}",
    footer_shuffle="shuffle {seed}",
)

GERMAN = Labels(
    language="de",
    plural=_one_other,
    section="Abschnitt {number}",
    key_terms="Schlüsselbegriffe",
    exam_tips="Prüfungstipps",
    practice_questions="Übungsfragen",
    choose=("Wählen Sie {count} Antwort.", "Wählen Sie {count} Antworten."),
    answer="Lösung: {letters}",
    answer_key="Lösungen",
    key_note="Fragennummer und richtige Antwort.",
    key_note_shuffled="Fragennummer und richtige Antwort (Antworten mit Seed {seed} gemischt).",
    contents="Inhalt",
    page="Seite {page} von {pages}",
    student_edition="Ausgabe für Lernende",
    trainer_edition="Ausgabe für Lehrende \u2013 mit Lösungen, nicht für Lernende",
    version="Version",
    built="Erstellt",
    contents_fact="Inhalt",
    options_fact="Antworten",
    shuffled="mit Seed {seed} gemischt",
    sections=("{count} Abschnitt", "{count} Abschnitte"),
    questions=("{count} Übungsfrage", "{count} Übungsfragen"),
    no_questions="keine Fragen",
    one_question="Frage {number}",
    question_range="Fragen {first}\u2013{last}",
    footer_shuffle="Seed {seed}",
)

FRENCH = Labels(
    language="fr",
    plural=_zero_one_other,
    section="Section {number}",
    key_terms="Termes clés",
    exam_tips="Conseils pour l’examen",
    practice_questions="Questions d’entraînement",
    choose=("Choisissez {count} réponse.", "Choisissez {count} réponses."),
    answer="Réponse\u00a0: {letters}",
    answer_key="Corrigé",
    key_note="Numéro de la question et bonne réponse.",
    key_note_shuffled="Numéro de la question et bonne réponse "
    "(réponses mélangées avec la graine {seed}).",
    contents="Sommaire",
    page="Page {page} sur {pages}",
    student_edition="Édition étudiant",
    trainer_edition="Édition formateur \u2014 avec les réponses, pas pour les étudiants",
    version="Version",
    built="Date",
    contents_fact="Contenu",
    options_fact="Réponses",
    shuffled="mélangées avec la graine {seed}",
    sections=("{count} section", "{count} sections"),
    questions=("{count} question d’entraînement", "{count} questions d’entraînement"),
    no_questions="aucune question",
    one_question="question {number}",
    question_range="questions {first}\u2013{last}",
    footer_shuffle="graine {seed}",
)

SPANISH = Labels(
    language="es",
    plural=_one_other,
    section="Sección {number}",
    key_terms="Términos clave",
    exam_tips="Consejos para el examen",
    practice_questions="Preguntas de práctica",
    choose=("Elija {count} respuesta.", "Elija {count} respuestas."),
    answer="Respuesta: {letters}",
    answer_key="Soluciones",
    key_note="Número de pregunta y respuesta correcta.",
    key_note_shuffled="Número de pregunta y respuesta correcta "
    "(respuestas mezcladas con la semilla {seed}).",
    contents="Índice",
    page="Página {page} de {pages}",
    student_edition="Edición para el estudiante",
    trainer_edition="Edición para el instructor \u2014 con respuestas, no para estudiantes",
    version="Versión",
    built="Fecha",
    contents_fact="Contenido",
    options_fact="Respuestas",
    shuffled="mezcladas con la semilla {seed}",
    sections=("{count} sección", "{count} secciones"),
    questions=("{count} pregunta de práctica", "{count} preguntas de práctica"),
    no_questions="sin preguntas",
    one_question="pregunta {number}",
    question_range="preguntas {first}\u2013{last}",
    footer_shuffle="semilla {seed}",
)

RUSSIAN = Labels(
    language="ru",
    plural=_russian,
    section="Раздел {number}",
    key_terms="Ключевые термины",
    exam_tips="Советы по сдаче экзамена",
    practice_questions="Вопросы для самопроверки",
    choose=("Выберите {count} ответ.", "Выберите {count} ответа.", "Выберите {count} ответов."),
    answer="Ответ: {letters}",
    answer_key="Ответы",
    key_note="Номер вопроса и правильный вариант.",
    key_note_shuffled="Номер вопроса и правильный вариант "
    "(варианты перемешаны с начальным значением {seed}).",
    contents="Содержание",
    page="Страница {page} из {pages}",
    student_edition="Версия для учащихся",
    trainer_edition="Версия для преподавателя \u2014 с ответами, не для учащихся",
    version="Версия",
    built="Дата сборки",
    contents_fact="Содержание",
    options_fact="Варианты",
    shuffled="перемешаны с начальным значением {seed}",
    sections=("{count} раздел", "{count} раздела", "{count} разделов"),
    questions=(
        "{count} вопрос для самопроверки",
        "{count} вопроса для самопроверки",
        "{count} вопросов для самопроверки",
    ),
    no_questions="нет вопросов",
    one_question="вопрос {number}",
    question_range="вопросы {first}\u2013{last}",
    footer_shuffle="перемешивание {seed}",
)

POLISH = Labels(
    language="pl",
    plural=_polish,
    section="Sekcja {number}",
    key_terms="Kluczowe pojęcia",
    exam_tips="Wskazówki egzaminacyjne",
    practice_questions="Pytania ćwiczeniowe",
    choose=(
        "Wybierz {count} odpowiedź.",
        "Wybierz {count} odpowiedzi.",
        "Wybierz {count} odpowiedzi.",
    ),
    answer="Odpowiedź: {letters}",
    answer_key="Klucz odpowiedzi",
    key_note="Numer pytania i poprawna odpowiedź.",
    key_note_shuffled="Numer pytania i poprawna odpowiedź "
    "(odpowiedzi wymieszane z ziarnem {seed}).",
    contents="Spis treści",
    page="Strona {page} z {pages}",
    student_edition="Wersja dla uczestników",
    trainer_edition="Wersja dla prowadzącego \u2013 z odpowiedziami, nie dla uczestników",
    version="Wersja",
    built="Data",
    contents_fact="Zawartość",
    options_fact="Odpowiedzi",
    shuffled="wymieszane z ziarnem {seed}",
    sections=("{count} sekcja", "{count} sekcje", "{count} sekcji"),
    questions=(
        "{count} pytanie ćwiczeniowe",
        "{count} pytania ćwiczeniowe",
        "{count} pytań ćwiczeniowych",
    ),
    no_questions="brak pytań",
    one_question="pytanie {number}",
    question_range="pytania {first}\u2013{last}",
    footer_shuffle="ziarno {seed}",
)

ITALIAN = Labels(
    language="it",
    plural=_one_other,
    section="Sezione {number}",
    key_terms="Termini chiave",
    exam_tips="Consigli per l’esame",
    practice_questions="Domande di esercitazione",
    choose=("Scegliere {count} risposta.", "Scegliere {count} risposte."),
    answer="Risposta: {letters}",
    answer_key="Soluzioni",
    key_note="Numero della domanda e risposta corretta.",
    key_note_shuffled="Numero della domanda e risposta corretta "
    "(risposte mescolate con il seme {seed}).",
    contents="Indice",
    page="Pagina {page} di {pages}",
    student_edition="Edizione per lo studente",
    trainer_edition="Edizione per il docente \u2014 con le risposte, non per gli studenti",
    version="Versione",
    built="Data",
    contents_fact="Contenuto",
    options_fact="Risposte",
    shuffled="mescolate con il seme {seed}",
    sections=("{count} sezione", "{count} sezioni"),
    questions=("{count} domanda di esercitazione", "{count} domande di esercitazione"),
    no_questions="nessuna domanda",
    one_question="domanda {number}",
    question_range="domande {first}\u2013{last}",
    footer_shuffle="seme {seed}",
)

DUTCH = Labels(
    language="nl",
    plural=_one_other,
    section="Deel {number}",
    key_terms="Kernbegrippen",
    exam_tips="Examentips",
    practice_questions="Oefenvragen",
    choose=("Kies {count} antwoord.", "Kies {count} antwoorden."),
    answer="Antwoord: {letters}",
    answer_key="Antwoorden",
    key_note="Vraagnummer en juiste antwoord.",
    key_note_shuffled="Vraagnummer en juiste antwoord (antwoorden geschud met seed {seed}).",
    contents="Inhoud",
    page="Pagina {page} van {pages}",
    student_edition="Cursistenversie",
    trainer_edition="Docentenversie \u2013 met antwoorden, niet voor cursisten",
    version="Versie",
    built="Datum",
    contents_fact="Inhoud",
    options_fact="Antwoorden",
    shuffled="geschud met seed {seed}",
    sections=("{count} deel", "{count} delen"),
    questions=("{count} oefenvraag", "{count} oefenvragen"),
    no_questions="geen vragen",
    one_question="vraag {number}",
    question_range="vragen {first}\u2013{last}",
    footer_shuffle="seed {seed}",
)

BRAZILIAN_PORTUGUESE = Labels(
    language="pt",  # CLDR's "pt" is Brazil's
    plural=_zero_one_other,
    section="Seção {number}",
    key_terms="Termos-chave",
    exam_tips="Dicas para o exame",
    practice_questions="Questões de prática",
    choose=("Escolha {count} resposta.", "Escolha {count} respostas."),
    answer="Resposta: {letters}",
    answer_key="Gabarito",
    key_note="Número da questão e alternativa correta.",
    key_note_shuffled="Número da questão e alternativa correta "
    "(alternativas embaralhadas com a semente {seed}).",
    contents="Sumário",
    page="Página {page} de {pages}",
    student_edition="Edição do aluno",
    trainer_edition="Edição do instrutor \u2014 com respostas, não distribuir aos alunos",
    version="Versão",
    built="Data",
    contents_fact="Conteúdo",
    options_fact="Alternativas",
    shuffled="embaralhadas com a semente {seed}",
    sections=("{count} seção", "{count} seções"),
    questions=("{count} questão de prática", "{count} questões de prática"),
    no_questions="nenhuma questão",
    one_question="questão {number}",
    question_range="questões {first}\u2013{last}",
    footer_shuffle="semente {seed}",
)

EUROPEAN_PORTUGUESE = Labels(
    language="pt-PT",
    plural=_one_other,
    section="Secção {number}",
    key_terms="Termos-chave",
    exam_tips="Conselhos para o exame",
    practice_questions="Perguntas de treino",
    choose=("Escolha {count} resposta.", "Escolha {count} respostas."),
    answer="Resposta: {letters}",
    answer_key="Soluções",
    key_note="Número da pergunta e opção correta.",
    key_note_shuffled="Número da pergunta e opção correta "
    "(opções baralhadas com a semente {seed}).",
    contents="Índice",
    page="Página {page} de {pages}",
    student_edition="Edição do formando",
    trainer_edition="Edição do formador \u2014 com as soluções, não distribuir aos formandos",
    version="Versão",
    built="Data",
    contents_fact="Conteúdo",
    options_fact="Opções",
    shuffled="baralhadas com a semente {seed}",
    sections=("{count} secção", "{count} secções"),
    questions=("{count} pergunta de treino", "{count} perguntas de treino"),
    no_questions="nenhuma pergunta",
    one_question="pergunta {number}",
    question_range="perguntas {first}\u2013{last}",
    footer_shuffle="semente {seed}",
)

LABELS: dict[str, Labels] = {  # every table, by the tag it is written in
    labels.language: labels
    for labels in (
        ENGLISH,
        GERMAN,
        FRENCH,
        SPANISH,
        RUSSIAN,
        POLISH,
        ITALIAN,
        DUTCH,
        BRAZILIAN_PORTUGUESE,
        EUROPEAN_PORTUGUESE,
    )
}


def labels_for(language: str) -> Labels:
    """The labels for a BCP 47 tag, by its primary subtag; English for any other, marked
    as standing in. Portuguese is Brazil's with no region or "BR", and Portugal's with any
    other ("pt-PT", "pt-AO", "pt-MZ"), as CLDR's locales for those countries inherit from
    pt_PT."""
    subtags = language.lower().split("-")
    labels = LABELS.get(subtags[0], replace(ENGLISH, fallback=True))
    if labels is BRAZILIAN_PORTUGUESE and _region(subtags[1:]) not in (None, "br"):
        return EUROPEAN_PORTUGUESE
    return labels


def _region(subtags: list[str]) -> str | None:
    """The region among the subtags after a tag's language ("latn", "pt" -> "pt"): the
    first of two letters, before any extension ("u-...", "x-...")."""
    for subtag in subtags:
        if len(subtag) == 1:
            return None
        if len(subtag) == 2 and subtag.isalpha():
            return subtag
    return None
