"""A code span as the handouts print it: each of its words that a line could break inside
(after a hyphen, a slash, a closing bracket ...: ``--hosted-zone-id``, ``/etc/hosts``) marked
as one token, which handout.css keeps on one line, so that a code span wraps at its spaces, as
a learner would type it ("--" and "hosted-zone-id" on two lines read as two words).

A word too long to keep whole (a web address, a chain of flags) breaks inside, and shows
where: it may break only at a seam, after a run of punctuation (``/``, ``.``, ``-``, ``_``,
``?``, ``&``, ``=`` ...) that a letter or a digit follows, but for the run it starts with
(``--``, ``./``, ``~/``: "--" alone at a line's end reads as a token of its own), and
handout.css draws a "↪" at the end of a line it breaks. The seams are soft hyphens, whose
hyphenation character handout.css sets to "↪" (WeasyPrint draws that character at a soft
hyphen's break, and nothing where the word does not break there).

Between its punctuation, a word has a seam at each case change (``identifier_parts``:
"AWS", "Service", "Role" ...), and only a part longer than ``_LONGEST_KEPT_WHOLE`` characters
(a hash, a key) has one between each two characters; never inside a character and its
accents or an emoji sequence (a grapheme cluster), which a copy or a search would get in
pieces. A line breaker takes a soft hyphen before it moves a word, so a long word with no
punctuation seam (``AWSServiceRoleForAmazonSageMakerNotebooks``, a hash) is set as a long
identifier is: on one line, moving to the next line whole where it fits there, and only
where it is wider than its line does the build let it break (``identifier_fit.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from exambank.identifiers import identifier_parts

if TYPE_CHECKING:
    import regex

# A run of spaces or tabs (kept as typed: the CSS prints them so) between tokens.
_SPACES = re.compile(r"([ \t]+)")
# A character a line may break after inside a word, before a letter or a digit (Unicode's line
# breaking rules: a hyphen, a slash, a closing bracket, "?", "!", "|", "," or ";"): a token
# without one needs no mark ("s3://", "a->b" and "x[0]'" have none).
_BREAKABLE = re.compile(r"[-\u2010\u2013/|?!)\]},;](?=\w)")
# A longer token (a web address, a path) breaks inside, at a seam: kept whole, one wider than
# its line would run past the page's edge. 30 characters fit the narrowest line code is set
# on outside a table: an option's, in large print, in a list in a block quote (34).
_LONGEST_KEPT_WHOLE = 30
# Where a longer token may break: after a run of punctuation, a line break rule's (a hyphen,
# a slash, a closing bracket ...) and a web address's or a name's (".", "_", "&", "=", ":",
# "\\"), before what is not (never inside "--" or "://"). Nowhere else: Unicode's rules break
# such a token only where ``_BREAKABLE`` does, and a soft hyphen there moves that break after
# it (they forbid one before it), where the mark is drawn.
_SEAM = re.compile(r"[-\u2010\u2013/|?!)\]},;.&=:_\\]+(?=[^-\u2010\u2013/|?!)\]},;.&=:_\\])")
# What ends the punctuation a token starts with ("--", "./", "~/"), after which is no seam
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SOFT_HYPHEN = "\u00ad"


def code_span(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """``<code>`` as markdown-it writes it, each token that may break inside, and is short
    enough to move to the next line whole, in a ``code-token`` span, and each longer one
    in a ``code-long`` span, with its seams (``long_token``), which is an ``identifier``
    too if it has none after punctuation."""
    token = tokens[idx]
    if not env.get("for_print", True):  # an export: the code as written
        return f"<code{self.renderAttrs(token)}>{escapeHtml(token.content)}</code>"
    parts = _SPACES.split(token.content)
    marked = "".join(
        _printed(part) if index % 2 == 0 else escapeHtml(part) for index, part in enumerate(parts)
    )
    return f"<code{self.renderAttrs(token)}>{marked}</code>"


def _printed(word: str) -> str:
    """A word of a code span (no space in it) as HTML, marked as ``code_span`` says."""
    # a word of fewer characters has fewer clusters: only a long one needs them counted
    if (
        len(word) > _LONGEST_KEPT_WHOLE
        and len(clusters := cluster_starts(word)) > _LONGEST_KEPT_WHOLE
    ):
        lead = _leading_punctuation(word)
        seamed = escapeHtml(long_token(word))
        joined = next((start for start in clusters if start > lead), len(word))
        kept = escapeHtml(word[:joined])  # the punctuation it starts with, and what follows
        # Unicode's rules break after "--" or "/" before a letter (not a run long enough to
        # have seams of its own)
        if 0 < lead < len(word) and seamed.startswith(kept):
            seamed = f'<span class="code-lead">{kept}</span>{seamed[len(kept) :]}'
        if _SEAM.search(word, lead):
            return f'<span class="code-long">{seamed}</span>'
        return f'<span class="identifier code-long">{seamed}</span>'  # whole where it fits
    if _BREAKABLE.search(word):
        return f'<span class="code-token">{escapeHtml(word)}</span>'
    return escapeHtml(word)


def long_token(word: str) -> str:
    """``word`` with a soft hyphen at each of its seams (``seams``)."""
    pieces, done = [], 0
    for seam in seams(word):
        pieces.append(word[done:seam])
        done = seam
    return _SOFT_HYPHEN.join([*pieces, word[done:]])


def seams(word: str) -> list[int]:
    """Where ``word`` may break: after each run of punctuation but the one it starts with;
    in a run between them longer than a line holds, at each case change too
    (``identifier_parts``), and in a part of it that long, between each two characters;
    only ever between grapheme clusters."""
    clusters = cluster_starts(word)
    lead = _leading_punctuation(word)
    after_punctuation = [run.end() for run in _SEAM.finditer(word, lead)]
    found = set(after_punctuation)
    for start, end in pairwise([0, lead, *after_punctuation, len(word)]):
        if not _too_long(clusters, start, end):  # "additionalFields.updateDate": at the "."
            continue
        for part_start, part in _parts(word, start, end):
            if part_start > start:  # a case change
                found.add(part_start)
            part_end = part_start + len(part)
            if _too_long(clusters, part_start, part_end):
                found.update(index for index in clusters if part_start < index < part_end)
    return sorted(found.intersection(clusters) - {0})


def _too_long(clusters: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` holds more grapheme clusters than a line holds (``clusters``:
    where each starts)."""
    return sum(start <= index < end for index in clusters) > _LONGEST_KEPT_WHOLE


def _parts(word: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The parts of ``word[start:end]`` a name breaks into, each with where it starts."""
    for part in identifier_parts(word[start:end]):
        yield start, part
        start += len(part)


def _leading_punctuation(word: str) -> int:
    """How many characters of punctuation ``word`` starts with."""
    first = _LETTER_OR_DIGIT.search(word)
    return first.start() if first else len(word)


def cluster_starts(text: str) -> list[int]:
    """Where each grapheme cluster of ``text`` starts: Unicode's extended grapheme clusters
    (UAX #29), a character with its combining marks (an accent typed decomposed, as macOS
    names files), an emoji sequence, a flag's two letters, a Hangul syllable's jamo."""
    return [cluster.start() for cluster in _clusters().finditer(text)]


@cache
def _clusters() -> regex.Pattern[str]:
    """A grapheme cluster: the regex package knows Unicode's rules (re has no ``\\X``);
    imported at the first long code word, not by every lint run."""
    import regex

    return regex.compile(r"\X")
