"""Read bank files into plain data, remembering where every value came from.

Linting uses libyaml's composer (through ruamel.yaml's C binding): it gives every node's
line and column at C speed, about ten times faster than the pure-Python round-trip loader,
which is kept for rewriting files. Nodes are turned into plain Python values here, so one
walk finds duplicate keys, aliases and scalars that YAML typed behind the author's back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from exambank.diagnostics import Diagnostic

from ruamel.yaml import YAML
from ruamel.yaml.cyaml import CSafeLoader

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

# Plain scalars that YAML 1.1 readers (PyYAML, many editors) take for booleans, even where
# YAML 1.2 reads text: an option "yes" must be quoted so every tool agrees it is text.
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
_STR_TAG = "tag:yaml.org,2002:str"
_NON_TEXT = {
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:null": "null",
}


@dataclass
class Source:
    """One file's data and the 1-based position of every value and mapping key in it."""

    path: Path
    display: str
    data: Any = None
    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    # Scalars YAML typed as number/boolean/null, by path: (kind, text as written).
    typed_scalars: dict[JsonPath, tuple[str, str]] = field(default_factory=dict)

    def where(self, path: JsonPath) -> Position:
        """Position of the value at ``path``, or of its nearest ancestor that exists."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def where_key(self, path: JsonPath) -> Position:
        """Position of the key that introduces ``path``; the value's position if none."""
        return self.keys.get(path) or self.where(path)


def read_source(path: Path, display: str | None = None) -> tuple[Source, list[Diagnostic]]:
    """Read one YAML file. ``Source.data`` is None when nothing usable could be read."""
    source = Source(path=path, display=display or str(path))
    problems: list[Diagnostic] = []

    def report(rule: str, position: Position, message: str, hint: str | None) -> None:
        problems.append(Diagnostic(source.display, *position, "error", rule, message, hint))

    try:
        raw = path.read_bytes()
    except OSError as error:
        report("yaml-syntax", (1, 1), f"cannot read the file: {error.strerror}", None)
        return source, problems
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: read past it
    except UnicodeDecodeError as error:
        line, column = _position_of_byte(raw, error.start)
        report(
            "encoding",
            (line, column),
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (most editors: 'Save with encoding')",
        )
        return source, problems
    if not text.strip():
        report("schema", (1, 1), "the file is empty", "a bank file is a mapping: start with 'id:'")
        return source, problems
    try:
        root = _compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "not valid YAML"
        if problem.startswith("maximum depth"):
            problem = f"values nest more than {_SAFE_DEPTH} levels deep"
        report("yaml-syntax", position, problem, _syntax_hint(problem))
        return source, problems
    except RecursionError:
        report("yaml-syntax", (1, 1), "the file nests too deeply to read", None)
        return source, problems
    except YAMLError as error:
        report("yaml-syntax", (1, 1), f"not valid YAML: {error}".strip(), None)
        return source, problems
    if root is None:
        report("schema", (1, 1), "the file holds only comments", "start with 'id:'")
        return source, problems
    walker = _Walker(source, problems)
    source.data = walker.value(root, ())
    return source, problems


# libyaml's composer recurses in C and crashes the process on nesting some ten thousand
# levels deep, so a file that could nest that deep goes to the pure-Python composer, whose
# recursion limit turns into a diagnostic. Real bank files nest fewer than ten levels.
_DEEP_BLOCK = re.compile(r"^ {200}|(?:[-?:][ \t]+){200}", re.MULTILINE)
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
_SAFE_DEPTH = 200


def _may_nest_deeply(text: str) -> bool:
    if _DEEP_BLOCK.search(text):
        return True
    if text.count("[") + text.count("{") < _SAFE_DEPTH:
        return False
    depth = 0
    for bracket in _FLOW_BRACKET.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
        if depth >= _SAFE_DEPTH:
            return True
    return False


def _compose(text: str) -> Node | None:
    if _may_nest_deeply(text):
        careful = YAML(typ="safe", pure=True)
        careful.max_depth = _SAFE_DEPTH
        return careful.compose(text)  # type: ignore[no-any-return]
    loader = CSafeLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _position_of_byte(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    return raw.count(b"\n", 0, offset) + 1, len(prefix) + 1


def _syntax_hint(problem: str) -> str | None:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "text containing ': ' must be quoted"
    if "expected a single document" in problem:
        return "a bank file holds one document: remove the extra '---'"
    return None


class _Walker:
    """Turns composed nodes into plain values, noting positions and problems."""

    def __init__(self, source: Source, problems: list[Diagnostic]) -> None:
        self.source = source
        self.problems = problems
        self.seen: set[int] = set()

    def value(self, node: Node, path: JsonPath) -> Any:
        if id(node) in self.seen:  # an alias: refuse rather than expand (alias bombs)
            self._report(
                "yaml-syntax",
                path,
                "anchors and aliases (&name, *name) are not supported in bank files",
                "write the value out in full",
            )
            return None
        self.seen.add(id(node))
        mark = node.start_mark
        self.source.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    Diagnostic(
                        self.source.display, line, column, "error", "schema",
                        "a key must be plain text, not a list or mapping", None,
                    )
                )
                continue
            key = str(key_node.value)
            if key in result:
                self.problems.append(
                    Diagnostic(
                        self.source.display, line, column, "error", "duplicate-key",
                        f"key '{key}' repeats (first at line {first_line[key]})",
                        "keep one of them; YAML readers silently drop one",
                    )
                )
                continue
            first_line[key] = line
            self.source.keys[(*path, key)] = (line, column)
            result[key] = self.value(value_node, (*path, key))
        return result

    def _scalar(self, node: Node, path: JsonPath) -> Any:
        text = node.value
        if node.tag == _STR_TAG:
            if not node.style and _YAML11_BOOL.match(text):
                self.source.typed_scalars[path] = ("boolean", text)
                return text.lower() in {"yes", "on"}
            return text
        kind = _NON_TEXT.get(node.tag)
        if kind is None:  # timestamps and the like: keep the text as written
            return text
        self.source.typed_scalars[path] = (kind, text)
        if kind == "null":
            return None
        if kind == "boolean":
            return text.lower() == "true"
        try:
            return int(text, 0) if node.tag.endswith("int") else float(text)
        except ValueError:
            return float("nan")

    def _report(self, rule: str, path: JsonPath, message: str, hint: str) -> None:
        line, column = self.source.where_key(path)
        self.problems.append(
            Diagnostic(self.source.display, line, column, "error", rule, message, hint)
        )


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """The YAML files of a bank folder, in name order."""
    yield from sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"})
