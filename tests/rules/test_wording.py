"""The word splitting every wording rule shares (exambank/rules/wording.py)."""

import re

import pytest

from exambank.rules.wording import lead_in, words

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
