"""``lint --fix`` quotes a number or boolean where the schema wants text, when the quoted
text is exactly what the author typed and what every YAML reader reads there (21, true,
yes); it leaves 3.10, 4:1, 010 and nulls for the author, and never touches an answer or
an id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def _section(tmp_path: Path, *questions: str, extra: str = "") -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions, extra=extra)})
    return root / "01-main.yaml"


def _options(*texts: str) -> str:
    lines = [f"  {letter}: {text}" for letter, text in zip("ABCD", texts, strict=False)]
    return QUESTION.replace(
        "  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock\n",
        "".join(line + "\n" for line in lines),
    )


def test_options_written_as_plain_integers_are_quoted_and_lint_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(tmp_path, _options("-1", "21", "22  # SSH", "23"))
    assert main(["lint", str(path)]) == 1
    assert "option B is the number 21, not text" in capsys.readouterr().out
    assert main(["lint", "--fix", str(path)]) == 0
    output = capsys.readouterr()
    assert output.err.splitlines() == [
        f'{path}:7:10: fixed question q1, option A: the number -1 as text -> "-1"',
        f'{path}:8:10: fixed question q1, option B: the number 21 as text -> "21"',
        f'{path}:9:10: fixed question q1, option C: the number 22 as text -> "22"',
        f'{path}:10:10: fixed question q1, option D: the number 23 as text -> "23"',
    ]
    assert "No problems found." in output.out
    assert path.read_text(encoding="utf-8") == section_yaml(
        _options('"-1"', '"21"', '"22"  # SSH', '"23"')
    )
    assert main(["fmt", "--check", str(path)]) == 0  # quoted as fmt quotes


def test_booleans_in_text_are_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = _options("true", "False", "yes", "off").replace(
        "explanation: SageMaker covers the whole ML lifecycle.", "explanation: No"
    )
    path = _section(tmp_path, question)
    assert main(["lint", "--fix", str(path)]) == 0
    assert "No problems found." in capsys.readouterr().out
    expected = _options('"true"', '"False"', '"yes"', '"off"')
    expected = expected.replace(
        "explanation: SageMaker covers the whole ML lifecycle.", 'explanation: "No"'
    )
    assert path.read_text(encoding="utf-8") == section_yaml(expected)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("3.10", id="float-read-as-3.1"),
        pytest.param("4:1", id="base-60"),
        pytest.param("010", id="leading-zero"),
        pytest.param("0x1A", id="hex"),
        pytest.param("1_000", id="underscore"),
        pytest.param("+1", id="plus-sign"),
        pytest.param("-0", id="minus-zero"),
        pytest.param("1e3", id="exponent"),
        pytest.param("null", id="null"),
        pytest.param("~", id="tilde"),
        pytest.param("21 #1", id="comment-one-space-on"),
        pytest.param("0\t#1", id="comment-a-tab-after-zero"),
        pytest.param("false #1", id="comment-after-false"),
    ],
)
def test_values_whose_readers_disagree_with_the_text_are_left_for_the_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    path = _section(tmp_path, _options(written, "22", "23", "24"))
    assert main(["lint", "--fix", str(path)]) == 1
    after = path.read_text(encoding="utf-8")
    assert f"  A: {written.split()[0]}" in after  # as written, not quoted
    assert 'B: "22"\n      C: "23"\n      D: "24"\n' in after  # the others are
    output = capsys.readouterr()
    assert "option A" not in output.err
    assert "question q1, option A is the " in output.out


def test_a_comment_one_space_after_a_zero_false_or_null_stays_one_space_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two spaces would make what may be the rest of a cut text look like a note.
    path = _section(tmp_path, _options("0 #1", "false #2", "~ #3", "24"))
    assert main(["lint", "--fix", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f'{path}:10:10: fixed question q1, option D: the number 24 as text -> "24"'
    ]
    assert path.read_text(encoding="utf-8") == section_yaml(
        _options("0 #1", "false #2", "~ #3", '"24"')
    )


def test_answers_ids_and_other_keys_are_not_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = (
        _options("21", "Port 22", "Port 23", "Port 24")
        .replace("answer: A", "answer: 1\ndifficulty: 2")
        .replace("id: q1", "id: 2024")
    )
    path = _section(tmp_path, question)
    assert main(["lint", "--fix", str(path)]) == 1
    output = capsys.readouterr()
    assert output.err.splitlines() == [
        f'{path}:7:10: fixed question 1, option A: the number 21 as text -> "21"'
    ]
    text = path.read_text(encoding="utf-8")
    assert "- id: 2024\n" in text and "answer: 1\n" in text and "difficulty: 2\n" in text
    assert "id is the number 2024" in output.out and "answer is a number 1" in output.out


def test_every_text_field_of_a_section_and_the_manifest_is_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = (
        _options("Port 21", "Port 22", "Port 23", "Port 24")
        .replace("stem: Which AWS service trains, tunes and deploys ML models?", "stem: 1")
        .replace("  D: Port 24", "  D:\n    text: 24\n    feedback: 25")
        .replace("explanation: SageMaker covers the whole ML lifecycle.", "explanation: 2")
        + "tags: [2024]\nlint: {ignore: [stem-length], reason: 3}\n"
    )
    extra = "summary: 4\nnotes: 5\nexam_tips: [6]\nkey_terms:\n  - term: 7\n    definition: 8\n"
    path = _section(tmp_path, question, extra=extra)
    manifest = path.parent / "bank.yaml"
    manifest.write_text(
        "id: test-bank\ntitle: 1984\nexam: 350\nversion: 2\ndescription: true\nsections: [main]\n",
        encoding="utf-8",
    )
    main(["lint", "--fix", str(path.parent)])
    output = capsys.readouterr()
    assert "not text" not in output.out
    assert len(output.err.splitlines()) == 15
    assert manifest.read_text(encoding="utf-8") == (
        'id: test-bank\ntitle: "1984"\nexam: "350"\nversion: "2"\ndescription: "true"\n'
        "sections: [main]\n"
    )
    text = path.read_text(encoding="utf-8")
    assert 'text: "24"\n' in text and 'tags: ["2024"]' in text and 'reason: "3"}' in text


def test_fmt_names_the_fix_for_a_value_it_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(tmp_path, _options("21", "3.10", "Port 23", "Port 24"))
    assert main(["fmt", str(path)]) == 1
    assert "'21' is read as a number; quote it first (exambank lint --fix quotes it)" in (
        capsys.readouterr().err
    )
    path.write_text(section_yaml(_options("3.10", "21", "x", "y")), encoding="utf-8")
    assert main(["fmt", str(path)]) == 1
    assert "'3.10' is read as a number; quote it first (exambank lint shows every such value)" in (
        capsys.readouterr().err
    )


def test_a_time_read_in_base_60_says_what_it_is_read_as(lint_questions) -> None:
    # "12:30 is a number" reads as nonsense to an author who wrote a time (review s23-i18n #6)
    found = lint_questions(_options("12:30", "18:45", "9:05:30", "'23:00'"))
    assert [d.message.split(", ", 1)[1] for d in found] == [
        "option A is the number 12:30 (YAML 1.1 reads it in base 60, as 750), not text",
        "option B is the number 18:45 (YAML 1.1 reads it in base 60, as 1125), not text",
        "option C is the number 9:05:30 (YAML 1.1 reads it in base 60, as 32730), not text",
    ]
    assert found[0].hint == 'quote it so it stays text: "12:30"'  # lint --fix leaves it


def test_the_hint_says_lint_fix_quotes_a_value_exactly_where_it_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An author who follows the hints would type each quote by hand (review s27-author
    #11): the hint names --fix for each value it quotes, and shows the quotes it writes."""
    path = _section(tmp_path, _options("21", "true", "3.10", "23 #1"))
    assert main(["lint", "--format", "json", str(path)]) == 1
    found = json.loads(capsys.readouterr().out)
    hints = {each["line"]: each["hint"] for each in found if each["rule"] == "schema"}
    fixed = " (exambank lint --fix does this)"
    assert [hints[line] for line in (7, 8, 9)] == [
        f'quote it so it stays text: "21"{fixed}',
        f'quote it so it stays text: "true"{fixed}',
        'quote it so it stays text: "3.10"',  # 3.1 to every reader: the author says which
    ]
    assert hints[10] == 'quote it so it stays text: "23"'  # the text may go on after '#'
    assert main(["lint", "--fix", "--format", "json", str(path)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert {each["line"] for each in found if each["rule"] == "schema"} == {9, 10}
