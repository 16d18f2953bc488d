"""``exambank new`` into a section file that is not there yet: the section is started with
the question and listed in the manifest, every other byte of which stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import exambank.scaffold
from exambank.cli import main
from exambank.lint import lint
from exambank.rewrite import NotSaved
from tests.conftest import QUESTION, section_yaml, write_bank

NEW_SECTION = """\
# yaml-language-server: $schema=../../schemas/section.schema.json
id: power
title: Power
questions:
  - id: p1
    stem: ""
    options:
      A: ""
      B: ""
      C: ""
      D: ""
    answer: []
    explanation: ""
"""

COMMENTED = """\
# yaml-language-server: $schema=../../schemas/manifest.schema.json
# The bank of the electrical course.
id: el
title: "Elektrotechnik"   # quoted on purpose
sections:   # in teaching order
  # the basics first
  - ohm     # Ohm's law
  -   kirchhoff
# later: magnetism
exam: Gesellenprüfung
"""


def _bank(tmp_path: Path, manifest: str) -> Path:
    root = tmp_path / "bank" / "el"
    write_bank(root, {"01-ohm.yaml": section_yaml(QUESTION, section_id="ohm")}, manifest)
    (root / "02-kirchhoff.yaml").write_text(section_yaml(section_id="kirchhoff"), "utf-8")
    return root


def _findings(bank: Path) -> set[tuple[str, str, str, str | None]]:
    return {(Path(d.path).name, d.rule, d.message, d.question) for d in lint([bank]).diagnostics}


def test_a_new_section_is_written_and_listed_and_lints_as_a_to_do_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _bank(tmp_path, COMMENTED)
    section = root / "03-power.yaml"
    assert main(["new", "p1", "--section", str(section)]) == 0
    assert section.read_text(encoding="utf-8") == NEW_SECTION
    assert (root / "bank.yaml").read_text(encoding="utf-8") == COMMENTED.replace(
        "  -   kirchhoff\n", "  -   kirchhoff\n  -   power\n"
    )
    out = capsys.readouterr().out
    assert f"started section {section}, listed in {root / 'bank.yaml'}, with question p1" in out
    assert _findings(root) == {
        ("03-power.yaml", "empty-text", "stem is blank", "p1"),
        *(("03-power.yaml", "empty-text", f"option {x} is blank", "p1") for x in "ABCD"),
        ("03-power.yaml", "empty-text", "explanation is blank", "p1"),
        ("03-power.yaml", "answer-count", "answer is not set yet", "p1"),
    }


@pytest.mark.parametrize(
    ("language", "title"),
    [("language: de\n", "Erste Hilfe"), ("language: de-AT\n", "Erste Hilfe"), ("", "Erste hilfe")],
)
def test_a_new_sections_title_follows_the_banks_language(
    tmp_path: Path, language: str, title: str
) -> None:
    """German capitalises every noun, as init's titles do (review DE/ES teacher, B)."""
    root = _bank(tmp_path, f"id: el\ntitle: E\n{language}sections: [ohm, kirchhoff]\n")
    section = root / "03-erste-hilfe.yaml"
    assert main(["new", "p1", "--section", str(section)]) == 0
    assert section.read_text(encoding="utf-8").splitlines()[2] == f"title: {title}"


@pytest.mark.parametrize(
    ("sections", "listed"),
    [
        ("sections: [ohm, kirchhoff]  # two\n", "sections: [ohm, kirchhoff, power]  # two\n"),
        (
            "sections: [\n  ohm,\n  kirchhoff,\n]\n",
            "sections: [\n  ohm,\n  kirchhoff,\n  power,\n]\n",
        ),
        ("sections:\n- ohm\n- kirchhoff\n", "sections:\n- ohm\n- kirchhoff\n- power\n"),
        ("sections: []  # none yet\n", "sections:  # none yet\n  - power\n"),
        ("sections:\n", "sections:\n  - power\n"),
        ("sections: ~\n", "sections:\n  - power\n"),
        ("sections: [ohm, kirchhoff, power]\n", "sections: [ohm, kirchhoff, power]\n"),
        ("sections: [ohm]\n", "sections: [ohm, bank]\n"),  # a section may be called 'bank'
        ("sections: [ohm, {a: b}]\n", "sections: [ohm, {a: b}, power]\n"),  # lint says more
    ],
)
def test_the_manifests_list_grows_as_it_is_written(
    tmp_path: Path, sections: str, listed: str
) -> None:
    head = "id: el\ntitle: E\n"
    root = _bank(tmp_path, head + sections + "exam: X\n")
    name = "03-bank.yaml" if "bank" in listed else "03-power.yaml"
    assert main(["new", "p1", "--section", str(root / name)]) == 0
    assert (root / "bank.yaml").read_text(encoding="utf-8") == head + listed + "exam: X\n"
    assert (root / name).is_file()


