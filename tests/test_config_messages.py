"""How mistakes in ``[tool.exambank]`` read: TOML syntax said plainly, problems in file order."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def config_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, toml: str
) -> list[str]:
    """``exambank lint --config cfg.toml`` (exit 2, nothing checked): its stderr lines."""
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-main.yaml": section_yaml(QUESTION)})
    Path("cfg.toml").write_text(toml, encoding="utf-8")
    assert main(["lint", "b", "--config", "cfg.toml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


@pytest.mark.parametrize(
    ("toml", "located", "hint"),
    [
        (
            "[tool.exambank]\nignore = [answer-run]\n",
            "cfg.toml:2:11: error config not valid TOML: the text answer-run is not in quotes",
            'TOML text needs quotes: ignore = ["answer-run"]',
        ),
        (
            "[tool.exambank.rules.answer-run]\nseverity = error  # for now\n",
            "cfg.toml:2:12: error config not valid TOML: the text error is not in quotes",
            'TOML text needs quotes: severity = "error"',
        ),
        (
            '[tool.exambank]\nselect = ["answer-count", answer-run, "manifest"]\n',
            "cfg.toml:2:27: error config not valid TOML: the text answer-run is not in quotes",
            'TOML text needs quotes: select = ["answer-count", "answer-run", "manifest"]',
        ),
        (  # an inline table's keys stay bare
            "[tool.exambank.rules]\nanswer-run = {severity = off}\n",
            "cfg.toml:2:26: error config not valid TOML: the text off is not in quotes",
            'TOML text needs quotes: answer-run = {severity = "off"}',
        ),
        (  # a list over several lines: the item alone
            '[tool.exambank]\nignore = [\n  "answer-run",\n  negative-stem,\n]\n',
            "cfg.toml:4:3: error config not valid TOML: the text negative-stem is not in quotes",
            'TOML text needs quotes: "negative-stem"',
        ),
        (  # written as the author would read it, not as an escape
            "[tool.exambank]\nignore = [réponse, it's]\n",
            "cfg.toml:2:11: error config not valid TOML: the text réponse is not in quotes",
            'TOML text needs quotes: ignore = ["réponse", "it\'s"]',
        ),
        (
            "[tool.exambank.rules.longest-option-key]\nper_question = True\n",
            "cfg.toml:2:16: error config not valid TOML: True is not a TOML value",
            "true and false are lowercase in TOML: per_question = true",
        ),
        (
            "[tool.exambank.rules.answer-key-balance]\np_value = .5\n",
            "cfg.toml:2:11: error config not valid TOML: .5 is not a TOML value",
            'a TOML value is "text" in quotes, a number such as 0.5, true or false, or a [list]',
        ),
        (
            '[tool.exambank]\nignore = ["answer-run"]\n\n[tool.exambank]\nselect = []\n',
            "cfg.toml:4:1: error config not valid TOML: [tool.exambank] appears twice "
            "(first at line 1)",
            "merge the two tables into one",
        ),
        (
            '[tool]\nexambank.ignore = ["answer-run"]\n[tool.exambank]\nselect = []\n',
            "cfg.toml:3:1: error config not valid TOML: [tool.exambank] appears twice "
            "(first at line 2)",
            "merge the two tables into one",
        ),
        # A list or a text left open: said where it opens, not where TOML gives up (the
        # next key's line, the next table's, the line's end), with the line mended
        (
            '[tool.exambank]\nignore = ["answer-run",\nextend-select = ["word-repeat"]\n',
            "cfg.toml:2:10: error config not valid TOML: the list that opens here has no "
            "closing ] before line 3, which starts the next setting",
            'close it: ignore = ["answer-run"]',
        ),
        (
            '[tool.exambank]\nignore = ["answer-run]\n\n[tool.exambank.rules.answer-run]\n',
            'cfg.toml:2:11: error config not valid TOML: the text that opens with " here is '
            "not closed on its line",
            'close it: ignore = ["answer-run"]',
        ),
        (
            '[tool.exambank]\nignore = ["answer-run"\n\n[tool.exambank.rules.answer-run]\n',
            "cfg.toml:2:10: error config not valid TOML: the list that opens here has no "
            "closing ] before line 4, which starts the table [tool.exambank.rules.answer-run]",
            'close it: ignore = ["answer-run"]',
        ),
        (
            '[tool.exambank]\nignore = [\n  "answer-run",\n  "manifest"  # both\n',
            "cfg.toml:2:10: error config not valid TOML: the list that opens here has no "
            "closing ] before the file ends",
            "put ] after its last item, on line 4",
        ),
        (
            "[tool.exambank]\nbaseline = 'baseline.json\n",
            "cfg.toml:2:12: error config not valid TOML: the text that opens with ' here is "
            "not closed on its line",
            "close it: baseline = 'baseline.json'",
        ),
        (
            '[tool.exambank]\nbaseline = """baseline.json\n',
            'cfg.toml:2:12: error config not valid TOML: the text that opens with """ here is '
            "never closed",
            'end it with """',
        ),
        (
            '[tool.exambank.rules]\nanswer-run = {severity = "off"\n',
            "cfg.toml:2:14: error config not valid TOML: the inline table that opens here has "
            "no closing } on its line (TOML writes an inline table on one line)",
            'close it: answer-run = {severity = "off"}',
        ),
        (
            '[tool.exambank]\nignore = ["answer-run" "manifest"]\n',
            "cfg.toml:2:24: error config not valid TOML: a comma is missing before this item "
            "of the list",
            'separate them with commas: ignore = ["answer-run", "manifest"]',
        ),
        (
            '[tool.exambank]\nignore = [\n  "answer-run"\n  "manifest",\n]\n',
            "cfg.toml:4:3: error config not valid TOML: a comma is missing before this item "
            "of the list",
            "put a comma after the item before it, on line 3",
        ),
        (
            '[tool.exambank]\nignore = ["answer-run"]]\n',
            "cfg.toml:2:24: error config not valid TOML: this ] closes no list",
            'remove it: ignore = ["answer-run"]',
        ),
        (
            '[tool.exambank]\nignore = ["answer-run"]\nignore = [\n  "manifest",\n]\n',
            "cfg.toml:3:1: error config not valid TOML: 'ignore' is set twice in "
            "[tool.exambank] (first at line 2)",
            "keep one of the two",
        ),
    ],
)
def test_toml_syntax_is_explained_at_its_place(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    toml: str,
    located: str,
    hint: str,
) -> None:
    assert config_stderr(tmp_path, capsys, monkeypatch, toml) == [
        located,
        f"    hint: {hint}",
        "1 error, 0 warnings.",
        "exambank: error: cfg.toml is not valid TOML",
    ]


