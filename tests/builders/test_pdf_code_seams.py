"""Where a long code word may break (``code_spans.py``): a name without punctuation moves to
the next line whole where it fits there, and breaks only at its case changes where it does
not; no break splits a letter from its accent, nor leaves a flag's "--" alone at a line's end;
and a copy or a search gets each word whole (review s29-diff, findings 3, 5 and 6)."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.code_spans import long_token
from exambank.identifiers import identifier_parts
from exambank.markdown import short_html
from tests.builders.test_pdf_code_spaces import printed_lines
from tests.conftest import QUESTION, section_yaml

ROLE = "AWSServiceRoleForAmazonSageMakerNotebooks"  # a service-linked role: 41 characters
FLAG = "--exclude-pattern-for-everything-long-here"
NFD = unicodedata.normalize("NFD", "réglagedelatempératuredumodèleétéélevé")  # as macOS types
SOFT_HYPHEN = "\u00ad"


def with_options(*options: str) -> str:
    """``QUESTION`` with ``options`` (Markdown) as its options A, B, C ..."""
    lines = "".join(f'  {chr(65 + index)}: "{text}"\n' for index, text in enumerate(options))
    return QUESTION.replace(QUESTION[QUESTION.index("  A:") : QUESTION.index("answer")], lines)


def student_pdf(make_bank, question: str, settings: Settings, extra: str = "") -> bytes:
    bank = make_bank({"01-main.yaml": section_yaml(question, extra=extra)})
    return PdfBuilder().steps(bank, settings)[0].make().data


def pdf_text(data: bytes, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def table(*cells: str) -> str:
    """Section notes holding a two-column table: a word, and a note that takes the width."""
    note = "a note long enough to take most of the width of the page for itself alone"
    rows = ["| Word | Note |", "|---|---|", *(f"| `{cell}` | {note} |" for cell in cells)]
    return "notes: |\n" + "".join(f"  {row}\n" for row in rows)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        (ROLE, ["AWS", "Service", "Role", "For", "Amazon", "Sage", "Maker", "Notebooks"]),
        ("Windows2019ServerDatacenterEditionImage", ["Windows", "2019", "Server", "Datacenter"]),
        ("sha256sumOfTheWholeArchiveAndItsManifest", ["sha", "256", "sumOf", "The", "Whole"]),
    ],
)
def test_a_long_name_in_code_has_its_seams_at_its_case_changes(word, parts) -> None:
    """It broke anywhere ("AWSServi↪ceRole..."): a soft hyphen between each two characters."""
    assert long_token(word).split(SOFT_HYPHEN)[: len(parts)] == parts
    assert identifier_parts(word)[: len(parts)] == parts  # one definition of a name's parts
    # set as an identifier (identifier_fit.py): whole where it fits, its seams used only if not
    assert f'<span class="identifier code-long">{long_token(word)}</span>' in short_html(
        f"`{word}`"
    )


def test_only_a_run_longer_than_a_line_breaks_anywhere() -> None:
    run = "abcdefghijklmnopqrstuvwxyzabcdefghij"  # 36 letters, no case change: a key, a hash
    assert long_token(run) == SOFT_HYPHEN.join(run)
    name = f"short{run.title()}"  # a part of 5, and one of 36
    assert long_token(name) == f"short{SOFT_HYPHEN}" + SOFT_HYPHEN.join(run.title())
    assert SOFT_HYPHEN not in long_token("aaaa" * 7) and SOFT_HYPHEN in long_token("a" * 31)


@pytest.mark.parametrize(
    "word",
    [
        NFD,
        NFD * 2,
        "\U0001f469\u200d\U0001f4bb" * 35,  # a ZWJ emoji sequence: woman technologist
        "\U0001f1e9\U0001f1ea" * 35,  # a flag: two regional indicators
        "\u2764\ufe0f" * 35,  # a variation selector
        "\U0001f44d\U0001f3fd" * 35,  # a skin tone
        unicodedata.normalize("NFD", "한국어데이터베이스연결설정값" * 3),  # Hangul, decomposed
    ],
)
def test_no_seam_inside_a_letter_and_its_marks(word: str) -> None:
    """A soft hyphen before a combining accent split "é" in the copied text ("re / ́glage")."""
    marked = long_token(word)
    assert marked.replace(SOFT_HYPHEN, "") == word
    for piece in marked.split(SOFT_HYPHEN)[1:]:
        assert not unicodedata.combining(piece[0]), repr(marked)
        assert piece[0] not in "\u200d\ufe0f\U0001f3fd\U0001f1ea", repr(marked)
        assert not 0x1160 <= ord(piece[0]) <= 0x11FF, repr(marked)  # a vowel or final jamo
    assert f"\u200d{SOFT_HYPHEN}" not in marked  # nor after a joiner


@pytest.mark.parametrize(
    ("word", "first"),
    [
        (FLAG, "--exclude-"),
        ("../../some/deeply/nested/path/to/the/file.txt", "../../some/"),
        ("~/projects/very-long-folder-name/with-parts/x", "~/projects/"),
        ("./configure-the-whole-build-with-every-option", "./configure-"),
        ("_private_helper_that_has_a_rather_long_name_", "_private_"),
    ],
)
def test_no_seam_after_the_punctuation_a_token_starts_with(word: str, first: str) -> None:
    """ "--↪" alone at a line's end read as a token of its own."""
    assert long_token(word).split(SOFT_HYPHEN)[0] == first
    # and a line may not break there by Unicode's rules either: it is kept with what follows
    lead = first[: len(first) - len(first.lstrip("-./~_"))]
    assert f'<span class="code-lead">{lead}{first[len(lead)]}</span>' in short_html(f"`{word}`")


