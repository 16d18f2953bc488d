"""Syntax errors in an author's words.

libyaml names the state its parser was in ("while scanning a simple key could not find
expected ':'") and the place it noticed the trouble, often the line after the mistake.
``explain`` reads the text at libyaml's marks and, for the mistakes authors make, says what
is wrong in their terms, points where the fix goes and shows the line fixed. Any other
error keeps libyaml's words (``in_libyaml_words``). Only broken files get here, so the
code reads the text line by line, for clarity rather than speed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError

from exambank import model


@dataclass(frozen=True)
class Explanation:
    """Where the fix goes (an index into the text), what is wrong, and how to fix it."""

    index: int
    message: str
    hint: str | None


def explain(text: str, error: MarkedYAMLError) -> Explanation | None:
    """The author's mistake behind ``error``, or None when it is not one this module
    knows. Never raises: a better message is a courtesy, libyaml's is still right."""
    problem_mark = error.problem_mark or error.context_mark
    context_mark = error.context_mark or error.problem_mark
    if problem_mark is None:
        return None
    words = " ".join(part for part in (error.context, error.problem) if part)
    try:
        lines = _Text(text)
        found = _odd_space_in_indentation(lines, problem_mark.index)
        for phrase, explainer in _EXPLAINERS:
            if found is None and phrase in words:
                found = explainer(lines, problem_mark.index, context_mark.index)
    except Exception:  # a misjudged line must not cost the author the report itself
        return None
    return found


