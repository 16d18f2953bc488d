"""Output a CI log may show, kept from giving the CI's runner a command.

GitHub Actions' runner reads every line a step prints, on stdout and stderr alike, for a
workflow command: the older ``##[command]`` anywhere in a line, and ``::command::`` at the
start of one, after any white space (actions/runner, ``ActionCommand.TryParse`` and
``TryParseV2``); it splits lines at CR and LF only (``StreamReader.ReadLine``). Bank text
quoted as it is would let a pull request annotate any file, mask the log or stop the
runner reading exambank's own annotations. So the ``[`` of a ``##[`` and the first ``:``
of a line's leading ``::`` are written as an escape of the output's own kind: in text as
exambank shows control characters (``##\\x5b``), in JSON and markup as the escape any
parser reads back as the same character, so the data stay the same to a tool. Output
without either is left as it is, byte for byte.
"""

from __future__ import annotations

import re

_LEGACY_PREFIX = "##["
_TEXT_INLINE = "##\\x5b"
_TEXT_LINE_COMMAND = re.compile(r"^(\s*):(?=:)")
# JSON: "#" stands only in a string, and no escape holds one, so every "##[" is three
# characters of a string. No string starts a line: its line breaks are escapes.
_JSON_INLINE = "##\\u005b"
# Markup: a text's own line breaks stay, so a line of it may start with "::". Python's
# white space includes all that .NET's TrimStart takes off, and more.
_MARKUP_INLINE = "##&#91;"
_MARKUP_LINE_COMMAND = re.compile(r"(^|[\r\n])(\s*):(?=:)")


def without_commands(words: str) -> str:
    """``words`` (one line, or the start of one) with the ``[`` of each ``##[`` and the
    first ``:`` of a leading ``::`` written as escapes: ``##\\x5b``, ``\\x3a:``."""
    shown = words.replace(_LEGACY_PREFIX, _TEXT_INLINE)
    return _TEXT_LINE_COMMAND.sub(r"\1\\x3a", shown, count=1)


def json_without_commands(document: str) -> str:
    """A JSON document with each ``##[`` written ``##\\u005b``: ``json.loads`` reads
    the same strings back."""
    return document.replace(_LEGACY_PREFIX, _JSON_INLINE)


def markup_without_commands(markup: str) -> str:
    """XML or HTML (a document, or a value escaped for one, whose start is taken for a
    line's) with ``[`` as ``&#91;`` in each ``##[`` and ``&#58;`` for the first ``:`` of
    a line's leading ``::``, character references a parser reads back as the same text.
    Not for the raw text of a ``<script>`` or ``<style>``, which reads no reference."""
    shown = markup.replace(_LEGACY_PREFIX, _MARKUP_INLINE)
    return _MARKUP_LINE_COMMAND.sub(r"\1\2&#58;", shown)
