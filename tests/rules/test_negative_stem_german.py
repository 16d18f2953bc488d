"""Negative stems in German (review DE, finding 2): "nicht", "kein", "außer", "falsch" and
"unzutreffend" in the main clause, in small letters; and the German look-alikes that ask
positively ("nicht nur", "Nichtigkeit", "außerdem", a relative or "wenn" clause, "falsch
positiv")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from exambank.bank import QuestionRef
from exambank.config import Config
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.rules import RULES, QuestionRule
from exambank.rules.screen import BankText
from exambank.rules.stem_wording import NegativeStem
from tests.conftest import QUESTION, LintBank, section_yaml, write_bank
from tests.rules.item_writing import only, question

GERMAN = "id: test-bank\ntitle: Testbank\nlanguage: de\nsections: [main]\n"
OPTIONS = {"A": "OSPF", "B": "RIP", "C": "BGP", "D": "DHCP"}


def found(lint_bank: LintBank, rule: str, *questions: str) -> list[Diagnostic]:
    result = lint_bank({"01-main.yaml": section_yaml(*questions)}, GERMAN, only(rule))
    return [finding for finding in result.diagnostics if finding.rule == rule]


FLAWED = [
    ("Welche Aussage über das TCP-Protokoll ist nicht richtig?", "nicht"),
    ("Welches der folgenden Protokolle ist kein Routing-Protokoll?", "kein"),
    ("Welcher Befehl verändert keine Daten in einer Tabelle?", "keine"),
    ("Alle folgenden Geräte arbeiten auf OSI-Schicht 1, außer:", "außer"),
    ("Welche Aussage zur Normalisierung ist falsch?", "falsch"),
    ("Welche ist die falsche Aussage über DHCP?", "falsche"),
    ("Welche Aussage zur Umsatzsteuer ist unzutreffend?", "unzutreffend"),
    ("Welche SQL-Anweisung gehört nicht zur Data Manipulation Language?", "nicht"),
    ("Nicht zu den Pflichten des Ausbildenden gehört:", "Nicht"),
    ("Kein Bestandteil eines Angebots ist:", "Kein"),
    # after a clause that a comma closes, in the main clause
    ("Wenn ein Paket ankommt, welches Protokoll prüft es nicht?", "nicht"),
    ("Welche Geräte, die im Netz stehen, arbeiten nicht auf Schicht 3?", "nicht"),
    # a relative clause that says which answer is asked for is the question
    ("Wählen Sie die Aussage, die nicht zutrifft.", "nicht"),
    ("Welches ist die Antwort, die falsch ist?", "falsch"),
    ("Sie planen ein Netz, welche Aussage trifft nicht zu?", "nicht"),
    ("Welches Dokument benötigt man nicht mehr, seit es die ELStAM gibt?", "nicht"),
    # a prohibition: read past, "nicht" leaves the opposite question (review s23 i18n, 7)
    ("Welcher Leiter darf nicht geschaltet werden?", "nicht"),
]


@pytest.mark.parametrize(("stem", "word"), FLAWED)
def test_a_negative_in_small_letters_is_reported(lint_bank: LintBank, stem: str, word: str) -> None:
    [finding] = found(lint_bank, "negative-stem", question(stem=stem, options=OPTIONS))
    assert finding.message.startswith(f"the question asks in the negative with '{word}'")
    assert f"write {word.upper()} or **{word}**" in (finding.hint or "")


CLEAN = [
    "Welche Aussage über UDP ist **NICHT** richtig?",
    "Welche Aussage über UDP ist NICHT richtig?",
    "Alle folgenden Geräte arbeiten auf Schicht 1, AUSSER:",
    "Welches Protokoll nutzt nicht nur TCP, sondern auch UDP?",
    "Welche Folge hat die Nichtigkeit eines Kaufvertrags?",
    "Welche Daten speichert ein Cookie außerdem?",
    "Welches Gas ist außer Stickstoff ein Hauptbestandteil der Luft?",
    "Was geschieht, wenn der DHCP-Server nicht erreichbar ist?",
    "Was passiert wenn der Server nicht antwortet?",
    "Was passiert, wenn ein Paket, das zu groß ist, nicht fragmentiert werden darf?",
    "Welcher Befehl beendet Prozesse, die nicht mehr reagieren?",
    "Welches Prinzip besagt, dass ein Benutzer nicht mehr Rechte erhält als nötig?",
    "Ein Mitarbeiter, der nicht im Homeoffice arbeitet, braucht welchen Zugang?",
    "Wodurch entsteht ein falsch positives Testergebnis?",
    "Welche falschen Positiven erzeugt ein IDS typischerweise?",
    "Was ist falsch konfiguriert, wenn kein Gateway erreichbar ist?",
    "Warum sollte man Passwörter nicht im Klartext speichern?",
    "Aus welchem Grund darf ein Arbeitgeber nicht nach einer Schwangerschaft fragen?",
    "Welche Länge darf ein Cat-6-Kabel nicht überschreiten?",
    "Welcher Wert darf bei 230 V nicht überschritten werden?",  # a limit: read past, no question
    "Welches Gerät verbraucht am wenigsten Strom?",
    "Welcher Grundsatz lautet „Keine Buchung ohne Beleg“?",
    'Welcher Grundsatz lautet "Keine Buchung ohne Beleg"?',
    "Welche Maßnahme gilt für die nicht genutzten Ports eines Switches?",
    "Welche Ports schließt man (nicht benötigte Dienste) zuerst?",
    "Ein Kunde sagt: „Ich kann mich nicht anmelden.“ Welche Frage stellen Sie zuerst?",
    # a clause that sets the scene before the question
    "Ist der Server nicht erreichbar, welche Ursache ist am wahrscheinlichsten?",
    "Der Drucker druckt nicht, was prüfen Sie zuerst?",
]


@pytest.mark.parametrize("stem", CLEAN)
def test_a_stem_that_asks_positively_or_emphasises_passes(lint_bank: LintBank, stem: str) -> None:
    assert found(lint_bank, "negative-stem", question(stem=stem, options=OPTIONS)) == []


def test_options_that_are_reasons_answer_a_question_about_a_reason(lint_bank: LintBank) -> None:
    reasons = {
        "A": "Weil es Speicher kostet",
        "B": "Weil es verboten ist",
        "C": "Da es langsam ist",
    }
    stem = "Passwörter werden nicht im Klartext gespeichert:"
    assert found(lint_bank, "negative-stem", question(stem=stem, options=reasons)) == []


def test_an_english_bank_reads_no_german_negative(lint_questions) -> None:
    stem = question(stem="Welche Aussage über TCP ist nicht richtig?", options=OPTIONS)
    assert lint_questions(stem, config=only("negative-stem")) == []


@pytest.mark.parametrize(
    ("stem", "options", "letters"),
    [
        (
            "Welche Aussage über TCP ist NICHT richtig?",
            {"A": "TCP garantiert keine Reihenfolge.", "B": "TCP bestätigt Segmente."},
            "A",
        ),
        (
            "Welches Verhalten ist bei einem Brand **nicht** richtig?",
            {"A": "Türen schließen", "B": "Den Aufzug nicht benutzen", "C": "Springen"},
            "B",
        ),
        (
            "Welche Aussage über Edelgase ist FALSCH?",
            {"A": "Sie reagieren niemals.", "B": "Sie sind einatomig.", "C": "Nie flüssig"},
            "A, C",
        ),
    ],
)
def test_negative_options_under_a_negative_stem_are_a_double_negative(
    lint_bank: LintBank, stem: str, options: dict[str, str], letters: str
) -> None:
    [finding] = found(lint_bank, "negative-options", question(stem=stem, options=options))
    verb = "negate" if "," in letters else "negates"  # "options A, C negate", "option A negates"
    assert f" {letters} {verb} too: a double negative" in finding.message


@pytest.mark.parametrize(
    ("stem", "options"),
    [
        ("Welche Stadt ist NICHT Landeshauptstadt?", {"A": "Mainz", "B": "Frankfurt"}),
        ("Welche Aussage über UDP trifft zu?", {"A": "Keine Zustellgarantie", "B": "Verbindung"}),
        ("Welches Organ gehört NICHT zum Darm?", {"A": "Milz", "B": "Keine der genannten"}),
    ],
)
def test_no_double_negative_without_both(
    lint_bank: LintBank, stem: str, options: dict[str, str]
) -> None:
    assert found(lint_bank, "negative-options", question(stem=stem, options=options)) == []


# Every stem and option above, in four cases: the screen of each rule keeps every German
# question its check finds something in (exambank/rules/screen.py).
SCREENED = [
    "negative-stem",
    "negative-options",
    "all-of-the-above",
    "none-of-the-above",
    "true-false-options",
    "combination-options",
]
POOL_OPTIONS = [
    OPTIONS,
    {"A": "Alle genannten", "B": "Keine davon", "C": "Nur A und B", "D": "Weder A noch C"},
    {"A": "Trifft zu", "B": "Trifft nicht zu"},
    {"A": "Richtig", "B": "Falsch"},
    {"A": "Keine Ahnung", "B": "Nicht zulässig", "C": "Zulässig"},
    {"A": "Das nicht", "B": "Nie", "C": "Keines"},
]


@pytest.fixture(scope="module")
def german_refs(tmp_path_factory: pytest.TempPathFactory) -> list[QuestionRef]:
    default = YAML(typ="safe", pure=True).load(QUESTION)
    stems = [stem for stem, _ in FLAWED] + CLEAN
    items: list[dict[str, Any]] = [
        {"stem": change(stem), "options": {k: change(v) for k, v in options.items()}}
        for stem in stems
        for options in POOL_OPTIONS
        for change in (str, str.upper, str.lower, str.title)
    ]
    texts = [
        json.dumps({**default, **item, "id": f"q{number}"}) for number, item in enumerate(items)
    ]
    root = write_bank(
        Path(tmp_path_factory.mktemp("german")) / "pool",
        {"01-main.yaml": section_yaml(*texts)},
        GERMAN,
    )
    refs = [ref for bank in lint([root], Config(select=set())).banks for ref in bank.questions()]
    assert len(refs) == len(texts)
    return refs


@pytest.mark.parametrize("name", SCREENED)
def test_a_screen_keeps_every_german_question_its_rule_finds(
    name: str, german_refs: list[QuestionRef]
) -> None:
    rule = RULES[name]()
    assert isinstance(rule, QuestionRule)
    everywhere = [finding for ref in german_refs for finding in rule.check(ref, rule.options)]
    screen = rule.screen_in(rule.options, "de")  # as a lint of the bank searches
    assert screen is not None and everywhere
    kept = BankText(german_refs).matching(screen)
    assert [finding for ref in kept for finding in rule.check(ref, rule.options)] == everywhere


def test_every_match_of_the_negative_screen_starts_with_one_of_its_openings(
    german_refs: list[QuestionRef],
) -> None:
    screen = NegativeStem().screen_in(NegativeStem.options, "de")
    parts = BankText(german_refs).stem_folded.parts
    matches = [match for part in parts for match in screen.pattern.finditer(part)]
    assert matches
    assert all(match.group().startswith(screen.openings) for match in matches)


# Review s35, finding 1: a negative in code is the code's, in a German bank too.
def test_a_negative_inside_a_code_span_does_not_count(lint_bank: LintBank) -> None:
    stem = "Welche Ausgabe liefert `echo nicht gefunden`?"
    assert found(lint_bank, "negative-stem", question(stem=stem, options=OPTIONS)) == []
