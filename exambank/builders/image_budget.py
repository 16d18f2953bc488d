"""A budget for drawing an SVG, whatever makes it costly.

The counts in ``local_files.py`` bound what they see in one file: pixels, and elements once
``<use>`` is expanded. They miss the other ways WeasyPrint draws a 1 kB SVG over and over:
markers whose contents carry markers, masks and clip paths whose contents are masked and
clipped again, an ``<image>`` of another SVG that shows a third several times; each level
multiplies the work (five levels of markers took 330 s and 3.3 GB to build). So before
WeasyPrint draws an SVG into a handout, the SVG is drawn alone in a forked child, with what
it references fetched by the build's rules, limited to ``CPU_SECONDS`` of processor time
and ``MEMORY_BYTES`` more address space at its peak. If the child runs past either, fails,
or is still at it after ``WALL_SECONDS``, the SVG is left out like any image too costly to
print. The verdict is kept per content (per file and content if the SVG fetched other
files), so an SVG shown ten times, in both editions, is drawn alone once.

The limits sit far above what real diagrams need, so that the verdict does not depend on
how busy or fast the machine is. Alone, a 5,000-point matplotlib scatter plot (15,229
elements) takes 2.4 s of processor time, 5,000 text labels 2.8 s, 20,000 plain shapes (the
element limit) 1.3 s, a 500-element line chart 0.1 s; each grows the address space by
140-170 MB (mostly libraries' thread stacks and arenas, not drawing). The clock limit only
catches a child that makes no progress, so it is six times the processor limit.

A forked child starts in milliseconds with WeasyPrint loaded; a spawned one would load it
again for every SVG (0.4 s). Only Linux forks safely (macOS system libraries may have
started threads), so elsewhere SVGs are drawn unchecked, bounded by the element count
alone: CI that builds untrusted pull requests should run on Linux.
"""

from __future__ import annotations

import faulthandler
import hashlib
import logging
import multiprocessing
import os
import signal
import sys
from html import escape
from pathlib import Path
from xml.etree import ElementTree

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

CPU_SECONDS = 10
MEMORY_BYTES = 512 * 2**20
WALL_SECONDS = 6 * CPU_SECONDS
CAN_FORK = sys.platform == "linux"  # ``resource`` and SIGXCPU are used on Linux only

# How the child ends: drawn (fetching nothing else, or other files too), or not.
_DRAWN, _DRAWN_WITH_OTHERS, _OUT_OF_MEMORY, _FAILED = 0, 5, 6, 7
# Past the soft and the hard CPU limit (neither signal exists on Windows)
_OUT_OF_TIME = (-signal.SIGXCPU, -signal.SIGKILL) if CAN_FORK else ()

# ("", digest) for an SVG drawn without fetching anything, else (url, digest) -> why not
_verdicts: dict[tuple[str, bytes], str | None] = {}


def drawing_cost(data: bytes, url: str, fetcher: URLFetcher) -> str | None:
    """Why the SVG ``data``, read at ``url``, costs too much to draw, or None. ``fetcher``
    fetches what it references, by the build's rules, without drawing SVGs alone itself.
    Data that is not XML is never drawn as an SVG, and is not checked."""
    if not CAN_FORK or multiprocessing.current_process().daemon:
        return None  # a daemonic process (a Pool's worker) may not start one
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    digest = hashlib.sha256(data).digest()
    for key in (("", digest), (url, digest)):
        if key in _verdicts:
            return _verdicts[key]
    try:
        exitcode = _draw_in_child(url, fetcher)
    except OSError:  # no process to spare (EAGAIN): unchecked, as where none can fork
        return None
    why = _reason(exitcode)
    _verdicts["" if exitcode == _DRAWN else url, digest] = why
    return why


def _draw_in_child(url: str, fetcher: URLFetcher) -> int | None:
    """How the child that draws ``url`` alone ended; None if it ran out of time."""
    child = multiprocessing.get_context("fork").Process(
        target=_draw_alone, args=(url, fetcher), daemon=True
    )
    child.start()
    child.join(WALL_SECONDS)
    if child.exitcode is None:  # neither finished nor stopped by its processor limit
        child.kill()
        child.join()
        return None
    exitcode = child.exitcode
    child.close()
    return exitcode


def _reason(exitcode: int | None) -> str | None:
    if exitcode in (_DRAWN, _DRAWN_WITH_OTHERS):
        return None
    if exitcode is None or exitcode in _OUT_OF_TIME:
        return f"took longer than {CPU_SECONDS} s to draw on its own: simplify it or save it as PNG"
    if exitcode == _OUT_OF_MEMORY:
        return (
            f"needed more than {MEMORY_BYTES // 2**20:,} MiB of memory to draw on its own: "
            "simplify it or save it as PNG"
        )
    return "made the renderer fail when drawn on its own: simplify it or save it as PNG"


def _draw_alone(url: str, fetcher: URLFetcher) -> None:
    """In the child: draw the SVG at ``url`` within the limits and exit with the verdict.
    WeasyPrint logs an error in an SVG, MemoryError included, and carries on, so memory is
    judged by the peak: with address space capped at twice the budget, any allocation
    refused (short of one larger than the budget) means the peak went past the budget."""
    import resource  # Unix only

    _limit(resource.RLIMIT_CORE, 0, 0)  # the processor limit's signal would dump core
    _limit(resource.RLIMIT_CPU, CPU_SECONDS, CPU_SECONDS + 1)  # SIGXCPU, then SIGKILL
    start = _address_space("VmSize")
    _limit(resource.RLIMIT_AS, start + 2 * MEMORY_BYTES, start + 2 * MEMORY_BYTES)
    # The build reports the verdict, not what the child logged or printed as it died
    logging.disable()
    faulthandler.disable()
    silence = os.open(os.devnull, os.O_WRONLY)
    os.dup2(silence, 1)
    os.dup2(silence, 2)
    fetched = _Fetched(fetcher)
    try:
        HTML(string=f'<img src="{escape(url)}">', url_fetcher=fetched).write_pdf()
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)
    except Exception:
        os._exit(_FAILED)
    if _address_space("VmPeak") - start > MEMORY_BYTES:
        os._exit(_OUT_OF_MEMORY)
    os._exit(_DRAWN if fetched.urls <= {url} else _DRAWN_WITH_OTHERS)


class _Fetched(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Fetches with ``fetcher``, keeping the URLs asked for."""

    def __init__(self, fetcher: URLFetcher) -> None:
        super().__init__()
        self.fetcher = fetcher
        self.urls: set[str] = set()

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        self.urls.add(url)
        return self.fetcher.fetch(url, headers)


def _address_space(field: str) -> int:
    """This process's address space now (VmSize) or at its largest (VmPeak), in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0]) * 1024  # given in kB
    raise LookupError(field)


def _limit(kind: int, soft: int, hard: int) -> None:
    """Lower the limits on ``kind``, never above a hard limit already set."""
    import resource  # Unix only

    ceiling = resource.getrlimit(kind)[1]
    if ceiling != resource.RLIM_INFINITY:
        soft, hard = min(soft, ceiling), min(hard, ceiling)
    resource.setrlimit(kind, (soft, hard))
