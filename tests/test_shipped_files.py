"""``shippable``: the one check lint, the exports and the PDF renderer make of the file an
image target names: an image file by its extension, inside the bank folder, hidden nowhere,
as written and once links are followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.shipped_files import Refusal, outside, shippable


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A bank folder at the top of a repository, with images and other files."""
    bank = tmp_path / "bank"
    for name in ("images/logo.png", "images/Chart.SVG", ".git/config", ".env", "notes.txt"):
        (bank / name).parent.mkdir(parents=True, exist_ok=True)
        (bank / name).write_bytes(b"x")
    return bank


@pytest.mark.parametrize("path", ["images/logo.png", "images/Chart.SVG", "images/new.webp"])
def test_an_image_file_inside_the_folder_may_ship_whether_or_not_it_is_there(root, path):
    assert shippable(root, path) == (root / path).resolve()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (".git/config", "is in a hidden folder ('.git')"),
        (".env", "is a hidden file ('.env')"),
        ("images/.hidden.png", "is a hidden file ('.hidden.png')"),
        ("images\\.cache\\a.png", "is in a hidden folder ('.cache')"),  # "\" as on Windows
        ("notes.txt", "is not an image file ('.txt')"),
        ("images/logo", "is not an image file (its name has no extension)"),
        ("/etc/hostname.png", "is an absolute path"),
        ("../bank/images/logo.png", "leaves the bank folder as written"),
        ("images\\..\\logo.png", "leaves the bank folder as written"),  # a name no build writes
        ("a\x00.png", "holds a NUL character (%00), which no file name can"),
    ],
)
def test_a_hidden_or_non_image_or_leaving_path_is_refused(root, path, reason):
    refused = shippable(root, path)
    assert isinstance(refused, Refusal) and refused.reason == reason and refused.hint


@pytest.mark.parametrize(
    ("link", "to", "reason"),
    [
        ("images/logo2.png", "../.git/config", "leads into a hidden folder ('.git') through a"),
        ("images/env.png", "../.env", "leads to a hidden file ('.env') through a"),
        ("images/notes.png", "../notes.txt", "leads to 'notes.txt', which is not an image file"),
        ("images/out.png", "../../elsewhere.png", "leads out of the bank folder through a"),
        ("images/loop.png", "loop.png", "leads into a loop of symbolic links"),
    ],
)
def test_a_link_is_judged_where_it_leads(root, link, to, reason):
    (root / link).symlink_to(to)
    refused = shippable(root, link)
    assert isinstance(refused, Refusal) and refused.reason.startswith(reason)


def test_a_link_to_an_image_inside_the_folder_may_ship(root):
    (root / "images" / "current.png").symlink_to("logo.png")
    assert shippable(root, "images/current.png") == root.resolve() / "images" / "logo.png"


def test_outside_says_only_whether_links_lead_out(root):
    (root / "out").symlink_to(root.parent)
    assert outside(root, ".git/config") is None and outside(root, "notes.txt") is None
    assert outside(root, "out/x.png") == "leads out of the bank folder through a symbolic link"


@pytest.mark.parametrize(
    ("path", "scheme"),
    [
        ("https:/evil.example/track.png", "https"),  # https://evil.example/track.png?u=1
        ("data:image/png;base64,AAAA.png", "data"),
        ("C:/images/logo.png", "C"),  # a Windows drive, which a browser reads as a scheme
        (" https:/evil.example/track.png", "https"),  # a browser drops the space
    ],
)
def test_a_url_is_no_path_even_where_the_folder_holds_a_file_of_its_name(root, path, scheme):
    """A page made of the exports' HTML would fetch it from where the URL leads."""
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_bytes(b"x")
    refused = shippable(root, path)
    assert isinstance(refused, Refusal)
    assert refused.reason == f"uses '{scheme}:', not a path inside the bank folder"
