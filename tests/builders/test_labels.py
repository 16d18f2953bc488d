"""The handouts' fixed words in the bank's language, and tables that fit the page whatever
the length of their words. One small bank, built once per language this module asks for."""

# ruff: noqa: RUF001  # Cyrillic is meant

from __future__ import annotations

import io
import re
import string
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from exambank.bank import Bank
from exambank.builders import Settings, render
from exambank.builders.handout import _page_number, handout_html
from exambank.builders.labels import (
    BRAZILIAN_PORTUGUESE,
    DUTCH,
    ENGLISH,
    EUROPEAN_PORTUGUESE,
    GERMAN,
    LABELS,
    POLISH,
    RUSSIAN,
    labels_for,
)
from exambank.builders.pdf import PdfBuilder
from exambank.cli import main
from exambank.lint import lint
from tests.builders.test_pdf import pages, squeeze
from tests.builders.test_pdf_layout import MM
from tests.conftest import write_bank

# Five columns of long German compounds: at their full width they run past the right edge.
TABLE = """\
notes: |
  | Schicht | Protokoll | Eigenschaft | Beispiel | Anmerkung |
  |---|---|---|---|---|
  | Transportschicht | Übertragungssteuerungsprotokoll | Verbindungsorientierungseigenschaft \
| Datenübertragungsgeschwindigkeitsbegrenzung | Netzwerkadressübersetzungskonfiguration |
"""
LAST_COLUMN = ["Anmerkung", "Netzwerkadressübersetzungskonfiguration"]
FIRST = """\
id: grundlagen
title: Grundlagen
{table}key_terms:
  - {{term: Router, definition: Leitet Pakete zwischen Netzen weiter.}}
exam_tips: [Auf die Schicht achten.]
questions:
  - id: q1
    stem: Welches Protokoll sichert die Zustellung?
    options: {{A: TCP, B: UDP, C: IP, D: ARP}}
    answer: A
    explanation: TCP bestätigt jedes Segment.
  - id: q2
    type: multiple
    stem: Welche Protokolle gehören zur Transportschicht?  # no count: the label says it
    options: {{A: TCP, B: IP, C: UDP, D: ARP}}
    answer: [A, C]
    explanation: TCP und UDP.
"""
SECOND = """\
id: vertiefung
title: Vertiefung
questions:
  - id: q3
    stem: Welcher Dienst löst Namen auf?
    options: {A: DNS, B: DHCP, C: NTP, D: SNMP}
    answer: A
    explanation: DNS löst Namen in Adressen auf.
"""
THIRD = "id: ausblick\ntitle: Ausblick\nsummary: Was noch kommt.\n"
SETTINGS = Settings(build_date=datetime(2026, 1, 1, tzinfo=timezone.utc), shuffle_seed="7")
Handouts = dict[str, bytes]  # edition -> PDF


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Handouts]:
    """The student and trainer PDFs of the three-section bank in a language, built once."""
    built: dict[str, Handouts] = {}

    def build(language: str) -> Handouts:
        if language not in built:
            bank = _bank(tmp_path_factory.mktemp(language), language)
            outputs = PdfBuilder().build(bank, SETTINGS)
            # "netze-student-shuffle7.pdf": the edition after the bank's id
            built[language] = {output.name.split("-")[1]: output.data for output in outputs}
        return built[language]

    return build


def _bank(root: Path, language: str) -> Bank:
    manifest = (
        f"id: netze\ntitle: Netzwerke\nlanguage: {language}\nversion: '2.1'\n"
        "sections: [grundlagen, vertiefung, ausblick]\n"
    )
    table = TABLE if language != "ru" else ""  # Russian rules hyphenate no German word
    files = {
        "01-grundlagen.yaml": FIRST.format(table=table),
        "02-vertiefung.yaml": SECOND,
        "03-ausblick.yaml": THIRD,
    }
    return lint([write_bank(root, files, manifest)]).banks[0]


