"""A rewrite (fmt, lint --fix, new) never replaces a file made read-only, nor one that
changed after it was read: an editor's save, or another exambank run at the same time
(review s23-maintainer #2, #3); nor one the runner may not write, and a file it replaces
keeps its owner and group (review s37-safety #2)."""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path

import pytest

from exambank import saving
from exambank.cli import main
from tests.conftest import QUESTION, give_away, section_yaml, write_bank

LOOSE = section_yaml(QUESTION.replace("stem: ", "stem:    "))  # fmt changes it


def _section(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "bank", {"01-main.yaml": LOOSE}) / "01-main.yaml"


def test_a_read_only_file_is_not_reformatted(tmp_path, capsys):
    path = _section(tmp_path)
    path.chmod(0o444)
    inode = path.stat().st_ino
    assert main(["fmt", str(path)]) == 3  # as any file exambank cannot write
    assert "the file is read-only, so it is not changed" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == LOOSE and path.stat().st_ino == inode
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    path.chmod(0o644)
    assert main(["fmt", str(path)]) == 0  # writable again: formatted


def test_a_file_saved_while_fmt_works_keeps_what_was_saved(tmp_path, capsys, monkeypatch):
    path = _section(tmp_path)
    saved = LOOSE + "# a line the author saved meanwhile\n"
    check_data = saving._check_data

    def author_saves_meanwhile(written: Path, rewrite: saving.Rewrite) -> None:
        check_data(written, rewrite)
        path.write_text(saved, encoding="utf-8")  # after fmt read it, before it replaces it

    monkeypatch.setattr(saving, "_check_data", author_saves_meanwhile)
    assert main(["fmt", str(path)]) == 3
    err = capsys.readouterr().err
    assert "the file changed while exambank worked on it, so it is not changed" in err
    assert path.read_text(encoding="utf-8") == saved
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_new_questions_added_at_once_are_added_or_told_to_run_again(tmp_path, capsys, monkeypatch):
    path = _section(tmp_path)
    check_data = saving._check_data
    first = True

    def another_new_meanwhile(written: Path, rewrite: saving.Rewrite) -> None:
        nonlocal first
        check_data(written, rewrite)
        if first:  # the other run saves its question while this one is at work
            first = False
            assert main(["new", "q3", "--section", str(path)]) == 0

    monkeypatch.setattr(saving, "_check_data", another_new_meanwhile)
    assert main(["new", "q2", "--section", str(path)]) == 3
    assert "run the command again" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert "id: q3" in text and "id: q2" not in text  # neither lost silently
    assert main(["new", "q2", "--section", str(path)]) == 0  # run again: added
    assert "id: q2" in path.read_text(encoding="utf-8")


def test_lint_fix_on_a_read_only_file_exits_3_and_fixes_nothing(tmp_path, capsys):
    path = _section(tmp_path)
    path.write_text(LOOSE.replace("answer: A", "answer: a"), encoding="utf-8")
    path.chmod(0o444)
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 3  # not 1: the file's errors are not why
    assert "not fixed: the file is read-only" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("mode", [0o644, 0o600])
def test_a_writable_file_keeps_its_mode(tmp_path, mode):
    path = _section(tmp_path)
    path.chmod(mode)
    assert main(["fmt", str(path)]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_rewritten_file_keeps_its_owner_and_group(tmp_path):
    # run as root (sudo, a container on a bind mount), an author's file stays theirs
    path = _section(tmp_path)
    manifest = path.parent / "bank.yaml"
    owners = {file: give_away(file) for file in (path, manifest)}
    assert main(["fmt", str(path)]) == 0
    assert main(["new", "q2", "--section", str(path.parent / "02-more.yaml")]) == 0  # lists it
    assert "more]" in manifest.read_text(encoding="utf-8")
    for file, owner in owners.items():
        assert (file.stat().st_uid, file.stat().st_gid) == owner, file.name


def test_a_file_the_runner_may_not_write_is_not_replaced(tmp_path, capsys):
    # a group may write it, its owner may not: the folder's permission does not suffice
    path = _section(tmp_path)
    path.write_text(LOOSE.replace("answer: A", "answer: a"), encoding="utf-8")
    path.chmod(0o464)
    before, inode = path.read_bytes(), path.stat().st_ino
    if os.access(path, os.W_OK):  # root, who may write any file that is not read-only
        assert main(["lint", "--fix", str(path)]) == 0
        assert stat.S_IMODE(path.stat().st_mode) == 0o464
        return
    assert main(["lint", "--fix", str(path)]) == 3  # as for a read-only file
    err = capsys.readouterr().err
    assert "not fixed: you may not write the file (mode 464, owned by " in err
    assert main(["fmt", str(path)]) == 3
    assert "cannot format: you may not write the file" in capsys.readouterr().err
    assert path.read_bytes() == before and path.stat().st_ino == inode


def test_sigterm_while_saving_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    # a CI job cancelled, or `timeout`, stops fmt as Ctrl-C does (review s23-maintainer #7)
    path = _section(tmp_path)
    handler = signal.getsignal(signal.SIGTERM)
    check_data = saving._check_data

    def terminated_meanwhile(written: Path, rewrite: saving.Rewrite) -> None:
        check_data(written, rewrite)
        os.kill(os.getpid(), signal.SIGTERM)  # the temporary file is there now

    monkeypatch.setattr(saving, "_check_data", terminated_meanwhile)
    assert main(["fmt", str(path)]) == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "exambank: terminated\n"  # said, as Ctrl-C is
    assert sorted(p.name for p in path.parent.iterdir()) == ["01-main.yaml", "bank.yaml"]
    assert path.read_text(encoding="utf-8") == LOOSE
    assert signal.getsignal(signal.SIGTERM) == handler  # put back as it was
