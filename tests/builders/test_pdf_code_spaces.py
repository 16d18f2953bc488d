"""Code as written on paper: a code span is literal (CommonMark), so its runs of spaces print
as typed, in an option as anywhere; a long one still wraps at its spaces."""

from __future__ import annotations

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_layout import text_positions
from tests.conftest import QUESTION, section_yaml


def test_a_code_span_keeps_its_runs_of_spaces_and_still_wraps(make_bank):
    spaced = "'100   aabb.cc10.7000    DYNAMIC      Gi0/1'"
    long = " ".join(f"word{n}" for n in range(40))  # wider than the line
    question = QUESTION.replace("  B: AWS Lambda", f'  B: "`{spaced}` is the line"').replace(
        "  D: Amazon Bedrock", f'  D: "`{long}`"'
    )
    student = PdfBuilder().steps(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    runs = text_positions(student[0].make().data)[2]
    assert spaced in [text.strip() for _, _, text in runs]
    wrapped = [(x, y) for x, y, text in runs if text.strip().startswith("word")]
    assert len({y for _, y in wrapped}) >= 2  # a long code span wraps onto a second line
    starts = [x for x, _ in wrapped]
    assert max(starts) - min(starts) < 2  # under the option's text (but for the span's padding)