def test_a_german_bank_prints_german_labels(handouts):
    student, trainer = (pages(handouts("de-CH")[edition]) for edition in ("student", "trainer"))
    cover = squeeze(student[0])
    for fact in ("Version2.1", "Erstellt2026-01-01", "Umfang3Abschnitte,3Übungsfragen"):
        assert fact in cover
    assert "Antwortengemischt(Mischung7)" in cover and "AusgabefürLernende" in cover
    assert "Ausgabe für Lehrende \u2013 mit Lösungen, nicht für Lernende" in trainer[0]
    contents = squeeze(student[1])
    assert contents.startswith("Inhalt")
    for span in ("Fragen1\u20132", "Frage3", "keineFragen", "Lösungen"):
        assert span in contents
    text = squeeze(" ".join(student))
    for label in ("ABSCHNITT1", "Schlüsselbegriffe", "Prüfungstipps", "Übungsfragen"):
        assert label in text
    assert "WählenSie2Antworten." in text and "Lösung:" not in text
    assert "Lösung:" in squeeze(" ".join(trainer))
    assert squeeze("Fragennummer und richtige Antwort (Antworten gemischt, Mischung 7).") in text
    for number, page in enumerate(student[1:], start=2):
        assert f"Seite {number} von {len(student)}" in page
        assert "Ausgabe für Lernende \u00b7 v2.1 \u00b7 Mischung 7" in page
    # "Seed" is English jargon; the cover's facts are no second "Inhalt" (review DE, 12)
    assert "Seed" not in " ".join(student + trainer) and cover.count("Inhalt") == 0
    for english in ("Section", "Key terms", "Practice", "Choose", "Answer", "Page", "edition"):
        assert english not in " ".join(student + trainer), english


def test_a_russian_bank_counts_in_russian(handouts):
    student, trainer = (pages(handouts("ru")[edition]) for edition in ("student", "trainer"))
    assert squeeze("3 раздела, 3 вопроса для самопроверки") in squeeze(student[0])
    contents = squeeze(student[1])
    for span in ("Содержание", "вопросы1\u20132", "вопрос3", "нетвопросов", "Ответы"):
        assert span in contents
    text = squeeze(" ".join(student))
    for label in ("РАЗДЕЛ1", "Ключевыетермины", "Вопросыдлясамопроверки", "Выберите2ответа."):
        assert label in text
    assert "Ответ:" in squeeze(" ".join(trainer)) and "Ответ:" not in text
    assert f"Страница 2 из {len(student)}" in student[1]
    assert "Версия для преподавателя" in trainer[0]


def test_a_brazilian_bank_prints_brazilian_portuguese(handouts):
    student, trainer = (pages(handouts("pt-BR")[edition]) for edition in ("student", "trainer"))
    cover = squeeze(student[0])
    assert "Conteúdo3seções,3questõesdeprática" in cover and "Ediçãodoaluno" in cover
    assert "Alternativasembaralhadascomasemente7" in cover
    assert "Edição do instrutor \u2014 com respostas, não distribuir aos alunos" in trainer[0]
    contents = squeeze(student[1])
    assert contents.startswith("Sumário")
    for span in ("questões1\u20132", "questão3", "nenhumaquestão", "Gabarito"):
        assert span in contents
    text = squeeze(" ".join(student))
    for label in ("SEÇÃO1", "Termos-chave", "Dicasparaoexame", "Questõesdeprática"):
        assert label in text
    assert "Escolha2respostas." in text and "Resposta:" not in text
    assert "Resposta:" in squeeze(" ".join(trainer))
    assert f"Página 2 de {len(student)}" in student[1]
    assert "Edição do aluno \u00b7 v2.1 \u00b7 semente 7" in student[1]
    for english in ("Section", "Key terms", "Choose", "Answer", "Page", "edition"):
        assert english not in " ".join(student + trainer), english


def test_a_bank_from_portugal_prints_european_portuguese(handouts):
    student = pages(handouts("pt-PT")["student"])
    cover = squeeze(student[0])
    assert "Conteúdo3secções,3perguntasdetreino" in cover and "Ediçãodoformando" in cover
    assert "Opçõesbaralhadascomasemente7" in cover
    contents = squeeze(student[1])
    assert contents.startswith("Índice") and "Soluções" in contents
    text = squeeze(" ".join(student))
    assert "SECÇÃO1" in text and "Perguntasdetreino" in text
    assert (
        squeeze("Número da pergunta e opção correta (opções baralhadas com a semente 7).") in text
    )


