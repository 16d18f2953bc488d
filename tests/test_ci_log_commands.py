"""No text exambank prints can give a CI runner a command: GitHub Actions obeys, on stdout
and stderr alike, "##[command]" anywhere in a line and "::command::" at the start of one,
after white space. A bank a pull request changes is not to annotate the workflow file or
stop the runner reading exambank's own annotations."""

from __future__ import annotations

import re

import pytest

from exambank.cli import main
from exambank.reporters.text import visible
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, section_yaml, write_bank


def runner_commands(output: str) -> list[str]:
    """The lines of ``output`` GitHub's runner would read as a command (actions/runner,
    ``ActionCommand.TryParseV2`` and ``TryParse``); it splits lines at CR and LF."""
    lines = re.split(r"\r\n|\r|\n", output)
    return [line for line in lines if "##[" in line or line.lstrip().startswith("::")]


def test_visible_breaks_both_command_forms_in_its_escape_style():
    assert visible("a ##[error]b ###[c") == "a ##\\x5berror]b ###\\x5bc"
    assert visible("::error::x") == "\\x3a:error::x"
    assert visible(" \u00a0\u3000::warning::x") == " \u00a0\u3000\\x3a:warning::x"


def test_visible_leaves_what_starts_no_command_as_it_was():
    for words in ("a::b", ": ok", "## heading", "[x](y)", "#[", "# [", "C++ #1 [draft]"):
        assert visible(words) == words


def test_lint_and_build_text_quote_an_image_target_harmlessly(tmp_path, monkeypatch, capsys):
    shown = "stem: 'Which service? ![](images/ok.png#x##[stop-commands]pwned)'"
    external = "stem: 'Which tool? ![](<http://x.example/a##[error title=Security]run it.png>)'"
    first = re.sub(r"stem: .*", shown, QUESTION)
    second = re.sub(r"stem: .*", external, QUESTION).replace("id: q1", "id: q2")
    second += "lint: {ignore: [external-resource], reason: a test}\n"
    root = write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(first, second)})
    (root / "images").mkdir()
    (root / "images" / "ok.png").write_bytes(blank_png(8, 8))
    monkeypatch.chdir(tmp_path)
    main(["lint"])
    linted = capsys.readouterr()
    assert "images/ok.png#x##\\x5bstop-commands]pwned" in linted.out
    assert main(["build", "--only", "json", "--out", str(tmp_path / "dist")]) == 0
    built = capsys.readouterr()
    assert ": not shipped: the image http://x.example/a##\\x5berror title" in built.out
    assert runner_commands(linted.out + linted.err + built.out + built.err) == []


def test_stats_text_starts_no_command_with_a_title(tmp_path, monkeypatch, capsys):
    for title in ("::error title=x::Probe", "\u00a0::warning::Probe", "Probe ##[error]x"):
        manifest = f"id: test-bank\ntitle: '{title}'\nsections: [main]\n"
        write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)}, manifest)
        monkeypatch.chdir(tmp_path / "b")
        assert main(["stats"]) == 0
        said = capsys.readouterr()
        assert runner_commands(said.out + said.err) == [], title


def test_a_file_name_starts_no_command(tmp_path, monkeypatch, capsys):
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (root / "::error title=x::Probe.yaml").write_text("id: two\ntitle: T\nquestions: []\n")
    (root / "##[error]Probe.yaml").write_text("# x\nid:   three\ntitle: T\nquestions: []\n")
    monkeypatch.chdir(root)  # where lint names the files without a folder before them
    assert main(["lint"]) == 1
    linted = capsys.readouterr()
    assert "\\x3a:error title=x::Probe.yaml:1:1: error" in linted.out
    assert main(["fmt", "--check"]) == 1
    checked = capsys.readouterr()
    assert "would reformat ##\\x5berror]Probe.yaml" in checked.err
    assert runner_commands(linted.out + linted.err + checked.out + checked.err) == []


def test_a_config_value_stops_no_annotation(tmp_path, monkeypatch, capsys):
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(QUESTION)})
    (tmp_path / "pyproject.toml").write_text('[tool.exambank]\nignore = ["##[stop-commands]t"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", "github"]) == 2
    said = capsys.readouterr()
    assert runner_commands(said.err) == []
    [annotation] = said.out.splitlines()  # exambank's own command, intact
    assert annotation.startswith("::error file=pyproject.toml,line=2,col=11,title=")
    assert "unknown rule '##\\x5bstop-commands]t'" in annotation


@pytest.mark.parametrize(
    "arguments",
    [
        ["lint", "bank/##[error]gone.yaml"],
        ["build", "--only", "json##[error]x"],
        ["lint", "--select", "##[error]x"],
    ],
)
def test_a_usage_error_quotes_an_argument_harmlessly(tmp_path, monkeypatch, capsys, arguments):
    monkeypatch.chdir(tmp_path)
    try:
        status = main(arguments)
    except SystemExit as stopped:  # argparse's own usage errors
        status = int(str(stopped.code))
    assert status == 2
    said = capsys.readouterr()
    assert runner_commands(said.out + said.err) == []
