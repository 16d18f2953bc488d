"""An identifier as the handouts print it: a long name in camelCase or PascalCase, or with a
digit inside (``AmazonRoute53ResolverEndpoint``, ``ElasticLoadBalancingV2``), is never
hyphenated, and breaks only at its case changes, with no hyphen, only where it is longer than
its line or table column.

Hyphenated by the rules of the bank's language ("ElasticLoad-BalancingV2"), a name reads as
one with a hyphen, and AWS names do have hyphens (``elastic-load-balancing``). So each such
word, with what is joined to it ("AmazonRoute53ResolverEndpoint,"), is set in a span that
``handout.css`` makes an inline block with hyphenation off: it moves to the next line whole
where it fits there, as a word does, and wraps inside only where it is wider than the line.
Inside it may wrap only where a ``<wbr>`` is, at the start of each part after the first
("Amazon", "Route53", "Resolver", "Endpoint"). A ``<wbr>`` is no character: the text layer
and a copy from the JSON's HTML hold the name as written (``hyphenated_words.py`` gives a
name wrapped in a table cell its whole text back as ``/ActualText``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

# As long as the words a table hyphenates (handout.css: hyphenate-limit-chars: 16): a shorter
# one is never hyphenated, and fits on a line of any column a table leaves it.
SHORTEST = 16
# A part is at least this long: "BalancingV2" and "iPhone" keep "V2" and "i" on their line.
_SHORTEST_PART = 3
_SPACES = re.compile(r"(\s+)")
_WORD = re.compile(r"[^\W_]+")  # letters and digits
# What makes such a word an identifier: a capital after a small letter or a digit (camelCase,
# PascalCase: "LoadBalancing", "Route53Resolver"), or a digit beside a letter ("V2").
_INNER = re.compile(r"(?<=[^\W\d_])(?<=[^\W\d_A-Z])[A-Z]|\d(?=[A-Z])|[^\W\d_]\d|\d[^\W\d_]")
# A part starts at a capital after a small letter or a digit ("Load", "Resolver"), at the
# capital before a small letter that ends a run of capitals ("HTTPServer": "Server"), and
# where a number of three digits or more starts or ends beside a letter ("Windows2019",
# "sha256sum"; a shorter one stays with its letters: "Route53", "EC2").
_PART_START = re.compile(
    r"(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d{3})|(?<=\d{3})(?=[a-z])"
)
# Tokens left alone: a web address, a path or an e-mail address breaks at its slashes as before
_NOT_A_NAME = re.compile(r"[/:@]")


def identifier_text(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A text token as markdown-it writes it (escaped), each word that holds a long
    identifier in an ``identifier`` span, with a ``<wbr>`` before each of its parts; for
    an export, which has no page to fit, the text alone."""
    if not env.get("for_print", True):
        return escapeHtml(tokens[idx].content)
    return marked_identifiers(tokens[idx].content)


def marked_identifiers(text: str) -> str:
    """``text`` escaped as HTML, each word that holds a long identifier in an
    ``identifier`` span, with a ``<wbr>`` before each of its parts: running text as
    markdown-it writes it, and a title wherever a handout prints one (its heading, its
    line in the contents and the key, the cover), so that it wraps as running text does."""
    parts = _SPACES.split(text)
    return "".join(
        _marked(part) if index % 2 == 0 else escapeHtml(part) for index, part in enumerate(parts)
    )


def _marked(word: str) -> str:
    """``word`` (no space in it), escaped, and set as an identifier if it holds one."""
    names = [match for match in _WORD.finditer(word) if is_identifier(match[0])]
    if not names or _NOT_A_NAME.search(word):
        return escapeHtml(word)
    pieces, done = [], 0
    for name in names:
        pieces.append(escapeHtml(word[done : name.start()]))
        pieces.append("<wbr>".join(escapeHtml(part) for part in identifier_parts(name[0])))
        done = name.end()
    pieces.append(escapeHtml(word[done:]))
    return f'<span class="identifier">{"".join(pieces)}</span>'


def is_identifier(word: str) -> bool:
    """Whether ``word`` (letters and digits) is a long identifier: 16 characters or more,
    with a capital inside after a small letter or a digit, or a digit beside a letter."""
    return len(word) >= SHORTEST and _INNER.search(word) is not None


def identifier_parts(name: str) -> list[str]:
    """``name`` cut where a line may break inside it: before each capital that starts a
    part, each part at least three characters long."""
    parts: list[str] = []
    for part in _PART_START.split(name):
        if parts and (len(part) < _SHORTEST_PART or len(parts[-1]) < _SHORTEST_PART):
            parts[-1] += part
        else:
            parts.append(part)
    return parts
