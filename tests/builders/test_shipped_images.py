"""The exports ship only image files inside the bank folder, none hidden (``shippable``):
lint reports any other image target at its place, and the build, where a question
switches that off, leaves it out with a note, never failing half-way."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.export_images import shown_images
from exambank.lint import lint
from tests.builders.conftest import RECORD
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
TOKEN = "AUTHORIZATION: basic c2VjcmV0LXRva2Vu"
IGNORED = "answer: A\nlint: {ignore: [external-resource, missing-resource], reason: a test}"


def bank_showing(root: Path, *targets: str, ignore: bool = False) -> Path:
    shown = " ".join(f"![the logo]({target})" for target in targets)
    question = QUESTION.replace(STEM, f"stem: 'Which service? {shown}'")
    if ignore:
        question = question.replace("answer: A", IGNORED)
    return write_bank(root, {"01-main.yaml": section_yaml(question)})


def repository_bank(tmp_path: Path, *targets: str, ignore: bool = False) -> Path:
    """A bank at the top of a git repository whose config holds a CI token, as
    actions/checkout leaves it."""
    root = bank_showing(tmp_path / "bank", *targets, ignore=ignore)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    extraheader = "http.https://github.com/.extraheader"
    subprocess.run(["git", "-C", str(root), "config", extraheader, TOKEN], check=True)
    return root


def built(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.name != RECORD  # what the build ships, not its record
    }


def test_lint_refuses_the_git_config_as_an_image_at_its_place_with_a_hint(tmp_path, capsys):
    root = repository_bank(tmp_path, ".git/config")
    assert main(["lint", str(root)]) == 1
    printed = capsys.readouterr().out
    lines = (root / "01-main.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if ".git/config" in text)
    column = lines[line - 1].index("(.git/config") + 2
    assert (
        f"01-main.yaml:{line}:{column}: error external-resource image '.git/config' is in a "
        "hidden folder ('.git'); handouts and exports use only image files inside the bank "
        "folder, none hidden\n    hint: move the image to a folder and a name that do not "
        "start with '.'"
    ) in printed


def test_the_build_stops_at_lint_and_ships_no_token(tmp_path, capsys):
    root = repository_bank(tmp_path, ".git/config")
    out = tmp_path / "dist"
    assert main(["build", str(root), "--out", str(out), "--only", "json,csv"]) == 1
    assert not out.exists()


@pytest.mark.parametrize("only", ["json", "csv", "json,csv"])
def test_with_the_rule_switched_off_the_exports_still_ship_no_hidden_file(tmp_path, capsys, only):
    root = repository_bank(tmp_path, ".git/config", "images/logo.png", ignore=True)
    (root / "images").mkdir()
    (root / "images" / "logo.png").symlink_to("../.git/config")  # named innocently
    out = tmp_path / "dist"
    assert main(["build", str(root), "--out", str(out), "--only", only]) == 0
    files = built(out / "test-bank")
    assert not any(path.startswith((".git", "images")) for path in files)
    assert not any(TOKEN.encode() in data for data in files.values())
    printed = capsys.readouterr().out
    assert ": not shipped: the image .git/config (it is in a hidden folder ('.git'))" in printed
    assert (
        ": not shipped: the image images/logo.png (it leads into a hidden folder ('.git') "
        "through a symbolic link)"
    ) in printed


def test_a_file_of_another_type_is_refused_by_lint_and_not_shipped(tmp_path, capsys):
    root = bank_showing(tmp_path / "bank", "notes.txt")
    (root / "notes.txt").write_text("FAKE_SECRET=1", encoding="utf-8")
    found = [d for d in lint([root], Config()).diagnostics if d.rule.endswith("-resource")]
    assert [(d.rule, d.message.split(";")[0]) for d in found] == [
        ("external-resource", "image 'notes.txt' is not an image file ('.txt')")
    ]
    bank_showing(tmp_path / "bank", "notes.txt", ignore=True)
    assert main(["build", str(root), "--out", str(tmp_path / "dist"), "--only", "json"]) == 0
    assert list(built(tmp_path / "dist" / "test-bank")) == ["test-bank.json"]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("../bank/a.png", "it leaves the bank folder as written"),
        ("{root}/a.png", "it is an absolute path"),
        ("loop/a.png", "it leads into a loop of symbolic links"),
        ("a%00.png", "it holds a NUL character (%00), which no file name can"),
    ],
)
def test_a_target_that_leaves_as_written_or_loops_is_noted_and_every_file_written(
    tmp_path, capsys, target, reason
):
    root = tmp_path / "bank"
    shown = target.format(root=root)
    bank_showing(root, shown, ignore=True)
    (root / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "loop").symlink_to("loop")
    out = tmp_path / "dist"
    assert main(["build", str(root), "--out", str(out), "--only", "json,csv"]) == 0
    assert sorted(built(out / "test-bank")) == ["test-bank-questions.csv", "test-bank.json"]
    # quoted as written, so that the author finds it ("a%00.png", not "a\\x00.png")
    assert f": not shipped: the image {shown} ({reason})\n" in capsys.readouterr().out


def test_lint_and_the_exports_refuse_the_same_targets(tmp_path):
    """Each target the exports leave out, though its file is there, lint reports; each
    other one ships, and lint lets it pass."""
    targets = {
        "images/ok.png": True,
        "images/UPPER.JPG": True,
        "images/link.png": True,  # a link to ok.png
        ".hidden/a.png": False,
        "images/.a.png": False,
        "images/a.txt": False,
        "images/noext": False,
        "images/to-text.png": False,  # a link to a.txt
        "images/to-hidden.png": False,  # a link to .hidden/a.png
        "../bank/images/ok.png": False,
    }
    root = bank_showing(tmp_path / "bank", *targets)
    for name in ("images/ok.png", "images/UPPER.JPG", ".hidden/a.png", "images/.a.png"):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    for name in ("images/a.txt", "images/noext"):
        (root / name).write_bytes(b"text")
    for name, to in (("link", "ok.png"), ("to-text", "a.txt"), ("to-hidden", "../.hidden/a.png")):
        (root / "images" / f"{name}.png").symlink_to(to)
    result = lint([root], Config())
    reported = {d.message.split("'")[1] for d in result.diagnostics if d.rule.endswith("-resource")}
    assert reported == {target for target, ships in targets.items() if not ships}
    shipped = shown_images(result.banks[0])
    assert set(shipped.files) == {target for target, ships in targets.items() if ships}
    assert len(shipped.left_out) == len(reported)


def test_a_name_too_long_for_the_system_is_noted_not_an_internal_error(tmp_path, capsys):
    name = "a" * 300 + ".png"
    root = bank_showing(tmp_path / "bank", name, ignore=True)
    out = tmp_path / "dist"
    assert main(["build", str(root), "--out", str(out), "--only", "json,csv"]) == 0
    assert sorted(built(out / "test-bank")) == ["test-bank-questions.csv", "test-bank.json"]
    assert f": not shipped: the image {name} (it cannot be read: " in capsys.readouterr().out


def test_an_image_neither_export_ships_is_noted_once_at_the_place_lint_gives(tmp_path, capsys):
    """One note for the bank, not one under each export's line, that starts where lint's
    finding on the image does, so that the author can go to it."""
    root = bank_showing(tmp_path / "bank", "gone.png", "https://x.example/a.png")
    findings = [d for d in lint([root], Config()).diagnostics if d.rule.endswith("-resource")]
    places = [f"{found.path}:{found.line}:{found.column}:" for found in findings]
    bank_showing(tmp_path / "bank", "gone.png", "https://x.example/a.png", ignore=True)
    assert main(["build", str(root), "--out", str(tmp_path / "dist"), "--only", "json,csv"]) == 0
    printed = capsys.readouterr().out
    notes = [line for line in printed.splitlines() if "not shipped" in line]
    assert notes == [
        f"    note: {places[0]} not shipped: the image gone.png (no file inside the bank folder)",
        f"    note: {places[1]} not shipped: the image https://x.example/a.png (it uses 'https:', "
        "not a path inside the bank folder)",
    ]
