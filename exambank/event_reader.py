"""Build a bank file's plain data from libyaml's parse events, remembering where every
value and key was written.

One pass builds the data and finds duplicate keys, aliases, scalars that YAML would
type behind the author's back, escapes likely typed by mistake and text a wrong encoding
garbled.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.events import AliasEvent, DocumentStartEvent, ScalarEvent, StreamEndEvent

from exambank.diagnostics import Diagnostic
from exambank.escapes import controls, slips, writes_blank
from exambank.lean_events import Kinds, lean_events
from exambank.mojibake import garbled_at, may_hold_mojibake, unmangled
from exambank.run_together import (
    FIRST_KEYS_OF,
    glued_again,
    glued_keys,
    in_question,
    lost_dash,
    repeated_key,
    second_stem,
)
from exambank.source import JsonPath, Lines, Position, Source
from exambank.yaml11 import typed_scalar

_MAX_DEPTH = 200
# No bank file nests that deep: a section, its questions, a question, its options, an
# option's text and feedback are five levels. The file was damaged, or written by a tool.
_TOO_DEEP = (
    "no bank file nests more than 5 levels: this one looks damaged or machine-made; restore "
    "it from version control, or remove the extra brackets or indentation that lead here"
)
ALIASES_REFUSED = "anchors and aliases (&name, *name) are not supported in bank files"
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
_DROPPED = object()  # stands for the key of a repeated or unusable entry
# Stands, before a second reading, for the place of a key that glues a new item onto the
# one above ('-id'): found there, the key is read through _key, which cuts the item.
_GLUING_KEY: Any = object()
_KEY_IS_COLLECTION = object()  # the key being read is a list or mapping


class EventReader:
    """Builds plain data from libyaml's parse events in one iterative pass.

    libyaml's parser and this loop are both iterative, so no nesting can crash the process,
    and building no node tree makes reading cheaper than libyaml's own composer.
    """

    def __init__(self, source: Source, problems: list[Diagnostic]) -> None:
        self.source = source
        self.problems = problems
        # List items (by path) that hold two items, one of which lost its '- ' (its first
        # key repeats) or the space after it ('-id'): every key after that one is the new
        # item's, and is dropped (the one finding at that key tells it).
        self.run_together: set[JsonPath] = set()
        # Those items by the identity of their mapping (which the entry holds, so the id
        # is not reused): a later new item run into the same one is told at its own key.
        self._cut_items: dict[int, tuple[dict[str, Any], JsonPath]] = {}
        self._glued_again: list[tuple[JsonPath, str, Any]] = []  # (item, key, its mark)
        # Questions whose 'stem' repeats, and the line of the second: a question's keys
        # twice, two questions under one '- id:' line (a merge that kept both sides).
        self._second_stems: dict[JsonPath, int] = {}
        self._lines: Lines | None = None  # made for the first escape or garbled word

    def read(self, text: str) -> Any:
        told = len(self.problems)
        data = self._read(text)
        gluing = glued_keys(data)
        if gluing:
            # An item glued on by its '-id' was read as more keys of the item above (a new
            # key takes the inlined path, which looks for none): read again, knowing where.
            self._forget_reading(told)
            self.source.keys.update(dict.fromkeys(gluing, _GLUING_KEY))
            data = self._read(text)
        if self._glued_again:
            self.source.data = data  # to name the items
            for item, key, mark in self._glued_again:
                position = self.source.position(mark)
                self._report("schema", position, *glued_again(self.source, item, key, text, mark))
        return data

    def _read(self, text: str) -> Any:
        loader = CSafeLoader(text)
        try:
            with lean_events() as kinds:
                # Every tag has a "!", every anchor a "&": files without either skip the tests.
                return self._build(loader, kinds, text, tagged="!" in text, anchored="&" in text)
        finally:
            loader.dispose()

    def _build(
        self, loader: CSafeLoader, kinds: Kinds, text: str, tagged: bool, anchored: bool
    ) -> Any:
        scalar, mapping_start, sequence_start, mapping_end, sequence_end = kinds
        node_events = {scalar, mapping_start, sequence_start}
        marked = tagged or anchored
        commented = _has_comment_after_content(text)
        # Most files hold no backslash and no mojibake: their texts need no second look.
        backslashed = "\\" in text
        garbled = may_hold_mojibake(text)
        looked_at = backslashed or garbled
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
            if marked and kind in node_events:
                self._refuse_marks(event)
            if kind is mapping_end or kind is sequence_end:
                stack.pop()
                continue
            frame = stack[-1] if stack else None
            if frame is not None and frame[2] is None and type(frame[0]) is dict:
                # This event is a mapping key; keys are kept as written ("1", "yes", "A").
                # The frame holds the path of the value to come (or why there is none).
                parent = frame[1]
                if kind is scalar and parent is not None:
                    key_path = (*parent, str(event.value))
                    if key_path not in keys:  # the usual case, inlined: 130,000 keys a bench run
                        keys[key_path] = event.start_mark
                        frame[2] = key_path
                        continue
                if parent is None and self._cut_items and kind is scalar:
                    self._new_item_again(frame[0], event)
                frame[2] = self._key(event, parent)
                if parent in self.run_together:
                    # A new item ran into this one at this key: the rest is the new item's,
                    # dropped with its keys ('type: multiple' would count this one's answer).
                    frame[1] = None
                    self._cut_items[id(frame[0])] = (frame[0], parent)
                if kind is scalar:
                    continue
            typed = None
            if kind is scalar:
                value = event.value
                # Quoted, or plain and plainly text (the usual case, inlined): as written.
                if (
                    not event.style
                    and (value[:1] in _STARTS_TYPED or _ANY_START_TYPED)
                    and (len(value) <= 5 or value[0] in _MAY_BE_TYPED)
                    and not (tagged and event.tag)  # reported above; read as written
                ):
                    value, typed = typed_scalar(event, resolve)
            elif kind is mapping_start:
                value = {}
                if event.flow_style:
                    self.source.flow_mappings = True
            elif kind is sequence_start:
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
                # Written as something (not 'key:'), whatever YAML types it as: a '#' one
                # space after '0', 'false' or '~' may cut a text short just as after '21'.
                if commented and kind is scalar and not event.style:
                    end = event.end_mark.index  # one space or tab, then '#': a comment
                    if text[end + 1 : end + 2] == "#" and text[end] in " \t":
                        self._comment_after(text, event, path)
                if looked_at and kind is scalar:
                    if backslashed and event.style == '"':
                        self._escape_slips(text, event, path)
                    if garbled and type(value) is str and (meant := unmangled(value)):
                        self._garbled(text, event, path, meant)
            if kind is AliasEvent:
                if path is not None:
                    self.source.aliases.add(path)
                self._error(self._at(event), ALIASES_REFUSED, "write the value out in full")
            elif kind is not scalar:
                if len(stack) >= _MAX_DEPTH:
                    message = f"values nest more than {_MAX_DEPTH} levels deep here"
                    self._error(self._at(event), message, _TOO_DEEP)
                    return None
                stack.append([value, path, None])

    def _key(self, event: Any, parent: JsonPath | None) -> Any:
        """The path of the value a key introduces, or _DROPPED or _KEY_IS_COLLECTION.
        A key that starts a new item run into the item at ``parent`` adds ``parent`` to
        ``run_together``."""
        position = self._at(event)
        if not isinstance(event, ScalarEvent):
            if parent is not None:  # inside a dropped key, one report is enough
                self._report("schema", position, "a key must be plain text", "quote the key")
            return _KEY_IS_COLLECTION
        key = str(event.value)
        if parent is None:
            return _DROPPED
        path = (*parent, key)
        first = self.source.keys.get(path)
        if first is _GLUING_KEY:
            # '-id': a new item whose '- ' lost its space. The schema tells it at this key.
            self.source.keys[path] = event.start_mark
            self.run_together.add(parent)
            return path
        if first is not None:
            line = self.source.position(first)[0]
            finding = lost_dash(parent, key, line)
            if finding is not None:
                self.run_together.add(parent)
            elif key == "stem" and in_question(parent):
                self._second_stems.setdefault(parent, position[0])
                finding = second_stem(line)
            else:
                finding = repeated_key(key, line, self._second_stems.get(parent))
            self._report("duplicate-key", position, *finding)
            return _DROPPED
        self.source.keys[path] = event.start_mark
        return path

    def _new_item_again(self, item: dict[str, Any], event: Any) -> None:
        """Tell a key that starts yet another new item run into ``item`` (its 'id', or
        '-id'), after the first one cut it: the rest of it is dropped unread."""
        held = self._cut_items.get(id(item))
        if held is None or held[0] is not item:
            return
        path, key = held[1], str(event.value)
        first = FIRST_KEYS_OF.get(str(path[0]))
        if key == first and (mark := self.source.keys.get((*path, key))) is not None:
            finding = lost_dash(path, key, self.source.position(mark)[0])
            if finding:
                self._report("duplicate-key", self._at(event), *finding)
        elif key == f"-{first}":
            self._glued_again.append((path, key, event.start_mark))

    def _forget_reading(self, told: int) -> None:
        """Forget what a reading recorded (the records a ``Source`` starts empty, and
        ``flow_mappings``) and the problems it found after the first ``told``, to read the
        same text again."""
        for record in fields(self.source):
            if record.default_factory is not MISSING:
                getattr(self.source, record.name).clear()
        self.source.flow_mappings = False
        del self.problems[told:]
        self.run_together.clear()
        self._cut_items.clear()
        self._glued_again.clear()
        self._second_stems.clear()

    def _comment_after(self, text: str, event: Any, path: JsonPath) -> None:
        """Record the comment that starts one space after the unquoted ``event``: after
        its text, or in place of it ('A: #1 traceroute', an empty value, when a word
        follows the '#' at once: '# note' is a note)."""
        mark = event.end_mark  # the '#' is on the same line, one character on
        at = mark.index + 1
        line_end = text.find("\n", at)
        comment = text[at : len(text) if line_end == -1 else line_end].split("\r", 1)[0]
        position = self.source.position(_Mark(mark.line, mark.column + 1, at))
        if event.value:
            self.source.comments_after[path] = (position, comment.rstrip())
        elif comment[1:2].strip():
            self.source.comments_for_values[path] = (position, comment.rstrip())

    def _escape_slips(self, text: str, event: Any, path: JsonPath) -> None:
        """Record the escapes in the double-quoted ``event`` most likely meant as a
        backslash and a letter, and those that write a control character
        (``exambank.escapes``), and whether it writes a blank as one."""
        start, end = event.start_mark.index, event.end_mark.index
        if text.find("\\", start, end) == -1:
            return
        found = slips(text, start, end)
        if found:
            lines = self._lines = self._lines or Lines(text)
            self.source.escape_slips[path] = [
                (lines.position(at), text[at : at + 2]) for at in found
            ]
        written = controls(text, start, end)
        if written:
            lines = self._lines = self._lines or Lines(text)
            self.source.control_escapes[path] = [
                (lines.position(at), escape) for at, escape in written
            ]
        if writes_blank(text, start, end):
            self.source.escaped_blanks.add(path)

    def _garbled(self, text: str, event: Any, path: JsonPath, meant: str) -> None:
        """Record the text ``event`` a wrong encoding garbled: where its first garbled
        word is written, and the text as meant (``exambank.mojibake``)."""
        start = event.start_mark.index + (event.style in ("'", '"'))
        at = garbled_at(text, start, event.end_mark.index)
        self._lines = self._lines or Lines(text)
        self.source.unmangled[path] = (self._lines.position(at), meant)

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
