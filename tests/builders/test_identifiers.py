"""Long identifiers (``AmazonRoute53ResolverEndpoint``, ``ElasticLoadBalancingV2``) in the
handouts: never hyphenated; whole where the line or the table has room for them, wrapped at
their case changes with no hyphen where it has not; and whole in the text a search, a copy
or a screen reader gets."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

import pytest

from exambank.bank import Bank
from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from exambank.identifiers import identifier_parts, is_identifier
from exambank.markdown import to_html
from tests.builders.test_hyphenated_words import HYPHEN, replacements
from tests.builders.test_pdf_layout import pages
from tests.builders.test_pdf_tags import Element, read_tags
from tests.builders.test_question_headings import drawn
from tests.conftest import QUESTION, section_yaml

NAMES = ("ElasticLoadBalancingV2", "AmazonCloudFrontDistribution", "AmazonRoute53ResolverEndpoint")
# The reviewer's table: its names fit A4 whole (they were hyphenated), not large print.
TABLE = """\
notes: |
  | Service | Full product name | Notes |
  | --- | --- | --- |
  | ELBv2 | ElasticLoadBalancingV2 | `AWS::ElasticLoadBalancingV2::LoadBalancer` |
  | CloudFront | AmazonCloudFrontDistribution | Origin access control via `OriginAccessControlConfig` |
  | Route 53 | AmazonRoute53ResolverEndpoint | https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries.html |
"""  # noqa: E501  # a Markdown table's row is one line
# Large print prints a table of three columns too wide for the page as records (each name on
# a line of its own, whole): two columns stay a table, too narrow for the names.
TWO_COLUMNS = """\
notes: |
  | Full product name | Notes |
  | --- | --- |
  | ElasticLoadBalancingV2 | `AWS::ElasticLoadBalancingV2::LoadBalancer` and a note long enough to take the width |
  | AmazonCloudFrontDistribution | Origin access control via `OriginAccessControlConfig` and the distribution's own settings |
  | AmazonRoute53ResolverEndpoint | https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries.html |
"""  # noqa: E501  # a Markdown table's row is one line


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("AmazonRoute53ResolverEndpoint", ["Amazon", "Route53", "Resolver", "Endpoint"]),
        ("ElasticLoadBalancingV2", ["Elastic", "Load", "BalancingV2"]),  # no "V2" alone
        ("HTTPServerConfiguration", ["HTTP", "Server", "Configuration"]),
        ("iPhoneApplicationStore", ["iPhone", "Application", "Store"]),  # no "i" alone
    ],
)
def test_an_identifier_breaks_only_at_its_case_changes(word: str, parts: list[str]) -> None:
    assert is_identifier(word)
    assert identifier_parts(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "Barrierefreiheitsstärkungsgesetz",  # a long word: hyphenated as the language does
        "INTERNATIONALIZATION",
        "CloudFormation",  # shorter than the words a table hyphenates
        "Marktüberwachungsbehörde",
    ],
)
def test_a_word_is_no_identifier(word: str) -> None:
    assert not is_identifier(word)


def test_the_html_marks_an_identifier_and_a_copy_of_it_holds_no_character_more() -> None:
    html = to_html("Use AmazonRoute53ResolverEndpoint, or `AmazonRoute53ResolverEndpoint`.")
    assert html == (
        '<p>Use <span class="identifier">Amazon<wbr>Route53<wbr>Resolver<wbr>Endpoint,</span>'
        " or <code>AmazonRoute53ResolverEndpoint</code>.</p>\n"
    )
    # a web address or a path is left to break at its slashes
    assert "identifier" not in to_html("https://example.com/AmazonRoute53ResolverEndpoint")


def test_the_json_s_html_holds_the_name_as_written(make_bank: Callable[..., Bank]) -> None:
    """Break points are the handouts' layout: an LMS importing the JSON gets the text
    (review s28-diff, finding 1)."""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=TABLE)})
    document = json.loads(JsonBuilder().build(bank, Settings())[0].data)
    notes = document["sections"][0]["notes_html"]
    assert "<td>AmazonCloudFrontDistribution</td>" in notes
    assert "identifier" not in notes and "<wbr>" not in notes and "\u200b" not in notes


def test_names_that_fit_print_whole_and_are_never_hyphenated(
    make_bank: Callable[..., Bank],
) -> None:
    """A4: the table has room for each name on one line (it hyphenated two of them)."""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=TABLE)})
    student = PdfBuilder().build(bank, Settings())[0].data
    names = [drawn(cell) for cell in cells_holding(student, NAMES)]
    assert names == list(NAMES), names  # drawn whole: no hyphen, no break
    assert replacements(student) == []


def test_names_too_wide_for_their_column_wrap_at_case_changes_with_no_hyphen(
    make_bank: Callable[..., Bank],
) -> None:
    """Large print: the table cannot hold the names whole (it hyphenated all three)."""
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=TWO_COLUMNS)})
    student = PdfBuilder().build(bank, Settings(large_print=True))[0].data
    for cell, name in zip(cells_holding(student, NAMES), NAMES, strict=True):
        printed = drawn(cell).replace("\u200b", "")
        assert HYPHEN not in printed and "-" not in printed, printed
        assert printed.split() == identifier_parts(name) or (
            "".join(printed.split()) == name and len(printed.split()) > 1
        ), printed  # broken only between parts
        assert cell.words() == name  # a screen reader hears it whole
    # and the text layer (search, copy) holds each name whole
    whole = {text for _, text in replacements(student)}
    assert set(NAMES) <= whole, whole
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=student, capture_output=True, check=True
    ).stdout.decode()
    assert all(name in text for name in NAMES)


def test_an_identifier_longer_than_a_line_wraps_at_a_case_change(
    make_bank: Callable[..., Bank],
) -> None:
    name = "AmazonSageMakerGroundTruthPlusLabelingWorkforceVendorManagementConfiguration"
    question = QUESTION.replace("  A: Amazon SageMaker\n", f"  A: {name}\n")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    student = PdfBuilder().build(bank, Settings(large_print=True))[0].data
    texts = pages(student)
    # not on one line, running past the page's edge: on two, broken between two parts
    [text] = [text for text in texts if "AmazonSageMaker" in text]
    first, _, second = text.partition("AmazonSageMaker")[2].partition(" ")
    assert f"AmazonSageMaker{first}" + second.split()[0] == name
    assert first.endswith(tuple(identifier_parts(name)))


def cells_holding(data: bytes, names: tuple[str, ...]) -> list[Element]:
    """The table cells whose words are one of ``names``, in order."""
    return [cell for cell in read_tags(data)[1].find("TD") if cell.words() in names]
