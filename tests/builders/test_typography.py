"""Print habits of the handouts: a number keeps its unit on its line, a number grouped with
spaces stays whole where the bank's language groups so, guillemets keep the words they quote,
and a stem that says how many answers to choose gets no second instruction. The exports keep
the text as typed (the JSON's HTML is the handouts')."""

# ruff: noqa: RUF001  # Greek mu, the ohm sign and single guillemets are meant

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.builders.handout import handout_html
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from exambank.markdown import short_html, to_html, typeset
from tests.conftest import QUESTION, section_yaml

NBSP, NNBSP, JOINER = "\u00a0", "\u202f", "\u2060"


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("230 V / 12 V", f"230{NBSP}V / 12{NBSP}V"),
        ("1.000 Mbit/s", f"1.000{NBSP}Mbit/{JOINER}s"),
        ("0,5 mm² und 22.000 Ω", f"0,5{NBSP}mm² und 22.000{NBSP}Ω"),
        ("20 °C, 5 % und 10 €", f"20{NBSP}°C, 5{NBSP}% und 10{NBSP}€"),
        # the micro sign and Greek mu, the ohm sign and Greek omega alike
        ("10 \u00b5F, 10 \u03bcF, 5 \u2126", f"10{NBSP}\u00b5F, 10{NBSP}\u03bcF, 5{NBSP}\u2126"),
        ("in 5 min at 90 km/h", f"in 5{NBSP}min at 90{NBSP}km/{JOINER}h"),
        ("220 В и 1 ГБ", f"220{NBSP}В и 1{NBSP}ГБ"),
        ("is 3 A. Then", f"is 3{NBSP}A. Then"),
        # words, not units: they may break after the number
        ("page 5 of 10", "page 5 of 10"),
        ("5 e 6, 5 y 6, 5 a 10, 5 в 6, 5 с 6", "5 e 6, 5 y 6, 5 a 10, 5 в 6, 5 с 6"),
        ("5 Minuten, 5 minutes", "5 Minuten, 5 minutes"),
        ("5 l'eau, 5 H.F. bands, 5 Vx", "5 l'eau, 5 H.F. bands, 5 Vx"),
        ("print(7 % 3) on 230 V 50 Hz", f"print(7 % 3) on 230{NBSP}V 50{NBSP}Hz"),
        # a number run into a word, a version or a ratio is no quantity
        ("IPv4 A record, v1.2 GB, 1:5 V", "IPv4 A record, v1.2 GB, 1:5 V"),
        # a no-break or narrow no-break space the author typed stays
        ("5\u202fV and 5\u00a0V", "5\u202fV and 5\u00a0V"),
    ],
)
def test_a_number_keeps_its_unit(text, printed):
    assert typeset(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("0,5 Go et 10 Mo/s", f"0,5{NBSP}Go et 10{NBSP}Mo/{JOINER}s"),
        ("512 Ko, 2 ko, 1 To, 1 Po", f"512{NBSP}Ko, 2{NBSP}ko, 1{NBSP}To, 1{NBSP}Po"),
        ("4 Kio, 4 Mio, 4 Gio, 4 Tio", f"4{NBSP}Kio, 4{NBSP}Mio, 4{NBSP}Gio, 4{NBSP}Tio"),
        # "o" alone is a word in Portuguese, Spanish and Italian
        ("o 5 o 6", "o 5 o 6"),
    ],
)
def test_french_byte_units_keep_their_number(text, printed):
    assert typeset(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("un total de 1 000 € HT", f"un total de 1{NNBSP}000{NBSP}€ HT"),
        (
            "10 000 élèves, 1 000 000 d'octets",
            f"10{NNBSP}000 élèves, 1{NNBSP}000{NNBSP}000 d'octets",
        ),
        ("entre 5 000 et 6 000", f"entre 5{NNBSP}000 et 6{NNBSP}000"),
        ("1 000,50 € et 2\u00a0000 000", f"1{NNBSP}000,50{NBSP}€ et 2\u00a0000{NNBSP}000"),
        # no group of three after the first: a list; a run of numbers: a telephone number
        ("1 2 3, 12 34 56, 3,141 592", "1 2 3, 12 34 56, 3,141 592"),
        ("00 1 213 1234567, 1 870 334600340", "00 1 213 1234567, 1 870 334600340"),
        ("06 12 345 678", "06 12 345 678"),
    ],
)
def test_a_number_grouped_with_spaces_stays_whole(text, printed):
    assert typeset(text, space_groups=True) == printed
    assert typeset(text).count(NNBSP) == 0  # in a language that groups with commas


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("le sigle « VLAN » dans", f"le sigle «{NNBSP}VLAN{NNBSP}» dans"),
        ("(« VLAN »), ‹ x ›.", f"(«{NNBSP}VLAN{NNBSP}»), ‹{NNBSP}x{NNBSP}›."),
        # German and Danish quotes touch their words; a menu path is no quotation
        ("er sagte »Ja!« und »Nein«", "er sagte »Ja!« und »Nein«"),
        ("Fichier › Ouvrir, Accueil » Produits", "Fichier › Ouvrir, Accueil » Produits"),
    ],
)
def test_guillemets_stay_with_the_words_they_quote(text, printed):
    assert typeset(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Mesh -- the one", f"Mesh{NBSP}\u2013 the one"),
        ("Ja \u2014 nein \u2013 doch", f"Ja{NBSP}\u2014 nein{NBSP}\u2013 doch"),
        # a dash inside a word or a range, and a hyphen, may break as before
        ("1\u20132, well-known, a --b, a- b", "1\u20132, well-known, a --b, a- b"),
    ],
)
def test_a_spaced_dash_never_starts_a_line(text, printed):
    assert typeset(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # a hyphen typed as a dash between words prints as the en dash " -- " gives
        ("PCA - reduce dimensions", f"PCA{NBSP}\u2013 reduce dimensions"),
        ("K-means - find clusters", f"K-means{NBSP}\u2013 find clusters"),
        (
            "Step 1 - train, Phase B - 2 days",
            f"Step 1{NBSP}\u2013 train, Phase B{NBSP}\u2013 2 days",
        ),
        # a minus between numbers, a list's dash, a hyphen with one space are left
        ("5 - 3 = 2, x = -1, - item, a -b, a- b", "5 - 3 = 2, x = -1, - item, a -b, a- b"),
        # comparisons print as their signs, beside the arrow "->" already gives
        ("(<=6 MB, <= 60 s) -> Real-Time", f"(\u22646{NBSP}MB, \u2264 60{NBSP}s) \u2192 Real-Time"),
        ("x >= 2", "x \u2265 2"),
        # operators that only contain them are left as typed
        ("a <=> b, x <<= 1, y >>= 2, z ==> w", "a <=> b, x <<= 1, y >>= 2, z ==> w"),
    ],
)
def test_comparisons_and_a_hyphen_typed_as_a_dash_print_as_their_signs(text, printed):
    assert typeset(text) == printed


