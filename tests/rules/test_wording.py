"""The word splitting every wording rule shares (exambank/rules/wording.py)."""

import re

import pytest

from exambank.rules.wording import (
    ends_before,
    lead_in,
    mark_ends,
    quotations,
    without_parentheses,
    words,
)

UNICODE_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@pytest.mark.parametrize(
    "text",
    [
        "Which AUTO-SCALING policy isn't set? (Choose TWO.)",
        "x_y 'quoted' a--b -3-fold- it's' 10.5 GB/s",
        "Caf\u00e9's d\u00e9j\u00e0-vu isn\u2019t \u00dcBER; \u212a and \u017ftrasse",
        "",
    ],
)
def test_words_are_case_folded_runs_of_letters_and_digits(text):
    # ASCII text takes a faster pattern: it must split exactly as the Unicode one does
    folded = text.casefold().replace("\u2019", "'")
    assert words(text) == tuple(UNICODE_WORD.findall(folded))


def test_words_keep_hyphens_and_apostrophes_inside_a_word():
    assert words("Auto-scaling isn't 'on' -- a_b") == ("auto-scaling", "isn't", "on", "a", "b")


def test_the_lead_in_is_the_last_sentence_outside_quotation_marks():
    assert lead_in("The model drifts. Which service retrains it?") == "Which service retrains it?"
    stem = 'Which signal means "I am busy.  Please do not interfere"?'
    assert lead_in(stem) == stem


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "stop" and "go"', ['"stop"', '"go"']),
        ("Who wrote \u201cTo be\u201d?", ["\u201cTo be\u201d"]),
        ("The 'isn't it' line", ["'isn't it'"]),  # an apostrophe inside a word closes nothing
        ("It's Ann's, 'not' hers", ["'not'"]),  # nor does one after a letter open
        ('An "open\nline" and "x"', ['" and "']),  # a quotation ends with its line
        ("\u201ca \u201cb\u201d", ["\u201ca \u201cb\u201d"]),  # the first opening closes
        (" 'a 'b 'c", []),
        ("\u201ca \u201cb\n\u201cc\u201d", ["\u201cc\u201d"]),
    ],
)
def test_quotations_close_on_their_line(text, quoted):
    assert [text[start:end] for start, end in quotations(text)] == quoted


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("Root mean square (RMS)", "Root mean square"),
        ("Amazon EC2 (Elastic Compute Cloud) with  (EBS) volumes", "Amazon EC2 with volumes"),
        ("a (b) c (d", "a c (d"),  # no parenthesis closes after the last ")"
        ("((a) b)", "b)"),
        ("(((", "((("),
        ("x   y (z)", "x   y"),
    ],
)
def test_without_parentheses(text, without):
    assert without_parentheses(text) == without


def test_ends_before_reads_past_the_spaces_before_an_offset():
    text = "a reason for \n  not"
    assert ends_before(text, text.index("not"), " for")
    assert not ends_before(text, text.index("not"), " of")
    assert ends_before("x,  except", 4, ",")
    assert not ends_before("   ", 3, ",")


@pytest.mark.parametrize("text", ["***a** b __c__ ****", "a", "**"])
def test_mark_ends_count_as_str_count_does(text):
    for mark in ("**", "__"):
        ends = mark_ends(text, mark)
        assert [text[:offset].count(mark) for offset in range(len(text) + 1)] == [
            sum(end <= offset for end in ends) for offset in range(len(text) + 1)
        ]
