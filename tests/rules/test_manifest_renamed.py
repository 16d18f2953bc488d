"""A section file renamed without its id and its manifest entry: both findings say so,
and either fix they offer lints clean."""

from __future__ import annotations

from pathlib import Path

import pytest

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
