"""What a copy, a search and a screen reader get of code the page wraps (review s34, finding
6): a code block's line as written, on one line, though it prints over rows; a code word
in an option whole, though it prints broken after a "↪". The page still draws the rows."""

from __future__ import annotations

from exambank.builders import Settings
from exambank.builders.pdf import PdfBuilder
from tests.builders.test_pdf_code_seams import pdf_text, student_pdf, with_options
from tests.builders.test_pdf_code_spaces import printed_lines
from tests.builders.test_pdf_tags import read_tags
from tests.conftest import QUESTION, section_yaml

# A line that wraps after the "-" in "AmazonSageMaker-": poppler took a row ending in "-"
# for a word hyphenated at a line's end, and dropped it ("AmazonSageMakerExecutionRole")
COMMAND = (
    "aws sagemaker create-training-job --training-job-name my-very-long-training-job-name-that"
    "-wraps --role-arn arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole"
    "-20240101T000000"
)
NOTES = f"notes: |\n  Run:\n\n  ```\n  {COMMAND}\n  echo done\n  ```\n"
NAME = "AWSServiceRoleForAmazonSageMakerNotebooksAndMoreThingsThatAreLong"


def test_a_wrapped_code_line_is_copied_and_read_as_written(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION, extra=NOTES)})
    data = PdfBuilder().steps(bank, Settings())[0].make().data
    rows = [line for line in printed_lines(data) if line and COMMAND.find(line) >= 0]
    assert len(rows) > 1 and any(row.endswith("AmazonSageMaker-") for row in rows), rows
    copied = pdf_text(data).splitlines()
    assert COMMAND in copied and "echo done" in copied
    # a screen reader reads it as one line: the element holding its rows says it as written
    _, document = read_tags(data)
    assert COMMAND in {element.words() for element in document.walk()}


def test_a_code_word_broken_in_an_option_is_copied_whole(make_bank):
    """In large print an option's long name breaks after a "↪"; the copy held the arrow
    and a line break, and a screen reader said "rightwards arrow with hook"."""
    data = student_pdf(
        make_bank, with_options(f"`{NAME}`", "B", "C", "D"), Settings(large_print=True)
    )
    assert any(line.endswith("\u21aa") for line in printed_lines(data))  # drawn broken
    copied = pdf_text(data)
    assert f"A {NAME}\n" in copied and "\u21aa" not in copied
    _, document = read_tags(data)
    [option] = [item for item in document.find("LI") if NAME[:20] in item.words()]
    assert option.words() == f"A {NAME}"
