"""A baseline from a team that works on Windows too: its path written with backslashes
names the same file everywhere, and a baseline an editor saved as UTF-16 is named so."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.test_baseline import question

RULES = ["--select", "answer-not-in-options,all-of-the-above"]
WINDOWS_PATH = "ci\\baseline.json"


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose bank has an old error (q2) and an old warning (q3), in the
    baseline ci/baseline.json."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    sections = {
        "01-main.yaml": section_yaml(question(1), question(2, "error"), question(3, "warning"))
    }
    root = write_bank(tmp_path / "bank" / "b", sections)
    Path("ci").mkdir()
    assert main(["lint", *RULES, "--write-baseline", "ci/baseline.json"]) == 0
    return root


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["lint", *RULES, *arguments])
    output = capsys.readouterr()
    return status, output.out, output.err


def names() -> list[str]:
    """Every file of the repository, as git would add them."""
    return sorted(path.as_posix() for path in Path().rglob("*") if path.is_file())


def test_a_baseline_path_in_pyproject_written_with_backslashes_names_the_same_file(bank, capsys):
    before = names()
    Path("pyproject.toml").write_text(f"[tool.exambank]\nbaseline = '{WINDOWS_PATH}'\n", "utf-8")
    status, out, err = lint(capsys, "--strict")
    assert (status, err) == (0, "")
    assert out == "No problems found.\n2 findings hidden by the baseline ci/baseline.json.\n"
    assert names() == [*before, "pyproject.toml"]


def test_the_hint_for_a_missing_baseline_writes_it_under_the_path_with_slashes(bank, capsys):
    Path("ci/baseline.json").unlink()
    Path("pyproject.toml").write_text(f"[tool.exambank]\nbaseline = '{WINDOWS_PATH}'\n", "utf-8")
    status, out, err = lint(capsys)
    assert (status, out) == (2, "")
    assert err == (
        "exambank: error: ci/baseline.json: no such baseline; write it with exambank lint "
        "--write-baseline ci/baseline.json\n"
    )


@pytest.mark.parametrize("option", ["--baseline", "--write-baseline", "--prune-baseline"])
def test_a_baseline_named_on_the_command_line_with_backslashes_is_the_same_file(
    bank, capsys, option
):
    before = names()
    status, out, _ = lint(capsys, option, WINDOWS_PATH, "--strict")
    assert status == 0
    assert out.endswith("2 findings hidden by the baseline ci/baseline.json.\n")
    assert names() == before  # no file named 'ci\baseline.json' beside the folder ci


@pytest.mark.parametrize(
    ("encode", "saved_as"),
    [
        (lambda text: text.encode("utf-16"), "UTF-16"),
        (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "UTF-16"),
        (lambda text: text.encode("utf-16-le"), "UTF-16 (with no byte-order mark)"),
    ],
)
def test_a_baseline_saved_as_utf16_is_named_so_and_never_overwritten(
    bank, capsys, encode, saved_as
):
    path = Path("ci/baseline.json")
    path.write_bytes(encode(path.read_text("utf-8")))
    before = path.read_bytes()
    said = (
        f"exambank: error: ci/baseline.json: the baseline is saved as {saved_as}, not UTF-8: "
        "save it as UTF-8 (most editors: 'Save with encoding'), or, if it is committed, take "
        "it back: git checkout -- ci/baseline.json\n"
    )
    for option in ("--baseline", "--prune-baseline", "--write-baseline"):
        assert lint(capsys, option, "ci/baseline.json") == (2, "", said)
    assert path.read_bytes() == before
