"""A broken YAML file read line by line as block YAML reads it, the keys of the source
format, and an author's text shortened and quoted for a hint."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import get_args, get_origin

from ruamel.yaml.reader import ReaderError

from exambank import model
from exambank.code_pages import read_as_latin1
from exambank.diagnostics import LINT_FIX_DOES_THIS


@dataclass(frozen=True)
class Explanation:
    """Where the fix goes (an index into the text), what is wrong, and how to fix it;
    ``retype``: what to type in place of as many characters from ``index``, when that
    alone is the fix ('- ' for a word processor's dash and the blank after it)."""

    index: int
    message: str
    hint: str | None
    # The hint where ``lint --fix`` does what it says (text holding ': ', quoted), which
    # only the whole file tells: its unquoted lines are quoted all together or not at all.
    fixed_hint: str | None = None
    retype: str | None = None
    # The text at ``index`` is refused for the character it starts with ('*nix systems',
    # '[default] settings', '| grep'): quoted whole, it is the text the author typed.
    refused_start: bool = False


def control_character(text: str, position: int, character: int) -> Explanation:
    """A character YAML does not allow, where libyaml's reader met it: ``position`` is in
    UTF-8 bytes ("café" is five), and is turned into an index into ``text``. One of
    U+0080-U+009F is named as the Windows-1252 character it most likely was."""
    before = text.encode("utf-8")[:position].decode("utf-8", errors="replace")
    message = f"the control character U+{character:04X} is not allowed in YAML"
    misread = read_as_latin1(chr(character))
    if misread is not None:
        note, hint = misread
        return Explanation(len(before), f"{message} ({note})", hint)
    return Explanation(
        len(before),
        message,
        "delete it (most editors do not show it): no handout or export can hold it",
    )


# Every key of the source format: a word at a key's place that is one of these (or an
# option letter) is a key the author meant, not text.
_MODELS = (model.Manifest, model.Section, model.Question, model.Option, model.KeyTerm)
KEYS = frozenset(name for schema in (*_MODELS, model.Suppression) for name in schema.model_fields)


# The keys that may stand beside each key (in the same mapping): after 'explanation', a
# line 'tags [a, b]' is a key without its colon; 'text of ...' is more explanation.
def _keys_beside() -> dict[str, frozenset[str]]:
    beside: dict[str, set[str]] = {}
    for schema in _MODELS:
        for name in schema.model_fields:
            beside.setdefault(name, set()).update(schema.model_fields)
    return {name: frozenset(keys) for name, keys in beside.items()}


BESIDE = _keys_beside()


def _list_keys() -> frozenset[str]:
    def holds_list(annotation: object) -> bool:
        return get_origin(annotation) is list or any(map(holds_list, get_args(annotation)))

    schemas = (*_MODELS, model.Suppression)
    return frozenset(
        name
        for schema in schemas
        for name, field in schema.model_fields.items()
        if holds_list(field.annotation)
    )


# The keys whose value is (or may be) a list: 'questions', 'exam_tips', 'tags', 'answer' ...
LIST_KEYS = _list_keys()
# Keys whose values are free text, which an author may wrap onto more lines.
PROSE_KEYS = frozenset(
    {"stem", "explanation", "text", "feedback", "summary", "notes", "definition", "title"}
    | {"description", "exam", "term", "reason"}
)
COLON_LOOKALIKES = "\uff1a\ufe55\ufe13\u2236\ua789\u02f8"  # full-width, small, ratio ...
# Typographic quotes word processors type for quotes (curly, German low-9): the opening
# one and its closing one. Not guillemets (U+00AB, U+2039 and their closing ones): in
# French and many languages they are the text's own punctuation, never a YAML quote.
CURLY_QUOTES = {
    "\u201c": "\u201d",
    "\u201d": "\u201d",
    "\u2018": "\u2019",
    "\u2019": "\u2019",
    "\u201e": "\u201c",
    "\u201a": "\u2018",
}
# Characters that cannot start a plain text and mean nothing else at a value's start
# (reserved, or a directive's only at a line's start): the author meant them as text.
RESERVED_STARTS = "`@%"
# Characters that start something else at a value's start: an alias, an anchor, a tag,
# a list or mapping, a block text. Where YAML refuses what follows ('*nix systems',
# '[default] settings', '| grep x'), the author meant text; where it reads it ('[A, C]',
# '&name text'), it is YAML's, and left alone.
MARKUP_STARTS = "*&![{|>"
# A block text's indicator and a blank after it ('stem: > Which ...'): the author meant a
# block text and typed its first line on the indicator's (or meant '>' as text: which, is
# theirs to say). Text right after it ('>5 years', '|x|') starts with the character.
BLOCK_HEADER = re.compile(r"[|>][-+]?[ \t]")
# What word processors and pasted lists put where a list item's '- ' belongs: each means
# nothing else to YAML at the start of a line, where it is text. And Markdown's other
# bullets (``BULLETS``), which do mean something else: '*' starts an alias, '+' may start
# a text, so they are taken for a '-' only where list items stand (``items``).
BULLETS = {"*": "a Markdown bullet", "+": "a Markdown bullet"}
DASH_LOOKALIKES = {
    "\u2010": "a Unicode hyphen",
    "\u2011": "a non-breaking hyphen",
    "\u2012": "a figure dash",
    "\u2013": "an en dash",
    "\u2014": "an em dash",
    "\u2212": "a minus sign",
    "\u2022": "a bullet",
    "\u25e6": "a white bullet",
    "\u2043": "a hyphen bullet",
    **BULLETS,
}
_SHORT = 20  # a hint shows about this many characters of the author's text
_LINE = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)"
    r"(?:(?P<key>[\w-]+)[ \t]*:(?=[ \t]|$)[ \t]*)?(?P<value>.*)"
)


