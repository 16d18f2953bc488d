"""The exambank command's contract: output format, exit status, no traceback."""

import json
import os
import subprocess
import sys
from importlib import metadata
from xml.etree import ElementTree

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def test_errors_exit_1_sorted_by_file_and_line(tmp_path, capsys):
    bad = QUESTION.replace("answer: A", "answer: E")
    other = (
        "id: q2\nstem: Which service labels training data with human reviewers?\n"
        "options: {A: Ground Truth, B: Clarify, C: Canvas, D: JumpStart}\n"
        "answer: F\nexplanation: Ground Truth manages labeling workforces.\n"
    )
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(bad, other)})
    assert main(["lint", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    located = [line for line in lines if ": error " in line]
    assert [line.split(":")[1] for line in located] == ["11", "16"]
    assert located[0].endswith(
        "error answer-not-in-options answer E names no option (options are A, B, C, D)"
    )
    assert lines[1].strip().startswith("hint:")
    assert lines[-1] == "2 errors, 0 warnings."


def test_json_format_lists_objects_with_the_documented_keys(tmp_path, capsys):
    root = write_bank(
        tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION.replace("answer: A", "answer: E"))}
    )
    assert main(["lint", str(root), "--format", "json"]) == 1
    [item] = json.loads(capsys.readouterr().out)
    assert item["rule"] == "answer-not-in-options" and item["question"] == "q1"
    assert (item["line"], item["column"], item["severity"]) == (11, 13, "error")


def test_clean_bank_exits_0(tmp_path, capsys):
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["lint", str(root)]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "nowhere")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_file_that_is_no_bank_file_is_a_usage_error(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("# Our banks\n", encoding="utf-8")
    assert main(["lint", str(readme)]) == 2
    assert f"{readme}: not a bank file" in capsys.readouterr().err


def test_bad_option_is_a_usage_error(capsys):
    try:
        main(["lint", "--format", "nonsense"])
    except SystemExit as stop:
        assert stop.code == 2


def test_python_dash_m_runs_without_traceback_on_a_broken_file(tmp_path):
    root = write_bank(tmp_path / "b", {"01-main.yaml": b"\xff\xfe not yaml ["})
    run = subprocess.run(
        [sys.executable, "-m", "exambank", "lint", str(root)], capture_output=True, text=True
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    assert "encoding" in run.stdout


def test_a_bank_named_twice_is_checked_once(tmp_path, capsys, monkeypatch):
    bad = section_yaml(QUESTION.replace("answer: A", "answer: E"))
    root = write_bank(tmp_path / "b", {"01-main.yaml": bad})
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "b", str(root), "b/01-main.yaml", "--format", "json"]) == 1
    [item] = json.loads(capsys.readouterr().out)
    assert item["path"] == "b/01-main.yaml"  # as first named


def test_a_config_file_that_cannot_be_read_gives_tools_no_report(tmp_path, capsys):
    # An empty SARIF or JUnit report would read as "no problems" (and close every alert)
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    for format in ("json", "sarif", "junit", "github"):
        missing = str(tmp_path / "missing.toml")
        assert main(["lint", str(root), "--config", missing, "--format", format]) == 2
        output = capsys.readouterr()
        assert output.out == "" and "missing.toml" in output.err


def test_text_output_shows_control_characters_as_escapes(tmp_path, capsys):
    # A double-quoted escape can put a line break or ESC in a value that a message quotes;
    # printed raw, it would start a line a CI runner obeys, or drive the terminal.
    hostile = QUESTION + 'difficulty: "Hard\\r\\n::error file=x::pwned \\e[31m"\n'
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(hostile)})
    assert main(["lint", str(root)]) == 1
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "\x1b" not in out and "\r" not in out
    assert "Hard\\r\\n::error file=x::pwned \\x1b[31m" in out


def _run(root, *arguments, encoding):
    environment = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "exambank", "lint", str(root), *arguments],
        capture_output=True,
        env=environment,
    )


def test_reports_for_tools_are_utf8_whatever_the_console_encoding(tmp_path):
    # A redirected stdout on Windows is cp1252; JUnit and SARIF say they are UTF-8.
    name = "01-résumé 🚀.yaml"
    bad = section_yaml(QUESTION.replace("answer: A", "answer: E"))
    root = write_bank(tmp_path / "b", {name: bad})
    junit = _run(root, "--format", "junit", encoding="cp1252")
    assert junit.returncode == 1, junit.stderr
    suites = ElementTree.fromstring(junit.stdout)  # the XML's own encoding is right
    assert any(name in suite.get("name", "") for suite in suites.iter("testsuite"))
    sarif = _run(root, "--format", "sarif", encoding="ascii")
    assert sarif.returncode == 1, sarif.stderr
    json.loads(sarif.stdout.decode("utf-8"))


