"""The reports made for tools (JSON, SARIF, GitLab, JUnit, the stats JSON and HTML) and
``fmt --diff`` give GitHub's runner no command when a CI step prints them, and a tool
reading them gets the bank's text exactly as written (exambank.reporters.ci_log)."""

from __future__ import annotations

import difflib
import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.reporters.ci_log import json_without_commands, markup_without_commands
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.test_ci_log_commands import runner_commands

# Rule names no rule has: unused-suppression quotes each, in every report's message.
INLINE = "##[error title=Security check]INJ-inline"
LINE_START = "x\n  ::warning title=t::INJ-line"
TEXTS = [
    INLINE,
    LINE_START,
    "a\r::error::b",
    "###[x] ##[",
    ":: at the start",
    "\u3000::notice::y",
    "C++ #1 [draft] a::b",
]


@pytest.fixture
def quoting_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    names = json.dumps([INLINE, LINE_START])  # a YAML flow list, "\n" as an escape
    question = QUESTION + f"lint: {{ignore: {names}, reason: a test}}\n"
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(question)})
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("words", TEXTS)
def test_a_parser_reads_the_same_text(words: str) -> None:
    document = json.dumps({"message": words, "list": [words, "[]"]}, ensure_ascii=False)
    assert json.loads(json_without_commands(document)) == {"message": words, "list": [words, "[]"]}
    element = ET.Element("case", name=words)
    element.text = words
    parsed = ET.fromstring(markup_without_commands(ET.tostring(element, "unicode")))
    assert (parsed.get("name"), parsed.text) == (words, words.replace("\r", "\n"))  # XML's own
    assert html.unescape(markup_without_commands(html.escape(words))) == words


@pytest.mark.parametrize("words", TEXTS)
def test_neither_form_is_left_to_start_a_command(words: str) -> None:
    document = json.dumps([words], ensure_ascii=False, indent=2)
    element = ET.Element("case", name=words)
    element.text = words
    for shown in (
        json_without_commands(document),
        markup_without_commands(ET.tostring(element, "unicode")),
        markup_without_commands(html.escape(words)),
    ):
        assert runner_commands(shown) == []


def test_a_report_without_either_is_left_byte_for_byte() -> None:
    document = json.dumps({"a": ["[x]", "#1", "a::b", "#[", "# [", ": :"]}, indent=2)
    assert json_without_commands(document) == document
    markup = "<a b='#[x]'>\n  a::b ##x [y]\n</a>"
    assert markup_without_commands(markup) == markup


def strings(value: object) -> list[str]:
    """Every string in a parsed JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


@pytest.mark.parametrize("report", ["json", "sarif", "gitlab", "junit"])
def test_a_report_for_tools_gives_no_command_and_the_same_text(
    quoting_bank: Path, capsys: pytest.CaptureFixture[str], report: str
) -> None:
    main(["lint", "--format", report])
    printed = capsys.readouterr().out
    assert runner_commands(printed) == []
    if report == "junit":
        said = "\n".join(element.text or "" for element in ET.fromstring(printed).iter())
    else:
        said = "\n".join(strings(json.loads(printed)))
    assert f"'{INLINE}'" in said
    assert f"'{LINE_START}'" in said


def test_stats_json_and_html_give_no_command_and_the_same_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Probe ##[error title=stats]INJ\n::warning::INJ"
    manifest = f"id: test-bank\ntitle: {json.dumps(title)}\nsections: [main]\n"
    write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    monkeypatch.chdir(tmp_path / "b")
    assert main(["stats", "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert runner_commands(printed) == []
    assert json.loads(printed)[0]["title"] == title
    assert main(["stats", "--format", "html"]) == 0
    printed = capsys.readouterr().out
    assert runner_commands(printed) == []
    assert f"<h1>{title}</h1>" in html.unescape(printed)


MESSY = """\
id: main
title: Main
questions:
  - id: q1
    stem:   "Which one? see ##[error title=stem]INJ-stem"
    options: {A: One, B: Two, C: Three, D: Four}
    answer:   A
    explanation: |
      ::warning title=context::INJ-context
      ##[add-mask]INJ-mask
"""


def test_fmt_diff_gives_no_command_and_says_where_it_differs_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_bank(tmp_path / "b", {"01-main.yaml": MESSY})
    monkeypatch.chdir(tmp_path / "b")
    assert main(["fmt", "--diff", "01-main.yaml"]) == 1
    said = capsys.readouterr()
    assert runner_commands(said.out + said.err) == []
    assert said.out.splitlines()[3:] == [
        " title: Main",
        " questions:",
        "   - id: q1",
        '-    stem:   "Which one? see ##\\x5berror title=stem]INJ-stem"',
        '+    stem: "Which one? see ##\\x5berror title=stem]INJ-stem"',
        "     options: {A: One, B: Two, C: Three, D: Four}",
        "-    answer:   A",
        "+    answer: A",
        "     explanation: |",
        "       \\x3a:warning title=context::INJ-context",  # a context line, after its space
        "       ##\\x5badd-mask]INJ-mask",
    ]
    note = (
        "01-main.yaml: note: 4 lines of the diff show a [ after ## as \\x5b or a leading :: as "
        "\\x3a:, which a CI log would obey as commands: apply the changes with exambank fmt, "
        "not with this diff\n"
    )
    assert note in said.err
    assert (tmp_path / "b" / "01-main.yaml").read_text(encoding="utf-8") == MESSY


def test_fmt_diff_without_either_is_the_plain_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = MESSY.replace("##[", "#[").replace("      ::warning", "      : :warning")
    write_bank(tmp_path / "b", {"01-main.yaml": plain})
    monkeypatch.chdir(tmp_path / "b")
    assert main(["fmt", "--diff", "01-main.yaml"]) == 1
    said = capsys.readouterr()
    formatted = plain.replace("stem:   ", "stem: ").replace("answer:   ", "answer: ")
    old, new = plain.splitlines(keepends=True), formatted.splitlines(keepends=True)
    assert said.out == "".join(difflib.unified_diff(old, new, "01-main.yaml", "01-main.yaml"))
    assert "note" not in said.err
