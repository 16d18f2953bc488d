"""The entries of a rule the configuration turns off: no run judges them while it is off,
so they are kept, and lint, --prune-baseline and --write-baseline say so, naming the
rule; ``--prune-baseline FILE --drop-entries-of RULES`` drops them when it is off for
good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.baseline import Compared
from exambank.baseline_summaries import summary
from exambank.cli import main
from tests.conftest import section_yaml, write_bank
from tests.test_baseline import question

TABLE = '[tool.exambank]\nselect = ["answer-not-in-options", "all-of-the-above"]\n'
KEPT = (
    "1 baseline entry of all-of-the-above kept: the configuration turns it off, so it hides "
    "nothing until it is on again; to drop it (if it is off for good), run lint with "
    "--prune-baseline known.json --drop-entries-of all-of-the-above."
)


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bank with an old error (q2) and an old warning of all-of-the-above (q3) in the
    baseline known.json, and a configuration that then turns all-of-the-above off."""
    monkeypatch.chdir(tmp_path)
    sections = {
        "01-main.yaml": section_yaml(question(1), question(2, "error"), question(3, "warning"))
    }
    root = write_bank(tmp_path / "bank" / "b", sections)
    Path("pyproject.toml").write_text(TABLE, "utf-8")
    assert main(["lint", "--write-baseline", "known.json"]) == 0
    Path("pyproject.toml").write_text(TABLE + 'ignore = ["all-of-the-above"]\n', "utf-8")
    return root


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str], str]:
    status = main(["lint", *arguments])
    output = capsys.readouterr()
    return status, output.out.splitlines(), output.err


def held() -> list[tuple[str, str]]:
    found = json.loads(Path("known.json").read_text("utf-8"))["findings"]
    return [(entry["rule"], entry["question"]) for entry in found]


def test_lint_and_prune_say_the_entries_of_a_rule_turned_off_are_kept(bank, capsys):
    status, out, err = lint(capsys, "--baseline", "known.json")
    assert (status, err) == (0, "")
    assert out == ["No problems found.", "1 finding hidden by the baseline known.json.", KEPT]
    status, out, err = lint(capsys, "--prune-baseline", "known.json")
    assert err == "pruned known.json: no fixed entry dropped, 2 findings left\n"
    assert (status, out[-1]) == (0, KEPT)
    status, out, err = lint(capsys, "--write-baseline", "known.json")
    assert err == (
        "known.json is up to date: 2 findings, 1 of them of all-of-the-above, which the "
        "configuration turns off, kept; nothing to add or drop, so it is left as it was\n"
    )
    assert out[-1] == KEPT
    assert held() == [("all-of-the-above", "q3"), ("answer-not-in-options", "q2")]
    Path("pyproject.toml").write_text(TABLE, "utf-8")  # a rule one run leaves out: said not
    status, out, _ = lint(capsys, "--baseline", "known.json", "--ignore", "all-of-the-above")
    assert out == ["No problems found.", "1 finding hidden by the baseline known.json."]


def test_drop_entries_of_drops_a_rule_s_entries_and_its_findings_are_new_again(bank, capsys):
    status, _, err = lint(
        capsys, "--prune-baseline", "known.json", "--drop-entries-of", "all-of-the-above"
    )
    assert status == 0
    assert err == (
        "pruned known.json: no fixed entry and 1 entry of all-of-the-above dropped, "
        "1 finding left\n"
    )
    assert held() == [("answer-not-in-options", "q2")]
    assert lint(capsys, "--baseline", "known.json")[1][-1] == (
        "1 finding hidden by the baseline known.json."
    )
    Path("pyproject.toml").write_text(TABLE, "utf-8")  # on again: q3's old warning is new
    status, out, _ = lint(capsys, "--baseline", "known.json", "--strict")
    assert status == 1 and "0 errors, 1 warning." in out


def test_drop_entries_of_goes_with_prune_only(bank, capsys):
    before = Path("known.json").read_bytes()
    for other in (["--baseline", "known.json"], ["--write-baseline", "known.json"], []):
        status, out, err = lint(capsys, *other, "--drop-entries-of", "all-of-the-above")
        assert (status, out) == (2, [])
        assert err == (
            "exambank: error: --drop-entries-of goes with --prune-baseline FILE: it drops "
            "those rules' entries from the baseline FILE\n"
        )
    assert Path("known.json").read_bytes() == before
    with pytest.raises(SystemExit):  # argparse: 2, with did-you-mean
        lint(capsys, "--prune-baseline", "known.json", "--drop-entries-of", "all-of-the-abov")
    assert "did you mean 'all-of-the-above'?" in capsys.readouterr().err


def test_the_summary_names_every_rule_turned_off_and_how_to_drop_their_entries():
    off = (("answer-run", 28), ("near-duplicate", 2))
    assert summary(Compared([], [], 0, off=off), Path("known.json"))[1] == (
        "30 baseline entries of answer-run and near-duplicate kept: the configuration turns "
        "them off, so they hide nothing until they are on again; to drop them (if they are "
        "off for good), run lint with --prune-baseline known.json --drop-entries-of "
        "answer-run,near-duplicate."
    )
