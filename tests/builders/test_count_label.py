"""The "Choose 2 answers." label under a multiple-answer stem: left out where the stem gives
the count in brackets or as "Quelles sont les deux ...", and where it leaves the count open
on purpose ("Cochez la ou les bonnes réponses", "Select all that apply")."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.handout import handout_html
from exambank.builders.pdf import PdfBuilder
from tests.conftest import QUESTION, section_yaml

MULTIPLE = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, D]")


@pytest.mark.parametrize(
    ("stem", "language", "label"),
    [
        # a French teacher's stems (review F, finding 9)
        ("Quels protocoles utilisent TCP ? (2 réponses)", "fr", None),
        ("Quelles sont les deux protocoles qui utilisent TCP ?", "fr", None),
        ("Quels protocoles utilisent TCP ? Plusieurs réponses possibles.", "fr", None),
        ("Quels protocoles utilisent TCP ? Cochez la ou les bonnes réponses.", "fr", None),
        ("Quels protocoles utilisent TCP ? Choisissez une ou plusieurs réponses.", "fr", None),
        ("Quels protocoles utilisent TCP ?", "fr", "Choisissez 2 réponses."),
        ("Quels protocoles utilisent TCP ? (3 réponses)", "fr", "Choisissez 2 réponses."),
        ("Which services train models? (2 answers)", "en", None),
        ("Which services train models? Select all that apply.", "en", None),
        ("Which services train models? Choose one or more.", "en", None),
        ("Welche Protokolle nutzen TCP? (2 Antworten)", "de", None),
        ("Welche Protokolle nutzen TCP? Eine oder mehrere Antworten sind richtig.", "de", None),
        ("¿Qué protocolos usan TCP? Elija una o más.", "es", None),
        ("Quais protocolos usam TCP? Marque uma ou mais.", "pt", None),
        # a Brazilian teacher's stems (review 107, finding 3)
        ("Quais protocolos usam TCP? Assinale as duas alternativas corretas.", "pt", None),
        ("Quais protocolos usam TCP? Aponte as duas corretas.", "pt", None),
        ("Quais protocolos usam TCP? Assinale três.", "pt", "Escolha 2 respostas."),
        ("Quali protocolli usano TCP? Una o più risposte.", "it", None),
        ("Welke protocollen gebruiken TCP? Een of meer antwoorden.", "nl", None),
        # a German teacher's stems (review DE, findings 3 and 5)
        ("Welche Protokolle nutzen TCP? Mehrfachnennungen sind möglich.", "de", None),
        ("Kreuzen Sie alle richtigen Antworten an.", "de", None),
        ("Es ist mindestens eine Antwort richtig.", "de", None),
        ("Welche beiden Protokolle nutzen TCP?", "de", None),
        ("Welche drei Protokolle nutzen TCP?", "de", "Wählen Sie 2 Antworten."),
        ("Which services train models? More than one answer may be correct.", "en", None),
    ],
)
def test_the_label_is_left_out_where_the_stem_gives_or_hides_the_count(
    make_bank, stem, language, label
):
    question = MULTIPLE.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {stem}"
    )
    manifest = f"id: b\ntitle: B\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(question)}, manifest)
    html = handout_html(bank, "student", Settings())
    assert html.count('class="instruction"') == (label is not None)
    if label:
        assert f">{label}</p>" in html


@pytest.mark.parametrize("large_print", [False, True])
def test_the_label_prints_at_the_stem_s_size(make_bank, large_print: bool) -> None:
    """It changes how the question is answered: a candidate who skims past small type
    marks one answer (review s24-accessibility, finding 2)."""
    bank = make_bank({"01-main.yaml": section_yaml(MULTIPLE)})
    student = PdfBuilder().build(bank, Settings(large_print=large_print))[0].data
    sizes: dict[str, set[float]] = {"label": set(), "stem": set()}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        printed = round(size * abs(tm[3]) * abs(cm[3]), 1)
        if "Choose" in text or "answers." in text:
            sizes["label"].add(printed)
        elif "trains" in text or "deploys" in text:
            sizes["stem"].add(printed)

    for page in PdfReader(io.BytesIO(student)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes["label"] and sizes["label"] == sizes["stem"]
