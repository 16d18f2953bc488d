"""A code span as the handouts print it: each of its words that a line could break inside
(after a hyphen, a slash, a closing bracket ...: ``--hosted-zone-id``, ``/etc/hosts``) marked
as one token, which handout.css keeps on one line, so that a code span wraps at its spaces, as
a learner would type it ("--" and "hosted-zone-id" on two lines read as two words).

A word too long to keep whole (a web address, a chain of flags) breaks inside, and shows
where: it may break only at a seam, after a run of punctuation (``/``, ``.``, ``-``, ``_``,
``?``, ``&``, ``=`` ...) that a letter or a digit follows, and handout.css draws a "↪" at the
end of a line it breaks. The seams are soft hyphens, whose hyphenation character handout.css
sets to "↪" (WeasyPrint draws that character at a soft hyphen's break, and nothing where the
word does not break there); a run of more than ``_LONGEST_KEPT_WHOLE`` characters without a
seam (a hash, a key) has one between each two characters, as it cannot fit on a line whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

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
# A run without a seam too long for any line: it may break anywhere, with the mark too.
_SEAMLESS = re.compile(rf"[^\u00ad]{{{_LONGEST_KEPT_WHOLE + 1},}}")
_SOFT_HYPHEN = "\u00ad"


def code_span(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """``<code>`` as markdown-it writes it, each token that may break inside, and is short
    enough to move to the next line whole, in a ``code-token`` span, and each longer one
    in a ``code-long`` span, with its seams (``long_token``)."""
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
    if len(word) > _LONGEST_KEPT_WHOLE:
        return f'<span class="code-long">{escapeHtml(long_token(word))}</span>'
    if _BREAKABLE.search(word):
        return f'<span class="code-token">{escapeHtml(word)}</span>'
    return escapeHtml(word)


def long_token(word: str) -> str:
    """``word`` with a soft hyphen at each seam, and between each two characters of a run
    without one longer than a line holds."""
    seamed = _SEAM.sub(lambda run: run[0] + _SOFT_HYPHEN, word)
    return _SEAMLESS.sub(lambda run: _SOFT_HYPHEN.join(run[0]), seamed)