def test_no_python_tuple_in_any_toml_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    toml = '[tool.exambank]\nrules = {answer-run = {severity = "off"}}\n[tool.exambank.rules.x]\n'
    [located, *_] = config_stderr(tmp_path, capsys, monkeypatch, toml)
    assert located == (
        "cfg.toml:3:23: error config not valid TOML: Cannot declare [tool.exambank.rules.x] twice"
    )


def test_problems_are_listed_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    toml = (
        "[tool.exambank]\n"
        'ignore = ["answer-cont"]\n'
        'extend-select = ["nearly-duplicate"]\n'
        'select = ["answer-run", "manifets"]\n'
    )
    assert config_stderr(tmp_path, capsys, monkeypatch, toml) == [
        "cfg.toml:2:11: error config unknown rule 'answer-cont'",
        "    hint: did you mean 'answer-count'?",
        "cfg.toml:3:18: error config unknown rule 'nearly-duplicate'",
        "    hint: did you mean 'near-duplicate'?",
        "cfg.toml:4:25: error config unknown rule 'manifets'",
        "    hint: did you mean 'manifest'?",
        "3 errors, 0 warnings.",
        "exambank: error: 3 problems in [tool.exambank] of cfg.toml; nothing was checked",
    ]


def test_a_byte_order_mark_is_read_past(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-main.yaml": section_yaml(QUESTION)})
    Path("cfg.toml").write_bytes(b'\xef\xbb\xbf[tool.exambank]\nselect = ["answer-count"]\n')
    assert main(["lint", "b", "--config", "cfg.toml"]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_a_lone_carriage_return_is_named_where_it_is(tmp_path, capsys, monkeypatch):
    toml = '[tool.exambank]\nselect = ["answer-count"]\rignore = []\n'
    assert config_stderr(tmp_path, capsys, monkeypatch, toml)[:2] == [
        "cfg.toml:2:26: error config not valid TOML: a carriage return (CR) alone is no line "
        "end TOML knows",
        "    hint: save the file with LF or CRLF line ends (most editors: 'Line endings')",
    ]


def test_a_bad_byte_after_a_byte_order_mark_is_placed_as_an_editor_shows_it(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-main.yaml": section_yaml(QUESTION)})
    Path("cfg.toml").write_bytes(b"\xef\xbb\xbfx = \xff\n")
    assert main(["lint", "b", "--config", "cfg.toml"]) == 2
    assert "cfg.toml:1:5: error config byte 0xff is not valid UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("toml", "located", "depth"),
    [
        ("[tool.exambank]\nignore = " + "[" * 100_000 + "]" * 100_000, "cfg.toml:2:10", 100_000),
        (  # brackets in comments and in strings of all four kinds, escapes included, do not count
            "[tool.exambank]  # [[\n"
            'rules = { "a\\"[" = 1, \'b{\' = \'[\', c = """\\"""\n[[""", d = \'\'\'\n{{\'\'\', e = '
            + "{a = " * 2_000
            + "1"
            + "}" * 2_000
            + " }",
            "cfg.toml:2:9",
            2_001,
        ),
    ],
)
def test_a_value_nested_too_deeply_is_reported_at_its_start(
    tmp_path, capsys, monkeypatch, toml, located, depth
):
    assert config_stderr(tmp_path, capsys, monkeypatch, toml + "\n") == [
        f"{located}: error config a value nested too deeply to read ({depth} levels of lists "
        "or tables)",
        '    hint: exambank\'s settings nest two levels at most: ignore = ["answer-run"]',
        "1 error, 0 warnings.",
        "exambank: error: cfg.toml has a value nested too deeply",
    ]
