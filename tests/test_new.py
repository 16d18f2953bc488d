"""``exambank new``: a question skeleton appended to a section, the rest of the file kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.lint import lint
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank

SKELETON = """\
  - id: {id}
    stem: ""
    options:
      A: ""
      B: ""
      C: ""
      D: ""
    answer: []
    explanation: ""
"""


def _bank(tmp_path: Path, text: str) -> Path:
    return write_bank(tmp_path / "bank", {"01-main.yaml": text}) / "01-main.yaml"


def test_skeleton_is_appended_and_the_file_is_otherwise_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "seed"
    shutil.copytree(SEED_BANK, bank)
    path = bank / "02-amt.yaml"
    original = path.read_text(encoding="utf-8")
    assert main(["new", "amt-q6", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == original + "\n" + SKELETON.format(id="amt-q6")
    assert "added question amt-q6" in capsys.readouterr().out
    new_problems = [d for d in lint([bank]).diagnostics if d.question == "amt-q6"]
    assert {(d.rule, d.message) for d in new_problems} == {
        ("empty-text", "stem is blank"),
        *(("empty-text", f"option {letter} is blank") for letter in "ABCD"),
        ("empty-text", "explanation is blank"),
        ("answer-count", "answer is not set yet"),
    }


def test_a_section_bank_yaml_does_not_list_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copied section file not yet in bank.yaml: lint checks only its form, so 'lint lists
    # what is still empty' would not hold; the author is told to list it.
    path = _bank(tmp_path, section_yaml(QUESTION))
    extra = path.with_name("02-extra.yaml")
    extra.write_text(section_yaml(QUESTION.replace("q1", "x1"), section_id="extra"), "utf-8")
    assert main(["new", "x2", "--section", str(extra)]) == 0
    said = capsys.readouterr().out
    assert "note: bank.yaml does not list section 'extra'" in said
    assert "list it in bank.yaml's sections" in said
    assert main(["new", "q2", "--section", str(path)]) == 0  # a listed one: as before
    assert "note:" not in capsys.readouterr().out


def test_a_copy_of_a_listed_section_is_told_to_take_an_id_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 04-kopie.yaml, copied from 01-main.yaml, still says 'id: main' (review DE): lint
    # reports it as a copy; new adds the question, and says how the copy becomes a section.
    path = _bank(tmp_path, section_yaml(QUESTION))
    copy = path.with_name("04-kopie.yaml")
    shutil.copyfile(path, copy)
    assert main(["new", "k1", "--section", str(copy)]) == 0
    assert capsys.readouterr().out == (
        f"added question k1 to {copy}; note: 04-kopie.yaml looks like a copy of 01-main.yaml "
        "(both have id 'main'), and bank.yaml does not list it, so lint checks only its "
        "form: to make it a new section, write 'id: kopie' in it (as its name says) and add "
        "'kopie' to bank.yaml's sections; then exambank lint lists what is still empty\n"
    )
    assert copy.read_text("utf-8") == path.read_text("utf-8") + "\n" + SKELETON.format(id="k1")
    [found] = [d for d in lint([copy.parent]).diagnostics if d.rule == "manifest"]
    assert "it looks like a copy of 01-main.yaml (both have id 'main')" in found.message


def test_a_section_file_is_listed_or_not_by_its_name_as_lint_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, section_yaml(QUESTION, section_id="other"))  # listed as 'main'
    assert main(["new", "q2", "--section", str(path)]) == 0
    assert "note:" not in capsys.readouterr().out  # lint checks it all, and reports its id
    renamed = path.rename(path.with_name("01-haupt.yaml"))
    renamed.write_text(section_yaml(QUESTION), "utf-8")  # 'id: main', listed; its name is not
    assert main(["new", "q3", "--section", str(renamed)]) == 0
    assert capsys.readouterr().out.endswith(
        "; note: bank.yaml lists its id 'main', but lint reads a section from the file named "
        "for it: rename it 01-main.yaml\n"
    )


def test_multiple_choice_skeleton_with_five_options(tmp_path: Path) -> None:
    path = _bank(tmp_path, section_yaml(QUESTION))
    assert main(["new", "q2", "--section", str(path), "--type", "multiple", "--options", "5"]) == 0
    assert path.read_text(encoding="utf-8").endswith(
        '  - id: q2\n    type: multiple\n    stem: ""\n    options:\n      A: ""\n      B: ""\n'
        '      C: ""\n      D: ""\n      E: ""\n    answer: []\n    explanation: ""\n'
    )


def test_comments_after_the_last_question_stay_at_the_end(tmp_path: Path) -> None:
    text = section_yaml(QUESTION, QUESTION.replace("q1", "q2")) + "# end of the section\n"
    path = _bank(tmp_path, text)
    assert main(["new", "q3", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        section_yaml(QUESTION, QUESTION.replace("q1", "q2"))
        + SKELETON.format(id="q3")
        + "# end of the section\n"
    )


def test_comments_after_the_last_key_stay_with_the_last_question(tmp_path: Path) -> None:
    own = "    # comment after last key\n    # and another\n"
    text = section_yaml(QUESTION) + own + "# end of the section\n"
    path = _bank(tmp_path, text)
    assert main(["new", "q2", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        section_yaml(QUESTION) + own + "\n" + SKELETON.format(id="q2") + "# end of the section\n"
    )


def test_a_section_without_questions_gets_a_list(tmp_path: Path) -> None:
    path = _bank(tmp_path, "# header\nid: main\ntitle: Main  # the title\n")
    assert main(["new", "q1", "--section", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        "# header\nid: main\ntitle: Main  # the title\nquestions:\n" + SKELETON.format(id="q1")
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["q1"], "question id 'q1' is already used at "),
        (["Q_1"], "'Q_1' is not a valid question id"),
        (["sécurité-q1"], "single hyphens; did you mean 'securite-q1'?"),
        # umlauts as German spells them without dots (review DE, finding 13)
        (["Übung-1"], "single hyphens; did you mean 'uebung-1'?"),
        (["netz-größe"], "single hyphens; did you mean 'netz-groesse'?"),
        (["网络"], "single hyphens, e.g. 'amt-q6'"),
        (["q2", "--options", "1"], "--options must be between 2 and 26"),
        (["q2", "--section", "bank.yaml"], "this is the bank's manifest"),
        (["q2", "--section", "sub/01-a.yaml"], "no such file, and "),
        (["q2", "--section", "sub/01-a.yaml"], "is no bank (no bank.yaml): exambank init "),
    ],
)
def test_refusals_exit_2_and_leave_the_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    path = _bank(tmp_path, section_yaml(QUESTION))
    before = path.read_bytes()
    if "--section" in arguments:
        arguments[-1] = str(path.parent / arguments[-1])
    else:
        arguments += ["--section", str(path)]
    assert main(["new", *arguments]) == 2
    assert message in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["Bank.yaml", "main.yaml"])
def test_the_manifest_by_another_name_gets_no_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # On a Mac's or Windows' file system 'Bank.yaml' is bank.yaml; a link is the same
    # file by any name. The manifest got a 'questions:' list appended.
    path = _bank(tmp_path, section_yaml(QUESTION))
    manifest = path.parent / "bank.yaml"
    before = manifest.read_bytes()
    (path.parent / name).symlink_to("bank.yaml")
    assert main(["new", "q2", "--section", str(path.parent / name)]) == 2
    assert "this is the bank's manifest; name a section file" in capsys.readouterr().err
    assert manifest.read_bytes() == before


def test_an_id_used_in_another_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(
        tmp_path / "bank",
        {"01-one.yaml": section_yaml(section_id="one"), "02-two.yaml": section_yaml(QUESTION)},
    )
    assert main(["new", "q1", "--section", str(root / "01-one.yaml")]) == 2
    assert f"already used at {root / '02-two.yaml'}:4:9" in capsys.readouterr().err


@pytest.mark.parametrize("written", ["  - id: q1", '  - id: "q1"  # the first', "    id: 'q1'"])
def test_an_id_in_a_file_yaml_cannot_read_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    # the file's questions cannot be read, but its text shows the id (review s23-maintainer #9)
    broken = f"id: two\ntitle: Two\nquestions:\n{written}\n    stem: [unclosed\n"
    root = write_bank(
        tmp_path / "bank",
        {"01-one.yaml": section_yaml(section_id="one"), "02-two.yaml": broken},
    )
    before = (root / "01-one.yaml").read_bytes()
    assert main(["new", "q1", "--section", str(root / "01-one.yaml")]) == 2
    assert (
        f"question id 'q1' seems used at {root / '02-two.yaml'}:4, in a file YAML cannot read"
        in capsys.readouterr().err
    )
    assert (root / "01-one.yaml").read_bytes() == before
    assert main(["new", "q11", "--section", str(root / "01-one.yaml")]) == 0  # another id


def test_files_that_are_not_sections_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "loose.yaml"
    loose.write_text(section_yaml(QUESTION), encoding="utf-8")
    assert main(["new", "q2", "--section", str(loose)]) == 2
    assert "not in a bank folder" in capsys.readouterr().err
    listing = _bank(tmp_path, "- just\n- a list\n")
    assert main(["new", "q2", "--section", str(listing)]) == 2
    assert "not a bank file" in capsys.readouterr().err
    broken = _bank(tmp_path, "id: main\ntitle: [\n")
    assert main(["new", "q2", "--section", str(broken)]) == 2
    assert f"{broken}:3:1:" in capsys.readouterr().err


def test_a_question_written_but_for_its_answer_is_not_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The author who forgets the answer gets it listed, and no key printed for it."""
    path = _bank(tmp_path, section_yaml(QUESTION))
    assert main(["new", "q2", "--section", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    filled = text.replace('stem: ""', "stem: Which port does SSH use?").replace(
        'explanation: ""', "explanation: SSH listens on port 22."
    )
    for letter, port in zip("ABCD", ("21", "22", "23", "25"), strict=True):
        filled = filled.replace(f'{letter}: ""', f"{letter}: Port {port}")
    path.write_text(filled, encoding="utf-8")
    found = [(d.rule, d.message) for d in lint([path.parent]).diagnostics if d.question == "q2"]
    assert found == [("answer-count", "answer is not set yet")]
    out = tmp_path / "dist"
    assert main(["build", str(path.parent), "--only", "json", "--out", str(out)]) == 1
    assert not out.exists()
    assert "answer is not set yet" in capsys.readouterr().out


@pytest.mark.parametrize("only", ["json,csv", "pdf"])
def test_an_unset_answer_whose_rule_is_switched_off_is_refused_by_build_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], only: str
) -> None:
    """With answer-count ignored, lint passes 'answer: []'; build says where and why
    (review s21 diff #1: an internal error for the exports, "Choose 0 answers." in print)."""
    unset = QUESTION.replace("answer: A", "answer: []").replace(
        "explanation:", "lint: {ignore: [answer-count], reason: drafting}\nexplanation:"
    )
    path = _bank(tmp_path, section_yaml(unset))
    assert lint([path.parent]).diagnostics == []
    out = tmp_path / "dist"
    assert main(["build", str(path.parent), "--only", only, "--out", str(out)]) == 2
    assert not out.exists()
    error = capsys.readouterr().err
    assert f"{path}:" in error and "question q1: answer is not set yet" in error, error


@pytest.mark.parametrize("configured", ["pyproject.toml", "--config"])
def test_a_section_over_max_file_bytes_is_refused_as_lint_reports_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    configured: str,
) -> None:
    """`new` read a file lint refuses (file-size) and on 50 MB ran for over 15 minutes
    (review s35-hostile #3)."""
    monkeypatch.chdir(tmp_path)
    config = tmp_path / ("pyproject.toml" if configured == "pyproject.toml" else "limit.toml")
    config.write_text("[tool.exambank]\nmax-file-bytes = 300\n", encoding="utf-8")
    path = _bank(tmp_path, section_yaml(QUESTION, QUESTION.replace("q1", "q2")))
    path = path.relative_to(tmp_path)  # as lint names it
    before = path.read_bytes()
    given = ["--config", str(config)] if configured == "--config" else []
    assert main(["lint", str(path.parent), "--format", "json", *given]) == 1
    [said] = json.loads(capsys.readouterr().out)
    assert (said["path"], said["rule"]) == (str(path), "file-size")
    assert main(["new", "q9", "--section", str(path), *given]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {path}:1:1: {said['message']}; {said['hint']}\n"
    )
    assert path.read_bytes() == before
