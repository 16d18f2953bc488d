"""Code as written on paper: a code span is literal (CommonMark), so its runs of spaces print
as typed, in an option as anywhere; a long one still wraps at its spaces, and a word too long
for a line breaks at a seam, with a "↪" at the end of the line it breaks."""

from __future__ import annotations

from exambank.builders import Settings
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from exambank.markdown import short_html
from tests.builders.test_hyphenated_words import replacements
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
    # too long to keep whole: it breaks at its seams (a soft hyphen after each), with a mark
    seamed = "x-\u00ad" * 19
    assert f'<span class="code-long">{seamed}x-</span> ' in html


URL = "https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-how-it-works.html"
SEAMLESS = "0123456789abcdef" * 6  # a hash: no seam in it, wider than an option's line


def printed_lines(data: bytes) -> list[str]:
    """The PDF's lines of text, each as its runs read left to right."""
    lines: dict[tuple[int, float], list[tuple[float, str]]] = {}
    for page, runs in enumerate(text_positions(data)):
        for x, y, text in runs:
            lines.setdefault((page, round(y)), []).append((x, text))
    return ["".join(text for _, text in sorted(runs)).strip() for runs in lines.values()]


def test_a_long_code_word_breaks_at_a_seam_and_marks_the_break(make_bank):
    """A web address broke after "how-it-" with nothing to say it goes on: "works.html" on
    the next line read as a word of its own, "it-" as hyphenated. A hash with no seam ran
    past the page's edge."""
    question = QUESTION.replace("  A: Amazon SageMaker", f'  A: "`{URL}?region=us-east-1`"')
    question = question.replace("  B: AWS Lambda", f'  B: "`{SEAMLESS}`"')
    question = question.replace("  C: Amazon EC2", '  C: "`/etc/hosts` and `--dry-run`"')
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    for settings in (Settings(), Settings(large_print=True)):
        student = PdfBuilder().steps(bank, settings)[0].make().data
        lines = printed_lines(student)
        broken = [index for index, line in enumerate(lines) if line.endswith("\u21aa")]
        assert len(broken) >= 2, lines  # the address and the hash, each at least once
        for index in broken:
            before = lines[index][:-1]
            assert before[-1] in "/.-_?&=:" or "0123456789abcdef" in before, lines
        joined = "".join(
            line.removesuffix("\u21aa") if line.endswith("\u21aa") else line + "\n"
            for line in lines
        )
        assert f"{URL}?region=us-east-1" in joined and SEAMLESS in joined
        assert not [line for line in lines if "docs.aws" in line and line.endswith("-")]
        assert not [line for line in lines if SEAMLESS in line]  # it breaks, in the page
        assert any(line.endswith("/etc/hosts and --dry-run") for line in lines)


def test_only_a_long_code_word_gets_seams_and_the_export_none(make_bank):
    text = f"`{URL}` or `/etc/hosts`"
    printed = short_html(text)
    assert '<span class="code-token">/etc/hosts</span>' in printed  # as before: kept whole
    seams = "https://|docs.|aws.|amazon.|com/|sagemaker/|latest/|dg/|automatic-|model-|tuning-|"
    seamed = (seams + "how-|it-|works.|html").replace("|", "\u00ad")  # never inside "://"
    assert f'<span class="code-long">{seamed}</span>' in printed, printed
    assert (
        short_html(text, for_print=False)
        == f"<p><code>{URL}</code> or <code>/etc/hosts</code></p>\n"
    )
    question = QUESTION.replace("  A: Amazon SageMaker", f'  A: "{text}"')
    [export] = JsonBuilder().build(make_bank({"01-main.yaml": section_yaml(question)}), Settings())
    assert "\u00ad" not in export.data.decode() and "code-long" not in export.data.decode()


def test_a_long_code_word_broken_in_a_table_is_whole_in_the_text(make_bank):
    """The cell's lines' text is replaced by the whole word (hyphenated_words.py): it held
    the soft hyphens of its seams, which a copied address keeps, invisible, and fails on."""
    rows = ["| Service | Guide | Note |", "|---|---|---|", f"| SageMaker | `{URL}` | guide |"]
    extra = "notes: |\n" + "".join(f"  {row}\n" for row in rows)
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=extra)})
    trainer = PdfBuilder().steps(bank, Settings())[1].make().data
    whole = [text for _, text in replacements(trainer) if "docs.aws" in text]
    assert whole == [URL], whole  # its first line's, the whole address; the next line's: ""
