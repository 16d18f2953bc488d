"""Read bank files into plain data, remembering where every value came from.

Linting reads libyaml's parse events (through ruamel.yaml's C binding), which carry every
value's line and column at C speed; the pure-Python round-trip loader, about ten times
slower, is kept for rewriting files. One pass builds the data and finds duplicate keys,
aliases and scalars that YAML would type behind the author's back.
"""

from __future__ import annotations

import codecs
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from exambank.diagnostics import Diagnostic
from exambank.paths import is_yaml
from exambank.source import (
    OTHER_BREAKS,
    JsonPath,
    Position,
    Source,
    line_and_column,
    position_of_byte,
)
from exambank.yaml11 import typed_scalar


def read_source(
    path: Path, display: str | None = None, raw: bytes | None = None
) -> tuple[Source, list[Diagnostic]]:
    """Read one YAML file (or ``raw``, its bytes as they are to be read: ``lint --fix``
    reads a file with its unquoted ': ' quoted before writing it). ``Source.data`` is None
    when nothing usable could be read."""
    source = Source(path=path, display=display or str(path))
    problems: list[Diagnostic] = []

    def report(rule: str, position: Position, message: str, hint: str | None) -> None:
        problems.append(Diagnostic(source.display, *position, "error", rule, message, hint))

    refused = refusal(path)
    if refused is not None:
        report("yaml-syntax", (1, 1), *refused)
        return source, problems
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        report("yaml-syntax", (1, 1), f"cannot read the file: {error.strerror}", None)
        return source, problems
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: read past it
    except UnicodeDecodeError as error:
        # The decoder counts from after a byte-order mark, which it drops (and so does an
        # editor that shows the file).
        body = raw.removeprefix(codecs.BOM_UTF8)
        line, column = position_of_byte(body, error.start)
        message = f"byte 0x{body[error.start]:02x} is not valid UTF-8"
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            line, column, message = 1, 1, "the file is saved as UTF-16, not UTF-8"
        report(
            "encoding",
            (line, column),
            message,
            "save the file as UTF-8 (most editors: 'Save with encoding')",
        )
        return source, problems
    if not text.strip():
        report("schema", (1, 1), "the file is empty", "a bank file is a mapping: start with 'id:'")
        return source, problems
    if any(map(text.__contains__, OTHER_BREAKS)):
        source.text_with_other_breaks = text
    conflicted = _report_conflicts(text, report)
    try:
        source.data = _Reader(source, problems).read(text)
    except MarkedYAMLError as error:
        if conflicted:  # libyaml failed on a marker: the markers say what is wrong
            return source, problems
        from exambank import syntax_hints  # only a broken file needs it

        # Where libyaml sees line breaks an editor does not, its lines are not the
        # author's: keep libyaml's words and name the break.
        found = None if source.text_with_other_breaks else syntax_hints.explain(text, error)
        found = found or syntax_hints.in_libyaml_words(text, error)
        hint = found.hint or _break_hint(source, found.index)
        report("yaml-syntax", line_and_column(text, found.index), found.message, hint)
        if source.text_with_other_breaks is None:  # then the lines are the author's
            # libyaml stops at the first error: an unquoted ': ' is in many lines at once
            for colon in syntax_hints.unquoted_colons(text, error).lines[1:]:
                said = colon.explanation
                report("yaml-syntax", line_and_column(text, said.index), said.message, said.hint)
        return source, problems
    except ReaderError as error:  # a character YAML does not allow
        # libyaml gives the offset in UTF-8 bytes ("café" is five), not in characters.
        before = text.encode("utf-8")[: error.position].decode("utf-8", errors="replace")
        report(
            "yaml-syntax",
            line_and_column(before, len(before)),
            f"the control character U+{error.character:04X} is not allowed in YAML",
            "delete it (most editors do not show it), or write it as an escape in double quotes",
        )
        return source, problems
    except YAMLError as error:
        report("yaml-syntax", (1, 1), f"not valid YAML: {error}".strip(), None)
        return source, problems
    if source.data is None and not source.values:
        report("schema", (1, 1), "the file holds only comments", "start with 'id:'")
    if source.text_with_other_breaks is not None:
        for index in _unquoted_breaks(text):
            report("yaml-syntax", line_and_column(text, index), *_break_problem(text, index))
    return source, problems


