"""``exambank fmt``: one layout, every comment and every value kept, never a half-written file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from exambank.cli import main
from exambank.layout import LINE_WIDTH, format_file
from exambank.lint import lint
from exambank.load import read_source
from exambank.rewrite import Rewrite, RewriteError
from exambank.saving import comments, same_data, save
from tests.conftest import SEED_BANK, write_bank

# Comments everywhere an author may put one, keys out of order, an unknown key, text that
# needs quotes, text too long for a line, and text with line breaks.
MESSY = """\
# yaml-language-server: $schema=../../schemas/section.schema.json
# A second header comment.
title: Main   # the title
# about the id
id: main
x-owner: someone  # unknown key
exam_tips:
  - 'yes'
  - "short tip"  # a short tip
  # between tips
  - "LONG_TIP"
questions:
  # the first question
  - stem: LONG_STEM
    # about q1
    id: q1
    options:
      B: Lambda  # wrong
      A:
        feedback: 'right'
        text: SageMaker
    # about the explanation
    explanation: |
      Line one.
      Line two
    answer: A   # the key

  # before q2
  - id: q2
    answer: [A, B]
    type: multiple
    stem: 'Select TWO. It''s a stem'
    options: {A: one, B: two, C: "1.0"}
    explanation: "first\\nsecond"
    tags: [x, y]  # tags
# the end
"""
LONG_TIP = (
    "Key: a tip with a colon and enough words to run well past the line width of one hundred"
    " columns, twice over if it has to, and then some more"
)
LONG_STEM = (
    "Which service trains, tunes and deploys models, described in enough words to need a fold"
    " at about a hundred columns?"
)
MESSY = MESSY.replace("LONG_TIP", LONG_TIP).replace("LONG_STEM", LONG_STEM)

# MESSY in the canonical layout.
FORMATTED = """\
# yaml-language-server: $schema=../../schemas/section.schema.json
# A second header comment.
# about the id
id: main
title: Main   # the title
exam_tips:
  - "yes"
  - short tip    # a short tip
  # between tips
  - >-
    Key: a tip with a colon and enough words to run well past the line width of one hundred columns,
    twice over if it has to, and then some more
questions:
  # the first question
  # about q1
  - id: q1
    stem: >-
      Which service trains, tunes and deploys models, described in enough words to need a fold at
      about a hundred columns?
    options:
      B: Lambda  # wrong
      A:
        text: SageMaker
        feedback: right
    answer: A   # the key
    # about the explanation
    explanation: |
      Line one.
      Line two

  # before q2
  - id: q2
    type: multiple
    stem: Select TWO. It's a stem
    options: {A: one, B: two, C: "1.0"}
    answer: [A, B]
    explanation: |-
      first
      second
    tags: [x, y]  # tags