def test_line_ends_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    manifest = "id: el\r\ntitle: E\r\nsections:\r\n  - ohm\r\n  - kirchhoff\r\n"
    root = _bank(tmp_path, manifest)
    (root / "bank.yaml").write_bytes(b"\xef\xbb\xbf" + manifest.encode())
    assert main(["new", "p1", "--section", str(root / "power.yaml")]) == 0
    assert (root / "bank.yaml").read_bytes() == b"\xef\xbb\xbf" + (
        manifest + "  - power\r\n"
    ).encode("utf-8")


def test_the_first_line_follows_the_manifests(tmp_path: Path) -> None:
    manifest = "# yaml-language-server: $schema=../../../s/manifest.schema.json\nid: el\n"
    root = _bank(tmp_path, manifest + "title: E\nsections: [ohm, kirchhoff]\n")
    section = root / "03-power.yaml"
    assert main(["new", "p1", "--section", str(section)]) == 0
    assert section.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../s/section.schema.json\nid: power\n"
    )


@pytest.mark.parametrize(
    ("name", "manifest", "message"),
    [
        ("03-Power.yaml", None, "03-Power.yaml: name a new section file <nn>-<section-id>.yaml"),
        ("03-.yaml", None, "single hyphens, e.g. 04-hardware.yaml"),  # no id to suggest
        ("03-power.yaml.txt", None, "/03-power.yaml?"),  # Notepad's .txt
        ("03-Netz werk.yml", None, "/03-netz-werk.yaml?"),
        ("power.yml", None, "name a new section file"),
        ("03-power.yaml.yaml", None, "/03-power.yaml?"),  # '.yaml' typed twice
        (".yaml", None, "single hyphens, e.g. 04-hardware.yaml"),  # not 'yaml.yaml'
        # never the manifest's name, which 'new' refuses as a section
        ("bank.yml", None, "bank.yml is the manifest's name, bank.yaml, misspelt: name a new"),
        ("bank.yaml.txt", None, "single hyphens, e.g. 04-hardware.yaml"),
        ("04-sécurité.yaml", None, "04-securite.yaml?"),
        ("05-ohm.yaml", None, "05-ohm.yaml: section 'ohm' is in "),
        ("03-power.yaml", "id: el\ntitle: E\nsections: ohm\n", "bank.yaml:3:11: 'sections' is"),
        ("03-power.yaml", 'id: el\ntitle: E\nsections: ""\n', "bank.yaml:3:11: 'sections' is"),
        ("03-power.yaml", "id: el\ntitle: E\n", "bank.yaml:1:1: it has no 'sections' list"),
        ("03-power.yaml", "id: el\ntitle: [\n", "bank.yaml:3:1: "),
    ],
)
def test_refusals_exit_2_and_write_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    manifest: str | None,
    message: str,
) -> None:
    root = _bank(tmp_path, manifest or "id: el\ntitle: E\nsections: [ohm, kirchhoff]\n")
    before = {path.name: path.read_bytes() for path in root.iterdir()}
    assert main(["new", "p1", "--section", str(root / name)]) == 2
    assert message in capsys.readouterr().err
    assert {path.name: path.read_bytes() for path in root.iterdir()} == before


