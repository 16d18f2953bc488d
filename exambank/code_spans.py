"""A code span as the handouts print it: each of its words that a line could break inside
(after a hyphen, a slash, a closing bracket ...: ``--hosted-zone-id``, ``/etc/hosts``) marked
as one token, which handout.css keeps on one line, so that a code span wraps at its spaces, as
a learner would type it ("--" and "hosted-zone-id" on two lines read as two words)."""

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
# A longer token (a web address, a path) breaks inside as before: kept whole, one wider than
# its line would run past the page's edge. 30 characters fit the narrowest line code is set
# on outside a table: an option's, in large print, in a list in a block quote (34).
_LONGEST_KEPT_WHOLE = 30


def code_span(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """``<code>`` as markdown-it writes it, each token that may break inside, and is short
    enough to move to the next line whole, in a ``code-token`` span."""
    token = tokens[idx]
    if not env.get("for_print", True):  # an export: the code as written
        return f"<code{self.renderAttrs(token)}>{escapeHtml(token.content)}</code>"
    parts = _SPACES.split(token.content)
    marked = "".join(
        f'<span class="code-token">{escapeHtml(part)}</span>'
        if index % 2 == 0 and len(part) <= _LONGEST_KEPT_WHOLE and _BREAKABLE.search(part)
        else escapeHtml(part)
        for index, part in enumerate(parts)
    )
    return f"<code{self.renderAttrs(token)}>{marked}</code>"