def test_the_word_before_a_spaced_hyphen_may_be_in_bold_and_code_is_left_alone():
    html = short_html("**PCA** - reduce, `a - b <= c`, x <= y")
    assert f"<strong>PCA</strong>{NBSP}\u2013 reduce" in html
    assert "<code>a - b &lt;= c</code>" in html and "x \u2264 y" in html


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("a 0.1-microhenry coil", f"a 0.1-{JOINER}microhenry coil"),
        (
            "two 470-kilohm resistors, a 5-minute quiz",
            f"two 470-{JOINER}kilohm resistors, a 5-{JOINER}minute quiz",
        ),
        # a hyphen after a letter, and a date's or a range's, may break as before
        (
            "well-known, K-means, x-1, 2024-01-15, 10-20",
            "well-known, K-means, x-1, 2024-01-15, 10-20",
        ),
    ],
)
def test_a_number_keeps_the_word_it_is_hyphenated_to(text, printed):
    assert typeset(text) == printed


def test_a_number_hyphenated_to_a_word_never_ends_a_line_and_copies_as_typed(make_bank):
    # "0.1-" ended a line, "microhenry" started the next: it read as a minus
    stem = " ".join(f"Coil {'x' * n} is a 0.1-microhenry inductor." for n in range(24))
    question = QUESTION.replace("Which AWS service trains, tunes and deploys ML models?", stem)
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    student = PdfBuilder().build(bank, Settings())[0].data
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(student)).pages)
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if line.endswith("0.1-")], lines
    assert text.count("0.1-microhenry") == 24 and JOINER not in text


def test_a_guillemet_stays_with_a_quote_in_bold_and_code_is_left_alone():
    html = short_html("le sigle « **VLAN** » et `« x »` coûtent 1 000 €", space_groups=True)
    assert f"«{NNBSP}<strong>VLAN</strong>{NNBSP}» et" in html
    assert "<code>« x »</code>" in html and f"1{NNBSP}000{NBSP}€" in html


FRENCH = "id: b\ntitle: B\nlanguage: fr\nsections: [main]\n"
IN_EUROS = QUESTION.replace("ML models?", "ML models for 1 000 €?")


