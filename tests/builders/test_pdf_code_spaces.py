"""Code as written on paper: a code span is literal (CommonMark), so its runs of spaces print
as typed, in an option as anywhere; a long one still wraps at its spaces."""

from __future__ import annotations

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from exambank.markdown import short_html
from tests.builders.test_pdf_layout import MM, text_positions
from tests.conftest import QUESTION, section_yaml


def test_a_code_span_keeps_its_runs_of_spaces_and_still_wraps(make_bank):
    spaced = "'100   aabb.cc10.7000    DYNAMIC      Gi0/1'"
    long = " ".join(f"word{n}" for n in range(40))  # wider than the line
    question = QUESTION.replace("  B: AWS Lambda", f'  B: "`{spaced}` is the line"').replace(
        "  D: Amazon Bedrock", f'  D: "`{long}`"'
    )
    student = PdfBuilder().steps(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    runs = text_positions(student[0].make().data)[2]
    lines: dict[float, str] = {}  # a token kept whole (code_spans.py) is a run of its own
    for _, y, text in runs:
        lines[y] = lines.get(y, "") + text
    assert any(spaced in line for line in lines.values()), lines
    wrapped = [(x, y) for x, y, text in runs if text.strip().startswith("word")]
    assert len({y for _, y in wrapped}) >= 2  # a long code span wraps onto a second line
    starts = [x for x, _ in wrapped]
    assert max(starts) - min(starts) < 2  # under the option's text (but for the span's padding)


def test_a_code_span_wraps_at_its_spaces_never_inside_a_flag(make_bank):
    """A line broke after "--", leaving "hosted-zone-id" on the next: a learner copies two
    words. A token too long to keep whole still breaks, inside the text's right edge."""
    command = "aws route53 list-resource-record-sets --hosted-zone-id Z0123 --query 'Sets[0]'"
    options = "".join(
        f'  {letter}: "{"word " * count}`{command}`"\n' for count, letter in enumerate("ABCDEFGH")
    )
    long = "-".join(f"part{n}" for n in range(40))  # a token wider than the line: it breaks
    question = QUESTION.replace(
        QUESTION[QUESTION.index("  A:") : QUESTION.index("answer")],
        options + f'  I: "`{long}`"\n',
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    student = PdfBuilder().steps(bank, Settings(large_print=True))[0].make().data
    lines: dict[tuple[int, float], list[tuple[float, str]]] = {}
    for page, runs in enumerate(text_positions(student)):
        for x, y, text in runs:
            lines.setdefault((page, round(y)), []).append((x, text))
    printed = [" ".join(text.strip() for _, text in sorted(runs)) for runs in lines.values()]
    for token in ("list-resource-record-sets", "--hosted-zone-id", "--query"):
        assert len([line for line in printed if token in line]) == 8, printed  # each option
    assert not [line for line in printed if line.endswith("-") and "part" not in line], printed
    assert len([line for line in printed if "part" in line]) >= 2, printed  # it wrapped
    right = max(x for runs in lines.values() for x, _ in runs)
    assert right < (22 + 168) * MM


def test_only_a_token_a_line_could_break_inside_is_marked_to_keep_whole():
    html = short_html(f"`aws s3 cp --recursive ./a - {'x-' * 20} 'x'`")
    assert "aws s3 cp " in html and '<span class="code-token">--recursive</span>' in html
    assert '<span class="code-token">./a</span> - ' in html  # a lone hyphen cannot break
    assert f"{'x-' * 20} " in html  # too long to keep whole: it breaks as before