def _report_conflicts(text: str, report: Callable[[str, Position, str, str | None], None]) -> bool:
    """Report each merge conflict left in ``text``; whether there is one. Nearly every
    bank file holds neither a '<' nor a '>', which a one-character search rules out at
    memchr speed; only the others are searched for a marker."""
    if not (("<" in text and "<<<<<<<" in text) or (">" in text and ">>>>>>>" in text)):
        return False
    from exambank.syntax_hints.conflicts import conflicts  # only a conflicted file needs it

    found = conflicts(text)
    for conflict in found:
        report(
            "yaml-syntax", line_and_column(text, conflict.index), conflict.message, conflict.hint
        )
    return bool(found)


def refusal(path: Path) -> tuple[str, str] | None:
    """Why exambank will not read or write the bank file ``path`` (message, hint): a link
    out of its folder (a bank would quote, or rewrite, a file it does not hold) or
    something that is not a file (a device never ends); None for an ordinary file."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
            return (
                "the file is a link to a file outside its bank folder",
                "copy the file into the bank folder instead of linking to it",
            )
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            return "not a file (a device or a pipe)", "keep only bank files in a bank folder"
    except (OSError, RuntimeError):  # a link loop: reading it says what is wrong
        return None
    return None


_MAX_DEPTH = 200
# A plain scalar YAML could read as a number, boolean or null starts with one of these or
# is at most five letters long (false, FALSE, null, yes, off ...); only those few go
# through the resolver, which is what makes reading cheaper than composing.
_MAY_BE_TYPED = frozenset("0123456789+-.~")
# And it starts with a character the resolver has a pattern for ("t" for true, "n" for
# null ...; "" for the empty scalar), or one of the YAML 1.1 booleans ``typed_scalar`` checks
# (yes, no, on, off): a short answer letter ("A") or id ("s1-q0") needs no resolver.
_STARTS_TYPED = frozenset(
    [key for key in CSafeLoader.yaml_implicit_resolvers if isinstance(key, str)]
) | frozenset("yYnNoO")
_ANY_START_TYPED = None in CSafeLoader.yaml_implicit_resolvers  # a pattern for any start
_NODE_EVENTS = frozenset({ScalarEvent, MappingStartEvent, SequenceStartEvent})
_DROPPED = object()  # stands for the key of a repeated or unusable entry
# The keys a list item of a bank file starts with: a question's id, a key term's term.
_FIRST_KEYS = frozenset({"id", "term"})
_KEY_IS_COLLECTION = object()  # the key being read is a list or mapping


class _Reader:
    """Builds plain data from libyaml's parse events in one iterative pass.

    libyaml's parser and this loop are both iterative, so no nesting can crash the process,
    and building no node tree makes reading cheaper than libyaml's own composer.
    """

    def __init__(self, source: Source, problems: list[Diagnostic]) -> None:
        self.source = source
        self.problems = problems
        # List items (by path) whose first key repeats: two items that lost a '- '.
        self.run_together: set[JsonPath] = set()

    def read(self, text: str) -> Any:
        loader = CSafeLoader(text)
        try:
            # Every tag has a "!", every anchor a "&": files without either skip the tests.
            return self._build(loader, text, tagged="!" in text, anchored="&" in text)
        finally:
            loader.dispose()

    def _build(self, loader: CSafeLoader, text: str, tagged: bool, anchored: bool) -> Any:
        marked = tagged or anchored
        commented = _has_comment_after_content(text)
        values, typed_scalars = self.source.values, self.source.typed_scalars
        keys = self.source.keys
        resolve, next_event = loader.resolve, loader.get_event
        # One frame per open collection: [container, its path (None when dropped), the key
        # awaiting its value (mappings only)].
        stack: list[list[Any]] = []
        root: Any = None
        while True:
            event = next_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return root
            if marked and kind in _NODE_EVENTS:
                self._refuse_marks(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            frame = stack[-1] if stack else None
            if frame is not None and frame[2] is None and type(frame[0]) is dict:
                # This event is a mapping key; keys are kept as written ("1", "yes", "A").
                # The frame holds the path of the value to come (or why there is none).
                parent = frame[1]
                if kind is ScalarEvent and parent is not None:
                    key_path = (*parent, str(event.value))
                    if key_path not in keys:  # the usual case, inlined: 130,000 keys a bench run
                        keys[key_path] = event.start_mark
                        frame[2] = key_path
                        continue
                frame[2] = self._key(event, parent)
                if kind is ScalarEvent:
                    continue
            typed = None
            if kind is ScalarEvent:
                value = event.value
                # Quoted, or plain and plainly text (the usual case, inlined): as written.
                if (
                    not event.style
                    and (value[:1] in _STARTS_TYPED or _ANY_START_TYPED)
                    and (len(value) <= 5 or value[0] in _MAY_BE_TYPED)
                    and not (tagged and event.tag)  # reported above; read as written
                ):
                    value, typed = typed_scalar(event, resolve)
            elif kind is MappingStartEvent:
                value = {}
            elif kind is SequenceStartEvent:
                value = []
            elif kind is AliasEvent:
                value = None
            elif kind is DocumentStartEvent and values:
                self._error(
                    self._at(event),
                    "the file holds more than one YAML document",
                    "a bank file holds one document: remove the extra '---'",
                )
                return root
            else:  # the stream's start, the document's start and end
                continue
            mark = event.start_mark
            path: JsonPath | None = ()
            if frame is None:
                root = value
            else:
                container, parent, key = frame
                if type(container) is list:
                    path = None if parent is None else (*parent, len(container))
                    container.append(value)
                elif key is _KEY_IS_COLLECTION:
                    path = None  # a list or mapping used as a key: read it, keep nothing
                    frame[2] = _DROPPED
                else:
                    frame[2] = None
                    if key is _DROPPED:
                        path = None
                    else:
                        path = key
                        container[key[-1]] = value
            if path is not None:
                values[path] = mark
                if typed:
                    typed_scalars[path] = typed
                if commented and kind is ScalarEvent and not event.style and value:
                    end = event.end_mark.index  # one space or tab, then '#': a comment
                    if text[end + 1 : end + 2] == "#" and text[end] in " \t":
                        self._comment_after(text, event, path)
            if kind is AliasEvent:
                self._error(
                    self._at(event),
                    "anchors and aliases (&name, *name) are not supported in bank files",
                    "write the value out in full",
                )
            elif kind is not ScalarEvent:
                if len(stack) >= _MAX_DEPTH:
                    self._error(
                        self._at(event), f"values nest more than {_MAX_DEPTH} levels deep", None
                    )
                    return None
                stack.append([value, path, None])

    def _key(self, event: Any, parent: JsonPath | None) -> Any:
        """The path of the value a key introduces, or _DROPPED or _KEY_IS_COLLECTION."""
        position = self._at(event)
        if type(event) is not ScalarEvent:
            if parent is not None:  # inside a dropped key, one report is enough
                self._report("schema", position, "a key must be plain text", "quote the key")
            return _KEY_IS_COLLECTION
        key = str(event.value)
        if parent is None:
            return _DROPPED
        path = (*parent, key)
        first = self.source.keys.get(path)
        if first is not None:
            line = self.source.position(first)[0]
            if parent in self.run_together:
                return _DROPPED  # the rest of a list item that lost its '- ': told once
            if key in _FIRST_KEYS and parent and isinstance(parent[-1], int):
                # Most often a '- ' left out: two list items read as one.
                self.run_together.add(parent)
                item = {"questions": "question", "key_terms": "key term"}.get(
                    str(parent[0]), "item"
                )
                self._report(
                    "duplicate-key",
                    position,
                    f"key '{key}' repeats in one {item} (first at line {line}): without a "
                    f"'- ' before it, a new {item} runs into the one above",
                    f"start the new {item} with '- ' as the others start; else keep one '{key}'",
                )
                return _DROPPED
            self._report(
                "duplicate-key",
                position,
                f"key '{key}' repeats (first at line {line})",
                "keep one of them; YAML readers silently drop one",
            )
            return _DROPPED
        self.source.keys[path] = event.start_mark
        return path

    def _comment_after(self, text: str, event: Any, path: JsonPath) -> None:
        """Record the comment that starts one space after the unquoted ``event``."""
        mark = event.end_mark  # the '#' is on the same line, one character on
        at = mark.index + 1
        line_end = text.find("\n", at)
        comment = text[at : len(text) if line_end == -1 else line_end].split("\r", 1)[0]
        position = self.source.position(_Mark(mark.line, mark.column + 1, at))
        self.source.comments_after[path] = (position, comment.rstrip())

    def _refuse_marks(self, event: Any) -> None:
        """A tag or an anchor on a value: neither survives a rewrite, nor may a bank need
        them."""
        if event.tag is not None:
            self._error(
                self._at(event),
                f"the tag '{_written_tag(event.tag)}' is not supported in bank files",
                "quote the whole value if the '!' belongs to the text; else remove the tag",
            )
        if event.anchor is not None:
            self._error(
                self._at(event),
                f"the anchor '&{event.anchor}' is not supported in bank files",
                "quote the whole value if the '&' belongs to the text; else remove the anchor",
            )

    def _at(self, event: Any) -> Position:
        return self.source.position(event.start_mark)

    def _error(self, position: Position, message: str, hint: str | None) -> None:
        self._report("yaml-syntax", position, message, hint)

    def _report(self, rule: str, position: Position, message: str, hint: str | None) -> None:
        self.problems.append(
            Diagnostic(self.source.display, *position, "error", rule, message, hint)
        )


@dataclass(frozen=True)
class _Mark:
    line: int
    column: int
    index: int


def _has_comment_after_content(text: str) -> bool:
    """Whether some line holds a '#' after a space or tab that follows other text: the
    only files whose values a comment may have cut short (most have none, and a '#' is
    found at memchr speed)."""
    at = text.find("#")
    while at != -1:
        if at and text[at - 1] in " \t" and text[text.rfind("\n", 0, at) + 1 : at].strip():
            return True
        at = text.find("#", at + 1)
    return False


def _written_tag(tag: Any) -> str:
    """A tag as an author writes it: ``!!str`` for ``tag:yaml.org,2002:str``."""
    return str(tag).replace("tag:yaml.org,2002:", "!!")


def _break_hint(source: Source, error_at: int) -> str | None:
    """The line break only YAML sees that most likely caused a syntax error which makes
    no sense in an editor: the last one before the error."""
    text = source.text_with_other_breaks
    if text is None:
        return None
    at = max(text.rfind(character, 0, error_at) for character in OTHER_BREAKS)
    if at < 0:
        return None
    line, column = line_and_column(text, at)
    return f"{line}:{column} holds " + ": ".join(_break_problem(text, at))


def _break_problem(text: str, index: int) -> tuple[str, str]:
    return (
        f"U+{ord(text[index]):04X}, a line break to YAML that editors do not show",
        "delete it, or put the text in double quotes",
    )


def _unquoted_breaks(text: str) -> list[int]:
    """Where a line break only YAML sees stands outside quotes. Inside quotes it is kept
    (or folded to a space) as text; anywhere else YAML ends the line there, and may read
    "title: T<U+2028>summary: y" as two keys where an editor shows one line."""
    quoted: list[tuple[int, int]] = []
    loader = CSafeLoader(text)
    try:
        while type(event := loader.get_event()) is not StreamEndEvent:
            if type(event) is ScalarEvent and event.style in ("'", '"'):
                quoted.append((event.start_mark.index, event.end_mark.index))
    finally:
        loader.dispose()
    return [
        index
        for index, character in enumerate(text)
        if character in OTHER_BREAKS and not any(start < index < end for start, end in quoted)
    ]


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """The YAML files of a bank folder, in name order."""
    yield from sorted(path for path in directory.iterdir() if is_yaml(path))