def test_text_never_fails_on_a_character_the_console_lacks(tmp_path):
    bad = section_yaml(QUESTION.replace("answer: A", "answer: E"))
    root = write_bank(tmp_path / "b", {"01-résumé 🚀.yaml": bad})
    run = _run(root, encoding="ascii")
    assert run.returncode == 1 and b"internal error" not in run.stderr
    assert b"01-r\\xe9sum\\xe9 \\U0001f680.yaml:11:13: error answer-not-in-options" in run.stdout


def test_a_file_name_that_is_not_utf8_is_reported_not_an_internal_error(tmp_path):
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    stray = os.fsencode(root / "02-x") + b"\xff.yaml"
    with open(stray, "w", encoding="utf-8") as file:
        file.write("id: x\ntitle: X\n")
    for format in ("json", "github", "gitlab", "sarif", "junit", "text"):
        run = _run(root, "--format", format, encoding="utf-8")
        assert run.returncode == 1 and b"internal error" not in run.stderr, (format, run.stderr)
    report = json.loads(_run(root, "--format", "json", encoding="utf-8").stdout)
    assert os.fsencode(report[0]["path"]).endswith(b"02-x\xff.yaml")  # the real name


def test_file_names_and_titles_print_their_control_characters_as_escapes(tmp_path, capsys):
    # a hostile file name or title must not start a line a CI runner obeys
    injected = "\n::error file=README.md,line=1::injected\n"
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    manifest = root / "bank.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "title: Test bank", 'title: "Test\\n::error file=README.md,line=1::title"'
        ),
        encoding="utf-8",
    )
    (root / f"zz{injected}.yaml").write_text("id: zz\ntitle:   Z\n", encoding="utf-8")
    for command in (["fmt", "--check"], ["fmt", "--diff"], ["lint", "--fix"], ["stats"]):
        main([*command, str(root)])
        output = capsys.readouterr()
        lines = (output.out + output.err).splitlines()
        assert not [line for line in lines if line.startswith("::")], (command, lines)
    assert "Test\\n::error file=README.md,line=1::title (test-bank)" in output.out  # stats


def test_stats_out_replaces_a_symlink_instead_of_writing_through_it(tmp_path, capsys):
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    victim = tmp_path / "bashrc"
    victim.write_text("# mine\n", encoding="utf-8")
    out = tmp_path / "report.txt"
    out.symlink_to(victim)
    assert main(["stats", str(root), "--out", str(out)]) == 0
    assert victim.read_text(encoding="utf-8") == "# mine\n"
    assert not out.is_symlink() and "questions" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["build", "lint", "stats"])
def test_an_unknown_option_shows_the_commands_own_usage(command, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--no-such-option"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: exambank {command} [-h]")
    assert err.rstrip().endswith("error: unrecognized arguments: --no-such-option")


@pytest.mark.parametrize(("name", "capitals"), [("ALL", ""), ("all", " (in capitals)")])
def test_all_is_said_to_be_no_rule_but_what_names_them_all(capsys, name, capitals):
    """It was "unknown rule 'ALL'; did you mean 'ALL'?": the name typed, offered back."""
    assert main(["rule", name]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: '{name}' is no rule: ALL{capitals} names every rule where rules are "
        "listed (--select and --ignore; select, ignore and the other rule lists of "
        "[tool.exambank]); `exambank rules` lists every rule, and `exambank rule NAME` shows "
        "one rule's page\n"
    )


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"exambank {metadata.version('exambank')}\n"


def _help(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main([*arguments, "--help"])
    return capsys.readouterr().out


def test_every_option_and_argument_of_every_command_is_described(capsys, monkeypatch):
    """An option listed bare in --help (lint --format, new --section) leaves the reader to
    guess; each says what it is, as the README does."""
    monkeypatch.setenv("COLUMNS", "100")
    listed = _help([], capsys).split("  COMMAND\n", 1)[1].split("\n\n")[0]
    commands = [line.split()[0] for line in listed.splitlines() if line.startswith("    ")]
    assert {"init", "lint", "new", "rule", "stats"} <= set(commands)
    bare = []
    for command in commands:
        lines = _help([command], capsys).split("\n\n", 2)[2].splitlines()  # after usage, text
        for at, line in enumerate(lines):
            entry = line.startswith("  ") and not line.startswith("   ")
            after = lines[at + 1] if at + 1 < len(lines) else ""
            if entry and "  " not in line.strip() and not after.startswith("    "):
                bare.append(f"{command} {line.strip()}")
    assert bare == []
    assert "single: one right option (default); multiple: several" in _help(["new"], capsys)


def test_an_unknown_option_before_any_command_is_named(capsys):
    with pytest.raises(SystemExit) as usage:
        main(["--bogus"])
    assert usage.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "exambank: error: unrecognized arguments: --bogus"
    )
    with pytest.raises(SystemExit) as usage:  # no command, and nothing else amiss
        main([])
    assert usage.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "exambank: error: the following arguments are required: COMMAND"
    )