x-owner: someone  # unknown key
# the end
"""


def _bank(tmp_path: Path, text: str = MESSY) -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    return root / "01-main.yaml"


def _data(path: Path) -> object:
    source, _ = read_source(path)
    return source.data


def _refused(path: Path, capsys: pytest.CaptureFixture[str], expected: str) -> str:
    """fmt refuses ``path``, reporting ``path:expected``, and leaves it as it was."""
    before = path.read_bytes()
    assert main(["fmt", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{expected}" in err, err
    assert path.read_bytes() == before
    return err


def test_fmt_keeps_every_comment_and_value_of_the_seed_bank_and_is_idempotent(
    tmp_path: Path,
) -> None:
    bank = tmp_path / "seed"
    shutil.copytree(SEED_BANK, bank)
    before = {path.name: path.read_text(encoding="utf-8") for path in bank.glob("*.yaml")}
    data = {name: _data(bank / name) for name in before}
    assert main(["fmt", str(bank)]) == 0
    for name, text in before.items():
        after = (bank / name).read_text(encoding="utf-8")
        assert comments(after) == comments(text), name
        assert after.startswith("# yaml-language-server: $schema="), name
        assert same_data(_data(bank / name), data[name]), name
    formatted = {path.name: path.read_bytes() for path in bank.glob("*.yaml")}
    assert main(["fmt", "--check", str(bank)]) == 0
    assert main(["fmt", str(bank)]) == 0
    assert {path.name: path.read_bytes() for path in bank.glob("*.yaml")} == formatted


def test_the_committed_seed_bank_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", str(SEED_BANK)]) == 0, capsys.readouterr().err


def test_messy_file_gets_the_canonical_layout_with_every_comment(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    data = _data(path)
    assert main(["fmt", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert comments(text) == comments(MESSY)
    assert same_data(_data(path), data)
    assert format_file(path).changed is False
    assert text == FORMATTED


def test_folded_text_reads_back_exactly_and_fits_the_width(tmp_path: Path) -> None:
    stem = " ".join(f"word{number}" for number in range(60))
    odd = "two  spaces and a trailing one " + "x" * 90 + " "
    path = _bank(tmp_path, f'id: main\ntitle: T\nsummary: "{stem}"\nnotes: "{odd}"\n')
    assert main(["fmt", str(path)]) == 0
    expected = {"id": "main", "title": "T", "summary": stem, "notes": odd}
    assert YAML(typ="safe").load(path) == expected
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "summary: >-"
    assert all(len(line) <= LINE_WIDTH for line in lines[3:-1])
    assert lines[-1].startswith('notes: "two  spaces')  # cannot fold exactly: one line


def test_quotes_only_where_yaml_needs_them(tmp_path: Path) -> None:
    text = "id: main\ntitle: 'Plain title'\nexam_tips: ['1.0', 'no', \"a: b\", 'say \"hi\": now']\n"
    path = _bank(tmp_path, text)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        'id: main\ntitle: Plain title\nexam_tips: ["1.0", "no", "a: b", \'say "hi": now\']\n'
    )


def test_check_exits_1_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path)
    assert main(["fmt", "--check", str(path.parent)]) == 1
    assert path.read_text(encoding="utf-8") == MESSY
    assert f"would reformat {path}" in capsys.readouterr().err
    assert main(["fmt", str(path.parent)]) == 0
    assert main(["fmt", "--check", str(path.parent)]) == 0
    assert "0 would be reformatted, 2 unchanged" in capsys.readouterr().err


def test_diff_prints_the_change_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path, "title: T\nid: main\n")
    assert main(["fmt", "--diff", str(path)]) == 1
    diff = capsys.readouterr().out.splitlines()
    assert diff[:2] == [f"--- {path}", f"+++ {path}"]
    assert diff[2].startswith("@@") and {line[1:] for line in diff[3:]} == {"title: T", "id: main"}
    assert path.read_text(encoding="utf-8") == "title: T\nid: main\n"


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nid: main",  # no line break at the end
        'title: "T\u2028U"\nid: main\n',  # a line separator inside a quoted text
        'title: "T\u2029U"\nid: main',  # a paragraph separator, and no final line break
    ],
    ids=["no final line break", "line separator", "paragraph separator"],
)
def test_diff_applies_with_git_apply_as_fmt_would_write(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
) -> None:
    """A reviewer applies the diff with git apply or patch: it must be one they take, and
    give the file fmt writes."""
    path = _bank(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    name = str(path.relative_to(tmp_path))
    assert main(["fmt", "--diff", name]) == 1
    (tmp_path / "fmt.diff").write_text(capsys.readouterr().out, encoding="utf-8")
    applied = subprocess.run(
        ["git", "apply", "-p0", "fmt.diff"], cwd=tmp_path, capture_output=True, text=True
    )
    assert applied.returncode == 0, applied.stderr
    assert main(["fmt", "--check", name]) == 0  # the diff gave the file fmt writes


def test_file_with_a_syntax_error_is_reported_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = "id: main\ntitle: [unclosed\n"
    path = _bank(tmp_path, broken)
    assert main(["fmt", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == broken
    assert f"{path}:2:8: cannot format:" in capsys.readouterr().err


def test_crlf_and_byte_order_mark_become_plain_lf(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + b"id: main\r\ntitle: T\r\n")
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == b"id: main\ntitle: T\n"


def test_tabs_between_tokens_are_read_as_the_spaces_they_are(tmp_path: Path) -> None:
    # libyaml (lint) reads them; ruamel.yaml's scanner refused the file.
    path = _bank(tmp_path)
    path.write_text(
        "id: main\t\ntitle: T\t# the\ttitle\nsummary: 'S'\t \nnotes: >-\t# why\n  N\n",
        encoding="utf-8",
    )
    before = _data(path)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        "id: main\ntitle: T # the\ttitle\nsummary: S\nnotes: >- # why\n  N\n"  # comments kept
    )
    assert _data(path) == before


def test_a_tab_inside_unquoted_text_is_refused_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path)
    path.write_text("id: main\ntitle: Tab\there\n", encoding="utf-8")  # lint reads it
    err = _refused(path, capsys, "2:11: cannot format: a tab inside unquoted text")
    assert "quote the text or use a space" in err


def test_a_tab_inside_text_is_kept(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    path.write_text('id: main\ntitle: "A\tB"\nsummary: |\n  x\ty\t\n', encoding="utf-8")
    before = _data(path)
    assert main(["fmt", str(path)]) == 0
    assert _data(path) == before == {"id": "main", "title": "A\tB", "summary": "x\ty\t\n"}


def test_a_typed_no_break_space_stays_a_character(tmp_path: Path) -> None:
    """French sets a no-break space before ":" and "?" and inside « »: fmt writes it as
    the character typed, also where it changes the quotes, never as "\\_" or "\\xA0",
    which the author could no longer read (and lint --fix keeps it as typed)."""
    path = _bank(tmp_path)
    title = "Quel enregistrement\xa0: AAAA ou A\xa0?"
    summary = "Réponse\xa0: AAAA, pas «\xa0A\xa0»."
    path.write_text(f"id: main\ntitle: '{title}'\nsummary: \"{summary}\"\n", encoding="utf-8")
    before = _data(path)
    assert main(["fmt", str(path)]) == 0
    written = path.read_text(encoding="utf-8")
    assert written == f'id: main\ntitle: "{title}"\nsummary: "{summary}"\n'
    assert _data(path) == before


def test_a_note_beside_a_value_keeps_its_distance_as_lint_reads_it(tmp_path: Path) -> None:
    # A list at column 0 is indented on rewrite: a note two spaces off must not end up
    # one space off (comment-in-text would take it for a cut text), nor a cut be hidden.
    path = _bank(tmp_path)
    path.write_text(
        "id: main\ntitle: T\nsummary:\t# on the key\n  Plain text\n  on two lines.\n"
        "questions:\n- id: q1\n  stem: Which one?  # a note\n  options:\n"
        "    A: 'one' # after quotes\n    B: two # cut short?\n    C: data[4][-2]\t# cut too?\n"
        "  answer: A\n  explanation: x\n",
        encoding="utf-8",
    )
    assert main(["fmt", str(path)]) == 0
    written = path.read_text(encoding="utf-8")
    assert "summary: Plain text on two lines.  # on the key\n" in written
    assert "    stem: Which one?  # a note\n" in written
    assert "      A: one  # after quotes\n" in written
    assert "      B: two # cut short?\n" in written  # still one space: still reported
    assert "      C: data[4][-2] # cut too?\n" in written  # plain text may end in ']'
    found = lint([path.parent]).diagnostics
    assert [d.line for d in found if d.rule == "comment-in-text"] == [9, 10]  # B and C


def test_a_rewrite_that_would_hide_a_cut_text_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two paragraphs cannot be written plain: quoted, the one-space '#1 pick' would no
    # longer be reported by comment-in-text, and a second fmt would move it again.
    path = _bank(tmp_path)
    path.write_text("id: main\ntitle: T\nsummary: Which is\n\n  best? #1 pick\n", encoding="utf-8")
    err = _refused(path, capsys, "3:10: cannot format: the rewrite would change how a '#'")
    assert "quote the whole text" in err


def test_a_comment_ruamel_cannot_place_is_refused_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path)
    path.write_text("id: main\ntitle: # c\n  T\n\nsummary: x\n", encoding="utf-8")
    err = _refused(path, capsys, "2:8: cannot format: fmt cannot keep a comment after a key")
    assert "move the comment to a line of its own above the key" in err


def test_a_comment_line_fmt_cannot_keep_gets_a_hint_that_can_be_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s35 #6: a comment line fmt could not keep was told to move to a line of its
    own, where it already was. Deeper than the keys after a block, it would join the
    block's text: indented as the line below it, fmt keeps it."""
    path = _bank(tmp_path)
    text = (
        "id: main\ntitle: Main\nquestions:\n    - id: q1\n      answer: A\n      stem: |\n"
        "        Why?\n       # the options\n      options: {A: x, B: y}\n"
    )
    path.write_text(text, encoding="utf-8")
    err = _refused(path, capsys, "8:8: cannot format: the rewrite would lose the comment")
    assert "fmt cannot keep a comment line indented so; indent it as the line below it" in err
    assert "(6 spaces)" in err
    assert "move it to a line of its own" not in err
    path.write_text(text.replace("       # the", "      # the"), encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    assert "    # the options\n    options:" in path.read_text(encoding="utf-8")


def test_failed_write_leaves_the_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bank(tmp_path)

    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(RewriteError, match="cannot write the file: No space left on device"):
        save(format_file(path))
    assert path.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in path.parent.iterdir()) == ["01-main.yaml", "bank.yaml"]
    assert main(["fmt", str(path)]) == 3  # the disk's trouble, as for any file not written
    assert f"{path}:1:1: cannot format: cannot write the file" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == MESSY


