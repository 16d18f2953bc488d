"""Section files the manifest does not list: a stray copy, a misnamed file, a new section.

Such a file is no part of the bank: it is reported, an id it reuses is reported in it (not
in the listed original), and its questions are neither checked nor counted nor built.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

MANIFEST = "id: test-bank\ntitle: Test\nsections: [one]\n"


def keyed_a(number: int) -> str:
    """A question whose key is A, with its own id and stem."""
    return QUESTION.replace("id: q1", f"id: q{number}").replace("Which", f"({number}) Which")


ONE = section_yaml(keyed_a(1), keyed_a(2), section_id="one")


def lint_output(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    main(["lint", str(root), *options])
    return capsys.readouterr().out.splitlines()


def test_a_copy_is_named_as_one_and_takes_the_blame_for_its_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-one.yaml": ONE, "01-one copy.yaml": ONE}, MANIFEST)
    assert main(["lint", "b"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "b/01-one copy.yaml:1:1: error manifest 01-one copy.yaml is not listed in bank.yaml; "
        "it looks like a copy of 01-one.yaml (both have id 'one')",
        "    hint: delete the copy; for a new section, give it an id of its own, name the file "
        "for it and add the id to the manifest's sections",
        "b/01-one copy.yaml:1:5: error duplicate-id section id 'one' is already used at "
        "b/01-one.yaml:1",
        "    hint: the file is not listed in bank.yaml: delete it if it is a copy, else give "
        "each section and question its own id",
        "b/01-one copy.yaml:4:9: error duplicate-id question id 'q1' is already used at "
        "b/01-one.yaml:4",
        "    hint: the file is not listed in bank.yaml: delete it if it is a copy, else give "
        "each section and question its own id",
        "b/01-one copy.yaml:13:9: error duplicate-id question id 'q2' is already used at "
        "b/01-one.yaml:13",
        "    hint: the file is not listed in bank.yaml: delete it if it is a copy, else give "
        "each section and question its own id",
        "4 errors, 0 warnings.",
        "by rule: duplicate-id 3, manifest 1",
    ]


def test_a_copy_with_a_valid_name_is_still_a_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(tmp_path / "b", {"01-one.yaml": ONE, "01-one-copy.yaml": ONE}, MANIFEST)
    lines = lint_output(root, capsys, "--format", "json")
    [manifest] = [item for item in json.loads("\n".join(lines)) if item["rule"] == "manifest"]
    assert manifest["path"].endswith("01-one-copy.yaml")
    assert manifest["message"] == (
        "01-one-copy.yaml is not listed in bank.yaml; it looks like a copy of 01-one.yaml "
        "(both have id 'one')"
    )


def test_a_file_renamed_away_from_its_listed_id_is_told_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(tmp_path / "b", {"01-one copy.yaml": ONE}, MANIFEST)
    lines = lint_output(root, capsys)
    at = lines.index(
        f"{root}/01-one copy.yaml:1:1: error manifest 01-one copy.yaml is not listed in "
        "bank.yaml, but its id 'one' is (line 3): the file was renamed"
    )
    assert lines[at + 1] == "    hint: rename it to 01-one.yaml"  # 'one copy' is no id


@pytest.mark.parametrize(
    ("name", "section_id", "hint"),
    [
        (  # the file's own id is a free slug: rename the file for it
            "02-New Section.yaml",
            "new-section",
            "delete it, or rename it 02-new-section.yaml and add 'new-section' to the "
            "manifest's sections",
        ),
        (  # no usable id in the file: one made from the name, to set in it too
            "02-New Section.yaml",
            "New_Section",
            "delete it, or rename it 02-new-section.yaml, set 'id: new-section' in it and "
            "add 'new-section' to the manifest's sections",
        ),
        (  # a valid name: list it, as before
            "02-two.yaml",
            "two",
            "add 'two' to the manifest's sections, or delete the file",
        ),
    ],
)
def test_an_invalid_name_is_never_suggested_as_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, section_id: str, hint: str
) -> None:
    other = section_yaml(keyed_a(3), section_id=section_id)
    root = write_bank(tmp_path / "b", {"01-one.yaml": ONE, name: other}, MANIFEST)
    lines = lint_output(root, capsys)
    [at] = [index for index, line in enumerate(lines) if " error manifest " in line]
    assert lines[at].startswith(f"{root}/{name}:1:1: error manifest {name} is not listed")
    if name == "02-New Section.yaml":
        assert lines[at].endswith(
            "is not listed in bank.yaml, and 'New Section' cannot be a section id"
        )
    assert lines[at + 1] == f"    hint: {hint}"


def test_every_unlisted_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sections = {
        "01-one.yaml": ONE,
        "02-extra.yaml": section_yaml(keyed_a(3), section_id="extra"),
        "03-extra.yaml": section_yaml(keyed_a(4), section_id="extra"),
    }
    root = write_bank(tmp_path / "b", sections, MANIFEST)
    lines = lint_output(root, capsys)
    reported = [line.split(":")[0] for line in lines if " error manifest " in line]
    assert reported == [f"{root}/02-extra.yaml", f"{root}/03-extra.yaml"]


def test_unlisted_questions_are_neither_checked_nor_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Listed: the key is A three times in a row, one short of an answer-run. The unlisted
    # file would make it four, and holds a question whose answer names no option.
    broken = keyed_a(5).replace("answer: A", "answer: E")
    sections = {
        "01-one.yaml": section_yaml(keyed_a(1), keyed_a(2), keyed_a(3), section_id="one"),
        "02-draft.yaml": section_yaml(keyed_a(4), broken, section_id="draft"),
    }
    root = write_bank(tmp_path / "b", sections, MANIFEST)
    lines = lint_output(root, capsys)
    assert [line for line in lines if not line.startswith("    ")] == [
        f"{root}/02-draft.yaml:1:1: error manifest 02-draft.yaml is not listed in bank.yaml",
        "1 error, 0 warnings.",
    ]


def test_the_build_prints_the_listed_sections_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sections = {"01-one.yaml": ONE, "02-draft.yaml": section_yaml(keyed_a(3), section_id="draft")}
    write_bank(Path("bank") / "b", sections, MANIFEST)
    Path("pyproject.toml").write_text('[tool.exambank]\nignore = ["manifest"]\n', encoding="utf-8")
    assert main(["lint"]) == 0
    assert capsys.readouterr().out.splitlines() == ["No problems found."]
    assert main(["build", "--only", "json", "--out", "dist"]) == 0
    document = json.loads(Path("dist/test-bank/test-bank.json").read_text(encoding="utf-8"))
    assert [section["id"] for section in document["sections"]] == ["one"]


# YAML files in no bank: nothing reads them, so they are reported rather than passed over.


def folder_of_banks(root: Path) -> Path:
    """``root/bank`` holding the bank ``b`` with one listed section."""
    write_bank(root / "bank" / "b", {"01-one.yaml": ONE}, MANIFEST)
    return root / "bank"


def test_a_bank_with_a_misnamed_manifest_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    write_bank(Path("bank/new"), {"01-one.yaml": ONE}, MANIFEST)
    Path("bank/new/bank.yaml").rename("bank/new/bank.yml")
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "bank/new/01-one.yaml:1:1: error manifest 01-one.yaml is in no bank "
        "(no bank.yaml in its folder or above it)",
        "    hint: rename bank.yml to bank.yaml: a bank's manifest is read by that name only",
        "bank/new/bank.yml:1:1: error manifest bank.yml is not read: a bank's manifest must "
        "be named bank.yaml",
        "    hint: rename it to bank.yaml",
        "2 errors, 0 warnings.",
    ]
    assert main(["lint", "bank/new"]) == 2  # named alone, it is no bank at all
    assert "rename bank/new/bank.yml to bank.yaml" in capsys.readouterr().err


def test_a_file_beside_the_banks_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("bank/02-two.yaml").write_text(section_yaml(keyed_a(2), section_id="two"), "utf-8")
    assert main(["build", "--only", "json", "--out", "dist"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "bank/02-two.yaml:1:1: error manifest 02-two.yaml is in no bank "
        "(no bank.yaml in its folder or above it)"
    )
    assert not Path("dist").exists()


def test_hidden_folders_environments_and_a_banks_own_folders_are_not_searched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    banks = folder_of_banks(tmp_path)
    for place in (".github/workflows/ci.yml", "venv/lib/x.yaml", "node_modules/m/x.yaml"):
        (banks / place).parent.mkdir(parents=True)
        (banks / place).write_text("a: 1\n", encoding="utf-8")
    (banks / ".draft.yaml").write_text("a: 1\n", encoding="utf-8")
    (banks / "b" / "drafts").mkdir()
    (banks / "b" / "drafts" / "01-one.yaml").write_text(ONE, encoding="utf-8")
    assert lint_output(banks, capsys) == ["No problems found."]
    (banks / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    assert lint_output(banks, capsys)[-1] == "1 error, 0 warnings."


def test_a_file_kept_out_of_the_banks_on_purpose_can_be_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("bank/retired").mkdir()
    Path("bank/retired/01-one.yaml").write_text(ONE, encoding="utf-8")
    Path("pyproject.toml").write_text(
        '[tool.exambank.per-file-ignores]\n"bank/retired/*.yaml" = ["manifest"]\n', "utf-8"
    )
    assert main(["lint"]) == 0
    assert capsys.readouterr().out.splitlines() == ["No problems found."]


def test_a_bank_in_a_hidden_or_tool_folder_is_no_bank_of_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    banks = folder_of_banks(tmp_path)
    unformatted = (
        "id:   vendored\ntitle: Vendored\nsections: [missing]\n"  # an error, badly laid out
    )
    for place in (".venv/lib/pkg", "node_modules/pkg"):
        (banks / place).mkdir(parents=True)
        (banks / place / "bank.yaml").write_text(unformatted, encoding="utf-8")
    assert lint_output(banks, capsys) == ["No problems found."]
    assert main(["fmt", str(banks)]) == 0
    for place in (".venv/lib/pkg", "node_modules/pkg"):
        assert (banks / place / "bank.yaml").read_text(encoding="utf-8") == unformatted


def test_yaml_beside_the_folder_of_banks_is_not_a_banks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'exambank lint .' in a repository: its mkdocs.yml and docs are no bank's files."""
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/nav.yaml").write_text("a: 1\n", encoding="utf-8")
    assert main(["lint", "."]) == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_a_stray_file_is_reported_once_however_its_folder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("bank/notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert main(["lint", "bank", str(tmp_path / "bank")]) == 1
    assert capsys.readouterr().out.count("notes.yaml is in no bank") == 1


def test_a_section_file_named_in_capitals_is_read_as_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(tmp_path / "b", {"01-one.YAML": ONE}, MANIFEST)
    assert lint_output(root, capsys) == ["No problems found."]
    (root / "01-one.YAML").write_text(ONE.replace("answer: A", "answer: Z", 1), "utf-8")
    assert "answer-not-in-options" in "\n".join(lint_output(root, capsys))


@pytest.mark.parametrize(
    ("make", "message", "hint"),
    [
        (
            lambda bank: (bank / "bank.yaml").rename(bank / "bank.yml"),
            "the folder has no bank.yaml",
            "rename bank.yml to bank.yaml: a bank's manifest is read by that name only",
        ),
        (
            lambda bank: ((bank / "bank.yaml").unlink(), (bank / "bank.yaml").symlink_to("gone")),
            "the folder's bank.yaml is a link that leads nowhere",
            "point the link at the bank's manifest, or replace it with the file",
        ),
        (
            lambda bank: ((bank / "bank.yaml").unlink(), (bank / "bank.yaml").mkdir()),
            "the folder's bank.yaml is a folder, not a file",
            "move the folder away and write the manifest there: id, title and sections",
        ),
    ],
)
def test_a_file_of_a_bank_without_a_readable_manifest_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message, hint
) -> None:
    bank = write_bank(tmp_path / "b", {"01-one.yaml": ONE}, MANIFEST)
    make(bank)
    lines = lint_output(bank / "01-one.yaml", capsys)
    [there] = [entry for entry in bank.iterdir() if entry.stem == "bank"]  # no missing file
    at = lines.index(f"{there}:1:1: error manifest {message}")
    assert lines[at + 1] == f"    hint: {hint}"


