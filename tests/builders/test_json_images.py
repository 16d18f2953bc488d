"""The images a bank's texts show travel with the JSON: copied into ``dist/<bank-id>/``
under the path the texts give, listed in the document's ``resources``, and never written
through a link planted in ``dist``."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from exambank.builders import Output, Settings
from exambank.builders.json_export import JsonBuilder
from exambank.cli import main
from exambank.staging import write
from tests.builders.conftest import RECORD
from tests.builders.test_image_limits import blank_png
from tests.conftest import QUESTION, section_yaml, write_bank

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"
# Every kind of text that shows an image, the same file twice under two spellings, a
# percent-encoded name with a query and a fragment, a link (not shipped: no image) and an
# image target of a fragment alone (no file).
MANIFEST = (
    "id: test-bank\ntitle: Test bank\nsections: [main]\n"
    "description: 'The logo: ![The bank logo](images/logo.svg)'\n"
)
EXTRA = """\
notes: |
  ![A bar chart](images/chart.png)

  ![The same bar chart](./images/chart.png)
key_terms:
  - term: Plot
    definition: "A plot: ![A scatter plot](plots/p.gif)"
"""
SHOWING = (
    QUESTION.replace(STEM, "stem: 'Which service? ![A red bar](images/Red%20Bar.PNG?v=2#top)'")
    .replace(
        "  B: AWS Lambda",
        "  B:\n    text: AWS Lambda\n    feedback: 'Serverless: ![A Lambda diagram](diagram.webp)'",
    )
    .replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: 'See [the notes](notes.txt) and ![An anchor](#answer).'",
    )
)
FILES = {
    "images/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    "images/chart.png": blank_png(40, 20),
    "images/Red Bar.PNG": blank_png(8, 8),
    "diagram.webp": b"RIFF\x00\x00\x00\x00WEBP",
    "plots/p.gif": b"GIF89a",
    "notes.txt": b"notes, linked, not shown",
}
SHIPPED = {  # path -> media type
    "diagram.webp": "image/webp",
    "images/Red Bar.PNG": "image/png",
    "images/chart.png": "image/png",
    "images/logo.svg": "image/svg+xml",
    "plots/p.gif": "image/gif",
}


def write_files(root: Path) -> None:
    """The images and other files ``SHOWING`` and ``EXTRA`` point at, in the bank."""
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def image_bank(root: Path) -> Path:
    write_bank(root, {"01-main.yaml": section_yaml(SHOWING, extra=EXTRA)}, MANIFEST)
    write_files(root)
    return root


def build(tmp_path: Path, out: Path, *only: str) -> int:
    bank = image_bank(tmp_path / "bank")
    return main(["build", str(bank), "--out", str(out), "--only", ",".join(only or ["json"])])


def test_each_image_shown_is_listed_once_sorted_with_its_digest(make_bank):
    bank = make_bank({"01-main.yaml": section_yaml(SHOWING, extra=EXTRA)}, MANIFEST)
    write_files(bank.root)
    document, *images = JsonBuilder().build(bank, Settings())
    assert document.name == "test-bank.json"
    assert [(image.name, image.data) for image in images] == [
        (path, FILES[path]) for path in SHIPPED
    ]
    assert json.loads(document.data)["resources"] == [
        {
            "path": path,
            "media_type": media_type,
            "sha256": hashlib.sha256(FILES[path]).hexdigest(),
            "bytes": len(FILES[path]),
        }
        for path, media_type in SHIPPED.items()
    ]


def test_the_build_ships_the_images_where_the_json_finds_them(tmp_path, capsys):
    assert build(tmp_path, tmp_path / "dist") == 0
    folder = tmp_path / "dist" / "test-bank"
    document = json.loads((folder / "test-bank.json").read_text(encoding="utf-8"))
    for resource in document["resources"]:
        data = (folder / resource["path"]).read_bytes()  # relative to the JSON file
        assert hashlib.sha256(data).hexdigest() == resource["sha256"]
    shipped = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
    assert shipped == sorted([*SHIPPED, "test-bank.json", RECORD])
    size = len(FILES["images/chart.png"])
    assert f"wrote {folder / 'images' / 'chart.png'} ({size} B)\n" in capsys.readouterr().out


def test_two_builds_with_images_are_byte_identical(tmp_path):
    assert build(tmp_path, tmp_path / "one") == 0
    assert build(tmp_path, tmp_path / "two") == 0
    one, two = (
        {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()}
        for out in (tmp_path / "one", tmp_path / "two")
    )
    assert one == two and len(one) == 7  # the JSON, 5 images and the record of them


def test_the_pdfs_ship_no_images_and_the_csv_the_ones_its_rows_show(tmp_path):
    """The PDFs embed theirs; the CSV ships the questions' images, not the notes' ones."""
    assert build(tmp_path, tmp_path / "dist", "pdf", "csv") == 0
    folder = tmp_path / "dist" / "test-bank"
    assert sorted(str(path.relative_to(folder)) for path in folder.rglob("*")) == [
        RECORD,
        "diagram.webp",
        "images",
        "images/Red Bar.PNG",
        "test-bank-questions.csv",
        "test-bank-student.pdf",
        "test-bank-trainer.pdf",
    ]


@pytest.mark.parametrize("leads_to", ["elsewhere", "gone"])
def test_a_link_as_an_image_folder_in_dist_is_refused_and_not_written_through(
    tmp_path, capsys, leads_to
):
    target = tmp_path / leads_to
    if leads_to == "elsewhere":
        target.mkdir()
    link = tmp_path / "dist" / "test-bank" / "images"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    assert build(tmp_path, tmp_path / "dist") == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {link}: cannot build into it: it is a link, and a build writes "
        "only into real folders: remove the link\n"
    )
    assert link.is_symlink()
    if leads_to == "elsewhere":
        assert list(target.iterdir()) == []
    else:
        assert not target.exists()


def test_a_link_planted_as_an_image_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    planted = tmp_path / "dist" / "test-bank" / "images" / "chart.png"
    planted.parent.mkdir(parents=True)
    planted.symlink_to(victim)
    assert build(tmp_path, tmp_path / "dist") == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not planted.is_symlink() and planted.read_bytes() == FILES["images/chart.png"]
    assert [path.name for path in planted.parent.iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("name", "only"),
    [
        ("test-bank.json", "json"),
        ("test-bank-questions.csv", "json,csv"),
        ("test-bank-questions.csv", "json"),  # a later --only csv would replace it
        ("test-bank-trainer.pdf", "json"),
    ],
)
def test_an_image_named_as_a_built_file_is_refused_and_the_last_build_kept(
    tmp_path, capsys, name, only
):
    """No file a build makes has an image's extension: lint refuses the target, so the
    build writes nothing, and never an image over the last build's file."""
    bank = tmp_path / "bank"
    stem = f"stem: 'Which service? ![A red bar]({name})'"
    write_bank(bank, {"01-main.yaml": section_yaml(QUESTION.replace(STEM, stem))})
    (bank / name).write_bytes(b"an image, so named")
    folder = tmp_path / "dist" / "test-bank"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(b"the last build's file")
    assert main(["build", str(bank), "--out", str(tmp_path / "dist"), "--only", only]) == 1
    assert f"error external-resource image '{name}' is not an image file" in (
        capsys.readouterr().out
    )
    assert [path.name for path in folder.iterdir()] == [name]  # nothing else written
    assert (folder / name).read_bytes() == b"the last build's file"


