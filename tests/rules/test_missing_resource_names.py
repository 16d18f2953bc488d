"""missing-resource: a path that names the file only in another case, or with "\\" for
"/", builds on the author's Windows or Mac and fails in CI; the hint names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.config import Config
from exambank.lint import lint
from tests.rules.test_missing_resource import bank_with_stem

CASE_NOTE = "the case differs: it builds on Windows and macOS, not in CI"


def finding(root: Path) -> tuple[str, str] | None:
    found = [d for d in lint([root], Config()).diagnostics if d.rule == "missing-resource"]
    assert len(found) <= 1
    return (found[0].message, found[0].hint or "") if found else None


@pytest.mark.parametrize(
    ("target", "hint"),
    [
        (
            "bilder/Reihenschaltung.svg",
            f"did you mean bilder/reihenschaltung.svg? ({CASE_NOTE})",
        ),
        ("Bilder/reihenschaltung.SVG", f"did you mean bilder/reihenschaltung.svg? ({CASE_NOTE})"),
        ("bilder\\reihenschaltung.svg", "use forward slashes: bilder/reihenschaltung.svg"),
        ("bilder%5Creihenschaltung.svg", "use forward slashes: bilder/reihenschaltung.svg"),
        (
            "bilder\\Reihenschaltung.svg",
            f"use forward slashes and this case: bilder/reihenschaltung.svg ({CASE_NOTE})",
        ),
        (
            "bilder\\fehlt.svg",
            "use forward slashes, and save the file as bilder/fehlt.svg in the bank folder",
        ),
    ],
)
def test_the_hint_names_the_file_that_is_there(tmp_path, target, hint):
    root = bank_with_stem(tmp_path, f"'Siehe ![Plan]({target})'", ("bilder/reihenschaltung.svg",))
    message, given = finding(root) or ("", "")
    assert message.startswith(f"image '{target}' names no file in the bank folder")
    assert given == hint


def test_a_link_to_a_folder_in_another_case_is_reported_too(tmp_path):
    root = bank_with_stem(tmp_path, "'See [the images](Bilder)'", ("bilder/plan.svg",))
    assert finding(root) == (
        "link 'Bilder' names no file in the bank folder as written",
        f"did you mean bilder? ({CASE_NOTE})",
    )


def test_a_disk_that_ignores_case_does_not_hide_it(tmp_path, monkeypatch):
    """On macOS and Windows 'bilder/Plan.svg' opens 'bilder/plan.svg'; Linux, in CI, has
    no such file: lint reports it wherever it runs."""
    root = bank_with_stem(tmp_path, "'Siehe ![Plan](bilder/Plan.svg)'", ("bilder/plan.svg",))
    real_is_file = Path.is_file

    def ignores_case(path: Path) -> bool:
        folder = path.parent
        return folder.is_dir() and any(
            other.name.casefold() == path.name.casefold() and real_is_file(other)
            for other in folder.iterdir()
        )

    monkeypatch.setattr(Path, "is_file", ignores_case)
    assert finding(root) == (
        "image 'bilder/Plan.svg' names no file in the bank folder as written",
        f"did you mean bilder/plan.svg? ({CASE_NOTE})",
    )


@pytest.mark.parametrize(
    ("target", "saved"),
    [
        ("bilder/plan.svg", "bilder/plan.svg"),
        ("back\\slash.png", "back\\slash.png"),  # a "\\" in a name, where one is there
        ("Bilder/Plan.svg", "Bilder/Plan.svg"),
    ],
)
def test_a_path_spelled_as_on_disk_passes(tmp_path, target, saved):
    assert finding(bank_with_stem(tmp_path, f"'Siehe ![Plan]({target})'", (saved,))) is None


NFC, NFD = "topolog\u00eda.png", "topologi\u0301a.png"  # they print alike
FORM_NOTE = "the names look alike, but only macOS reads them as one: it fails in CI"


@pytest.mark.parametrize(
    ("target", "saved", "forms", "renamed"),
    [
        (f"images/{NFC}", f"images/{NFD}", "NFD; the path is in NFC", f"images/{NFC}"),
        (f"images/{NFD}", f"images/{NFC}", "NFC; the path is in NFD", f"images/{NFD}"),
        (f"images\\{NFC}", f"images/{NFD}", "NFD; the path is in NFC", f"images/{NFC}"),
    ],
)
def test_a_name_in_another_unicode_form_is_named_as_such(tmp_path, target, saved, forms, renamed):
    """A macOS tool may save 'í' as 'i' and an accent; the path, typed, holds 'í': only
    macOS reads the two as one name, so the build fails in CI. The hint must not say to
    save a file that is there."""
    root = bank_with_stem(tmp_path, f"'Ver ![red]({target})'", (saved,))
    assert finding(root) == (
        f"image '{target}' names no file in the bank folder as written",
        f"the file's name is in another Unicode form ({forms}): rename the file to {renamed} "
        f"as the path writes it, or write the path as the file names it ({FORM_NOTE})",
    )