def test_a_language_without_labels_gets_english_ones_marked_english(handouts, tmp_path):
    bank = _bank(tmp_path, "tlh")
    html = handout_html(bank, "trainer", Settings(shuffle_seed="7"))
    assert '<html lang="tlh">' in html and ">Grundlagen</h2>" in html  # the bank's words
    for label in (
        '<p class="section-number" lang="en">Section 1</p>',
        '<h3 lang="en">Key terms</h3>',
        '<h3 class="practice" lang="en">Practice questions</h3>',
        '<p class="instruction" lang="en">Choose 2 answers.</p>',
        '<span class="toc-span" lang="en">questions 1\u20132</span>',
        '<th scope="row" lang="en">Options</th><td lang="en">shuffled with seed 7</td>',
    ):
        assert label in html, label
    assert 'lang="en"' not in handout_html(
        _bank(tmp_path / "de", "de-CH"), "trainer", Settings(shuffle_seed="7")
    )
    student = pages(handouts("tlh")["student"])
    assert "Student edition" in student[0] and f"Page 2 of {len(student)}" in student[1]


ENGLISH_WORDS = (
    'the handouts\' own words ("Answer key", "Choose 2 answers.") are in English: '
    "exambank has none in 'sv' yet, only in English, German, French, Spanish, Portuguese, "
    "Italian, Dutch, Polish and Russian"
)


def _fake_render(*arguments: object, **options: object) -> tuple[bytes, tuple[str, ...]]:
    return b"%PDF-1.7\n%%EOF\n", ()


def test_english_words_in_a_bank_of_another_language_are_noted_under_each_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # review s34 (helper-241), finding 7: a Swedish bank's PDFs read "Answer key", and the
    # build said nothing of it
    monkeypatch.setattr(render, "render_pdf", _fake_render)
    settings = Settings(student_key="separate", answer_sheet=True)
    outputs = PdfBuilder().build(_bank(tmp_path / "sv", "sv"), settings)
    assert [output.notes for output in outputs] == [(ENGLISH_WORDS,)] * 4
    german = PdfBuilder().build(_bank(tmp_path / "de", "de-CH"), settings)
    assert [output.notes for output in german] == [()] * 4
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    capsys.readouterr()
    arguments = ["build", str(tmp_path / "sv"), "--only", "pdf", "--out", str(tmp_path / "dist")]
    assert main(arguments) == 0
    printed = capsys.readouterr().out.splitlines()
    assert f"note: {ENGLISH_WORDS}" in [line.strip() for line in printed]


@pytest.mark.parametrize("language", ["de-CH", "tlh"])
def test_a_table_of_long_words_keeps_every_column_on_the_page(handouts, language):
    """German words are hyphenated; a language without hyphenation rules breaks them."""
    data = handouts(language)["student"]
    (page,) = [index for index, text in enumerate(pages(data)) if "Schicht" in text]
    right = 210 * MM - 20 * MM  # the right margin of an A4 page
    assert [left for left in run_starts(data, page) if left >= right] == []
    text = re.sub(r"[\s\u2010]", "", pages(data)[page])  # hyphens and breaks undone
    assert all(word in text for word in LAST_COLUMN)


def run_starts(data: bytes, page: int) -> list[float]:
    """Where each text run on a page starts, in points from the left edge: each table cell
    is a run of its own."""
    starts = []

    def visit(operator: bytes, _: object, cm: list[float], tm: list[float]) -> None:
        if operator in (b"TJ", b"Tj"):
            starts.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_operand_before=visit)
    return starts


def test_a_region_subtag_keeps_its_language_and_an_unknown_one_falls_back():
    assert labels_for("de-CH") is GERMAN and labels_for("DE") is GERMAN
    assert labels_for("en-GB") is ENGLISH and not ENGLISH.fallback
    for tag in ("tlh", "gl-ES", "x-private"):
        stand_in = labels_for(tag)
        assert stand_in.fallback and stand_in.answer_key == ENGLISH.answer_key


@pytest.mark.parametrize(
    ("tag", "labels"),
    [
        ("pt", BRAZILIAN_PORTUGUESE),
        ("pt-BR", BRAZILIAN_PORTUGUESE),
        ("pt-Latn-BR", BRAZILIAN_PORTUGUESE),
        ("pt-x-pt", BRAZILIAN_PORTUGUESE),  # private use names no country
        ("pt-PT", EUROPEAN_PORTUGUESE),
        ("PT-pt", EUROPEAN_PORTUGUESE),
        ("pt-Latn-PT", EUROPEAN_PORTUGUESE),
        ("pt-AO", EUROPEAN_PORTUGUESE),  # Angola and Mozambique write as Portugal does
        ("pt-MZ", EUROPEAN_PORTUGUESE),
    ],
)
def test_portuguese_is_brazils_unless_the_tag_names_another_country(tag, labels):
    assert labels_for(tag) is labels


