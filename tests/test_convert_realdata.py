"""tools/convert_realdata.py turns the real public banks into exambank banks that lint clean."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from exambank.lint import lint
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures" / "realdata"
TOOL = REPO / "tools" / "convert_realdata.py"


def _tool():
    spec = importlib.util.spec_from_file_location("convert_realdata", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _questions(path):
    return {q["id"]: q for q in YAML(typ="safe", pure=True).load(path)["questions"]}


def test_the_excerpts_convert_and_lint_without_errors(tmp_path):
    counts = _tool().convert(FIXTURES, tmp_path)
    assert counts == {"clf-c02": 8, "aif-c01": 3}
    result = lint([tmp_path / "clf-c02", tmp_path / "aif-c01"])
    assert result.errors == 0, [d for d in result.diagnostics if d.severity == "error"]


def test_the_quirks_of_each_format(tmp_path):
    _tool().convert(FIXTURES, tmp_path)
    exam1 = _questions(tmp_path / "clf-c02" / "01-exam-1.yaml")
    assert exam1["exam-1-q4"]["type"] == "multiple" and exam1["exam-1-q4"]["answer"] == ["B", "E"]
    exam13 = _questions(tmp_path / "clf-c02" / "02-exam-13.yaml")
    assert exam13["exam-13-q2"]["stem"].startswith("A customer would like")
    assert "in-house.\n\nWhich of the following" in exam13["exam-13-q2"]["stem"]
    assert exam13["exam-13-q3"]["answer"] == ["A", "B"]
    exam15 = _questions(tmp_path / "clf-c02" / "03-exam-15.yaml")
    inline = exam15["exam-15-q1"]
    assert inline["stem"].endswith("security patching, and networking?")
    assert inline["options"]["A"] == "Amazon RDS" and inline["answer"] == "B"
    assert "guest operating system" in inline["explanation"]
    test5 = _questions(tmp_path / "aif-c01" / "02-test-5.yaml")
    assert test5["test-5-q1"]["answer"] == "B"  # from :ANSWER:, no box is ticked


def test_a_wrong_folder_is_a_usage_error(tmp_path):
    run = subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2 and "no kananinirav-clf-c02/practice-exam here" in run.stderr