@pytest.mark.parametrize(
    ("language", "printed"), [("fr", f"1{NNBSP}000{NBSP}€"), ("en", f"1 000{NBSP}€")]
)
def test_the_handout_groups_thousands_with_spaces_in_a_language_that_does(
    make_bank, language, printed
):
    manifest = FRENCH.replace("fr", language)
    bank = make_bank({"01-main.yaml": section_yaml(IN_EUROS)}, manifest)
    assert f"models for {printed}?" in handout_html(bank, "student", Settings())


def test_code_image_and_link_targets_keep_their_spaces():
    html = short_html(
        'Run `dd bs=4 M` at 230 V: ![12 V supply](bilder/psu.png "5 V rail") '
        "[230 V](https://example.com/a) <https://example.com/5>\n\n```\n5 V\n```"
    )
    assert f"at 230{NBSP}V" in html and f"230{NBSP}V (https://example.com/a)" in html
    assert "<code>dd bs=4 M</code>" in html and "<code>5 V\n</code>" in html
    assert 'alt="12 V supply"' in html and 'title="5 V rail"' in html
    assert 'src="bilder/psu.png"' in html


# The reviewer's notes table: six columns, at its full width it runs past the page, so
# the columns narrow until "1.000 Mbit/s" and "230 V / 12 V" would break inside.
UNITS = """\
notes: |
  | Begriff | Erklärung | Beispiel | Norm | Bemerkung | Prüfungsrelevanz |
  |---|---|---|---|---|---|
  | Datenübertragungsgeschwindigkeit | Bits pro Sekunde | 1.000 Mbit/s | IEEE 802.3 \
| Leitungsverlegungsvorschriften | Zwischenprüfungsaufgabe |
  | Sicherheitstransformator | „Trenntrafo“ | 230 V / 12 V | DIN EN 61558 \
| Schutzkleinspannungsversorgung | hoch |
"""
GERMAN = "id: b\ntitle: B\nlanguage: de\nsections: [main]\n"
ON_230_V = QUESTION.replace("ML models?", "ML models at 230 V?")


def test_a_narrow_table_column_breaks_between_quantities_not_inside_them(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(ON_230_V, extra=UNITS)}, GERMAN)
    student = PdfBuilder().build(bank, Settings())[0]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(student.data)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]  # a no-break space too
    assert any("1.000 Mbit/s" in line for line in lines)
    assert any("12 V" in line for line in lines) and "V" not in lines


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_exports_keep_the_spaces_as_typed(make_bank, language):
    question = ON_230_V.replace("230 V?", "230 V, « 1 000 € »?")
    manifest = FRENCH.replace("fr", language)
    bank = make_bank({"01-main.yaml": section_yaml(question, extra=UNITS)}, manifest)
    table = CsvBuilder().build(bank, Settings())[0].data.decode("utf-8")
    assert "at 230 V, « 1 000 € »?" in table
    assert NBSP not in table and NNBSP not in table and JOINER not in table
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    (section,) = document["sections"]
    (row,) = section["questions"]
    markdown = json.dumps([section["notes"], row["stem"]], ensure_ascii=False)
    assert "at 230 V, « 1 000 € »?" in markdown
    assert NBSP not in markdown and NNBSP not in markdown and JOINER not in markdown
    # the HTML beside it is the handouts' (its own tests pin how)
    assert row["stem_html"] == short_html(row["stem"], space_groups=language == "fr")
    assert section["notes_html"] == to_html(section["notes"], space_groups=language == "fr")


MULTIPLE = QUESTION.replace("answer: A", "type: multiple\nanswer: [A, D]")


@pytest.mark.parametrize(
    ("stem", "language", "label"),
    [
        ("Which services train models?", "en", "Choose 2 answers."),
        ("Which services train models? (Select TWO.)", "en", None),
        ("Which services train models? (Choose 2.)", "en", None),
        ("Welche Dienste trainieren Modelle? Wählen Sie ZWEI Antworten.", "de", None),
        ("Welche Dienste trainieren Modelle?", "de", "Wählen Sie 2 Antworten."),
        # a stem asking for another count than the key's: answer-count reports it, and
        # the label says how many the key holds
        ("Which services train models? (Select THREE.)", "en", "Choose 2 answers."),
    ],
)
def test_the_choose_label_is_left_out_when_the_stem_says_as_much(make_bank, stem, language, label):
    question = MULTIPLE.replace(
        "stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {stem}"
    )
    manifest = f"id: b\ntitle: B\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(question)}, manifest)
    html = handout_html(bank, "student", Settings())
    instructions = html.count('<p class="instruction">')
    assert instructions == (label is not None)
    if label:
        assert f'<p class="instruction">{label}</p>' in html
