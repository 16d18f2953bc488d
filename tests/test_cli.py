"""The exambank command's contract: output format, exit status, no traceback."""

import json
import subprocess
import sys

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
