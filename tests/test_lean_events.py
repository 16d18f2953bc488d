"""Reading with the lean event classes gives what ruamel.yaml's own classes give, and leaves
the C binding's classes as it found them."""

from __future__ import annotations

import sys
import threading
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import events
from ruamel.yaml.cyaml import CParser

from exambank import lean_events
from exambank.load import read_source
from tests.conftest import QUESTION, SEED_BANK, section_yaml

# What the reader treats apart: tags, anchors and aliases, flow collections, every scalar
# style, typed scalars, comments after values, escapes, mojibake, repeated keys, a question
# glued on with '-id', and a syntax error.
ODD_FILES = {
    "tags.yaml": "id: !t main\ntitle: &a Main\nsummary: *a\n",
    "flow.yaml": "id: main\ntitle: {a: [1, \"b\", 'c']}\nquestions: []\n",
    "styles.yaml": "id: main\ntitle: |\n  one\nsummary: >\n  two\n  three\n",
    "typed.yaml": "id: 12\ntitle: yes\nsummary: ~\nversion: 4:1\nnote: 2024-01-01\n",
    "comment.yaml": "id: main\ntitle: Use C # not D\nsummary: '#x' # ok\n",
    "escapes.yaml": 'id: main\ntitle: "C:\\temp\\new"\nsummary: "a\\ b"\n',
    "mojibake.yaml": "id: main\ntitle: Introdu\u00c3\u00a7\u00c3\u00a3o\n",
    "repeated.yaml": section_yaml(QUESTION.replace("answer: A", "answer: A\nanswer: B")),
    "glued.yaml": section_yaml(QUESTION) + "  -id: q2\n    stem: Second?\n",
    "broken.yaml": section_yaml(QUESTION).replace("answer: A", "answer: [A"),
}


def _readings(paths: list[Path]) -> list[Any]:
    """Everything reading each file records, libyaml's marks as (index, line, column)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if hasattr(value, "line") and hasattr(value, "index"):
            return (value.index, value.line, value.column)
        return value

    found = []
    for path in paths:
        source, problems = read_source(path, path.name)
        records = {record.name: plain(getattr(source, record.name)) for record in fields(source)}
        found.append((records, [str(problem) for problem in problems]))
    return found


def _binding_classes() -> list[Any]:
    module = sys.modules[CParser.__module__]
    return [getattr(module, name) for name in lean_events._NAMES]


@pytest.fixture
def odd_files(tmp_path):
    for name, text in ODD_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return sorted(tmp_path.iterdir()) + sorted(SEED_BANK.glob("*.yaml"))


def test_every_file_reads_the_same_with_the_lean_classes_as_with_ruamel_yamls(
    odd_files, monkeypatch
):
    monkeypatch.setattr(lean_events, "_works", True)  # lean, whatever the check found
    lean = _readings(odd_files)
    monkeypatch.setattr(lean_events, "_works", False)
    usual = _readings(odd_files)
    assert lean == usual
    assert any(problems for _, problems in lean)  # the odd files are read as odd


def test_the_installed_binding_reads_with_the_lean_classes():
    with lean_events.lean_events() as kinds:
        assert kinds == lean_events.LEAN
        assert _binding_classes() == list(lean_events.LEAN)


def test_the_binding_gets_its_own_classes_back_however_the_reading_ends(odd_files):
    usual = list(lean_events.USUAL)
    assert _binding_classes() == usual
    _readings(odd_files)  # one of them is a syntax error, raised while they are swapped in
    assert _binding_classes() == usual
    with pytest.raises(RuntimeError), lean_events.lean_events():
        raise RuntimeError
    assert _binding_classes() == usual


def test_a_binding_that_makes_other_events_with_them_reads_with_its_own(odd_files, monkeypatch):
    usual = _readings(odd_files)

    def backwards(self, anchor, tag, implicit, value, start_mark, end_mark, style, comment=None):
        events.ScalarEvent.__init__(self, anchor, tag, implicit, style, start_mark, end_mark, value)

    monkeypatch.setattr(lean_events.Scalar, "__init__", backwards)
    monkeypatch.setattr(lean_events, "_works", None)  # check again
    assert _readings(odd_files) == usual
    assert lean_events._works is False


def test_a_reading_inside_a_reading_leaves_the_classes_to_the_outer_one():
    with lean_events.lean_events() as outer:
        with lean_events.lean_events() as inner:
            assert inner == outer
        assert _binding_classes() == list(outer)
    assert _binding_classes() == list(lean_events.USUAL)


def test_threads_reading_at_once_read_what_one_thread_reads(odd_files):
    alone = _readings(odd_files)
    found: dict[int, list[Any]] = {}

    def read(number: int) -> None:
        found[number] = _readings(odd_files)

    threads = [threading.Thread(target=read, args=(number,)) for number in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # the threads take turns every few instructions
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert [found.get(number) for number in range(4)] == [alone] * 4
