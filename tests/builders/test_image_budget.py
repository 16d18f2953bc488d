"""Each SVG is drawn alone, in a forked child limited in processor time and memory, before
WeasyPrint draws it into a handout: one the element count lets through but that would
still take minutes is left out with a note, and the build goes on."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from exambank.bank import Bank
from exambank.builders import image_budget
from exambank.builders.local_files import LocalFiles, _too_costly
from tests.builders.test_image_limits import SVG, blank_png, build_with_images, drawn, images

MakeBank = Callable[..., Bank]
CHART = SVG.format('<rect width="37" height="19" fill="#00f"/>')
TOO_SLOW = "took longer than 1 s to draw on its own: simplify it or save it as PNG"


def nested_markers(levels: int) -> str:
    """The review's first reproduction: a path of ten vertices carries a marker on each,
    whose content is such a path again, ``levels`` deep, down to a 1x1 rectangle. The
    element count sees 14 elements in 1.2 kB; four levels take 9 s to draw alone, five 90 s."""
    path = "M0 0 " + " ".join(f"L{i} {i}" for i in range(1, 10))
    markers = '<marker id="m0"><rect width="1" height="1"/></marker>'
    for n in range(1, levels + 1):
        ends = " ".join(f'marker-{end}="url(#m{n - 1})"' for end in ("start", "mid", "end"))
        markers += f'<marker id="m{n}" overflow="visible"><path d="{path}" {ends}/></marker>'
    ends = " ".join(f'marker-{end}="url(#m{levels})"' for end in ("start", "mid", "end"))
    return SVG.format(f'<defs>{markers}</defs><path d="{path}" {ends}/>')


def image_chain(files: int) -> dict[str, str]:
    """The review's second reproduction: each file shows the one before four times and
    the first holds 50 7x3 rectangles; seven files of 0.3 kB take 10 s to draw alone."""
    chain = {"chain0.svg": SVG.format('<rect width="7" height="3"/>' * 50)}
    for n in range(1, files):
        image = f'<image href="chain{n - 1}.svg" width="10" height="10"/>'
        chain[f"chain{n}.svg"] = SVG.format(image * 4)
    return chain


@pytest.fixture(autouse=True)
def fresh_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """No verdict kept from another test."""
    monkeypatch.setattr(image_budget, "_verdicts", {})


@pytest.fixture
def one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """The processor limit at its lowest, so that a hostile SVG is refused in a second."""
    monkeypatch.setattr(image_budget, "CPU_SECONDS", 1)


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of each SVG drawn alone, in the order the children started."""
    started: list[str] = []
    draw_in_child = image_budget._draw_in_child

    def spy(url: str, fetcher: LocalFiles) -> int | None:
        started.append(url.rsplit("/", 1)[1])
        return draw_in_child(url, fetcher)

    monkeypatch.setattr(image_budget, "_draw_in_child", spy)
    return started


@pytest.mark.parametrize(
    ("shown", "files"),
    [
        pytest.param("markers.svg", {"markers.svg": nested_markers(4)}, id="nested-markers"),
        pytest.param("chain6.svg", image_chain(7), id="chain-of-images"),
    ],
)
def test_an_svg_too_slow_to_draw_alone_is_noted_and_the_build_goes_on(
    make_bank: MakeBank,
    tmp_path: Path,
    one_second: None,
    children: list[str],
    shown: str,
    files: dict[str, str],
) -> None:
    (tmp_path / "bank").mkdir()
    for name, text in files.items():  # what the shown SVG shows in turn
        (tmp_path / "bank" / name).write_text(text, encoding="utf-8")
    bank, output = build_with_images(make_bank, {shown: files[shown], "chart.svg": CHART})
    url = (bank.root / shown).resolve().as_uri()
    assert _too_costly(files[shown].encode(), url) is None  # the counts see no harm in it
    assert output.notes == (f"not printed: {url} ({TOO_SLOW})",)
    assert children == [shown, "chart.svg"]  # once each, for both editions
    assert "0 0 37 19 re" in drawn(output.data)
    assert "0 0 1 1 re" not in drawn(output.data) and "0 0 7 3 re" not in drawn(output.data)


def test_an_ordinary_svg_prints_drawn_alone_once_per_content(
    make_bank: MakeBank, children: list[str]
) -> None:
    chart = SVG.format('<image href="bars.svg" width="60" height="30"/>')  # fetches bars.svg
    files: dict[str, bytes | str] = {
        "bars.svg": CHART,
        "bars-copy.svg": CHART,  # the same content: the verdict holds wherever it is
        "chart.svg": chart,
        "chart-copy.svg": chart,  # its bars.svg could be another file elsewhere
        "photo.png": blank_png(40, 20),  # not XML, so never drawn as an SVG
    }
    _, output = build_with_images(make_bank, files)
    assert output.notes == ()
    assert children == ["bars.svg", "chart.svg", "chart-copy.svg"]
    assert drawn(output.data).count("0 0 37 19 re") == 4
    assert images(output.data) == 1


