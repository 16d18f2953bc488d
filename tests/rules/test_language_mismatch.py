"""language-mismatch: a bank whose stems are in another script than its language says."""

# ruff: noqa: RUF001  # Cyrillic and Greek stems are the point

from __future__ import annotations

import pytest

from exambank.diagnostics import Diagnostic
from exambank.rules.language import _QUOTED, script_of
from tests.conftest import LintBank, section_yaml
from tests.rules.item_writing import question

RUSSIAN = (
    "Какая команда показывает таблицу маршрутизации?",
    "Что выведет этот код?\n\n```python\nprint('hello world, this is ascii code')\n```",
    "Какой тип данных возвращает функция `input()`?",
)


def mismatches(lint_bank: LintBank, stems: tuple[str, ...], manifest_extra: str = "") -> list[str]:
    questions = [question(f"q{number}", stem) for number, stem in enumerate(stems, 1)]
    manifest = f"id: test-bank\ntitle: Test bank\n{manifest_extra}sections: [main]\n"
    found = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest).diagnostics
    return [shown(item) for item in found if item.rule == "language-mismatch"]


def shown(found: Diagnostic) -> str:
    return f"{found.line}:{found.column} {found.message} | {found.hint}"


def test_a_russian_bank_that_declares_no_language_is_told_to(lint_bank: LintBank) -> None:
    assert mismatches(lint_bank, RUSSIAN) == [
        "1:5 the bank's language is 'en' (the default: bank.yaml gives none), but 3 of 3 "
        "stems are written in Cyrillic script | give bank.yaml `language: ru`, or the tag "
        "of the bank's own language (uk, bg ...): it sets the handouts' words, hyphenation, "
        "the PDF's language and which rules read the wording"
    ]


def test_a_script_of_one_language_names_its_tag_once(lint_bank: LintBank) -> None:
    greek = ("Τι επιστρέφει η συνάρτηση;", "Ποια είναι η σωστή απάντηση;")
    [found] = mismatches(lint_bank, greek)
    assert found.endswith(
        "stems are written in Greek script | give bank.yaml `language: el`: it sets the "
        "handouts' words, hyphenation, the PDF's language and which rules read the wording"
    )


def test_a_declared_language_is_pointed_at(lint_bank: LintBank) -> None:
    [found] = mismatches(lint_bank, RUSSIAN, "language: de\n")
    assert found.startswith("3:11 the bank's language is 'de', but 3 of 3 stems are written")


def test_the_right_script_passes_whatever_the_exact_language(lint_bank: LintBank) -> None:
    assert mismatches(lint_bank, RUSSIAN, "language: ru\n") == []
    assert mismatches(lint_bank, RUSSIAN, "language: uk-UA\n") == []  # the script is compared
    german = ("Welche Aussage über Lambda ist richtig?", "Was ist der Zweck von Amazon S3?")
    assert mismatches(lint_bank, german, "language: de-AT\n") == []


GERMAN = (
    "Welche Aussage über Lambda ist richtig?",
    "Was ist der Zweck von Amazon S3?",
    "Welcher Dienst wird für das Training verwendet?",
)


def test_stems_in_another_latin_language_are_read_by_their_words(lint_bank: LintBank) -> None:
    assert mismatches(lint_bank, GERMAN) == [
        "1:5 the bank's language is 'en' (the default: bank.yaml gives none), but 3 of 3 "
        "stems read as German (by words such as ist, welche, der, von) | give bank.yaml "
        "`language: de`: it sets the handouts' words, hyphenation, the PDF's language and "
        "which rules read the wording"
    ]
    [found] = mismatches(lint_bank, GERMAN, "language: fr\n")
    assert "3 of 3 stems read as German" in found


def test_a_few_stems_in_another_language_pass(lint_bank: LintBank) -> None:
    english = ("What is the purpose of Amazon S3?", "Which service runs code?", "Define ML.")
    assert mismatches(lint_bank, (*english, *GERMAN[:2])) == []  # 2 of 5: no majority
    assert mismatches(lint_bank, (GERMAN[0], "Define ML.", "Amazon S3?")) == []  # 1 of 3 read


