"""Rules that read English wording run only on English banks (those that read German or
Russian too, on those banks as well), and every report says so."""

# ruff: noqa: RUF001  # Russian questions are the point: their letters look Latin by design

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.lint import LintResult, lint
from exambank.reporters import REPORTER_BY_NAME, Context
from exambank.rules import RULES
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import QUESTION, REPO, LintBank, section_yaml, write_bank
from tests.reporters.test_sarif import validated
from tests.rules.item_writing import question

# Each decided one by one (the reason is beside each rule's ``languages``); every other
# rule reads structure, letters, numbers or runs of words, whatever their language.
ENGLISH_ONLY = {
    "word-repeat",
    "grammatical-cue",
    "stem-lead-in",
    "option-rationale",
}
ENGLISH_GERMAN_AND_RUSSIAN = {"negative-stem", "negative-options"}
# all and none of the above, in these and in Spanish, French and Portuguese
ALL_OR_NONE = {"all-of-the-above", "none-of-the-above"}
ROMANCE_TOO = ("en", "de", "es", "fr", "pt", "ru")
ENGLISH_AND_RUSSIAN = {"absolute-terms"}
# true and false, yes and no, in these and the languages the handouts print labels in
TRUTH_WORDS = ("en", "de", "es", "fr", "it", "nl", "pl", "pt", "ru")
READ_WORDING = (
    ENGLISH_ONLY
    | ENGLISH_GERMAN_AND_RUSSIAN
    | ENGLISH_AND_RUSSIAN
    | ALL_OR_NONE
    | {"true-false-options"}
)
# The same flaws, written in English, in Russian, in French and in Swedish (which no
# wording rule reads): all of the above, none of the above, True/False, a negative lead-in
# in small letters.
FLAWED = {
    "en": [
        question(
            "q1",
            "Which protocol is a transport?",
            {"A": "IP", "B": "TCP", "C": "All of the above"},
            "B",
        ),
        question(
            "q2",
            "Which protocol is a transport?",
            {"A": "IP", "B": "TCP", "C": "None of the above"},
            "B",
        ),
        question("q3", "TCP keeps segments in order.", {"A": "True", "B": "False"}, "A"),
        question(
            "q4",
            "Which protocol does not guarantee delivery?",
            {"A": "TCP", "B": "UDP", "C": "SCTP"},
            "B",
        ),
    ],
    "ru": [
        question(
            "q1",
            "Какой протокол транспортный?",
            {"A": "IP", "B": "TCP", "C": "Все вышеперечисленные"},
            "B",
        ),
        question(
            "q2",
            "Какой протокол транспортный?",
            {"A": "IP", "B": "TCP", "C": "Ни один из перечисленных"},
            "B",
        ),
        question("q3", "TCP упорядочивает сегменты.", {"A": "Верно", "B": "Неверно"}, "A"),
        question(
            "q4",
            "Какой протокол не гарантирует доставку?",
            {"A": "TCP", "B": "UDP", "C": "SCTP"},
            "B",
        ),
    ],
    "fr": [
        question(
            "q1",
            "Quel protocole est un protocole de transport ?",
            {"A": "IP", "B": "TCP", "C": "Toutes les réponses ci-dessus"},
            "B",
        ),
        question(
            "q2",
            "Quel protocole est un protocole de transport ?",
            {"A": "IP", "B": "TCP", "C": "Aucune de ces réponses"},
            "B",
        ),
        question("q3", "TCP remet les segments dans l'ordre.", {"A": "Vrai", "B": "Faux"}, "A"),
        question(
            "q4",
            "Quel protocole ne garantit pas la livraison ?",
            {"A": "TCP", "B": "UDP", "C": "SCTP"},
            "B",
        ),
    ],
    "sv": [
        question(
            "q1",
            "Vilket protokoll är ett transportprotokoll?",
            {"A": "IP", "B": "TCP", "C": "Alla ovanstående"},
            "B",
        ),
        question(
            "q2",
            "Vilket protokoll är ett transportprotokoll?",
            {"A": "IP", "B": "TCP", "C": "Inget av ovanstående"},
            "B",
        ),
        question("q3", "TCP levererar segmenten i ordning.", {"A": "Sant", "B": "Falskt"}, "A"),
        question(
            "q4",
            "Vilket protokoll garanterar inte leveransen?",
            {"A": "TCP", "B": "UDP", "C": "SCTP"},
            "B",
        ),
    ],
}
WORDING = "English, German or Russian wording"  # negative-stem's
ALL_OR_NONE_WORDING = "English, German, Spanish, French, Portuguese or Russian wording"
EVERY_WORDING = (
    "English, German, Spanish, French, Italian, Dutch, Polish, Portuguese or Russian wording"
)
ON_BY_DEFAULT = ["all-of-the-above", "none-of-the-above", "negative-stem", "true-false-options"]