def test_what_an_svg_references_is_fetched_by_the_builds_rules(
    make_bank: MakeBank, tmp_path: Path, one_second: None
) -> None:
    (tmp_path / "outside").mkdir()
    for name, text in image_chain(7).items():  # ten seconds to draw, if it were fetched
        (tmp_path / "outside" / name).write_text(text, encoding="utf-8")
    svg = SVG.format('<image href="../outside/chain6.svg" width="10" height="10"/>')
    _, output = build_with_images(make_bank, {"chart.svg": svg})
    outside = (tmp_path / "outside" / "chain6.svg").as_uri()
    assert output.notes == (f"not fetched: {outside} (only files inside the bank folder are)",)
    assert "0 0 7 3 re" not in drawn(output.data)


def swallows_memory_errors() -> None:
    blocks = []
    try:
        while True:
            blocks.append(bytearray(2**20))
    except MemoryError:
        pass  # and draws on, as WeasyPrint does past an error in an SVG


def raises() -> None:
    raise RuntimeError("a bug in the renderer")


def refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]) -> str:
    """Why the fetcher refused an SVG whose drawing alone, in the child, does ``work``."""
    monkeypatch.setattr(image_budget, "HTML", lambda **_: SimpleNamespace(write_pdf=work))
    (tmp_path / "chart.svg").write_text(CHART, encoding="utf-8")
    fetch = LocalFiles(tmp_path)
    with pytest.raises(ValueError):
        fetch((tmp_path / "chart.svg").as_uri())
    [(_, why)] = fetch.too_costly
    return why


@pytest.mark.parametrize(
    "work",
    [
        pytest.param(lambda: bytearray(48 * 2**20), id="peaks-past-the-budget"),
        pytest.param(lambda: bytearray(2**30), id="past-the-address-space"),
        pytest.param(swallows_memory_errors, id="swallows-memory-errors"),
    ],
)
def test_an_svg_that_needs_more_memory_than_the_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]
) -> None:
    monkeypatch.setattr(image_budget, "MEMORY_BYTES", 32 * 2**20)  # address space: 64 MiB
    assert refusal(tmp_path, monkeypatch, work) == (
        "needed more than 32 MiB of memory to draw on its own: simplify it or save it as PNG"
    )


@pytest.mark.parametrize("work", [raises, os.abort])
def test_an_svg_the_renderer_fails_on_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]
) -> None:
    assert refusal(tmp_path, monkeypatch, work) == (
        "made the renderer fail when drawn on its own: simplify it or save it as PNG"
    )


def test_a_child_still_drawing_by_the_clock_limit_is_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(image_budget, "WALL_SECONDS", 0.2)  # asleep, it uses no processor
    started = time.monotonic()
    assert refusal(tmp_path, monkeypatch, lambda: time.sleep(60)) == (
        "took longer than 10 s to draw on its own: simplify it or save it as PNG"
    )
    assert time.monotonic() - started < 10


def test_where_a_child_cannot_be_forked_svgs_are_drawn_unchecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, children: list[str]
) -> None:
    monkeypatch.setattr(image_budget, "CAN_FORK", False)
    (tmp_path / "markers.svg").write_text(nested_markers(4), encoding="utf-8")
    fetch = LocalFiles(tmp_path)
    assert fetch((tmp_path / "markers.svg").as_uri()).read() == nested_markers(4).encode()
    assert children == []


def test_when_no_child_can_be_started_the_svg_is_drawn_unchecked_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fork fails with EAGAIN when the machine is out of processes: the static limits
    still hold, and no verdict is kept, so the next build checks it."""

    def no_process(url: str, fetcher: LocalFiles) -> int | None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(image_budget, "_draw_in_child", no_process)
    (tmp_path / "chart.svg").write_text(CHART, encoding="utf-8")
    fetch = LocalFiles(tmp_path)
    assert fetch((tmp_path / "chart.svg").as_uri()).read() == CHART.encode()
    assert image_budget._verdicts == {}


def test_in_a_daemonic_process_the_svg_is_drawn_unchecked_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, children: list[str]
) -> None:
    """A multiprocessing.Pool worker may start no process: the SVG vanished silently."""
    monkeypatch.setattr(
        image_budget.multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True)
    )
    (tmp_path / "chart.svg").write_text(CHART, encoding="utf-8")
    fetch = LocalFiles(tmp_path)
    assert fetch((tmp_path / "chart.svg").as_uri()).read() == CHART.encode()
    assert children == []


def test_the_renderer_loads_where_there_is_no_resource_module() -> None:
    """Windows has no ``resource``: the PDF builder must still load there."""
    code = "import sys; sys.modules['resource'] = None; import exambank.builders.render"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