def in_libyaml_words(text: str, error: MarkedYAMLError) -> Explanation:
    """libyaml's own message where it noticed the trouble, with a hint where one is safe."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and mark and mark.index >= len(text.rstrip()):
        # Ran off the end (an unclosed quote or bracket): where it opened says more.
        mark = error.context_mark
    problem = " ".join(part for part in (error.context, error.problem) if part)
    problem = problem or "not valid YAML"
    hint = next((hint for words, hint in _HINTS if all(map(problem.__contains__, words))), None)
    return Explanation(mark.index if mark else 0, problem, hint)


_HINTS = (
    (("tab",), "indent with spaces, not tabs"),
    (("mapping values are not allowed",), "text containing ': ' must be quoted"),
    (("quoted scalar", "end of stream"), "close the quote that opens here"),
    (("single document",), "a bank file holds one document: remove the extra '---'"),
)
# Every key of the source format: a word at a key's place that is one of these (or an
# option letter) is a key the author meant, not text.
_MODELS = (model.Manifest, model.Section, model.Question, model.Option, model.KeyTerm)
_KEYS = frozenset(name for schema in (*_MODELS, model.Suppression) for name in schema.model_fields)


# The keys that may stand beside each key (in the same mapping): after 'explanation', a
# line 'tags [a, b]' is a key without its colon; 'text of ...' is more explanation.
def _keys_beside() -> dict[str, frozenset[str]]:
    beside: dict[str, set[str]] = {}
    for schema in _MODELS:
        for name in schema.model_fields:
            beside.setdefault(name, set()).update(schema.model_fields)
    return {name: frozenset(keys) for name, keys in beside.items()}


_BESIDE = _keys_beside()
# Keys whose values are free text, which an author may wrap onto more lines.
_PROSE_KEYS = frozenset(
    {"stem", "explanation", "text", "feedback", "summary", "notes", "definition", "title"}
    | {"description", "exam", "term", "reason"}
)
_COLON_LOOKALIKES = "\uff1a\ufe55\ufe13\u2236\ua789\u02f8"  # full-width, small, ratio ...
# Typographic quotes word processors type (curly, German low-9, guillemets): the opening
# one and its closing one.
_CURLY_QUOTES = {
    "\u201c": "\u201d",
    "\u201d": "\u201d",
    "\u2018": "\u2019",
    "\u2019": "\u2019",
    "\u201e": "\u201c",
    "\u201a": "\u2018",
    "\u00ab": "\u00bb",
}
_SHORT = 20  # a hint shows about this many characters of the author's text
_LINE = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)"
    r"(?:(?P<key>[\w-]+)[ \t]*:(?=[ \t]|$)[ \t]*)?(?P<value>.*)"
)


class _Text:
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

    def parse(self, row: int) -> _Line:
        return _Line(self.lines[row])


class _Line:
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


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _space_words(character: str) -> str:
    if character == "\u00a0":
        return "a non-breaking space"
    return f"U+{ord(character):04X} ({unicodedata.name(character, 'a space').lower()})"


def _is_key_name(word: str | None) -> bool:
    return word is not None and (word in _KEYS or re.fullmatch("[A-Z]", word) is not None)


def _short(value: str, keep: int = 0) -> str:
    """The first words of ``value``, through index ``keep``, with '…' when cut."""
    end = 0
    for word in re.finditer(r"\S+", value):
        if end and word.end() > max(_SHORT, keep + 1):
            return value[:end] + "…"
        end = word.end()
    return value


def _quoted(value: str, keep: int = 0) -> str:
    """``value`` quoted as YAML reads it back unchanged, shortened."""
    if '"' in value or "\\" in value:
        return "'" + _short(value.replace("'", "''"), keep) + "'"
    return '"' + _short(value, keep) + '"'


def _quoted_line(lead: str, value: str, keep: int = 0) -> str:
    """``lead`` and ``value`` quoted; a note set two spaces off or more is left outside
    the quotes, while a '#' one space on stays in: it may be text YAML would cut."""
    comment = re.search(r"[ \t]{2,}#", value)  # one space on: maybe text, stays inside
    if comment is None:
        return f"{lead}{_quoted(value, keep)}"
    return f"{lead}{_quoted(value[: comment.start()], keep)}  {value[comment.end() - 1 :]}"


def _pair(key: str, value: str) -> str:
    return f"{key}: {_short(value)}" if value else f"{key}:"


def _odd_space_in_indentation(text: _Text, problem: int) -> Explanation | None:
    """A no-break space (or the like) in the indentation of the error's line or the one
    above: it looks like a space, and YAML reads it as text."""
    row, _ = text.row_column(problem)
    for checked in (row, text.row_above(row)):
        line = "" if checked is None else text.lines[checked]
        blank = len(line) - len(line.lstrip())
        odd = next((at for at in range(blank) if line[at] not in " \t"), None)
        if checked is not None and odd is not None and line[blank:]:
            return Explanation(
                text.index(checked, odd),
                f"the indentation holds {_space_words(line[odd])}, which YAML reads as text",
                "replace it with an ordinary space",
            )
    return None


def _missing_colon(text: _Text, problem: int, context: int) -> Explanation | None:
    """A line at a key's place with no ': ' (libyaml's context mark is where it starts)."""
    row, column = text.row_column(context)
    written = text.lines[row][column:].rstrip()
    if written.startswith("---"):
        return Explanation(
            context,
            "'---' here is read as text where a key belongs",
            "delete the line: a bank file holds one document (a comment '# ---' can mark a break)",
        )
    header_row = text.row_above(row)
    while header_row is not None and text.parse(header_row).indent > column:
        header_row = text.row_above(header_row)  # text of a block above, more indented
    header = None if header_row is None else text.parse(header_row)
    if (
        header
        and header.key
        and re.fullmatch(r"[|>][-+0-9]*( +#.*)?", header.value)
        and column <= header.key_column
    ):
        indicator = header.value.split()[0]
        return Explanation(
            context,
            f"the text under '{header.key}: {indicator}' must be indented more than '{header.key}'",
            f"indent each line of the text {_spaces(header.key_column + 2)}, "
            f"2 more than '{header.key}'",
        )
    word = re.match(r"[\w-]+", written)
    if word is None:
        return None
    after = written[word.end() :]
    value = after.lstrip(" \t")
    at = context + word.end()
    if value[:1] and value[0] in _COLON_LOOKALIKES:
        return Explanation(
            at + len(after) - len(value),
            f"'{value[0]}' is not a colon YAML knows",
            f"type an ordinary ':' instead: '{_pair(word[0], value[1:].strip())}'",
        )
    if after.startswith(":") and after[1:2].isspace():
        return Explanation(
            at + 1, f"{_space_words(after[1])} follows ':'", "replace it with an ordinary space"
        )
    if after.startswith(":"):
        return Explanation(at, "no space after ':'", f"write '{_pair(word[0], after[1:])}'")
    if _is_key_name(word[0]) and not _continues_text(text, row, column, word[0], value):
        return Explanation(
            context, f"missing ':' after '{word[0]}'", f"write '{_pair(word[0], value)}'"
        )
    return _text_not_indented(text, row, column)


# Keys whose values are few: a line "type of problem described." is no 'type' key.
_KEY_VALUES = {
    "type": re.compile(r"single|multiple"),
    "difficulty": re.compile(r"easy|medium|hard"),
    "answer": re.compile(r"\[?[A-Za-z](?:\s*,\s*[A-Za-z])*\]?"),
    "id": re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"),
}


def _continues_text(text: _Text, row: int, column: int, word: str, value: str) -> bool:
    """Whether a line that starts with a key's name ("A good choice ...", "type of ...")
    is rather the next line of the plain text above, written at its key's place: the key
    above holds prose (a stem, an option ...) and the word would be no key beside it --
    a letter that does not follow that option's, a key of another part of the format
    ('text' beside 'explanation'), a key whose value cannot be ``value``."""
    above = text.row_above(row, keyed=True)
    if above is None or not value:
        return False
    owner = text.parse(above)
    prose = owner.key in _PROSE_KEYS or re.fullmatch("[A-Z]", owner.key or "") is not None
    if owner.key_column != column or not prose or owner.value[:1] in ("", "|", ">", "'", '"'):
        return False
    if re.fullmatch("[A-Z]", word):
        return not (owner.key and len(owner.key) == 1 and ord(word) == ord(owner.key) + 1)
    if word not in _BESIDE.get(owner.key or "", frozenset()):
        return True
    pattern = _KEY_VALUES.get(word)
    return pattern is not None and pattern.fullmatch(value.split("#")[0].strip()) is None


def _text_not_indented(text: _Text, row: int, column: int) -> Explanation | None:
    """More of a plain text written at its key's place, not indented under it."""
    owner_row = text.row_above(row, keyed=True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    if owner.key_column < column or owner.value[:1] in ("", "|", ">", "'", '"'):
        return None
    return Explanation(
        text.index(row, column),
        f"more text of '{owner.key}' (line {owner_row + 1}) must be indented more than "
        f"'{owner.key}'",
        f"indent this line {_spaces(owner.key_column + 2)}, or write the text of "
        f"'{owner.key}' on one line",
    )


def _colon_in_text(text: _Text, problem: int, context: int) -> Explanation | None:
    """': ' where YAML allows no key: in a text, or a key indented into the text above."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    if line.key is not None and line.value_column <= column:  # stem: Which: AWS ...
        return _quote_the_text(text, row, column - line.value_column)
    above = text.row_above(row)
    if above is not None and text.parse(above).key is None:  # 'options' or 'text Amazon EC2'
        word = re.match(r" *(?:- +)*([\w-]+)(.?)", text.lines[above])
        lone = word is not None and not word[2]
        if word and _is_key_name(word[1]) and (lone or word.start(1) == line.key_column):
            return _missing_colon(text, problem, text.index(above, word.start(1)))
    owner_row = text.row_above(row, keyed=True)
    if owner_row is None or line.key is None:
        return None
    owner = text.parse(owner_row)
    if line.key in ("text", "feedback") and re.fullmatch("[A-Z]", owner.key or "") and owner.value:
        return Explanation(
            text.index(owner_row, owner.value_column),
            f"option {owner.key} is written as text, so it cannot hold '{line.key}'",
            f"write '{owner.key}:' alone on its line, then under it, indented 2 more, "
            f"'text: {_short(owner.value)}' and 'feedback: …'",
        )
    deeper = line.key_column - owner.key_column
    if _is_key_name(line.key) and deeper > 0:
        return Explanation(
            text.index(row, line.key_column),
            f"'{line.key}' is indented {_spaces(deeper)} more than '{owner.key}' on line "
            f"{owner_row + 1}, so YAML reads it as more text of '{owner.key}'",
            f"indent '{line.key}' {_spaces(owner.key_column)}, like '{owner.key}'",
        )
    if owner.key and owner.value and row > owner_row:
        return Explanation(
            text.index(owner_row, owner.value_column),
            "text containing ': ' must be quoted",
            f"put the whole text of '{owner.key}' (lines {owner_row + 1}-{row + 1}) in "
            "double quotes, or write the ': ' another way",
        )
    return _quote_the_text(text, owner_row, None)


def _quote_the_text(text: _Text, row: int, colon: int | None) -> Explanation:
    """Text holding ': ' (at ``colon`` in the value, when on this line) left unquoted."""
    line = text.parse(row)
    index = text.index(row, line.value_column)
    keep = colon or 0
    closing = _CURLY_QUOTES.get(line.value[:1])
    if closing:
        inner = line.value[1:].removesuffix(closing)
        return Explanation(
            index,
            f"{line.value[0]} {closing} are typographic quotes; YAML knows only straight \" and '",
            f"type straight quotes: {line.lead}{_quoted(inner, keep - 1)}",
        )
    if line.dash_columns and line.key and line.key not in _KEYS:
        # "- Tip: read twice": the item is text, its first word no key
        whole = text.lines[row][line.key_column :].rstrip()
        lead = line.lead[: line.key_column - line.indent]
        return Explanation(
            text.index(row, line.key_column),
            "text containing ': ' must be quoted",
            f"write it quoted: {_quoted_line(lead, whole, keep + len(line.key) + 2)}",
        )
    return Explanation(
        index,
        "text containing ': ' must be quoted",
        f"write it quoted: {_quoted_line(line.lead, line.value, keep)}",
    )


def _not_a_key(text: _Text, problem: int, context: int) -> Explanation | None:
    """Something other than a key where a mapping's next key belongs."""
    row, column = text.row_column(problem)
    line = text.parse(row)
    if column == len(text.lines[row]) - len(text.lines[row].lstrip()):
        return _indentation(text, row, column)
    owner_row = row if line.key and line.value_column < column else text.row_above(row, True)
    if owner_row is None:
        return None
    owner = text.parse(owner_row)
    first = owner.value[:1]
    index = text.index(owner_row, owner.value_column)
    if first in ("'", '"'):
        return _quote_ends_early(text, row, column, owner_row)
    if first and first in "[{*&":
        return Explanation(
            index,
            f"text starting with '{first}' must be quoted",
            f"write it quoted: {owner.lead}{_quoted(owner.value)}",
        )
    return None


def _quote_ends_early(text: _Text, row: int, column: int, owner_row: int) -> Explanation | None:
    """A text opened with a quote that closes before the text ends."""
    owner = text.parse(owner_row)
    quote = owner.value[0]
    written = text.lines[row]
    closing = len(written[:column].rstrip()) - 1  # libyaml stops just after it
    if written[closing] != quote:
        return None
    index = text.index(owner_row, owner.value_column)
    if not written.rstrip().endswith(quote):  # "Bayesian" is one of ...
        other = "'" if quote == '"' else '"'
        whole = _quoted(owner.value) if other == "'" or "\\" in owner.value else ""
        whole = whole or '"' + _short(owner.value.replace('"', '\\"')) + '"'
        return Explanation(
            index,
            "text that starts with a quote must end with it",
            f"put the whole text in {other} quotes: {owner.lead}{whole}",
        )
    inner = owner.value[1:].removesuffix(quote) if owner_row == row else owner.value[1:]
    keep = closing - owner.value_column - 1 if owner_row == row else 0
    if quote == "'":
        word = _word_around(written, closing)
        doubled = f"double it: {owner.lead}'{_short(inner.replace(chr(39), chr(39) * 2), keep)}'"
        other_style = f', or use double quotes: {owner.lead}"{_short(inner, keep)}"'
        return Explanation(
            index,
            f'the \' in "{word}" ends the quoted text early',
            doubled + ("" if '"' in inner or "\\" in inner else other_style),
        )
    word = _word_around(written, column)
    single = _short(inner.replace("'", "''"), keep)
    return Explanation(
        index,
        f"the '\"' before '{word}' ends the quoted text early",
        f"quote the text with ' instead: {owner.lead}'{single}', or write the inner quotes as \\\"",
    )


def _word_around(line: str, column: int) -> str:
    """The word of ``line`` that holds ``column``, without quotes and punctuation."""
    start = len(line[:column].rstrip(" ").rsplit(" ", 1)[0]) if " " in line[:column] else 0
    end = line.find(" ", column)
    return line[start : len(line) if end < 0 else end].strip("\"'.,;:!?() ")


def _indentation(text: _Text, row: int, column: int) -> Explanation | None:
    """A key or list item at the start of its line that lines up with none above it."""
    line = text.parse(row)
    is_item = bool(line.dash_columns) and line.dash_columns[0] == column
    if not is_item and (line.key is None or line.key_column != column):
        return None
    entries = _open_entries(text, row)
    peers = [entry for entry in entries if (entry[1] == "-") == is_item]
    deeper = [entry for entry in peers if entry[0] > column]
    keys = [entry for entry in entries if entry[1] != "-" and entry[0] == column]
    if is_item and keys and not deeper:  # "- B: ..." among options A:, C: ...
        _, name, key_row = keys[-1]
        return Explanation(
            text.index(row, column),
            f"a list item ('- ') where a key belongs, in line with '{name}' on line {key_row + 1}",
            f"remove the '- ': '{_short(text.lines[row][column + 2 :].strip())}'",
        )
    if not deeper or any(entry[0] == column for entry in peers):
        return None
    target_column, name, target_row = min(deeper)
    indented = f"indented {_spaces(column)}" if column else "not indented"
    if is_item:
        return Explanation(
            text.index(row, column),
            f"this list item is {indented}, in line with no item above it",
            f"indent the item, with every line under it, {_spaces(target_column)}, like the "
            f"item on line {target_row + 1}",
        )
    return Explanation(
        text.index(row, column),
        f"'{line.key}' is {indented}, in line with no key above it",
        f"indent it {_spaces(target_column)}, like '{name}' on line {target_row + 1}",
    )


def _open_entries(text: _Text, row: int) -> list[tuple[int, str, int]]:
    """The keys and list items (name '-') still open at ``row``: (column, name, row)."""
    entries: list[tuple[int, str, int]] = []
    block_text_under: int | None = None  # inside a '|' or '>' text: lines deeper than this
    for above in range(row):
        content = text.lines[above].strip()
        if not content or content.startswith("#"):
            continue
        line = text.parse(above)
        if block_text_under is not None and line.indent > block_text_under:
            continue
        block_text_under = None
        here = [(dash, "-", above) for dash in line.dash_columns]
        if line.key:
            here.append((line.key_column, line.key, above))
            if line.value[:1] in ("|", ">"):
                block_text_under = line.key_column
        if here:
            entries = [entry for entry in entries if entry[0] < line.indent] + here
    return entries


def _not_an_item(text: _Text, problem: int, context: int) -> Explanation | None:
    row, column = text.row_column(problem)
    return _indentation(text, row, column)


def _alias_or_anchor(text: _Text, problem: int, context: int) -> Explanation | None:
    return _bad_start(text, context, None)


def _odd_token(text: _Text, problem: int, context: int) -> Explanation | None:
    if text.text[problem] == "\t":
        return _tab(text, problem, context)
    return _bad_start(text, problem, None)


def _tab(text: _Text, problem: int, context: int) -> Explanation | None:
    row, _ = text.row_column(problem)
    if not text.lines[row].strip():  # an empty-looking line
        return Explanation(
            problem, "a tab on a line that is otherwise empty", "delete the tab, or the line"
        )
    return Explanation(problem, "a tab where YAML expects a space", "indent with spaces, not tabs")


def _dash_in_text(text: _Text, problem: int, context: int) -> Explanation | None:
    return _bad_start(text, problem, "- ")


def _bad_start(text: _Text, index: int, shown: str | None) -> Explanation | None:
    """A text whose first character YAML reads as markup (*, &, @, `, %, '- ')."""
    row, column = text.row_column(index)
    line = text.parse(row)
    if line.value_column != column or not line.value:
        return None
    return Explanation(
        index,
        f"text starting with '{shown or line.value[0]}' must be quoted",
        f"write it quoted: {_quoted_line(line.lead, line.value)}",
    )


def _text_after_indicator(text: _Text, problem: int, context: int) -> Explanation | None:
    """'stem: > Which ...': a block text's indicator with the text on its own line."""
    row, column = text.row_column(context)
    line = text.parse(row)
    indicator = re.match(r"[|>][-+0-9]*", line.value)
    if line.value_column != column or indicator is None:
        return None
    key = line.key or "-"
    return Explanation(
        context,
        f"text after '{line.lead}{indicator[0]}' must start on the next line",
        f"put the text on the next line, indented more than '{key}', or quote it: "
        f"{_quoted_line(line.lead, line.value[indicator.end() :].lstrip())}",
    )


_EXPLAINERS: tuple[tuple[str, Callable[[_Text, int, int], Explanation | None]], ...] = (
    ("could not find expected ':'", _missing_colon),
    ("mapping values are not allowed", _colon_in_text),
    ("did not find expected key", _not_a_key),
    ("did not find expected '-' indicator", _not_an_item),
    ("while scanning an alias", _alias_or_anchor),
    ("while scanning an anchor", _alias_or_anchor),
    ("cannot start any token", _odd_token),
    ("found a tab character", _tab),
    ("block sequence entries are not allowed", _dash_in_text),
    ("while scanning a block scalar", _text_after_indicator),
)