def test_a_long_name_moves_to_the_next_line_whole_where_it_fits(make_bank) -> None:
    """Review s29-diff, finding 3: "AWSServi↪" / "ceRoleForAmazon..." (4 to 14 words before
    it); at f74d0e9 it moved to the next line whole, as it does again."""
    options = [f"{'word ' * count}`{ROLE}` end." for count in range(4, 16, 2)]
    student = student_pdf(make_bank, with_options(*options), Settings())
    lines = printed_lines(student)
    holding = [line for line in lines if "AWSServ" in line or "Notebooks" in line]
    assert len(holding) == len(options) and all(ROLE in line for line in holding), lines
    assert pdf_text(student).count(ROLE) == len(options)  # and copied whole


def test_a_name_longer_than_a_line_breaks_only_at_its_case_changes(make_bank) -> None:
    name = ROLE * 3  # 123 characters: no line holds it
    question = with_options(f"word word `{name}` end.", "Amazon SageMaker")
    for settings in (Settings(), Settings(large_print=True)):
        student = student_pdf(make_bank, question, settings, extra=table(ROLE * 2))
        lines = printed_lines(student)
        broken = [index for index, line in enumerate(lines) if line.endswith("\u21aa")]
        assert broken, lines
        ends = {sum(map(len, identifier_parts(ROLE)[:count])) % len(ROLE) for count in range(9)}
        for index in broken:
            start = lines[index].removesuffix("\u21aa").split()[-1]
            assert len(start.split(ROLE)[-1]) in ends, lines  # at the end of a part
            assert lines[index + 1][0].isupper(), lines  # the next part starts the line
        # in the table (a column narrower than the name) a copy gets the name whole
        assert ROLE * 2 in pdf_text(student)


def test_a_word_typed_decomposed_is_whole_in_the_copied_text(make_bank) -> None:
    """Review s29-diff, finding 5: pdftotext gave "re / ́glagedelatempe / ́raturedumode ..."."""
    question = with_options(f"Set `{NFD}` first.", f"word word word `{NFD * 3}` end.")
    student = student_pdf(make_bank, question, Settings(), extra=table(NFD * 2))
    text = pdf_text(student)
    assert f"Set {NFD} first." in text  # it fits its line: whole
    lines = text.splitlines()
    assert not [line for line in lines if line and unicodedata.combining(line[0])], lines
    joined = "".join(
        line.removesuffix("\u21aa") if line.endswith("\u21aa") else line + "\n" for line in lines
    )
    assert NFD * 3 in joined  # broken between letters, the "↪" and the line break aside
    assert NFD * 2 in text  # in the table: whole


def test_a_long_flag_never_leaves_its_dashes_alone_at_a_line_s_end(make_bank) -> None:
    """Review s29-diff, finding 6: options B and C printed "--↪" / "exclude-pattern-...".
    A flag broken in a table is whole in the copied text all the same."""
    options = [f"{'word ' * count}`{FLAG}`" for count in range(13, 18)]
    student = student_pdf(make_bank, with_options(*options), Settings(), extra=table(FLAG))
    lines = printed_lines(student)
    assert not [line for line in lines if line.endswith(("--", "--\u21aa"))], lines
    assert not [line for line in lines if line.startswith("exclude")], lines
    assert pdf_text(student, "-layout").count("--exclude-") == len(options) + 1
    assert FLAG in pdf_text(student).splitlines()  # the table's cell, whole
