"""libyaml's parse events, each made with one Python call instead of three.

ruamel.yaml's C binding makes every event by calling a class of ``ruamel.yaml.events``,
whose ``__init__`` calls its base class's, which calls its own: three Python calls for
each of the 340,000 events of the 10,000-question bench bank, 0.57 G of the 4.36 G
instructions those events cost to make (0.37 G fewer in a lint with every rule). The
binding looks these classes up by name in its module each time it makes an event, so
while a bank file is read the subclasses below stand in for the five frequent ones: each
sets the same slots in one ``__init__`` (a statement a slot: assigned from tuples, they
cost a tuple an event, a quarter of what making one cost), and is still an instance of
the class it stands for. ``lean_events`` checks once, on a small document, that the
binding makes the same events with them (the same classes in the same order, the same
values, marks and styles); if it does not, or the binding has no such names, nothing is
swapped and the reader gets the usual classes.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from ruamel.yaml import cyaml, events
from ruamel.yaml.cyaml import CSafeLoader


class Scalar(events.ScalarEvent):
    __slots__ = ()

    def __init__(
        self,
        anchor: Any,
        tag: Any,
        implicit: Any,
        value: Any,
        start_mark: Any = None,
        end_mark: Any = None,
        style: Any = None,
        comment: Any = None,
    ) -> None:
        self.anchor = anchor
        self.ctag = tag
        self.implicit = implicit
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style
        self.comment = comment


class MappingStart(events.MappingStartEvent):
    __slots__ = ()

    def __init__(
        self,
        anchor: Any,
        tag: Any,
        implicit: Any,
        start_mark: Any = None,
        end_mark: Any = None,
        flow_style: Any = None,
        comment: Any = None,
        nr_items: Any = None,
    ) -> None:
        self.anchor = anchor
        self.ctag = tag
        self.implicit = implicit
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.flow_style = flow_style
        self.comment = comment
        self.nr_items = nr_items


class SequenceStart(events.SequenceStartEvent):
    __slots__ = ()
    __init__ = MappingStart.__init__  # the same slots, from CollectionStartEvent


class MappingEnd(events.MappingEndEvent):
    __slots__ = ()

    def __init__(self, start_mark: Any = None, end_mark: Any = None, comment: Any = None) -> None:
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.comment = comment


class SequenceEnd(events.SequenceEndEvent):
    __slots__ = ()
    __init__ = MappingEnd.__init__


class Kinds(NamedTuple):
    """The classes of the events a reading gets: the lean ones, or ruamel.yaml's."""

    scalar: type
    mapping_start: type
    sequence_start: type
    mapping_end: type
    sequence_end: type


USUAL = Kinds(
    events.ScalarEvent,
    events.MappingStartEvent,
    events.SequenceStartEvent,
    events.MappingEndEvent,
    events.SequenceEndEvent,
)
LEAN = Kinds(Scalar, MappingStart, SequenceStart, MappingEnd, SequenceEnd)
_NAMES = tuple(kind.__name__ for kind in USUAL)  # the binding's names for them
_SLOTS = ("anchor", "ctag", "implicit", "value", "style", "flow_style", "nr_items", "comment")
# A document with every event the lean classes make, with tags, anchors and every style.
_SAMPLE = "a: &x !t 'b'\nc: [1, {d: \"e\"}]\nf: |\n  g\n? h\n: !!str i\nj: *x\n"
# One thread at a time reads with the lean classes, so none restores them under another;
# a reading inside a reading (depth above 1) leaves them to the outer one.
_swapping = threading.RLock()
_depth = 0
_works: bool | None = None  # whether the binding makes the same events with LEAN


def _binding() -> Any:
    """The module of the C binding, whose names the parser looks up: None if it has not
    all of them (another binding, or another version of this one)."""
    module = sys.modules.get(cyaml.CParser.__module__)  # type: ignore[attr-defined]
    named = zip(_NAMES, USUAL, strict=True)
    if module is None or any(getattr(module, name, None) is not usual for name, usual in named):
        return None
    return module


def _described(text: str) -> list[tuple[Any, ...]]:
    """What the parser gives for ``text``: each event's class (as ruamel.yaml names it),
    slots and marks."""
    loader = CSafeLoader(text)
    found = []
    try:
        while not isinstance(event := loader.get_event(), events.StreamEndEvent):
            kind = next((usual for usual in USUAL if isinstance(event, usual)), type(event))
            marks = tuple(
                (mark.index, mark.line, mark.column) for mark in (event.start_mark, event.end_mark)
            )
            found.append((kind, marks, *(getattr(event, slot, None) for slot in _SLOTS)))
    finally:
        loader.dispose()
    return found


def _swap(module: Any, kinds: Kinds) -> None:
    for name, kind in zip(_NAMES, kinds, strict=True):
        setattr(module, name, kind)


@contextmanager
def lean_events() -> Iterator[Kinds]:
    """Swap the lean event classes in while the block reads, and give the classes its
    events will have; the usual ones come back when it ends, however it ends."""
    global _depth
    with _swapping:
        if _depth:
            yield LEAN  # swapped in by the reading this one is inside
            return
        module = _binding()
        if module is None or not _lean_works(module):
            yield USUAL
            return
        _swap(module, LEAN)
        _depth += 1
        try:
            yield LEAN
        finally:
            _depth -= 1
            _swap(module, USUAL)


def _lean_works(module: Any) -> bool:
    """Whether the binding makes the same events with the lean classes (found out once)."""
    global _works
    if _works is None:
        usual = _described(_SAMPLE)
        _swap(module, LEAN)
        try:
            _works = _described(_SAMPLE) == usual
        except (TypeError, AttributeError):  # it calls them otherwise, or has other slots
            _works = False
        finally:
            _swap(module, USUAL)
    return _works
