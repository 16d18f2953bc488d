"""The ids ``exambank init`` and ``new`` (and lint's "did you mean") suggest for a name
typed with Cyrillic or Greek letters (review RU, finding 5): look-alikes in a Latin name
read as Latin, Russian spelled as ICAO Doc 9303 spells it, and no fragment of a name left
after a word was dropped. Constructed names: the project has no real Russian bank."""

# ruff: noqa: RUF001, RUF003  # Cyrillic and Greek look-alikes are the point

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.skeleton import as_id
from tests.conftest import QUESTION, section_yaml, write_bank


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("1с-test", "1c-test"),  # "1С" typed on a Russian keyboard
        ("рg-q9", "pg-q9"),
        ("ВG-Q1", "bg-q1"),  # a capital look-alike, then lower case
        ("ΑΙ-q1", "ai-q1"),  # Greek capitals
        ("осн-в1", "osn-v1"),  # not "1": the Russian word is spelled out
        ("вопрос-1", "vopros-1"),
        ("основы", "osnovy"),
        ("Сети", "seti"),
        ("жёлтый-щит", "zheltyi-shchit"),  # ICAO 9303: ж zh, ё e, й i, щ shch
        ("история-хранения", "istoriia-khraneniia"),  # я ia, х kh
        ("test-вопрос", "test-vopros"),  # not all look-alikes: Russian spelled out
        ("网络-1", ""),  # a word no table spells: no fragment "1"
        ("Δίκτυα", ""),  # Greek beyond its look-alikes: nothing
        ("réseaux", "reseaux"),  # as before
        ("Prüfung", "pruefung"),
        ("Međunarodni", "medunarodni"),  # đ spelled as d, not dropped
    ],
)
def test_as_id(name: str, suggested: str) -> None:
    assert as_id(name) == suggested


def test_new_names_a_look_alike_and_suggests_the_latin_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)}) / "01-main.yaml"
    assert main(["new", "рg-q9", "--section", str(path)]) == 2
    assert capsys.readouterr().err == (
        "exambank: error: 'рg-q9' is not a valid question id ('р' is the Cyrillic small letter "
        "Er (U+0440), not the Latin p): use lowercase letters, digits and single hyphens; did "
        "you mean 'pg-q9'?\n"
    )
    assert main(["new", "осн-в1", "--section", str(path)]) == 2
    assert capsys.readouterr().err.endswith("single hyphens; did you mean 'osn-v1'?\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["bank/1с-test"], "did you mean bank/1c-test?"),
        (["el", "--sections", "основы,сети"], "did you mean --sections osnovy,seti?"),
    ],
)
def test_init_suggests_latin_ids(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", *arguments, "--title", "T"]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