def test_code_indented_as_a_block_is_no_prose(lint_bank: LintBank) -> None:
    stems = tuple(
        f"Что выведет этот код?\n\n    for item in range({number}): print(item, total_value)\n"
        for number in range(3)
    )
    assert mismatches(lint_bank, stems, "language: ru\n") == []
    assert len(mismatches(lint_bank, stems)) == 1


def test_a_minority_in_another_script_passes(lint_bank: LintBank) -> None:
    english = ("Which service stores objects?", "Which service runs code?")
    assert mismatches(lint_bank, (*english, RUSSIAN[0])) == []
    assert len(mismatches(lint_bank, (english[0], *RUSSIAN[:2]))) == 1


def test_a_language_with_more_than_one_script_or_unknown_is_not_checked(
    lint_bank: LintBank,
) -> None:
    assert mismatches(lint_bank, RUSSIAN, "language: sr\n") == []
    assert mismatches(lint_bank, RUSSIAN, "language: tlh\n") == []


def test_a_stems_script_is_that_of_most_of_its_letters_code_left_out() -> None:
    assert script_of(RUSSIAN[1]) == "Cyrillic"  # its code block has more letters than its words
    assert script_of("Что выведет `print(value_of_the_variable)`?") == "Cyrillic"
    indented = "Что выведет этот код?\n\n    x = value_of_the_variable\n\n    print(x)\nПочему?"
    assert script_of(indented) == "Cyrillic"  # four spaces after a blank line: a code block
    assert script_of(indented.replace("    ", "\t")) == "Cyrillic"  # or a tab
    # a line indented within a paragraph goes on with it, as CommonMark reads it: prose
    assert script_of("Что выведет?\n    print(value_of_the_variable)") == "Latin"
    assert script_of("Which of «спасибо» and «пожалуйста» means thanks in this phrase?") == (
        "Latin"
    )
    assert script_of("Τι επιστρέφει η συνάρτηση;") == "Greek"
    assert script_of("次のうち正しいものはどれですか") == "Han"
    assert script_of("다음 중 옳은 것은?") == "Hangul"
    assert script_of("12 + 30 = ?") is None


@pytest.mark.parametrize("manifest", ["", "language\n", "42\n", "[language]\n"])
def test_a_manifest_that_is_no_mapping_gives_no_language(
    lint_bank: LintBank, manifest: str
) -> None:
    """A bank being started (its manifest empty or half written) is still checked, and
    says the language is the default."""
    questions = [question(f"q{number}", stem) for number, stem in enumerate(RUSSIAN, 1)]
    found = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest).diagnostics
    [mismatch] = [item for item in found if item.rule == "language-mismatch"]
    assert "(the default: bank.yaml gives none)" in mismatch.message


def test_an_unreadable_manifest_keeps_the_language_its_line_gives(
    lint_bank: LintBank,
) -> None:
    """A manifest saved as Windows-1252 is reported; its language is still German (review
    DE): no finding says bank.yaml gives none, and the rules read the stems as German."""
    ports = {"A": "80", "B": "443", "C": "22", "D": "25"}
    numbers = question("q9", "Welcher Port ist der Standard für HTTPS?", ports)
    questions = [question(f"q{number}", stem) for number, stem in enumerate(GERMAN, 1)]
    manifest = "id: test-bank\ntitle: Grundlagen für alle\nlanguage: de\nsections: [main]\n"
    found = lint_bank(
        {"01-main.yaml": section_yaml(*questions, numbers)}, manifest.encode("cp1252")
    ).diagnostics
    assert [(item.rule, item.line) for item in found if item.path.endswith("bank.yaml")] == [
        ("encoding", 2)
    ]
    [order] = [item.message for item in found if item.rule == "numeric-order"]
    assert "(80; 443; 22" in order  # German lists numbers with semicolons: 1,5 is a number


