"""A bank file larger than ``max-file-bytes`` is a ``file-size`` error at its line 1 and is
never read: lint, build and stats check the other files; fmt and lint --fix leave it byte
for byte as it is. The limit is set tiny in each test: no test writes a large file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.rules import RULES
from tests.conftest import QUESTION, section_yaml, write_bank

LIMIT = 1_000
# Over LIMIT, with a flaw lint would report (answer E) and a suppression of file-size
# itself, neither of which counts: the file is never read.
BIG = section_yaml(
    QUESTION,
    QUESTION.replace("q1", "q2").replace("answer: A", "answer: E")
    + 'lint: {ignore: [file-size], reason: "a big file"}\n',
    QUESTION.replace("q1", "q3"),
    QUESTION.replace("q1", "q4"),
    section_id="big",
)
# Within LIMIT, not in fmt's layout (title before id), with a flaw lint reports.
SMALL = section_yaml(
    QUESTION.replace("q1", "s1").replace("answer: A", "answer: F"), section_id="small"
).replace("id: small\ntitle: Main\n", "title: Small\nid: small\n")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose pyproject.toml sets the limit, holding bank/b with one section
    file over it (01-big.yaml) and one within it (02-small.yaml); the working folder."""
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.exambank]\nmax-file-bytes = {LIMIT}\n", encoding="utf-8"
    )
    write_bank(tmp_path / "bank" / "b", {"01-big.yaml": BIG, "02-small.yaml": SMALL})
    monkeypatch.chdir(tmp_path)
    return tmp_path


BIG_PATH = Path("bank/b/01-big.yaml")
SMALL_PATH = Path("bank/b/02-small.yaml")


def test_the_test_files_are_on_either_side_of_the_limit() -> None:
    assert len(BIG.encode("utf-8")) > LIMIT >= len(SMALL.encode("utf-8"))


def test_lint_reports_the_file_at_line_1_with_its_size_and_checks_the_others(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    in_big = [item for item in found if item["path"] == str(BIG_PATH)]
    size = BIG_PATH.stat().st_size
    assert [(item["rule"], item["line"], item["column"]) for item in in_big] == [
        ("file-size", 1, 1)
    ]
    [item] = in_big
    assert item["severity"] == "error"
    assert f"the file is {size:,} bytes, over the limit of {LIMIT:,} bytes" in item["message"]
    assert "split its questions into more section files" in item["hint"]
    assert "raise max-file-bytes in [tool.exambank] of pyproject.toml" in item["hint"]
    # the file within the limit is still checked, in the same run
    assert any(
        item["path"] == str(SMALL_PATH) and item["rule"] == "answer-not-in-options"
        for item in found
    )


def test_the_text_report_names_the_file_and_the_fix(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert f"{BIG_PATH}:1:1: error file-size the file is " in out
    assert "or raise max-file-bytes in [tool.exambank]" in out


def test_a_manifest_over_the_limit_is_reported_and_the_sections_still_checked(
    tmp_path: Path,
) -> None:
    manifest = "id: b\ntitle: B\nsections: [small]\n# " + "x" * 400 + "\n"
    root = write_bank(tmp_path / "b", {"01-small.yaml": SMALL}, manifest)
    found = lint([root], Config(max_file_bytes=300)).diagnostics
    assert [(d.rule, d.line, d.column) for d in found if d.path.endswith("bank.yaml")] == [
        ("file-size", 1, 1)
    ]
    [said] = [d for d in found if d.rule == "file-size"]
    assert said.hint is not None and "a manifest holds" in said.hint
    assert "answer-not-in-options" in {d.rule for d in found if d.path.endswith("small.yaml")}


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    root = write_bank(tmp_path / "b", {"01-small.yaml": SMALL})
    size = (root / "01-small.yaml").stat().st_size
    at_limit = lint([root], Config(max_file_bytes=size)).diagnostics
    assert "file-size" not in {d.rule for d in at_limit}
    assert "answer-not-in-options" in {d.rule for d in at_limit}
    over = lint([root], Config(max_file_bytes=size - 1)).diagnostics
    assert [d.rule for d in over if d.path.endswith("01-small.yaml")] == ["file-size"]


def test_the_default_limit_reads_every_file_of_a_real_sized_bank(tmp_path: Path) -> None:
    assert Config().max_file_bytes == 5_000_000
    assert f"{Config().max_file_bytes:,} bytes" in RULES["file-size"].doc()  # its page says so
    root = write_bank(tmp_path / "b", {"01-big.yaml": BIG})
    assert "file-size" not in {d.rule for d in lint([root]).diagnostics}


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["fmt"], "cannot format"),
        (["fmt", "--check"], "cannot format"),
        (["fmt", "--diff"], "cannot format"),
        (["lint", "--fix"], "not fixed"),
    ],
)
def test_fmt_and_fix_leave_the_file_byte_for_byte_and_do_the_others(
    repo: Path, capsys: pytest.CaptureFixture[str], command: list[str], said: str
) -> None:
    big = BIG_PATH.read_bytes()
    assert main(command) == 1
    err = capsys.readouterr().err
    assert f"{BIG_PATH}:1:1: {said}: the file is {len(big):,} bytes, over the limit" in err
    assert "Traceback" not in err and "internal error" not in err
    assert BIG_PATH.read_bytes() == big
    if command == ["fmt"]:  # the file within the limit is formatted all the same
        assert SMALL_PATH.read_text(encoding="utf-8").startswith("id: small\ntitle: Small\n")
        assert "1 reformatted, 1 unchanged, 1 not formatted" in err


