"""Find similar sets without comparing every pair: a prefix-filtered similarity join.

For a Jaccard threshold t, two sets x and y with J(x, y) >= t share a token among the
first |x| - ceil(t * |x|) + 1 tokens of each, when every set is sorted in one global
order (Bayardo, Ma & Srikant, "Scaling up all pairs similarity search", WWW 2007; the
"prefix filter" of Chaudhuri, Ganti & Kaushik, ICDE 2006). Here the order puts the
tokens that occur in one set only first -- they can match nothing and are never
indexed -- then the others by value. In a bank most shingles are unique to their
question, so most questions cost two set operations and no index lookup at all. The
tokens may be hashed shingles or words: anything hashable and ordered.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

Token = TypeVar("Token", int, str)

# Two sets' indices, the later first, and their similarity.
Pair = tuple[int, int, float]


def similar_pairs(
    sets: Sequence[frozenset[Token]],
    threshold: float,
    max_postings: int,
    accept: Callable[[int, int], bool] = lambda first, second: True,
) -> Iterator[Pair]:
    """Each pair of sets whose Jaccard similarity is at least ``threshold`` and that
    ``accept`` takes, once, as (later index, earlier index, similarity).

    Any global order makes the join exact. ``max_postings``
    bounds how many earlier sets one token may pull in as candidates (the most recent
    ones), so a bank of near-identical templates stays linear; such a bank still has
    every question paired, with a recent twin.
    """
    seen: set[Token] = set()
    shared: set[Token] = set()
    for tokens in sets:
        shared |= seen & tokens
        seen |= tokens
    index: dict[Token, list[int]] = {}
    for current, tokens in enumerate(sets):
        common = tokens & shared
        # Tokens unique to this set come first in the order; the prefix ends p tokens in.
        prefix_end = len(tokens) - math.ceil(threshold * len(tokens)) + 1
        indexed = prefix_end - (len(tokens) - len(common))
        if indexed <= 0:
            continue
        candidates: set[int] = set()
        for token in sorted(common)[:indexed]:
            postings = index.setdefault(token, [])
            candidates.update(postings[-max_postings:])
            postings.append(current)
        for other in sorted(candidates):
            similarity = _similarity(sets[current], sets[other], threshold)
            if similarity is not None and accept(current, other):
                yield current, other, similarity


def closest(pairs: Iterable[Pair]) -> dict[int, tuple[int, float]]:
    """For each index in ``pairs``, its most similar partner and their similarity (ties:
    the earlier partner)."""
    best: dict[int, tuple[int, float]] = {}
    for current, other, similarity in pairs:
        _keep(best, current, other, similarity)
        _keep(best, other, current, similarity)
    return best


def groups(pairs: Iterable[Pair]) -> list[list[int]]:
    """The connected groups of the indices in ``pairs``, each in index order, in the order
    of their first index: a copy of a copy is in its original's group."""
    parent: dict[int, int] = {}

    def root(at: int) -> int:
        while parent.setdefault(at, at) != at:
            parent[at] = parent[parent[at]]  # halve the path: later finds are shorter
            at = parent[at]
        return at

    for current, other, _ in pairs:
        parent[root(current)] = root(other)
    members: dict[int, list[int]] = {}
    for at in sorted(parent):  # each group first met at its first index
        members.setdefault(root(at), []).append(at)
    return list(members.values())


def _similarity(
    first: frozenset[Token], second: frozenset[Token], threshold: float
) -> float | None:
    """The Jaccard similarity of two sets if it reaches ``threshold``, else None."""
    size, other_size = len(first), len(second)
    if min(size, other_size) < threshold * max(size, other_size):
        return None
    shared = len(first & second)
    similarity = shared / (size + other_size - shared)
    return similarity if similarity >= threshold else None


def _keep(best: dict[int, tuple[int, float]], at: int, other: int, similarity: float) -> None:
    held = best.get(at)
    if held is None or (similarity, -other) > (held[1], -held[0]):
        best[at] = (other, similarity)