def test_an_image_that_is_no_file_inside_the_bank_is_never_read(tmp_path, capsys):
    """A question may switch off the rules that refuse such targets; the build still reads
    only regular files inside the bank folder, as the PDF renderer does."""
    secret = tmp_path / "secret.txt"
    secret.write_text("FAKE_SECRET=s3cr3t", encoding="utf-8")
    bank = tmp_path / "bank"
    why = {
        "images/logo.png": "it leads out of the bank folder through a symbolic link",
        "//etc/hostname": "it is an absolute path",
        "pipe.png": "no file inside the bank folder",
        "folder.png": "no file inside the bank folder",
        "gone.png": "no file inside the bank folder",
    }
    shown = " ".join(f"![An image]({target})" for target in why)
    question = QUESTION.replace(STEM, f"stem: 'Which service? {shown}'").replace(
        "answer: A",
        "answer: A\nlint: {ignore: [external-resource, missing-resource], reason: a test}",
    )
    write_bank(bank, {"01-main.yaml": section_yaml(question)})
    (bank / "images").mkdir()
    (bank / "images" / "logo.png").symlink_to(secret)
    os.mkfifo(bank / "pipe.png")  # reading it would wait for ever
    (bank / "folder.png").mkdir()
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--out", str(out), "--only", "json"]) == 0
    folder = out / "test-bank"
    assert sorted(path.name for path in folder.iterdir()) == [RECORD, "test-bank.json"]
    assert json.loads((folder / "test-bank.json").read_bytes())["resources"] == []
    printed = capsys.readouterr().out
    for target, reason in why.items():
        assert f": not shipped: the image {target} ({reason})\n" in printed


def test_two_banks_of_one_id_are_refused_before_either_is_built(tmp_path, capsys):
    for name in ("one", "two"):
        write_bank(tmp_path / "banks" / name, {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert main(["build", str(tmp_path / "banks"), "--out", str(out), "--only", "json"]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: {tmp_path / 'banks' / 'two'}: its id 'test-bank' is also the id of "
        f"{tmp_path / 'banks' / 'one'}, and both would build into {out / 'test-bank'}: give each "
        "bank an id of its own\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("name", ["../x.png", "/tmp/x.png", "images/../../x.png", "..\\x.png"])
def test_write_refuses_a_name_that_leaves_its_folder(tmp_path, name):
    with pytest.raises(ValueError, match="which leaves its folder"):
        write(tmp_path / "dist", Output(name, b"x"))
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "dist").exists()


def test_an_image_whose_name_is_near_the_systems_limit_is_shipped(tmp_path):
    name = "c" * 246 + ".png"  # 250 characters, the limit is 255
    bank = tmp_path / "bank"
    stem = f"stem: 'Which service? ![A chart]({name})'"
    write_bank(bank, {"01-main.yaml": section_yaml(QUESTION.replace(STEM, stem))})
    (bank / name).write_bytes(blank_png(4, 4))
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--out", str(out), "--only", "json"]) == 0
    assert (out / "test-bank" / name).read_bytes() == blank_png(4, 4)