def manifest(language: str | None) -> str:
    written = f"language: {language}\n" if language else ""
    return f"id: test-bank\ntitle: Test bank\n{written}sections: [main]\n"


def linted(
    lint_bank: LintBank, language: str | None, text: str = "en", select: set[str] | None = None
) -> LintResult:
    """The flawed questions written in ``text``, in a bank said to be in ``language``."""
    sections = {"01-main.yaml": section_yaml(*FLAWED[text])}
    return lint_bank(sections, manifest(language), Config(select=select) if select else None)


def test_the_rules_that_read_english_wording_say_so() -> None:
    assert {name for name, rule in RULES.items() if rule.languages is not None} == READ_WORDING
    assert all(RULES[name].languages == ("en",) for name in ENGLISH_ONLY)
    assert all(RULES[name].languages == ("en", "de", "ru") for name in ENGLISH_GERMAN_AND_RUSSIAN)
    assert all(RULES[name].languages == ("en", "ru") for name in ENGLISH_AND_RUSSIAN)
    assert all(RULES[name].languages == ROMANCE_TOO for name in ALL_OR_NONE)
    assert RULES["true-false-options"].languages == TRUTH_WORDS


@pytest.mark.parametrize(
    ("language", "applies"),
    [
        ("en", True),
        ("en-GB", True),
        ("EN-us", True),
        ("ru", False),
        ("de-CH", False),
        ("eng", False),
    ],
)
def test_a_regional_english_is_english(language: str, applies: bool) -> None:
    assert RULES["word-repeat"].applies_to(language) is applies
    assert RULES["numeric-order"].applies_to(language)


@pytest.mark.parametrize("language", [None, "en", "en-GB"])
def test_an_english_bank_is_checked_by_every_rule_and_gets_no_note(
    lint_bank: LintBank, language: str | None
) -> None:
    result = linted(lint_bank, language)
    assert sorted({d.rule for d in result.diagnostics}) == sorted(ON_BY_DEFAULT)
    assert result.notes == []


def test_the_wording_rules_do_not_run_on_a_swedish_bank_and_a_note_names_them(
    lint_bank: LintBank,
) -> None:
    swedish = linted(lint_bank, "sv", "sv")  # no wording rule reads Swedish
    assert swedish.diagnostics == []
    [note] = swedish.notes
    assert note.path.endswith("bank.yaml") and (note.line, note.column) == (3, 11)  # language
    assert note.message == (
        f"the bank's language is 'sv': 4 rules read {EVERY_WORDING}, so they did not run "
        f"({', '.join(ON_BY_DEFAULT)})"
    )
    assert (swedish.errors, swedish.warnings) == (0, 0)  # the note counts as neither


def test_a_french_bank_is_read_in_french_but_for_its_lead_ins(lint_bank: LintBank) -> None:
    """Review s23-i18n #1: all and none of the above, and true/false, read French."""
    french = linted(lint_bank, "fr", "fr")
    assert [(d.rule, d.question) for d in french.diagnostics] == [
        ("all-of-the-above", "q1"),
        ("none-of-the-above", "q2"),
        ("true-false-options", "q3"),
    ]
    [note] = french.notes
    assert note.message == (
        f"the bank's language is 'fr': negative-stem reads {WORDING}, so it did not run"
    )


def test_a_russian_bank_is_read_in_russian_and_gets_no_note(lint_bank: LintBank) -> None:
    """Review RU, finding 9: the four default wording rules read Russian."""
    russian = linted(lint_bank, "ru", "ru")
    assert sorted({d.rule for d in russian.diagnostics}) == sorted(ON_BY_DEFAULT)
    assert russian.notes == []
    english = linted(lint_bank, "ru", "en")  # English text said to be Russian
    # the lead-in is read in Russian, so its English "not" is not; the options' wording
    # is read in every language the rule knows, as in a German bank
    rules = {found.rule for found in english.diagnostics}
    assert "language-mismatch" in rules and "negative-stem" not in rules