def test_fmt_check_reports_the_file_to_a_ci(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert f"::error file={BIG_PATH},line=1,col=1," in out
    assert "the file is " in out


def test_fmt_takes_the_config_option_and_refuses_a_bad_one(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = BIG_PATH.read_bytes()
    roomy = repo / "roomy.toml"
    roomy.write_text("[tool.exambank]\nmax-file-bytes = 1_000_000\n", encoding="utf-8")
    assert main(["fmt", "--check", "--config", str(roomy), str(BIG_PATH)]) == 1
    assert f"would reformat {BIG_PATH}" in capsys.readouterr().err  # read: within 1 MB
    (repo / "pyproject.toml").write_text("[tool.exambank]\nmax-file-bytes = -1\n", "utf-8")
    assert main(["fmt", "bank"]) == 2
    assert "'max-file-bytes' must be above 0, not -1" in capsys.readouterr().err
    assert BIG_PATH.read_bytes() == big


def test_build_refuses_the_bank(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--only", "json", "--out", str(repo / "dist")]) == 1
    said = capsys.readouterr()
    assert f"{BIG_PATH}:1:1: error file-size" in said.out and "nothing built" in said.err
    assert not (repo / "dist").exists()


def test_stats_counts_none_of_the_file_s_questions(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert f"{BIG_PATH}: could not be read (file-size at 1:1), its questions are not counted" in out
    assert ": 1 question" in out


@pytest.mark.parametrize("form", ["github", "json"])
def test_fmt_reports_a_bad_limit_to_a_ci_as_lint_does(
    repo: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    # A CI reading fmt's stdout gets the mistake in pyproject.toml, at its line, not nothing.
    (repo / "pyproject.toml").write_text("[tool.exambank]\nmax-file-bytes = -1\n", "utf-8")
    assert main(["fmt", "--check", "--format", form]) == 2
    out = capsys.readouterr().out
    if form == "github":
        assert out.startswith("::error file=pyproject.toml,line=2,")
    else:
        (item,) = json.loads(out)
        assert (item["path"], item["line"]) == ("pyproject.toml", 2)
    assert "'max-file-bytes' must be above 0, not -1" in out