def test_a_bank_whose_manifest_is_a_folder_is_named_so_wherever_it_is_linted_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("bank/new/bank.yaml").mkdir(parents=True)
    Path("bank/new/01-one.yaml").write_text(ONE, "utf-8")
    problem = "the folder's bank.yaml is a folder, not a file"
    assert main(["lint", "bank"]) == 1  # from the folder of banks: its file is reported
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"bank/new/01-one.yaml:1:1: error manifest 01-one.yaml is in no bank: {problem}",
        "    hint: replace it with a manifest file: id, title and the list of sections",
    ]
    assert main(["lint", "bank/new"]) == 1  # named alone: a bank, reported at its manifest
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"bank/new/bank.yaml:1:1: error manifest {problem}",
        "    hint: move the folder away and write the manifest there: id, title and sections",
    ]


def test_a_file_in_no_bank_is_reported_at_itself_as_it_is_beside_the_banks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section saved in the wrong folder: no 'bank.yaml' that does not exist is blamed,
    and the YAML beside it (no bank's) is not read as a bank's file."""
    monkeypatch.chdir(tmp_path)
    Path("04-hardware.yaml").write_text(ONE, "utf-8")
    Path("docker-compose.yml").write_text("services: {}\n", "utf-8")
    assert main(["lint", "04-hardware.yaml"]) == 1
    alone = capsys.readouterr().out.splitlines()
    assert alone[0] == (
        "04-hardware.yaml:1:1: error manifest 04-hardware.yaml is in no bank "
        "(no bank.yaml in its folder or above it)"
    )
    assert alone[2:] == ["1 error, 0 warnings."]
    folder_of_banks(Path())
    Path("bank/04-hardware.yaml").write_text(ONE, "utf-8")
    assert main(["lint", "bank"]) == 1
    assert capsys.readouterr().out.splitlines() == ["bank/" + alone[0], alone[1], alone[2]]
    assert main(["build", "04-hardware.yaml", "--out", "dist"]) == 1
    assert not Path("dist").exists()


def test_a_file_in_a_folder_below_a_bank_is_told_which_bank_is_above(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-one.yaml": ONE}, MANIFEST)
    Path("b/drafts").mkdir()
    Path("b/drafts/02-two.yaml").write_text(ONE, "utf-8")
    assert main(["lint", "b/drafts/02-two.yaml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "b/drafts/02-two.yaml:1:1: error manifest 02-two.yaml is in no bank: b/bank.yaml "
        "reads only the files beside it",
        "    hint: move it beside b/bank.yaml and list it there; nothing checks or builds it here",
        "1 error, 0 warnings.",
    ]


@pytest.mark.parametrize(
    ("lose", "blamed"),
    [
        (lambda bank: (bank / "bank.yaml").unlink(), ["bank/b/01-one.yaml"]),
        (
            lambda bank: (bank / "bank.yaml").rename(bank / "bank.yml"),
            ["bank/b/01-one.yaml", "bank/b/bank.yml"],
        ),
    ],
)
def test_the_only_bank_that_lost_its_manifest_is_reported_at_its_files(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lose,
    blamed: list[str],
) -> None:
    # A pull request deletes or renames the manifest of the repository's one bank: CI gets
    # file:line:col findings and exit 1, as it would beside a second bank, not a usage error.
    monkeypatch.chdir(tmp_path)
    lose(folder_of_banks(Path()) / "b")
    for command in (["lint"], ["lint", "bank"], ["build", "--out", "dist"]):
        assert main(command) == 1
        out = capsys.readouterr().out
        for path in blamed:
            assert f"{path}:1:1: error manifest " in out
    assert not Path("dist").exists()
    assert main(["lint", "bank/b"]) == 2  # named alone, it is no bank at all
    assert "bank/b: no bank here" in capsys.readouterr().err


def test_fmt_names_the_files_of_the_only_bank_that_lost_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'fmt --check' in CI must not pass with nothing formatted beside a failing lint: it
    # names each file in no bank and fails, and leaves the files as they were.
    monkeypatch.chdir(tmp_path)
    (folder_of_banks(Path()) / "b" / "bank.yaml").unlink()
    before = Path("bank/b/01-one.yaml").read_bytes()
    for command in (["fmt"], ["fmt", "--check"], ["fmt", "bank"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "bank/b/01-one.yaml:1:1: not formatted: the file is in no bank" in err
        assert err.endswith("0 unchanged, 1 not formatted\n")
    assert main(["fmt", "--check", "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert (finding["path"], finding["line"], finding["rule"]) == ("bank/b/01-one.yaml", 1, "fmt")
    assert Path("bank/b/01-one.yaml").read_bytes() == before


def test_a_folder_of_banks_with_no_yaml_in_it_is_still_no_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bank/b").mkdir(parents=True)
    Path("bank/b/notes.md").write_text("# not a bank\n", "utf-8")
    assert main(["lint"]) == 2
    assert "bank: no bank here" in capsys.readouterr().err


def test_a_bank_whose_folder_is_a_link_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The search follows no link to a folder; a bank linked in is named, not left unchecked.
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path("repo"))
    write_bank(Path("elsewhere/q"), {"01-one.yaml": ONE}, MANIFEST.replace("test-bank", "q"))
    Path("repo/bank/q").symlink_to(Path("elsewhere/q").resolve(), target_is_directory=True)
    monkeypatch.chdir("repo")
    assert main(["lint"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "bank/q/bank.yaml:1:1: error manifest the bank in bank/q is not read: its folder is a "
        f"link (to {(tmp_path / 'elsewhere/q').resolve()}), and banks are not looked for "
        "through links"
    )
    assert "(exambank lint bank/q)" in out[1]
    assert main(["build", "--only", "json", "--out", "dist"]) == 1
    assert not Path("dist").exists()
    assert main(["lint", "bank/q"]) == 0  # named on its own, it is read


def test_a_link_to_a_bank_the_search_reads_anyway_is_no_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder_of_banks(Path())
    Path("bank/b-again").symlink_to(Path("bank/b").resolve(), target_is_directory=True)
    assert main(["lint"]) == 0
    assert capsys.readouterr().out.splitlines() == ["No problems found."]


def test_a_copy_holding_questions_of_its_own_is_not_told_to_be_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An author copied 01-one.yaml to start a section and wrote a question into it (as
    # 'exambank new' does): deleting the copy would lose that question.
    copy = section_yaml(keyed_a(1), keyed_a(2), keyed_a(7), section_id="one")
    root = write_bank(tmp_path / "b", {"01-one.yaml": ONE, "02-two.yaml": copy}, MANIFEST)
    lines = lint_output(root, capsys)
    at = lines.index(
        f"{root}/02-two.yaml:1:1: error manifest 02-two.yaml is not listed in bank.yaml; "
        "it looks like a copy of 01-one.yaml (both have id 'one')"
    )
    assert lines[at + 1] == (
        "    hint: keep it: it holds a question 01-one.yaml does not (q7); to make it a "
        "section, give it an id of its own ('id: two', as its name says) and add the id to "
        "the manifest's sections"
    )