def test_every_selected_english_only_rule_is_named(lint_bank: LintBank) -> None:
    result = linted(lint_bank, "sv", "sv", select=set(RULES))
    [note] = result.notes
    named = re.search(r"\((.*)\)$", note.message)
    assert named and set(named.group(1).split(", ")) == READ_WORDING
    assert f"{len(READ_WORDING)} rules read {EVERY_WORDING}" in note.message
    russian = linted(lint_bank, "ru", "ru", select=set(RULES)).notes[0].message
    assert f"{len(ENGLISH_ONLY)} rules read English wording" in russian


def test_selecting_one_rule_that_cannot_read_the_bank_says_it_does_not_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(*FLAWED["sv"])}, manifest("sv"))
    assert main(["lint", "bank", "--select", "none-of-the-above", "--strict"]) == 0
    # the last line, all a reader skimming to it sees, does not say all is clear
    assert capsys.readouterr().out == (
        "bank/bank.yaml:3:11: note the bank's language is 'sv': none-of-the-above reads "
        f"{ALL_OR_NONE_WORDING}, so it did not run\n"
        "No problems found by the rules that ran (1 rule did not: see the note above).\n"
    )


def test_a_rule_for_any_language_still_runs_on_a_russian_bank(lint_bank: LintBank) -> None:
    sections = {
        "01-main.yaml": section_yaml(
            question(stem="Какой протокол?", options={"A": "IP", "B": "TCP", "C": "A и B"})
        )
    }
    result = lint_bank(sections, manifest("ru"))
    assert [d.rule for d in result.diagnostics] == ["combination-options"]


def test_no_note_when_no_english_only_rule_is_enabled(lint_bank: LintBank) -> None:
    assert linted(lint_bank, "fr", select={"numeric-order"}).notes == []


def test_a_manifest_that_fails_the_schema_still_gives_its_language(lint_bank: LintBank) -> None:
    sections = {"01-main.yaml": section_yaml(*FLAWED["sv"])}
    result = lint_bank(sections, "id: test-bank\nlanguage: sv\nsections: [main]\n")  # no title
    assert [d.rule for d in result.diagnostics] == ["schema"]
    assert len(result.notes) == 1


def test_each_bank_gets_its_own_note(tmp_path: Path) -> None:
    for name, language in [("es", "es"), ("en", None), ("fr", "fr")]:
        write_bank(
            tmp_path / name, {"01-main.yaml": section_yaml(*FLAWED["en"])}, manifest(language)
        )
    result = lint([tmp_path])
    assert [Path(note.path).parent.name for note in result.notes] == ["es", "fr"]


@pytest.fixture
def russian(lint_bank: LintBank) -> LintResult:
    """A bank whose wording the default rules cannot read (Swedish; once Russian, then
    French, until the rules read those)."""
    return linted(lint_bank, "sv", "sv")


def report(result: LintResult, name: str, strict: bool = False) -> str:
    return REPORTER_BY_NAME[name](result.diagnostics, Context.of(result, strict=strict))


def test_json_stays_a_list_of_findings(russian: LintResult) -> None:
    """A script that fails a bank for any entry of the list must not fail it for a note."""
    assert russian.notes and json.loads(report(russian, "json")) == []


