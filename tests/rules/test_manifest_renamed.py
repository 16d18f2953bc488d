"""A section file renamed without its id and its manifest entry: both findings say so,
and either fix they offer lints clean."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

MANIFEST = "id: b\ntitle: B\nsections: [technician-t1-t2, other]\n"


def _bank(tmp_path: Path, name: str) -> Path:
    other = QUESTION.replace("id: q1", "id: q2")
    files = {
        name: section_yaml(QUESTION, section_id="technician-t1-t2"),
        "02-other.yaml": section_yaml(other, section_id="other"),
    }
    return write_bank(tmp_path / "b", files, MANIFEST)


def _manifest_findings(root: Path) -> list[tuple[str, str, str | None]]:
    found = lint([root]).diagnostics
    return [(Path(d.path).name, d.message, d.hint) for d in found if d.rule == "manifest"]


@pytest.mark.parametrize("name", ["01-tech-t1-t2.yaml", "01-completely-new.yaml"])
def test_both_findings_say_the_file_was_renamed_and_how_to_undo_it(
    tmp_path: Path, name: str
) -> None:
    [(file, message, hint), (manifest, entry, entry_hint)] = _manifest_findings(
        _bank(tmp_path, name)
    )
    assert (file, manifest) == (name, "bank.yaml")
    assert message.endswith("its id 'technician-t1-t2' is (line 3): the file was renamed")
    assert entry == f"section 'technician-t1-t2' has no file: {name} has its id"
    for said in (hint, entry_hint):
        assert " to 01-technician-t1-t2.yaml" in (said or "")


def test_renaming_the_file_back_lints_clean(tmp_path: Path) -> None:
    root = _bank(tmp_path, "01-tech-t1-t2.yaml")
    (root / "01-tech-t1-t2.yaml").rename(root / "01-technician-t1-t2.yaml")
    assert _manifest_findings(root) == []


def test_renaming_the_section_as_the_hint_says_lints_clean(tmp_path: Path) -> None:
    root = _bank(tmp_path, "01-tech-t1-t2.yaml")
    manifest = root / "bank.yaml"
    manifest.write_text(MANIFEST.replace("technician-t1-t2", "tech-t1-t2"), encoding="utf-8")
    section = root / "01-tech-t1-t2.yaml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("id: technician-t1-t2", "id: tech-t1-t2"), encoding="utf-8")
    assert _manifest_findings(root) == []


@pytest.mark.parametrize("name", ["01_Tech notes.yaml", "01-tech.yml"])
def test_the_name_to_rename_to_keeps_the_order_number_and_ends_in_yaml(
    tmp_path: Path, name: str
) -> None:
    [(_, _, hint), *_] = _manifest_findings(_bank(tmp_path, name))
    assert (hint or "").startswith("rename it to 01-technician-t1-t2.yaml")


def test_an_entry_that_is_no_id_gets_no_file_name_to_rename_to(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("technician-t1-t2", "../amt")
    files = {
        "01-tech.yaml": section_yaml(QUESTION, section_id="tech").replace("id: tech", "id: ../amt")
    }
    root = write_bank(tmp_path / "b", files, manifest)
    assert not any("rename it to" in (hint or "") for *_, hint in _manifest_findings(root))


def test_a_section_file_saved_as_text_is_named_with_the_name_to_give_it(tmp_path: Path) -> None:
    """Notepad saves '01-technician-t1-t2.yaml.txt' and Explorer shows it without .txt:
    'create 01-technician-t1-t2.yaml' would name a file the author already sees."""
    root = _bank(tmp_path, "01-technician-t1-t2.yaml")
    (root / "01-technician-t1-t2.yaml").rename(root / "01-technician-t1-t2.yaml.txt")
    [(file, message, hint)] = _manifest_findings(root)
    assert file == "bank.yaml"
    assert message == (
        "section 'technician-t1-t2' has no file: 01-technician-t1-t2.yaml.txt is saved as text"
    )
    assert hint is not None and hint.startswith(
        "rename 01-technician-t1-t2.yaml.txt to 01-technician-t1-t2.yaml (Notepad adds .txt"
    )
    (root / "01-technician-t1-t2.yaml.txt").rename(root / "01-technician-t1-t2.yaml")
    assert _manifest_findings(root) == []  # the fix it offers lints clean


def test_a_name_with_a_space_before_its_number_keeps_the_number(tmp_path: Path) -> None:
    """' 01-technician-t1-t2.yaml' (a space typed before the name) is to be renamed
    01-technician-t1-t2.yaml, not technician-t1-t2.yaml, which loses its place in the
    order; the name is quoted, or the space cannot be seen."""
    [(_, message, hint), (_, entry, entry_hint)] = _manifest_findings(
        _bank(tmp_path, " 01-technician-t1-t2.yaml")
    )
    assert message.startswith("' 01-technician-t1-t2.yaml' is not listed in bank.yaml")
    assert hint == "rename it to 01-technician-t1-t2.yaml"
    assert entry == "section 'technician-t1-t2' has no file: ' 01-technician-t1-t2.yaml' has its id"
    assert entry_hint == "rename ' 01-technician-t1-t2.yaml' to 01-technician-t1-t2.yaml"


def test_an_unlisted_name_with_a_space_before_its_number_keeps_the_number(
    tmp_path: Path,
) -> None:
    other = section_yaml(QUESTION.replace("id: q1", "id: q2"), section_id="extra")
    root = _bank(tmp_path, "01-technician-t1-t2.yaml")
    (root / " 03-extra.yaml").write_text(other, encoding="utf-8")
    [(file, message, hint)] = _manifest_findings(root)
    assert (file, message) == (
        " 03-extra.yaml",
        "' 03-extra.yaml' is not listed in bank.yaml, and ' 03-extra' cannot be a section id",
    )
    assert hint == (
        "delete it, or rename it 03-extra.yaml and add 'extra' to the manifest's sections"
    )


def test_a_rename_of_the_case_alone_is_told_as_git_mv_in_a_git_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows and macOS git reads names in any case: '02-Amt.yaml' renamed in Explorer
    or Finder keeps its old name in git, local lint passes and CI fails again. git mv
    renames it in git too; outside a repository a rename is all there is."""
    monkeypatch.chdir(tmp_path)
    _bank(Path(), "01-Technician-T1-T2.yaml")
    assert main(["lint", "b"]) == 1
    outside = capsys.readouterr().out.splitlines()
    assert outside[1] == "    hint: rename it to 01-technician-t1-t2.yaml"
    subprocess.run(["git", "init", "-q"], check=True)
    assert main(["lint", "b"]) == 1
    git_mv = (
        "    hint: git mv b/01-Technician-T1-T2.yaml b/01-technician-t1-t2.yaml (the case "
        "alone differs: renamed any other way on Windows or macOS, the file keeps its old "
        "name in git)"
    )
    assert capsys.readouterr().out.splitlines() == [
        "b/01-Technician-T1-T2.yaml:1:1: error manifest 01-Technician-T1-T2.yaml is not "
        "listed in bank.yaml, but its id 'technician-t1-t2' is (line 3): the file was renamed",
        git_mv,
        "b/bank.yaml:3:12: error manifest section 'technician-t1-t2' has no file: "
        "01-Technician-T1-T2.yaml has its id",
        git_mv,
        "2 errors, 0 warnings.",
    ]
    subprocess.run(["git", "add", "b"], check=True)
    subprocess.run(shlex.split(git_mv.removeprefix("    hint: ").partition(" (")[0]), check=True)
    assert main(["lint", "b"]) == 0