def test_a_rewrite_that_changes_data_or_drops_a_comment_is_refused(tmp_path: Path) -> None:
    path = _bank(tmp_path, "id: main  # the id\ntitle: T\n")
    old = path.read_bytes()
    before, _ = read_source(path)
    with pytest.raises(RewriteError, match="change the file's data"):
        save(Rewrite(path, old, "id: main  # the id\ntitle: U\n", before.data, before))
    with pytest.raises(RewriteError, match="lose the comment '# the id'"):
        save(Rewrite(path, old, "id: main\ntitle: T\n", before.data, before))
    assert path.read_bytes() == old
    assert sorted(p.name for p in path.parent.iterdir()) == ["01-main.yaml", "bank.yaml"]


def test_only_yaml_files_are_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("A long line of Markdown " * 10 + "\n", encoding="utf-8")
    assert main(["fmt", str(notes)]) == 2
    assert "not a YAML file" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "A long line of Markdown " * 10 + "\n"


def test_a_symlinked_file_is_written_through_the_link(tmp_path: Path) -> None:
    path = _bank(tmp_path, "title: T\nid: main\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink()
    assert path.read_text(encoding="utf-8") == "id: main\ntitle: T\n"


def test_paragraphs_keep_their_block_and_a_final_line_break_its_chomping(tmp_path: Path) -> None:
    long_line = " ".join(f"word{number}" for number in range(30))
    text = (
        "id: main\ntitle: T\n"
        f"summary: |\n  {long_line}\n"
        "description: >\n  First paragraph,\n  wrapped by hand.\n\n  Second.\n"
    )
    path = _bank(tmp_path, text)
    data = _data(path)
    assert main(["fmt", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "summary: >" and all(len(line) <= LINE_WIDTH for line in lines)
    assert lines[-5:] == [
        "description: >",
        "  First paragraph,",
        "  wrapped by hand.",
        "",
        "  Second.",
    ]
    assert same_data(_data(path), data)


def test_an_interrupted_write_leaves_the_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _bank(tmp_path)

    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save(format_file(path))
    assert path.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in path.parent.iterdir()) == ["01-main.yaml", "bank.yaml"]


@pytest.mark.parametrize("written", ["+1", ".NaN", "True", "~", "-0", "+.inf", "Null", "yes"])
def test_a_value_read_as_a_number_boolean_or_null_is_never_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    text = f"title: T\nid: main\nexam_tips:\n  - {written}\n"
    path = _bank(tmp_path, text)
    for command in (["--diff"], ["--check"], []):
        assert main(["fmt", *command, str(path)]) == 1
        output = capsys.readouterr()
        assert f"{path}:4:5: cannot format: '{written}' is read as " in output.err
        assert "quote it first" in output.err and output.out == ""
    assert path.read_text(encoding="utf-8") == text


def test_a_question_that_keeps_its_order_is_formatted(tmp_path: Path) -> None:
    """``shuffle: false`` is a boolean where the format wants one, written as the dumper
    writes it: it is kept, not refused as a value read otherwise."""
    question = (
        "id: q1\nstem: S?\noptions: {A: a, B: b}\nshuffle: false\nanswer: A\nexplanation: E\n"
    )
    text = "id: main\ntitle: T\nquestions:\n  - " + question.replace("\n", "\n    ").rstrip() + "\n"
    path = _bank(tmp_path, text)
    assert main(["fmt", str(path)]) == 0
    formatted = path.read_text(encoding="utf-8")
    assert "    explanation: E\n    shuffle: false\n" in formatted  # the model's key order


def test_an_empty_value_is_not_a_written_null(tmp_path: Path) -> None:
    path = _bank(tmp_path, "title: T\nid: main\nsummary:\n")
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "id: main\ntitle: T\nsummary:\n"


def test_an_alias_bomb_is_refused_at_once_and_untouched(tmp_path: Path) -> None:
    levels = ['  l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    levels += [f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = "title: T\nid: main\nx-bomb:\n" + "\n".join(levels) + "\n"
    path = _bank(tmp_path, text)
    run = subprocess.run(
        [sys.executable, "-m", "exambank", "fmt", "--check", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{path}:4:7: cannot format: the anchor '&l0' is not supported" in run.stderr
    assert path.read_text(encoding="utf-8") == text


def test_an_anchor_without_an_alias_is_refused_not_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the writer would drop '&t' silently; "A & B" in text is no anchor
    text = 'id: main\ntitle: &t T\nsummary: "A & B"\nexam_tips: [A & B]\n'
    err = _refused(_bank(tmp_path, text), capsys, "2:8: cannot format: the anchor '&t' is not")
    assert "(and" not in err  # the ampersands in text are not anchors


def test_duplicate_keys_are_refused_not_silently_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "title: T\nid: main\ntitle: U\n"
    _refused(_bank(tmp_path, text), capsys, "3:1: cannot format: key 'title' repeats")


def test_crlf_with_trailing_comments_becomes_plain_lf_in_one_run(tmp_path: Path) -> None:
    path = _bank(tmp_path)
    path.write_bytes(MESSY.encode("utf-8").replace(b"\n", b"\r\n"))
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == FORMATTED.encode("utf-8")
    assert main(["fmt", "--check", str(path)]) == 0


def test_quoted_ratios_and_times_stay_quoted(tmp_path: Path) -> None:
    # PyYAML, a YAML 1.1 reader, reads an unquoted 4:1 as 241 and 12:30:00 as 45000.
    text = "id: main\ntitle: T\nexam_tips: ['4:1', \"12:30:00\", \"1:1.\", '1:60']\n"
    path = _bank(tmp_path, text)
    data = _data(path)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        'id: main\ntitle: T\nexam_tips: ["4:1", "12:30:00", "1:1.", "1:60"]\n'
    )
    assert same_data(_data(path), data)


@pytest.mark.parametrize(
    "text",
    [
        "alpha\nbeta\n",  # a plain text file, read as one YAML string
        "services:\n  web: {image: nginx}\n",  # a mapping, but no bank file's
        "- id: a\n- id: b\n",
    ],
)
def test_a_file_that_is_not_a_bank_file_is_never_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    # (a link out of the bank folder is refused before it is read: tests/rules/test_loading.py)
    path = _bank(tmp_path, "id: main\ntitle: T\n")
    other = path.parent / "02-other.yaml"
    other.write_text(text, encoding="utf-8")
    assert main(["fmt", str(path.parent)]) == 1
    assert f"{other}:1:1: cannot format: not a bank file" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "value", ["!!str 1.0", "!!set {x}", "!!omap [a: 1]", "!!int abc", "!!int 0x", "!!bool maybe"]
)
def test_a_tagged_value_is_refused_by_every_command_that_rewrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    text = f"id: main\ntitle: {value}\nquestions: []\n"
    path = _bank(tmp_path, text)
    for command in (["fmt"], ["fmt", "--check"], ["fmt", "--diff"], ["lint", "--fix"]):
        assert main([*command, str(path)]) == 1
        err = capsys.readouterr().err
        assert f"the tag '{value.split()[0]}' is not supported" in err
        assert "internal error" not in err
    assert main(["new", "q1", "--section", str(path)]) != 0
    assert "internal error" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


LONG = " ".join(["word"] * 25)


@pytest.mark.parametrize(
    "text",
    [
        "id: main\ntitle: T\nquestions:\n  - id: q1\n    explanation: LONG\n"
        "  # the next question\n  - id: q2\n",
        "id: main\ntitle: T\nkey_terms:\n  - term: X\n    definition: LONG\n"
        "# tips follow\nexam_tips: [a]\n",
        "id: main\ntitle: T\nsummary: |\n  two\n  lines\n# a comment\nexam_tips: [a]\n",
    ],
)
def test_a_comment_after_a_block_settles_in_one_run(tmp_path: Path, text: str) -> None:
    path = _bank(tmp_path, text.replace("LONG", LONG))
    data = _data(path)
    assert main(["fmt", str(path)]) == 0
    once = path.read_text(encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 0  # a second run has nothing to change
    assert path.read_text(encoding="utf-8") == once
    assert same_data(_data(path), data)
    assert comments(once) == comments(text)


def test_a_comment_after_a_block_header_in_a_list_is_never_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ruamel.yaml's dumper drops it; the rewrite is refused rather than losing it
    text = (
        "id: main\ntitle: T\nexam_tips:\n  - |  # source: AWS docs, p. 12\n"
        "    Remember the limits.\nquestions:\n  - id: q1\n    stem: Which?\n"
        "    options: {A: x, B: y}\n    answer: a\n"
    )
    path = _bank(tmp_path, text)
    # lint --fix lays the file out only for a fix it cannot make in place: a quoted text
    # over two lines
    wide = text.replace("stem: Which?", 'stem: "Which one  \n      of them?  "')
    for command, written in (
        (["fmt"], text),
        (["fmt", "--check"], text),
        (["fmt", "--diff"], text),
        (["lint", "--fix"], wide),
    ):
        path.write_text(written, encoding="utf-8")
        assert main([*command, str(path)]) == 1
        output = capsys.readouterr()
        assert f"{path}:4:8: " in output.err  # where the comment is written
        assert "would lose the comment '# source: AWS docs, p. 12'" in output.err
        assert "would reformat" not in output.err  # a dry run promises nothing fmt refuses
        assert "@@" not in output.out
        assert path.read_text(encoding="utf-8") == written
    path.write_text(text, encoding="utf-8")
    main(["lint", "--fix", str(path)])  # a letter, fixed where it stands: no comment moves
    assert path.read_text(encoding="utf-8") == text.replace("answer: a", "answer: A")


def test_statements_yaml_folds_are_never_written_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # folded-lines warns that they print as one line; a rewrite would make that line the
    # source and silence the warning, so every command that rewrites refuses the file
    text = (
        "id: main\ntitle: T\nquestions:\n  - id: q1\n    stem: Which are true?\n"
        "      I. S3 stores objects.\n      II. EBS is block storage.\n"
        "    options: {A: I only, B: II only, C: Both}\n    answer: c\n"
    )
    path = _bank(tmp_path, text)
    for command in (["fmt"], ["fmt", "--check"], ["fmt", "--diff"], ["lint", "--fix"]):
        assert main([*command, str(path)]) == 1
        output = capsys.readouterr()
        assert f"{path}:5:11: " in output.err  # where the stem's text starts
        assert "would write this text's lines as one line (folded-lines)" in output.err
        assert "write 'stem: |'" in output.err
        assert "@@" not in output.out
        assert path.read_text(encoding="utf-8") == text
    path.write_text(text.replace("stem: Which", "stem: |\n      Which"), encoding="utf-8")
    assert main(["fmt", str(path)]) == 0  # mended: formatted, its lines kept
    assert "      I. S3 stores objects.\n      II. EBS" in path.read_text(encoding="utf-8")


def test_a_comment_after_a_block_header_under_a_key_is_kept(tmp_path: Path) -> None:
    text = "id: main\ntitle: T\nsummary: |  # from the study guide\n  Two\n  lines.\n"
    path = _bank(tmp_path, text)
    assert main(["fmt", str(path)]) == 0
    assert "summary: |  # from the study guide\n" in path.read_text(encoding="utf-8")


def test_a_comment_after_the_document_marker_becomes_a_line_of_its_own(tmp_path: Path) -> None:
    # fmt writes no '---'; the comment after it starts its line instead of five spaces in
    body = "# by the team\nid: main\ntitle: T\n"
    path = _bank(tmp_path, "---  # reviewed 2026\n" + body)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "# reviewed 2026\n" + body


def test_a_document_marker_below_comments_is_dropped_and_the_comments_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # every bank file starts with the schema comment; with a '---' below it, fmt refused
    # the file for a comment it would lose, and told to move it where it already was
    schema = "# yaml-language-server: $schema=../../schemas/section.schema.json\n"
    body = "id: main\ntitle: T\n"
    path = _bank(tmp_path, schema + "# by the team\n\n---  # reviewed 2026\n# about main\n" + body)
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", str(path)]) == 0
    assert "cannot format" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == (
        schema + "# by the team\n\n# reviewed 2026\n# about main\n" + body
    )


def test_one_letter_text_yaml_11_reads_as_a_boolean_keeps_its_quotes(tmp_path: Path) -> None:
    # YAML 1.1's booleans include y, Y, n and N (Go's yaml.v2 reads them so); x is text
    options = '{A: "y", B: \'Y\', C: "n", D: "N", E: "x"}'
    text = f"id: main\ntitle: T\nquestions:\n  - id: q1\n    stem: Which?\n    options: {options}\n"
    path = _bank(tmp_path, text + "    answer: A\n")
    assert main(["fmt", str(path)]) == 0
    written = path.read_text(encoding="utf-8")
    assert 'options: {A: "y", B: "Y", C: "n", D: "N", E: x}\n' in written


def test_quoted_text_inside_brackets_keeps_quotes_libyaml_needs(tmp_path: Path) -> None:
    # Plain inside [...] or {...}, "Why not?" and 'a"b:c' are refused by libyaml.
    text = (
        'id: main\ntitle: T\nsummary: "Why not?"\n'
        'exam_tips: [\'a"b:c\', "Why not?", "? a", "a,b", plain]\n'
        "questions:\n  - id: q1\n    stem: Which?\n"
        '    options: {A: "Why not?", B: \'a:"b\', C: x}\n    answer: A\n'
    )
    path = _bank(tmp_path, text)
    data = _data(path)
    assert main(["fmt", str(path)]) == 0
    written = path.read_text(encoding="utf-8")
    assert "summary: Why not?\n" in written  # a block value needs no quotes
    assert 'exam_tips: [\'a"b:c\', "Why not?", "? a", "a,b", plain]\n' in written
    assert 'options: {A: "Why not?", B: \'a:"b\', C: x}\n' in written
    assert same_data(_data(path), data)
    assert main(["fmt", "--check", str(path)]) == 0


def test_a_file_that_is_not_a_bank_file_is_told_so_before_anything_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "services:\n  web:\n    image: nginx\n    ports:\n      - 8080\n    tty: yes\n"
    path = _bank(tmp_path, "id: main\ntitle: T\n").parent / "compose.yaml"
    path.write_text(text, encoding="utf-8")
    _refused(path, capsys, "1:1: cannot format: not a bank file")


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("null", "null"),
        ("2024-05-01", "a date"),
        ("2024-05-01T10:00:00Z", "a date"),  # the key has ':' in it
        ("1", "a number"),
        ("1.5", "a number"),
        ("0x1F", "a number"),
        ("true", "a boolean"),
    ],
)
def test_a_key_yaml_types_is_refused_at_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, kind: str
) -> None:
    # the dumper would write null: back as !!null "":, which lint then refuses
    text = f"id: main\ntitle: T\nx-notes:\n  {key}: a note\n"
    expected = f"4:3: cannot format: YAML tools read the key '{key}' as {kind}"
    err = _refused(_bank(tmp_path, text), capsys, expected)
    assert f"quote it first ('{key}':)" in err


def test_a_comment_on_a_directive_line_is_never_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the scanner keeps no comment there, and the dumper writes no directive
    text = "%YAML 1.2  # why 1.2\n---\nid: main\ntitle: T\n"
    lost = "1:12: cannot format: the rewrite would lose the comment '# why 1.2'"
    _refused(_bank(tmp_path, text), capsys, lost)


def test_an_explicit_key_with_comments_is_refused_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ruamel.yaml writes this back as YAML no reader takes
    text = "id: main\ntitle: T\n? x-a  # c1\n: b  # c2\n"
    path = _bank(tmp_path, text)
    for command in (["fmt"], ["fmt", "--check"]):
        assert main([*command, str(path)]) == 1
        err = capsys.readouterr().err
        assert f"{path}:3:1: cannot format: fmt cannot rewrite a '? key' with a comment" in err
        assert "internal error" not in err
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "stem", ['"Line one\\nline two \\u2028 three"', '"Which value?\\n\\r=1"', '"a\\nb\\x85c"']
)
def test_text_with_line_breaks_of_two_kinds_is_formatted_and_reads_back(
    tmp_path: Path, stem: str
) -> None:
    """A line feed would make it a block; the other break inside cannot be written in one,
    so it stays quoted."""
    question = (
        "id: main\ntitle: Main\nquestions:\n  - id: q1\n    stem: " + stem + "\n"
        "    options: {A: a, B: b}\n    answer: A\n    explanation: Because.\n"
    )
    path = _bank(tmp_path, question)
    before = _data(path)
    assert main(["fmt", str(path)]) == 0
    assert _data(path) == before
    assert main(["fmt", "--check", str(path)]) == 0