@pytest.mark.parametrize(
    ("labels", "counts"),
    [
        (ENGLISH, {0: "0 sections", 1: "1 section", 2: "2 sections"}),
        (BRAZILIAN_PORTUGUESE, {0: "0 seção", 1: "1 seção", 2: "2 seções", 21: "21 seções"}),
        (EUROPEAN_PORTUGUESE, {0: "0 secções", 1: "1 secção", 2: "2 secções"}),
        (DUTCH, {0: "0 delen", 1: "1 deel", 2: "2 delen"}),
        (LABELS["fr"], {0: "0 section", 1: "1 section", 2: "2 sections"}),
        (
            RUSSIAN,
            {1: "1 раздел", 2: "2 раздела", 5: "5 разделов", 11: "11 разделов", 12: "12 разделов"}
            | {21: "21 раздел", 22: "22 раздела", 25: "25 разделов", 111: "111 разделов"},
        ),
        (
            POLISH,
            {1: "1 sekcja", 2: "2 sekcje", 5: "5 sekcji", 12: "12 sekcji", 21: "21 sekcji"}
            | {22: "22 sekcje", 112: "112 sekcji", 124: "124 sekcje"},
        ),
    ],
)
def test_counts_agree_by_the_languages_plural_rule(labels, counts):
    assert {count: labels.count(labels.sections, count) for count in counts} == counts


@pytest.mark.parametrize("language", sorted(LABELS))
def test_every_table_fills_in_what_english_does(language):
    """A translation names the same blanks as the English label, and has a form of each
    counted phrase for every form its plural rule picks."""
    labels = LABELS[language]
    forms = 1 + max(labels.plural(count) for count in range(1000))
    for field in fields(labels):
        english, translated = getattr(ENGLISH, field.name), getattr(labels, field.name)
        if isinstance(translated, tuple):
            assert len(translated) == forms, field.name
            assert all(_blanks(form) == {"count"} for form in translated), field.name
        elif isinstance(translated, str) and field.name != "language":
            assert _blanks(translated) == _blanks(english), field.name


@pytest.mark.parametrize("language", sorted(LABELS))
def test_a_large_print_cover_leaves_the_seed_to_its_mark(tmp_path, language):
    """The options fact says "shuffled", the label's first words, without the seed that
    the mark under the title shows: at 24 pt the seed a second time pushed the fact onto
    the second cover page (review s31, finding 7)."""
    labels = LABELS[language]
    assert labels.shuffled.startswith(labels.shuffled_short)
    settings = Settings(shuffle_seed="midterm B", large_print=True, large_print_size=24)
    html = handout_html(_bank(tmp_path, language), "trainer", settings)
    above, facts = html.split('<table class="facts">')
    assert f"<td>{labels.shuffled_short}</td></tr></table>" in facts
    assert "midterm B" not in facts.split("</table>")[0]
    mark = labels.footer_shuffle.format(seed="midterm B")
    assert f'<p class="shuffle-mark">{mark[:1].upper()}{mark[1:]}</p>' in above


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_page_number_becomes_a_css_value_that_cannot_break_out():
    assert _page_number("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
    assert (
        _page_number('{page}/{pages} "</style>')
        == r'counter(page) "/" counter(pages) " \22 \3c /style>"'
    )


def _line_of(data: bytes, page: int, words: str) -> float:
    """The height above the page's foot of the text run holding ``words``."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if words in text:
            found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found[0]


def test_a_long_footer_wraps_and_never_loses_its_seed(tmp_path):
    """The Russian trainer footer with a long version and seed ran past its box and was
    cut off there: the "-A" and "-B" prints of one exam could not be told apart. It wraps
    onto a second line now."""
    root = write_bank(tmp_path / "ru", {"01-grundlagen.yaml": FIRST.format(table="")})
    (root / "bank.yaml").write_text(
        "id: netze\ntitle: Netzwerke\nlanguage: ru\nversion: 2025.1-rc2\nsections: [grundlagen]\n",
        encoding="utf-8",
    )
    [bank] = lint([root]).banks
    [_, trainer] = PdfBuilder().build(bank, Settings(shuffle_seed="spring-2025-midterm-B"))
    edition, seed = _line_of(trainer.data, 1, "v2025.1-rc2"), _line_of(trainer.data, 1, "midterm-B")
    assert seed < edition  # on the line below, inside the page