def test_sarif_gives_the_note_as_a_notification_not_a_result(russian: LintResult) -> None:
    [run] = validated(report(russian, "sarif"))["runs"]
    assert run["results"] == []
    [invocation] = run["invocations"]
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "note" and invocation["executionSuccessful"] is True
    assert notification["message"]["text"] == russian.notes[0].message
    region = notification["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 11}


def test_sarif_without_notes_has_no_invocations(lint_bank: LintBank) -> None:
    assert "invocations" not in validated(report(linted(lint_bank, "en"), "sarif"))["runs"][0]


def test_github_gives_the_note_as_a_notice(russian: LintResult) -> None:
    [line] = report(russian, "github").splitlines()
    assert line.startswith(f"::notice file={russian.notes[0].path},line=3,col=11,title=exambank::")
    assert "none-of-the-above" in line


def test_junit_puts_the_note_in_the_passing_manifest_testcase(russian: LintResult) -> None:
    root = ET.fromstring(report(russian, "junit", strict=True))
    assert root.get("failures") == "0"
    [manifest_case] = [case for case in root.iter("testcase") if case.get("name") == "bank.yaml"]
    assert manifest_case.find("failure") is None
    assert "so they did not run" in (manifest_case.findtext("system-out") or "")


def test_stats_says_which_rules_did_not_run(russian: LintResult, lint_bank: LintBank) -> None:
    [stats] = bank_stats(russian)
    assert stats.not_run == russian.notes[0].message
    assert f"\n  note: {stats.not_run}\n" in render_text([stats])
    assert escape(stats.not_run) in render_html([stats])
    assert stats.as_dict()["not_run"] == stats.not_run
    assert bank_stats(linted(lint_bank, "en"))[0].not_run is None


def test_a_rule_page_says_which_language_it_reads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "none-of-the-above"]) == 0
    page = capsys.readouterr().out
    assert page.startswith(
        "none-of-the-above (warning, English, German, Spanish, French, Portuguese or Russian "
        "only)\n"
    )
    assert (
        "runs only on a bank whose manifest's `language` is en (the default), de, es, fr, pt "
        "or ru," in " ".join(page.split())
    )
    assert main(["rule", "numeric-order"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("numeric-order (warning)\n") and "`language`" not in page


def test_the_readme_tables_give_each_rule_its_language() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # | `rule` | severity | language | what it reports |, one row per consistency rule;
    # | `rule` | what it reports | precision | language | on/off |, per item-writing rule
    rows = re.findall(r"^\| `([a-z-]+)` \| (?:error|warning) \| (any|en) \|", readme, re.M)
    rows += re.findall(
        r"^\| `([a-z-]+)` \|.*\| (any|en|en,ru|en,de,ru|en,de,es,fr,pt,ru"
        r"|en,de,es,fr,it,nl,pl,pt,ru) \| (?:on|off) \|$",
        readme,
        re.M,
    )
    said = dict(rows)  # longest-option-key is in both tables, with one language
    assert len(set(rows)) == len(said) == len(RULES)
    assert said == {name: ",".join(RULES[name].languages or ("any",)) for name in said}


def test_a_suppression_of_a_rule_that_cannot_run_on_the_bank_says_why(
    lint_bank: LintBank,
) -> None:
    """Not "reports nothing for question q1", which reads as if the rule had looked."""
    question = QUESTION.replace(
        "answer: A", "answer: A\nlint: {ignore: [none-of-the-above], reason: Kein Fall}"
    ).replace("Which AWS service trains, tunes and deploys", "Vilken tjänst tränar")
    result = lint_bank({"01-main.yaml": section_yaml(question)}, manifest("sv"))
    assert [(d.rule, d.message) for d in result.diagnostics] == [
        (
            "unused-suppression",
            f"'none-of-the-above' does not run on this bank: it reads {ALL_OR_NONE_WORDING}, "
            "and the bank's language is 'sv'",
        )
    ]


def test_build_says_which_rules_did_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build's one line about lint must not read as if every check ran."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}, manifest("fr"))
    out = ["--out", str(tmp_path / "dist"), "--only", "json"]
    assert main(["build", str(bank), *out]) == 0
    printed = capsys.readouterr().out.splitlines()
    [line] = [line for line in printed if " note " in line]  # as `exambank lint` prints it
    assert f"{bank / 'bank.yaml'}:3:11: note the bank's language is 'fr': " in line
    # the stems are English: every word the handouts add would be French, so it is said
    [mismatch] = [line for line in printed if "language-mismatch" in line]
    assert "stems read as English" in mismatch and "warning" in mismatch


@pytest.mark.parametrize("language", ["English", "5", '""'])
def test_a_language_that_is_no_tag_yet_sets_off_nothing_but_its_schema_error(
    lint_bank: LintBank, language: str
) -> None:
    """Review s35 #8: while the manifest's language is no tag ('English' for 'en'), the
    suppressions of the rules that read wording were told to go, though they are needed
    again once it is one, and numbers were read as no English bank reads them (subnet
    masks as numbers grouped by points, as in a German bank)."""
    kept = QUESTION.replace(
        "answer: A", "answer: A\nlint: {ignore: [true-false-options], reason: Kept}"
    )
    kept = kept.replace(
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock",
        'options:\n  A: "True"\n  B: "False"',
    )
    masks = QUESTION.replace("id: q1", "id: q2").replace(
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock",
        "options:\n  A: 255.255.255.192\n  B: 255.255.255.224\n  C: 255.255.255.128\n"
        "  D: 255.255.255.240",
    )
    sections = {"01-main.yaml": section_yaml(kept, masks)}
    result = lint_bank(sections, manifest(language))
    assert [(d.path.rsplit("/", 1)[-1], d.rule) for d in result.diagnostics] == [
        ("bank.yaml", "schema")
    ]
    assert result.notes == []
    english = lint_bank(sections, manifest("en"))  # once it is a tag, the entry is used
    assert english.diagnostics == [] and len(english.suppressed) == 1