class Text:
    """The file as an editor shows it: lines end at a line feed, a carriage return or both."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = re.split(r"\r\n|\r|\n", text)
        self.starts = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]

    def row_column(self, index: int) -> tuple[int, int]:
        row = bisect_right(self.starts, index) - 1
        return row, index - self.starts[row]

    def index(self, row: int, column: int) -> int:
        return self.starts[row] + column

    def row_above(self, row: int, keyed: bool = False) -> int | None:
        """The nearest row above ``row`` with content (with a key, if ``keyed``)."""
        for above in range(row - 1, -1, -1):
            content = self.lines[above].strip()
            if content and not content.startswith("#") and (not keyed or self.parse(above).key):
                return above
        return None

    def parse(self, row: int) -> Line:
        return Line(self.lines[row])


class Line:
    """One line read as block YAML: indentation, list dashes, a key and its value."""

    def __init__(self, line: str) -> None:
        match = _LINE.match(line)
        assert match is not None  # every part is optional
        self.indent = len(match["indent"])
        self.dash_columns = [self.indent + at.start() for at in re.finditer("-", match["dashes"])]
        self.key: str | None = match["key"]
        self.key_column = match.start("key") if self.key else match.end("dashes")
        self.value_column = match.start("value")
        self.value = match["value"].rstrip(" \t")
        self.lead = line[self.indent : self.value_column]  # "stem: ", "- ", "- id: "


def wrapped_rows(text: Text, row: int, column: int) -> list[int] | None:
    """The rows below ``row`` that go on with the plain text on it: the lines deeper than
    ``column`` up to the first that is not, or is a comment (none: the text ends on its
    line). None where a tab starts one: its depth is YAML's to judge."""
    rows: list[int] = []
    for below in range(row + 1, len(text.lines)):
        written = text.lines[below]
        content = written.lstrip(" ")
        if not content.strip():
            continue
        if content.startswith("\t"):
            return None
        if content.startswith("#") or len(written) - len(content) <= column:
            break
        rows.append(below)
    return rows


def reads_past(text: str, row: int) -> bool:
    """Whether libyaml reads ``text`` (a mended copy of a file) past ``row``: to its end,
    or to a later error."""
    from exambank.syntax_hints import first_error  # which imports this module

    try:
        error = first_error(text)
    except ReaderError:  # a character YAML does not allow further on: it got that far
        return True
    return error is None or error.problem_mark is None or error.problem_mark.line > row


def curly_quoted(value: str) -> bool:
    """Whether ``value`` (a note after it left out) is wholly in typographic quotes, as a
    word processor types straight ones. Quotes around a part of it only (a phrase of the
    stem in quotes, then more words) are the text's own: ordinary characters to YAML."""
    closing = CURLY_QUOTES.get(value[:1])
    written = re.split(r"[ \t]+#", value, maxsplit=1)[0]
    return closing is not None and len(written) > 1 and written.endswith(closing)


def spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def space_words(character: str) -> str:
    if character == "\u00a0":
        return "a non-breaking space"
    return f"U+{ord(character):04X} ({unicodedata.name(character, 'a space').lower()})"


def is_key_name(word: str | None) -> bool:
    return word is not None and (word in KEYS or re.fullmatch("[A-Z]", word) is not None)


def is_letter(key: str | None) -> bool:
    """Whether ``key`` is an option's letter."""
    return key is not None and len(key) == 1 and "A" <= key <= "Z"