@pytest.mark.parametrize("ending", ["/", "/."])
def test_a_section_named_with_a_folder_s_slash_is_refused_not_started(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    root = _bank(tmp_path, "id: el\ntitle: E\nsections: [ohm, kirchhoff]\n")
    before = {path.name: path.read_bytes() for path in root.iterdir()}
    with pytest.raises(SystemExit) as stop:  # a shell completes a folder's name with '/'
        main(["new", "p1", "--section", f"{root}/03-power.yaml{ending}"])
    assert stop.value.code == 2
    assert (
        f"{root}/03-power.yaml{ending} ends in '{ending}', as a folder's name does: name the "
        f"section file, e.g. {root}/03-power.yaml\n"
    ) in capsys.readouterr().err
    assert {path.name: path.read_bytes() for path in root.iterdir()} == before


def test_a_question_id_the_bank_uses_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _bank(tmp_path, "id: el\ntitle: E\nsections: [ohm, kirchhoff]\n")
    assert main(["new", "q1", "--section", str(root / "03-power.yaml")]) == 2
    assert f"question id 'q1' is already used at {root / '01-ohm.yaml'}:4:9" in (
        capsys.readouterr().err
    )
    assert not (root / "03-power.yaml").exists()


def test_when_the_manifest_cannot_be_saved_the_new_section_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = "id: el\ntitle: E\nsections: [ohm, kirchhoff]\n"
    root = _bank(tmp_path, manifest)

    def refuse(rewrite: object) -> None:
        raise NotSaved("cannot write the file: Read-only file system")

    monkeypatch.setattr(exambank.scaffold, "save", refuse)
    assert main(["new", "p1", "--section", str(root / "03-power.yaml")]) == 3
    assert "bank.yaml: cannot write the file: Read-only file system" in capsys.readouterr().err
    assert not (root / "03-power.yaml").exists()
    assert (root / "bank.yaml").read_text(encoding="utf-8") == manifest


def test_a_section_file_of_the_longest_name_the_system_takes_is_written_and_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its temporary files were named after it, 14 characters longer: "File name too long".
    root = _bank(tmp_path, "id: el\ntitle: E\nsections: [ohm, kirchhoff]\n")
    section = root / f"03-{'x' * 247}.yaml"  # 255 bytes, the limit of most file systems
    assert main(["new", "p1", "--section", str(section)]) == 0  # started: its own name
    assert main(["new", "p2", "--section", str(section)]) == 0  # saved over: a new name
    section.write_text(section.read_text("utf-8").replace("stem: ", "stem:    "), "utf-8")
    assert main(["fmt", str(section)]) == 0
    assert "File name too long" not in capsys.readouterr().err
    text = section.read_text("utf-8")
    assert "- id: p1\n" in text and "- id: p2\n" in text and "stem:    " not in text
    assert sorted(path.name for path in root.iterdir()) == sorted(
        ["01-ohm.yaml", "02-kirchhoff.yaml", section.name, "bank.yaml"]
    )


ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives a file away"
)


@ROOT_ONLY
def test_a_section_root_starts_in_an_author_s_bank_is_the_author_s(tmp_path: Path) -> None:
    """Review s37-safety, 2a: `sudo exambank new`, or a root container on a bind mount,
    left the new section root's, so its author could not save it in place."""
    root = _bank(tmp_path, COMMENTED)
    for path in (root, root / "bank.yaml"):
        os.chown(path, 1000, 1000)
    assert main(["new", "p1", "--section", str(root / "03-power.yaml"), "--type", "multiple"]) == 0
    for path in (root / "03-power.yaml", root / "bank.yaml"):
        assert (path.stat().st_uid, path.stat().st_gid) == (1000, 1000), path.name


@ROOT_ONLY
def test_a_bank_root_starts_in_an_author_s_folder_is_the_author_s(tmp_path: Path) -> None:
    os.chown(tmp_path, 1000, 1000)
    assert main(["init", str(tmp_path / "bank" / "el"), "--title", "E", "--sections", "ohm"]) == 0
    made = [tmp_path / "bank", *sorted((tmp_path / "bank").rglob("*"))]
    assert [path.name for path in made] == ["bank", "el", "01-ohm.yaml", "bank.yaml"]
    assert {(path.stat().st_uid, path.stat().st_gid) for path in made} == {(1000, 1000)}
