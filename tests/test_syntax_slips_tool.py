"""tools/syntax_slips.py, which measures the README's figures for syntax slips: it makes the
slips it says it makes, and counts a slip reported only when lint reports it in its question."""

from __future__ import annotations

import importlib.util
import random
import sys

import pytest

from tests.conftest import QUESTION, REPO, section_yaml, write_bank

TOOL = REPO / "tools" / "syntax_slips.py"


def _tool():
    spec = importlib.util.spec_from_file_location("syntax_slips", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


slips = _tool()
QUESTIONS = [QUESTION.replace("id: q1", f"id: q{n}") for n in range(1, 7)]


@pytest.mark.parametrize("kind", slips.KINDS)
def test_each_kind_of_slip_in_two_questions_is_reported_in_both(tmp_path, kind):
    write_bank(tmp_path, {"01-main.yaml": section_yaml(*QUESTIONS)})
    counts = slips.measure([tmp_path], [kind], rounds=3)
    assert counts["two slips"]["files"] == counts["one slip"]["files"] == 3
    assert counts["one slip"]["reported near it"] == 3
    assert counts["two slips"]["reported away"] == counts["one slip"]["reported away"] == 0
    if kind != "dash":  # a lost dash written 'id:' below a slip waits for it (README)
        assert counts["two slips"]["both reported"] == 3


@pytest.mark.parametrize("kind", slips.KINDS)
def test_a_slip_is_made_inside_its_question_and_breaks_it(tmp_path, kind):
    lines = section_yaml(*QUESTIONS).split("\n")
    rows = slips.questions(lines)
    assert [lines[start].strip() for start, _ in rows] == [f"- id: q{n}" for n in range(1, 7)]
    slipped = list(lines)
    assert slips.slip(slipped, rows[2], kind, random.Random(1))
    changed = [at for at, (old, new) in enumerate(zip(lines, slipped, strict=True)) if old != new]
    assert len(changed) == 1 and rows[2][0] <= changed[0] < rows[2][1]
    path = tmp_path / "01-main.yaml"
    assert slips.reported_lines("\n".join(lines), path) == []
    assert slips.reported_lines("\n".join(slipped), path)


def test_an_unknown_kind_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        slips.main([str(tmp_path), "--kinds", "colon,comma"])
    assert stopped.value.code == 2
    assert "no slip of kind comma" in capsys.readouterr().err
