"""``exambank build --out``: a place that cannot be written is one clear line and exit 2,
never a traceback or an "internal error", and what is already there is left as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from exambank.cli import main
from tests.conftest import QUESTION, section_yaml, write_bank


def _build(tmp_path: Path, out: Path) -> int:
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    return main(["build", str(bank), "--out", str(out), "--only", "json"])


@pytest.mark.parametrize(
    ("out", "blocking"),
    [
        ("afile", "afile"),  # --out names a file
        ("dist", "dist/test-bank"),  # a file where the bank's folder goes
    ],
)
def test_a_file_where_a_folder_must_be_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, blocking: str
) -> None:
    kept = tmp_path / blocking
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text("keep me", encoding="utf-8")
    assert _build(tmp_path, tmp_path / out) == 3  # exambank.errors.CannotWrite
    assert capsys.readouterr().err == (
        f"exambank: error: {kept}: cannot build into it: it is a file, not a folder\n"
    )
    assert kept.read_text(encoding="utf-8") == "keep me"


NOTHING_PUT_IN_PLACE = (
    "exambank: error: nothing of this build was put in place: the files it would replace are "
    "as they were\n"
)


def test_a_folder_where_the_file_goes_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dist" / "test-bank" / "test-bank.json"
    target.mkdir(parents=True)
    # told before anything is made, not when the files land (review s38-hostile #4)
    assert _build(tmp_path, tmp_path / "dist") == 2  # exambank.errors.UsageError
    assert capsys.readouterr().err == (
        f"exambank: error: {target}: a folder stands where the build writes a file: remove or "
        "rename the folder, or build into another --out\n"
    )
    assert target.is_dir() and list(target.parent.iterdir()) == [target]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_out_folder_that_cannot_be_made_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _build(tmp_path, Path("/proc/nope")) == 3  # exambank.errors.CannotWrite
    err = capsys.readouterr().err
    assert err.startswith("exambank: error: /proc/nope: cannot make the folder: ")
    assert len(err.splitlines()) == 1


def test_a_file_that_cannot_be_replaced_is_named_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dist"
    assert _build(tmp_path, out) == 0
    target = out / "test-bank" / "test-bank.json"
    record = target.parent / ".exambank-build"
    before, recorded = target.read_bytes(), record.read_bytes()
    replace = os.replace

    def read_only(source: str, destination: str) -> None:  # as a file open on Windows
        if target in (Path(source), Path(destination)):
            denied = os.strerror(errno.EACCES)
            raise PermissionError(errno.EACCES, denied, source, None, destination)
        replace(source, destination)

    monkeypatch.setattr(os, "replace", read_only)
    capsys.readouterr()
    assert _build(tmp_path, out) == 3  # exambank.errors.CannotWrite
    assert capsys.readouterr().err == (
        f"exambank: error: {target}: cannot write: Permission denied\n{NOTHING_PUT_IN_PLACE}"
    )
    assert target.read_bytes() == before
    assert record.read_bytes() == recorded  # landed before the JSON, and put back
    assert sorted(target.parent.iterdir()) == [record, target]


def test_one_file_built_is_counted_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _build(tmp_path, tmp_path / "dist") == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Built 1 file (")


def test_an_empty_out_is_a_usage_error_not_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    with pytest.raises(SystemExit) as raised:  # argparse's exit for a usage error
        main(["build", str(bank), "--out", "", "--only", "json"])
    assert raised.value.code == 2
    assert "argument --out: give a path" in capsys.readouterr().err
    assert not (tmp_path / "test-bank").exists()


@pytest.mark.parametrize("place", ["dist", "dist/test-bank"])
@pytest.mark.parametrize("leads_to", ["elsewhere", "gone"])
def test_a_link_as_the_build_folder_is_refused_and_nothing_written_through_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str, leads_to: str
) -> None:
    """A ``dist`` link committed to a repository must not send a CI build elsewhere."""
    target = tmp_path / leads_to
    if leads_to == "elsewhere":
        target.mkdir()
    link = tmp_path / place
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(target)
    assert _build(tmp_path, tmp_path / "dist") == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {link}: cannot build into it: it is a link, and a build writes "
        "only into real folders: remove the link, or give --out the folder it leads to\n"
    )
    assert link.is_symlink()
    if leads_to == "elsewhere":
        assert list(target.iterdir()) == []
    else:
        assert not target.exists()


def test_a_link_to_nothing_above_out_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dist").symlink_to(tmp_path / "gone")
    out = tmp_path / "dist" / "handouts"
    assert _build(tmp_path, out) == 3  # exambank.errors.CannotWrite
    assert f"{tmp_path / 'dist'}: cannot build into it: it is a link that leads to no folder" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "gone").exists()


def test_a_link_planted_where_the_build_writes_its_temporary_file_is_not_followed(
    tmp_path: Path,
) -> None:
    """The temporary name was '.NAME.PID.partial': a committed link under it, for the
    likely process ids, made the build write the export into the file it led to."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "dist" / "test-bank"
    folder.mkdir(parents=True)
    for pid in (os.getpid(), *range(1, 200)):
        (folder / f".test-bank.json.{pid}.partial").symlink_to(victim)
    assert _build(tmp_path, tmp_path / "dist") == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    written = folder / "test-bank.json"
    assert not written.is_symlink() and written.read_text(encoding="utf-8").startswith("{")


