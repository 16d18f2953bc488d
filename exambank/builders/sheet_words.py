"""The words of the answer sheet (``answer_sheet.py``) and of the line the student
edition's cover leaves for a name, in each language the handouts have labels for.

Kept apart from the labels' tables, whose every field each handout fills in: these are
for the sheet, and the name line, alone. A language the labels stand in for with English
gets these in English, marked as the labels are (``Labels.lang_attribute``)."""

# ruff: noqa: RUF001  # the Cyrillic words are meant

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from exambank.builders.labels import Labels


@dataclass(frozen=True)
class SheetWords:
    name: str  # before the line a name is written on, with its colon
    date: str  # and a date
    answer_sheet: str  # the sheet's heading, and its name in the footer and the PDF's title
    note: str  # under the heading: how to mark an answer
    choose: str  # a multiple-answer question's count of answers: {count}
    choose_all: str  # one whose stem leaves the count open ("Select all that apply")


SHEET_WORDS: dict[str, SheetWords] = {  # by the tag the labels are written in
    "en": SheetWords(
        "Name:",
        "Date:",
        "Answer sheet",
        "Fill in the circle of your answer to each question.",
        "choose {count}",
        "all that apply",
    ),
    "de": SheetWords(
        "Name:",
        "Datum:",
        "Antwortbogen",
        "Füllen Sie bei jeder Frage den Kreis Ihrer Antwort aus.",
        "{count} wählen",
        "alle zutreffenden",
    ),
    "fr": SheetWords(
        "Nom\u00a0:",
        "Date\u00a0:",
        "Feuille de réponses",
        "Noircissez le cercle de votre réponse à chaque question.",
        "{count} réponses",
        "toutes les bonnes",
    ),
    "es": SheetWords(
        "Nombre:",
        "Fecha:",
        "Hoja de respuestas",
        "Rellene el círculo de su respuesta a cada pregunta.",
        "elija {count}",
        "todas las correctas",
    ),
    "ru": SheetWords(
        "Имя:",
        "Дата:",
        "Бланк ответов",
        "Закрасьте кружок с вашим ответом на каждый вопрос.",
        "выберите {count}",
        "все верные",
    ),
    "pl": SheetWords(
        "Imię i nazwisko:",
        "Data:",
        "Karta odpowiedzi",
        "Zamaluj kółko z literą swojej odpowiedzi na każde pytanie.",
        "wybierz {count}",
        "wszystkie poprawne",
    ),
    "it": SheetWords(
        "Nome:",
        "Data:",
        "Foglio delle risposte",
        "Annerire il cerchio della risposta a ogni domanda.",
        "scegliere {count}",
        "tutte le corrette",
    ),
    "nl": SheetWords(
        "Naam:",
        "Datum:",
        "Antwoordblad",
        "Kleur bij elke vraag het rondje van je antwoord in.",
        "kies {count}",
        "alle juiste",
    ),
    "pt": SheetWords(
        "Nome:",
        "Data:",
        "Folha de respostas",
        "Preencha o círculo da sua resposta a cada questão.",
        "escolha {count}",
        "todas as corretas",
    ),
    "pt-PT": SheetWords(
        "Nome:",
        "Data:",
        "Folha de respostas",
        "Preencha o círculo da sua resposta a cada pergunta.",
        "escolha {count}",
        "todas as corretas",
    ),
}


def sheet_words_for(labels: Labels) -> SheetWords:
    """The words in the labels' language (English where they stand in with English)."""
    return SHEET_WORDS[labels.language]


def name_line(labels: Labels, with_date: bool = False) -> str:
    """A line to write a name on (and a date): each word before a drawn rule, a box with
    nothing in it, so that the PDF's text holds the words and no run of underscores."""
    words = sheet_words_for(labels)
    fields = [words.name, words.date] if with_date else [words.name]
    return (
        f'<p class="name-line"{labels.lang_attribute}>'
        + "".join(
            f'<span class="write-on">{escape(word)}<span class="write-in"></span></span>'
            for word in fields
        )
        + "</p>"
    )