def test_an_unreadable_manifest_gives_the_language_its_text_gives(lint_bank: LintBank) -> None:
    questions = [question(f"q{number}", stem) for number, stem in enumerate(GERMAN, 1)]

    def said(manifest: str) -> str:
        written = f"id: test-bank\ntitle: für alle\n{manifest}sections: [main]\n"
        found = lint_bank({"01-main.yaml": section_yaml(*questions)}, written.encode("cp1252"))
        [mismatch] = [item for item in found.diagnostics if item.rule == "language-mismatch"]
        return mismatch.message.split(", but")[0]

    assert said("language: 'en'  # English\n") == "the bank's language is 'en'"
    assert said("") == "the bank's language is 'en' (the default: bank.yaml gives none)"


@pytest.mark.parametrize("language", ["5", "[de]", "'de"])
def test_a_language_lint_cannot_tell_is_not_compared(lint_bank: LintBank, language: str) -> None:
    """The schema (or the YAML reader) reports it: language-mismatch says nothing false."""
    questions = [question(f"q{number}", stem) for number, stem in enumerate(GERMAN, 1)]
    manifest = f"id: test-bank\ntitle: Test\nlanguage: {language}\nsections: [main]\n"
    found = lint_bank({"01-main.yaml": section_yaml(*questions)}, manifest).diagnostics
    assert "language-mismatch" not in {item.rule for item in found}
    assert {"schema", "yaml-syntax"} & {item.rule for item in found}


def test_code_and_quotations_in_english_stems_are_not_read_as_another_language(
    lint_bank: LintBank,
) -> None:
    stems = (
        'What does `os.path.join(os.sep, "a")` return?',  # Portuguese "os" in code
        "Output of `os.name + os.sep`?",
        "What does 'Das ist nicht mein Auto' mean in German?",
        "Translate the German sentence 'Der Hund ist klein und die Katze ist groß'.",
        "Translate: \u201eDie Katze ist nicht da\u201c",
    )
    assert mismatches(lint_bank, stems) == []


# A school's systems write German "deu" or "ger" (review DE, finding 8): well formed, but
# no BCP 47 tag of a language with a two-letter one, so the handouts came out English.
@pytest.mark.parametrize(
    ("language", "tag", "name"),
    [
        ("ger", "de", "German"),
        ("deu", "de", "German"),
        ("DEU-CH", "de-CH", "German"),
        ("fre", "fr", "French"),
        ("spa", "es", "Spanish"),
        ("por-BR", "pt-BR", "Portuguese"),
        ("dut", "nl", "Dutch"),
        ("rus", "ru", "Russian"),
        ("eng", "en", "English"),
    ],
)
def test_an_iso_639_2_code_is_told_its_tag(
    lint_bank: LintBank, language: str, tag: str, name: str
) -> None:
    stems = ("Welche Aussage über TCP trifft zu?", "Was ist die Aufgabe eines Routers?")
    assert mismatches(lint_bank, stems, f"language: {language}\n") == [
        f"3:11 the bank's language is '{language}', the ISO 639-2 code of {name}: as a BCP "
        f"47 tag it is '{tag}', and only '{tag}' gives the handouts {name} words | did you "
        f"mean '{tag}'? give bank.yaml `language: {tag}`: it sets the handouts' words, "
        "hyphenation, the PDF's language and which rules read the wording"
    ]


@pytest.mark.parametrize("language", ["de", "de-DE", "gsw", "nds"])
def test_a_tag_or_a_code_without_a_two_letter_one_is_not_told(
    lint_bank: LintBank, language: str
) -> None:
    stems = ("Welche Aussage über TCP trifft zu?", "Was ist die Aufgabe eines Routers?")
    assert mismatches(lint_bank, stems, f"language: {language}\n") == []


@pytest.mark.parametrize(("opening", "closing"), [("„", "“"), ("«", "»"), ("“", "”"), ("‘", "’")])
def test_a_quotation_ends_at_the_next_opening_mark_of_its_kind(opening: str, closing: str) -> None:
    """A run of unclosed marks ("„„„...", a stem of 40,000 took 7 s) is read once, not once
    from each mark to the line's end: a quotation holds no opening mark of its own kind."""
    text = f"{opening}la {opening}die Frage{closing}"
    assert _QUOTED.search(text).group() == f"{opening}die Frage{closing}"
    assert _QUOTED.search(opening * 5 + "x") is None