def test_the_files_get_the_mode_a_new_file_gets(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert _build(tmp_path, tmp_path / "dist") == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "dist" / "test-bank" / "test-bank.json").stat().st_mode & 0o777 == 0o644


def test_a_link_among_the_banks_folders_stops_the_build_before_any_file_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    banks = tmp_path / "banks"
    for name in ("a-bank", "b-bank"):
        manifest = f"id: {name}\ntitle: T\nsections: [main]\n"
        write_bank(banks / name, {"01-main.yaml": section_yaml(QUESTION)}, manifest)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "b-bank").symlink_to(tmp_path / "elsewhere")
    assert main(["build", str(banks), "--out", str(tmp_path / "dist"), "--only", "json"]) == 2
    assert "b-bank: cannot build into it: it is a link" in capsys.readouterr().err
    assert sorted(path.name for path in (tmp_path / "dist").iterdir()) == ["b-bank"]


def test_a_link_in_a_relative_out_path_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to(tmp_path / "real")
    write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    monkeypatch.chdir(tmp_path)
    assert main(["build", "bank", "--out", "out/handouts", "--only", "json"]) == 2
    assert "out: cannot build into it: it is a link" in capsys.readouterr().err
    assert list((tmp_path / "real").iterdir()) == []


def _bank_with_a_linked_image(banks: Path) -> Path:
    """The bank ``sm`` in the folder of banks ``banks``, with an image that is a link."""
    question = QUESTION.replace("ML lifecycle.", "ML lifecycle. ![A leaf](images/d.svg)")
    manifest = "id: sm\ntitle: Small\nsections: [main]\n"
    bank = write_bank(banks / "sm", {"01-main.yaml": section_yaml(question)}, manifest)
    (bank / "assets").mkdir()
    (bank / "assets" / "d.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', "utf-8")
    (bank / "images").mkdir()
    (bank / "images" / "d.svg").symlink_to("../assets/d.svg")
    (bank / "sm.json").write_text('{"kept": "by hand"}\n', encoding="utf-8")
    return bank


def _files(folder: Path) -> dict[str, tuple[bool, bytes]]:
    return {
        str(path.relative_to(folder)): (
            path.is_symlink(),
            b"" if path.is_dir() else path.read_bytes(),
        )
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize(
    ("here", "out", "said"),
    [
        # the folder of banks: sm would be built into bank/sm, over its own files
        (
            ".",
            "bank",
            "bank/sm is a bank's folder (it holds a bank.yaml), whose files a build would replace",
        ),
        (".", "bank/sm", "bank/sm/sm is inside the bank folder bank/sm"),
        ("bank/sm", ".", "sm is inside the bank folder here"),
    ],
)
def test_a_bank_is_never_built_into_its_own_folder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    here: str,
    out: str,
    said: str,
) -> None:
    """`build --out bank` replaced a user's bank/sm/sm.json, and an image link by a copy
    (review s35-hostile #1)."""
    bank = _bank_with_a_linked_image(tmp_path / "bank")
    before = _files(bank)
    monkeypatch.chdir(tmp_path / here)
    assert main(["build", os.path.relpath(bank), "--out", out, "--only", "json,csv"]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: --out {out}: cannot build the bank sm there: {said}: choose another "
        "--out, such as dist (the default)\n"
    )
    assert _files(bank) == before


def test_an_out_through_a_folder_not_there_is_told_as_the_folder_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'--out nothere/../bank' names bank/: told as the bank's folder, as 'bank' is, not
    as a folder holding it (review s37-safety #12)."""
    bank = _bank_with_a_linked_image(tmp_path / "bank")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "bank/sm", "--out", "nothere/../bank", "--only", "json"]) == 2
    assert "bank/sm is a bank's folder (it holds a bank.yaml)" in capsys.readouterr().err
    assert not (tmp_path / "nothere").exists()
    assert bank.is_dir()


def test_a_bank_is_never_built_into_a_folder_that_holds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bank whose id names the folder it is in: --out the folder above builds it into
    the folder holding it."""
    bank = write_bank(
        tmp_path / "course" / "b",
        {"01-main.yaml": section_yaml(QUESTION)},
        "id: course\ntitle: T\nsections: [main]\n",
    )
    before = _files(tmp_path)
    assert main(["build", str(bank), "--out", str(tmp_path), "--only", "json"]) == 2
    assert f"{tmp_path / 'course'} holds the bank folder {bank}: choose another --out" in (
        capsys.readouterr().err
    )
    assert _files(tmp_path) == before
