"""Section files whose name has something after it, so that nothing reads them: saved as
text by Notepad ('02-amt.yaml.txt', which Explorer shows as '02-amt.yaml'), or ending in
a dot or a space ('02-amt.yaml.', '02-amt.yaml '), which a listing hardly shows and Git
for Windows cannot check out. Each is named, with the name to give it, listed or not: an
unlisted one would otherwise pass CI unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank

MANIFEST = "id: b\ntitle: B\nsections: [one]\n"
ONE = section_yaml(QUESTION, section_id="one")
SECOND = QUESTION.replace("id: q1", "id: q2").replace("trains, tunes", "trains")
EXTRA = section_yaml(SECOND, section_id="extra")
WINDOWS = "Windows drops a name's last dots and spaces: Git for Windows cannot check the file out"
NOTEPAD = "Notepad adds .txt unless 'Save as type' is 'All files (*.*)'"


def _lint(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["lint", "b"])
    return status, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("01-one.yaml.", "'01-one.yaml.' ends in a dot"),
        ("01-one.yaml ", "'01-one.yaml ' ends in a space"),
    ],
)
def test_a_listed_section_whose_file_name_ends_in_a_dot_or_space_is_told_to_rename_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    said: str,
) -> None:
    """`ls` shows '01-one.yaml.' where the author looks for 01-one.yaml: 'create
    one.yaml' would name a file that seems to be there."""
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {name: ONE}, MANIFEST)
    assert _lint(capsys) == (
        1,
        [
            f"b/bank.yaml:3:12: error manifest section 'one' has no file: {said}",
            f"    hint: rename '{name}' to 01-one.yaml ({WINDOWS})",
            "1 error, 0 warnings.",
        ],
    )
    Path("b", name).rename("b/01-one.yaml")
    assert _lint(capsys) == (0, ["No problems found."])


@pytest.mark.parametrize(
    ("name", "said", "why"),
    [
        ("12-extra.yaml.", "'12-extra.yaml.' ends in a dot", WINDOWS),
        ("12-extra.yaml ", "'12-extra.yaml ' ends in a space", WINDOWS),
        ("12-extra.yaml.txt", "12-extra.yaml.txt is saved as text", NOTEPAD),
    ],
)
def test_an_unlisted_file_so_named_is_reported_not_passed_over(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    said: str,
    why: str,
) -> None:
    """Nothing reads it, so without a word its questions would never be checked or
    printed, and a Windows clone of the repository fails on the name."""
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-one.yaml": ONE, name: EXTRA}, MANIFEST)
    assert _lint(capsys) == (
        1,
        [
            f"b/{name}:1:1: error manifest {said}: nothing reads it, and it is not listed in "
            "bank.yaml",
            "    hint: rename it to 12-extra.yaml and add 'extra' to the manifest's sections, "
            f"or delete it ({why})",
            "1 error, 0 warnings.",
        ],
    )
    Path("b", name).rename("b/12-extra.yaml")
    Path("b/bank.yaml").write_text(MANIFEST.replace("[one]", "[one, extra]"), encoding="utf-8")
    assert _lint(capsys) == (0, ["No problems found."])


def test_such_a_file_beside_the_listed_one_is_told_it_may_be_a_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("b"), {"01-one.yaml": ONE, "01-one.yaml.txt": ONE}, MANIFEST)
    assert _lint(capsys) == (
        1,
        [
            "b/01-one.yaml.txt:1:1: error manifest 01-one.yaml.txt is saved as text: nothing "
            "reads it, and 01-one.yaml is read as section 'one'",
            "    hint: delete it if it is a copy of 01-one.yaml, else move what it holds into "
            f"01-one.yaml ({NOTEPAD})",
            "1 error, 0 warnings.",
        ],
    )


def test_a_manifest_whose_name_ends_in_a_dot_is_told_to_rename_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-one.yaml": ONE}, MANIFEST)
    write_bank(Path("bank/c"), {"01-one.yaml": ONE}, MANIFEST)
    Path("bank/c/bank.yaml").rename("bank/c/bank.yaml.")
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "bank/c/01-one.yaml:1:1: error manifest 01-one.yaml is in no bank "
        "(no bank.yaml in its folder or above it)",
        f"    hint: rename 'bank.yaml.' to bank.yaml ({WINDOWS})",
        "bank/c/bank.yaml.:1:1: error manifest 'bank.yaml.' ends in a dot: nothing reads it, "
        "and a bank's manifest must be named bank.yaml",
        f"    hint: rename it to bank.yaml ({WINDOWS})",
        "2 errors, 0 warnings.",
    ]
    assert main(["lint", "bank/c"]) == 2  # named alone, it is no bank at all
    assert f"rename 'bank/c/bank.yaml.' to bank.yaml ({WINDOWS})" in capsys.readouterr().err


MISNAMED_MANIFESTS = [
    ("bank.yaml.txt", "bank.yaml.txt is saved as text", NOTEPAD),
    ("bank.yaml.", "'bank.yaml.' ends in a dot", WINDOWS),
    ("bank.yaml ", "'bank.yaml ' ends in a space", WINDOWS),
]


def _told_to_rename(name: str, said: str, why: str) -> list[str]:
    return [
        f"bank/c/{name}:1:1: error manifest {said}: nothing reads it, and a bank's manifest "
        "must be named bank.yaml",
        f"    hint: rename it to bank.yaml ({why})",
    ]


@pytest.mark.parametrize(("name", "said", "why"), MISNAMED_MANIFESTS)
def test_a_new_banks_misnamed_manifest_beside_another_bank_fails_lint(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    said: str,
    why: str,
) -> None:
    """A bank just begun, its manifest saved by Notepad and no section written yet: CI
    must not pass it as if the folder were not there."""
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank/b"), {"01-one.yaml": ONE}, MANIFEST)
    Path("bank/c").mkdir()
    Path("bank/c", name).write_text(MANIFEST, encoding="utf-8")
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        *_told_to_rename(name, said, why),
        "1 error, 0 warnings.",
    ]
    Path("bank/c", name).rename("bank/c/bank.yaml")
    main(["lint"])
    assert "nothing reads it" not in capsys.readouterr().out


@pytest.mark.parametrize(("name", "said", "why"), MISNAMED_MANIFESTS)
def test_the_only_banks_misnamed_manifest_is_a_finding_not_no_bank_here(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    said: str,
    why: str,
) -> None:
    """'no bank here' (exit 2) with no word of the file would send the author looking for
    a bank.yaml that seems to be there; as bank.yml is, it is named with the rename."""
    monkeypatch.chdir(tmp_path)
    Path("bank/c").mkdir(parents=True)
    Path("bank/c", name).write_text(MANIFEST, encoding="utf-8")
    for command in (["lint"], ["lint", "bank"]):
        assert main(command) == 1
        captured = capsys.readouterr()
        assert (captured.out.splitlines(), captured.err) == (
            [*_told_to_rename(name, said, why), "1 error, 0 warnings."],
            "",
        )
