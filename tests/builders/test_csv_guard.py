"""``build --csv-guard on|off``: the formula guard's "'" for a spreadsheet (on, the default),
or every cell exactly as the text is, for an importer that would keep the "'" (off)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.builders import Settings
from exambank.builders.csv_export import CsvBuilder
from exambank.cli import main
from exambank.lint import lint
from tests.builders.test_csv_columns import COLUMNS, rows, unguarded
from tests.conftest import section_yaml, write_bank

# Texts an importer must get as they are: temperatures, command-line flags, a git revision.
OPTIONS = {"A": "-21 °C", "B": "+4 °C", "C": "@{upstream}", "D": "=x; -y"}
QUESTION = (
    "id: q1\nstem: Which one is the eutectic point?\noptions:\n"
    + "".join(f"  {letter}: {json.dumps(text)}\n" for letter, text in OPTIONS.items())
    + "answer: A\nexplanation: '-21 °C is the eutectic point.'\ntags: [-x, '@y']\n"
)


def _bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})


def _built_row(tmp_path: Path, *arguments: str) -> tuple[bytes, dict[str, str]]:
    out = tmp_path / "out"
    assert (
        main(["build", str(_bank(tmp_path)), "--only", "csv", "--out", str(out), *arguments]) == 0
    )
    data = (out / "test-bank" / "test-bank-questions.csv").read_bytes()
    header, (row,) = rows(data)
    assert header == COLUMNS  # no column moves, whatever the guard
    return data, row


def test_off_writes_every_cell_as_the_text_is_and_guarded_empty(tmp_path: Path) -> None:
    _, row = _built_row(tmp_path, "--csv-text", "plain", "--csv-guard", "off")
    assert [row[f"option_{letter.lower()}"] for letter in OPTIONS] == list(OPTIONS.values())
    assert row["explanation"] == "-21 °C is the eutectic point."
    assert row["tags"] == "-x;@y"
    assert row["guarded"] == ""  # it names what the guard changed: nothing


def test_on_is_the_default_and_guards_as_before(tmp_path: Path) -> None:
    data, row = _built_row(tmp_path)
    assert row["option_a"] == "'-21 °C" and row["option_d"] == "'=x;' -y"
    assert (
        row["guarded"] == "option_a;option_b;option_c;option_d;option_d:1;explanation;tags;tags:1"
    )
    assert _built_row(tmp_path, "--csv-guard", "on")[0] == data


def test_off_gives_what_undoing_the_guard_by_guarded_gives(tmp_path: Path) -> None:
    (read,) = lint([_bank(tmp_path)]).banks  # the bank as the build reads it
    (guarded,) = CsvBuilder().build(read, Settings())
    (plain,) = CsvBuilder().build(read, Settings(csv_guard=False))
    _, (guarded_row,) = rows(guarded.data)
    _, (plain_row,) = rows(plain.data)
    assert plain_row == {**unguarded(guarded_row), "guarded": ""}
    assert CsvBuilder().build(read, Settings(csv_guard=False))[0].data == plain.data  # same bytes


def test_build_help_offers_the_switch_and_refuses_another_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "--csv-guard {on,off}" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit) as exit_status:
        main(["build", str(_bank(tmp_path)), "--csv-guard", "no"])
    assert exit_status.value.code == 2
    assert "invalid choice: 'no'" in capsys.readouterr().err
