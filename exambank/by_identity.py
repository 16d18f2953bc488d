"""What was worked out from an object, kept by the object's identity.

Some answers are asked of one question many times in a run (its options as one text by
every rule that searches them, whether it keeps its order by the JSON, the CSV and a
shuffle), and the objects asked of are frozen models, unhashable or costly to hash. Each
entry holds the object itself, so its id cannot be reused for another object while the
entry lives; the store is emptied when full, so a long run never holds more than ``size``
of them.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

Kept = TypeVar("Kept")


class ByIdentity(Generic[Kept]):
    """Values kept by an object's identity (and, where an answer depends on more, by
    ``also``: a bank's language)."""

    def __init__(self, size: int = 1 << 16) -> None:
        self._size = size
        self._held: dict[tuple[Hashable, ...], tuple[object, Kept]] = {}

    def get(self, of: object, *also: Hashable) -> Kept | None:
        """The value kept for ``of``, or None."""
        held = self._held.get((id(of), *also))
        return held[1] if held is not None and held[0] is of else None

    def put(self, of: object, value: Kept, *also: Hashable) -> Kept:
        """Keep ``value`` for ``of``; ``value``."""
        if len(self._held) >= self._size:
            self._held.clear()
        key = (id(of), *also)
        self._held[key] = (of, value)
        return value