def beside(key: str | None, name: str) -> bool:
    """Whether a line's ``key`` may stand beside the key ``name`` in one mapping."""
    if key is None:
        return False
    return (is_letter(key) and is_letter(name)) or key in BESIDE.get(name, ())


def short(value: str, keep: int = 0) -> str:
    """The first words of ``value``, through index ``keep``, with '…' when cut."""
    end = 0
    for word in re.finditer(r"\S+", value):
        if end and word.end() > max(_SHORT, keep + 1):
            return value[:end] + "…"
        end = word.end()
    return value


def last_words(value: str) -> str:
    """The last words of ``value``, as many as ``short`` keeps of its first, with '…'
    before them when cut."""
    words = list(re.finditer(r"\S+", value))
    start = len(value)
    for word in reversed(words):
        if start < len(value) and len(value) - word.start() > _SHORT:
            return "…" + value[start:]
        start = word.start()
    return value


def quoted(value: str, keep: int = 0, whole: bool = False) -> str:
    """``value`` quoted as YAML reads it back unchanged, shortened unless ``whole``:
    in double quotes, or in single quotes (each ' doubled) when it holds '"' or '\\'."""
    single = '"' in value or "\\" in value
    inner = value.replace("'", "''") if single else value
    inner = inner if whole else short(inner, keep)
    return f"'{inner}'" if single else f'"{inner}"'


def quoted_line(lead: str, value: str, keep: int = 0, whole: bool = False) -> str:
    """``lead`` and ``value`` quoted (shortened unless ``whole``); a note set two spaces
    off or more is left outside the quotes, while a '#' one space on stays in: it may be
    text YAML would cut."""
    comment = re.search(r"[ \t]{2,}#", value)  # one space on: maybe text, stays inside
    if comment is None:
        return f"{lead}{quoted(value, keep, whole)}"
    text, note = value[: comment.start()], value[comment.end() - 1 :]
    return f"{lead}{quoted(text, keep, whole)}  {note}"


def write_quoted(lead: str, value: str, keep: int = 0, fixed: bool = False) -> str:
    """The hint to quote ``value`` (after ``lead``), shown as ``quoted_line`` shows it. A
    shortened example says so: a newcomer would otherwise type its '…' and close the
    quotes there. Where ``lint --fix`` quotes it (``fixed``), the hint says so before the
    example, which may end in a comment."""
    example = quoted_line(lead, value, keep)
    shortened = example != quoted_line(lead, value, keep, whole=True)
    notes = ["shortened here"] * shortened + [LINT_FIX_DOES_THIS] * fixed
    said = f" ({'; '.join(notes)})" if notes else ""
    return f"write {'the whole text' if shortened else 'it'} quoted{said}: {example}"


def shortened(example: str, whole: str) -> str:
    """' (shortened here)' where a hint's ``example`` is shortened from ``whole``, lest its
    '…' be typed; else nothing."""
    return "" if example == whole else " (shortened here)"


def refused_start(index: int, lead: str, value: str) -> Explanation:
    """Text YAML refuses for the character it starts with ('*nix systems', '[default]
    settings', '`ls`'), at ``index``: quoted whole, with a note set two spaces off left
    after it, it reads as typed, and ``lint --fix`` quotes it where nothing else stops it."""
    return Explanation(
        index,
        f"text starting with '{value[0]}' must be quoted",
        write_quoted(lead, value),
        write_quoted(lead, value, fixed=True),
        refused_start=True,
    )


def pair(key: str, value: str, whole: bool = False) -> str:
    """'key: value', the value shortened as a hint shows it, unless ``whole``."""
    if not value:
        return f"{key}:"
    return f"{key}: {value if whole else short(value)}"


def write_pair(key: str, value: str, verb: str = "write") -> str:
    """The hint to write ``key: value`` (``verb``, then the line in quotes), saying so
    where the line is shortened."""
    example = pair(key, value)
    return f"{verb} '{example}'{shortened(example, pair(key, value, whole=True))}"


def next_option(key: str | None, written: str) -> bool:
    """Whether ``written``, at the place of option ``key``, is the next option with ")" or
    "." for ':' ("B) AWS Lambda", copied from a printed exam). A Roman numeral out of turn
    ("I. S3 stores objects." below "A: Which hold?") is a statement of the text above."""
    if not re.fullmatch("[A-Z]", key or "") or not re.match(r"[A-Z][).] ", written):
        return False
    return written[0] not in "IVX" or ord(written[0]) == ord(str(key)) + 1