def test_a_merge_key_is_refused_with_its_place_not_crashed_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by fuzzing (review s25 #3): lint reads '<<' as a key of its own, the
    round-trip reader merges its keys in, and fmt stopped with an internal error."""
    text = (
        "id: main\ntitle: T\nquestions:\n  - id: q1\n    stem: Which?\n"
        "    options: {A: x, B: y}\n    <<: {difficulty: easy}\n    answer: A\n"
    )
    path = _bank(tmp_path, text)
    for command in (["fmt"], ["fmt", "--check"], ["lint", "--fix"]):
        assert main([*command, str(path)]) == 1
        err = capsys.readouterr().err
        assert "internal error" not in err
        assert path.read_text(encoding="utf-8") == text
    main(["fmt", str(path)])
    assert f"{path}:7:5: cannot format: a merge key ('<<') is not supported" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("text", "expected", "mended"),
    [
        (  # after the '...' that ends the document
            "id: main\ntitle: Main\n...\n# trailing note\n",
            "4:1: cannot format: the rewrite would lose the comment '# trailing note': fmt "
            "drops the '...' that ends the document, and a comment after it with it; move it "
            "above the '...'",
            "id: main\ntitle: Main\n# trailing note\n...\n",
        ),
        (  # above a '%YAML' directive
            "# top\n%YAML 1.2\n---\nid: main\ntitle: Main\n",
            "1:1: cannot format: the rewrite would lose the comment '# top': fmt drops the "
            "file's directives and '---', and a comment above them with them; move it below "
            "the '---'",
            "%YAML 1.2\n---\n# top\nid: main\ntitle: Main\n",
        ),
    ],
)
def test_a_comment_fmt_drops_with_a_document_marker_is_told_where_to_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str, mended: str
) -> None:
    """Review s36 (README, second half) #3: a comment after '...' or above '%YAML', which
    the README says fmt refuses with what to do, was told 'please report this'. Moved as
    the hint says, fmt keeps it."""
    path = _bank(tmp_path)
    path.write_text(text, encoding="utf-8")
    err = _refused(path, capsys, expected)
    assert "please report this" not in err
    path.write_text(mended, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    assert "# " + text.split("# ")[1].split("\n")[0] in path.read_text(encoding="utf-8")
